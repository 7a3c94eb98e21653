import { holdsSwitchPadding } from '../../../src/engine/wal/switch-padding';
import { XLOG_BLCKSZ } from '../../../src/engine/wal/wal-page';
import { parseSegmentFileName, segmentFileName, segmentNoOf, segmentStartLsn } from '../../../src/engine/wal/wal-segment';
import { factLsn, loadExpected15, loadExpected18, loadSegments, SEG_SIZE } from './wal-fixtures';

// The fixtures end a segment with pg_switch_wal(): the rest of it is padding.
describe.each([
  ['pg15', () => factLsn(loadExpected15().facts, 'switch')],
  ['pg18', () => factLsn(loadExpected18().facts, 'switch')],
] as const)('padding after a switch, %s segments', (version, switchLsn) => {
  const segments = loadSegments(version);
  const end = switchLsn();
  const segNo = segmentNoOf(end - 1n, SEG_SIZE);
  const segment = segments.get(segmentFileName(1, segNo, SEG_SIZE))!;
  const segStart = segmentStartLsn(segNo, SEG_SIZE);
  const firstPadding = Number(end - segStart) + (XLOG_BLCKSZ - (Number(end - segStart) % XLOG_BLCKSZ)) % XLOG_BLCKSZ;

  // Whether bytes [from, from + length) hold a whole padding page header and the 4 bytes after it.
  const holdsPaddingHeader = (from: number, length: number) => {
    const page = Math.max(firstPadding, Math.ceil(from / XLOG_BLCKSZ) * XLOG_BLCKSZ);
    return page + 28 <= from + length;
  };

  test('is found in the first chunk that holds a padding page header, in chunks cut anywhere', () => {
    expect(segment).toBeDefined();
    // Chunks as a walsender might send them: from anywhere, of any length.
    for (const [from, length] of [[0, 131072], [firstPadding - 100, 200], [firstPadding, 28], [firstPadding + 1, XLOG_BLCKSZ + 26], [firstPadding + 1, XLOG_BLCKSZ + 27], [firstPadding - 5000, 5000 + 27], [firstPadding - 5000, 5000 + 28]]) {
      expect([from, length, holdsSwitchPadding(segStart + BigInt(from), segment.subarray(from, from + length))])
        .toEqual([from, length, holdsPaddingHeader(from, length)]);
    }
  });

  test('is never found before it: every page a walsender would send, of every segment, in walsender-sized and odd chunks', () => {
    let pagesSeen = 0;
    for (const [name, buf] of segments) {
      const base = segmentStartLsn(parseSegmentFileName(name, SEG_SIZE)!.segNo, SEG_SIZE);
      // Sent WAL ends at the padding, or where the pages stop being this segment's (never written).
      let walEnds = 0;
      while (walEnds < buf.length && buf.readUInt16LE(walEnds) !== 0 && buf.readBigUInt64LE(walEnds + 8) === base + BigInt(walEnds)) walEnds += XLOG_BLCKSZ;
      if (base === segStart) walEnds = firstPadding;
      pagesSeen += walEnds / XLOG_BLCKSZ;
      for (const size of [131072, XLOG_BLCKSZ + 57]) {
        for (let at = 0; at < walEnds; at += size) {
          const len = Math.min(size, walEnds - at);
          expect([name, at, holdsSwitchPadding(base + BigInt(at), buf.subarray(at, at + len))]).toEqual([name, at, false]);
        }
      }
    }
    expect(pagesSeen).toBeGreaterThan(100);
  });
});
