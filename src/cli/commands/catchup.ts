import { execCommandRunner } from '../../adapters/exec-command-runner';
import { assertDecompressible, catchup, CommonCatchupOptions, formatBytes, parseCompressSpec } from '../../engine';
import type { CatchupOptions, CompressSpec, Report, RequestedMode } from '../../engine';
import {
  CHANGE_SOURCE_FLAG, changeSourceValues, CONNECTION_FLAGS, CONNECTION_HELP, LAYOUT_FLAGS, LAYOUT_HELP, layoutValues, parseFlags, parseIntFlag, SOURCE_PGDATA_FLAG,
  sourceValues, TRANSFER_FLAGS, TRANSFER_HELP, transferValues, warnOfCommandLinePassword,
} from '../parse-flags';
import { terminalLogger } from '../progress-printer';
import { renderJsonResult } from '../render-json';
import { renderPlan } from '../render-plan';
import { renderSummary } from '../render-summary';
import { runKeepingReport } from '../report-file';
import { UsageError } from '../usage-error';

export const CATCHUP_HELP = `pg-catchup catchup: copy a running PostgreSQL primary (or a stopped data directory on
this host) into a local data directory.

Usage:
  pg-catchup catchup -b FULL|DELTA|PTRACK|AUTO --destination-pgdata=DIR [OPTION]...

Options:
  -b, --backup-mode=MODE         FULL: copy everything into a new or empty directory
                                 DELTA: bring an existing, stopped copy of the source up to
                                 date (a lagging standby, or an old primary after failover)
                                 PTRACK: as DELTA, but the source's changed blocks come from
                                 its change tracking (WAL summaries on PostgreSQL 17+ with
                                 summarize_wal = on, or the ptrack extension): no data file
                                 of the source is scanned
                                 AUTO: FULL for an absent or empty target, else DELTA
  -D, --destination-pgdata=DIR   the target data directory
      --source-pgdata=DIR        FULL, DELTA, AUTO: read the source from this data directory on
                                 this host, of a cleanly stopped cluster (no connection, no
                                 backup session); connection options, if given, are only what
                                 -R writes into primary_conninfo
      --dry-run                  build and print the plan, change nothing (FULL: the checks
                                 and the bytes it would copy); a running source's pages changed
                                 since its last checkpoint may not be on disk yet: the plan says
                                 how much WAL that is
      --dry-run-checkpoint       a dry run that first makes the source checkpoint (a backup
                                 start and stop, as the real run's backup start does), so the
                                 estimate sees what the real run will; nothing on the target
                                 changes
  -c, --restore-target-wal       DELTA: fetch target WAL that pg_wal no longer has through its
                                 restore_command (a diverged target is then synced from its last
                                 checkpoint before the fork, not from the fork point)
      --target-bindir=DIR        bin directory of the target's PostgreSQL (for -c)
      --keep-discarded-wal=DIR   DELTA into a diverged target: first keep its WAL from the fork
                                 on in DIR (new or empty), to read what was discarded with pg_waldump
      --no-space-check           FULL: skip the check that the target's file system has room
                                 for the databases plus WAL (a full disk then stops the run, and
                                 the same command resumes it once there is room)
  -Z, --compress=[server-]METHOD[:DETAIL]
                                 FULL: how files cross the network. auto (default): compressed
                                 on the server when the source is another host over a link
                                 slower than ~1.6 Gbit/s (measured first; zstd first below
                                 ~230 Mbit/s, lz4 above), plain COPY reads over a faster one
                                 or on this host (socket, loopback);
                                 PTRACK on 17+: whether the server compresses its incremental
                                 backup, by the same rule (DELTA and rewind ignore it);
                                 zstd, lz4, gzip: BASE_BACKUP compressed on the server with it
                                 (DETAIL: level=N, workers=N, long, or a bare level, as
                                 pg_basebackup; PostgreSQL 15+); none: COPY reads. Client-side
                                 compression is refused (pg-catchup writes no archive)
      --start-over               FULL: an interrupted FULL that cannot be resumed safely (the
                                 source has neither data checksums nor wal_log_hints) is deleted
                                 and copied again; without it the run refuses
      --source-restore-command=CMD
                                 DELTA: when the source no longer has the WAL at the target's
                                 last checkpoint, fetch it from the source's archive with CMD
                                 (a restore_command: %f file name, %p path) to prove the target
                                 never wrote WAL of its own; by default the target's own
                                 restore_command is used
      --assume-diverged          when neither the source nor its archive has the WAL to verify
                                 that the target never wrote WAL of its own, sync it as possibly
                                 diverged since the oldest checkpoint in its WAL (its changes are
                                 undone); the default for a target stopped as a standby
${LAYOUT_HELP}
  -j, --threads=N                parallel connections reading and writing (default 1)
      --num-write-threads=N      parallel connections reading and writing (overrides -j)
      --num-validate-threads=N   worker threads verifying the checksum of every copied page when
                                 the source has data checksums (default 0: in the main thread,
                                 where the SIMD check costs less than handing pages to a thread)
  -R, --write-recovery-conf      write standby.signal and primary_conninfo
      --store-password           also put the connection's password into primary_conninfo
                                 (by default the standby uses its ~/.pgpass)
      --fail-on-warning          a warning of the preflight checks stops the run too
  -N, --no-sync                  do not fsync what was written (faster, unsafe on a crash)
${TRANSFER_HELP}
      --report=FILE.json         write a JSON report of the run (also on failure)
      --json                     print the report as JSON on stdout instead of a summary
      --debug                    more output
  -?, --help                     show this help

${CONNECTION_HELP}

Exit status: 0 on success, 1 when the run failed or was refused, 2 on bad usage.`;


type CatchupValues = ReturnType<typeof parseFlags>['values'];

export async function runCatchup(argv: string[]): Promise<number> {
  const { values } = parseFlags('catchup', argv, {
    ...CONNECTION_FLAGS,
    ...SOURCE_PGDATA_FLAG,
    ...LAYOUT_FLAGS,
    ...CHANGE_SOURCE_FLAG,
    'backup-mode': { type: 'string', short: 'b' },
    'destination-pgdata': { type: 'string', short: 'D' },
    threads: { type: 'string', short: 'j' },
    'num-write-threads': { type: 'string' },
    'num-validate-threads': { type: 'string' },
    'write-recovery-conf': { type: 'boolean', short: 'R' },
    'dry-run': { type: 'boolean' },
    'dry-run-checkpoint': { type: 'boolean' },
    'source-restore-command': { type: 'string' },
    'fail-on-warning': { type: 'boolean' },
    'restore-target-wal': { type: 'boolean', short: 'c' },
    'keep-discarded-wal': { type: 'string' },
    'assume-diverged': { type: 'boolean' },
    'target-bindir': { type: 'string' },
    'store-password': { type: 'boolean' },
    'start-over': { type: 'boolean' },
    compress: { type: 'string', short: 'Z' },
    'no-space-check': { type: 'boolean' },
    'no-sync': { type: 'boolean', short: 'N' },
    ...TRANSFER_FLAGS,
    report: { type: 'string' },
    debug: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: '?' },
  });
  if (values.help) {
    process.stdout.write(`${CATCHUP_HELP}\n`);
    return 0;
  }
  const transfer = transferValues(values, 'catchup');
  const logger = terminalLogger({ progress: transfer.progress, debug: Boolean(values.debug) });
  const options = catchupOptions(values, transfer, logger);
  warnOfCommandLinePassword(values.dbname as string | undefined, logger);

  return runKeepingReport(() => catchup(options), values.report as string | undefined, logger, (report) => printResult(report, Boolean(values.json), logger));
}

/** The flags as the engine's options; bad usage is refused before anything connects. */
function catchupOptions(values: CatchupValues, transfer: ReturnType<typeof transferValues>, logger: ReturnType<typeof terminalLogger>): CatchupOptions {
  const mode = (values['backup-mode'] as string | undefined)?.toUpperCase();
  if (mode === undefined) throw new UsageError('-b/--backup-mode is required (FULL, DELTA, PTRACK or AUTO)', 'catchup');
  if (!['FULL', 'DELTA', 'PTRACK', 'AUTO'].includes(mode)) throw new UsageError(`unknown backup mode "${values['backup-mode']}": use FULL, DELTA, PTRACK or AUTO`, 'catchup');
  const target = values['destination-pgdata'] as string | undefined;
  if (!target) throw new UsageError('--destination-pgdata is required', 'catchup');
  const where = sourceValues(values, 'catchup', mode);
  const jobs = parseIntFlag('catchup', 'threads', values.threads as string | undefined, 1, 64);
  const threads = parseIntFlag('catchup', 'num-write-threads', values['num-write-threads'] as string | undefined, 1, 64) ?? jobs;
  const validateThreads = parseIntFlag('catchup', 'num-validate-threads', values['num-validate-threads'] as string | undefined, 0, 64) ?? 0;
  const common: CommonCatchupOptions = {
    targetDir: target,
    ...where,
    env: process.env,
    ...layoutValues(values),
    threads,
    validateThreads,
    writeRecoveryConf: Boolean(values['write-recovery-conf']),
    storePassword: Boolean(values['store-password']),
    sync: !values['no-sync'],
    maxRateBytesPerSecond: transfer.maxRateBytesPerSecond,
    syncMethod: transfer.syncMethod,
    logger,
  };
  return {
    ...common, mode: mode as RequestedMode, failOnWarning: Boolean(values['fail-on-warning']), dryRun: Boolean(values['dry-run'] || values['dry-run-checkpoint']),
    dryRunCheckpoint: Boolean(values['dry-run-checkpoint']), sourceRestoreCommand: values['source-restore-command'] as string | undefined, restoreTargetWal: Boolean(values['restore-target-wal']),
    assumeDiverged: Boolean(values['assume-diverged']),
    keepDiscardedWal: values['keep-discarded-wal'] as string | undefined,
    startOver: Boolean(values['start-over']),
    spaceCheck: !values['no-space-check'],
    compress: compressValue(values.compress as string | undefined),
    ...changeSourceValues(values, 'catchup'),
    targetBinDir: values['target-bindir'] as string | undefined, runner: execCommandRunner,
  };
}

/** --json, the plan of a dry run, or the summary of a run. */
function printResult(report: Report, json: boolean, logger: ReturnType<typeof terminalLogger>): void {
  if (json) {
    process.stdout.write(renderJsonResult(report, 0));
    return;
  }
  if (report.status === 'dry-run') {
    process.stdout.write(`${renderPlan(report)}\n`);
    return;
  }
  logger.info(`${report.mode} catchup done: ${report.files.copied} files copied, ${report.files.patched} patched, ` +
    `${formatBytes(report.files.bytesCopied)} written, WAL ${report.lsn.backupStart}..${report.lsn.backupStop}, ${(report.durationMs / 1000).toFixed(1)} s`);
  process.stdout.write(`${renderSummary(report)}\n`);
}

/** -Z/--compress, refused as bad usage when it does not parse or this Node.js cannot decompress it. */
function compressValue(text: string | undefined): CompressSpec | undefined {
  if (text === undefined) return undefined;
  try {
    const spec = parseCompressSpec(text);
    assertDecompressible(spec);
    return spec;
  } catch (err) {
    throw new UsageError(`-Z/--compress: ${(err as Error).message}${(err as { fix?: string }).fix ? ` ${(err as { fix?: string }).fix}` : ''}`, 'catchup');
  }
}
