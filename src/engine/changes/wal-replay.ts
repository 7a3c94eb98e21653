import type { ReferenceDecision } from '../divergence/reference-decision';
import { formatBytes } from '../report/format-bytes';
import type { ReplayStart } from '../source/source-copy';
import type { Source } from '../source/source';
import { walFilesBetween } from '../source/server/source-wal-files';
import { formatLsn } from '../wal/lsn';
import { timelineOfLsn } from '../wal/timeline-history';
import type { ChangeSource } from './change-source';
import { walReplayEstimate } from './choice';

/**
 * No changed block is copied at all: the source's WAL from R is shipped and the target replays it
 * from the checkpoint whose redo is R, as pg_rewind arranges it. Only where a checkpoint at R is
 * known and the source still has every segment from R on.
 */
export async function walReplay(ptrackOnly: boolean, source: Source, decision: ReferenceDecision): Promise<ChangeSource<'wal-replay'> & { start: ReplayStart | null }> {
  const method = 'wal-replay' as const;
  const R = decision.referenceLsn;
  const unavailable = (why: string) => ({ candidate: { method, estimate: null, unavailable: why }, start: null, find });
  if (ptrackOnly) return unavailable('PTRACK reads change tracking only');
  if (source.pagesFinal) return unavailable(source.pagesFinal);
  if (decision.checkpointLsn === undefined) {
    return unavailable(`no checkpoint is known whose redo is R (${formatLsn(R)}; R is the fork point itself, or was recorded by an interrupted run), and replay must start at one`);
  }
  const now = source.identity.walPosition;
  const files = walFilesBetween(R, now, source.history, source.identity.timeline, source.segSize);
  const missing = await source.missingWal(files);
  if (missing) return unavailable(missing);
  return {
    candidate: { method, estimate: walReplayEstimate(Number(now - R)) },
    start: { redoLsn: R, checkpointLsn: decision.checkpointLsn, timeline: timelineOfLsn(source.history, source.identity.timeline, R) },
    find,
  };
}

/** Nothing to find: replay from R covers every change up to the copy's start. */
const find: ChangeSource<'wal-replay'>['find'] = async (q) => {
  const bytes = Number(q.startLsn - q.referenceLsn);
  q.logger.info(`source changes: none copied; the target replays the source's WAL from ${formatLsn(q.referenceLsn)} (${formatBytes(bytes)} up to the backup start)`);
  return {
    changed: new Map(),
    record: {
      side: 'source', method: 'wal-replay', filesScanned: 0, blocksFound: 0, bytesRead: bytes, ...q.chosen,
      detail: `the source's WAL from ${formatLsn(q.referenceLsn)} is shipped, and the target replays it from the checkpoint at R`,
    },
  };
};
