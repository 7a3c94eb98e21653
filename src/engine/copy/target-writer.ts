import fs from 'fs';
import fsp from 'fs/promises';
import path from 'path';
import { promisify } from 'util';
import { DataDirModes, dataDirModes, OWNER_ONLY_MODES } from '../pgdata/data-dir-modes';
import { FileOwner } from '../pgdata/file-owner';
import { SyncMethod, syncFileSystems } from './file-system-sync';
import { DurableProgress } from './durable-progress';
import { OpenAhead, OpenedAhead } from './open-ahead';

export interface TargetWriterOptions {
  root: string;
  owner: FileOwner | null;
  sync: boolean;
  /** How `sync` is done: an fsync per file (default), or one syncfs per file system. */
  syncMethod?: SyncMethod;
  /** Called when a file written whole is complete and (with sync) durable: for the FULL journal. */
  onFileDone?: (relPath: string, size: number) => void;
  /**
   * The modes PostgreSQL uses in this data directory (pgdata/data-dir-modes.ts): what new files
   * and directories get, whatever the umask. Unless given, those of `root` as it is (an
   * existing target keeps its own, as pg_rewind does; owner only when it does not exist yet).
   */
  modes?: DataDirModes;
  /** Called (with sync) when the first `bytes` of a large file written whole, not complete yet, are durable. */
  onFileDurablePart?: (relPath: string, bytes: number) => void;
}

/** create: a new file (or one replaced whole); patch: an existing file written in place. */
export type WriteMode = 'create' | 'patch';

interface Expected {
  pieces: number;
  mode: WriteMode;
}

interface OpenFile {
  fd: number;
  abs: string;
  piecesLeft: number;
  /** Arrives in several pieces: fsynced in the background as soon as it is complete. */
  large: boolean;
  /** A file replaced whole over an old one: the old one's size, cut back to what was written at the end. */
  oldSize: number | null;
  /** The end of the furthest write. */
  end: number;
  /** Written whole (not patched in place). */
  whole: boolean;
}

/** One piece of a file being written: its bytes in order, then end(). */
export interface FilePiece {
  write(bytes: Buffer): void;
  end(): void;
}

/** Pieces start on block boundaries; writes are cut on them too (PostgreSQL's default block size). */
const WRITE_ALIGN = 8192;

// Parallel fsyncs keep the disk's queue full; one at a time is what makes a sync pass slow.
const SYNC_CONCURRENCY = 16;
/** With syncfs, completed large files are made durable (and journaled) in batches of this size. */
const SYNCFS_BATCH_BYTES = 1024 * 1024 * 1024;

/**
 * Writes pieces of files into the target at their offsets, as the bytes arrive.
 * - Writes are synchronous and positional, straight from the network buffers. Measured on a
 *   FULL copy: asynchronous writes on libuv's thread pool cost more CPU and time (a round trip
 *   and a callback per network chunk, four threads contending for the cores the server needs);
 *   buffering to batch them costs a copy. The page cache does the batching.
 * - A file stays open until its last piece is written (announced with `expect`).
 * - A large file is fsynced and closed in the background when complete, overlapping the copy;
 *   small files are fsynced together at the end, in parallel. With syncfs, one syncfs per file
 *   system replaces all of those, every GB of completed files and at the end.
 */
export class TargetWriter {
  private readonly open = new Map<string, OpenFile>();
  private readonly expected = new Map<string, Expected>();
  private readonly toSync: string[] = [];
  /** Completion callbacks of small files, due once the flush has synced them. */
  private readonly doneAtFlush: Array<() => void> = [];
  private readonly dirsToSync = new Set<string>();
  private readonly background = new Set<Promise<void>>();
  private failure: unknown;
  /** syncfs: completed large files waiting for the next syncfs, and their bytes. */
  private awaitingSyncfs: Array<() => void> = [];
  private bytesAwaitingSyncfs = 0;
  /** Large files written whole: their start made durable as they grow (durable-progress.ts). */
  private readonly progress: DurableProgress | null;
  private ahead: OpenAhead | null = null;
  bytesWritten = 0;
  filesWritten = 0;

  readonly modes: DataDirModes;

  constructor(private readonly opts: TargetWriterOptions) {
    this.modes = opts.modes ?? dataDirModes(opts.root);
    this.progress = opts.sync && opts.onFileDurablePart
      ? new DurableProgress(opts.syncMethod, opts.onFileDurablePart, fsyncPath, (p) => this.track(p))
      : null;
  }

  get owner(): FileOwner | null {
    return this.opts.owner;
  }

  abs(relPath: string): string {
    return path.join(this.opts.root, relPath);
  }

  async makeDirectory(relPath: string): Promise<void> {
    const abs = this.abs(relPath);
    // Every directory made on the way gets the mode too: mkdir's is cut by the umask.
    const firstMade = await fsp.mkdir(abs, { mode: this.modes.dir, recursive: true });
    for (let dir = abs; ; dir = path.dirname(dir)) {
      await fsp.chmod(dir, this.modes.dir);
      if (!firstMade || dir === firstMade || dir === path.dirname(dir)) break;
    }
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
    const firstMade = await fsp.mkdir(location, { mode: this.modes.dir, recursive: true });
    await fsp.chmod(location, this.modes.dir);
    const link = this.abs(linkPath);
    await fsp.mkdir(path.dirname(link), { mode: this.modes.dir, recursive: true });
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

  /** A change made outside the piece writes (a truncation, a removal): sync that file and/or its directory too. */
  noteChanged(relPath: string, kind: 'file' | 'removed'): void {
    const abs = this.abs(relPath);
    if (kind === 'file') this.toSync.push(abs);
    this.dirsToSync.add(path.dirname(abs));
  }

  /** Announces a file that will arrive in `pieces` pieces (so we know when it is complete). */
  expect(relPath: string, pieces: number, mode: WriteMode = 'create'): void {
    this.expected.set(relPath, { pieces, mode });
  }

  /**
   * Opens announced files in the background, in the order their pieces will come (open-ahead.ts),
   * so that the first piece of each finds it open.
   */
  openAhead(order: readonly string[]): void {
    const close = (fd: number) => fs.close(fd, () => undefined);
    // A file whose source vanished is not created: one made ahead for it is removed again.
    const discard = (relPath: string, opened: OpenedAhead) => {
      close(opened.fd);
      if (opened.created) fs.rmSync(this.abs(relPath), { force: true });
    };
    this.ahead = new OpenAhead(order, (relPath) => this.openInBackground(relPath), close, discard);
  }

  /** Starts a piece of an announced file at `offset`; the file is opened by its first piece. */
  beginPiece(relPath: string, offset: number): FilePiece {
    if (this.failure) throw this.failure;
    const file = this.open.get(relPath) ?? this.openFile(relPath);
    let position = offset;
    // Network chunks end anywhere; a block is written by one call, so that a run killed between
    // two writes never leaves a block half old, half new (its header would then lie about it).
    let carry: Buffer | null = null;
    let carried = 0;
    const put = (bytes: Buffer) => {
      writeAllSync(file.fd, bytes, position);
      if (file.large && file.whole) this.progress?.wrote(relPath, file.abs, position, bytes.length);
      position += bytes.length;
      if (position > file.end) file.end = position;
      this.bytesWritten += bytes.length;
    };
    return {
      write: (bytes) => {
        let i = 0;
        if (carried > 0) {
          i = Math.min(WRITE_ALIGN - carried, bytes.length);
          carried += bytes.copy(carry!, carried, 0, i);
          if (carried < WRITE_ALIGN) return;
          put(carry!);
          carried = 0;
        }
        const whole = Math.floor((bytes.length - i) / WRITE_ALIGN) * WRITE_ALIGN;
        if (whole > 0) put(bytes.subarray(i, i + whole));
        if (i + whole < bytes.length) carried = bytes.copy((carry ??= Buffer.allocUnsafe(WRITE_ALIGN)), 0, i + whole);
      },
      end: () => {
        if (carried > 0) put(carry!.subarray(0, carried));
        this.pieceDone(relPath, file);
      },
    };
  }

  /** A piece whose source file vanished: nothing is written, and no file is created for it. */
  skipPiece(relPath: string): void {
    const file = this.open.get(relPath);
    if (file) {
      this.pieceDone(relPath, file);
      return;
    }
    const expected = this.expected.get(relPath);
    if (expected === undefined) throw new Error(`internal: unexpected piece for ${relPath}`);
    if (--expected.pieces > 0) return;
    this.expected.delete(relPath);
    this.ahead?.forget(relPath);
  }

  /** One whole piece (null data: the source file vanished). */
  async writePiece(relPath: string, offset: number, data: Buffer | null): Promise<void> {
    if (data === null) return this.skipPiece(relPath);
    const piece = this.beginPiece(relPath, offset);
    piece.write(data);
    piece.end();
  }

  /**
   * A whole small file written in place, made durable by the next flush(): for files written
   * while the target cannot start anyway (pg_control is not there yet), where atomic
   * replacement would only add two fsyncs each to the end of the run.
   */
  writeWhole(relPath: string, content: Buffer | string): void {
    this.expect(relPath, 1);
    const piece = this.beginPiece(relPath, 0);
    piece.write(Buffer.isBuffer(content) ? content : Buffer.from(content));
    piece.end();
  }

  /**
   * A whole small file (pg_control), replaced atomically and durable before returning: a crash
   * leaves the old file or the new one, never a torn one.
   */
  async writeFile(relPath: string, content: Buffer | string): Promise<void> {
    const tmp = this.abs(`${relPath}.pg_catchup.tmp`);
    // The replacement keeps the mode of the file it replaces, as an in-place write would.
    const mode = (fs.statSync(this.abs(relPath), { throwIfNoEntry: false })?.mode ?? this.modes.file) & 0o7777;
    const fd = fs.openSync(tmp, 'w', mode);
    try {
      fs.fchmodSync(fd, mode);
      if (this.opts.owner) fs.fchownSync(fd, this.opts.owner.uid, this.opts.owner.gid);
      writeAllSync(fd, Buffer.isBuffer(content) ? content : Buffer.from(content), 0);
    } finally {
      fs.closeSync(fd);
    }
    if (this.opts.sync) await fsyncPath(tmp);
    await fsp.rename(tmp, this.abs(relPath));
    if (this.opts.sync) await fsyncPath(path.dirname(this.abs(relPath)));
  }

  /** Waits for the writes, background syncs and closes, then fsyncs the small files and directories. */
  async flush(): Promise<void> {
    await this.settle();
    if (this.failure) throw this.failure;
    if (!this.opts.sync) {
      for (const done of this.doneAtFlush.splice(0)) done();
      return;
    }
    if (this.opts.syncMethod === 'syncfs') {
      this.toSync.length = 0;
      this.dirsToSync.clear();
      const done = [...this.awaitingSyncfs.splice(0), ...this.doneAtFlush.splice(0)];
      this.bytesAwaitingSyncfs = 0;
      await syncFileSystems(this.opts.root);
      for (const d of done) d();
      return;
    }
    await inParallel(this.toSync.splice(0), SYNC_CONCURRENCY, fsyncPath);
    for (const done of this.doneAtFlush.splice(0)) done();
    // A directory noted for a removal inside it may itself have been removed since.
    const dirs = [...this.dirsToSync].filter((d) => fs.existsSync(d));
    this.dirsToSync.clear();
    await inParallel(dirs, SYNC_CONCURRENCY, fsyncPath);
  }

  /** After a failure: let background work settle and close what is open, without syncing. */
  async abandon(): Promise<void> {
    this.failure ??= new Error('copy abandoned');
    await this.settle();
    await this.ahead?.closeAll();
    for (const file of this.open.values()) fs.closeSync(file.fd);
    this.open.clear();
  }

  private async settle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  private openFile(relPath: string): OpenFile {
    if (this.failure) throw this.failure;
    const expected = this.expected.get(relPath);
    if (expected === undefined) throw new Error(`internal: unexpected piece for ${relPath}`);
    this.expected.delete(relPath);
    const abs = this.abs(relPath);
    const { fd, oldSize } = this.ahead?.take(relPath) ?? this.openNow(abs, expected.mode);
    const file: OpenFile = { fd, abs, piecesLeft: expected.pieces, large: expected.pieces > 1, oldSize, end: 0, whole: expected.mode === 'create' };
    this.open.set(relPath, file);
    this.dirsToSync.add(path.dirname(abs));
    return file;
  }

  private openNow(abs: string, mode: WriteMode): OpenedAhead {
    const fd = mode === 'create' ? createExclusive(abs, this.modes.file) : null;
    if (fd !== null) return this.madeHere(fd);
    // A file replaced whole is overwritten in place and cut to size at its end, not opened with
    // O_TRUNC: on ext4 that frees the old blocks and makes close() start writeback (auto_da_alloc),
    // 250 µs a file that a rewind of 250 small files waited for.
    const old = mode === 'create' ? fs.lstatSync(abs, { throwIfNoEntry: false }) : undefined;
    const replacing = old?.isFile() === true;
    const opened = fs.openSync(abs, mode === 'patch' || replacing ? 'r+' : 'w', this.modes.file);
    if (mode === 'create' && !replacing) return this.madeHere(opened, old === undefined);
    if (this.opts.owner && mode === 'create') fs.fchownSync(opened, this.opts.owner.uid, this.opts.owner.gid);
    return { fd: opened, oldSize: replacing ? old!.size : null, created: false };
  }

  /** A file this run made: the directory's mode whatever the umask (which may take group read away), and the target's owner. */
  private madeHere(fd: number, created = true): OpenedAhead {
    if (this.modes !== OWNER_ONLY_MODES) fs.fchmodSync(fd, this.modes.file);
    if (this.opts.owner) fs.fchownSync(fd, this.opts.owner.uid, this.opts.owner.gid);
    return { fd, oldSize: null, created };
  }

  /** openNow on the thread pool, never truncating: the piece may have opened the file with openNow meanwhile and written into it. */
  private async openInBackground(relPath: string): Promise<OpenedAhead> {
    const expected = this.expected.get(relPath);
    if (expected === undefined) throw new Error(`internal: ${relPath} opened ahead but not announced`);
    const abs = this.abs(relPath);
    if (expected.mode === 'create') {
      const made = await openFd(abs, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, this.modes.file).catch(existingIsNull);
      if (made !== null) return this.madeInBackground(made);
    }
    const old = expected.mode === 'create' ? await fsp.lstat(abs).catch(absentIsUndefined) : undefined;
    const replacing = old?.isFile() === true;
    const flags = expected.mode === 'patch' || replacing ? fs.constants.O_RDWR : fs.constants.O_WRONLY | fs.constants.O_CREAT;
    const fd = await openFd(abs, flags, this.modes.file);
    if (expected.mode === 'create' && !replacing) return this.madeInBackground(fd, old === undefined);
    if (this.opts.owner && expected.mode === 'create') await fchownFd(fd, this.opts.owner.uid, this.opts.owner.gid).catch(closing(fd));
    return { fd, oldSize: replacing ? old!.size : null, created: false };
  }

  /** madeHere on the thread pool. */
  private async madeInBackground(fd: number, created = true): Promise<OpenedAhead> {
    if (this.modes !== OWNER_ONLY_MODES) await fchmodFd(fd, this.modes.file).catch(closing(fd));
    if (this.opts.owner) await fchownFd(fd, this.opts.owner.uid, this.opts.owner.gid).catch(closing(fd));
    return { fd, oldSize: null, created };
  }

  private pieceDone(relPath: string, file: OpenFile): void {
    if (--file.piecesLeft > 0) return;
    this.open.delete(relPath);
    if (file.oldSize !== null && file.oldSize > file.end) fs.ftruncateSync(file.fd, file.end);
    this.filesWritten++;
    this.progress?.done(relPath);
    const done = file.whole && this.opts.onFileDone ? () => this.opts.onFileDone!(relPath, file.end) : null;
    if (file.large && this.opts.sync && this.opts.syncMethod === 'syncfs') {
      fs.closeSync(file.fd);
      if (done) this.awaitingSyncfs.push(done);
      this.bytesAwaitingSyncfs += file.end;
      // A FULL's journal must not wait for the end: every GB or so, one syncfs makes the finished files count.
      if (this.bytesAwaitingSyncfs >= SYNCFS_BATCH_BYTES) {
        const batch = this.awaitingSyncfs.splice(0);
        const parts = this.progress?.capture();
        this.bytesAwaitingSyncfs = 0;
        this.track(syncFileSystems(this.opts.root).then(() => {
          batch.forEach((d) => d());
          parts?.();
        }));
      }
      return;
    }
    if (file.large && this.opts.sync) {
      this.track(syncAndClose(file.fd).then(done ?? undefined));
      return;
    }
    fs.closeSync(file.fd);
    this.toSync.push(file.abs);
    if (done) this.doneAtFlush.push(done);
  }

  private track(p: Promise<void>): void {
    const tracked = p.catch((err) => {
      this.failure ??= err;
    });
    this.background.add(tracked);
    void tracked.finally(() => this.background.delete(tracked));
  }
}

const openFd = promisify(fs.open);

/**
 * Most files a FULL writes are new: O_CREAT | O_EXCL makes one in a single call, where looking
 * first (lstat) cost a second call per file. Null when something is already there: the caller
 * then looks at what, as before.
 */
function createExclusive(abs: string, mode: number): number | null {
  try {
    return fs.openSync(abs, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, mode);
  } catch (err) {
    return existingIsNull(err as NodeJS.ErrnoException);
  }
}

/** A background open's failure after the file was opened: close it, then fail as before. */
function closing(fd: number): (err: unknown) => never {
  return (err) => {
    fs.close(fd, () => undefined);
    throw err;
  };
}
const fchmodFd = promisify(fs.fchmod);
const fchownFd = promisify(fs.fchown);

function existingIsNull(err: NodeJS.ErrnoException): null {
  if (err.code === 'EEXIST') return null;
  throw err;
}

function absentIsUndefined(err: NodeJS.ErrnoException): undefined {
  if (err.code === 'ENOENT') return undefined;
  throw err;
}

function writeAllSync(fd: number, data: Buffer, position: number): void {
  let written = 0;
  while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written, position + written);
}

function syncAndClose(fd: number): Promise<void> {
  return new Promise((resolve, reject) => {
    fs.fsync(fd, (syncErr) => {
      fs.close(fd, (closeErr) => {
        const err = syncErr ?? closeErr;
        if (err) reject(err);
        else resolve();
      });
    });
  });
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
