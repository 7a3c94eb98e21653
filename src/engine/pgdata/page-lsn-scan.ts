import fs from 'fs';
import path from 'path';
import type { Lsn } from '../wal/lsn';
import { pageLsnAtLeast } from './page-header';
import { isRelationMainFork } from './listing-relations';

const READ_BYTES = 1024 * 1024;

/**
 * The blocks with page LSN >= R in every main-fork relation file of a local data directory,
 * within each file's first `size` bytes. On a diverged target these are the changes of its own
 * branch; on a stopped source (`newPages`), its changes since R plus pages that are new
 * (all-zero, extended without WAL), as the scan on a server selects them.
 */
export function scanLocalChangedBlocks(
  root: string, files: Array<{ path: string; size: number }>, referenceLsn: Lsn, blockSize: number, opts: { newPages?: boolean } = {},
): Map<string, number[]> {
  const result = new Map<string, number[]>();
  const buf = Buffer.alloc(READ_BYTES);
  const high = Number(referenceLsn >> 32n);
  const low = Number(referenceLsn & 0xffffffffn);
  for (const f of files) {
    if (!isRelationMainFork(f.path)) continue;
    const fd = fs.openSync(path.join(root, f.path), 'r');
    try {
      const blocks: number[] = [];
      for (let off = 0; off < f.size; off += READ_BYTES) {
        const n = fs.readSync(fd, buf, 0, Math.min(READ_BYTES, f.size - off), off);
        for (let p = 0; p + blockSize <= n; p += blockSize) {
          // pd_upper (bytes 14-15) = 0: PageIsNew.
          if (pageLsnAtLeast(buf, p, high, low) || (opts.newPages && buf.readUInt16LE(p + 14) === 0)) blocks.push((off + p) / blockSize);
        }
        if (n < READ_BYTES) break;
      }
      if (blocks.length > 0) result.set(f.path, blocks);
    } finally {
      fs.closeSync(fd);
    }
  }
  return result;
}
