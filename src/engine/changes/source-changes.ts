import { CatchupError } from '../errors';
import type { ReferenceDecision } from '../divergence/reference-decision';
import { relationMainForkBytes } from '../pgdata/listing-relations';
import type { TargetEntry } from '../pgdata/target-listing';
import type { ReplayStart } from '../source/source-copy';
import type { Source } from '../source/source';
import type { ChangeQuery, ChangeSource, FoundChanges } from './change-source';
import { ChangeSourceError, chooseChangeSource, Choice, SourceMethod } from './choice';
import { incrementalBackupChanges } from './incremental-backup';
import { sourcePageScan } from './page-lsn-scan';
import { sourceWal } from './source-wal';
import { trackedChanges } from './tracked-changes';
import { chooseTracker, Tracker, TrackingUnavailable } from './tracker';
import { walReplay } from './wal-replay';

type Flavor = 'DELTA' | 'PTRACK' | 'rewind';

/** The source side, decided before the first write. */
export interface SourceSide {
  choice: Choice<SourceMethod>;
  tracker: Tracker | null;
  /** wal-replay: where the target's recovery starts. */
  replay: ReplayStart | null;
  /** The chosen method, and the page scan every other method falls back to. */
  chosen: ChangeSource<SourceMethod>;
  pageScan: ReturnType<typeof sourcePageScan>;
}

/**
 * Design rule 4, source half, chosen by cost before anything is written: a page-LSN scan, change
 * tracking (WAL summaries or ptrack), the source's own WAL (a stopped source), or shipping the
 * source's WAL from R for the target to replay. PTRACK allows only tracking, and refuses when it
 * cannot answer.
 */
export async function chooseSourceSide(
  flavor: Flavor, source: Source, decision: ReferenceDecision, targetListing: TargetEntry[], forced: SourceMethod | undefined, targetDir?: string,
): Promise<SourceSide> {
  const R = decision.referenceLsn;
  const ptrackOnly = flavor === 'PTRACK';
  const pageScan = sourcePageScan(source, relationMainForkBytes(targetListing), ptrackOnly);
  let tracker: Tracker | null = null;
  let trackerError: TrackingUnavailable | null = null;
  try {
    tracker = await chooseTracker(source, R);
  } catch (err) {
    if (!(err instanceof TrackingUnavailable)) throw err;
    trackerError = err;
  }
  if (ptrackOnly && trackerError) throw trackerError;
  const replay = await walReplay(ptrackOnly, source, decision, targetDir);
  const methods: Array<ChangeSource<SourceMethod>> = [
    pageScan, trackedChanges('wal-summaries', source, tracker, trackerError), incrementalBackupChanges(ptrackOnly, source, tracker),
    trackedChanges('ptrack', source, tracker, trackerError), replay, sourceWal(source, R),
  ];
  try {
    // pg_rewind's own way from a stopped data directory, whenever it is possible: the drop-in does what pg_rewind does.
    const preferred = flavor === 'rewind' && source.pagesReadHere
      ? { method: 'wal-replay' as const, why: "pg_rewind's way for a rewind from a stopped data directory: the target replays the source's WAL from R, keeping its own WAL up to the fork" }
      : undefined;
    const choice = chooseChangeSource('source', methods.map((m) => m.candidate), forced, preferred);
    const chosen = methods.find((m) => m.candidate.method === choice.method)!;
    return { choice, chosen, pageScan, tracker: choice.method === tracker?.kind || choice.method === 'incremental-backup' ? tracker : null, replay: choice.method === 'wal-replay' ? replay.start : null };
  } catch (err) {
    if (err instanceof ChangeSourceError) throw new CatchupError('change-source', err.message, 'Drop --change-source to let pg-catchup choose.');
    throw err;
  }
}

/**
 * The blocks the source changed since R, per main-fork file, by the chosen method. The page scan
 * stands in when the chosen one cannot answer after all: the source's WAL from R does not account
 * for every change, or the source recycled the WAL to replay before it was copied (`replaying`
 * false), and it says so in the record's reason.
 */
export async function findSourceChanges(side: SourceSide, replaying: boolean, query: Omit<ChangeQuery, 'chosen'>): Promise<FoundChanges> {
  const { choice, chosen, pageScan } = side;
  const q: ChangeQuery = { ...query, chosen: { estimate: choice.estimate, reason: choice.reason } };
  if (choice.method === 'wal-replay' && !replaying) {
    return pageScan.scan(q, { reason: 'wal-replay was chosen, but the source recycled its WAL from R before it was copied' });
  }
  const found = await chosen.find(q);
  if (!('incomplete' in found)) return found;
  const fallback = `${choice.method} was chosen, but the source's WAL from R cannot account for every change (${found.incomplete}): its pages are scanned instead`;
  q.logger.info(`source changes: ${fallback}`);
  return pageScan.scan(q, { reason: fallback });
}
