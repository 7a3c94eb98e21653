import { parseMaxRate, RateLimiter } from '../../../src/engine/copy/rate-limit';

describe('--max-rate', () => {
  test('RATE as pg_basebackup takes it: kB/s, or a k or M suffix, 32 kB/s to 1 GB/s', () => {
    expect(parseMaxRate('100')).toBe(100 * 1024);
    expect(parseMaxRate('512k')).toBe(512 * 1024);
    expect(parseMaxRate('20M')).toBe(20 * 1024 * 1024);
    expect(parseMaxRate('1.5M')).toBe(1.5 * 1024 * 1024);
    expect(() => parseMaxRate('10')).toThrow(/between 32 kB\/s and 1 GB\/s/);
    expect(() => parseMaxRate('2048M')).toThrow(/out of range/);
    expect(() => parseMaxRate('fast')).toThrow(/invalid transfer rate "fast"/);
  });

  test('a reader ahead of the rate is held back just long enough; an idle moment allows only a small burst', () => {
    let now = 0;
    const limiter = new RateLimiter(1024 * 1024, () => now); // 1 MB/s, burst 256 kB
    limiter.take(256 * 1024);
    expect(limiter.pauseMs()).toBe(0);
    limiter.take(512 * 1024); // 512 kB ahead: half a second
    expect(limiter.pauseMs()).toBeCloseTo(500, 5);
    now += 500;
    expect(limiter.pauseMs()).toBe(0);
    now += 10_000; // ten idle seconds buy no more than the burst
    limiter.take(256 * 1024);
    expect(limiter.pauseMs()).toBe(0);
    limiter.take(1024 * 1024);
    expect(limiter.pauseMs()).toBeCloseTo(1000, 5);
  });

  test('over a simulated copy the average stays at the rate', () => {
    let now = 0;
    const limiter = new RateLimiter(10 * 1024 * 1024, () => now);
    let bytes = 0;
    while (now < 60_000) {
      limiter.take(64 * 1024); // a socket chunk
      bytes += 64 * 1024;
      now += limiter.pauseMs() + 0.1; // the wait, plus a little work per chunk
    }
    expect(bytes / (now / 1000) / (10 * 1024 * 1024)).toBeGreaterThan(0.99);
    expect(bytes / (now / 1000) / (10 * 1024 * 1024)).toBeLessThan(1.01);
  });
});
