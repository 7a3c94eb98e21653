import { patchCandidates } from '../plan/plan-delta';
import type { Source } from '../source/source';
import { formatLsn } from '../wal/lsn';
import type { ChangeQuery, ChangeRecord, ChangeSource, FoundChanges } from './change-source';
import { countBlocks } from './change-source';
import { localPageScanEstimate, serverPageScanEstimate } from './choice';

/**
 * The source's changes by page LSN: every block of every file the target also has, with a page
 * LSN >= R or new, scanned on the server or here of a stopped source (the source decides where).
 * Always possible, so it is also what runs when another method cannot account for every change.
 */
export function sourcePageScan(source: Source, relationBytes: number, ptrackOnly: boolean): ChangeSource<'page-scan'> & { scan(q: ChangeQuery, reason: Pick<ChangeRecord, 'estimate' | 'reason'>): Promise<FoundChanges> } {
  const candidate = ptrackOnly
    ? { method: 'page-scan' as const, estimate: null, unavailable: 'PTRACK reads change tracking and never the data files (use -b DELTA for the other methods)' }
    : { method: 'page-scan' as const, estimate: source.pagesReadHere ? localPageScanEstimate(relationBytes) : serverPageScanEstimate(relationBytes) };
  const scan = async (q: ChangeQuery, why: Pick<ChangeRecord, 'estimate' | 'reason'>): Promise<FoundChanges> => {
    const candidates = patchCandidates(q.sourceListing, q.targetListing, source.blockSize);
    const changed = await source.scanChangedBlocks(candidates, q.referenceLsn);
    const blocks = countBlocks(changed);
    const where = source.pagesReadHere ? 'here, of the stopped source' : 'on the server';
    q.logger.info(`source changes: page-LSN scan of ${candidates.length} files ${where} found ${blocks} blocks with LSN >= ${formatLsn(q.referenceLsn)}`);
    return {
      changed,
      record: {
        side: 'source', method: 'page-scan', filesScanned: candidates.length, blocksFound: blocks, bytesRead: candidates.reduce((n, c) => n + c.length, 0),
        detail: `page LSN >= ${formatLsn(q.referenceLsn)}, read ${where}`,
        ...why,
      },
    };
  };
  return { candidate, scan, find: (q) => scan(q, q.chosen) };
}
