import path from 'path';
import type { CommandRunner } from '../command-runner';
import { ownerForTarget } from '../pgdata/file-owner';
import { CatchupError } from '../errors';
import { findPostgresBinary, targetRestoreCommand } from '../pgdata/single-user-recovery';
import { RestoreCommandSource } from '../pgdata/restore-command-source';
import type { Logger } from '../log';
import type { TargetState } from '../pgdata/target-state';
import type { HistoryProof, Report } from '../report/report';
import { referenceForLaggingTarget, relateToSource, TargetPosition, targetPosition } from '../plan/reference-lsn';
import { readPgWalHistory } from '../pgdata/pg-wal-history';
import { formatLsn, Lsn } from '../wal/lsn';
import { localWalDirSource } from '../wal/local-wal-source';
import { switchpointOf, timelineOfLsn, TimelineHistoryEntry } from '../wal/timeline-history';
import { ArchiveAccess, RecordProof, verifyCheckpointOnSource } from './same-timeline-check';
import { ArchiveWal, openArchiveWal } from './archive-wal';
import { readTargetPastSource } from './target-ahead';
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
  /** What showed the target's place on the source's history (the report's `history`). */
  history: HistoryProof;
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
  /** --source-restore-command: the source's WAL archive, for the proof when the source recycled that WAL. */
  sourceRestoreCommand?: string;
  runner?: CommandRunner;
  targetBinDir?: string;
}

export async function decideReference(target: TargetState, source: Source, logger: Logger, wal: TargetWalAccess = {}): Promise<ReferenceDecision> {
  const position = targetPosition(target.control);
  if (target.marker) {
    // Resuming: the target's WAL and history went with the interrupted run; the marker kept R.
    const m = target.marker;
    return {
      referenceLsn: m.referenceLsn, reason: `${m.referenceReason} (recorded by the interrupted run)`, position, history: 'not needed: resumed run',
      divergence: { diverged: m.diverged, forkLsn: m.forkLsn, detail: m.diverged ? 'diverged (recorded by the interrupted run)' : 'on the source history (recorded by the interrupted run)' },
    };
  }

  const targetHistory = readPgWalHistory(target.dir, position.tli);
  const relation = relateToSource(position, { tli: source.identity.timeline, history: source.history, currentLsn: source.identity.walPosition }, targetHistory);
  if (relation.kind === 'ahead') return decideAhead(target, source, position, relation.sourceLsn, wal, logger);
  if (relation.kind === 'unrelated') {
    throw new CatchupError('no-common-history', `Cannot relate the target to the source: ${relation.detail}.`,
      'Without a common history R cannot be established: rebuild the target with -b FULL.');
  }
  if (relation.kind === 'on-history') {
    const ref = referenceForLaggingTarget(target.control, target.backupLabel);
    const onHistory: ReferenceDecision = {
      referenceLsn: ref.lsn, reason: ref.reason, position, checkpointLsn: ref.checkpointLsn, history: 'not needed: backup_label',
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
    history: 'proved: timeline history',
    divergence: {
      diverged: true, forkLsn: formatLsn(relation.forkLsn), forkTimeline: relation.forkTli,
      detail: `the target (timeline ${position.tli}, ${formatLsn(position.lsn)}) left the source's history at ${formatLsn(relation.forkLsn)} on timeline ${relation.forkTli}`,
    },
  };
}

/**
 * A target ahead of the source on the same timeline (rule 4; docs/safety.md): synced, or left
 * alone by rewind ("no rewind required"), only when the WAL it has past the source's position
 * changes no data and its last checkpoint before that position is the source's too.
 */
async function decideAhead(target: TargetState, source: Source, position: TargetPosition, sourceLsn: Lsn, wal: TargetWalAccess, logger: Logger): Promise<ReferenceDecision> {
  const past = await readTargetPastSource(target, position.tli, sourceLsn, position.lsn);
  if (past.kind !== 'data-free') {
    throw new CatchupError('target-ahead',
      // pg_probackup's words first (scripts match them), then what was found past the source.
      `Current START LSN ${formatLsn(sourceLsn)} is lower than expected START LSN ${formatLsn(position.lsn)}: the target is ahead of the source on timeline ${position.tli}, and ${past.detail}.`,
      past.kind === 'data'
        ? 'The target holds work the source does not have: check that the connection points at the right primary (the target may be the newer one); to throw that work away, rebuild the target with -b FULL.'
        : 'Check that the connection points at the right primary; otherwise rebuild the target with -b FULL.');
  }
  const what = `${past.records} record(s) ${formatLsn(past.fromLsn)}..${formatLsn(past.toLsn)}: ${past.names.join(', ')}`;
  logger.info(`the target is ahead of the source's end ${formatLsn(sourceLsn)} on timeline ${position.tli} only by WAL that changes no data (${what})`);
  const cp = past.checkpoint;
  const ahead: ReferenceDecision = {
    referenceLsn: cp.redoLsn, position, checkpointLsn: cp.checkpointLsn, history: "proved: the source's WAL",
    reason: `redo LSN ${formatLsn(cp.redoLsn)} of the target's last checkpoint (at ${formatLsn(cp.checkpointLsn)}) before the source's end ${formatLsn(sourceLsn)}`,
    divergence: { diverged: false, detail: `the target (timeline ${position.tli}, ${formatLsn(position.lsn)}) is on the source's history, ahead of its end ${formatLsn(sourceLsn)} only by WAL that changes no data (${what})` },
  };
  if (past.hintPages > 0) {
    // Hint-bit page images carry LSNs past the source's end: redo of the source's WAL would skip
    // those pages, so they are synced as the target's own branch from the source's end on.
    assertHintLogging(target, 'the target logged hint-bit page images past the source');
    ahead.divergence = {
      diverged: true, forkLsn: formatLsn(past.fromLsn), forkTimeline: position.tli,
      detail: `the target (timeline ${position.tli}, ${formatLsn(position.lsn)}) is ahead of the source's end ${formatLsn(sourceLsn)} by WAL that changes no data (${what}), ` +
        `but its ${past.hintPages} hint-bit page image(s) give pages LSNs past the source's end: those blocks are copied from the source`,
    };
  }
  return checkSameTimeline(target, source, ahead, wal, logger, { checkpointLsn: cp.checkpointLsn, redo: cp.redoLsn });
}

/**
 * Same-timeline divergence: histories agree, yet the target may have run as a primary on the
 * same timeline. Its checkpoints are checked against the source's WAL (or, where the source
 * recycled it, the source's archive), newest first; the first identical one precedes any
 * fork, so its redo point is a sound R. When nothing can be checked, a target stopped as a
 * standby is synced as possibly diverged since its oldest checkpoint; one stopped as a primary
 * is refused (docs/safety.md).
 */
async function checkSameTimeline(
  target: TargetState, source: Source, onHistory: ReferenceDecision, wal: TargetWalAccess, logger: Logger,
  start: { checkpointLsn: Lsn; redo: Lsn } = { checkpointLsn: target.control.checkpointLsn, redo: target.control.redoLsn },
): Promise<ReferenceDecision> {
  const archive = archiveOnce(target, wal);
  try {
    const decision = await compareCheckpoints(target, source, onHistory, wal, logger, start, archive.access);
    const restored = archive.opened?.restored() ?? [];
    if (restored.length > 0) logger.info(`fetched ${restored.length} WAL segment(s) of the source from its archive (${archive.opened!.command}) for the proof: ${restored.join(', ')}`);
    logger.info(`the target's history: ${decision.history}`);
    return decision;
  } finally {
    archive.opened?.close();
  }
}

async function compareCheckpoints(
  target: TargetState, source: Source, onHistory: ReferenceDecision, wal: TargetWalAccess, logger: Logger,
  start: { checkpointLsn: Lsn; redo: Lsn }, archive: ArchiveAccess,
): Promise<ReferenceDecision> {
  const tli = target.control.timeline;
  const switchpoint = switchpointOf(source.history, source.identity.timeline, tli) ?? null;
  let { checkpointLsn, redo } = start;
  let firstDetail: string | null = null;
  const reader = new WalReader(localWalDirSource(path.join(target.dir, 'pg_wal'), target.control.walSegmentSize), {
    timeline: tli, systemIdentifier: target.control.systemIdentifier,
  });
  for (let step = 0; step < MAX_CHECKPOINTS_BACK; step++) {
    const verdict = await verifyCheckpointOnSource(target, source, tli, switchpoint, checkpointLsn, archive);
    if (verdict.kind === 'same') {
      const history = provedBy(verdict.proof);
      if (firstDetail === null) return { ...onHistory, history, divergence: { ...onHistory.divergence, detail: `${onHistory.divergence.detail}; ${verdict.detail}` } };
      const own = redo < onHistory.referenceLsn;
      const lsn = own ? redo : onHistory.referenceLsn;
      logger.info(`the target wrote WAL of its own on timeline ${tli}: ${firstDetail}; R = ${formatLsn(lsn)}`);
      return {
        referenceLsn: lsn, position: onHistory.position, checkpointLsn: own ? checkpointLsn : onHistory.checkpointLsn, history,
        reason: `redo LSN ${formatLsn(redo)} of the target's last checkpoint (at ${formatLsn(checkpointLsn)}) that is identical in the source's WAL`,
        divergence: { diverged: true, forkTimeline: tli, detail: `same-timeline divergence: ${firstDetail}` },
      };
    }
    if (verdict.kind === 'unverifiable') return syncUnverified(target, onHistory, reader, { checkpointLsn, redo }, verdict.detail, wal, logger);
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

function provedBy(proof: RecordProof): HistoryProof {
  return proof === "the source's WAL" ? "proved: the source's WAL" : proof === 'archive via --source-restore-command'
    ? 'proved: archive via --source-restore-command' : "proved: archive via the target's restore_command";
}

/**
 * Nothing can show whether the target wrote WAL of its own. A target stopped in recovery was a
 * standby when it stopped: by default (and for any target with --assume-diverged) it is synced
 * as possibly diverged since the oldest checkpoint its WAL still has, so every block it changed
 * since then is copied from the source too. A target stopped as a primary on the source's
 * timeline may hold committed work of its own: refused, with the ways to a proof.
 */
async function syncUnverified(
  target: TargetState, onHistory: ReferenceDecision, reader: WalReader, at: { checkpointLsn: Lsn; redo: Lsn }, why: string, wal: TargetWalAccess, logger: Logger,
): Promise<ReferenceDecision> {
  const tli = target.control.timeline;
  const standby = target.control.state === 'shut down in recovery';
  if (!wal.assumeDiverged && !standby) {
    throw new CatchupError('history-unverifiable',
      `Cannot verify that the target is on the source's history: ${why}. The target stopped as a primary (pg_control: "${target.control.state}") on timeline ${tli}: if it ran as one after the source's copy of it, it holds work of its own that a sync would mix with the source's.`,
      "Prove it from the source's WAL archive (set restore_command in the target's configuration, or pass --source-restore-command='cp /archive/%f %p'); or, to throw away anything it did on its own, pass --assume-diverged (its changes since its oldest checkpoint are undone too); otherwise rebuild it with -b FULL.");
  }
  assertHintLogging(target, why);
  // The fork is unknown: start from the oldest checkpoint the target's WAL still has, the most
  // its own data allows; that assumes the fork, if any, is not older than that.
  const oldest = await oldestCheckpoint(reader, at.checkpointLsn, at.redo);
  const own = oldest.redo < onHistory.referenceLsn;
  const lsn = own ? oldest.redo : onHistory.referenceLsn;
  const history: HistoryProof = wal.assumeDiverged ? 'unverified: --assume-diverged' : 'unverified: standby state';
  const because = wal.assumeDiverged ? '--assume-diverged' : `the target stopped as a standby (pg_control: "${target.control.state}")`;
  logger.warn(`${why}; ${because}: syncing it as possibly diverged from ${formatLsn(lsn)}, the oldest checkpoint in its WAL (blocks it changed since then are copied from the source too)`);
  return {
    referenceLsn: lsn, position: onHistory.position, checkpointLsn: own ? oldest.checkpointLsn : onHistory.checkpointLsn, history,
    reason: `redo LSN ${formatLsn(oldest.redo)} of the oldest checkpoint in the target's WAL (at ${formatLsn(oldest.checkpointLsn)}); ${wal.assumeDiverged ? '--assume-diverged' : 'a standby'}: history not verified on the source`,
    divergence: { diverged: true, forkTimeline: tli, detail: `${wal.assumeDiverged ? 'assumed (--assume-diverged)' : 'assumed (standby state, history unverified)'}: ${why}` },
  };
}

/** The source's archive, opened on the first need and closed by the caller. */
function archiveOnce(target: TargetState, wal: TargetWalAccess): { access: ArchiveAccess; opened: ArchiveWal | null } {
  const state: { access: ArchiveAccess; opened: ArchiveWal | null } = { access: async () => ({ unavailable: '' }), opened: null };
  let pending: Promise<ArchiveWal | { unavailable: string }> | null = null;
  state.access = () => {
    pending ??= openArchiveWal(target, wal).then((a) => {
      if (!('unavailable' in a)) state.opened = a;
      return a;
    });
    return pending;
  };
  return state;
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
