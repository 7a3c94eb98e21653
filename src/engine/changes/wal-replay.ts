import path from 'path';
import type { ReferenceDecision } from '../divergence/reference-decision';
import { formatBytes } from '../report/format-bytes';
import { targetSegmentsToKeep } from '../source/replay-wal';
import type { ReplayStart } from '../source/source-copy';
import type { Source } from '../source/source';
import { walFilesBetween } from '../source/server/source-wal-files';
import { formatLsn, Lsn, parseLsn } from '../wal/lsn';
import { timelineOfLsn } from '../wal/timeline-history';
import type { ChangeSource } from './change-source';
import { stoppedWalReplayEstimate, walReplayEstimate } from './choice';

/**
 * No changed block is copied at all: the source's WAL from R is shipped and the target replays it
 * from the checkpoint whose redo is R, as pg_rewind arranges it. Only where a checkpoint at R is
 * known and every segment from R on is at hand: on the source, or, for a stopped source (which
 * recycles nothing while we read), the target's own segments of the shared history up to the fork.
 */
export async function walReplay(
  ptrackOnly: boolean, source: Source, decision: ReferenceDecision, targetDir?: string,
): Promise<ChangeSource<'wal-replay'> & { start: ReplayStart | null }> {
  const method = 'wal-replay' as const;
  const R = decision.referenceLsn;
  const unavailable = (why: string) => ({ candidate: { method, estimate: null, unavailable: why }, start: null, find });
  if (ptrackOnly) return unavailable('PTRACK reads change tracking only');
  if (decision.checkpointLsn === undefined) {
    return unavailable(`no checkpoint is known whose redo is R (${formatLsn(R)}; R is the fork point itself, or was recorded by an interrupted run), and replay must start at one`);
  }
  const now = source.identity.walPosition;
  const needed = walFilesBetween(R, now, source.history, source.identity.timeline, source.segSize);
  const before = sharedHistoryEnd(decision);
  // Only a stopped source's WAL can be combined with the target's: a server may recycle its own meanwhile.
  const keep = source.pagesFinal !== null && targetDir !== undefined && before !== null
    ? targetSegmentsToKeep(targetDir, needed, before, source.segSize, BigInt(source.identity.systemIdentifier)) : [];
  const fromSource = needed.filter((f) => !keep.includes(path.basename(f.path)));
  const missing = await source.missingWal(fromSource);
  if (missing) return unavailable(keep.length > 0 || source.pagesFinal !== null ? `${missing}, and the target does not have it either` : missing);
  const estimate = source.pagesFinal !== null
    ? stoppedWalReplayEstimate(Math.max(0, fromSource.length - 1) * source.segSize, Number(now - R))
    : walReplayEstimate(Number(now - R));
  return {
    candidate: { method, estimate },
    start: { redoLsn: R, checkpointLsn: decision.checkpointLsn, timeline: timelineOfLsn(source.history, source.identity.timeline, R), keepTargetWal: keep },
    find,
  };
}

/**
 * Where the target's own WAL stops being the source's history byte for byte: the fork of a
 * diverged target, the position of one on the source's history; null when a diverged target's
 * fork is not known.
 */
export function sharedHistoryEnd(decision: ReferenceDecision): Lsn | null {
  const { divergence, position } = decision;
  return divergence.forkLsn ? parseLsn(divergence.forkLsn) : divergence.diverged ? null : position.lsn;
}

/** Nothing to find: replay from R covers every change up to the copy's start. */
const find: ChangeSource<'wal-replay'>['find'] = async (q) => {
  const bytes = Number(q.startLsn - q.referenceLsn);
  q.logger.info(`source changes: none copied; the target replays the source's WAL from ${formatLsn(q.referenceLsn)} (${formatBytes(bytes)} up to the copy's start)`);
  return {
    changed: new Map(),
    record: {
      side: 'source', method: 'wal-replay', filesScanned: 0, blocksFound: 0, bytesRead: bytes, ...q.chosen,
      detail: `the source's WAL from ${formatLsn(q.referenceLsn)} is shipped, and the target replays it from the checkpoint at R`,
    },
  };
};
