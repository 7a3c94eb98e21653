import type { SyncMethod } from './file-system-sync';

/**
 * With fsync per file, a large file still being written is fsynced every this many bytes written
 * from its start, so that a FULL killed inside a 1 GB segment keeps most of it even on a cluster
 * without data checksums (where only what an fsync covered can be trusted). Each such fsync only
 * writes back earlier what the one at the file's end would have; it runs in the background.
 */
export const DURABLE_STEP_BYTES = 32 * 1024 * 1024;

/**
 * How far a file is written from its start without a gap. Pieces of one file may be written out
 * of order (-j N readers share a large file): ranges past a gap wait until the gap is filled.
 */
export class WrittenPrefix {
  /** Bytes [0, end) are written. */
  end = 0;
  /** Written ranges past `end`, disjoint, as [start, end) pairs. */
  private readonly ahead: Array<[number, number]> = [];

  add(start: number, length: number): void {
    const stop = start + length;
    if (start > this.end) {
      // Extends the range it continues (a piece written in order), or starts a new one.
      const before = this.ahead.find((r) => r[1] === start);
      if (before) before[1] = stop;
      else this.ahead.push([start, stop]);
      return;
    }
    if (stop > this.end) this.end = stop;
    for (let absorbed = true; absorbed;) {
      absorbed = false;
      for (let i = 0; i < this.ahead.length; i++) {
        if (this.ahead[i][0] > this.end) continue;
        this.end = Math.max(this.end, this.ahead[i][1]);
        this.ahead.splice(i, 1);
        absorbed = true;
        break;
      }
    }
  }
}

interface Tracked {
  abs: string;
  prefix: WrittenPrefix;
  /** What the journal was last told is durable. */
  durable: number;
  syncing: boolean;
}

/**
 * Makes the written start of large files durable as they grow and says so (`onDurable`, the
 * FULL's journal): with fsync per file, an fsync every DURABLE_STEP_BYTES of a file; with syncfs,
 * at each syncfs the writer runs anyway (capture() before it, the returned call after it).
 */
export class DurableProgress {
  private readonly files = new Map<string, Tracked>();

  constructor(
    private readonly method: SyncMethod | undefined,
    private readonly onDurable: (relPath: string, bytes: number) => void,
    private readonly fsyncFile: (abs: string) => Promise<void>,
    /** Runs background work; a failure fails the copy. */
    private readonly track: (p: Promise<void>) => void,
  ) {}

  /** Bytes [offset, offset + length) of `relPath` were written. */
  wrote(relPath: string, abs: string, offset: number, length: number): void {
    let file = this.files.get(relPath);
    if (!file) this.files.set(relPath, (file = { abs, prefix: new WrittenPrefix(), durable: 0, syncing: false }));
    file.prefix.add(offset, length);
    if (this.method === 'syncfs' || file.syncing || file.prefix.end - file.durable < DURABLE_STEP_BYTES) return;
    const bytes = file.prefix.end;
    file.syncing = true;
    // By path, not the writer's descriptor: that one may be closed while this runs. An fsync of
    // any descriptor of the file writes back all of its pages written before the call.
    this.track(this.fsyncFile(file.abs).then(() => {
      file.syncing = false;
      file.durable = bytes;
      if (this.files.get(relPath) === file) this.onDurable(relPath, bytes);
    }));
  }

  /** `relPath` is complete: its own fsync and journal line take over. */
  done(relPath: string): void {
    this.files.delete(relPath);
  }

  /** Before a syncfs: what it will have made durable, said once it has returned. */
  capture(): () => void {
    const due = [...this.files].filter(([, f]) => f.prefix.end > f.durable).map(([p, f]) => [p, f, f.prefix.end] as const);
    return () => {
      for (const [p, f, bytes] of due) {
        f.durable = bytes;
        if (this.files.get(p) === f) this.onDurable(p, bytes);
      }
    };
  }
}
