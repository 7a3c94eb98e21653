import fsp from 'fs/promises';
import path from 'path';
import { segmentFileName, segmentNoOf, segmentStartLsn } from '../wal/wal-segment';
import { dataDirModes } from '../pgdata/data-dir-modes';
import { FileOwner } from '../pgdata/file-owner';


/** Where received WAL goes: bytes at an LSN, in order. */
export interface WalSink {
  write(lsn: bigint, data: Buffer): Promise<void>;
}

/**
 * Writes streamed WAL into the target's pg_wal as full-size segment files, as the server
 * expects them, and marks each complete segment as archived (.done) like pg_basebackup does,
 * so the new standby does not archive WAL that the primary already did.
 */
export class WalSegmentSink implements WalSink {
  private current: { segNo: bigint; fh: fsp.FileHandle } | null = null;
  readonly segments: string[] = [];
  bytesWritten = 0;
  /** PostgreSQL's file mode for this data directory: 0640 with group access (the mode of PGDATA, pg_wal's parent, says). */
  private readonly fileMode: number;

  constructor(
    private readonly walDir: string,
    private readonly timeline: number,
    private readonly segSize: number,
    private readonly owner: FileOwner | null,
    private readonly sync: boolean,
    fileMode?: number,
  ) {
    this.fileMode = fileMode ?? dataDirModes(path.dirname(walDir)).file;
  }

  async write(lsn: bigint, data: Buffer): Promise<void> {
    let pos = lsn;
    let offset = 0;
    while (offset < data.length) {
      const segNo = segmentNoOf(pos, this.segSize);
      const fh = await this.segment(segNo);
      const inSegment = Number(pos - segmentStartLsn(segNo, this.segSize));
      const n = Math.min(data.length - offset, this.segSize - inSegment);
      await fh.write(data, offset, n, inSegment);
      offset += n;
      pos += BigInt(n);
      this.bytesWritten += n;
    }
  }

  /** Closes the last segment; call after the stream ended. */
  async close(): Promise<void> {
    if (this.current) await this.closeCurrent();
  }

  /** After a failure: closes the open segment without syncing it (a rerun streams its own WAL). */
  async abandon(): Promise<void> {
    const open = this.current;
    this.current = null;
    await open?.fh.close().catch(() => undefined);
  }

  private async segment(segNo: bigint): Promise<fsp.FileHandle> {
    if (this.current && this.current.segNo === segNo) return this.current.fh;
    if (this.current) await this.closeCurrent();
    const name = segmentFileName(this.timeline, segNo, this.segSize);
    const fh = await fsp.open(path.join(this.walDir, name), 'w', this.fileMode);
    await fh.chmod(this.fileMode);
    await fh.truncate(this.segSize);
    if (this.owner) await fh.chown(this.owner.uid, this.owner.gid);
    this.current = { segNo, fh };
    this.segments.push(name);
    return fh;
  }

  private async closeCurrent(): Promise<void> {
    const { segNo, fh } = this.current!;
    this.current = null;
    if (this.sync) await fh.sync();
    await fh.close();
    const done = path.join(this.walDir, 'archive_status', `${segmentFileName(this.timeline, segNo, this.segSize)}.done`);
    await fsp.writeFile(done, '', { mode: this.fileMode });
    await fsp.chmod(done, this.fileMode);
    if (this.owner) await fsp.chown(done, this.owner.uid, this.owner.gid);
  }
}
