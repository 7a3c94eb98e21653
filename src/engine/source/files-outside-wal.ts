import fs from 'fs';
import { CopyResult, executeCopy } from '../copy/copy-executor';
import type { TargetWriter } from '../copy/target-writer';
import { CatchupError } from '../errors';
import { silentLogger, Logger } from '../log';
import { coveredByWal, isServerLogFile } from '../pgdata/wal-covered-files';
import { FileCopy, Plan, wholeFilesPlan } from '../plan/plan';
import type { SourceFiles } from './source-files';
import type { SourceFileStat } from './server/file-stat';

/**
 * A running source's files that WAL replay does not repair (pgdata/wal-covered-files.ts): a
 * configuration file edited, or a file someone appends to, during the copy would stay torn or
 * short on the target. pg_basebackup and pg_rewind's libpq source copy them as read; we stat
 * them before and after the copy and read again any whose size is not the one copied or whose
 * modification time moved; a file still changing on the second pass fails the run, before
 * pg_control is written. pg_stat_file gives whole seconds: a same-size rewrite within the
 * second the first stat saw is not seen (a size change always is).
 */
export interface OutsideWalCheck {
  files: FileCopy[];
  before: Map<string, SourceFileStat | null>;
}

/** Before the copy: the files to watch and their state. Null for a source that checks as it reads (a stopped directory). */
export async function watchFilesOutsideWal(files: SourceFiles, plan: Plan): Promise<OutsideWalCheck | null> {
  if (!files.stat) return null;
  const watched = plan.files.filter((f) => !coveredByWal(f.path) && !isServerLogFile(f.path));
  if (watched.length === 0) return null;
  return { files: watched, before: await files.stat(watched.map((f) => f.path)) };
}

/**
 * After the copy: copies again what changed (once), and fails if it changed again. A file
 * gone from the source is removed from the target: the source no longer has it.
 */
export async function recheckFilesOutsideWal(
  files: SourceFiles, check: OutsideWalCheck, writer: TargetWriter, logger: Logger, copy: CopyResult,
): Promise<void> {
  let { files: watched, before } = check;
  for (let pass = 1; ; pass++) {
    const after = await files.stat!(watched.map((f) => f.path));
    const changed: FileCopy[] = [];
    for (const f of watched) {
      const now = after.get(f.path) ?? null;
      const then = before.get(f.path) ?? null;
      if (now === null) {
        fs.rmSync(writer.abs(f.path), { force: true });
        writer.noteChanged(f.path, 'removed');
        continue;
      }
      if (now.size !== f.size || then === null || now.modified !== then.modified) changed.push({ path: f.path, size: now.size });
    }
    if (changed.length === 0) return;
    if (pass === 2) {
      const c = changed[0];
      const was = watched.find((f) => f.path === c.path)!.size;
      throw new CatchupError('source-file-changed',
        `size of source file "${c.path}" changed concurrently, again while it was read a second time: ${was} bytes expected, ${c.size} found${changed.length > 1 ? ` (and ${changed.length - 1} more file(s))` : ''}. WAL replay does not cover this file, so a copy taken while it changes stays wrong.`,
        'Stop what keeps writing it during the run (a log or a tool writing into the data directory), or leave it out with --exclude-path, then run the same command again (the target is marked, PostgreSQL refuses to start it, and the rerun resumes).');
    }
    logger.info(`${changed.length} file(s) that WAL replay does not repair changed during the copy; reading them again: ${changed.slice(0, 5).map((f) => f.path).join(', ')}${changed.length > 5 ? ', ...' : ''}`);
    const again = await executeCopy(wholeFilesPlan(changed), [files.readers[0]], writer, silentLogger, undefined, { flush: false });
    copy.bytesCopied += again.bytesCopied;
    before = after;
    watched = changed;
  }
}
