/**
 * --max-rate: caps how fast file data is read from the source (pg_basebackup's -r), so a clone
 * does not starve production of I/O or network. A token bucket shared by every reader
 * connection; holding back a reader makes TCP hold back the server, which then reads no faster.
 * WAL is not capped (as with pg_basebackup -X stream): it must keep up with the source.
 */
export class RateLimiter {
  private tokens: number;
  private lastMs: number;
  /** At most this much may go at once after an idle moment: a quarter second of the rate. */
  private readonly burstBytes: number;

  constructor(readonly bytesPerSecond: number, private readonly nowMs: () => number = () => performance.now()) {
    this.burstBytes = Math.max(64 * 1024, bytesPerSecond / 4);
    this.tokens = this.burstBytes;
    this.lastMs = nowMs();
  }

  /** Counts bytes that arrived. */
  take(bytes: number): void {
    this.refill();
    this.tokens -= bytes;
  }

  /** How long the readers must pause before reading on (0: not ahead of the rate). */
  pauseMs(): number {
    this.refill();
    return this.tokens >= 0 ? 0 : (-this.tokens * 1000) / this.bytesPerSecond;
  }

  /** A promise to wait on when the readers are ahead of the rate, else null. */
  wait(): Promise<void> | null {
    const ms = this.pauseMs();
    return ms < 1 ? null : new Promise((resolve) => setTimeout(resolve, Math.ceil(ms)));
  }

  private refill(): void {
    const now = this.nowMs();
    this.tokens = Math.min(this.burstBytes, this.tokens + ((now - this.lastMs) * this.bytesPerSecond) / 1000);
    this.lastMs = now;
  }
}

/**
 * pg_basebackup's RATE: kilobytes per second, or with a suffix k (kB) or M (MB); between 32 kB/s
 * and 1 GB/s. Returns bytes per second.
 */
export function parseMaxRate(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*$/.exec(text);
  if (!m) throw new Error(`invalid transfer rate "${text}": give kilobytes per second, or a number with k or M (e.g. 512k, 20M)`);
  const kb = Number(m[1]) * (m[2].toLowerCase() === 'm' ? 1024 : 1);
  if (kb < 32 || kb > 1024 * 1024) throw new Error(`transfer rate "${text}" is out of range: it must be between 32 kB/s and 1 GB/s`);
  return Math.round(kb * 1024);
}
