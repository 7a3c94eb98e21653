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
}

interface OpenFile {
  handle: Promise<fsp.FileHandle>;
  piecesLeft: number;
}

/**
 * Writes pieces of files into the target at their offsets. A file is created by its first piece
 * and closed (fsynced first, unless --no-sync) after its last, so memory and descriptors stay
 * bounded however many files there are.
 */
export class TargetWriter {
  private readonly open = new Map<string, OpenFile>();
  private readonly dirsToSync = new Set<string>();
  bytesWritten = 0;
  filesWritten = 0;

  constructor(private readonly opts: TargetWriterOptions) {}

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

  /** Announces a file that will arrive in `pieces` pieces (so we know when to close it). */
  expect(relPath: string, pieces: number): void {
    this.open.set(relPath, { handle: undefined as never, piecesLeft: pieces });
  }

  /** One piece of a file; null data means the source file vanished: nothing is created for it. */
  async writePiece(relPath: string, offset: number, data: Buffer | null): Promise<void> {
    const entry = this.open.get(relPath);
    if (!entry) throw new Error(`internal: unexpected piece for ${relPath}`);
    if (data !== null) {
      entry.handle ??= this.createFile(relPath);
      const fh = await entry.handle;
      let written = 0;
      while (written < data.length) {
        const { bytesWritten } = await fh.write(data, written, data.length - written, offset + written);
        written += bytesWritten;
      }
      this.bytesWritten += data.length;
    }
    if (--entry.piecesLeft === 0) await this.close(relPath, entry);
  }

  /** A whole small file at once (backup_label, standby.signal, ...). */
  async writeFile(relPath: string, content: Buffer | string): Promise<void> {
    this.expect(relPath, 1);
    await this.writePiece(relPath, 0, Buffer.isBuffer(content) ? content : Buffer.from(content));
  }

  /** Closes what is still open (after a failure) without syncing. */
  async closeAll(): Promise<void> {
    for (const entry of this.open.values()) {
      if (entry.handle) await (await entry.handle.catch(() => null))?.close().catch(() => undefined);
    }
    this.open.clear();
  }

  /** Directory entries are durable only once their directory is fsynced too. */
  async syncDirectories(): Promise<void> {
    if (!this.opts.sync) return;
    for (const dir of this.dirsToSync) await fsyncPath(dir);
  }

  private async createFile(relPath: string): Promise<fsp.FileHandle> {
    const fh = await fsp.open(this.abs(relPath), 'w', FILE_MODE);
    if (this.opts.owner) await fh.chown(this.opts.owner.uid, this.opts.owner.gid);
    this.dirsToSync.add(path.dirname(this.abs(relPath)));
    return fh;
  }

  private async close(relPath: string, entry: OpenFile): Promise<void> {
    this.open.delete(relPath);
    if (!entry.handle) return;
    const fh = await entry.handle;
    if (this.opts.sync) await fh.sync();
    await fh.close();
    this.filesWritten++;
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
