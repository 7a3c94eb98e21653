import * as fs from 'fs';
import * as fsp from 'fs/promises';
import * as path from 'path';
import { FileOwner } from './file-owner';

// PostgreSQL's own modes for a data directory without group access.
export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

export interface TargetWriterOptions {
  root: string;
  owner: FileOwner | null;
  sync: boolean;
  /** Bytes of large-file pieces allowed in flight before a reader has to wait. */
  maxInFlightBytes?: number;
}

/** create: a new file (or one replaced whole); patch: an existing file written in place. */
export type WriteMode = 'create' | 'patch';

interface Expected {
  pieces: number;
  mode: WriteMode;
}

interface MultiPieceFile {
  piecesLeft: number;
  mode: WriteMode;
  handle?: Promise<fsp.FileHandle>;
  writes: Promise<void>[];
}

// Parallel fsyncs keep the disk's queue full; one at a time is what makes a sync pass slow.
const SYNC_CONCURRENCY = 16;

/**
 * Writes pieces of files into the target at their offsets.
 * - A one-piece file (most of PGDATA) is written synchronously: an async open/write/close costs
 *   several thread-pool round trips per file, which dominated copies of many small files.
 * - Pieces of large files are written in the background, bounded by an in-flight byte budget;
 *   each large file is fsynced and closed when its last piece lands, overlapping the copy.
 * - Small files are fsynced together at the end, in parallel.
 */
export class TargetWriter {
  private readonly multi = new Map<string, MultiPieceFile>();
  private readonly expected = new Map<string, Expected>();
  private readonly toSync: string[] = [];
  private readonly dirsToSync = new Set<string>();
  private readonly background = new Set<Promise<void>>();
  private inFlightBytes = 0;
  private waiters: Array<() => void> = [];
  private failure: unknown;
  bytesWritten = 0;
  filesWritten = 0;

  constructor(private readonly opts: TargetWriterOptions) {}

  get owner(): FileOwner | null {
    return this.opts.owner;
  }

  abs(relPath: string): string {
    return path.join(this.opts.root, relPath);
  }

  async makeDirectory(relPath: string): Promise<void> {
    const abs = this.abs(relPath);
    await fsp.mkdir(abs, { mode: DIR_MODE, recursive: true });
    await fsp.chmod(abs, DIR_MODE);
    if (this.opts.owner) await fsp.chown(abs, this.opts.owner.uid, this.opts.owner.gid);
    this.dirsToSync.add(abs);
    this.dirsToSync.add(path.dirname(abs));
  }

  /**
   * A tablespace: its directory outside PGDATA (made if missing, owned like PGDATA) and the
   * pg_tblspc/<oid> link to it, as pg_basebackup's plain format leaves them.
   */
  async makeTablespaceLink(linkPath: string, location: string): Promise<void> {
    // Every directory made on the way belongs to the PGDATA owner, or the server could not reach the tablespace.
    const firstMade = await fsp.mkdir(location, { mode: DIR_MODE, recursive: true });
    await fsp.chmod(location, DIR_MODE);
    const link = this.abs(linkPath);
    await fsp.mkdir(path.dirname(link), { mode: DIR_MODE, recursive: true });
    await fsp.symlink(location, link);
    if (this.opts.owner) {
      const { uid, gid } = this.opts.owner;
      if (firstMade) {
        for (let dir = location; ; dir = path.dirname(dir)) {
          await fsp.chown(dir, uid, gid);
          if (dir === firstMade || dir === path.dirname(dir)) break;
        }
      }
      await fsp.chown(location, uid, gid);
      await fsp.lchown(link, uid, gid);
    }
    this.dirsToSync.add(location);
    this.dirsToSync.add(path.dirname(location));
    this.dirsToSync.add(path.dirname(link));
  }

  /** A change made outside writePiece (a truncation, a removal): sync that file and/or its directory too. */
  noteChanged(relPath: string, kind: 'file' | 'removed'): void {
    const abs = this.abs(relPath);
    if (kind === 'file') this.toSync.push(abs);
    this.dirsToSync.add(path.dirname(abs));
  }

  /** Announces a file that will arrive in `pieces` pieces (so we know when it is complete). */
  expect(relPath: string, pieces: number, mode: WriteMode = 'create'): void {
    this.expected.set(relPath, { pieces, mode });
  }

  /** One piece of a file; null data means the source file vanished: nothing is created for it. */
  async writePiece(relPath: string, offset: number, data: Buffer | null): Promise<void> {
    if (this.failure) throw this.failure;
    const expected = this.expected.get(relPath);
    if (expected === undefined) throw new Error(`internal: unexpected piece for ${relPath}`);
    if (expected.pieces === 1) {
      this.expected.delete(relPath);
      if (data !== null) this.writeSmallSync(relPath, data, offset, expected.mode);
      return;
    }
    let file = this.multi.get(relPath);
    if (!file) this.multi.set(relPath, (file = { piecesLeft: expected.pieces, mode: expected.mode, writes: [] }));
    if (data !== null) {
      file.handle ??= this.openLarge(relPath, file.mode);
      await this.reserve(data.length);
      file.writes.push(this.track(this.writeAt(file.handle, data, offset)));
    }
    if (--file.piecesLeft === 0) {
      this.multi.delete(relPath);
      this.expected.delete(relPath);
      this.track(this.closeLarge(file));
    }
  }

  /**
   * A whole small file (backup_label, standby.signal, pg_control, ...), replaced atomically and
   * durable before returning: a crash leaves the old file or the new one, never a torn one.
   */
  async writeFile(relPath: string, content: Buffer | string): Promise<void> {
    const tmpRel = `${relPath}.pg_catchup.tmp`;
    const tmp = this.writeSmallSync(tmpRel, Buffer.isBuffer(content) ? content : Buffer.from(content), 0, 'create');
    this.toSync.pop();
    if (this.opts.sync) await fsyncPath(tmp);
    await fsp.rename(tmp, this.abs(relPath));
    if (this.opts.sync) await fsyncPath(path.dirname(this.abs(relPath)));
  }

  /** Waits for every background write and close, then fsyncs the small files and directories. */
  async flush(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
    if (this.failure) throw this.failure;
    if (!this.opts.sync) return;
    await inParallel(this.toSync.splice(0), SYNC_CONCURRENCY, fsyncPath);
    // A directory noted for a removal inside it may itself have been removed since.
    await inParallel([...this.dirsToSync].filter((d) => fs.existsSync(d)), SYNC_CONCURRENCY, fsyncPath);
  }

  /** After a failure: let background work settle and close what is open, without syncing. */
  async abandon(): Promise<void> {
    this.failure ??= new Error('copy abandoned');
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
    for (const file of this.multi.values()) {
      const fh = await file.handle?.catch(() => null);
      await fh?.close().catch(() => undefined);
    }
    this.multi.clear();
  }

  private writeSmallSync(relPath: string, data: Buffer, offset: number, mode: WriteMode): string {
    const abs = this.abs(relPath);
    const fd = fs.openSync(abs, mode === 'patch' ? 'r+' : 'w', FILE_MODE);
    try {
      if (this.opts.owner && mode === 'create') fs.fchownSync(fd, this.opts.owner.uid, this.opts.owner.gid);
      let written = 0;
      while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written, offset + written);
    } finally {
      fs.closeSync(fd);
    }
    this.toSync.push(abs);
    this.dirsToSync.add(path.dirname(abs));
    this.bytesWritten += data.length;
    this.filesWritten++;
    return abs;
  }

  private async openLarge(relPath: string, mode: WriteMode): Promise<fsp.FileHandle> {
    const fh = await fsp.open(this.abs(relPath), mode === 'patch' ? 'r+' : 'w', FILE_MODE);
    if (this.opts.owner && mode === 'create') await fh.chown(this.opts.owner.uid, this.opts.owner.gid);
    this.dirsToSync.add(path.dirname(this.abs(relPath)));
    return fh;
  }

  private async writeAt(handle: Promise<fsp.FileHandle>, data: Buffer, offset: number): Promise<void> {
    try {
      const fh = await handle;
      let written = 0;
      while (written < data.length) {
        const { bytesWritten } = await fh.write(data, written, data.length - written, offset + written);
        written += bytesWritten;
      }
      this.bytesWritten += data.length;
    } finally {
      this.release(data.length);
    }
  }

  private async closeLarge(file: MultiPieceFile): Promise<void> {
    await Promise.all(file.writes);
    if (!file.handle) return;
    const fh = await file.handle;
    if (this.opts.sync) await fh.sync();
    await fh.close();
    this.filesWritten++;
  }

  private track(p: Promise<void>): Promise<void> {
    const tracked = p.catch((err) => {
      this.failure ??= err;
    });
    this.background.add(tracked);
    void tracked.finally(() => this.background.delete(tracked));
    return p;
  }

  private async reserve(bytes: number): Promise<void> {
    const limit = this.opts.maxInFlightBytes ?? 32 * 1024 * 1024;
    while (this.inFlightBytes > 0 && this.inFlightBytes + bytes > limit) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
      if (this.failure) throw this.failure;
    }
    this.inFlightBytes += bytes;
  }

  private release(bytes: number): void {
    this.inFlightBytes -= bytes;
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }
}

export async function fsyncPath(absPath: string): Promise<void> {
  const fh = await fsp.open(absPath, fs.constants.O_RDONLY);
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function inParallel<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
