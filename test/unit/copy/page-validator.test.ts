import { readFileSync } from 'fs';
import { join } from 'path';
import { BadPageAt, PageValidator } from '../../../src/engine/copy/page-validator';
import { findBadPages } from '../../../src/engine/checksums/page-checksum';

/** Pages PostgreSQL 18 wrote with data checksums on (scripts/capture-page-fixtures.ts). */
const FIXTURES = join(__dirname, '../../fixtures/pages');
const BS = 8192;
const fixture = (file: string): Buffer => readFileSync(join(FIXTURES, file));

interface Run {
  path: string;
  firstBlockNo: number;
  data: Buffer;
}

/**
 * What a copier would hand over: relation files in runs of pages, some pages corrupted, one run
 * with a trailing partial page, and a long file split into several runs.
 */
function runs(): Run[] {
  const zero = Buffer.alloc(BS);
  const heap = Buffer.concat([fixture('heap-block0.bin'), zero, zero, zero, zero, fixture('heap-block5.bin')]);
  heap[5 * BS + 1234] ^= 0x10;
  const index = Buffer.concat([fixture('btree-meta-block0.bin'), fixture('btree-leaf-block1.bin'), Buffer.alloc(100, 1)]);
  const fsm = fixture('fsm-block2.bin');
  fsm[BS - 1] ^= 0x80;
  const out: Run[] = [
    { path: 'base/5/16384', firstBlockNo: 0, data: heap },
    { path: 'base/5/16391', firstBlockNo: 0, data: index },
    { path: 'base/5/16384_fsm', firstBlockNo: 2, data: fsm },
    { path: 'base/5/16384_vm', firstBlockNo: 0, data: fixture('vm-block0.bin') },
  ];
  // A 4 MiB file of never-written pages with a few scribbled on, in 512 kB runs.
  const big = Buffer.alloc(512 * BS);
  for (const b of [3, 64, 65, 300, 511]) big[b * BS + (b % BS)] = 0xab;
  for (let first = 0; first < 512; first += 64) {
    out.push({ path: 'base/5/99999', firstBlockNo: 131072 + first, data: big.subarray(first * BS, (first + 64) * BS) });
  }
  return out;
}

function expected(all: Run[]): BadPageAt[] {
  const bad = all.flatMap((r) => findBadPages(r.data, r.firstBlockNo, BS).map((b) => ({ ...b, path: r.path })));
  return bad.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.blockNo - b.blockNo));
}

describe('PageValidator', () => {
  const all = runs();
  const want = expected(all);

  test('the corpus has bad pages of each kind', () => {
    expect(want.map((b) => `${b.path}:${b.blockNo}:${b.reason}`)).toEqual([
      'base/5/16384:5:checksum',
      'base/5/16384_fsm:2:checksum',
      ...[3, 64, 65, 300, 511].map((b) => `base/5/99999:${131072 + b}:nonzero-new-page`),
    ]);
  });

  test.each([0, 1, 2])('%d thread(s) find the same bad pages as findBadPages', async (threads) => {
    const v = PageValidator.start(threads, BS);
    try {
      // The caller reuses one buffer for every run: validate must have taken its own copy.
      const scratch = Buffer.alloc(64 * BS + 100);
      for (const r of all) {
        r.data.copy(scratch);
        v.validate(r.path, r.firstBlockNo, scratch.subarray(0, r.data.length));
        scratch.fill(0x5a);
        await v.backpressure();
      }
      expect(await v.drain()).toEqual(want);
      // A drain hands each bad page over once.
      expect(await v.drain()).toEqual([]);
    } finally {
      await v.close();
    }
  });

  test('backpressure waits for the workers when more than the limit is queued', async () => {
    const v = PageValidator.start(1, BS, { maxInFlightBytes: BS });
    try {
      for (const r of all) v.validate(r.path, r.firstBlockNo, r.data);
      expect(v.queuedBytes).toBeGreaterThan(BS);
      await v.backpressure();
      expect(v.queuedBytes).toBeLessThanOrEqual(BS);
      expect(await v.drain()).toEqual(want);
      expect(v.queuedBytes).toBe(0);
    } finally {
      await v.close();
    }
  });

  test('a reused, larger buffer holds stale pages past the run: they are not checked', async () => {
    const v = PageValidator.start(1, BS);
    try {
      const scribbled = Buffer.alloc(64 * BS, 0xab);
      v.validate('base/5/big', 0, scribbled);
      expect((await v.drain()).length).toBe(64);
      // The 64-page buffer has come back; this 6-page run goes into it.
      const heap = runs()[0];
      for (let round = 0; round < 3; round++) {
        v.validate(heap.path, heap.firstBlockNo, heap.data);
        expect(await v.drain()).toEqual(want.filter((b) => b.path === heap.path));
      }
    } finally {
      await v.close();
    }
  });

  test('drain with nothing queued, and a run shorter than a page, find nothing', async () => {
    const v = PageValidator.start(1, BS);
    try {
      expect(await v.drain()).toEqual([]);
      v.validate('base/5/1', 0, Buffer.alloc(BS - 1, 0xff));
      expect(await v.drain()).toEqual([]);
    } finally {
      await v.close();
    }
  });

  test("a caller's mistake throws at the call, whatever the thread count", async () => {
    expect(() => PageValidator.start(1, 1000)).toThrow(/block size/);
    expect(() => PageValidator.start(-1, BS)).toThrow(/threads/);
    for (const threads of [0, 1]) {
      const v = PageValidator.start(threads, BS);
      expect(() => v.validate('base/5/1', -1, Buffer.alloc(BS))).toThrow(/base\/5\/1: 1 pages from block -1/);
      expect(() => v.validate('base/5/1', 0xfffffffe, Buffer.alloc(2 * BS))).toThrow(/not all valid block numbers/);
      await v.close();
      await v.close();
      expect(() => v.validate('base/5/1', 0, Buffer.alloc(BS))).toThrow(/after close/);
    }
  });

  test('closing with work queued makes drain fail instead of reporting a partial result', async () => {
    const v = PageValidator.start(1, BS);
    for (const r of all) v.validate(r.path, r.firstBlockNo, r.data);
    const drained = v.drain();
    await v.close();
    await expect(drained).rejects.toThrow(/not verified yet/);
    await expect(v.drain()).rejects.toThrow(/not verified yet/);
  });

  test('a worker that dies fails drain, backpressure and later validate calls, naming the cause', async () => {
    const v = PageValidator.start(1, BS, { maxInFlightBytes: 0 });
    try {
      for (const r of all) v.validate(r.path, r.firstBlockNo, r.data);
      const waiting = v.backpressure();
      // Behind the pool's back, as an out-of-memory kill of the thread would.
      await (v as unknown as { lanes: Array<{ worker: { terminate(): Promise<number> } }> }).lanes[0].worker.terminate();
      await expect(waiting).rejects.toThrow(/worker exited unexpectedly/);
      await expect(v.drain()).rejects.toThrow(/worker exited unexpectedly/);
      expect(() => v.validate('base/5/1', 0, Buffer.alloc(BS))).toThrow(/worker exited unexpectedly/);
    } finally {
      await v.close();
    }
  });
});
