import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { Worker } from 'worker_threads';
import { assemblePageChecksumWat, MODULE_PATH, pageChecksumWasmModuleText } from '../../../scripts/build-wasm';
import { BadPage, findBadPages, findBadPagesImplementation, pageChecksum, pageChecksumSource } from '../../../src/engine/checksums/page-checksum';
import { instantiatePageChecksumWasm, PAGE_CHECKSUM_WASM_BASE64, PageChecksumWasm } from '../../../src/engine/checksums/page-checksum-wasm';

/** Pages PostgreSQL 18 wrote with data checksums on (scripts/capture-page-fixtures.ts; README there). */
const FIXTURES = join(__dirname, '../../fixtures/pages');
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'pages.json'), 'utf8')) as {
  block_size: number;
  pages: Array<{ file: string; blockNo: number }>;
};
const BS = manifest.block_size;
const fixture = (file: string): Buffer => readFileSync(join(FIXTURES, file));
const written = manifest.pages.filter((p) => p.file !== 'zero-new-page.bin');

/**
 * The JavaScript fallback as a worker runs it: pageChecksumSource({ wasm: false }) in a worker
 * thread. Also the reference for bulk comparisons, because jest's sandbox slows down the
 * JavaScript checksum in this thread about a hundredfold (every `Math` lookup goes through it).
 */
class JsFallback {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();

  constructor() {
    this.worker = new Worker(
      [
        pageChecksumSource({ wasm: false }),
        `const { parentPort } = require('worker_threads');`,
        `parentPort.on('message', ({ id, op, buffer, firstBlockNo, blockSize }) => {`,
        `  const pages = Buffer.from(buffer);`,
        `  let result;`,
        `  if (op === 'implementation') result = ${findBadPagesImplementation.name}();`,
        `  if (op === 'findBadPages') result = ${findBadPages.name}(pages, firstBlockNo, blockSize);`,
        `  if (op === 'checksums') {`,
        `    result = [];`,
        `    for (let off = 0; off + blockSize <= pages.length; off += blockSize) result.push(${pageChecksum.name}(pages, off, firstBlockNo + off / blockSize, blockSize));`,
        `  }`,
        `  parentPort.postMessage({ id, result });`,
        `});`,
      ].join('\n'),
      { eval: true },
    );
    this.worker.on('message', ({ id, result }: { id: number; result: unknown }) => this.waiting.get(id)?.(result));
  }

  private call<T>(op: string, pages: Buffer = Buffer.alloc(0), firstBlockNo = 0, blockSize = BS): Promise<T> {
    const id = this.nextId++;
    const buffer = new Uint8Array(pages).buffer;
    return new Promise<T>((resolve, reject) => {
      this.worker.once('error', reject);
      this.waiting.set(id, (result) => {
        this.waiting.delete(id);
        this.worker.off('error', reject);
        resolve(result as T);
      });
      this.worker.postMessage({ id, op, buffer, firstBlockNo, blockSize }, [buffer]);
    });
  }

  implementation = (): Promise<string> => this.call('implementation');
  findBadPages = (pages: Buffer, firstBlockNo: number, blockSize = BS): Promise<BadPage[]> => this.call('findBadPages', pages, firstBlockNo, blockSize);
  checksums = (pages: Buffer, firstBlockNo: number, blockSize = BS): Promise<number[]> => this.call('checksums', pages, firstBlockNo, blockSize);
  close = (): Promise<number> => this.worker.terminate();
}

/** The kernel's own answers (checksum | nonzero << 16) for the whole pages of `pages`, without findBadPages around it. */
function kernelResults(kernel: PageChecksumWasm, pages: Buffer, firstBlockNo: number, blockSize: number): number[] {
  const count = pages.length / blockSize;
  const needed = pages.length + 4 * count;
  const have = kernel.memory.buffer.byteLength;
  if (have < needed) kernel.memory.grow(Math.ceil((needed - have) / 65536));
  new Uint8Array(kernel.memory.buffer).set(pages);
  kernel.checksumPages(0, count, firstBlockNo, blockSize, pages.length);
  return Array.from(new Uint32Array(kernel.memory.buffer, pages.length, count));
}

const kernelChecksums = (kernel: PageChecksumWasm, pages: Buffer, firstBlockNo: number, blockSize: number): number[] =>
  kernelResults(kernel, pages, firstBlockNo, blockSize).map((r) => r & 0xffff);

/** Deterministic pseudo-random bytes (xorshift32), so that a failure can be replayed. */
function randomPages(count: number, blockSize: number, seed: number): Buffer {
  const words = new Int32Array((count * blockSize) / 4);
  let x = seed | 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x;
  }
  return Buffer.from(words.buffer);
}

/**
 * Each page of `pages` with pd_checksum set to `checksums[i]`, as if written at its block, but
 * for never-written pages (pd_upper 0), which carry no checksum.
 */
function reseal(pages: Buffer, checksums: number[], blockSize = BS): Buffer {
  checksums.forEach((sum, i) => {
    if (pages.readUInt16LE(i * blockSize + 14) !== 0) pages.writeUInt16LE(sum, i * blockSize + 8);
  });
  return pages;
}

/** Every fixture page, resealed as consecutive blocks from `firstBlockNo`, each followed by a never-written page. */
function realisticRun(firstBlockNo: number): Buffer {
  const run = Buffer.concat(written.flatMap((p) => [fixture(p.file), Buffer.alloc(BS)]));
  const sums = Array.from({ length: run.length / BS }, (_, i) => pageChecksum(run, i * BS, firstBlockNo + i, BS));
  return reseal(run, sums);
}

const js = new JsFallback();
afterAll(() => js.close());

describe('page-checksum-wasm-bytes.ts and its loader', () => {
  test('is what scripts/build-wasm.ts makes of page-checksum.wat (npm run build:wasm)', async () => {
    expect(readFileSync(MODULE_PATH, 'utf8')).toBe(pageChecksumWasmModuleText(await assemblePageChecksumWat()));
  });

  test('runs on this Node, so findBadPages uses it here and in workers; pageChecksumSource({ wasm: false }) does not', async () => {
    expect(instantiatePageChecksumWasm(PAGE_CHECKSUM_WASM_BASE64)).not.toBeNull();
    expect(findBadPagesImplementation()).toBe('wasm-simd');
    const worker = new Worker(`${pageChecksumSource()}\nrequire('worker_threads').parentPort.postMessage(${findBadPagesImplementation.name}());`, { eval: true });
    try {
      expect(await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject))).toBe('wasm-simd');
    } finally {
      await worker.terminate();
    }
    expect(await js.implementation()).toBe('js');
  });

  test('the loader gives null, not an error, for bytes the engine cannot compile (as without SIMD)', () => {
    expect(instantiatePageChecksumWasm(Buffer.from('not wasm').toString('base64'))).toBeNull();
    expect(instantiatePageChecksumWasm(PAGE_CHECKSUM_WASM_BASE64.slice(0, 200))).toBeNull();
  });
});

describe('the wasm kernel against the JavaScript checksum', () => {
  const kernel = instantiatePageChecksumWasm(PAGE_CHECKSUM_WASM_BASE64) as PageChecksumWasm;

  test.each(manifest.pages.map((p) => [p.file, p.blockNo] as const))('%s at block %d and at other blocks', (file, blockNo) => {
    const page = fixture(file);
    if (file !== 'zero-new-page.bin') expect(kernelChecksums(kernel, page, blockNo, BS)).toEqual([page.readUInt16LE(8)]);
    for (const at of [blockNo, 0, 1, 131071, 131072, 0x7fffffff, 0x80000000, 0xfffffffe]) {
      expect(kernelChecksums(kernel, page, at, BS)).toEqual([pageChecksum(page, 0, at, BS)]);
    }
  });

  test.each([
    [0, 8192],
    [131070, 8192],
    [0x7ffffff0, 8192],
    [0xfffffffe - 4095, 8192],
    [5, 1024],
    [1000, 4096],
    [77, 16384],
    [3, 32768],
  ])('4096 random pages from block %d, %d-byte blocks: the same checksums and verdicts', async (firstBlockNo, blockSize) => {
    // Random bytes, pd_checksum included: all but the odd page whose random pd_checksum happens to match fail.
    const pages = randomPages(4096, blockSize, firstBlockNo + blockSize);
    const bad = findBadPages(pages, firstBlockNo, blockSize);
    expect(bad.length).toBeGreaterThan(4090);
    expect(bad).toEqual(await js.findBadPages(pages, firstBlockNo, blockSize));
    const some = pages.subarray(0, 256 * blockSize);
    expect(kernelChecksums(kernel, some, firstBlockNo, blockSize)).toEqual(await js.checksums(some, firstBlockNo, blockSize));
  });

  test('says which pages have a nonzero byte, pd_checksum included', () => {
    const zeros = Buffer.alloc(4 * BS);
    expect(kernelResults(kernel, zeros, 0, BS).map((r) => r >>> 16)).toEqual([0, 0, 0, 0]);
    for (const at of [0, 8, 9, 14, 4096, BS - 1]) {
      zeros.fill(0);
      zeros[2 * BS + at] = 0x80;
      expect(kernelResults(kernel, zeros, 0, BS).map((r) => r >>> 16)).toEqual([0, 0, 1, 0]);
    }
    expect(kernelResults(kernel, fixture('heap-block0.bin'), 0, BS).map((r) => r >>> 16)).toEqual([1]);
  });

  test('random pages resealed by the JavaScript checksum pass, and fail one block further on', async () => {
    const pages = reseal(randomPages(1000, BS, 42), await js.checksums(randomPages(1000, BS, 42), 9000));
    // Headers are random too: with matching checksums, only the header check can fail.
    expect(findBadPages(pages, 9000, BS).filter((b) => b.reason === 'checksum')).toEqual([]);
    expect(findBadPages(pages, 9001, BS).filter((b) => b.reason === 'checksum')).toHaveLength(1000);
  });
});

describe('findBadPages with the wasm kernel', () => {
  test('finds a corrupted byte at every offset of a page, as the JavaScript fallback does', async () => {
    // Copy i of heap-block5.bin is block 1000 + i, resealed there, then has byte i corrupted.
    const copies = Buffer.concat(Array.from({ length: BS }, () => fixture('heap-block5.bin')));
    reseal(copies, await js.checksums(copies, 1000));
    expect(findBadPages(copies, 1000, BS)).toEqual([]);
    for (let i = 0; i < BS; i++) copies[i * BS + i] ^= 0x5a;
    const bad = findBadPages(copies, 1000, BS);
    expect(bad.filter((b, i) => b.blockNo !== 1000 + i || b.reason !== 'checksum')).toEqual([]);
    expect(bad).toHaveLength(BS);
    expect(bad).toEqual(await js.findBadPages(copies, 1000));
  });

  test('finds a nonzero byte at every offset of a never-written page, as the JavaScript fallback does', async () => {
    const pages = Buffer.alloc(BS * BS);
    for (let i = 0; i < BS; i++) pages[i * BS + i] = 1 << (i % 8);
    const bad = findBadPages(pages, 0, BS);
    expect(bad.map((b) => b.blockNo)).toEqual(Array.from({ length: BS }, (_, i) => i));
    // Most are nonzero-new-page; a byte of pd_upper makes the page look written, with a bad checksum.
    expect(bad.filter((b) => b.reason !== 'nonzero-new-page').map((b) => b.blockNo)).toEqual([14, 15]);
    expect(bad).toEqual(await js.findBadPages(pages, 0));
  });

  test('a corrupted byte is found wherever the page sits in a run (chunk edges included)', () => {
    const run = realisticRun(1000);
    expect(findBadPages(run, 1000, BS)).toEqual([]);
    const pages = run.length / BS;
    for (let p = 0; p < pages; p++) {
      for (const at of [0, 8, 9, 14, 4095, BS - 1]) {
        const corrupt = Buffer.from(run);
        corrupt[p * BS + at] ^= 0x01;
        expect(findBadPages(corrupt, 1000, BS).map((b) => b.blockNo)).toEqual([1000 + p]);
      }
    }
  });

  test('gives exactly what the JavaScript fallback gives on a mixed run, aligned or not', async () => {
    const run = Buffer.concat([realisticRun(500), randomPages(20, BS, 7), Buffer.alloc(3 * BS)]);
    // Pages 500-511 are the fixtures and zeros, 512-531 random (all failing), 532-534 zeros.
    run.writeUInt16LE(0x0100, 0 * BS + 10); // a bad pd_flags under a checksum that no longer matches
    run[3 * BS + 100] = 9; // a never-written page with a byte in it
    run[6 * BS + 17] ^= 1; // a flipped bit in btree-leaf-block1.bin
    const wasm = findBadPages(run, 500, BS);
    expect(wasm.filter((b) => b.blockNo < 512 || b.blockNo > 531).map((b) => [b.blockNo, b.reason])).toEqual([
      [500, 'checksum'],
      [503, 'nonzero-new-page'],
      [506, 'checksum'],
    ]);
    expect(wasm).toEqual(await js.findBadPages(run, 500));
    for (const shift of [1, 2, 3]) {
      const misaligned = Buffer.alloc(run.length + shift).subarray(shift);
      run.copy(misaligned);
      expect(findBadPages(misaligned, 500, BS)).toEqual(wasm);
    }
  });

  test('node --jitless (no WebAssembly at all) falls back to JavaScript with the same answers', () => {
    const run = realisticRun(0);
    run[BS + 4000] = 1;
    run[4 * BS + 4000] ^= 0x80;
    const script = [
      pageChecksumSource(),
      `const run = require('fs').readFileSync(0);`,
      `const bad = ${findBadPages.name}(run, 0, ${BS}).map((b) => ({ ...b, lsn: String(b.lsn) }));`,
      `process.stdout.write(JSON.stringify({ implementation: ${findBadPagesImplementation.name}(), bad }));`,
    ].join('\n');
    // --jitless takes WebAssembly away (and says so on stderr, which is not ours to show).
    const out = JSON.parse(execFileSync(process.execPath, ['--jitless', '-e', script], { input: run, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] })) as {
      implementation: string;
      bad: Array<Omit<BadPage, 'lsn'> & { lsn: string }>;
    };
    expect(out.implementation).toBe('js');
    const here = findBadPages(run, 0, BS);
    expect(here.map((b) => b.blockNo)).toEqual([1, 4]);
    expect(out.bad).toEqual(here.map((b) => ({ ...b, lsn: String(b.lsn) })));
  });
});
