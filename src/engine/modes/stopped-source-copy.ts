import * as fs from 'fs';
import * as path from 'path';
import { executeCopy } from '../copy/copy-executor';
import { CopyValidation } from '../copy/page-validation';
import { RateLimiter } from '../copy/rate-limit';
import { fsyncPath, TargetWriter } from '../copy/target-writer';
import { silentLogger } from '../log';
import { Plan, wholeFilesPlan } from '../plan/plan';
import { assertLocalSourceUnchanged } from '../source/local-pgdata';
import { formatLsn } from '../wal/lsn';
import { BackupCopyOptions, BackupCopyResult, diskFullError, logValidation, runBackupCopy, writeRecoveryConf } from './backup-copy';
import type { SourceSession } from './source-session';

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
  source: SourceSession,
  writer: TargetWriter,
  opts: BackupCopyOptions,
  makePlan: (startLsn: bigint, replaying: boolean) => Promise<Plan>,
): Promise<BackupCopyResult> {
  const local = source.local!;
  const { readers } = source.files;
  await writer.makeDirectory('pg_wal');
  await writer.makeDirectory('pg_wal/archive_status');
  const validation = source.dataChecksums ? new CopyValidation(opts.validateThreads, source.blockSize, source.relsegSize) : null;
  let plan: Plan | null = null;
  try {
    opts.clock?.next('plan (listing, changed blocks)');
    plan = await makePlan(local.walEnd, false);
    opts.clock?.next('copy');
    const rateLimiter = opts.maxRateBytesPerSecond ? new RateLimiter(opts.maxRateBytesPerSecond) : undefined;
    const copy = await executeCopy(plan, readers, writer, opts.logger, validation ?? undefined, { rateLimiter });
    // Nothing was written to the source meanwhile: a bad checksum is corruption, never a torn read.
    const validated = validation ? await validation.finish(readers[0], writer, local.walEnd) : null;
    if (validated) logValidation(validated, opts.logger);

    opts.clock?.next('WAL from the last checkpoint');
    const walFiles = [...local.walFiles.map((f) => ({ path: f.path, size: source.segSize })), ...historyFiles(local.dir)];
    await executeCopy(wholeFilesPlan(walFiles), [readers[0]], writer, silentLogger, undefined, { flush: false });
    opts.logger.info(`copied ${local.walFiles.length} WAL segment(s) from the source's last checkpoint (redo ${formatLsn(local.control.redoLsn)}) to ${formatLsn(local.walEnd)}`);

    opts.clock?.next('finish (fsync, pg_control)');
    assertLocalSourceUnchanged(local);
    for (const f of LABEL_FILES) fs.rmSync(writer.abs(f), { force: true });
    if (opts.recoveryConninfo !== null) writeRecoveryConf(writer, opts.recoveryConninfo);
    await writer.flush();
    // Last (rule 6): until pg_control exists, PostgreSQL refuses to start the directory.
    await writer.writeFile(plan.controlFile, local.controlBytes);
    if (opts.sync) {
      await fsyncPath(writer.abs('global'));
      await fsyncPath(writer.abs('.'));
    }
    opts.clock?.end();
    return {
      startLsn: local.control.redoLsn, stopLsn: local.walEnd, plan, copy, validation: validated, replaying: false,
      walSegments: local.walFiles.length, walBytes: local.walFiles.length * source.segSize,
    };
  } catch (err) {
    throw diskFullError(err, writer, plan) ?? err;
  } finally {
    await validation?.close();
  }
}

/** The copy for this kind of source: a backup session on a server, or the stopped directory's files. */
export function copyFor(source: SourceSession): typeof runBackupCopy {
  return source.local ? runStoppedSourceCopy : runBackupCopy;
}

/** Every timeline history file in the source's pg_wal: a standby following later switches needs them. */
function historyFiles(dir: string): Array<{ path: string; size: number }> {
  return fs.readdirSync(path.join(dir, 'pg_wal')).filter((n) => /^[0-9A-F]{8}\.history$/.test(n))
    .map((n) => ({ path: `pg_wal/${n}`, size: fs.statSync(path.join(dir, 'pg_wal', n)).size }));
}
