import { readFileSync } from 'fs';
import { join } from 'path';
import { parseLsn } from '../../../src/engine/wal/lsn';
import {
  findDivergence,
  formatTimelineHistory,
  isOnHistory,
  parseTimelineHistory,
  switchpointOf,
  timelineOfLsn,
  timelineSpans,
  TimelineHistoryEntry,
} from '../../../src/engine/wal/timeline-history';

const FIXTURES = join(__dirname, '../../fixtures/timeline_history');

// History of timeline 12: 1 -> 2 at 0/3000000, 2 -> 10 at 0/5000000, 10 -> 11 at 1/0.
const TLI12_TEXT = [
  '# written by hand in the format timeline.c writes',
  '1\t0/3000000\tno recovery target specified',
  '',
  '2\t0/5000000\tbefore 2026-01-01 00:00:00+00',
  '10\t1/0\tat restore point "x"',
  '11\t1/2000000\tno recovery target specified',
  '',
].join('\n');

const history12 = (): TimelineHistoryEntry[] => parseTimelineHistory(TLI12_TEXT);

describe('parseTimelineHistory', () => {
  it('reads a history file captured from PostgreSQL 15 after a promotion', () => {
    const text = readFileSync(join(FIXTURES, 'pg15-00000002.history'), 'utf8');
    expect(parseTimelineHistory(text)).toEqual([
      { tli: 1, switchpoint: parseLsn('0/1B359F0'), reason: 'no recovery target specified' },
    ]);
  });

  it('reads parent timelines as decimal, skipping comments and blank lines', () => {
    const entries = history12();
    expect(entries.map((e) => e.tli)).toEqual([1, 2, 10, 11]);
    expect(entries[2]).toEqual({ tli: 10, switchpoint: 0x100000000n, reason: 'at restore point "x"' });
  });

  it('accepts spaces as separators, as the server\'s sscanf does', () => {
    expect(parseTimelineHistory('1 0/10 some reason\n')).toEqual([{ tli: 1, switchpoint: 0x10n, reason: 'some reason' }]);
  });

  it('tolerates CRLF, leading whitespace and a missing reason', () => {
    expect(parseTimelineHistory('  1\t0/10\r\n2\t0/20\treason\r\n')).toEqual([
      { tli: 1, switchpoint: 0x10n, reason: '' },
      { tli: 2, switchpoint: 0x20n, reason: 'reason' },
    ]);
  });

  it('returns no entries for an empty file', () => {
    expect(parseTimelineHistory('\n# nothing\n')).toEqual([]);
  });

  it('names the file and line on a syntax error', () => {
    expect(() => parseTimelineHistory('1\t0/10\tok\nA\t0/20\tbad\n', '0000000B.history')).toThrow(
      /syntax error in 0000000B.history line 2/,
    );
    expect(() => parseTimelineHistory('1\t0-10\tno slash\n')).toThrow(/syntax error/);
    expect(() => parseTimelineHistory('1\n')).toThrow(/syntax error/);
  });

  it('refuses timeline IDs that do not increase', () => {
    expect(() => parseTimelineHistory('2\t0/10\tx\n2\t0/20\ty\n')).toThrow(/timeline IDs must increase/);
  });

  it('round-trips through formatTimelineHistory', () => {
    expect(parseTimelineHistory(formatTimelineHistory(history12()))).toEqual(history12());
  });
});

describe('timelineOfLsn', () => {
  it('gives the timeline a record at that LSN belongs to', () => {
    const h = history12();
    expect(timelineOfLsn(h, 12, 0n)).toBe(1);
    expect(timelineOfLsn(h, 12, parseLsn('0/2FFFFFF'))).toBe(1);
    // a record at the switchpoint is already on the child timeline
    expect(timelineOfLsn(h, 12, parseLsn('0/3000000'))).toBe(2);
    expect(timelineOfLsn(h, 12, parseLsn('0/5000000'))).toBe(10);
    expect(timelineOfLsn(h, 12, parseLsn('1/1FFFFFF'))).toBe(11);
    expect(timelineOfLsn(h, 12, parseLsn('9/0'))).toBe(12);
  });

  it('gives the current timeline when there is no history (timeline 1)', () => {
    expect(timelineOfLsn([], 1, parseLsn('5/0'))).toBe(1);
  });
});

describe('timelineSpans and switchpointOf', () => {
  it('lists each timeline with its LSN range', () => {
    expect(timelineSpans(history12(), 12)).toEqual([
      { tli: 1, begin: 0n, end: 0x3000000n },
      { tli: 2, begin: 0x3000000n, end: 0x5000000n },
      { tli: 10, begin: 0x5000000n, end: 0x100000000n },
      { tli: 11, begin: 0x100000000n, end: 0x102000000n },
      { tli: 12, begin: 0x102000000n, end: null },
    ]);
  });

  it('tells where a timeline ended, null for the current one, undefined if absent', () => {
    expect(switchpointOf(history12(), 12, 2)).toBe(0x5000000n);
    expect(switchpointOf(history12(), 12, 12)).toBeNull();
    expect(switchpointOf(history12(), 12, 3)).toBeUndefined();
  });
});

describe('isOnHistory', () => {
  const h = history12();

  it('accepts any position on the current timeline', () => {
    expect(isOnHistory(h, 12, { tli: 12, lsn: parseLsn('FF/0') })).toBe(true);
  });

  it('accepts an ancestor up to and including its switchpoint', () => {
    expect(isOnHistory(h, 12, { tli: 2, lsn: parseLsn('0/4000000') })).toBe(true);
    expect(isOnHistory(h, 12, { tli: 2, lsn: parseLsn('0/5000000') })).toBe(true);
    expect(isOnHistory(h, 12, { tli: 1, lsn: 0n })).toBe(true);
  });

  it('rejects an ancestor past its switchpoint: that WAL forked off', () => {
    expect(isOnHistory(h, 12, { tli: 2, lsn: parseLsn('0/5000001') })).toBe(false);
  });

  it('rejects timelines that are not ancestors', () => {
    expect(isOnHistory(h, 12, { tli: 3, lsn: 0n })).toBe(false);
    expect(isOnHistory(h, 12, { tli: 13, lsn: 0n })).toBe(false);
  });
});

describe('findDivergence', () => {
  const tli2 = parseTimelineHistory('1\t0/3000000\tx\n');
  const tli3 = parseTimelineHistory('1\t0/3000000\tx\n2\t0/7000000\ty\n');
  const tli3Other = parseTimelineHistory('1\t0/4000000\tother fork\n');

  it('finds where a lagging timeline-1 standby parts from a promoted timeline 2', () => {
    expect(findDivergence({ history: tli2, tli: 2 }, { history: [], tli: 1 })).toEqual({
      tli: 1,
      lsn: 0x3000000n,
    });
  });

  it('uses the earlier end when both left the shared timeline', () => {
    expect(findDivergence({ history: tli3, tli: 3 }, { history: tli2, tli: 2 })).toEqual({
      tli: 2,
      lsn: 0x7000000n,
    });
    expect(findDivergence({ history: tli2, tli: 2 }, { history: tli3Other, tli: 2 })).toEqual({
      tli: 1,
      lsn: 0x3000000n,
    });
  });

  it('reports no divergence for two sides on the same timeline', () => {
    expect(findDivergence({ history: tli2, tli: 2 }, { history: tli2, tli: 2 })).toEqual({ tli: 2, lsn: null });
  });

  it('returns null when the histories share nothing', () => {
    expect(findDivergence({ history: [], tli: 2 }, { history: [], tli: 1 })).toBeNull();
  });
});
