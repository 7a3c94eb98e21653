import * as fs from 'fs';
import { execCommandRunner } from '../../adapters/exec-command-runner';
import { formatBytes, rewind } from '../../engine';
import type { Report } from '../../engine';
import {
  CHANGE_SOURCE_FLAG, changeSourceValues, parseFlags, parseIntFlag, TRANSFER_FLAGS, TRANSFER_HELP, transferValues, warnOfCommandLinePassword,
} from '../parse-flags';
import { terminalLogger } from '../progress-printer';
import { renderJsonResult } from '../render-json';
import { renderPlan } from '../render-plan';
import { renderSummary } from '../render-summary';
import { UsageError } from '../usage-error';

export const REWIND_HELP = `pg-catchup rewind: synchronize a data directory with another copy of the same cluster
after their timelines diverged (an old primary after failover), as pg_rewind does.

Usage:
  pg-catchup rewind -D DIR { --source-server=CONNSTR | --source-pgdata=DIR } [OPTION]...

Options:
  -D, --target-pgdata=DIR        existing data directory to modify
      --source-server=CONNSTR    source server to synchronize with (conninfo or URI)
      --source-pgdata=DIR        source data directory on this host, of a cleanly stopped
                                 cluster, read directly; with --source-server too, the server
                                 is only what -R writes into primary_conninfo
  -R, --write-recovery-conf      write standby.signal and primary_conninfo (from --source-server)
  -n, --dry-run                  show the plan, change nothing
  -N, --no-sync                  do not wait for changes to be written safely to disk
${TRANSFER_HELP}
  -c, --restore-target-wal       use restore_command in the target configuration to
                                 retrieve WAL files from archives
      --no-ensure-shutdown       do not run single-user crash recovery on a target that was
                                 not shut down cleanly; refuse instead
      --target-bindir=DIR        bin directory of the target's PostgreSQL (for crash recovery, -c)
      --keep-discarded-wal=DIR   first keep the target's WAL from the fork on in DIR (new or
                                 empty): the work the rewind discards, for pg_waldump
      --assume-diverged          when the source no longer has the WAL to verify the target's
                                 history, rewind it as if it diverged after its last checkpoint
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
    'no-sync': { type: 'boolean', short: 'N' },
    ...TRANSFER_FLAGS,
    'restore-target-wal': { type: 'boolean', short: 'c' },
    'assume-diverged': { type: 'boolean' },
    'keep-discarded-wal': { type: 'string' },
    'no-ensure-shutdown': { type: 'boolean' },
    'target-bindir': { type: 'string' },
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
  const target = values['target-pgdata'] as string | undefined;
  if (!target) throw new UsageError('no target data directory specified (--target-pgdata)', 'rewind');
  const server = values['source-server'] as string | undefined;
  const sourcePgdata = values['source-pgdata'] as string | undefined;
  if (!server && !sourcePgdata) throw new UsageError('no source specified (--source-pgdata or --source-server)', 'rewind');
  if (sourcePgdata && !server && values['write-recovery-conf']) {
    throw new UsageError('no source server information (--source-server) specified for --write-recovery-conf: with --source-pgdata, give the server the target will follow as --source-server too', 'rewind');
  }
  const transfer = transferValues(values, 'rewind');
  const logger = terminalLogger({ progress: transfer.progress, debug: Boolean(values.debug) });
  if (server) warnOfCommandLinePassword(server, logger);

  let report: Report | undefined;
  try {
    report = await rewind({
      targetDir: target,
      source: server === undefined ? undefined : { dbname: server },
      sourcePgdata,
      env: process.env,
      threads: parseIntFlag('rewind', 'threads', values.threads as string | undefined, 1, 64),
      writeRecoveryConf: Boolean(values['write-recovery-conf']),
      sync: !values['no-sync'],
      maxRateBytesPerSecond: transfer.maxRateBytesPerSecond,
      syncMethod: transfer.syncMethod,
      dryRun: Boolean(values['dry-run']),
      ensureShutdown: !values['no-ensure-shutdown'],
      restoreTargetWal: Boolean(values['restore-target-wal']),
      assumeDiverged: Boolean(values['assume-diverged']),
      keepDiscardedWal: values['keep-discarded-wal'] as string | undefined,
      excludePaths: (values['exclude-path'] as string[] | undefined) ?? [],
      ...changeSourceValues(values, 'rewind'),
      targetBinDir: values['target-bindir'] as string | undefined,
      runner: execCommandRunner,
      logger,
    });
    logger.finish();
    if (values.json) process.stdout.write(renderJsonResult(report, 0));
    else if (report.status === 'no-op') process.stdout.write('pg-catchup: no rewind required\n');
    else if (report.status === 'dry-run') process.stdout.write(`${renderPlan(report)}\n`);
    else {
      logger.info(`rewind done: diverged at ${report.divergence?.forkLsn}, ${report.files.patched} files patched, ${report.files.copied} copied, ` +
        `${formatBytes(report.files.bytesCopied)} written, ${(report.durationMs / 1000).toFixed(1)} s`);
      process.stdout.write(`${renderSummary(report)}\npg-catchup: Done!\n`);
    }
    return 0;
  } catch (err) {
    report = (err as { report?: Report }).report;
    throw err;
  } finally {
    logger.finish();
    const reportPath = values.report as string | undefined;
    if (reportPath && report) fs.writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  }
}
