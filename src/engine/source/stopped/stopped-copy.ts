import * as fs from 'fs';
import * as path from 'path';
import { executeCopy } from '../../copy/copy-executor';
import type { TargetWriter } from '../../copy/target-writer';
import { silentLogger } from '../../log';
import { Plan, wholeFilesPlan } from '../../plan/plan';
import { assertLocalSourceUnchanged } from './local-pgdata';
import { formatLsn } from '../../wal/lsn';
import { diskFullError } from '../../copy/disk-full';
import { copyPlan, SourceCopyOptions, SourceCopyResult, writeControlFileLast, writeRecoveryConf } from '../source-copy';
import type { Source } from '../source';
import type { LocalSource } from './local-pgdata';

// Recovery would start from a leftover label's checkpoint, not from the pg_control we write.
const LABEL_FILES = ['backup_label', 'tablespace_map'];

/**
 * The copy from a stopped source (--source-pgdata). A cleanly stopped cluster is consistent at
 * its last checkpoint, so there is no backup session, slot or WAL stream: the plan's files, the
 * WAL the target needs to start (the last checkpoint's redo up to the end of the source's WAL,
 * and every history file), a check that the source stayed stopped throughout, and last the
 * source's own pg_control (rule 6). The target starts at that checkpoint, with no backup_label.
 * Same contract as runBackupCopy; `makePlan` gets the end of the source's WAL as its start LSN:
 * no page read has a newer LSN, and any later change to the source will.
 */
export async function runStoppedSourceCopy(
  source: Source & { local: LocalSource },
  writer: TargetWriter,
  opts: SourceCopyOptions,
  makePlan: (startLsn: bigint, replaying: boolean) => Promise<Plan>,
): Promise<SourceCopyResult> {
  const { local } = source;
  const { readers } = source.files;
  await writer.makeDirectory('pg_wal');
  await writer.makeDirectory('pg_wal/archive_status');
  let plan: Plan | null = null;
  try {
    opts.clock?.next('plan (listing, changed blocks)');
    plan = await makePlan(local.walEnd, false);
    // Nothing was written to the source meanwhile: a bad checksum is corruption, never a torn read.
    const { copy, validation } = await copyPlan(source, plan, writer, opts, local.walEnd);

    opts.clock?.next('WAL from the last checkpoint');
    const walFiles = [...local.walFiles.map((f) => ({ path: f.path, size: source.segSize })), ...historyFiles(local.dir)];
    await executeCopy(wholeFilesPlan(walFiles), [readers[0]], writer, silentLogger, undefined, { flush: false });
    opts.logger.info(`copied ${local.walFiles.length} WAL segment(s) from the source's last checkpoint (redo ${formatLsn(local.control.redoLsn)}) to ${formatLsn(local.walEnd)}`);

    opts.clock?.next('finish (fsync, pg_control)');
    assertLocalSourceUnchanged(local);
    for (const f of LABEL_FILES) fs.rmSync(writer.abs(f), { force: true });
    if (opts.recoveryConninfo !== null) writeRecoveryConf(writer, opts.recoveryConninfo);
    await writer.flush();
    await writeControlFileLast(writer, plan.controlFile, local.controlBytes, opts.sync);
    opts.clock?.end();
    return {
      startLsn: local.control.redoLsn, stopLsn: local.walEnd, plan, copy, validation, replaying: false,
      walSegments: local.walFiles.length, walBytes: local.walFiles.length * source.segSize,
    };
  } catch (err) {
    throw diskFullError(err, writer, plan) ?? err;
  }
}

/** Every timeline history file in the source's pg_wal: a standby following later switches needs them. */
function historyFiles(dir: string): Array<{ path: string; size: number }> {
  return fs.readdirSync(path.join(dir, 'pg_wal')).filter((n) => /^[0-9A-F]{8}\.history$/.test(n))
    .map((n) => ({ path: `pg_wal/${n}`, size: fs.statSync(path.join(dir, 'pg_wal', n)).size }));
}
