import fs from 'fs';
import path from 'path';
import type { FileOwner } from '../pgdata/file-owner';
import { CatchupError } from '../errors';
import type { Lsn } from '../wal/lsn';
import { isInside, realPathOf } from '../pgdata/target-path';
import { isHistoryFileName, isPartialSegmentFileName, parseSegmentFileName, segmentNoOf } from '../wal/wal-segment';

/**
 * --keep-discarded-wal DIR: the target's WAL from the fork on, kept where pg_waldump can read it
 * after the sync has emptied pg_wal. Checked before the run's first write, so a bad DIR refuses
 * the run instead of losing the WAL it was meant to keep.
 */
export function checkKeepDir(dir: string, targetDir: string): string {
  const abs = realPathOf(dir);
  const target = realPathOf(targetDir);
  if (abs === target || isInside(abs, target) || isInside(target, abs)) {
    throw new CatchupError('keep-wal-dir', `--keep-discarded-wal ${abs} is ${isInside(target, abs) ? 'around' : 'inside'} the target ${target}, which the sync rewrites.`,
      'Choose a directory outside the target data directory.');
  }
  if (fs.existsSync(abs)) {
    if (!fs.statSync(abs).isDirectory()) throw new CatchupError('keep-wal-dir', `--keep-discarded-wal ${abs} is not a directory.`, 'Name a new or empty directory.');
    if (fs.readdirSync(abs).length > 0) {
      throw new CatchupError('keep-wal-dir', `--keep-discarded-wal ${abs} is not empty: WAL of two runs would mix.`, 'Name a new or empty directory.');
    }
  } else if (!fs.existsSync(path.dirname(abs))) {
    throw new CatchupError('keep-wal-dir', `--keep-discarded-wal ${abs}: its parent directory does not exist.`, `Create ${path.dirname(abs)} first.`);
  }
  return abs;
}

/**
 * Puts every segment of the target's pg_wal holding WAL at or after `fromLsn` (any timeline, so
 * the target's own branch is in), its .partial files and history files into `dir`. Hard links
 * where it can (no copying, and the run's removal of pg_wal leaves them), copies across file systems.
 */
export function keepDiscardedWal(
  targetDir: string, dir: string, fromLsn: Lsn, segSize: number, owner: FileOwner | null,
): { files: number; bytes: number } {
  const walDir = path.join(targetDir, 'pg_wal');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Run as root, the kept WAL belongs to the target's owner, who runs pg_waldump on it.
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  const firstSeg = segmentNoOf(fromLsn, segSize);
  let files = 0;
  let bytes = 0;
  for (const name of fs.readdirSync(walDir).sort()) {
    const segment = parseSegmentFileName(isPartialSegmentFileName(name) ? name.slice(0, -'.partial'.length) : name, segSize);
    if (!(isHistoryFileName(name) || (segment && segment.segNo >= firstSeg))) continue;
    const from = path.join(walDir, name);
    const to = path.join(dir, name);
    try {
      fs.linkSync(from, to);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV' && (err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
      fs.copyFileSync(from, to);
      if (owner) fs.chownSync(to, owner.uid, owner.gid);
    }
    files++;
    bytes += fs.statSync(to).size;
  }
  return { files, bytes };
}
