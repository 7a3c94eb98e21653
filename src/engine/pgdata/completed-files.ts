import fs from 'fs';
import path from 'path';
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
  /** Lines not written yet: every line of one burst goes in one write (see append). */
  private pending = '';
  private scheduled = false;
  private closed = false;
  private writeError: unknown = null;

  constructor(targetDir: string, owner: FileOwner | null) {
    this.fd = fs.openSync(path.join(targetDir, COMPLETED_FILES), 'a', 0o600);
    if (owner) fs.fchownSync(this.fd, owner.uid, owner.gid);
  }

  /** `relPath` (relative to PGDATA) is complete and durable at `size` bytes. */
  add(relPath: string, size: number): void {
    this.append(doneLine(relPath, size));
  }

  /** The first `bytes` bytes of `relPath`, still being written, are durable. */
  addDurablePart(relPath: string, bytes: number): void {
    this.append(partLine(relPath, bytes));
  }

  /** Writes what is pending; a write that failed in the background is thrown here. */
  close(): void {
    if (this.closed) return;
    this.writePending();
    this.closed = true;
    fs.closeSync(this.fd);
    if (this.writeError) throw this.writeError;
  }

  /**
   * Lines come in bursts: every small file of a FULL is journaled at once when the flush that
   * synced them returns. One write per line cost ~1000 appends after a 147 MB FULL's flush, each
   * 30-230 µs on a busy ext4 (strace -T), on the main thread; so the lines of one turn of the
   * event loop go in one write. A write of whole lines keeps them whole as one write per line
   * did (a kill leaves at most a torn last line, which the reader ignores), and a line written a
   * turn later still follows the fsync that covers it.
   */
  private append(line: string): void {
    if (this.closed) throw new Error('internal: the FULL journal is closed');
    this.pending += line;
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.closed) this.writePending();
    });
  }

  private writePending(): void {
    if (this.pending === '' || this.writeError) return;
    const bytes = Buffer.from(this.pending);
    this.pending = '';
    try {
      for (let at = 0; at < bytes.length; ) at += fs.writeSync(this.fd, bytes, at, bytes.length - at);
    } catch (err) {
      // Thrown by close(): the run fails as it did when each line was written at once.
      this.writeError = err;
    }
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
