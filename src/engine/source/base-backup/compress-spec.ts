/**
 * --compress in pg_basebackup's syntax: `[server-]METHOD[:DETAIL]`, METHOD one of zstd, lz4,
 * gzip, none; DETAIL a comma-separated list of level=N, workers=N, long (zstd only), or a bare
 * number as the level. Plus `auto` (the default): the run chooses (compression-choice.ts).
 *
 * Compression always happens on the server here: we decompress and write the files, so
 * pg_basebackup's client-side compression (which compresses what it writes to disk) has no
 * meaning for us and is refused, as is its bare-number form (-Z 5 = client gzip level 5).
 */
import { CatchupError } from '../../errors';
import { CompressionMethod, decompressionUnavailable } from './decompressor';

export type CompressSpec =
  | { kind: 'auto' }
  | { kind: 'none' }
  | { kind: 'server'; method: Exclude<CompressionMethod, 'none'>; level?: number; workers?: number; long?: boolean };

/** Levels the server accepts for each method (PostgreSQL's common/compression.c). */
const LEVELS: Record<Exclude<CompressionMethod, 'none'>, { min: number; max: number }> = {
  gzip: { min: 1, max: 9 },
  lz4: { min: 1, max: 12 },
  // zstd's negative (fast) levels are accepted by the server too.
  zstd: { min: -131072, max: 22 },
};

function invalid(text: string, why: string): CatchupError {
  return new CatchupError('compress-invalid', `--compress=${text}: ${why}.`,
    'Write [server-]METHOD[:DETAIL] as pg_basebackup does: METHOD zstd, lz4, gzip or none; DETAIL level=N, workers=N (zstd), long (zstd), or a bare level; or auto (the default).');
}

/** Parses --compress / the action's `compress` input; throws a CatchupError saying what is wrong. */
export function parseCompressSpec(text: string): CompressSpec {
  const raw = text.trim();
  if (raw === '' || raw === 'auto') return { kind: 'auto' };
  if (/^\d+$/.test(raw)) {
    if (Number(raw) === 0) return { kind: 'none' };
    throw clientSide(raw);
  }
  const colon = raw.indexOf(':');
  const head = (colon < 0 ? raw : raw.slice(0, colon)).toLowerCase();
  const detail = colon < 0 ? null : raw.slice(colon + 1);
  if (head.startsWith('client-')) throw clientSide(raw);
  const method = head.startsWith('server-') ? head.slice('server-'.length) : head;
  if (method === 'none') {
    if (detail !== null && detail !== '') throw invalid(raw, 'none takes no detail');
    return { kind: 'none' };
  }
  if (method !== 'gzip' && method !== 'lz4' && method !== 'zstd') {
    throw invalid(raw, `unknown method "${method}"`);
  }
  const spec: CompressSpec = { kind: 'server', method };
  for (const item of detail === null || detail === '' ? [] : detail.split(',')) {
    const [key, value] = item.includes('=') ? [item.slice(0, item.indexOf('=')).trim(), item.slice(item.indexOf('=') + 1).trim()] : [item.trim(), null];
    if (/^-?\d+$/.test(key) && value === null) {
      spec.level = levelOf(raw, method, key);
    } else if (key === 'level' && value !== null) {
      spec.level = levelOf(raw, method, value);
    } else if (key === 'workers' && value !== null) {
      if (method !== 'zstd') throw invalid(raw, `workers is for zstd only, not ${method}`);
      if (!/^\d+$/.test(value)) throw invalid(raw, `workers must be a whole number, not "${value}"`);
      spec.workers = Number(value);
    } else if (key === 'long') {
      if (method !== 'zstd') throw invalid(raw, `long is for zstd only, not ${method}`);
      if (value !== null && !/^(on|off|true|false|1|0|yes|no)$/i.test(value)) throw invalid(raw, `long takes no value, or on/off, not "${value}"`);
      spec.long = value === null || /^(on|true|1|yes)$/i.test(value);
    } else {
      throw invalid(raw, `unknown detail "${item}"`);
    }
  }
  return spec;
}

function levelOf(raw: string, method: Exclude<CompressionMethod, 'none'>, text: string): number {
  const level = Number(text);
  const { min, max } = LEVELS[method];
  if (!/^-?\d+$/.test(text) || level < min || level > max) {
    throw invalid(raw, `${method} takes a level from ${min === -131072 ? '1 (or a negative fast level)' : min} to ${max}, not "${text}"`);
  }
  return level;
}

function clientSide(raw: string): CatchupError {
  return new CatchupError('compress-client-side',
    `--compress=${raw} asks for client-side compression, which compresses what pg_basebackup writes to a tar file; pg-catchup writes a data directory and gains nothing from it.`,
    'Use server-side compression (e.g. --compress=zstd, --compress=server-lz4:level=1) so fewer bytes cross the network, or --compress=none.');
}

/** COMPRESSION_DETAIL for BASE_BACKUP ("level=3,workers=2,long"), or undefined for the server's defaults. */
export function compressionDetail(spec: CompressSpec): string | undefined {
  if (spec.kind !== 'server') return undefined;
  const parts = [
    spec.level !== undefined ? `level=${spec.level}` : '',
    spec.workers !== undefined ? `workers=${spec.workers}` : '',
    spec.long ? 'long' : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(',') : undefined;
}

/** How reports and logs write a spec back: "zstd:level=3", "none", "auto". */
export function formatCompressSpec(spec: CompressSpec): string {
  if (spec.kind !== 'server') return spec.kind;
  const detail = compressionDetail(spec);
  return detail ? `${spec.method}:${detail}` : spec.method;
}

/**
 * Refuses, before anything is written, a method this Node.js cannot decompress (zstd before
 * Node.js 22.15); auto never picks one.
 */
export function assertDecompressible(spec: CompressSpec): void {
  if (spec.kind !== 'server') return;
  const why = decompressionUnavailable(spec.method);
  if (why) throw new CatchupError('compression-unavailable', `--compress=${formatCompressSpec(spec)}: ${why}`);
}
