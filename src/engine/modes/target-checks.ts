import type { Logger } from '../log';
import { CatchupError } from '../errors';
import type { CheckResult } from '../preflight/check';
import { checkTargetDirectory } from '../preflight/target-directory';
import { takeOverNotice, TargetLock } from '../pgdata/target-lock';
import type { Report } from '../report/report';
import { formatLsn } from '../wal/lsn';
import type { TargetState } from '../pgdata/target-state';
import type { SourceSession } from './source-session';

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

/** Design rule 8: same system, major version, block size and WAL segment size. */
export function checkTargetMatchesSource(target: TargetState, source: SourceSession): CheckResult[] {
  const c = target.control;
  const sysid = source.identity.systemIdentifier;
  const results: CheckResult[] = [];
  const identity = { id: 'same-system', title: 'Target and source are the same cluster' };
  if (c.systemIdentifierText !== sysid) {
    results.push({ ...identity, status: 'fail',
      detail: `source and target clusters are from different systems: the target has system identifier ${c.systemIdentifierText}, the source ${sysid}`,
      fix: 'Check the connection points at the right primary; to replace the target with a copy of this source, use -b FULL into an empty directory.' });
  } else if (target.marker && target.marker.sourceSystemIdentifier !== sysid) {
    results.push({ ...identity, status: 'fail',
      detail: `the interrupted run in the target was syncing from system ${target.marker.sourceSystemIdentifier}, this source is ${sysid}`,
      fix: 'Rerun against the source the interrupted run used, or rebuild the target with -b FULL.' });
  } else {
    results.push({ ...identity, status: 'pass', detail: `system identifier ${sysid}` });
  }
  const layout = { id: 'same-layout', title: 'Same major version, block size and WAL segment size' };
  const diffs: string[] = [];
  if (target.majorVersion !== source.info.major) diffs.push(`major version ${target.majorVersion} vs ${source.info.major}`);
  if (c.blockSize !== source.blockSize) diffs.push(`block size ${c.blockSize} vs ${source.blockSize}`);
  if (c.walSegmentSize !== source.segSize) diffs.push(`WAL segment size ${c.walSegmentSize} vs ${source.segSize}`);
  results.push(diffs.length > 0
    ? { ...layout, status: 'fail', detail: `target vs source: ${diffs.join(', ')}`, fix: 'A copy can only be synced from a cluster of the same build: use -b FULL into an empty directory.' }
    : { ...layout, status: 'pass', detail: `PostgreSQL ${source.info.major}, ${c.blockSize}-byte blocks, ${c.walSegmentSize / 1048576} MB segments` });
  return results;
}

/** LSN-based selection misses hint-bit-only changes unless they are WAL-logged. */
export function targetLogsHints(target: TargetState): boolean {
  return target.control.dataChecksumVersion > 0 || target.control.walLogHints;
}

/** The target's lock (design rule 7's "one run per target"); taking over a dead run's lock is said at once and in the report. */
/** First of all: a target that belongs to another user is named as such, not as an EACCES on our lock. */
export function assertTargetOwnership(targetDir: string): void {
  const ownership = checkTargetDirectory(targetDir);
  if (ownership.status === 'fail') throw new CatchupError('target-directory', `${ownership.detail}.`, ownership.fix);
}

export function takeLock(targetDir: string, report: Report, logger: Logger): TargetLock {
  const lock = TargetLock.acquire(targetDir);
  const notice = takeOverNotice(lock, targetDir);
  if (notice) {
    logger.info(`notice: ${notice}`);
    report.warnings.push(notice);
  }
  return lock;
}
