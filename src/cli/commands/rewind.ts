import { execCommandRunner } from '../../adapters/exec-command-runner';
import { formatBytes, rewind } from '../../engine';
import type { Report, RewindOptions } from '../../engine';
import {
  CHANGE_SOURCE_FLAG, changeSourceValues, parseFlags, parseIntFlag, TRANSFER_FLAGS, TRANSFER_HELP, transferValues, warnOfCommandLinePassword,
} from '../parse-flags';
import { checkConfigFile, withTargetConfigFile } from '../config-file-runner';
import { terminalLogger } from '../progress-printer';
import { renderJsonResult } from '../render-json';
import { renderPlan } from '../render-plan';
import { renderSummary } from '../render-summary';
import { runKeepingReport } from '../report-file';
import { UsageError } from '../usage-error';

export const REWIND_HELP = `pg-catchup rewind: synchronize a data directory with another copy of the same cluster
after their timelines diverged (an old primary after failover), as pg_rewind does.

Usage:
  pg-catchup rewind -D DIR { --source-server=CONNSTR | --source-pgdata=DIR } [OPTION]...

Options:
  -D, --target-pgdata=DIR        existing data directory to modify
      --source-server=CONNSTR    source server to synchronize with (conninfo or URI)
      --source-pgdata=DIR        source data directory on this host, of a cleanly stopped
                                 cluster, read directly; with --source-server and -R too, the
                                 server is only what -R writes into primary_conninfo
  -R, --write-recovery-conf      write standby.signal and primary_conninfo (from --source-server)
  -n, --dry-run                  show the plan, change nothing
      --dry-run-checkpoint       a dry run that first makes the source server checkpoint (a
                                 backup start and stop, as the real run's does), so the plan
                                 sees the pages it has not written to disk yet
  -N, --no-sync                  do not wait for changes to be written safely to disk
${TRANSFER_HELP}
  -c, --restore-target-wal       use restore_command in the target configuration to
                                 retrieve WAL files from archives
      --no-ensure-shutdown       do not run single-user crash recovery on a target that was
                                 not shut down cleanly; refuse instead
      --target-bindir=DIR        bin directory of the target's PostgreSQL (for crash recovery, -c)
      --config-file=FILENAME     the target's postgresql.conf when it is not in its data
                                 directory: crash recovery and -c's restore_command read it
      --keep-discarded-wal=DIR   first keep the target's WAL from the fork on in DIR (new or
                                 empty): the work the rewind discards, for pg_waldump
      --source-restore-command=CMD
                                 when the source no longer has the WAL at the target's last
                                 checkpoint, fetch it from the source's archive with CMD (%f,
                                 %p) to prove the target's history (default: the target's own
                                 restore_command)
      --assume-diverged          when neither the source nor its archive has the WAL to verify
                                 the target's history, rewind it as possibly diverged since the
                                 oldest checkpoint in its WAL (the default for a target stopped
                                 as a standby)
  -j, --threads=N                parallel connections reading the source (default 1)
  -x, --exclude-path=PATH        keep this target path (relative to PGDATA) untouched, e.g.
                                 postgresql.conf (repeatable; pg_rewind has no such option and
                                 overwrites the target's configuration files)
      --report=FILE.json         write a JSON report of the run
      --json                     print the report as JSON on stdout instead of a summary
      --debug                    write a lot of debug messages
  -V, --version                  output version information, then exit
  -?, --help                     show this help, then exit

Exit status: 0 on success (also when no rewind is required), 1 on failure or refusal, 2 on bad usage.`;

export async function runRewind(argv: string[]): Promise<number> {
  const { values } = parseFlags('rewind', argv, {
    'target-pgdata': { type: 'string', short: 'D' },
    'source-server': { type: 'string' },
    'source-pgdata': { type: 'string' },
    'write-recovery-conf': { type: 'boolean', short: 'R' },
    'dry-run': { type: 'boolean', short: 'n' },
    'dry-run-checkpoint': { type: 'boolean' },
    'source-restore-command': { type: 'string' },
    'no-sync': { type: 'boolean', short: 'N' },
    ...TRANSFER_FLAGS,
    'restore-target-wal': { type: 'boolean', short: 'c' },
    'assume-diverged': { type: 'boolean' },
    'keep-discarded-wal': { type: 'string' },
    'no-ensure-shutdown': { type: 'boolean' },
    'target-bindir': { type: 'string' },
    'config-file': { type: 'string' },
    threads: { type: 'string', short: 'j' },
    'exclude-path': { type: 'string', short: 'x', multiple: true },
    ...CHANGE_SOURCE_FLAG,
    report: { type: 'string' },
    debug: { type: 'boolean' },
    json: { type: 'boolean' },
    version: { type: 'boolean', short: 'V' },
    help: { type: 'boolean', short: '?' },
  });
  if (values.help) {
    process.stdout.write(`${REWIND_HELP}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write('pg-catchup rewind (pg-catchup) 0.1.0\n');
    return 0;
  }
  const transfer = transferValues(values, 'rewind');
  const logger = terminalLogger({ progress: transfer.progress, debug: Boolean(values.debug) });
  const options = rewindOptions(values, transfer, logger);
  if (options.source) warnOfCommandLinePassword(options.source.dbname as string, logger);

  return runKeepingReport(() => rewind(options), values.report as string | undefined, logger, (report) => printResult(report, Boolean(values.json), logger));
}

/** pg_rewind's flags as the engine's options, refused in pg_rewind's words where it refuses them. */
function rewindOptions(values: ReturnType<typeof parseFlags>['values'], transfer: ReturnType<typeof transferValues>, logger: ReturnType<typeof terminalLogger>): RewindOptions {
  const target = values['target-pgdata'] as string | undefined;
  if (!target) throw new UsageError('no target data directory specified (--target-pgdata)', 'rewind');
  const server = values['source-server'] as string | undefined;
  const sourcePgdata = values['source-pgdata'] as string | undefined;
  if (!server && !sourcePgdata) throw new UsageError('no source specified (--source-pgdata or --source-server)', 'rewind');
  // pg_rewind refuses the pair; ours keeps it for one use only: the server -R writes for a stopped source.
  if (sourcePgdata && server && !values['write-recovery-conf']) {
    throw new UsageError('only one of --source-pgdata or --source-server can be specified (with -R, --source-server is the server primary_conninfo names)', 'rewind');
  }
  if (sourcePgdata && !server && values['write-recovery-conf']) {
    throw new UsageError('no source server information (--source-server) specified for --write-recovery-conf: with --source-pgdata, give the server the target will follow as --source-server too', 'rewind');
  }
  const configFile = values['config-file'] as string | undefined;
  const configProblem = configFile === undefined ? null : checkConfigFile(configFile);
  if (configProblem) throw new UsageError(configProblem, 'rewind');
  return {
    targetDir: target,
    source: server === undefined ? undefined : { dbname: server },
    sourcePgdata,
    env: process.env,
    threads: parseIntFlag('rewind', 'threads', values.threads as string | undefined, 1, 64),
    writeRecoveryConf: Boolean(values['write-recovery-conf']),
    sync: !values['no-sync'],
    maxRateBytesPerSecond: transfer.maxRateBytesPerSecond,
    syncMethod: transfer.syncMethod,
    dryRun: Boolean(values['dry-run'] || values['dry-run-checkpoint']),
    dryRunCheckpoint: Boolean(values['dry-run-checkpoint']),
    sourceRestoreCommand: values['source-restore-command'] as string | undefined,
    ensureShutdown: !values['no-ensure-shutdown'],
    restoreTargetWal: Boolean(values['restore-target-wal']),
    assumeDiverged: Boolean(values['assume-diverged']),
    keepDiscardedWal: values['keep-discarded-wal'] as string | undefined,
    excludePaths: (values['exclude-path'] as string[] | undefined) ?? [],
    ...changeSourceValues(values, 'rewind'),
    targetBinDir: values['target-bindir'] as string | undefined,
    runner: configFile === undefined ? execCommandRunner : withTargetConfigFile(execCommandRunner, target, configFile),
    logger,
  };
}

/** --json, "no rewind required", the plan of a dry run, or the summary, as pg_rewind ends with "Done!". */
function printResult(report: Report, json: boolean, logger: ReturnType<typeof terminalLogger>): void {
  if (json) process.stdout.write(renderJsonResult(report, 0));
  else if (report.status === 'no-op') process.stdout.write('pg-catchup: no rewind required\n');
  else if (report.status === 'dry-run') process.stdout.write(`${renderPlan(report)}\n`);
  else {
    logger.info(`rewind done: diverged at ${report.divergence?.forkLsn}, ${report.files.patched} files patched, ${report.files.copied} copied, ` +
      `${formatBytes(report.files.bytesCopied)} written, ${(report.durationMs / 1000).toFixed(1)} s`);
    process.stdout.write(`${renderSummary(report)}\npg-catchup: Done!\n`);
  }
}
