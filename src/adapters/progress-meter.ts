import { formatBytes } from '../engine';

/** Where a run is: what the engine said last (its phase, the copy's counters), with rate and ETA. */
export interface ProgressSnapshot {
  phase: string;
  bytes: number;
  totalBytes: number;
  files: number;
  totalFiles: number;
  /** Bytes per second over the last few seconds; null before two samples. */
  rateBytesPerSecond: number | null;
  /** Seconds left at that rate; null without a rate or a total. */
  etaSeconds: number | null;
  elapsedSeconds: number;
}

/** Samples older than this leave the rate: it follows the copy's speed now, not its average. */
const RATE_WINDOW_MS = 10_000;

/**
 * The state progress lines are made of, fed by the engine's logger calls. Pure apart from the
 * clock, so the printing cadence (the adapters' business) is tested apart from the arithmetic.
 */
export class ProgressMeter {
  private phaseName = 'starting';
  private done = { bytes: 0, totalBytes: 0, files: 0, totalFiles: 0 };
  private samples: Array<{ atMs: number; bytes: number }> = [];
  private readonly startedMs: number;

  constructor(private readonly nowMs: () => number = () => Date.now()) {
    this.startedMs = nowMs();
  }

  phase(name: string): void {
    this.phaseName = name;
  }

  copy(done: { bytes: number; totalBytes: number; files: number; totalFiles: number }): void {
    this.done = done;
    const now = this.nowMs();
    this.samples.push({ atMs: now, bytes: done.bytes });
    while (this.samples.length > 2 && now - this.samples[0].atMs > RATE_WINDOW_MS) this.samples.shift();
  }

  snapshot(): ProgressSnapshot {
    const now = this.nowMs();
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    // Counted up to now, so a stalled copy shows its rate falling instead of the last good one.
    const spanMs = first ? now - first.atMs : 0;
    const rate = first && last && spanMs > 0 && this.samples.length > 1 ? ((last.bytes - first.bytes) * 1000) / spanMs : null;
    const left = this.done.totalBytes - this.done.bytes;
    return {
      phase: this.phaseName,
      ...this.done,
      rateBytesPerSecond: rate,
      etaSeconds: rate && rate > 0 && this.done.totalBytes > 0 ? Math.max(0, Math.round(left / rate)) : null,
      elapsedSeconds: Math.round((now - this.startedMs) / 1000),
    };
  }
}

/** One line for people: `copy: 512.0 MB of 1.4 GB (36%), 40/120 files, 85.3 MB/s, ETA 11 s`. */
export function formatProgressLine(s: ProgressSnapshot): string {
  if (s.totalBytes === 0 && s.bytes === 0) return `${s.phase} (${s.elapsedSeconds} s elapsed)`;
  const pct = s.totalBytes > 0 ? Math.min(100, Math.floor((s.bytes * 100) / s.totalBytes)) : 100;
  const rate = s.rateBytesPerSecond === null ? '' : `, ${formatBytes(Math.round(s.rateBytesPerSecond))}/s`;
  const eta = s.etaSeconds === null ? '' : `, ETA ${formatDuration(s.etaSeconds)}`;
  return `${s.phase}: ${formatBytes(s.bytes)} of ${formatBytes(s.totalBytes)} (${pct}%), ${s.files}/${s.totalFiles} files${rate}${eta}`;
}

/** One JSON object per line for machines (--progress=json). */
export function formatProgressJson(s: ProgressSnapshot): string {
  return JSON.stringify({ type: 'progress', ...s, rateBytesPerSecond: s.rateBytesPerSecond === null ? null : Math.round(s.rateBytesPerSecond) });
}

function formatDuration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/**
 * Prints the meter's line every `intervalMs` while a run lasts, and once at each phase change:
 * steady even through phases that report no bytes (a scan, a checkpoint), so a log never goes
 * quiet for long, and never more often than the interval between phase changes.
 */
export class ProgressTicker {
  private timer: NodeJS.Timeout | null = null;

  constructor(readonly meter: ProgressMeter, private readonly print: (s: ProgressSnapshot) => void, private readonly intervalMs: number) {}

  start(): void {
    this.timer ??= setInterval(() => this.print(this.meter.snapshot()), this.intervalMs);
    this.timer.unref(); // never what keeps the process alive
  }

  phase(name: string): void {
    this.meter.phase(name);
    this.print(this.meter.snapshot());
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
