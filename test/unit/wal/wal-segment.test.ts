import { parseLsn } from '../../../src/engine/wal/lsn';
import {
  historyFileName,
  isHistoryFileName,
  isPartialSegmentFileName,
  isSegmentFileName,
  isValidSegmentSize,
  parseHistoryFileName,
  parseSegmentFileName,
  segmentFileName,
  segmentNoOf,
  segmentOffset,
  segmentStartLsn,
} from '../../../src/engine/wal/wal-segment';

const MB16 = 16 * 1024 * 1024;
const GB1 = 1024 * 1024 * 1024;

describe('segment arithmetic', () => {
  it('finds the segment, its start and the offset of an LSN', () => {
    const lsn = parseLsn('16/B374D848');
    expect(segmentNoOf(lsn, MB16)).toBe(0x16b3n);
    expect(segmentStartLsn(0x16b3n, MB16)).toBe(parseLsn('16/B3000000'));
    expect(segmentOffset(lsn, MB16)).toBe(0x74d848);
  });

  it('puts a segment boundary in the next segment', () => {
    expect(segmentNoOf(parseLsn('0/1000000'), MB16)).toBe(1n);
    expect(segmentNoOf(parseLsn('0/FFFFFF'), MB16)).toBe(0n);
    expect(segmentOffset(parseLsn('0/1000000'), MB16)).toBe(0);
  });

  it('works with other segment sizes', () => {
    expect(segmentNoOf(parseLsn('1/0'), GB1)).toBe(4n);
    expect(segmentNoOf(parseLsn('0/300000'), 1024 * 1024)).toBe(3n);
  });

  it('rejects segment sizes PostgreSQL cannot have', () => {
    for (const bad of [0, 1000, 512 * 1024, 3 * 1024 * 1024, 2 * GB1, 16.5]) {
      expect(isValidSegmentSize(bad)).toBe(false);
      expect(() => segmentNoOf(0n, bad)).toThrow(/invalid WAL segment size/);
    }
    expect(isValidSegmentSize(MB16)).toBe(true);
  });
});

describe('segmentFileName', () => {
  it('writes timeline, log id and segment as 8 hex digits each', () => {
    expect(segmentFileName(1, 0x16b3n, MB16)).toBe('0000000100000016000000B3');
    expect(segmentFileName(1, 1n, MB16)).toBe('000000010000000000000001');
  });

  it('writes the timeline in hex: 17 is 00000011, 10 is 0000000A', () => {
    expect(segmentFileName(17, 1n, MB16)).toBe('000000110000000000000001');
    expect(segmentFileName(10, 1n, MB16)).toBe('0000000A0000000000000001');
  });

  it('splits the segment number by segments per 4 GB', () => {
    expect(segmentFileName(1, 4n, GB1)).toBe('000000010000000100000000');
    expect(segmentFileName(1, 256n, MB16)).toBe('000000010000000100000000');
  });

  it('refuses invalid timelines', () => {
    expect(() => segmentFileName(0, 1n, MB16)).toThrow(/invalid timeline ID 0/);
    expect(() => segmentFileName(1.5, 1n, MB16)).toThrow(/invalid timeline ID/);
  });
});

describe('parseSegmentFileName', () => {
  it('inverts segmentFileName', () => {
    for (const [tli, segNo, size] of [
      [1, 0x16b3n, MB16],
      [17, 1n, MB16],
      [0xffffffff, 12345678n, MB16],
      [3, 9n, GB1],
    ] as const) {
      expect(parseSegmentFileName(segmentFileName(tli, segNo, size), size)).toEqual({ tli, segNo });
    }
  });

  it('reads the timeline as hex', () => {
    expect(parseSegmentFileName('000000110000000000000001', MB16)).toEqual({ tli: 17, segNo: 1n });
  });

  it('returns null for other names and impossible segments', () => {
    expect(parseSegmentFileName('00000001000000000000000', MB16)).toBeNull();
    expect(parseSegmentFileName('000000010000000000000001.partial', MB16)).toBeNull();
    expect(parseSegmentFileName('0000000100000000000000b3', MB16)).toBeNull();
    expect(parseSegmentFileName('00000002.history', MB16)).toBeNull();
    expect(parseSegmentFileName('000000000000000000000001', MB16)).toBeNull();
    // 16 MB segments: only 0x00..0xFF exist within each log id
    expect(parseSegmentFileName('000000010000000000000100', MB16)).toBeNull();
  });
});

describe('file name predicates', () => {
  it('recognizes segment, partial and history names', () => {
    expect(isSegmentFileName('0000000100000016000000B3')).toBe(true);
    expect(isSegmentFileName('0000000100000016000000B3.partial')).toBe(false);
    expect(isPartialSegmentFileName('0000000100000016000000B3.partial')).toBe(true);
    expect(isPartialSegmentFileName('00000001.partial')).toBe(false);
    expect(isHistoryFileName('0000000A.history')).toBe(true);
    expect(isHistoryFileName('10.history')).toBe(false);
  });

  it('names history files in hex', () => {
    expect(historyFileName(2)).toBe('00000002.history');
    expect(historyFileName(26)).toBe('0000001A.history');
    expect(parseHistoryFileName('0000001A.history')).toBe(26);
    expect(parseHistoryFileName('archive_status')).toBeNull();
  });
});
