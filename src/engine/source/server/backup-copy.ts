import fs from 'fs';
import { diskFullError } from '../../copy/disk-full';
import { executeCopy } from '../../copy/copy-executor';
import type { TargetWriter } from '../../copy/target-writer';
import { WalSegmentSink } from '../../copy/wal-segment-sink';
import { CatchupError } from '../../errors';
import { Logger, silentLogger } from '../../log';
import { formatReplayBackupLabel } from '../../pgdata/backup-label';
import { parsePgControl, pgControlForReplay } from '../../pgdata/pg-control';
import { Plan, wholeFilesPlan } from '../../plan/plan';
import { copyPlan, ReplayStart, SourceCopyOptions, SourceCopyResult, writeControlFileLast, writeRecoveryConf } from '../source-copy';
import { readControlFile } from '../source-files';
import { formatLsn, Lsn, parseLsn } from '../../wal/lsn';
import { segmentNoOf, segmentStartLsn } from '../../wal/wal-segment';
import { BackupSession } from './backup-session';
import type { Client } from 'pg';
import type { ReplicationConnection } from '../replication-connection';
import type { Source } from '../source';
import { walFilesBetween } from './source-wal-files';
import { WalReceiver } from './wal-receiver';
import { lastInsertedRecordEnd } from './wal-insert-position';

/** What the backup copy needs of a server source. */
export type BackupSource = Source & { control: Client; replication: ReplicationConnection };

/**
 * The part every mode shares (design rules 1-3, 6): a temporary slot, a non-exclusive backup,
 * WAL streamed from its start while the plan is built and carried out, then backup_label and
 * finally pg_control. `makePlan` runs after the backup started, so every page it selects is
 * read after the start checkpoint and any later change is in the WAL we ship. A target that
 * replays the source's WAL from R may not need the backup session (see sessionlessReplayStart).
 */
export async function runBackupCopy(
  source: BackupSource,
  writer: TargetWriter,
  opts: SourceCopyOptions,
  makePlan: (startLsn: bigint, replaying: boolean) => Promise<Plan>,
): Promise<SourceCopyResult> {
  const { control, replication, identity, segSize } = source;
  const slot = `pg_catchup_${process.pid}_${Date.now().toString(36)}`;
  await replication.createTemporarySlot(slot);
  await writer.makeDirectory('pg_wal');
  await writer.makeDirectory('pg_wal/archive_status');
  // Replaying: the WAL before what our slot holds is copied now, before the backup's checkpoint can recycle it.
  const shipped = opts.replay ? await copyWalFromReference(source, writer, opts.replay, slot, opts.logger) : null;
  const replaying = shipped !== null;
  // A replaying target may need no backup session (and so no checkpoint) at all, as with pg_rewind.
  const replayFrom = replaying ? await sessionlessReplayStart(source, opts.replay!, opts.logger) : null;

  const backup = replayFrom === null ? new BackupSession(control) : null;
  opts.clock?.next(backup ? 'backup start (checkpoint)' : 'replay window');
  const startLsn = backup ? await backup.start(opts.label, true) : replayFrom!;
  if (backup) opts.logger.info(`backup started at ${formatLsn(startLsn)} on timeline ${identity.timeline}`);
  const walStart = shipped?.streamFrom ?? segmentStartLsn(segmentNoOf(startLsn, segSize), segSize);
  const sink = new WalSegmentSink(writer.abs('pg_wal'), identity.timeline, segSize, writer.owner, opts.sync);
  const receiver = new WalReceiver(replication.startStreaming(slot, walStart, identity.timeline), walStart, sink);
  let plan: Plan | null = null;
  try {
    opts.clock?.next('plan (listing, changed blocks)');
    plan = await makePlan(startLsn, replaying);
    const { copy, validation } = await copyPlan(source, plan, writer, opts, startLsn);
    opts.clock?.next(backup ? 'backup stop and WAL' : 'WAL to the end of the copy');
    const controlFile = await readControlFile(source.files, identity.systemIdentifier);
    const stop = backup ? await backup.stop() : { stopLsn: await lastInsertedRecordEnd(control, segSize), backupLabel: '' };
    await receiver.finish(stop.stopLsn);
    await sink.close();
    opts.logger.info(`${backup ? 'backup stopped' : 'WAL complete'} at ${formatLsn(stop.stopLsn)}; ${sink.segments.length} WAL segment(s) received`);

    opts.clock?.next('finish (backup_label, fsync, pg_control)');
    const label = replaying ? formatReplayBackupLabel({ ...opts.replay!, segSize, startTime: new Date(), label: opts.label }) : stop.backupLabel;
    await finishTarget(source, writer, opts, label);
    await writeControlFileLast(writer, plan.controlFile, replaying ? pgControlForReplay(controlFile, stop.stopLsn, identity.timeline) : controlFile, opts.sync);
    opts.clock?.end();
    return {
      startLsn, stopLsn: stop.stopLsn, plan, copy, validation, replaying,
      walSegments: sink.segments.length + (shipped?.segments ?? 0), walBytes: sink.bytesWritten + (shipped?.segments ?? 0) * segSize,
    };
  } catch (err) {
    throw diskFullError(err, writer, plan) ?? err;
  } finally {
    await receiver.abort();
    await sink.abandon();
  }
}

/**
 * Everything but pg_control once the WAL is complete: the timeline history, backup_label and
 * the recovery settings, then one fsync pass. Plain writes: until pg_control is written,
 * PostgreSQL refuses to start the directory, so none needs an atomic replacement of its own.
 */
export async function finishTarget(source: BackupSource, writer: TargetWriter, opts: SourceCopyOptions, backupLabel: string): Promise<void> {
  if (source.history.length > 0) {
    const history = await source.replication.timelineHistory(source.identity.timeline);
    if (history) writer.writeWhole(`pg_wal/${history.fileName}`, history.content);
  }
  writer.writeWhole('backup_label', backupLabel);
  // No tablespace_map: the pg_tblspc links already point where the target keeps each
  // tablespace (mapped or not), as pg_basebackup's plain format leaves them.
  if (opts.recoveryConninfo !== null) writeRecoveryConf(writer, opts.recoveryConninfo);
  await writer.flush();
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
async function sessionlessReplayStart(source: BackupSource, replay: ReplayStart, logger: Logger): Promise<Lsn | null> {
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
  source: BackupSource, writer: TargetWriter, replay: ReplayStart, slot: string, logger: Logger,
): Promise<{ streamFrom: Lsn; segments: number } | null> {
  const { segSize } = source;
  const reserved = await slotRestartLsn(source.control, slot);
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
