import type { BackupLabel } from '../pgdata/backup-label';
import type { PgControl } from '../pgdata/pg-control';
import { formatLsn, Lsn } from '../wal/lsn';
import { findDivergence, isOnHistory, TimelineHistoryEntry } from '../wal/timeline-history';

/** Where the target stands: its timeline and how far its WAL went. */
export interface TargetPosition {
  tli: number;
  lsn: Lsn;
}

/**
 * A cleanly stopped primary ends with its shutdown checkpoint; a standby stopped in recovery
 * has replayed up to minRecoveryPoint (on minRecoveryPointTli).
 */
export function targetPosition(control: PgControl): TargetPosition {
  if (control.state === 'shut down in recovery' && control.minRecoveryPoint > 0n) {
    const lsn = control.minRecoveryPoint > control.checkpointLsn ? control.minRecoveryPoint : control.checkpointLsn;
    return { tli: control.minRecoveryPointTli || control.timeline, lsn };
  }
  return { tli: control.timeline, lsn: control.checkpointLsn };
}

export type HistoryRelation =
  | { kind: 'on-history' }
  | { kind: 'ahead'; sourceLsn: Lsn }
  | { kind: 'diverged'; forkTli: number; forkLsn: Lsn }
  | { kind: 'unrelated'; detail: string };

/**
 * Whether the target's position lies on the source's history (a lagging copy), past the
 * source's current position on the same timeline (ahead), or off it (diverged: fork point).
 * `targetHistory` is the target's own history file for its timeline, when it has one.
 */
export function relateToSource(
  position: TargetPosition,
  source: { tli: number; history: TimelineHistoryEntry[]; currentLsn: Lsn },
  targetHistory: TimelineHistoryEntry[] | null,
): HistoryRelation {
  if (isOnHistory(source.history, source.tli, position)) {
    if (position.tli === source.tli && position.lsn > source.currentLsn) return { kind: 'ahead', sourceLsn: source.currentLsn };
    return { kind: 'on-history' };
  }
  const fork = findDivergence({ history: source.history, tli: source.tli }, { history: targetHistory ?? [], tli: position.tli });
  if (!fork || fork.lsn === null) {
    const missing = targetHistory === null && position.tli > 1;
    return {
      kind: 'unrelated',
      detail: missing
        ? `the target is on timeline ${position.tli}, which the source's history does not contain, and the target has no history file for it`
        : `the target's timeline ${position.tli} shares no history with the source's timeline ${source.tli}`,
    };
  }
  return { kind: 'diverged', forkTli: fork.tli, forkLsn: fork.lsn };
}

export interface ReferenceChoice {
  lsn: Lsn;
  reason: string;
  /** The checkpoint record whose redo point is `lsn`. */
  checkpointLsn: Lsn;
}

/**
 * R for a target on the source's history (rule 4): the redo point of its last checkpoint or
 * restartpoint, or a backup_label's START WAL LOCATION when lower (a restored backup or a
 * rewind never started begins recovery there).
 */
export function referenceForLaggingTarget(control: PgControl, label: BackupLabel | null): ReferenceChoice {
  if (label && label.startWalLocation < control.redoLsn) {
    return { lsn: label.startWalLocation, checkpointLsn: label.checkpointLocation, reason: `START WAL LOCATION ${formatLsn(label.startWalLocation)} of the target's backup_label (lower than pg_control's redo ${formatLsn(control.redoLsn)})` };
  }
  return { lsn: control.redoLsn, checkpointLsn: control.checkpointLsn, reason: `redo LSN ${formatLsn(control.redoLsn)} of the target's last checkpoint (pg_control)` };
}
