import * as fs from 'fs';
import * as path from 'path';
import type { FileOwner } from './file-owner';
import { COMPLETED_FILES } from './catchup-marker';

/**
 * The files a FULL has finished, one line each (size, tab, path), so that a rerun after an
 * interruption keeps them (bringing them up to date like DELTA) instead of copying them again.
 * A line is written only after the file's fsync has returned: a file the journal names is on
 * disk whole, even after a power loss. Lines lost with the process only cost a copy.
 */
export class CompletedFilesJournal {
  private readonly fd: number;

  constructor(targetDir: string, owner: FileOwner | null) {
    this.fd = fs.openSync(path.join(targetDir, COMPLETED_FILES), 'a', 0o600);
    if (owner) fs.fchownSync(this.fd, owner.uid, owner.gid);
  }

  /** `relPath` (relative to PGDATA) is complete and durable at `size` bytes. */
  add(relPath: string, size: number): void {
    // One write per line: O_APPEND keeps lines whole even if the process dies right after.
    fs.writeSync(this.fd, `${size}\t${relPath}\n`);
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

/** The journal of an interrupted FULL: path -> size; empty when there is none. A torn last line is ignored. */
export function readCompletedFiles(targetDir: string): Map<string, number> {
  let text: string;
  try {
    text = fs.readFileSync(path.join(targetDir, COMPLETED_FILES), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw err;
  }
  const done = new Map<string, number>();
  // Only whole lines: a line cut by a kill mid-write has no newline and could name another file.
  for (const line of text.split('\n').slice(0, -1)) {
    const m = /^(\d+)\t(.+)$/.exec(line);
    if (m) done.set(m[2], Number(m[1]));
  }
  return done;
}
