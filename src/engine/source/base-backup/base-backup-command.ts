/**
 * The BASE_BACKUP replication command in PostgreSQL 15's option-list syntax
 * (protocol-replication: `BASE_BACKUP [ ( option [, ...] ) ]`). Older servers only know the
 * pre-15 keyword syntax and have no server-side compression: callers check the version first.
 */
import type { CompressionMethod } from './decompressor';

export interface BaseBackupCommandOptions {
  /** The backup label (backup_label's LABEL line). */
  label: string;
  compression: CompressionMethod;
  /** pg_basebackup's DETAIL for the method, e.g. "level=3", "level=9,workers=2", "long" (the server checks it). */
  compressionDetail?: string;
  /** MAX_RATE in kB/s (the server takes 32 to 1048576); undefined: no limit. */
  maxRateKbPerS?: number;
  /** CHECKPOINT 'fast' (default) or 'spread'. */
  fastCheckpoint?: boolean;
  /** PROGRESS: the server sizes every tablespace first and reports bytes sent (default true). */
  progress?: boolean;
  /** VERIFY_CHECKSUMS: the server checks data page checksums as it reads (default true). */
  verifyChecksums?: boolean;
  /**
   * INCREMENTAL (PostgreSQL 17+): only blocks changed since the backup whose manifest was sent
   * with UPLOAD_MANIFEST on the same connection (see source/server/incremental/).
   */
  incremental?: boolean;
}

export const MAX_RATE_RANGE_KB = { min: 32, max: 1048576 } as const;

/** A string constant of the replication grammar: '' doubles a quote; backslashes are plain characters there. */
export function replicationLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('NUL byte in a replication command string');
  return `'${value.replace(/'/g, "''")}'`;
}

export function baseBackupCommand(o: BaseBackupCommandOptions): string {
  const opts: string[] = [
    `LABEL ${replicationLiteral(o.label)}`,
    `PROGRESS ${o.progress === false ? 'false' : 'true'}`,
    `CHECKPOINT ${o.fastCheckpoint === false ? "'spread'" : "'fast'"}`,
    // WAL comes from our own replication stream, which starts before the backup.
    'WAL false',
    'MANIFEST \'no\'',
    'TARGET \'client\'',
    // Tablespace links arrive as a tablespace_map file, not as symlinks inside the tar.
    'TABLESPACE_MAP true',
  ];
  if (o.verifyChecksums === false) opts.push('VERIFY_CHECKSUMS false');
  if (o.incremental) opts.push('INCREMENTAL');
  if (o.maxRateKbPerS !== undefined) {
    const r = o.maxRateKbPerS;
    if (!Number.isInteger(r) || r < MAX_RATE_RANGE_KB.min || r > MAX_RATE_RANGE_KB.max) {
      throw new RangeError(`MAX_RATE must be a whole number of kB/s from ${MAX_RATE_RANGE_KB.min} to ${MAX_RATE_RANGE_KB.max}, not ${r}`);
    }
    opts.push(`MAX_RATE ${r}`);
  }
  if (o.compression !== 'none') {
    opts.push(`COMPRESSION ${replicationLiteral(o.compression)}`);
    if (o.compressionDetail) opts.push(`COMPRESSION_DETAIL ${replicationLiteral(o.compressionDetail)}`);
  } else if (o.compressionDetail) {
    throw new RangeError('a compression detail needs a compression method other than none');
  }
  return `BASE_BACKUP ( ${opts.join(', ')} )`;
}
