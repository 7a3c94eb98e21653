import { formatProgressJson, formatProgressLine, ProgressMeter, ProgressTicker } from '../../../src/adapters/progress-meter';

describe('progress lines', () => {
  test('rate over the last seconds, ETA from it, and the phase', () => {
    let now = 0;
    const meter = new ProgressMeter(() => now);
    meter.phase('copy');
    meter.copy({ bytes: 0, totalBytes: 100 * 1048576, files: 0, totalFiles: 10 });
    now = 2000;
    meter.copy({ bytes: 20 * 1048576, totalBytes: 100 * 1048576, files: 2, totalFiles: 10 });
    const s = meter.snapshot();
    expect(s).toMatchObject({ phase: 'copy', bytes: 20 * 1048576, files: 2, etaSeconds: 8, elapsedSeconds: 2 });
    expect(s.rateBytesPerSecond).toBeCloseTo(10 * 1048576, 0);
    expect(formatProgressLine(s)).toBe('copy: 20.0 MB of 100.0 MB (20%), 2/10 files, 10.0 MB/s, ETA 8 s');
    expect(JSON.parse(formatProgressJson(s))).toMatchObject({ type: 'progress', phase: 'copy', bytes: 20 * 1048576, totalBytes: 100 * 1048576, etaSeconds: 8 });
    // A stalled copy: the rate falls as time passes without bytes, and the ETA grows.
    now = 12_000;
    const stalled = meter.snapshot();
    expect(stalled.rateBytesPerSecond!).toBeLessThan(2 * 1048576);
    expect(stalled.etaSeconds!).toBeGreaterThan(8);
  });

  test('before any bytes: the phase and the time spent in the run', () => {
    let now = 0;
    const meter = new ProgressMeter(() => now);
    meter.phase('plan (listing, changed blocks)');
    now = 5000;
    expect(formatProgressLine(meter.snapshot())).toBe('plan (listing, changed blocks) (5 s elapsed)');
    expect(meter.snapshot().etaSeconds).toBeNull();
  });

  test('the ticker prints at its interval and at each phase change, and nothing after stop', () => {
    jest.useFakeTimers();
    try {
      const lines: string[] = [];
      const ticker = new ProgressTicker(new ProgressMeter(), (s) => lines.push(s.phase), 10_000);
      ticker.start();
      ticker.phase('preflight checks');
      jest.advanceTimersByTime(25_000);
      ticker.phase('copy');
      ticker.stop();
      jest.advanceTimersByTime(60_000);
      expect(lines).toEqual(['preflight checks', 'preflight checks', 'preflight checks', 'copy']);
    } finally {
      jest.useRealTimers();
    }
  });
});
