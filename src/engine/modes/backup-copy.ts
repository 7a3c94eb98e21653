import * as fsp from 'fs/promises';
import type { Client } from 'pg';
import { CopyResult, executeCopy } from '../copy/copy-executor';
import { CopyValidation, ValidationResult } from '../copy/page-validation';
import { fsyncPath, TargetWriter } from '../copy/target-writer';
import { WalSegmentSink } from '../copy/wal-segment-sink';
import { CatchupError } from '../errors';
import type { Logger } from '../log';
import { parsePgControl, PG_CONTROL_FILE_SIZE } from '../pgdata/pg-control';
import { autoConfLines } from '../pgdata/recovery-conf';
import type { Plan } from '../plan/plan';
import { PhaseClock, recordValidation, Report } from '../report/report';
import { BackupSession } from '../source/backup-session';
import { readRanges } from '../source/file-reader';
import { WalReceiver } from '../source/wal-receiver';
import { formatLsn } from '../wal/lsn';
import { segmentNoOf, segmentStartLsn } from '../wal/wal-segment';
import type { SourceSession } from './source-session';

export interface BackupCopyOptions {
  label: string;
  /** Phases are timed into the report. */
  clock?: PhaseClock;
  sync: boolean;
  /** primary_conninfo to write with standby.signal (-R), or null. */
  recoveryConninfo: string | null;
  logger: Logger;
  /** Worker threads verifying page checksums (0: in the copying thread); only with data checksums on. */
  validateThreads: number;
}

export interface BackupCopyResult {
  startLsn: bigint;
  stopLsn: bigint;
  plan: Plan;
  copy: CopyResult;
  walSegments: number;
  walBytes: number;
  /** Null when the source has no data checksums. */
  validation: ValidationResult | null;
}

/**
 * The part every mode shares (design rules 1-3, 6): a temporary slot, a non-exclusive backup,
 * WAL streamed from its start while the plan is built and carried out, then backup_label and
 * finally pg_control. `makePlan` runs after the backup started, so every page it selects is
 * read after the start checkpoint and any later change is in the WAL we ship.
 */
export async function runBackupCopy(
  source: SourceSession,
  writer: TargetWriter,
  opts: BackupCopyOptions,
  makePlan: (startLsn: bigint) => Promise<Plan>,
): Promise<BackupCopyResult> {
  const { control, replication, identity, segSize } = source;
  const slot = `pg_catchup_${process.pid}_${Date.now().toString(36)}`;
  await replication.createTemporarySlot(slot);
  await writer.makeDirectory('pg_wal');
  await writer.makeDirectory('pg_wal/archive_status');

  const backup = new BackupSession(control);
  opts.clock?.next('backup start (checkpoint)');
  const startLsn = await backup.start(opts.label, true);
  opts.logger.info(`backup started at ${formatLsn(startLsn)} on timeline ${identity.timeline}`);
  const walStart = segmentStartLsn(segmentNoOf(startLsn, segSize), segSize);
  const sink = new WalSegmentSink(writer.abs('pg_wal'), identity.timeline, segSize, writer.owner, opts.sync);
  const receiver = new WalReceiver(replication.startStreaming(slot, walStart, identity.timeline), walStart, sink);
  const validation = source.dataChecksums ? new CopyValidation(opts.validateThreads, source.blockSize, source.relsegSize) : null;
  try {
    opts.clock?.next('plan (listing, changed blocks)');
    const plan = await makePlan(startLsn);
    opts.clock?.next('copy');
    const copy = await executeCopy(plan, source.readers, writer, opts.logger, validation ?? undefined);
    const validated = validation ? await validation.finish(source.readers[0], writer, startLsn) : null;
    if (validated) logValidation(validated, opts.logger);
    opts.clock?.next('backup stop and WAL');

    const controlFile = await readControlFile(control, identity.systemIdentifier);
    const stop = await backup.stop();
    await receiver.finish(stop.stopLsn);
    await sink.close();
    opts.logger.info(`backup stopped at ${formatLsn(stop.stopLsn)}; ${sink.segments.length} WAL segment(s) received`);

    opts.clock?.next('finish (backup_label, fsync, pg_control)');
    if (source.history.length > 0) {
      const history = await replication.timelineHistory(identity.timeline);
      if (history) await writer.writeFile(`pg_wal/${history.fileName}`, history.content);
    }
    await writer.writeFile('backup_label', stop.backupLabel);
    // No tablespace_map: the pg_tblspc links already point where the target keeps each
    // tablespace (mapped or not), as pg_basebackup's plain format leaves them.
    if (opts.recoveryConninfo !== null) await writeRecoveryConf(writer, opts.recoveryConninfo);
    await writer.flush();

    // Last (rule 6): until pg_control exists, PostgreSQL refuses to start the directory.
    await writer.writeFile(plan.controlFile, controlFile);
    if (opts.sync) {
      await fsyncPath(writer.abs('global'));
      await fsyncPath(writer.abs('.'));
    }
    opts.clock?.end();
    return { startLsn, stopLsn: stop.stopLsn, plan, copy, walSegments: sink.segments.length, walBytes: sink.bytesWritten, validation: validated };
  } finally {
    await receiver.abort();
    await validation?.close();
  }
}

function logValidation(v: ValidationResult, logger: Logger): void {
  const extra = [
    v.rereadFixed ? `${v.rereadFixed} read mid-write and read again` : '',
    v.tornAfterStart ? `${v.tornAfterStart} torn after the backup start (replay repairs them)` : '',
  ].filter(Boolean).join(', ');
  logger.info(`validated ${v.pagesValidated} page checksums${extra ? ` (${extra})` : ''}`);
  for (const c of v.corrupt) {
    logger.warn(`corrupt page on the source: ${c.path} block ${c.blockNo}, LSN ${c.lsn}: ${c.reason} (stored checksum ${c.storedChecksum}, computed ${c.computedChecksum})`);
  }
}

/**
 * What every mode reports of its copy (LSNs, bytes, WAL, validation); then a corrupt source page
 * fails the run, after the target is complete.
 */
export function recordCopyResult(report: Report, result: BackupCopyResult, wroteRecoveryConf: boolean): void {
  report.lsn.backupStart = formatLsn(result.startLsn);
  report.lsn.backupStop = formatLsn(result.stopLsn);
  report.files.bytesCopied = result.copy.bytesCopied;
  report.files.walSegments = result.walSegments;
  report.files.walBytes = result.walBytes;
  report.wroteRecoveryConf = wroteRecoveryConf;
  recordValidation(report, result.validation);
  assertNoSourceCorruption(result.validation);
}

/**
 * Rule 9's outcome for the run: the target is a faithful copy either way, but corruption on the
 * source must not pass as a success (pg_basebackup exits non-zero for it too).
 */
function assertNoSourceCorruption(validation: ValidationResult | null): void {
  if (!validation || validation.corrupt.length === 0) return;
  const shown = validation.corrupt.slice(0, 5).map((c) => `${c.path} block ${c.blockNo} (LSN ${c.lsn})`).join(', ');
  throw new CatchupError('source-corruption',
    `The sync completed, but ${validation.corrupt.length} page(s) on the source failed checksum verification: ${shown}${validation.corrupt.length > 5 ? ', ...' : ''}. ` +
      'The target holds the same pages as the source; the report lists every one.',
    'Investigate the source now (pg_checksums --check on a stopped copy, amcheck), and restore the affected relations from a backup; the target is startable but carries the same damage.');
}

/** A torn or foreign pg_control must never become the target's: check CRC and identity first. */
async function readControlFile(client: Client, systemIdentifier: string): Promise<Buffer> {
  let content: Buffer | null = null;
  await readRanges(client, [{ path: 'global/pg_control', offset: 0, length: PG_CONTROL_FILE_SIZE }], async (_i, _o, data) => {
    content = data;
  });
  if (!content) throw new CatchupError('read-failed', "Could not read the source's global/pg_control.", 'Check the EXECUTE grant on pg_read_binary_file.');
  const parsed = parsePgControl(content, "the source's global/pg_control");
  if (parsed.systemIdentifierText !== systemIdentifier) {
    throw new CatchupError('identity-mismatch',
      `The source's pg_control has system identifier ${parsed.systemIdentifierText}, but its replication connection reports ${systemIdentifier}.`,
      'The connections reached different clusters (a load balancer or pooler in between?): point pg-catchup at one server directly.');
  }
  return content;
}

async function writeRecoveryConf(writer: TargetWriter, conninfo: string): Promise<void> {
  await writer.writeFile('standby.signal', '');
  const existing = await fsp.readFile(writer.abs('postgresql.auto.conf'), 'utf8').catch(() => '');
  const sep = existing === '' || existing.endsWith('\n') ? '' : '\n';
  await writer.writeFile('postgresql.auto.conf', existing + sep + autoConfLines(conninfo));
}
