import type { TargetState } from '../pgdata/target-state';
import { formatLsn } from '../wal/lsn';
import type { CheckResult } from './check';

const CLEAN_STATES = ['shut down', 'shut down in recovery'];

/** Design rule 8: the target must be stopped, and cleanly (or be a run of ours to resume). */
export function checkTargetStopped(target: TargetState): CheckResult {
  const base = { id: 'target-stopped', title: 'Target is cleanly shut down' };
  if (target.postmaster) {
    return { ...base, status: 'fail', detail: `a postmaster (PID ${target.postmaster.pid}) is running on ${target.dir}`,
      fix: `Stop it first: pg_ctl stop -D ${target.dir} -m fast.` };
  }
  if (target.marker) {
    return { ...base, status: 'pass', detail: `an interrupted pg-catchup run (started ${target.marker.startedAt}) left its marker: resuming it` };
  }
  if (target.backupLabel) {
    // No server runs with a backup_label (recovery renames it at startup): this is a restored
    // backup or a rewind result never started; recovery would begin at the label's start.
    return { ...base, status: 'pass',
      detail: `not started since it was copied: backup_label present (recovery would start at ${formatLsn(target.backupLabel.startWalLocation)}), pg_control state "${target.control.state}"` };
  }
  if (!CLEAN_STATES.includes(target.control.state)) {
    return { ...base, status: 'fail', detail: `the target's pg_control says "${target.control.state}": it was not shut down cleanly`,
      fix: `Start it and stop it cleanly (pg_ctl start -D ${target.dir}; pg_ctl stop -D ${target.dir} -m fast), or use pg-catchup rewind, which runs crash recovery first.` };
  }
  return { ...base, status: 'pass', detail: `stopped, pg_control state "${target.control.state}"` };
}
