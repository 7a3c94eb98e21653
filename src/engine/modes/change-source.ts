import { CatchupError } from '../errors';
import type { Logger } from '../log';
import { parseRelationPath } from '../pgdata/relation-path';
import type { TargetEntry } from '../pgdata/target-listing';
import { patchCandidates } from '../plan/plan-delta';
import type { Report } from '../report/report';
import { scanChangedBlocks } from '../source/changed-blocks-scan';
import type { SourceEntry } from '../source/file-listing';
import { ptrackAvailable, ptrackChanges } from '../source/ptrack-changes';
import {
  applyLimitBlocks, checkWalSummaries, listWalSummaries, planSummaryCoverage, readSummarizerState, walSummaryChanges,
} from '../source/wal-summary-changes';
import { formatLsn, Lsn } from '../wal/lsn';
import type { SourceSession } from './source-session';

export type ChangeRecord = NonNullable<Report['changeSources']>[number];

/** How the source's changed blocks are found: by page LSN (DELTA) or from change tracking (PTRACK). */
export type SourceChangeMethod = 'page-scan' | 'tracking';

/** How long PTRACK waits for the WAL summarizer to reach the backup start before refusing. */
export const SUMMARIZER_WAIT_MS = 30_000;

/** Which tracker PTRACK uses on this source: the ptrack extension where installed, else WAL summaries. */
export type Tracker = { kind: 'ptrack' } | { kind: 'wal-summaries' };

const countBlocks = (m: Map<string, number[]>) => [...m.values()].reduce((n, b) => n + b.length, 0);

/**
 * Before the first write: can PTRACK answer for changes since R? The ptrack extension must be
 * tracking; WAL summaries must exist without a hole from R up to where the summarizer is now
 * (the rest, up to the backup start, is waited for later). Refuses with the reason and DELTA.
 */
export async function chooseTracker(source: SourceSession, referenceLsn: Lsn): Promise<Tracker> {
  const ptrack = await ptrackAvailable(source.control);
  if (ptrack.installed && !ptrack.reason) return { kind: 'ptrack' };
  const summariesUnavailable = await checkWalSummaries(source.control);
  if (summariesUnavailable) {
    const why = [summariesUnavailable, ptrack.reason].filter(Boolean).join('; and ');
    throw new CatchupError('ptrack-unavailable', `PTRACK needs change tracking on the source, and it has none: ${why}.`,
      source.info.major >= 17
        ? 'Use -b DELTA (it finds changed blocks by their page LSNs and needs no tracking), or turn on WAL summaries for later runs: ALTER SYSTEM SET summarize_wal = on; SELECT pg_reload_conf();'
        : 'Use -b DELTA: it finds changed blocks by their page LSNs and needs no change tracking.');
  }
  const state = await readSummarizerState(source.control);
  if (state.summarizedLsn > referenceLsn) {
    const coverage = planSummaryCoverage({
      history: source.history, currentTli: source.identity.timeline, fromLsn: referenceLsn, toLsn: state.summarizedLsn,
      available: await listWalSummaries(source.control),
    });
    if (coverage.gap) {
      throw new CatchupError('ptrack-unavailable',
        `The WAL summaries on the source do not cover every change since the reference LSN ${formatLsn(referenceLsn)}: ${coverage.gap}.`,
        'Use -b DELTA (it needs no tracking); raise wal_summary_keep_time on the source so later PTRACK runs find their summaries.');
    }
  }
  return { kind: 'wal-summaries' };
}

export interface SourceChanges {
  changed: Map<string, number[]>;
  record: ChangeRecord;
}

/**
 * The blocks the source changed since R, per main-fork file (design rule 4), found the way the
 * mode asks: a page-LSN scan on the server of every file the target also has, or the tracker
 * (no data file is read).
 */
export async function findSourceChanges(
  method: SourceChangeMethod, tracker: Tracker | null, source: SourceSession, sourceListing: SourceEntry[], targetListing: TargetEntry[],
  referenceLsn: Lsn, startLsn: Lsn, logger: Logger,
): Promise<SourceChanges> {
  if (method === 'page-scan' || !tracker) {
    const candidates = patchCandidates(sourceListing, targetListing, source.blockSize);
    const changed = await scanChangedBlocks(source.control, candidates, referenceLsn, source.blockSize);
    const blocks = countBlocks(changed);
    logger.info(`source changes: page-LSN scan of ${candidates.length} files on the server found ${blocks} blocks with LSN >= ${formatLsn(referenceLsn)}`);
    return { changed, record: { side: 'source', method: 'page-scan', filesScanned: candidates.length, blocksFound: blocks, detail: `page LSN >= ${formatLsn(referenceLsn)}, read on the server` } };
  }
  if (tracker.kind === 'ptrack') {
    const res = await ptrackChanges(source.control, referenceLsn);
    const blocks = countBlocks(res.changed);
    logger.info(`source changes: ptrack ${res.version} map since ${formatLsn(referenceLsn)}: ${res.rows} files, ${blocks} blocks; 0 data files scanned`);
    return { changed: res.changed, record: { side: 'source', method: 'ptrack', filesScanned: 0, blocksFound: blocks, detail: `ptrack ${res.version}, tracking since ${formatLsn(res.initLsn)}` } };
  }
  const relsegSize = source.relsegSize;
  const res = await walSummaryChanges(source.control, {
    fromLsn: referenceLsn, toLsn: startLsn, timeline: source.identity.timeline, history: source.history,
    blockSize: source.blockSize, relsegSize, tablespaceVersionDir: tablespaceVersionDir(sourceListing, source.info.major), waitMs: SUMMARIZER_WAIT_MS, logger,
  });
  const sizes = new Map(sourceListing.filter((e) => !e.isDir).map((e) => [e.path, e.size]));
  const changed = applyLimitBlocks(res.changed, res.limits, sizes, source.blockSize, relsegSize);
  const blocks = countBlocks(changed);
  logger.info(`source changes: ${res.summaries} WAL summaries (${res.rows} rows) for ${formatLsn(referenceLsn)}..${formatLsn(startLsn)}: ${blocks} blocks; 0 data files scanned`);
  return {
    changed,
    record: { side: 'source', method: 'wal-summaries', filesScanned: 0, blocksFound: blocks, detail: `${res.summaries} WAL summaries covering ${formatLsn(referenceLsn)}..${formatLsn(startLsn)}` },
  };
}

/** The target side of a diverged target: its own pages with LSN >= R (found before the run). */
export function targetChangeRecord(targetChanged: Map<string, number[]>, targetListing: TargetEntry[], referenceLsn: Lsn): ChangeRecord {
  // scanLocalChangedBlocks reads the main forks of permanent relations.
  const files = targetListing.filter((e) => {
    const rel = !e.isDir && !e.isSymlink ? parseRelationPath(e.path) : null;
    return rel !== null && rel.fork === 'main' && !rel.isTemp;
  }).length;
  return { side: 'target', method: 'page-scan', filesScanned: files, blocksFound: countBlocks(targetChanged), detail: `the target's own pages with LSN >= ${formatLsn(referenceLsn)} (its branch after the fork)` };
}

/** PG_<major>_<catversion>, as the source names it inside each tablespace (only needed when it has tablespaces). */
function tablespaceVersionDir(listing: SourceEntry[], major: number): string {
  for (const e of listing) {
    const m = /^pg_tblspc\/\d+\/(PG_\d+_\d+)$/.exec(e.path);
    if (m) return m[1];
  }
  return `PG_${major}_0`;
}
