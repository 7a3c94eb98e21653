/**
 * Reads a whole base backup from the source with BASE_BACKUP (PostgreSQL 15+), compressed on the
 * server, and hands every file to a callback as it arrives: the socket's bytes go through one
 * decompressor and one tar reader per archive (the main data directory's, and one per tablespace),
 * so nothing is written to disk here and memory stays bounded whatever the cluster's size.
 *
 *   socket -> base-backup-query (COPY messages) -> decompressor -> tar-parser -> onFile(file, body)
 *
 * Back-pressure runs all the way up: a slow onFile leaves its body unread, the tar reader stops
 * taking bytes, the decompressor's buffer fills, and the socket is paused.
 */
import type { Client } from 'pg';
import { Readable, Transform, pipeline } from 'stream';
import { CatchupError } from '../../errors';
import { ResolvedConnection } from '../connection-options';
import { connectSource } from '../source-connect';
import { baseBackupCommand, BaseBackupCommandOptions } from './base-backup-command';
import { BackupPosition, BackupTablespace, BaseBackupStreamHandler, runBaseBackup, ServerNotice } from './base-backup-query';
import { createDecompressor, decompressionUnavailable } from './decompressor';
import { TarEntry, TarParser } from './tar-parser';
import { cutConnection } from '../pg-socket';

export interface BackupFile extends TarEntry {
  /** The tablespace the file belongs to; null for the main data directory. `path` is relative to its root. */
  tablespaceOid: number | null;
}

/**
 * One call per file, directory and symlink, in the server's order (pg_control last in the main
 * archive). `body` streams a file's bytes (null otherwise); resolve when done with them.
 */
export type BackupFileHandler = (file: BackupFile, body: Readable | null) => Promise<void>;

export interface BackupProgress {
  /** Archive bytes the server has sent, before compression. */
  bytesDone: number;
  /** The server's estimate of the whole backup (PROGRESS), null without it. */
  bytesTotal: number | null;
}

export interface ReadBaseBackupOptions extends BaseBackupCommandOptions {
  onFile: BackupFileHandler;
  /** The start position and tablespaces, before the first archive: the backup's checkpoint is done. */
  onStart?(start: BackupPosition, tablespaces: BackupTablespace[]): void;
  onProgress?(p: BackupProgress): void;
  /** The server's notices and warnings (page checksum failures arrive as WARNINGs). */
  onNotice?(n: ServerNotice): void;
  /** How many onFile calls may be unfinished at once (default 1). */
  maxPendingFiles?: number;
}

export interface ArchiveSummary {
  /** As the server names it, e.g. "base.tar.lz4", "16385.tar.zst". */
  name: string;
  tablespaceOid: number | null;
  /** Bytes received for it (compressed). */
  receivedBytes: number;
  entries: number;
}

export interface BaseBackupResult {
  start: BackupPosition;
  end: BackupPosition;
  tablespaces: BackupTablespace[];
  archives: ArchiveSummary[];
  /** All archive bytes received, as sent (compressed). */
  receivedBytes: number;
}

/** BASE_BACKUP's new syntax and server-side compression arrived in PostgreSQL 15. */
/** A small entry's whole body (backup_label, pg_control), read into memory; none for a directory. */
export async function readWholeEntry(body: Readable | null): Promise<Buffer> {
  const parts: Buffer[] = [];
  if (body) for await (const chunk of body) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

export const MIN_SERVER_VERSION_NUM = 150000;

/** "base.tar.gz" -> null, "16385.tar.lz4" -> 16385. */
export function archiveTablespaceOid(name: string): number | null {
  const m = /^(base|\d+)\.tar(?:\.[a-z0-9]+)?$/.exec(name);
  if (!m) throw new Error(`BASE_BACKUP sent an archive named "${name}", which is neither base.tar nor <tablespace oid>.tar`);
  return m[1] === 'base' ? null : Number(m[1]);
}

class ArchiveReader {
  readonly summary: ArchiveSummary;
  private readonly input: Transform;
  private readonly parser: TarParser;
  readonly done: Promise<void>;
  private failure: Error | null = null;

  constructor(name: string, opts: ReadBaseBackupOptions) {
    const oid = archiveTablespaceOid(name);
    this.summary = { name, tablespaceOid: oid, receivedBytes: 0, entries: 0 };
    this.input = createDecompressor(opts.compression);
    this.parser = new TarParser((entry, body) => opts.onFile({ ...entry, tablespaceOid: oid }, body), {
      archiveName: `archive ${name}`,
      maxPendingEntries: opts.maxPendingFiles,
    });
    this.done = new Promise<void>((resolve, reject) => {
      pipeline(this.input, this.parser, (err) => {
        this.summary.entries = this.parser.entryCount;
        if (err) {
          this.failure = err;
          reject(err);
        } else {
          resolve();
        }
      });
    });
    // Until end() or write() hands it out, nobody awaits `done`; keep a rejection from going unhandled.
    this.done.catch(() => undefined);
  }

  write(bytes: Buffer): Promise<void> | null {
    if (this.failure) return Promise.reject(this.failure);
    this.summary.receivedBytes += bytes.length;
    if (this.input.write(bytes)) return null;
    // A destroyed stream never drains: the pipeline's failure must end the wait too.
    return new Promise<void>((resolve, reject) => {
      const onDrain = () => (this.failure ? reject(this.failure) : resolve());
      this.input.once('drain', onDrain);
      this.done.catch((err: Error) => {
        this.input.off('drain', onDrain);
        reject(err);
      });
    });
  }

  /** No more bytes: resolves once every entry's handler has finished. */
  end(): Promise<void> {
    if (!this.failure) this.input.end();
    return this.done;
  }

  abort(err: Error): void {
    this.input.destroy(err);
    this.parser.destroy(err);
  }
}

/** The server's refusals that have a way out, as CatchupErrors; anything else as it came. */
function describeServerRefusal(err: unknown, opts: ReadBaseBackupOptions): unknown {
  const msg = (err as Error)?.message ?? '';
  const notBuilt = /this build does not support compression with (\S+)/i.exec(msg) ?? /(\S+) compression is not supported by this build/i.exec(msg);
  if (notBuilt) {
    return new CatchupError('compression-not-built',
      `The source's PostgreSQL was built without ${opts.compression} support, so it cannot compress the copy that way (${msg}).`,
      'Choose another method (gzip is in nearly every build; pg_config on the source lists --with-lz4 and --with-zstd), or copy uncompressed.');
  }
  if (/invalid compression specification|unrecognized compression algorithm/i.test(msg)) {
    return new CatchupError('compression-detail-invalid',
      `The source refused the compression "${opts.compression}${opts.compressionDetail ? `:${opts.compressionDetail}` : ''}": ${msg}.`,
      'Give a level the method supports (gzip 1-9, lz4 1-12, zstd 1-22), workers=N for zstd only, long for zstd only.');
  }
  return err;
}

/** Runs BASE_BACKUP on an open replication connection (replication=true). */
export async function readBaseBackupOn(client: Client, opts: ReadBaseBackupOptions): Promise<BaseBackupResult> {
  const unavailable = decompressionUnavailable(opts.compression);
  if (unavailable) throw new CatchupError('compression-unavailable', `Cannot read a ${opts.compression}-compressed base backup: ${unavailable}`);
  const versionNum = Number((await client.query<{ server_version_num: string }>('SHOW server_version_num')).rows[0].server_version_num);
  if (versionNum < MIN_SERVER_VERSION_NUM) {
    throw new CatchupError('base-backup-too-old',
      `The source runs PostgreSQL ${Math.floor(versionNum / 10000)}, whose BASE_BACKUP has no server-side compression (PostgreSQL 15 brought it).`,
      'Copy without compression (parallel reads over SQL), or upgrade the source.');
  }

  const archives: ArchiveSummary[] = [];
  let current: ArchiveReader | null = null;
  let tablespaces: BackupTablespace[] = [];
  let start: BackupPosition | null = null;
  let bytesTotal: number | null = null;
  const finishCurrent = (): Promise<void> => {
    const a = current;
    current = null;
    return a ? a.end().then(() => void archives.push(a.summary)) : Promise.resolve();
  };
  const handler: BaseBackupStreamHandler = {
    onStart(s, list) {
      start = s;
      tablespaces = list;
      bytesTotal = list.every((t) => t.sizeKb !== null) ? list.reduce((sum, t) => sum + t.sizeKb! * 1024, 0) : null;
      opts.onStart?.(s, list);
    },
    onArchive(name) {
      return finishCurrent().then(() => {
        current = new ArchiveReader(name, opts);
      });
    },
    onArchiveData(bytes) {
      if (!current) return Promise.reject(new Error('BASE_BACKUP sent archive data before naming an archive'));
      return current.write(bytes);
    },
    onManifestData: () => null,
    onProgress(bytesDone) {
      opts.onProgress?.({ bytesDone, bytesTotal });
    },
    onCopyDone: finishCurrent,
    onNotice(n) {
      opts.onNotice?.(n);
    },
  };
  let end: BackupPosition;
  try {
    end = await runBaseBackup(client, baseBackupCommand(opts), handler);
  } catch (err) {
    // The handlers' streams must not wait for bytes that will never come.
    (current as ArchiveReader | null)?.abort(err as Error);
    throw describeServerRefusal(err, opts);
  }
  if (start === null) throw new Error('BASE_BACKUP finished without a start position');
  return { start, end, tablespaces, archives, receivedBytes: archives.reduce((s, a) => s + a.receivedBytes, 0) };
}

/**
 * Opens its own replication connection to the source, reads the backup, and closes it. On failure
 * the socket is cut rather than ended politely: a walsender in the middle of a backup does not
 * read what we send, and would otherwise go on sending the whole cluster.
 */
export async function readBaseBackup(conn: ResolvedConnection, opts: ReadBaseBackupOptions): Promise<BaseBackupResult> {
  const client = await connectSource(conn, { replication: 'true' });
  try {
    const result = await readBaseBackupOn(client, opts);
    await client.end().catch(() => undefined);
    return result;
  } catch (err) {
    cutConnection(client);
    throw err;
  }
}
