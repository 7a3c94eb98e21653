import * as path from 'path';
import type { CommandRunner } from '../command-runner';
import { ownerForTarget } from '../pgdata/file-owner';
import { CatchupError } from '../errors';
import { findPostgresBinary, targetRestoreCommand } from '../pgdata/single-user-recovery';
import { RestoreCommandSource } from '../pgdata/restore-command-source';
import type { Logger } from '../log';
import type { TargetState } from '../pgdata/target-state';
import type { Report } from '../report/report';
import { referenceForLaggingTarget, relateToSource, TargetPosition, targetPosition } from '../plan/reference-lsn';
import { readPgWalHistory } from '../pgdata/pg-wal-history';
import { formatLsn, Lsn } from '../wal/lsn';
import { localWalDirSource } from '../wal/local-wal-source';
import { switchpointOf, timelineOfLsn, TimelineHistoryEntry } from '../wal/timeline-history';
import { verifyCheckpointOnSource } from './same-timeline-check';
import { WalReader, WalReadError } from '../wal/wal-reader';
import type { Source } from '../source/source';
import { targetLogsHints } from '../pgdata/target-state';

export interface ReferenceDecision {
  referenceLsn: Lsn;
  reason: string;
  position: TargetPosition;
  divergence: NonNullable<Report['divergence']>;
  /** The checkpoint record whose redo point is R, when known: a target replaying WAL from R starts there. */
  checkpointLsn?: Lsn;
}

/**
 * Design rule 4: R, and whether the target left the source's history. Never a guess: when R
 * cannot be established the run stops here, before any write.
 */
/** How to read the target's WAL when its pg_wal no longer has a segment (-c). */
export interface TargetWalAccess {
  restoreTargetWal?: boolean;
  /** Sync a target whose history cannot be verified as if it diverged after its last checkpoint. */
  assumeDiverged?: boolean;
  runner?: CommandRunner;
  targetBinDir?: string;
}

export async function decideReference(target: TargetState, source: Source, logger: Logger, wal: TargetWalAccess = {}): Promise<ReferenceDecision> {
  const position = targetPosition(target.control);
  if (target.marker) {
    // Resuming: the target's WAL and history went with the interrupted run; the marker kept R.
    const m = target.marker;
    return {
      referenceLsn: m.referenceLsn, reason: `${m.referenceReason} (recorded by the interrupted run)`, position,
      divergence: { diverged: m.diverged, forkLsn: m.forkLsn, detail: m.diverged ? 'diverged (recorded by the interrupted run)' : 'on the source history (recorded by the interrupted run)' },
    };
  }

  const targetHistory = readPgWalHistory(target.dir, position.tli);
  const relation = relateToSource(position, { tli: source.identity.timeline, history: source.history, currentLsn: source.identity.walPosition }, targetHistory);
  if (relation.kind === 'ahead') {
    throw new CatchupError('target-ahead',
      `Current START LSN ${formatLsn(relation.sourceLsn)} is lower than expected START LSN ${formatLsn(position.lsn)}: the target is ahead of the source on timeline ${position.tli}.`,
      'The target has WAL the source does not: check that the connection points at the right primary; otherwise rebuild the target with -b FULL.');
  }
  if (relation.kind === 'unrelated') {
    throw new CatchupError('no-common-history', `Cannot relate the target to the source: ${relation.detail}.`,
      'Without a common history R cannot be established: rebuild the target with -b FULL.');
  }
  if (relation.kind === 'on-history') {
    const ref = referenceForLaggingTarget(target.control, target.backupLabel);
    const onHistory: ReferenceDecision = {
      referenceLsn: ref.lsn, reason: ref.reason, position, checkpointLsn: ref.checkpointLsn,
      divergence: { diverged: false, detail: `the target (timeline ${position.tli}, ${formatLsn(position.lsn)}) is on the source's history` },
    };
    // A backup_label target never ran: its pg_control came from the source with the files.
    if (target.backupLabel) return onHistory;
    return checkSameTimeline(target, source, onHistory, wal, logger);
  }

  // Diverged: R is the redo point of the last target checkpoint before the fork.
  assertHintLogging(target, `the target diverged from the source at ${formatLsn(relation.forkLsn)} (timeline ${relation.forkTli})`);
  const checkpoint = target.control.checkpointLsn < relation.forkLsn
    ? { redo: target.control.redoLsn, lsn: target.control.checkpointLsn, how: `redo LSN ${formatLsn(target.control.redoLsn)} of the target's last checkpoint, which precedes the fork` }
    : await lastCheckpointBeforeFork(target, relation.forkLsn, targetHistory ?? [], wal, logger);
  const label = target.backupLabel;
  const fromLabel = label !== null && label.startWalLocation < checkpoint.redo;
  const referenceLsn = fromLabel ? label.startWalLocation : checkpoint.redo;
  logger.info(`the target diverged from the source at ${formatLsn(relation.forkLsn)} on timeline ${relation.forkTli}; R = ${formatLsn(referenceLsn)}`);
  return {
    referenceLsn, reason: checkpoint.how, position, checkpointLsn: (fromLabel ? label.checkpointLocation : checkpoint.lsn) ?? undefined,
    divergence: {
      diverged: true, forkLsn: formatLsn(relation.forkLsn), forkTimeline: relation.forkTli,
      detail: `the target (timeline ${position.tli}, ${formatLsn(position.lsn)}) left the source's history at ${formatLsn(relation.forkLsn)} on timeline ${relation.forkTli}`,
    },
  };
}

/**
 * Same-timeline divergence: histories agree, yet the target may have run as a primary on the
 * same timeline. Its checkpoints are checked against the source's WAL, newest first; the first
 * identical one precedes any fork, so its redo point is a sound R.
 */
async function checkSameTimeline(target: TargetState, source: Source, onHistory: ReferenceDecision, wal: TargetWalAccess, logger: Logger): Promise<ReferenceDecision> {
  const tli = target.control.timeline;
  const switchpoint = switchpointOf(source.history, source.identity.timeline, tli) ?? null;
  let checkpointLsn = target.control.checkpointLsn;
  let redo = target.control.redoLsn;
  let firstDetail: string | null = null;
  const reader = new WalReader(localWalDirSource(path.join(target.dir, 'pg_wal'), target.control.walSegmentSize), {
    timeline: tli, systemIdentifier: target.control.systemIdentifier,
  });
  for (let step = 0; step < MAX_CHECKPOINTS_BACK; step++) {
    const verdict = await verifyCheckpointOnSource(target, source, tli, switchpoint, checkpointLsn);
    if (verdict.kind === 'same') {
      if (firstDetail === null) return onHistory;
      const own = redo < onHistory.referenceLsn;
      const lsn = own ? redo : onHistory.referenceLsn;
      logger.info(`the target wrote WAL of its own on timeline ${tli}: ${firstDetail}; R = ${formatLsn(lsn)}`);
      return {
        referenceLsn: lsn, position: onHistory.position, checkpointLsn: own ? checkpointLsn : onHistory.checkpointLsn,
        reason: `redo LSN ${formatLsn(redo)} of the target's last checkpoint (at ${formatLsn(checkpointLsn)}) that is identical in the source's WAL`,
        divergence: { diverged: true, forkTimeline: tli, detail: `same-timeline divergence: ${firstDetail}` },
      };
    }
    if (verdict.kind === 'unverifiable') {
      if (!wal.assumeDiverged) {
        throw new CatchupError('history-unverifiable',
          `Cannot verify that the target is on the source's history: ${verdict.detail}. A copy that once ran as a primary on timeline ${tli} (started without standby.signal) would be synced wrongly without knowing it.`,
          'If the target may have diverged, pass --assume-diverged (its own changes since its last checkpoint are undone too); otherwise rebuild it with -b FULL.');
      }
      assertHintLogging(target, verdict.detail);
      // The fork is unknown: start from the oldest checkpoint the target's WAL still has, the
      // most its own data allows; the flag accepts that the fork is not older than that.
      const oldest = await oldestCheckpoint(reader, checkpointLsn, redo);
      const own = oldest.redo < onHistory.referenceLsn;
      const lsn = own ? oldest.redo : onHistory.referenceLsn;
      logger.warn(`${verdict.detail}; --assume-diverged: syncing from ${formatLsn(lsn)}, the oldest checkpoint in the target's WAL`);
      return {
        referenceLsn: lsn, position: onHistory.position, checkpointLsn: own ? oldest.checkpointLsn : onHistory.checkpointLsn,
        reason: `redo LSN ${formatLsn(oldest.redo)} of the oldest checkpoint in the target's WAL (at ${formatLsn(oldest.checkpointLsn)}); --assume-diverged: history not verified on the source`,
        divergence: { diverged: true, forkTimeline: tli, detail: `assumed (--assume-diverged): ${verdict.detail}` },
      };
    }
    firstDetail ??= verdict.detail;
    assertHintLogging(target, `the target wrote WAL of its own on timeline ${tli} (${firstDetail})`);
    try {
      const previous = await reader.findLastCheckpointBefore(checkpointLsn);
      checkpointLsn = previous.checkpointLsn;
      redo = previous.redoLsn;
    } catch (err) {
      throw new CatchupError('fork-wal-missing',
        `The target wrote WAL of its own on timeline ${tli} (${firstDetail}), and its WAL does not go back to a checkpoint the source shares (${(err as Error).message}).`,
        'Without it the blocks the target changed cannot be found: rebuild the target with -b FULL.');
    }
  }
  throw new CatchupError('fork-too-far', `The target wrote WAL of its own on timeline ${tli} (${firstDetail}), further back than ${MAX_CHECKPOINTS_BACK} checkpoints.`, 'Rebuild the target with -b FULL.');
}

const MAX_CHECKPOINTS_BACK = 1000;

/** A diverged target's own changes are found by page LSN: hint-bit-only changes must be WAL-logged. */
function assertHintLogging(target: TargetState, what: string): void {
  if (targetLogsHints(target)) return;
  throw new CatchupError('target-no-hint-logging',
    `${what[0].toUpperCase()}${what.slice(1)}, and the target has neither data checksums nor wal_log_hints, so the changes of its own branch cannot all be found.`,
    'Rebuild the target with -b FULL; enable wal_log_hints on your clusters to make future rewinds possible.');
}

/** Walks back through every checkpoint the target's WAL still holds. */
async function oldestCheckpoint(reader: WalReader, checkpointLsn: Lsn, redo: Lsn): Promise<{ checkpointLsn: Lsn; redo: Lsn }> {
  let oldest = { checkpointLsn, redo };
  for (let step = 0; step < MAX_CHECKPOINTS_BACK * 10; step++) {
    try {
      const previous = await reader.findLastCheckpointBefore(oldest.checkpointLsn);
      oldest = { checkpointLsn: previous.checkpointLsn, redo: previous.redoLsn };
    } catch {
      break;
    }
  }
  return oldest;
}


/**
 * The target's checkpoint is after the fork: walk its own WAL back from the fork point (through
 * xl_prev, as pg_rewind's findLastCheckpoint does) to the last checkpoint before it.
 */
async function lastCheckpointBeforeFork(
  target: TargetState, forkLsn: Lsn, history: TimelineHistoryEntry[], wal: TargetWalAccess, logger: Logger,
): Promise<{ redo: Lsn; lsn: Lsn | null; how: string }> {
  const tli = targetPosition(target.control).tli;
  const local = localWalDirSource(path.join(target.dir, 'pg_wal'), target.control.walSegmentSize);
  let restoring: RestoreCommandSource | undefined;
  if (wal.restoreTargetWal) {
    if (!wal.runner) throw new CatchupError('no-runner', '-c needs a command runner.', 'Internal: the adapter must pass one.');
    const owner = ownerForTarget(target.dir);
    const postgres = await findPostgresBinary(target.majorVersion, wal.runner, wal.targetBinDir);
    restoring = new RestoreCommandSource(local, await targetRestoreCommand(target.dir, postgres, owner, wal.runner), wal.runner, owner);
  }
  const reader = new WalReader(restoring ?? local, {
    timelineForLsn: (lsn) => timelineOfLsn(history, tli, lsn),
    systemIdentifier: target.control.systemIdentifier,
  });
  try {
    const found = await reader.findLastCheckpointBefore(forkLsn);
    if (restoring && restoring.restored.length > 0) logger.info(`restored ${restoring.restored.length} WAL segment(s) of the target through restore_command`);
    return {
      redo: found.redoLsn,
      lsn: found.checkpointLsn,
      how: `redo LSN ${formatLsn(found.redoLsn)} of the target's last checkpoint before the fork (at ${formatLsn(found.checkpointLsn)}, read from its WAL)`,
    };
  } catch (err) {
    if (err instanceof WalReadError) {
      // Sound without that checkpoint: every block either side changed after the fork carries a
      // page LSN at or above it (the target's own changes need hint logging, checked above), and
      // the blocks below it are the shared history. Only replaying from R needs a checkpoint.
      logger.warn(`the target's WAL before the fork at ${formatLsn(forkLsn)} is not readable (${err.message})${wal.restoreTargetWal ? ', not even through restore_command' : ''}: R is the fork point itself`);
      return {
        redo: forkLsn,
        lsn: null,
        how: `the fork point ${formatLsn(forkLsn)} from the source's timeline history: the target's WAL before it is gone, so no checkpoint before the fork can be read`,
      };
    }
    throw err;
  } finally {
    restoring?.close();
  }
}
