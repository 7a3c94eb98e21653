/**
 * Checks the checksums of copied pages in worker threads, so that verifying runs beside the copy
 * instead of inside it. The copier hands over each run of pages it wrote (`validate`), awaits
 * `backpressure()` now and then so that unverified data cannot pile up in memory, and collects
 * the bad pages with `drain()` at the end.
 */
import { Worker } from 'worker_threads';
import { BadPage, findBadPages, pageChecksumSource } from '../checksums/page-checksum';

export interface BadPageAt extends BadPage {
  /** The relation file path the caller gave to `validate`. */
  path: string;
}

export interface PageValidatorOptions {
  /** Above this many bytes handed over but not yet verified, `backpressure()` waits. Default 32 MiB. */
  maxInFlightBytes?: number;
}

const DEFAULT_MAX_IN_FLIGHT_BYTES = 32 * 1024 * 1024;
/** Pages per message to a worker, in bytes. */
const JOB_BYTES = 1024 * 1024;

interface Job {
  id: number;
  /** Runs of consecutive blocks, in buffer order: [first block number, page count]. */
  runs: Array<[number, number]>;
  /** The pages are its first `bytes` bytes; the buffer may be a reused, larger one. */
  buffer: ArrayBuffer;
  bytes: number;
}

interface Reply {
  id: number;
  bad?: BadPage[];
  error?: string;
  /** The job's buffer, handed back for reuse. */
  buffer?: ArrayBuffer;
}

interface Lane {
  worker: Worker;
  /** Jobs sent to this worker and not answered yet: id -> path and size. */
  jobs: Map<number, { path: string; bytes: number }>;
  bytes: number;
}

interface Waiter {
  resolve: () => void;
  reject: (e: Error) => void;
}

/** The worker's program: the checksum functions, by their source text, and a message loop. */
function workerSource(): string {
  // findBadPages by its runtime name: a minifier may rename it, and its source text with it.
  return [
    pageChecksumSource(),
    `const { parentPort, workerData } = require('worker_threads');`,
    `parentPort.on('message', (job) => {`,
    `  try {`,
    `    const bad = [];`,
    `    let at = 0;`,
    `    for (const [first, pages] of job.runs) {`,
    `      const bytes = pages * workerData.blockSize;`,
    `      bad.push(...${findBadPages.name}(Buffer.from(job.buffer, at, bytes), first, workerData.blockSize));`,
    `      at += bytes;`,
    `    }`,
    `    parentPort.postMessage({ id: job.id, bad, buffer: job.buffer }, [job.buffer]);`,
    `  } catch (e) {`,
    `    parentPort.postMessage({ id: job.id, error: String((e && e.stack) || e) });`,
    `  }`,
    `});`,
  ].join('\n');
}

export class PageValidator {
  private readonly lanes: Lane[] = [];
  private readonly found: BadPageAt[] = [];
  private readonly drainWaiters: Waiter[] = [];
  private readonly roomWaiters: Waiter[] = [];
  /** Buffers the workers handed back, at most maxInFlightBytes of them. */
  private readonly spare: ArrayBuffer[] = [];
  private spareBytes = 0;
  private nextJobId = 1;
  private inFlightBytes = 0;
  private inFlightJobs = 0;
  private failure: Error | undefined;
  private closed = false;
  /** Pages gathered for the next job, not sent yet. */
  private pending: { path: string; runs: Array<[number, number]>; buffer: ArrayBuffer; bytes: number } | null = null;

  private constructor(
    private readonly blockSize: number,
    private readonly maxInFlightBytes: number,
  ) {}

  /**
   * `threads` workers checking pages of `blockSize` bytes; 0 checks them in the calling thread,
   * inside `validate`.
   */
  static start(threads: number, blockSize: number, opts: PageValidatorOptions = {}): PageValidator {
    if (!Number.isInteger(threads) || threads < 0) throw new RangeError(`page validator threads must be an integer >= 0, not ${threads}`);
    const maxInFlightBytes = opts.maxInFlightBytes ?? DEFAULT_MAX_IN_FLIGHT_BYTES;
    if (!(maxInFlightBytes >= 0)) throw new RangeError(`page validator maxInFlightBytes must be >= 0, not ${maxInFlightBytes}`);
    // Fails early, in the caller, on a block size the checksum cannot handle.
    findBadPages(Buffer.alloc(0), 0, blockSize);
    const v = new PageValidator(blockSize, maxInFlightBytes);
    if (threads > 0) {
      const source = workerSource();
      for (let i = 0; i < threads; i++) v.lanes.push(v.startLane(source));
    }
    return v;
  }

  /**
   * Queue the whole pages of `data` (block `firstBlockNo` first; a trailing partial page is
   * ignored) of relation file `relPath`. Never blocks and never drops work; the pages are copied,
   * so `data` may be reused as soon as this returns.
   */
  validate(relPath: string, firstBlockNo: number, data: Buffer): void {
    if (this.closed) throw new Error('page validator: validate() after close()');
    if (this.failure) throw this.failure;
    const pages = Math.floor(data.length / this.blockSize);
    // Checked here, not in the worker, so that a caller's mistake throws at the call that made it.
    if (!Number.isInteger(firstBlockNo) || firstBlockNo < 0 || firstBlockNo + pages - 1 > 0xfffffffe) {
      throw new RangeError(`page validator: ${relPath}: ${pages} pages from block ${firstBlockNo} are not all valid block numbers`);
    }
    const bytes = pages * this.blockSize;
    if (bytes === 0) return;
    if (this.lanes.length === 0) {
      for (const bad of findBadPages(data, firstBlockNo, this.blockSize)) this.found.push({ ...bad, path: relPath });
      return;
    }
    // Pages of one file are gathered into one job, in runs of consecutive blocks: a message per
    // network chunk, or per scattered block of a DELTA, would cost more than checking the pages.
    let job = this.pending;
    if (job && (job.path !== relPath || job.bytes + bytes > job.buffer.byteLength)) {
      this.post();
      job = null;
    }
    job ??= this.pending = { path: relPath, runs: [], buffer: this.takeBuffer(Math.max(JOB_BYTES, bytes)), bytes: 0 };
    data.copy(Buffer.from(job.buffer, job.bytes, bytes), 0, 0, bytes);
    const last = job.runs[job.runs.length - 1];
    if (last && last[0] + last[1] === firstBlockNo) last[1] += pages;
    else job.runs.push([firstBlockNo, pages]);
    job.bytes += bytes;
    if (job.bytes + this.blockSize > job.buffer.byteLength) this.post();
  }

  /** Sends the job being gathered to the least busy worker. */
  private post(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    const lane = this.lanes.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    const job: Job = { id: this.nextJobId++, runs: pending.runs, buffer: pending.buffer, bytes: pending.bytes };
    if (lane.jobs.size === 0) lane.worker.ref();
    lane.jobs.set(job.id, { path: pending.path, bytes: job.bytes });
    lane.bytes += job.bytes;
    this.inFlightBytes += job.bytes;
    this.inFlightJobs++;
    lane.worker.postMessage(job, [job.buffer]);
  }

  /** Bytes handed to `validate` and not verified yet (always 0 with 0 threads). */
  get queuedBytes(): number {
    return this.inFlightBytes + (this.pending?.bytes ?? 0);
  }

  /** True when the caller should await backpressure() before handing over more. */
  get full(): boolean {
    return this.inFlightBytes > this.maxInFlightBytes;
  }

  /** Resolves once no more than maxInFlightBytes are waiting to be verified. */
  backpressure(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.inFlightBytes <= this.maxInFlightBytes) return Promise.resolve();
    return new Promise((resolve, reject) => this.roomWaiters.push({ resolve, reject }));
  }

  /**
   * Waits for every queued page to be verified; returns the bad pages found since the last
   * drain, by path then block number. Rejects if a worker failed.
   */
  async drain(): Promise<BadPageAt[]> {
    if (this.failure) throw this.failure;
    if (this.closed && this.inFlightJobs > 0) throw closedEarly(this.inFlightJobs);
    this.post();
    if (this.inFlightJobs > 0) await new Promise<void>((resolve, reject) => this.drainWaiters.push({ resolve, reject }));
    const found = this.found.splice(0);
    return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.blockNo - b.blockNo));
  }

  /** Stops the workers; pages still queued are not verified (drain first). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.pending) {
      this.pending = null;
      this.inFlightJobs++;
    }
    const lanes = this.lanes.splice(0);
    this.spare.length = 0;
    await Promise.all(lanes.map((l) => l.worker.terminate()));
    if (this.inFlightJobs > 0) this.rejectWaiters(closedEarly(this.inFlightJobs));
  }

  private startLane(source: string): Lane {
    // eval: ncc bundles the app into one file, so there is no worker script on disk to start.
    const worker = new Worker(source, { eval: true, workerData: { blockSize: this.blockSize } });
    const lane: Lane = { worker, jobs: new Map(), bytes: 0 };
    // Idle workers must not keep the process alive; validate() refs a worker while it has work.
    worker.unref();
    worker.on('message', (reply: Reply) => this.onReply(lane, reply));
    worker.on('error', (e) => this.fail(new Error(`page validator worker failed: ${e.message}`)));
    worker.on('exit', (code) => {
      // close() terminates the workers; any other exit loses the jobs the worker held.
      if (!this.closed) this.fail(new Error(`page validator worker exited unexpectedly (code ${code})`));
    });
    return lane;
  }

  private onReply(lane: Lane, reply: Reply): void {
    const job = lane.jobs.get(reply.id);
    if (!job) return;
    lane.jobs.delete(reply.id);
    if (lane.jobs.size === 0) lane.worker.unref();
    lane.bytes -= job.bytes;
    this.inFlightBytes -= job.bytes;
    this.inFlightJobs--;
    if (reply.error !== undefined) {
      this.fail(new Error(`page validator: checking ${job.path} failed: ${reply.error}`));
      return;
    }
    if (reply.buffer && !this.closed && this.spareBytes + reply.buffer.byteLength <= this.maxInFlightBytes) {
      this.spare.push(reply.buffer);
      this.spareBytes += reply.buffer.byteLength;
    }
    for (const bad of reply.bad ?? []) this.found.push({ ...bad, path: job.path });
    if (this.inFlightBytes <= this.maxInFlightBytes) for (const w of this.roomWaiters.splice(0)) w.resolve();
    if (this.inFlightJobs === 0) for (const w of this.drainWaiters.splice(0)) w.resolve();
  }

  /**
   * A buffer of at least `bytes` to transfer to a worker. Reusing the ones workers hand back
   * roughly halves the main thread's cost per page: fresh memory has to be faulted in by the kernel.
   */
  private takeBuffer(bytes: number): ArrayBuffer {
    const i = this.spare.findIndex((b) => b.byteLength >= bytes);
    if (i >= 0) {
      const [buffer] = this.spare.splice(i, 1);
      this.spareBytes -= buffer.byteLength;
      return buffer;
    }
    // Its own ArrayBuffer (not Buffer's shared pool), so it can be transferred; not zero-filled,
    // since the pages overwrite it at once.
    return Buffer.allocUnsafeSlow(bytes).buffer as ArrayBuffer;
  }

  /** The first failure sticks: every waiter and every later call sees it. */
  private fail(e: Error): void {
    this.failure ??= e;
    this.rejectWaiters(this.failure);
  }

  private rejectWaiters(e: Error): void {
    for (const w of [...this.roomWaiters.splice(0), ...this.drainWaiters.splice(0)]) w.reject(e);
  }
}

function closedEarly(jobs: number): Error {
  return new Error(`page validator closed with ${jobs} run(s) of pages not verified yet; await drain() before close()`);
}
