import fs from 'fs';
import path from 'path';
import { CatchupError } from '../errors';
import type { Logger } from '../log';
import { ownerForTarget } from '../pgdata/file-owner';
import { findPostgresBinary, runSingleUserRecovery } from '../pgdata/single-user-recovery';
import { inspectTarget, TargetState } from '../pgdata/target-state';
import { checkHintLogging } from '../preflight/target-hint-logging';
import type { Report } from '../report/report';
import type { RewindOptions } from './options';
import { syncExistingTarget } from './sync-existing-target';

/**
 * rewind: like DELTA, with pg_rewind's rules: the target needs data checksums or
 * wal_log_hints, an uncleanly stopped target gets crash recovery first, and a target still on
 * the source's history is left alone ("no rewind required").
 */
export async function rewind(opts: RewindOptions): Promise<Report> {
  return syncExistingTarget(opts, {
    mode: 'rewind',
    prepareTarget: (target, report, logger) => (needsCrashRecovery(target) ? ensureCleanShutdown(target, opts, report, logger) : Promise.resolve(target)),
    targetChecks: (target) => [checkHintLogging(target)],
    leaveTargetOnHistory: true,
  });
}

function needsCrashRecovery(target: TargetState): boolean {
  return !target.postmaster && !target.marker && !target.backupLabel && !['shut down', 'shut down in recovery'].includes(target.control.state);
}

/** pg_rewind's ensureCleanShutdown: crash recovery in single-user mode, unless told not to. */
async function ensureCleanShutdown(target: TargetState, opts: RewindOptions, report: Report, logger: Logger): Promise<TargetState> {
  if (opts.ensureShutdown === false || opts.dryRun) {
    const why = opts.dryRun ? '--dry-run changes nothing, so it does not run crash recovery' : 'with --no-ensure-shutdown';
    throw new CatchupError('target-not-clean',
      `target server must be shut down cleanly: its pg_control says "${target.control.state}", and ${why}.`,
      opts.dryRun ? 'Run without --dry-run (crash recovery runs first), or start and stop the target cleanly yourself.'
        : 'Drop --no-ensure-shutdown to let pg-catchup run single-user crash recovery, or start and stop the target cleanly yourself.');
  }
  if (fs.existsSync(path.join(target.dir, 'standby.signal'))) {
    // Single-user mode cannot run standby recovery, and without the signal it would end recovery as a primary.
    throw new CatchupError('target-not-clean',
      `target server must be shut down cleanly: it is a standby (standby.signal) whose pg_control says "${target.control.state}".`,
      `Start it so it resumes recovery, then stop it cleanly (pg_ctl start -D ${target.dir}; pg_ctl stop -D ${target.dir} -m fast), and rerun.`);
  }
  if (!opts.runner) throw new CatchupError('no-runner', 'Crash recovery needs a command runner.', 'Internal: the adapter must pass one.');
  const postgres = await findPostgresBinary(target.majorVersion, opts.runner, opts.targetBinDir);
  logger.info(`target was not shut down cleanly ("${target.control.state}"): running single-user crash recovery with ${postgres}`);
  await runSingleUserRecovery(target.dir, postgres, ownerForTarget(target.dir), opts.runner);
  report.warnings.push(`ran single-user crash recovery on the target (it was "${target.control.state}")`);
  return inspectTarget(target.dir);
}
