/**
 * A WalSegmentSource over a local pg_wal directory (or any directory of segment files
 * named as PostgreSQL names them). Partial segments (`.partial`) are not read: a reader
 * must not take a timeline's unfinished last segment for a complete one.
 */

import { promises as fs } from 'fs';
import path from 'path';
import { segmentFileName } from './wal-segment';
import { WalSegmentSource } from './wal-reader';

export function localWalDirSource(pgWalDir: string, segSize: number): WalSegmentSource {
  const fileOf = (tli: number, segNo: bigint): string => path.join(pgWalDir, segmentFileName(tli, segNo, segSize));
  return {
    segSize,
    async read(tli, segNo) {
      try {
        return await readWhole(fileOf(tli, segNo));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new Error(`could not read WAL file "${fileOf(tli, segNo)}": ${(err as Error).message}`);
      }
    },
    describe: fileOf,
  };
}

/**
 * The whole file in one read request (fs.readFile asks for 512 KiB at a time, and each request
 * waits for the event loop: a read-ahead behind a busy decoder would barely move).
 */
async function readWhole(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const { bytesRead } = await handle.read(buf, got, size - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return got === size ? buf : buf.subarray(0, got);
  } finally {
    await handle.close();
  }
}
