import {
  chooseChangeSource, localPageScanEstimate, parseChangeSources, RATES, serverPageScanEstimate, stoppedWalReplayEstimate, walReplayEstimate,
} from '../../../src/engine/changes/choice';

describe('change source choice', () => {
  const scan = { method: 'page-scan' as const, estimate: serverPageScanEstimate(10e9) };
  const replay = { method: 'wal-replay' as const, estimate: walReplayEstimate(16 * 1024 * 1024) };
  const gone = { method: 'wal-replay' as const, estimate: null, unavailable: 'the source no longer has 1 of the 2 WAL segment(s) from R' };

  test('the cheapest available method wins, and the reason names the others with their cost', () => {
    const c = chooseChangeSource('source', [scan, replay]);
    expect(c.method).toBe('wal-replay');
    expect(c.reason).toMatch(/^cheapest \(~0\.\d+ s; page-scan ~4\.00 s\)$/);
    expect(chooseChangeSource('source', [scan, { method: 'wal-replay', estimate: walReplayEstimate(10e9) }]).method).toBe('page-scan');
  });

  test('an unavailable method is never chosen, and says why', () => {
    const c = chooseChangeSource('source', [scan, gone]);
    expect(c.method).toBe('page-scan');
    expect(c.reason).toContain('wal-replay unavailable: the source no longer has');
    expect(() => chooseChangeSource('source', [gone])).toThrow(/no source-side change source is possible: wal-replay: the source no longer has/);
  });

  test('a forced method is used as it is, or refused with the reason it cannot answer', () => {
    expect(chooseChangeSource('source', [scan, replay], 'page-scan')).toMatchObject({ method: 'page-scan', reason: 'forced with --change-source source=page-scan' });
    expect(() => chooseChangeSource('source', [scan, gone], 'wal-replay')).toThrow('--change-source source=wal-replay is not possible: the source no longer has 1 of the 2 WAL segment(s) from R');
    expect(() => chooseChangeSource('target', [scan], 'wal-replay')).toThrow(/not a target-side method here \(there are page-scan\)/);
  });

  test('replaying WAL counts the replay at startup: it loses against a scan once the WAL is a few percent of the data', () => {
    const data = 10e9;
    const breakEven = data / RATES.serverPageScan / (1 / RATES.copy + 1 / RATES.replay);
    expect(breakEven / data).toBeLessThan(0.05);
    expect(walReplayEstimate(breakEven * 0.9).seconds).toBeLessThan(serverPageScanEstimate(data).seconds);
    expect(walReplayEstimate(breakEven * 1.1).seconds).toBeGreaterThan(serverPageScanEstimate(data).seconds);
  });

  test("a stopped source's replay from R counts the segments copied beyond the one its checkpoint needs, and the replay at the first start", () => {
    const seg = 16 * 1024 * 1024;
    expect(stoppedWalReplayEstimate(0, seg)).toEqual({ seconds: seg / RATES.replay, bytes: 0 });
    expect(stoppedWalReplayEstimate(2 * seg, seg).seconds).toBeCloseTo(2 * seg / RATES.copy + seg / RATES.replay);
    // 010_keep_recycled_wals' size: a page scan of a small cluster costs less than replaying two segments' span.
    expect(stoppedWalReplayEstimate(seg, 2 * seg).seconds).toBeGreaterThan(localPageScanEstimate(20e6).seconds);
    // A large cluster with little WAL since R: replay wins.
    expect(stoppedWalReplayEstimate(seg, 2 * seg).seconds).toBeLessThan(localPageScanEstimate(10e9).seconds);
  });

  test('--change-source values', () => {
    expect(parseChangeSources(['source=wal-replay', 'target=target-wal'])).toEqual({ source: 'wal-replay', target: 'target-wal' });
    expect(() => parseChangeSources(['source=fast'])).toThrow('--change-source source=fast: the source side takes page-scan, wal-summaries, incremental-backup, ptrack, wal-replay');
    expect(() => parseChangeSources(['target=wal-replay'])).toThrow('the target side takes target-wal, page-scan');
    expect(() => parseChangeSources(['wal-replay'])).toThrow('expected source=METHOD or target=METHOD');
  });

  test('a preferred method (a rule of the command) wins where it is possible, and the cheapest runs where it is not', () => {
    const cheap = { method: 'page-scan' as const, estimate: { seconds: 0.01, bytes: 1 } };
    const replay = { method: 'wal-replay' as const, estimate: { seconds: 0.3, bytes: 16777216 } };
    const preferred = { method: 'wal-replay' as const, why: "pg_rewind's way" };
    expect(chooseChangeSource('source', [cheap, replay], undefined, preferred)).toMatchObject({ method: 'wal-replay', reason: "pg_rewind's way" });
    expect(chooseChangeSource('source', [cheap, { method: 'wal-replay' as const, estimate: null, unavailable: 'a segment is gone' }], undefined, preferred).method).toBe('page-scan');
    expect(chooseChangeSource('source', [cheap, replay], 'page-scan', preferred).method).toBe('page-scan');
  });
});
