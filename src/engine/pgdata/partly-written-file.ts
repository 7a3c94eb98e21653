import fs from 'fs';
import { findBadPages } from '../checksums/page-checksum';
import { parseRelationPath } from './relation-path';

/** What a rerun keeps of a relation file an interrupted FULL was writing when it died. */
export interface KeptPart {
  /** The file is cut to this many bytes (whole blocks); everything past it is copied again. */
  length: number;
  /** Blocks below `length` that are not kept (unwritten, torn): copied again too. */
  rejected: number[];
}

export interface PartProof {
  blockSize: number;
  /** Blocks per segment file: the block number a page checksum covers runs across segments. */
  relsegSize: number;
  /** The source has data checksums, so every page the interrupted run wrote carries one. */
  dataChecksums: boolean;
  /** Bytes from the file's start an fsync of the interrupted run covered (its journal), or 0. */
  durableBytes: number;
}

const READ_BYTES = 4 * 1024 * 1024;
/** pd_upper in PageHeaderData: 0 on a page never initialised (all zeros, as a hole reads). */
const PD_UPPER_OFFSET = 14;

/**
 * Which blocks of a partly written relation main fork can be kept.
 * - With data checksums, a block proves itself: kept when its checksum (at its block number in
 *   the relation) verifies and its header is sane. An all-zero block is not kept: it is what a
 *   hole (a range not written yet, with -j > 1) or a block lost in a crash reads as, and cannot
 *   be told from the source's own empty pages, so it is cheaper to copy than to reason about.
 * - Without them nothing in a block says it was written whole, so only what an fsync the
 *   interrupted run journaled has covered is kept.
 * A torn last block (the size is not a multiple of the block size) is never kept. Kept blocks are
 * still only as new as when the interrupted run read them: the resume brings them up to date.
 */
export function keptPartOf(absPath: string, relPath: string, size: number, proof: PartProof): KeptPart {
  const bs = proof.blockSize;
  const wholeBlocks = Math.floor(size / bs);
  if (!proof.dataChecksums) {
    return { length: Math.min(wholeBlocks, Math.floor(proof.durableBytes / bs)) * bs, rejected: [] };
  }
  const segmentNo = parseRelationPath(relPath)?.segmentNo ?? 0;
  const firstBlock = segmentNo * proof.relsegSize;
  const rejected: number[] = [];
  let lastKept = -1;
  const buf = Buffer.allocUnsafe(READ_BYTES - (READ_BYTES % bs));
  const fd = fs.openSync(absPath, 'r');
  try {
    for (let block = 0; block < wholeBlocks;) {
      const blocks = Math.min(buf.length / bs, wholeBlocks - block);
      readFully(fd, buf, blocks * bs, block * bs);
      const chunk = buf.subarray(0, blocks * bs);
      const bad = new Set(findBadPages(chunk, firstBlock + block, bs).map((p) => p.blockNo - firstBlock));
      for (let i = 0; i < blocks; i++) {
        const b = block + i;
        if (bad.has(b) || chunk.readUInt16LE(i * bs + PD_UPPER_OFFSET) === 0) rejected.push(b);
        else lastKept = b;
      }
      block += blocks;
    }
  } finally {
    fs.closeSync(fd);
  }
  // Rejected blocks at the end are simply cut off: they are copied with the rest of the file.
  const length = (lastKept + 1) * bs;
  return { length, rejected: rejected.filter((b) => b <= lastKept) };
}

function readFully(fd: number, buf: Buffer, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, buf, done, length - done, position + done);
    // Shorter than listed (cut since): what is missing reads as zeros, so it is not kept.
    if (n === 0) {
      buf.fill(0, done, length);
      return;
    }
    done += n;
  }
}
