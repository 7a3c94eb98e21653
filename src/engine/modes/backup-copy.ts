import * as fs from 'fs';
import type { Client } from 'pg';
import { CopyResult, executeCopy } from '../copy/copy-executor';
import { CopyValidation, ValidationResult } from '../copy/page-validation';
import { RateLimiter } from '../copy/rate-limit';
import { fsyncPath, TargetWriter } from '../copy/target-writer';
import { WalSegmentSink } from '../copy/wal-segment-sink';
import { CatchupError } from '../errors';
import { Logger, silentLogger } from '../log';
import { formatReplayBackupLabel } from '../pgdata/backup-label';
import { parsePgControl, pgControlForReplay } from '../pgdata/pg-control';
import { autoConfLines } from '../pgdata/recovery-conf';
import { Plan, wholeFilesPlan } from '../plan/plan';
import { PhaseClock, recordValidation, Report } from '../report/report';
import { BackupSession } from '../source/backup-session';
import { readSourceControlFile, SourceFiles } from '../source/source-files';
import { WalReceiver } from '../source/wal-receiver';
import { walFilesBetween } from '../source/source-wal-files';
import { lastInsertedRecordEnd } from '../source/wal-insert-position';
import { formatLsn, Lsn, parseLsn } from '../wal/lsn';
import { segmentNoOf, segmentStartLsn } from '../wal/wal-segment';
import { serverOf, SourceSession } from './source-session';

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
  /**
   * Ship the source's WAL from R instead of the pages it changed (source side `wal-replay`): the
   * target then starts recovery at the checkpoint whose redo is R, as pg_rewind arranges it.
   */
  replay?: ReplayStart;
  /** --max-rate: bytes per second of file data read from the source. */
  maxRateBytesPerSecond?: number;
}

/** The checkpoint a replaying target starts from. */
export interface ReplayStart {
  redoLsn: Lsn;
  checkpointLsn: Lsn;
  /** The timeline R lies on. */
  timeline: number;
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
  /** The target replays the source's WAL from R (false when that was asked but the WAL went first). */
  replaying: boolean;
}

/**
 * The part every mode shares (design rules 1-3, 6): a temporary slot, a non-exclusive backup,
 * WAL streamed from its start while the plan is built and carried out, then backup_label and
 * finally pg_control. `makePlan` runs after the backup started, so every page it selects is
 * read after the start checkpoint and any later change is in the WAL we ship. A target that
 * replays the source's WAL from R may not need the backup session (see sessionlessReplayStart).
 */
export async function runBackupCopy(
  source: SourceSession,
  writer: TargetWriter,
  opts: BackupCopyOptions,
  makePlan: (startLsn: bigint, replaying: boolean) => Promise<Plan>,
): Promise<BackupCopyResult> {
  const { control, replication } = serverOf(source, 'A backup session');
  const { identity, segSize } = source;
  const slot = `pg_catchup_${process.pid}_${Date.now().toString(36)}`;
  await replication.createTemporarySlot(slot);
  await writer.makeDirectory('pg_wal');
  await writer.makeDirectory('pg_wal/archive_status');
  // Replaying: the WAL before what our slot holds is copied now, before the backup's checkpoint can recycle it.
  const shipped = opts.replay ? await copyWalFromReference(source, writer, opts.replay, slot, opts.logger) : null;
  const replayWalStart = shipped?.streamFrom ?? null;
  // A replaying target may need no backup session (and so no checkpoint) at all, as with pg_rewind.
  const replayFrom = replayWalStart !== null ? await sessionlessReplayStart(source, opts.replay!, opts.logger) : null;

  const backup = replayFrom === null ? new BackupSession(control) : null;
  opts.clock?.next(backup ? 'backup start (checkpoint)' : 'replay window');
  const startLsn = backup ? await backup.start(opts.label, true) : replayFrom!;
  if (backup) opts.logger.info(`backup started at ${formatLsn(startLsn)} on timeline ${identity.timeline}`);
  const walStart = replayWalStart ?? segmentStartLsn(segmentNoOf(startLsn, segSize), segSize);
  const sink = new WalSegmentSink(writer.abs('pg_wal'), identity.timeline, segSize, writer.owner, opts.sync);
  const receiver = new WalReceiver(replication.startStreaming(slot, walStart, identity.timeline), walStart, sink);
  const validation = source.dataChecksums ? new CopyValidation(opts.validateThreads, source.blockSize, source.relsegSize) : null;
  let plan: Plan | null = null;
  try {
    opts.clock?.next('plan (listing, changed blocks)');
    plan = await makePlan(startLsn, replayWalStart !== null);
    opts.clock?.next('copy');
    const rateLimiter = opts.maxRateBytesPerSecond ? new RateLimiter(opts.maxRateBytesPerSecond) : undefined;
    const copy = await executeCopy(plan, source.files.readers, writer, opts.logger, validation ?? undefined, { rateLimiter });
    const validated = validation ? await validation.finish(source.files.readers[0], writer, startLsn) : null;
    if (validated) logValidation(validated, opts.logger);
    opts.clock?.next(backup ? 'backup stop and WAL' : 'WAL to the end of the copy');

    const controlFile = await readControlFile(source.files, identity.systemIdentifier);
    const stop = backup ? await backup.stop() : { stopLsn: await lastInsertedRecordEnd(control, segSize), backupLabel: '' };
    await receiver.finish(stop.stopLsn);
    await sink.close();
    opts.logger.info(`${backup ? 'backup stopped' : 'WAL complete'} at ${formatLsn(stop.stopLsn)}; ${sink.segments.length} WAL segment(s) received`);

    opts.clock?.next('finish (backup_label, fsync, pg_control)');
    if (source.history.length > 0) {
      const history = await replication.timelineHistory(identity.timeline);
      if (history) writer.writeWhole(`pg_wal/${history.fileName}`, history.content);
    }
    // Plain writes and one fsync pass: until pg_control is written, PostgreSQL refuses to start
    // the directory, so none of these needs an atomic replacement of its own.
    writer.writeWhole('backup_label', replayWalStart !== null
      ? formatReplayBackupLabel({ ...opts.replay!, segSize, startTime: new Date(), label: opts.label })
      : stop.backupLabel);
    // No tablespace_map: the pg_tblspc links already point where the target keeps each
    // tablespace (mapped or not), as pg_basebackup's plain format leaves them.
    if (opts.recoveryConninfo !== null) writeRecoveryConf(writer, opts.recoveryConninfo);
    await writer.flush();

    // Last (rule 6): until pg_control exists, PostgreSQL refuses to start the directory.
    await writer.writeFile(plan.controlFile, replayWalStart !== null ? pgControlForReplay(controlFile, stop.stopLsn, identity.timeline) : controlFile);
    if (opts.sync) {
      await fsyncPath(writer.abs('global'));
      await fsyncPath(writer.abs('.'));
    }
    opts.clock?.end();
    return {
      startLsn, stopLsn: stop.stopLsn, plan, copy, validation: validated, replaying: replayWalStart !== null,
      walSegments: sink.segments.length + (shipped?.segments ?? 0), walBytes: sink.bytesWritten + (shipped?.segments ?? 0) * segSize,
    };
  } catch (err) {
    throw diskFullError(err, writer, plan) ?? err;
  } finally {
    await receiver.abort();
    await sink.abandon();
    await validation?.close();
  }
}

/**
 * A write that found the target's file system full, said with what was written, what is still
 * to come and what is free; the target is left marked (not startable), and a rerun resumes.
 */
export function diskFullError(err: unknown, writer: TargetWriter, plan: Plan | null): CatchupError | null {
  if ((err as NodeJS.ErrnoException)?.code !== 'ENOSPC') return null;
  const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
  let free = '?';
  try {
    const st = fs.statfsSync(writer.abs('.'));
    free = mb(st.bavail * st.bsize);
  } catch {
    // the message still names the rest
  }
  const planned = plan?.bytesToCopy ?? 0;
  return new CatchupError('disk-full',
    `The target's file system is full: ${mb(writer.bytesWritten)} of ${mb(planned)} written, ${mb(Math.max(0, planned - writer.bytesWritten))} still to write plus the WAL, ${free} free (${(err as Error).message}).`,
    'Free space on the target file system (or grow it), then run the same command again: the target is marked, PostgreSQL refuses to start it, and the rerun resumes.');
}

/**
 * Where a replaying target's copy window starts when it needs no backup session, or null when it
 * does. The target replays every source record from R, so a page read torn during the copy is
 * repaired if its change has a full-page image in that WAL: true when the source's latest
 * checkpoint (its redo) is at or past R, since the first change to each page after a checkpoint
 * logs the whole page (full_page_writes is on: a preflight check). That checkpoint also wrote
 * out everything before its redo, SLRUs included. A standby source has no insert position to
 * end the window at, so it keeps the backup session.
 */
async function sessionlessReplayStart(source: SourceSession, replay: ReplayStart, logger: Logger): Promise<Lsn | null> {
  if (source.info.inRecovery) return null;
  const redo = parsePgControl(await readControlFile(source.files, source.identity.systemIdentifier), "the source's global/pg_control").redoLsn;
  if (redo < replay.redoLsn) {
    logger.info(`backup session needed: the source's last checkpoint (redo ${formatLsn(redo)}) is before R (${formatLsn(replay.redoLsn)}), so its start checkpoint is what guarantees full-page images`);
    return null;
  }
  logger.info(`no backup session needed: the target replays from R, and the source's last checkpoint (redo ${formatLsn(redo)}) is past it`);
  return redo;
}

/**
 * Copies the source's WAL segment files from R's segment up to the segment where our slot's
 * reservation starts (the stream takes over there), and returns that start and how many were
 * copied; null when the source no longer has one of them: the run then finds the source's
 * changes another way.
 */
async function copyWalFromReference(
  source: SourceSession, writer: TargetWriter, replay: ReplayStart, slot: string, logger: Logger,
): Promise<{ streamFrom: Lsn; segments: number } | null> {
  const { segSize } = source;
  const reserved = await slotRestartLsn(serverOf(source, 'A replication slot').control, slot);
  const streamFrom = segmentStartLsn(segmentNoOf(reserved, segSize), segSize);
  const files = walFilesBetween(replay.redoLsn, streamFrom, source.history, source.identity.timeline, segSize);
  const plan = wholeFilesPlan(files.map((f) => ({ path: f.path, size: segSize })));
  // Made durable with everything else before pg_control; no fsync pass of its own.
  await executeCopy(plan, [source.files.readers[0]], writer, silentLogger, undefined, { flush: false });
  const missing = files.filter((f) => (fs.statSync(writer.abs(f.path), { throwIfNoEntry: false })?.size ?? 0) !== segSize);
  if (missing.length > 0) {
    for (const f of files) fs.rmSync(writer.abs(f.path), { force: true });
    logger.warn(`the source recycled WAL segment ${missing[0].path} before it was copied: the source's changes are found from its pages instead of by replaying its WAL from ${formatLsn(replay.redoLsn)}`);
    return null;
  }
  logger.info(`shipped ${files.length} WAL segment(s) from ${formatLsn(replay.redoLsn)} (R) for the target to replay; the stream continues at ${formatLsn(streamFrom)}`);
  return { streamFrom, segments: files.length };
}

async function slotRestartLsn(client: Client, slot: string): Promise<Lsn> {
  const res = await client.query<{ restart_lsn: string | null }>('SELECT restart_lsn FROM pg_replication_slots WHERE slot_name = $1', [slot]);
  const lsn = res.rows[0]?.restart_lsn;
  if (!lsn) throw new CatchupError('slot-missing', `Our temporary replication slot ${slot} has no reserved WAL on the source.`, 'Check that the replication and SQL connections reach the same server (no pooler or load balancer in between).');
  return parseLsn(lsn);
}

export function logValidation(v: ValidationResult, logger: Logger): void {
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
export async function readControlFile(files: SourceFiles, systemIdentifier: string): Promise<Buffer> {
  const content = await readSourceControlFile(files);
  const parsed = parsePgControl(content, "the source's global/pg_control");
  if (parsed.systemIdentifierText !== systemIdentifier) {
    throw new CatchupError('identity-mismatch',
      `The source's pg_control has system identifier ${parsed.systemIdentifierText}, but its replication connection reports ${systemIdentifier}.`,
      'The connections reached different clusters (a load balancer or pooler in between?): point pg-catchup at one server directly.');
  }
  return content;
}

export function writeRecoveryConf(writer: TargetWriter, conninfo: string): void {
  writer.writeWhole('standby.signal', '');
  const existing = fs.existsSync(writer.abs('postgresql.auto.conf')) ? fs.readFileSync(writer.abs('postgresql.auto.conf'), 'utf8') : '';
  const sep = existing === '' || existing.endsWith('\n') ? '' : '\n';
  writer.writeWhole('postgresql.auto.conf', existing + sep + autoConfLines(conninfo));
}
