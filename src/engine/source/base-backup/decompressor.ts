/**
 * The client half of BASE_BACKUP's server-side compression: one decompressing stream per archive.
 * gzip and zstd come from Node's zlib (zstd only on Node 22.15+ and 23.8+, e.g. the action's
 * Node 24); lz4 from our own frame decoder (lz4-frame-decoder.ts), as Node has none.
 */
import { PassThrough, Transform } from 'stream';
import type zlib from 'zlib';
import { CatchupError } from '../../errors';
import { Lz4FrameDecoder } from './lz4-frame-decoder';

export type CompressionMethod = 'none' | 'gzip' | 'lz4' | 'zstd';

export const COMPRESSION_METHODS: readonly CompressionMethod[] = ['none', 'gzip', 'lz4', 'zstd'];

type ZstdFactory = (opts?: zlib.ZlibOptions) => Transform;

/** Required when a compressed backup is read: loading `zlib` costs ~3 ms of every start otherwise. */
function loadZlib(): typeof zlib {
  return require('zlib') as typeof zlib;
}

function zstdFactory(): ZstdFactory | null {
  const f = (loadZlib() as unknown as { createZstdDecompress?: ZstdFactory }).createZstdDecompress;
  return typeof f === 'function' ? f : null;
}

/** null when this Node can decompress `method`; otherwise why not, with what to do instead. */
export function decompressionUnavailable(method: CompressionMethod): string | null {
  if (method === 'zstd' && zstdFactory() === null) {
    return `zstd decompression needs Node.js 22.15 or later (zlib.createZstdDecompress); this is Node.js ${process.versions.node}. ` +
      'Use compression lz4 or gzip, or run pg-catchup on a newer Node.js.';
  }
  return null;
}

/** A fresh stream that turns one archive's compressed bytes into its tar bytes. */
export function createDecompressor(method: CompressionMethod): Transform {
  const unavailable = decompressionUnavailable(method);
  if (unavailable) throw new CatchupError('compression-unavailable', `Cannot read a zstd-compressed base backup: ${unavailable}`);
  // Output chunks of 256 KiB: fewer, larger pieces for the tar reader (zlib's default is 16 KiB).
  const chunkSize = 256 * 1024;
  switch (method) {
    case 'none':
      return new PassThrough();
    case 'gzip':
      return loadZlib().createGunzip({ chunkSize });
    case 'zstd':
      return zstdFactory()!({ chunkSize });
    case 'lz4':
      return new Lz4FrameDecoder();
  }
}
