import * as fs from 'fs';
import * as path from 'path';
import type { Lsn } from '../wal/lsn';
import { pageLsnAtLeast } from './page-header';
import { isRelationMainFork } from './listing-relations';

const READ_BYTES = 1024 * 1024;

/**
 * The target's own blocks with page LSN >= R, in every main-fork relation file: on a diverged
 * target these are the changes of its own branch, which must be overwritten from the source.
 */
export function scanLocalChangedBlocks(root: string, files: Array<{ path: string; size: number }>, referenceLsn: Lsn, blockSize: number): Map<string, number[]> {
  const result = new Map<string, number[]>();
  const buf = Buffer.alloc(READ_BYTES);
  const high = Number(referenceLsn >> 32n);
  const low = Number(referenceLsn & 0xffffffffn);
  for (const f of files) {
    if (!isRelationMainFork(f.path)) continue;
    const fd = fs.openSync(path.join(root, f.path), 'r');
    try {
      const blocks: number[] = [];
      for (let off = 0; ; off += READ_BYTES) {
        const n = fs.readSync(fd, buf, 0, READ_BYTES, off);
        for (let p = 0; p + blockSize <= n; p += blockSize) {
          if (pageLsnAtLeast(buf, p, high, low)) blocks.push((off + p) / blockSize);
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
