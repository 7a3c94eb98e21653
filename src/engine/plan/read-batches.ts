import type { BlockPatch, FileCopy } from './plan';

/** A byte range of one source file to read. */
export interface ReadRange {
  path: string;
  offset: number;
  length: number;
}

/** Rows come back in pieces of this size: big enough for throughput, small for memory. */
export const READ_PIECE_BYTES = 1024 * 1024;

export interface ReadBatchOptions {
  /** A large file is split into ranges of at most this size, so readers share it. */
  maxRangeBytes: number;
  /** Small ranges are grouped into one statement until a batch holds this much. */
  batchBytes: number;
  maxRangesPerBatch: number;
}

export const DEFAULT_BATCH_OPTIONS: ReadBatchOptions = {
  maxRangeBytes: 64 * 1024 * 1024,
  batchBytes: 16 * 1024 * 1024,
  maxRangesPerBatch: 500,
};

export interface ReadSchedule {
  batches: ReadRange[][];
  /** How many pieces (rows) each file arrives in, so the writer knows when it is complete. */
  piecesPerFile: Map<string, number>;
}

/** How many rows the reader's SQL yields for a range (zero-length ranges still yield one). */
export function piecesOf(range: { length: number }): number {
  return Math.max(1, Math.ceil(range.length / READ_PIECE_BYTES));
}

/** Whole files as ranges; an empty file is one empty range, so it is still created. */
export function wholeFileRanges(files: FileCopy[], maxRangeBytes = DEFAULT_BATCH_OPTIONS.maxRangeBytes): ReadRange[] {
  const ranges: ReadRange[] = [];
  for (const f of files) {
    if (f.size === 0) ranges.push({ path: f.path, offset: 0, length: 0 });
    for (let off = 0; off < f.size; off += maxRangeBytes) {
      ranges.push({ path: f.path, offset: off, length: Math.min(maxRangeBytes, f.size - off) });
    }
  }
  return ranges;
}

/** The block runs of patches as ranges, long runs split like large files. */
export function patchRanges(patches: BlockPatch[], maxRangeBytes = DEFAULT_BATCH_OPTIONS.maxRangeBytes): ReadRange[] {
  const ranges: ReadRange[] = [];
  for (const p of patches) {
    for (const r of p.ranges) {
      for (let off = r.offset; off < r.offset + r.length; off += maxRangeBytes) {
        ranges.push({ path: p.path, offset: off, length: Math.min(maxRangeBytes, r.offset + r.length - off) });
      }
    }
  }
  return ranges;
}

/**
 * Turns ranges into read statements: biggest first so parallel readers finish together, many
 * small ranges per statement so round trips do not dominate.
 */
export function scheduleReads(input: ReadRange[], opts: ReadBatchOptions = DEFAULT_BATCH_OPTIONS): ReadSchedule {
  const ranges = [...input].sort((a, b) => b.length - a.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.offset - b.offset);
  const batches: ReadRange[][] = [];
  let batch: ReadRange[] = [];
  let batchSize = 0;
  for (const r of ranges) {
    if (batch.length > 0 && (batchSize + r.length > opts.batchBytes || batch.length >= opts.maxRangesPerBatch)) {
      batches.push(batch);
      batch = [];
      batchSize = 0;
    }
    batch.push(r);
    batchSize += r.length;
  }
  if (batch.length > 0) batches.push(batch);

  const piecesPerFile = new Map<string, number>();
  for (const r of ranges) piecesPerFile.set(r.path, (piecesPerFile.get(r.path) ?? 0) + piecesOf(r));
  return { batches, piecesPerFile };
}
