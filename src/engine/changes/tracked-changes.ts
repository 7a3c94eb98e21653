import { tablespaceVersionDir } from '../pgdata/listing-relations';
import type { Source } from '../source/source';
import { formatLsn } from '../wal/lsn';
import type { ChangeSource } from './change-source';
import { countBlocks } from './change-source';
import { trackerEstimate } from './choice';
import { ptrackChanges } from './ptrack';
import type { Tracker, TrackingUnavailable } from './tracker';
import { applyLimitBlocks, walSummaryChanges } from './wal-summaries';

/** How long PTRACK waits for the WAL summarizer to reach the backup start before refusing. */
export const SUMMARIZER_WAIT_MS = 30_000;

/**
 * The source's changes from its change tracking, with no data file read: the ptrack extension's
 * page map, or PostgreSQL 17+'s WAL summaries covering R..the copy's start. Only the tracker
 * chooseTracker found can answer; the other says why not.
 */
export function trackedChanges(kind: Tracker['kind'], source: Source, tracker: Tracker | null, trackerError: TrackingUnavailable | null): ChangeSource<Tracker['kind']> {
  if (tracker?.kind !== kind) {
    const unavailable = tracker ? `not checked: ${tracker.kind} answers` : trackerError!.reason;
    return { candidate: { method: kind, estimate: null, unavailable }, find: async () => ({ incomplete: unavailable }) };
  }
  return { candidate: { method: kind, estimate: trackerEstimate() }, find: kind === 'ptrack' ? ptrackMap(source) : walSummaries(source) };
}

function ptrackMap(source: Source): ChangeSource<'ptrack'>['find'] {
  return async (q) => {
    const res = await ptrackChanges(source.sql('Change tracking'), q.referenceLsn);
    const blocks = countBlocks(res.changed);
    q.logger.info(`source changes: ptrack ${res.version} map since ${formatLsn(q.referenceLsn)}: ${res.rows} files, ${blocks} blocks; 0 data files scanned`);
    return { changed: res.changed, record: { side: 'source', method: 'ptrack', filesScanned: 0, blocksFound: blocks, bytesRead: 0, detail: `ptrack ${res.version}, tracking since ${formatLsn(res.initLsn)}`, ...q.chosen } };
  };
}

function walSummaries(source: Source): ChangeSource<'wal-summaries'>['find'] {
  return async (q) => {
    const { referenceLsn, startLsn, sourceListing } = q;
    const relsegSize = source.relsegSize;
    const res = await walSummaryChanges(source.sql('Change tracking'), {
      fromLsn: referenceLsn, toLsn: startLsn, timeline: source.identity.timeline, history: source.history,
      blockSize: source.blockSize, relsegSize, tablespaceVersionDir: tablespaceVersionDir(sourceListing, source.info.major), waitMs: SUMMARIZER_WAIT_MS, logger: q.logger,
    });
    const sizes = new Map(sourceListing.filter((e) => !e.isDir).map((e) => [e.path, e.size]));
    const changed = applyLimitBlocks(res.changed, res.limits, sizes, source.blockSize, relsegSize);
    const blocks = countBlocks(changed);
    q.logger.info(`source changes: ${res.summaries} WAL summaries (${res.rows} rows) for ${formatLsn(referenceLsn)}..${formatLsn(startLsn)}: ${blocks} blocks; 0 data files scanned`);
    return {
      changed,
      record: { side: 'source', method: 'wal-summaries', filesScanned: 0, blocksFound: blocks, bytesRead: 0, detail: `${res.summaries} WAL summaries covering ${formatLsn(referenceLsn)}..${formatLsn(startLsn)}`, ...q.chosen },
    };
  };
}
