import { CatchupError } from '../errors';
import type { Logger } from '../log';
import { relationMainForkBytes, tablespaceVersionDir } from '../pgdata/listing-relations';
import type { TargetEntry } from '../pgdata/target-listing';
import {
  Candidate, ChangeSourceError, chooseChangeSource, Choice, localPageScanEstimate, serverPageScanEstimate, SourceMethod, targetWalEstimate, trackerEstimate, walReplayEstimate,
} from '../plan/change-source-choice';
import { patchCandidates } from '../plan/plan-delta';
import type { Report } from '../report/report';
import type { SourceEntry } from '../source/file-listing';
import { ptrackAvailable, ptrackChanges } from '../source/ptrack-changes';
import { missingWalFiles, walFilesBetween } from '../source/source-wal-files';
import {
  applyLimitBlocks, checkWalSummaries, listWalSummaries, planSummaryCoverage, readSummarizerState, walSummaryChanges,
} from '../source/wal-summary-changes';
import { formatLsn, Lsn } from '../wal/lsn';
import { timelineOfLsn } from '../wal/timeline-history';
import type { ReplayStart } from './backup-copy';
import type { ReferenceDecision } from './divergence';
import { formatBytes } from './format-bytes';
import { serverOf, SourceSession } from './source-session';
import { scanSourceChangedBlocks } from './source-reads';
import { localSourceWalChanges } from './source-wal-changes';

export type ChangeRecord = NonNullable<Report['changeSources']>[number];

/** How long PTRACK waits for the WAL summarizer to reach the backup start before refusing. */
export const SUMMARIZER_WAIT_MS = 30_000;

/** Which tracker PTRACK uses on this source: the ptrack extension where installed, else WAL summaries. */
export type Tracker = { kind: 'ptrack' } | { kind: 'wal-summaries' };

/** Blocks in a changed-block map. */
export const countBlocks = (m: Map<string, number[]>) => [...m.values()].reduce((n, b) => n + b.length, 0);

/**
 * Before the first write: can PTRACK answer for changes since R? The ptrack extension must be
 * tracking; WAL summaries must exist without a hole from R up to where the summarizer is now
 * (the rest, up to the backup start, is waited for later). Refuses with the reason and DELTA.
 */
export async function chooseTracker(source: SourceSession, referenceLsn: Lsn): Promise<Tracker> {
  if (!source.server) {
    throw new TrackingUnavailable('a stopped data directory has no change tracking to ask', 'PTRACK reads the change tracking of a running server, and the source is a stopped data directory.',
      'Use -b DELTA with --source-pgdata: it finds the changed blocks itself.');
  }
  const { control } = source.server;
  const ptrack = await ptrackAvailable(control);
  if (ptrack.installed && !ptrack.reason) return { kind: 'ptrack' };
  const summariesUnavailable = await checkWalSummaries(control);
  if (summariesUnavailable) {
    const why = [summariesUnavailable, ptrack.reason].filter(Boolean).join('; and ');
    throw new TrackingUnavailable(why, `PTRACK needs change tracking on the source, and it has none: ${why}.`,
      source.info.major >= 17
        ? 'Use -b DELTA (it finds changed blocks by their page LSNs and needs no tracking), or turn on WAL summaries for later runs: ALTER SYSTEM SET summarize_wal = on; SELECT pg_reload_conf();'
        : 'Use -b DELTA: it finds changed blocks by their page LSNs and needs no change tracking.');
  }
  const state = await readSummarizerState(control);
  if (state.summarizedLsn > referenceLsn) {
    const coverage = planSummaryCoverage({
      history: source.history, currentTli: source.identity.timeline, fromLsn: referenceLsn, toLsn: state.summarizedLsn,
      available: await listWalSummaries(control),
    });
    if (coverage.gap) {
      throw new TrackingUnavailable(`the WAL summaries have a hole: ${coverage.gap}`,
        `The WAL summaries on the source do not cover every change since the reference LSN ${formatLsn(referenceLsn)}: ${coverage.gap}.`,
        'Use -b DELTA (it needs no tracking); raise wal_summary_keep_time on the source so later PTRACK runs find their summaries.');
    }
  }
  return { kind: 'wal-summaries' };
}

/** Change tracking cannot answer; `reason` says why without PTRACK's advice (DELTA just uses something else). */
export class TrackingUnavailable extends CatchupError {
  constructor(readonly reason: string, problem: string, fix: string) {
    super('ptrack-unavailable', problem, fix);
  }
}

export interface SourceChanges {
  changed: Map<string, number[]>;
  record: ChangeRecord;
}

/** The source side, decided before the first write. */
export interface SourceSide {
  choice: Choice<SourceMethod>;
  tracker: Tracker | null;
  /** wal-replay: where the target's recovery starts. */
  replay: ReplayStart | null;
}

type Flavor = 'DELTA' | 'PTRACK' | 'rewind';

/**
 * Design rule 4, source half, chosen by cost before anything is written: a page-LSN scan on the
 * server, change tracking (WAL summaries or ptrack), or shipping the source's WAL from R for the
 * target to replay. PTRACK allows only tracking, and refuses when it cannot answer.
 */
export async function chooseSourceSide(
  flavor: Flavor, source: SourceSession, decision: ReferenceDecision, targetListing: TargetEntry[], forced: SourceMethod | undefined,
): Promise<SourceSide> {
  const R = decision.referenceLsn;
  const candidates: Array<Candidate<SourceMethod>> = [];
  const relationBytes = relationMainForkBytes(targetListing);
  candidates.push(flavor === 'PTRACK'
    ? { method: 'page-scan', estimate: null, unavailable: 'PTRACK reads change tracking and never the data files (use -b DELTA for the other methods)' }
    : { method: 'page-scan', estimate: source.server ? serverPageScanEstimate(relationBytes) : localPageScanEstimate(relationBytes) });

  let tracker: Tracker | null = null;
  let trackerError: TrackingUnavailable | null = null;
  try {
    tracker = await chooseTracker(source, R);
  } catch (err) {
    if (!(err instanceof TrackingUnavailable)) throw err;
    trackerError = err;
  }
  if (flavor === 'PTRACK' && trackerError) throw trackerError;
  for (const kind of ['wal-summaries', 'ptrack'] as const) {
    if (tracker?.kind === kind) candidates.push({ method: kind, estimate: trackerEstimate() });
    else candidates.push({ method: kind, estimate: null, unavailable: tracker ? `not checked: ${tracker.kind} answers` : trackerError!.reason });
  }

  const replay = await replayCandidate(flavor, source, decision);
  candidates.push(replay.candidate, sourceWalCandidate(source, R));
  try {
    const choice = chooseChangeSource('source', candidates, forced);
    return { choice, tracker: choice.method === tracker?.kind ? tracker : null, replay: choice.method === 'wal-replay' ? replay.start : null };
  } catch (err) {
    if (err instanceof ChangeSourceError) throw new CatchupError('change-source', err.message, 'Drop --change-source to let pg-catchup choose.');
    throw err;
  }
}

/** Shipping the source's WAL from R: only where the source still has every segment of it. */
async function replayCandidate(flavor: Flavor, source: SourceSession, decision: ReferenceDecision): Promise<{ candidate: Candidate<SourceMethod>; start: ReplayStart | null }> {
  const method = 'wal-replay' as const;
  const R = decision.referenceLsn;
  if (flavor === 'PTRACK') return { candidate: { method, estimate: null, unavailable: 'PTRACK reads change tracking only' }, start: null };
  if (!source.server) {
    return { candidate: { method, estimate: null, unavailable: "a stopped source's pages are final: the target starts at its shutdown checkpoint and needs none of its WAL from R" }, start: null };
  }
  if (decision.checkpointLsn === undefined) {
    return { candidate: { method, estimate: null, unavailable: `no checkpoint is known whose redo is R (${formatLsn(R)}; R is the fork point itself, or was recorded by an interrupted run), and replay must start at one` }, start: null };
  }
  const now = source.identity.walPosition;
  const files = walFilesBetween(R, now, source.history, source.identity.timeline, source.segSize);
  const missing = await missingWalFiles(source.server.control, files, source.segSize);
  if (missing) return { candidate: { method, estimate: null, unavailable: missing }, start: null };
  return {
    candidate: { method, estimate: walReplayEstimate(Number(now - R)) },
    start: { redoLsn: R, checkpointLsn: decision.checkpointLsn, timeline: timelineOfLsn(source.history, source.identity.timeline, R) },
  };
}

/**
 * Reading a stopped source's own WAL from R for its block references, here, as pg_rewind reads
 * the target's: no data file is scanned. Only where the WAL is on this host.
 */
function sourceWalCandidate(source: SourceSession, R: Lsn): Candidate<SourceMethod> {
  const method = 'source-wal' as const;
  if (!source.local) return { method, estimate: null, unavailable: "the source's WAL is read here only from a stopped data directory (--source-pgdata)" };
  const end = source.local.walEnd;
  return { method, estimate: targetWalEstimate(Number(end > R ? end - R : 0n)) };
}

/**
 * The blocks the source changed since R, per main-fork file, by the chosen method: a page-LSN
 * scan (on the server, or here of a stopped source) of every file the target also has, the
 * tracker (no data file is read), a stopped source's own WAL, or none at all when the target
 * replays the source's WAL from R.
 */
export async function findSourceChanges(
  side: SourceSide, replaying: boolean, source: SourceSession, sourceListing: SourceEntry[], targetListing: TargetEntry[],
  referenceLsn: Lsn, startLsn: Lsn, logger: Logger,
): Promise<SourceChanges> {
  const { choice, tracker } = side;
  const chosen = { estimate: choice.estimate, reason: choice.reason };
  if (choice.method === 'wal-replay' && replaying) {
    const bytes = Number(startLsn - referenceLsn);
    logger.info(`source changes: none copied; the target replays the source's WAL from ${formatLsn(referenceLsn)} (${formatBytes(bytes)} up to the backup start)`);
    return {
      changed: new Map(),
      record: {
        side: 'source', method: 'wal-replay', filesScanned: 0, blocksFound: 0, bytesRead: bytes, ...chosen,
        detail: `the source's WAL from ${formatLsn(referenceLsn)} is shipped, and the target replays it from the checkpoint at R`,
      },
    };
  }
  let fallback: string | null = null;
  if (choice.method === 'source-wal') {
    const found = await localSourceWalChanges(source.local!, sourceListing, referenceLsn, source.relsegSize, source.blockSize);
    if (found.complete) {
      const blocks = countBlocks(found.changed);
      logger.info(`source changes: ${found.records} records of the source's WAL from ${formatLsn(referenceLsn)} (${formatBytes(found.walBytes)}) reference ${blocks} blocks; 0 data files scanned`);
      return {
        changed: found.changed,
        record: {
          side: 'source', method: 'source-wal', filesScanned: 0, blocksFound: blocks, bytesRead: found.walBytes, ...chosen,
          detail: `block references of the stopped source's WAL ${formatLsn(referenceLsn)}..${formatLsn(found.endLsn)}`,
        },
      };
    }
    fallback = `source-wal was chosen, but the source's WAL from R cannot account for every change (${found.reason}): its pages are scanned instead`;
    logger.info(`source changes: ${fallback}`);
  }
  if (choice.method === 'page-scan' || choice.method === 'wal-replay' || choice.method === 'source-wal' || !tracker) {
    const candidates = patchCandidates(sourceListing, targetListing, source.blockSize);
    const changed = await scanSourceChangedBlocks(source, candidates, referenceLsn);
    const blocks = countBlocks(changed);
    const where = source.server ? 'on the server' : 'here, of the stopped source';
    logger.info(`source changes: page-LSN scan of ${candidates.length} files ${where} found ${blocks} blocks with LSN >= ${formatLsn(referenceLsn)}`);
    return {
      changed,
      record: {
        side: 'source', method: 'page-scan', filesScanned: candidates.length, blocksFound: blocks, bytesRead: candidates.reduce((n, c) => n + c.length, 0),
        detail: `page LSN >= ${formatLsn(referenceLsn)}, read ${where}`,
        // wal-replay here: the source recycled that WAL before it was copied (logged then).
        ...(choice.method === 'page-scan' ? chosen : { reason: fallback ?? 'wal-replay was chosen, but the source recycled its WAL from R before it was copied' }),
      },
    };
  }
  const { control } = serverOf(source, 'Change tracking');
  if (tracker.kind === 'ptrack') {
    const res = await ptrackChanges(control, referenceLsn);
    const blocks = countBlocks(res.changed);
    logger.info(`source changes: ptrack ${res.version} map since ${formatLsn(referenceLsn)}: ${res.rows} files, ${blocks} blocks; 0 data files scanned`);
    return { changed: res.changed, record: { side: 'source', method: 'ptrack', filesScanned: 0, blocksFound: blocks, bytesRead: 0, detail: `ptrack ${res.version}, tracking since ${formatLsn(res.initLsn)}`, ...chosen } };
  }
  const relsegSize = source.relsegSize;
  const res = await walSummaryChanges(control, {
    fromLsn: referenceLsn, toLsn: startLsn, timeline: source.identity.timeline, history: source.history,
    blockSize: source.blockSize, relsegSize, tablespaceVersionDir: tablespaceVersionDir(sourceListing, source.info.major), waitMs: SUMMARIZER_WAIT_MS, logger,
  });
  const sizes = new Map(sourceListing.filter((e) => !e.isDir).map((e) => [e.path, e.size]));
  const changed = applyLimitBlocks(res.changed, res.limits, sizes, source.blockSize, relsegSize);
  const blocks = countBlocks(changed);
  logger.info(`source changes: ${res.summaries} WAL summaries (${res.rows} rows) for ${formatLsn(referenceLsn)}..${formatLsn(startLsn)}: ${blocks} blocks; 0 data files scanned`);
  return {
    changed,
    record: { side: 'source', method: 'wal-summaries', filesScanned: 0, blocksFound: blocks, bytesRead: 0, detail: `${res.summaries} WAL summaries covering ${formatLsn(referenceLsn)}..${formatLsn(startLsn)}`, ...chosen },
  };
}
