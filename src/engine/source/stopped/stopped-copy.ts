import fs from 'fs';
import path from 'path';
import { executeCopy } from '../../copy/copy-executor';
import type { TargetWriter } from '../../copy/target-writer';
import type { Logger } from '../../log';
import { silentLogger } from '../../log';
import { formatReplayBackupLabel } from '../../pgdata/backup-label';
import { pgControlForReplay } from '../../pgdata/pg-control';
import { Plan, wholeFilesPlan } from '../../plan/plan';
import { assertLocalSourceUnchanged } from './local-pgdata';
import { formatLsn } from '../../wal/lsn';
import { diskFullError } from '../../copy/disk-full';
import { copyReplayWal } from '../replay-wal';
import { walFilesBetween } from '../server/source-wal-files';
import { copyPlan, ReplayStart, SourceCopyOptions, SourceCopyResult, writeControlFileLast, writeRecoveryConf } from '../source-copy';
import type { Source } from '../source';
import type { LocalSource } from './local-pgdata';

// Recovery would start from a leftover label's checkpoint, not from the pg_control we write.
const LABEL_FILES = ['backup_label', 'tablespace_map'];

type StoppedSource = Source & { local: LocalSource };

/**
 * The copy from a stopped source (--source-pgdata). A cleanly stopped cluster is consistent at
 * its last checkpoint, so there is no backup session, slot or WAL stream: the plan's files, the
 * WAL the target needs, a check that the source stayed stopped throughout, and last the source's
 * own pg_control (rule 6). Two ways, as the source side chose:
 * - the target starts at the source's shutdown checkpoint, with no backup_label: the plan holds
 *   the blocks the source changed since R, and the WAL copied runs from that checkpoint's redo;
 * - 'wal-replay' (opts.replay), pg_rewind's way: the plan holds only the target's changes (and
 *   whole non-relation files), the target keeps its own WAL from R up to the fork, gets the
 *   source's from the fork's segment on, a backup_label at the checkpoint at R and a pg_control
 *   whose minRecoveryPoint is the source's end: it replays the source's changes at its start.
 * Same contract as runBackupCopy; `makePlan` gets the end of the source's WAL as its start LSN:
 * no page read has a newer LSN, and any later change to the source will.
 */
export async function runStoppedSourceCopy(
  source: StoppedSource,
  writer: TargetWriter,
  opts: SourceCopyOptions,
  makePlan: (startLsn: bigint, replaying: boolean) => Promise<Plan>,
): Promise<SourceCopyResult> {
  const { local } = source;
  const replay = opts.replay ?? null;
  await writer.makeDirectory('pg_wal');
  await writer.makeDirectory('pg_wal/archive_status');
  let plan: Plan | null = null;
  try {
    opts.clock?.next('plan (listing, changed blocks)');
    plan = await makePlan(local.walEnd, replay !== null);
    // Nothing was written to the source meanwhile: a bad checksum is corruption, never a torn read.
    const { copy, validation } = await copyPlan(source, plan, writer, opts, local.walEnd);

    opts.clock?.next(replay ? 'WAL from the fork' : 'WAL from the last checkpoint');
    const walSegments = replay ? await copyWalForReplay(source, writer, replay, opts.logger) : await copyWalFromCheckpoint(source, writer, opts.logger);
    await executeCopy(wholeFilesPlan(historyFiles(local.dir)), [source.files.readers[0]], writer, silentLogger, undefined, { flush: false });

    opts.clock?.next(replay ? 'finish (backup_label, fsync, pg_control)' : 'finish (fsync, pg_control)');
    assertLocalSourceUnchanged(local);
    for (const f of LABEL_FILES) fs.rmSync(writer.abs(f), { force: true });
    if (replay) writer.writeWhole('backup_label', formatReplayBackupLabel({ ...replay, segSize: source.segSize, startTime: new Date(), label: opts.label }));
    if (opts.recoveryConninfo !== null) writeRecoveryConf(writer, opts.recoveryConninfo);
    await writer.flush();
    const control = replay ? pgControlForReplay(local.controlBytes, local.walEnd, local.timeline) : local.controlBytes;
    await writeControlFileLast(writer, plan.controlFile, control, opts.sync);
    opts.clock?.end();
    return {
      startLsn: replay ? replay.redoLsn : local.control.redoLsn, stopLsn: local.walEnd, plan, copy, validation, replaying: replay !== null,
      walSegments, walBytes: walSegments * source.segSize,
    };
  } catch (err) {
    throw diskFullError(err, writer, plan) ?? err;
  }
}

/** The segments from the source's last checkpoint's redo to its end: what a target starting there needs. */
async function copyWalFromCheckpoint(source: StoppedSource, writer: TargetWriter, logger: Logger): Promise<number> {
  const { local } = source;
  await executeCopy(wholeFilesPlan(local.walFiles.map((f) => ({ path: f.path, size: source.segSize }))), [source.files.readers[0]], writer, silentLogger, undefined, { flush: false });
  logger.info(`copied ${local.walFiles.length} WAL segment(s) from the source's last checkpoint (redo ${formatLsn(local.control.redoLsn)}) to ${formatLsn(local.walEnd)}`);
  return local.walFiles.length;
}

/**
 * The segments from R's to the source's end: the target's own of the shared history stay (the
 * source may have recycled them: pg_rewind's 010_keep_recycled_wals), the rest are the source's.
 */
async function copyWalForReplay(source: StoppedSource, writer: TargetWriter, replay: ReplayStart, logger: Logger): Promise<number> {
  const { local } = source;
  const needed = walFilesBetween(replay.redoLsn, local.walEnd, local.history, local.timeline, source.segSize);
  const kept = new Set(replay.keepTargetWal ?? []);
  const copied = await copyReplayWal(source, writer, needed, kept, logger);
  logger.info(`the target replays from R (${formatLsn(replay.redoLsn)}, checkpoint ${formatLsn(replay.checkpointLsn)}) to the source's end ${formatLsn(local.walEnd)}: ` +
    `${copied} WAL segment(s) copied from the source, ${needed.length - copied} of the target's own kept`);
  return copied;
}

/** Every timeline history file in the source's pg_wal: a standby following later switches needs them. */
function historyFiles(dir: string): Array<{ path: string; size: number }> {
  return fs.readdirSync(path.join(dir, 'pg_wal')).filter((n) => /^[0-9A-F]{8}\.history$/.test(n))
    .map((n) => ({ path: `pg_wal/${n}`, size: fs.statSync(path.join(dir, 'pg_wal', n)).size }));
}
