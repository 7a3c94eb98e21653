import * as fs from 'fs';
import * as path from 'path';
import type { FileOwner } from './file-owner';
import { COMPLETED_FILES } from './catchup-marker';

/**
 * What a FULL has made durable, one line each, so that a rerun after an interruption keeps it
 * (bringing it up to date like DELTA) instead of copying it again:
 *   `<size>\t<path>`        the file is complete at <size> bytes;
 *   `part\t<bytes>\t<path>` its first <bytes> bytes are durable (a large file still being written).
 * A line is written only after the fsync (or syncfs) covering it has returned: what the journal
 * names is on disk, even after a power loss. Lines lost with the process only cost a copy.
 * (The `part` lines start with no digit, so a reader that knows only the first kind skips them.)
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
    fs.writeSync(this.fd, doneLine(relPath, size));
  }

  /** The first `bytes` bytes of `relPath`, still being written, are durable. */
  addDurablePart(relPath: string, bytes: number): void {
    fs.writeSync(this.fd, partLine(relPath, bytes));
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

/** What the journal of an interrupted FULL says is on disk. */
export interface ResumeJournal {
  /** Finished files: path -> size. */
  done: Map<string, number>;
  /** Files being written: path -> bytes from their start known durable (the last such line). */
  durable: Map<string, number>;
}

/** The journal of an interrupted FULL: path -> size; empty when there is none. A torn last line is ignored. */
export function readCompletedFiles(targetDir: string): Map<string, number> {
  return readResumeJournal(targetDir).done;
}

/** Both kinds of line of the journal; empty maps when there is none. A torn last line is ignored. */
export function readResumeJournal(targetDir: string): ResumeJournal {
  const journal: ResumeJournal = { done: new Map(), durable: new Map() };
  let text: string;
  try {
    text = fs.readFileSync(path.join(targetDir, COMPLETED_FILES), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return journal;
    throw err;
  }
  // Only whole lines: a line cut by a kill mid-write has no newline and could name another file.
  for (const line of text.split('\n').slice(0, -1)) {
    const done = /^(\d+)\t(.+)$/.exec(line);
    if (done) journal.done.set(done[2], Number(done[1]));
    const part = /^part\t(\d+)\t(.+)$/.exec(line);
    if (part) journal.durable.set(part[2], Number(part[1]));
  }
  return journal;
}

/**
 * Replaces the journal with `journal` (a resumed run states what it keeps before it cuts or
 * removes anything), in place so that its owner and mode stay, and durably: after a crash the old
 * journal must not come back to vouch for a file removed since and copied anew.
 */
export function rewriteResumeJournal(targetDir: string, journal: ResumeJournal): void {
  const lines = [...journal.done].map(([p, size]) => doneLine(p, size)).concat([...journal.durable].map(([p, bytes]) => partLine(p, bytes)));
  const file = path.join(targetDir, COMPLETED_FILES);
  if (!fs.existsSync(file) && lines.length === 0) return;
  const fd = fs.openSync(file, 'w', 0o600);
  try {
    fs.writeSync(fd, lines.join(''));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function doneLine(relPath: string, size: number): string {
  return `${size}\t${relPath}\n`;
}

function partLine(relPath: string, bytes: number): string {
  return `part\t${bytes}\t${relPath}\n`;
}
