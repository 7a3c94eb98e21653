/**
 * The INCREMENTAL.<name> files of a PostgreSQL 17+ incremental backup (basebackup.c writes them,
 * pg_combinebackup's reconstruct.c reads them): in the server's byte order, a magic number, the
 * block count N, the truncation block length T, N block numbers relative to the segment file,
 * padding to a whole block when N > 0, then the N blocks in that order.
 *
 * What the file means for the earlier copy of <name> (reconstruct.c): the result is
 * max(T, highest listed block + 1) blocks long; a listed block is the new content; an unlisted
 * block below T is the earlier copy's (zeros where that copy is shorter); an unlisted block at or
 * above T is zeros.
 */
import type { Readable } from 'stream';

export const INCREMENTAL_MAGIC = 0xd3ae1f0d;
const PREFIX = 'INCREMENTAL.';

export interface IncrementalHeader {
  blocks: number[];
  truncationBlockLength: number;
  /** Bytes before the first block's data. */
  headerBytes: number;
  littleEndian: boolean;
}

/** "base/5/INCREMENTAL.16384.1" -> "base/5/16384.1"; null for any other name. */
export function incrementalTargetPath(path: string): string | null {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  if (!name.startsWith(PREFIX) || name.length === PREFIX.length) return null;
  return `${path.slice(0, slash + 1)}${name.slice(PREFIX.length)}`;
}

/** The header, or null while `buf` is too short to hold it. Throws on a file that is not one. */
export function parseIncrementalHeader(buf: Buffer, blockSize: number, relsegSize: number, what: string): IncrementalHeader | null {
  if (buf.length < 12) return null;
  const le = buf.readUInt32LE(0) === INCREMENTAL_MAGIC;
  if (!le && buf.readUInt32BE(0) !== INCREMENTAL_MAGIC) {
    throw new Error(`${what} is not an incremental file: magic 0x${buf.readUInt32LE(0).toString(16)}, expected 0x${INCREMENTAL_MAGIC.toString(16)}`);
  }
  const u32 = (at: number) => (le ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
  const count = u32(4);
  const truncationBlockLength = u32(8);
  if (count > relsegSize || truncationBlockLength > relsegSize) {
    throw new Error(`${what}: block count ${count} or truncation length ${truncationBlockLength} exceeds the segment size of ${relsegSize} blocks`);
  }
  let headerBytes = 12 + 4 * count;
  if (buf.length < headerBytes) return null;
  const blocks: number[] = new Array(count);
  for (let i = 0; i < count; i++) {
    blocks[i] = u32(12 + 4 * i);
    if (blocks[i] >= relsegSize) throw new Error(`${what} lists block ${blocks[i]}, beyond a segment of ${relsegSize} blocks`);
  }
  if (count > 0 && headerBytes % blockSize !== 0) headerBytes += blockSize - (headerBytes % blockSize);
  return { blocks, truncationBlockLength, headerBytes, littleEndian: le };
}

/** How many blocks the file has once the incremental file is applied (reconstruct.c's rule). */
export function reconstructedBlockLength(h: Pick<IncrementalHeader, 'blocks' | 'truncationBlockLength'>): number {
  let n = h.truncationBlockLength;
  for (const b of h.blocks) if (b + 1 > n) n = b + 1;
  return n;
}

/**
 * Reads an incremental file as it streams: `onHeader` once, then `onBlock` per block, in order,
 * each with exactly one block of bytes. Memory: the header plus one block.
 */
export async function readIncrementalFile(
  body: Readable, blockSize: number, relsegSize: number, what: string,
  onHeader: (h: IncrementalHeader) => Promise<void> | void,
  onBlock: (blockNo: number, data: Buffer) => Promise<void> | void,
): Promise<IncrementalHeader> {
  let pending: Buffer = Buffer.alloc(0);
  let header: IncrementalHeader | null = null;
  // Header bytes (the padding) still to drop once the header is parsed; it may arrive later.
  let toSkip = 0;
  let next = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    if (!header) {
      header = parseIncrementalHeader(pending, blockSize, relsegSize, what);
      if (!header) continue;
      await onHeader(header);
      toSkip = header.headerBytes;
    }
    if (toSkip > 0) {
      const n = Math.min(toSkip, pending.length);
      pending = pending.subarray(n);
      toSkip -= n;
    }
    while (pending.length >= blockSize && next < header.blocks.length) {
      await onBlock(header.blocks[next++], Buffer.from(pending.subarray(0, blockSize)));
      pending = pending.subarray(blockSize);
    }
    // Keep the remainder small: a copy of less than a block, not a view pinning a large chunk.
    if (pending.length > 0 && pending.length < blockSize) pending = Buffer.from(pending);
  }
  if (!header) throw new Error(`${what} ended inside its header`);
  if (toSkip > 0 || next < header.blocks.length || pending.length > 0) {
    throw new Error(`${what} holds ${next} of its ${header.blocks.length} blocks${pending.length > 0 ? ` and ${pending.length} stray bytes` : ''}`);
  }
  return header;
}
