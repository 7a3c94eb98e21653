import { piecesOf, scheduleReads, wholeFileRanges } from '../../../src/engine/plan/read-batches';
import { READ_PIECE_BYTES } from '../../../src/engine/plan/read-batches';

const MB = 1024 * 1024;

describe('scheduling file reads', () => {
  const opts = { maxRangeBytes: 4 * MB, batchBytes: 2 * MB, maxRangesPerBatch: 3 };

  test('large files split into ranges that cover every byte exactly once', () => {
    const s = scheduleReads(wholeFileRanges([{ path: "base/1/big", size: 10 * MB + 5 }], opts.maxRangeBytes), opts);
    const ranges = s.batches.flat().filter((r) => r.path === 'base/1/big').sort((a, b) => a.offset - b.offset);
    expect(ranges.map((r) => [r.offset, r.length])).toEqual([[0, 4 * MB], [4 * MB, 4 * MB], [8 * MB, 2 * MB + 5]]);
  });

  test('small files are grouped, bounded by bytes and by count; biggest ranges first', () => {
    const files = [
      { path: 'a', size: 100 }, { path: 'b', size: MB }, { path: 'c', size: MB }, { path: 'd', size: 10 },
      { path: 'e', size: 0 }, { path: 'f', size: 20 },
    ];
    const s = scheduleReads(wholeFileRanges(files, opts.maxRangeBytes), opts);
    for (const b of s.batches) {
      expect(b.length).toBeLessThanOrEqual(3);
      const bytes = b.reduce((n, r) => n + r.length, 0);
      expect(b.length === 1 || bytes <= 2 * MB).toBe(true);
    }
    expect(s.batches.flat().map((r) => r.path)).toEqual(['b', 'c', 'a', 'f', 'd', 'e']);
  });

  test('pieces per file match the rows the reader SQL returns (one even for an empty file)', () => {
    const s = scheduleReads(wholeFileRanges([{ path: "x", size: 2 * READ_PIECE_BYTES + 1 }, { path: "empty", size: 0 }], opts.maxRangeBytes), opts);
    expect(s.piecesPerFile.get('x')).toBe(3);
    expect(s.piecesPerFile.get('empty')).toBe(1);
    expect(piecesOf({ length: READ_PIECE_BYTES })).toBe(1);
  });
});
