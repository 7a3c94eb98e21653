import fs from 'fs';
import path from 'path';
import type { Client } from 'pg';
import { diskFullError } from '../../copy/disk-full';
import type { TargetWriter } from '../../copy/target-writer';
import { CatchupError } from '../../errors';
import { formatReplayBackupLabel } from '../../pgdata/backup-label';
import { pgControlForReplay } from '../../pgdata/pg-control';
import { grantStatements } from '../../preflight/privileges';
import type { Plan } from '../../plan/plan';
import { formatLsn, Lsn, parseLsn } from '../../wal/lsn';
import { timelineOfLsn } from '../../wal/timeline-history';
import { segmentNoOf, segmentStartLsn } from '../../wal/wal-segment';
import { copyReplayWal, targetSegmentsToKeep } from '../replay-wal';
import { copyPlan, ReplayStart, SourceCopyOptions, SourceCopyResult, writeControlFileLast, writeRecoveryConf } from '../source-copy';
import type { Source } from '../source';
import { findCheckpointAtRedo } from './checkpoint-at-redo';
import { readControlOverSql } from './files-only-identity';
import { pgWalOverSql } from './pg-wal-over-sql';
import { WalFile, walFilesBetween } from './source-wal-files';
import { lastInsertedRecordEnd } from './wal-insert-position';

/** What the files-only copy needs of a server source. */
export type FilesOnlySource = Source & { control: Client; historyFile: { fileName: string; content: Buffer } | null };

/** What a files-only run settles before the first write. */
export interface FilesOnlyStart {
  /** The checkpoint at R: the target's recovery starts there (backup_label). */
  replay: ReplayStart;
  /** The target's own pg_wal segments (names) that recovery reads, kept instead of copied. */
  keepTargetWal: string[];
}

/** The grants that would allow the backup-session copy instead, for refusals. */
function backupSessionFix(source: Source): string {
  const role = /user=(\S+)/.exec(source.display)?.[1] ?? 'ROLE';
  return `or grant the role what a backup session needs (as a superuser on the source: ${grantStatements(role).join(' ')})`;
}

/**
 * Before the first write of a files-only run (pg_rewind's way): the checkpoint at R the target will
 * replay from, the target's WAL segments from R's segment up to the fork that recovery reads and
 * that are the source's own bytes (kept, as pg_rewind keeps them), and a refusal with the reason
 * when the way cannot work: no checkpoint is known at R (R is the fork point itself; a rerun of an
 * interrupted run, whose marker holds R alone, finds it in the WAL from R), the source's last
 * checkpoint is older than R (a page torn by a
 * concurrent write could not be repaired: its full-page image would come before R), or a WAL
 * segment from R on is neither on the source nor on the target.
 */
export async function prepareFilesOnly(
  source: FilesOnlySource, targetDir: string, R: Lsn, checkpointLsn: Lsn | undefined, keepBefore: Lsn | null, resumed: boolean,
): Promise<FilesOnlyStart> {
  const why = (what: string) => `The source's role allows only pg_rewind's way (files only), and ${what}.`;
  // A rerun of an interrupted run knows R only: its checkpoint is looked up in the WAL from R.
  checkpointLsn ??= await findCheckpointAtRedo(targetDir, pgWalOverSql(source.files.readers[0], source.segSize, source.history, source.identity.timeline),
    R, source.history, source.identity.timeline, BigInt(source.identity.systemIdentifier), source.identity.walPosition);
  if (checkpointLsn === undefined) {
    throw new CatchupError('files-only-impossible',
      why(`no checkpoint is known whose redo is R (${formatLsn(R)}: R is the fork point itself, or an interrupted run recorded it and neither side's WAL from it is left), and the target must replay the source's WAL from a checkpoint at R`),
      `Make the target's WAL before the fork readable (-c with its restore_command), ${backupSessionFix(source)}.`);
  }
  const { control } = await readControlOverSql(source.control);
  if (control.redoLsn < R) {
    throw new CatchupError('files-only-impossible',
      why(`the source's last checkpoint (redo ${formatLsn(control.redoLsn)}) is before R (${formatLsn(R)}): a page read while the source writes it could not be repaired by replay from R`),
      `Wait for the source's next checkpoint (after a promotion it comes soon) or run CHECKPOINT on it (superuser or pg_checkpoint), ${backupSessionFix(source)}.`);
  }
  const now = source.identity.walPosition;
  const needed = walFilesBetween(R, now > R ? now : R + 1n, source.history, source.identity.timeline, source.segSize);
  let keepTargetWal = keepBefore === null ? [] : targetSegmentsToKeep(targetDir, needed, keepBefore, source.segSize, control.systemIdentifier);
  if (resumed && keepTargetWal.length > 0) {
    // The interrupted run may have left a segment it was copying: the source's copy wins where it has one.
    const sourceLacks = new Set<string>();
    for (const f of needed.filter((x) => keepTargetWal.includes(path.basename(x.path)))) if (await source.missingWal([f])) sourceLacks.add(path.basename(f.path));
    keepTargetWal = keepTargetWal.filter((n) => sourceLacks.has(n));
  }
  const fromSource = needed.filter((f) => !keepTargetWal.includes(path.basename(f.path)));
  const missing = await source.missingWal(fromSource);
  if (missing) {
    throw new CatchupError('files-only-impossible', why(`the target replays the source's WAL from R, but ${missing}, and the target does not have it either`),
      `Restore those segments into the source's pg_wal from its archive, ${backupSessionFix(source)}.`);
  }
  return { replay: { redoLsn: R, checkpointLsn, timeline: timelineOfLsn(source.history, source.identity.timeline, R) }, keepTargetWal };
}

/**
 * pg_rewind's way, for a role with only EXECUTE on pg_ls_dir, pg_stat_file and
 * pg_read_binary_file: no slot, no backup session, no replication connection. The source's WAL
 * segments from R's segment up to the one it is writing are copied first (a checkpoint could
 * recycle them), then the plan's files and blocks, then the segments up to the end of the WAL
 * as it stands after the last file was read (every page copied has an LSN at or before it: WAL
 * before data). The target gets a backup_label that starts recovery at the checkpoint at R and
 * a pg_control whose minRecoveryPoint is that end: it replays its own shared WAL from R (kept,
 * see prepareFilesOnly), then the source's, and is consistent only at the end, as with
 * pg_rewind. Same contract as runBackupCopy.
 */
export async function runFilesOnlyCopy(
  source: FilesOnlySource,
  writer: TargetWriter,
  opts: SourceCopyOptions,
  makePlan: (startLsn: bigint, replaying: boolean) => Promise<Plan>,
): Promise<SourceCopyResult> {
  const replay = opts.filesOnly?.replay;
  if (!replay) throw new CatchupError('files-only-impossible', 'Internal: a files-only copy was started without the checkpoint at R.', 'Report this as a bug.');
  const { segSize, identity } = source;
  const kept = new Set(opts.filesOnly!.keepTargetWal);
  await writer.makeDirectory('pg_wal');
  await writer.makeDirectory('pg_wal/archive_status');
  let plan: Plan | null = null;
  try {
    opts.clock?.next('WAL from R');
    const { control: atStart } = await readControlOverSql(source.control);
    const writing = segmentStartLsn(segmentNoOf(await endOfWal(source, false), segSize), segSize);
    let walSegments = await copyReplayWal(source, writer, walFilesBetween(replay.redoLsn, writing, source.history, identity.timeline, segSize), kept, opts.logger);

    opts.clock?.next('plan (listing, changed blocks)');
    // The source's last checkpoint is at or past R (prepareFilesOnly): replay from R repairs torn pages.
    const startLsn = atStart.redoLsn;
    plan = await makePlan(startLsn, true);
    const { copy, validation } = await copyPlan(source, plan, writer, opts, startLsn);

    opts.clock?.next('WAL to the end of the copy');
    const end = await endOfWal(source, true);
    await assertSameTimeline(source);
    const controlFile = (await readControlOverSql(source.control)).bytes;
    walSegments += await copyReplayWal(source, writer, walFilesBetween(writing > replay.redoLsn ? writing : replay.redoLsn, end, source.history, identity.timeline, segSize), kept, opts.logger);
    opts.logger.info(`files only: the target replays from R (${formatLsn(replay.redoLsn)}, checkpoint ${formatLsn(replay.checkpointLsn)}) to ${formatLsn(end)}; ${walSegments} WAL segment(s) copied, ${kept.size} of the target's kept`);

    opts.clock?.next('finish (backup_label, fsync, pg_control)');
    if (source.historyFile) writer.writeWhole(`pg_wal/${source.historyFile.fileName}`, source.historyFile.content);
    writer.writeWhole('backup_label', formatReplayBackupLabel({ ...replay, segSize, startTime: new Date(), label: opts.label }));
    fs.rmSync(writer.abs('tablespace_map'), { force: true });
    if (opts.recoveryConninfo !== null) writeRecoveryConf(writer, opts.recoveryConninfo);
    await writer.flush();
    await writeControlFileLast(writer, plan.controlFile, pgControlForReplay(controlFile, end, identity.timeline), opts.sync);
    opts.clock?.end();
    return { startLsn, stopLsn: end, plan, copy, validation, replaying: true, walSegments, walBytes: walSegments * segSize };
  } catch (err) {
    throw diskFullError(err, writer, plan) ?? err;
  }
}

/**
 * The end of the source's WAL: a primary's last inserted record's end, once it is flushed (so it
 * is in the segment files read next; an idle primary's WAL writer flushes within a moment), or a
 * standby's replay position. With `wait` false the insert position as it is (where the source
 * writes now).
 */
async function endOfWal(source: FilesOnlySource, wait: boolean): Promise<Lsn> {
  if (source.info.inRecovery) {
    const res = await source.control.query<{ lsn: string | null }>('SELECT pg_last_wal_replay_lsn()::text AS lsn');
    return parseLsn(res.rows[0].lsn ?? '0/0');
  }
  const end = await lastInsertedRecordEnd(source.control, source.segSize);
  if (!wait) return end;
  for (let i = 0; i < 100; i++) {
    const res = await source.control.query<{ lsn: string }>('SELECT pg_current_wal_flush_lsn()::text AS lsn');
    if (parseLsn(res.rows[0].lsn) >= end) return end;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new CatchupError('source-wal-unflushed', `The source's WAL up to ${formatLsn(end)} was not flushed within 10 seconds, so its segment files do not hold it yet.`,
    'Run again; a source under heavy load flushes its WAL continuously.');
}

/** pg_rewind's "source system was modified while pg_rewind was running", for a promotion during the run. */
async function assertSameTimeline(source: FilesOnlySource): Promise<void> {
  if (source.info.inRecovery) return;
  const res = await source.control.query<{ file: string }>('SELECT pg_walfile_name(pg_current_wal_insert_lsn()) AS file');
  const tli = parseInt(res.rows[0].file.slice(0, 8), 16);
  if (tli !== source.identity.timeline) {
    throw new CatchupError('source-timeline-changed', `The source moved from timeline ${source.identity.timeline} to ${tli} during the run.`,
      'Run again (the target resumes and is not startable until then).');
  }
}
