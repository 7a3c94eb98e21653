// Not instrumented for coverage: the counters would end up in the workers' copy of this code (see below), where they are undefined.
/* istanbul ignore file */
/**
 * PostgreSQL data page checksums (pg_checksum_page in checksum_impl.h) and the check a server
 * makes on every page it reads (PageIsVerified in bufpage.c), over pages held in `Buffer`s.
 *
 * The block number that goes into a checksum is the page's number within its RELATION FORK, not
 * within the file: a page at byte `off` of segment file `<relfilenode>.<segmentNo>` is block
 * `segmentNo * relsegSize + off / blockSize` (relsegSize is 131072 blocks for the default 1 GB
 * segments of 8 kB pages). A page checked under the wrong number fails, by design: that is how
 * PostgreSQL catches pages written to the wrong place.
 *
 * Pages are read as native 32-bit words, as PostgreSQL does, so this matches clusters written on
 * little-endian machines running a little-endian Node (x86-64, arm64): the platforms we support.
 *
 * findBadPages, which checks every copied page, computes the checksums with a WebAssembly SIMD
 * kernel (page-checksum.wat) where the engine has one, and with checksumWords otherwise; the page
 * rules (findPageProblem) are the same JavaScript either way. Single pages stay in JavaScript.
 *
 * Every function here is self-contained (no module-level constants, no imports, no nested
 * functions): page-validator.ts runs them in worker threads from their source text, because the
 * bundled app has no worker script on disk. Keep it that way when editing. The one link to the
 * outside, the wasm loader, is a property of pageChecksumKernel that pageChecksumSource() sets
 * for the workers and the end of this file sets here.
 */
import { instantiatePageChecksumWasm, PAGE_CHECKSUM_WASM_BASE64, PageChecksumWasm } from './page-checksum-wasm';

/** Why a page failed verification. */
export type PageProblem =
  /** pd_checksum differs from the checksum of the page's bytes at its block number. */
  | 'checksum'
  /** The checksum matches, but pd_flags/pd_lower/pd_upper/pd_special are impossible. */
  | 'header'
  /** pd_upper is 0 (an unwritten page) yet some byte is not zero. */
  | 'nonzero-new-page';

export type PageVerdict =
  | { ok: true }
  | { ok: false; reason: PageProblem; stored: number; computed: number; lsn: bigint };

export interface BadPage {
  /** Block number within the relation fork (see the top of this file). */
  blockNo: number;
  reason: PageProblem;
  /** pd_checksum as found on the page. */
  stored: number;
  /** What pg_checksum_page gives for these bytes at `blockNo`. */
  computed: number;
  /** pd_lsn: the WAL position just past the record of the page's last change, as the page says. */
  lsn: bigint;
}

/**
 * pg_checksum_page for the `blockSize` bytes at `buf[offset]`, as the uint16 PostgreSQL stores in
 * pd_checksum (1..65535; the stored pd_checksum itself counts as zero). `blockNo` is the block
 * number within the relation, across 1 GB segment files.
 */
export function pageChecksum(buf: Buffer, offset: number, blockNo: number, blockSize: number): number {
  checkPageArgs(buf, offset, blockNo, blockSize);
  const start = buf.byteOffset + offset;
  if ((start & 3) === 0) return checksumWords(new Int32Array(buf.buffer, start, blockSize >>> 2), 0, blockNo, blockSize);
  // Typed-array views must be aligned; a misaligned page is rare enough to pay for one copy.
  const copy = new Int32Array(blockSize >>> 2);
  new Uint8Array(copy.buffer).set(buf.subarray(offset, offset + blockSize));
  return checksumWords(copy, 0, blockNo, blockSize);
}

/**
 * PageIsVerified: would PostgreSQL accept the page at `buf[offset]` as block `blockNo`? An
 * unwritten page (pd_upper == 0) is fine when it is all zeros; any other page needs a sane header
 * and a matching checksum. Only meaningful for clusters with data checksums enabled.
 */
export function verifyPage(buf: Buffer, offset: number, blockNo: number, blockSize: number): PageVerdict {
  checkPageArgs(buf, offset, blockNo, blockSize);
  const start = buf.byteOffset + offset;
  let bad: BadPage | null;
  if ((start & 3) === 0) {
    bad = findPageProblem(buf, offset, new Int32Array(buf.buffer, start, blockSize >>> 2), 0, blockNo, blockSize, -1, -1);
  } else {
    const copy = new Int32Array(blockSize >>> 2);
    new Uint8Array(copy.buffer).set(buf.subarray(offset, offset + blockSize));
    bad = findPageProblem(buf, offset, copy, 0, blockNo, blockSize, -1, -1);
  }
  if (bad === null) return { ok: true };
  return { ok: false, reason: bad.reason, stored: bad.stored, computed: bad.computed, lsn: bad.lsn };
}

/**
 * Every page of `buf` (consecutive whole pages, the first being block `firstBlockNo`) that
 * verifyPage rejects, in block order. A trailing partial page is ignored.
 */
export function findBadPages(buf: Buffer, firstBlockNo: number, blockSize: number): BadPage[] {
  checkBlockSize(blockSize);
  const pages = Math.floor(buf.length / blockSize);
  if (!Number.isInteger(firstBlockNo) || firstBlockNo < 0 || firstBlockNo + pages - 1 > 0xfffffffe) {
    throw new RangeError(`${pages} pages from block ${firstBlockNo} are not all valid block numbers (0 to 4294967294)`);
  }
  const bad: BadPage[] = [];
  if (pages === 0) return bad;
  const kernel = pageChecksumKernel();
  if (kernel !== null) {
    findBadPagesWasm(kernel, buf, pages, firstBlockNo, blockSize, bad);
    return bad;
  }
  const wordsPerPage = blockSize >>> 2;
  let words: Int32Array;
  if ((buf.byteOffset & 3) === 0) {
    words = new Int32Array(buf.buffer, buf.byteOffset, pages * wordsPerPage);
  } else {
    // One aligned copy for the whole run rather than one per page.
    words = new Int32Array(pages * wordsPerPage);
    new Uint8Array(words.buffer).set(buf.subarray(0, pages * blockSize));
  }
  for (let p = 0; p < pages; p++) {
    const problem = findPageProblem(buf, p * blockSize, words, p * wordsPerPage, firstBlockNo + p, blockSize, -1, -1);
    if (problem !== null) bad.push(problem);
  }
  return bad;
}

/** Which code computes the checksums in findBadPages in this thread. */
export function findBadPagesImplementation(): 'wasm-simd' | 'js' {
  return pageChecksumKernel() === null ? 'js' : 'wasm-simd';
}

/**
 * The source text of this module's functions, for a worker started with `eval: true`; it defines
 * findBadPages, verifyPage and pageChecksum under their own names (`fn.name`). With `wasm: false`
 * its findBadPages never tries the wasm kernel, as on an engine without WebAssembly SIMD.
 */
export function pageChecksumSource(opts: { wasm?: boolean } = {}): string {
  const functions = [
    pageChecksum,
    verifyPage,
    findBadPages,
    findBadPagesImplementation,
    findBadPagesWasm,
    findPageProblem,
    checksumWords,
    pageChecksumKernel,
    checkPageArgs,
    checkBlockSize,
    instantiatePageChecksumWasm,
  ];
  const load = opts.wasm === false ? 'null' : `${instantiatePageChecksumWasm.name}(${JSON.stringify(PAGE_CHECKSUM_WASM_BASE64)})`;
  return [...functions.map((fn) => fn.toString()), `${pageChecksumKernel.name}.load = () => ${load};`].join('\n\n');
}

/**
 * This thread's wasm kernel, instantiated on first use by `pageChecksumKernel.load`; null when
 * that gives none (no WebAssembly SIMD here), and then callers use checksumWords.
 */
function pageChecksumKernel(): PageChecksumWasm | null {
  if (pageChecksumKernel.kernel === undefined) pageChecksumKernel.kernel = pageChecksumKernel.load();
  return pageChecksumKernel.kernel;
}

/**
 * findBadPages with the checksums from the wasm kernel. Pages are copied into its memory a chunk
 * at a time, small enough to still be in the CPU cache when the kernel reads them; findPageProblem
 * then judges each page with what the kernel found.
 */
function findBadPagesWasm(kernel: PageChecksumWasm, buf: Buffer, pages: number, firstBlockNo: number, blockSize: number, bad: BadPage[]): void {
  // 64 kB (2 pages of the largest block size): as fast as any larger chunk in our measurements,
  // and small enough for any CPU's L2 cache.
  const chunkPages = Math.floor(65536 / blockSize);
  const chunkBytes = chunkPages * blockSize;
  // Memory layout: the pages from 0, a uint32 per page after them. Growing detaches the old
  // memory.buffer, so the views are made after it.
  const needed = chunkBytes + 4 * chunkPages;
  const have = kernel.memory.buffer.byteLength;
  if (have < needed) kernel.memory.grow(Math.ceil((needed - have) / 65536));
  const memory = kernel.memory.buffer;
  const bytes = new Uint8Array(memory, 0, chunkBytes);
  const words = new Int32Array(memory, 0, chunkBytes >>> 2);
  const found = new Uint32Array(memory, chunkBytes, chunkPages);
  const wordsPerPage = blockSize >>> 2;
  for (let first = 0; first < pages; first += chunkPages) {
    const n = Math.min(chunkPages, pages - first);
    bytes.set(buf.subarray(first * blockSize, (first + n) * blockSize));
    // Block numbers above 2^31 - 1 reach the kernel as negative i32s: the same 32 bits.
    kernel.checksumPages(0, n, firstBlockNo + first, blockSize, chunkBytes);
    for (let p = 0; p < n; p++) {
      // Bits 0-15: the checksum; bit 16: the page has a nonzero byte.
      const result = found[p];
      const problem = findPageProblem(buf, (first + p) * blockSize, words, p * wordsPerPage, firstBlockNo + first + p, blockSize, result & 0xffff, result >>> 16);
      if (problem !== null) bad.push(problem);
    }
  }
}

/**
 * The verdict for the page whose bytes are `buf[offset..]` and whose 32-bit words start at
 * `words[wordIndex]` (the same bytes, aligned); null when PostgreSQL would accept it.
 * What the caller knows already saves work: `knownChecksum` is the page's checksum, and
 * `knownNonzero` 1 if some byte of the page is not zero, 0 if all are; -1 for either when unknown.
 */
function findPageProblem(
  buf: Buffer,
  offset: number,
  words: Int32Array,
  wordIndex: number,
  blockNo: number,
  blockSize: number,
  knownChecksum: number,
  knownNonzero: number,
): BadPage | null {
  // PageHeaderData (bufpage.h): pd_lsn 0, pd_checksum 8, pd_flags 10, pd_lower 12, pd_upper 14,
  // pd_special 16. Read from the aligned words (on little-endian machines the first field of a
  // word is its low half): cheaper than Buffer's checked reads, and this runs for every page.
  const w2 = words[wordIndex + 2];
  const w3 = words[wordIndex + 3];
  const stored = w2 & 0xffff;
  const upper = w3 >>> 16;
  let reason: PageProblem;
  let computed: number;
  if (upper === 0) {
    // PageIsNew: a relation extension reserved the page but nothing was written into it yet.
    if (knownNonzero === 0) return null;
    if (knownNonzero < 0) {
      const end = wordIndex + (blockSize >>> 2);
      let i = wordIndex;
      while (i < end && words[i] === 0) i++;
      if (i === end) return null;
    }
    reason = 'nonzero-new-page';
    // PostgreSQL computes no checksum for such a page; ours is only there to help a diagnosis.
    computed = knownChecksum >= 0 ? knownChecksum : checksumWords(words, wordIndex, blockNo, blockSize);
  } else {
    computed = knownChecksum >= 0 ? knownChecksum : checksumWords(words, wordIndex, blockNo, blockSize);
    const flags = w2 >>> 16;
    const lower = w3 & 0xffff;
    const special = words[wordIndex + 4] & 0xffff;
    // PD_VALID_FLAG_BITS is 0x0007; MAXALIGN is 8 on every 64-bit platform.
    const headerSane = (flags & ~0x0007) === 0 && lower <= upper && upper <= special && special <= blockSize && (special & 7) === 0;
    if (computed === stored && headerSane) return null;
    // A bad checksum says the bytes changed after PostgreSQL wrote them; only a good one makes
    // an impossible header worth reporting on its own.
    reason = computed !== stored ? 'checksum' : 'header';
  }
  return {
    blockNo,
    reason,
    stored,
    computed,
    lsn: (BigInt(buf.readUInt32LE(offset)) << 32n) | BigInt(buf.readUInt32LE(offset + 4)),
  };
}

/**
 * pg_checksum_block plus the block-number mix and reduction of pg_checksum_page, over the page
 * whose words start at `words[first]`. The 32 lanes are 32 locals rather than an array: V8 keeps
 * them in registers or on the stack, with no allocation and no bounds checks on the sums.
 */
function checksumWords(words: Int32Array, first: number, blockNo: number, blockSize: number): number {
  const FNV_PRIME = 16777619;
  let s0 = 0x5B1F36E9 | 0, s1 = 0xB8525960 | 0, s2 = 0x02AB50AA | 0, s3 = 0x1DE66D2A | 0;
  let s4 = 0x79FF467A | 0, s5 = 0x9BB9F8A3 | 0, s6 = 0x217E7CD2 | 0, s7 = 0x83E13D2C | 0;
  let s8 = 0xF8D4474F | 0, s9 = 0xE39EB970 | 0, s10 = 0x42C6AE16 | 0, s11 = 0x993216FA | 0;
  let s12 = 0x7B093B5D | 0, s13 = 0x98DAFF3C | 0, s14 = 0xF718902A | 0, s15 = 0x0B1C9CDB | 0;
  let s16 = 0xE58F764B | 0, s17 = 0x187636BC | 0, s18 = 0x5D7B3BB1 | 0, s19 = 0xE73DE7DE | 0;
  let s20 = 0x92BEC979 | 0, s21 = 0xCCA6C0B2 | 0, s22 = 0x304A0979 | 0, s23 = 0x85AA43D4 | 0;
  let s24 = 0x783125BB | 0, s25 = 0x6CA8EAA2 | 0, s26 = 0xE407EAC6 | 0, s27 = 0x4B5CFC3E | 0;
  let s28 = 0x9FBF8C76 | 0, s29 = 0x15CA20BE | 0, s30 = 0xF2CA9FD3 | 0, s31 = 0x959BD756 | 0;
  const end = first + (blockSize >>> 2);
  let t: number;
  for (let i = first; i < end; i += 32) {
    // pd_checksum is the low half of the page's third word (little-endian) and counts as zero.
    const mask2 = i === first ? 0xffff0000 | 0 : -1;
    t = s0 ^ words[i]; s0 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s1 ^ words[i + 1]; s1 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s2 ^ (words[i + 2] & mask2); s2 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s3 ^ words[i + 3]; s3 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s4 ^ words[i + 4]; s4 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s5 ^ words[i + 5]; s5 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s6 ^ words[i + 6]; s6 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s7 ^ words[i + 7]; s7 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s8 ^ words[i + 8]; s8 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s9 ^ words[i + 9]; s9 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s10 ^ words[i + 10]; s10 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s11 ^ words[i + 11]; s11 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s12 ^ words[i + 12]; s12 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s13 ^ words[i + 13]; s13 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s14 ^ words[i + 14]; s14 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s15 ^ words[i + 15]; s15 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s16 ^ words[i + 16]; s16 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s17 ^ words[i + 17]; s17 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s18 ^ words[i + 18]; s18 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s19 ^ words[i + 19]; s19 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s20 ^ words[i + 20]; s20 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s21 ^ words[i + 21]; s21 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s22 ^ words[i + 22]; s22 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s23 ^ words[i + 23]; s23 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s24 ^ words[i + 24]; s24 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s25 ^ words[i + 25]; s25 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s26 ^ words[i + 26]; s26 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s27 ^ words[i + 27]; s27 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s28 ^ words[i + 28]; s28 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s29 ^ words[i + 29]; s29 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s30 ^ words[i + 30]; s30 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    t = s31 ^ words[i + 31]; s31 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
  }
  // Two rounds of zeros, so the last words mix into every bit.
  s0 = Math.imul(s0, FNV_PRIME) ^ (s0 >>> 17); s0 = Math.imul(s0, FNV_PRIME) ^ (s0 >>> 17);
  s1 = Math.imul(s1, FNV_PRIME) ^ (s1 >>> 17); s1 = Math.imul(s1, FNV_PRIME) ^ (s1 >>> 17);
  s2 = Math.imul(s2, FNV_PRIME) ^ (s2 >>> 17); s2 = Math.imul(s2, FNV_PRIME) ^ (s2 >>> 17);
  s3 = Math.imul(s3, FNV_PRIME) ^ (s3 >>> 17); s3 = Math.imul(s3, FNV_PRIME) ^ (s3 >>> 17);
  s4 = Math.imul(s4, FNV_PRIME) ^ (s4 >>> 17); s4 = Math.imul(s4, FNV_PRIME) ^ (s4 >>> 17);
  s5 = Math.imul(s5, FNV_PRIME) ^ (s5 >>> 17); s5 = Math.imul(s5, FNV_PRIME) ^ (s5 >>> 17);
  s6 = Math.imul(s6, FNV_PRIME) ^ (s6 >>> 17); s6 = Math.imul(s6, FNV_PRIME) ^ (s6 >>> 17);
  s7 = Math.imul(s7, FNV_PRIME) ^ (s7 >>> 17); s7 = Math.imul(s7, FNV_PRIME) ^ (s7 >>> 17);
  s8 = Math.imul(s8, FNV_PRIME) ^ (s8 >>> 17); s8 = Math.imul(s8, FNV_PRIME) ^ (s8 >>> 17);
  s9 = Math.imul(s9, FNV_PRIME) ^ (s9 >>> 17); s9 = Math.imul(s9, FNV_PRIME) ^ (s9 >>> 17);
  s10 = Math.imul(s10, FNV_PRIME) ^ (s10 >>> 17); s10 = Math.imul(s10, FNV_PRIME) ^ (s10 >>> 17);
  s11 = Math.imul(s11, FNV_PRIME) ^ (s11 >>> 17); s11 = Math.imul(s11, FNV_PRIME) ^ (s11 >>> 17);
  s12 = Math.imul(s12, FNV_PRIME) ^ (s12 >>> 17); s12 = Math.imul(s12, FNV_PRIME) ^ (s12 >>> 17);
  s13 = Math.imul(s13, FNV_PRIME) ^ (s13 >>> 17); s13 = Math.imul(s13, FNV_PRIME) ^ (s13 >>> 17);
  s14 = Math.imul(s14, FNV_PRIME) ^ (s14 >>> 17); s14 = Math.imul(s14, FNV_PRIME) ^ (s14 >>> 17);
  s15 = Math.imul(s15, FNV_PRIME) ^ (s15 >>> 17); s15 = Math.imul(s15, FNV_PRIME) ^ (s15 >>> 17);
  s16 = Math.imul(s16, FNV_PRIME) ^ (s16 >>> 17); s16 = Math.imul(s16, FNV_PRIME) ^ (s16 >>> 17);
  s17 = Math.imul(s17, FNV_PRIME) ^ (s17 >>> 17); s17 = Math.imul(s17, FNV_PRIME) ^ (s17 >>> 17);
  s18 = Math.imul(s18, FNV_PRIME) ^ (s18 >>> 17); s18 = Math.imul(s18, FNV_PRIME) ^ (s18 >>> 17);
  s19 = Math.imul(s19, FNV_PRIME) ^ (s19 >>> 17); s19 = Math.imul(s19, FNV_PRIME) ^ (s19 >>> 17);
  s20 = Math.imul(s20, FNV_PRIME) ^ (s20 >>> 17); s20 = Math.imul(s20, FNV_PRIME) ^ (s20 >>> 17);
  s21 = Math.imul(s21, FNV_PRIME) ^ (s21 >>> 17); s21 = Math.imul(s21, FNV_PRIME) ^ (s21 >>> 17);
  s22 = Math.imul(s22, FNV_PRIME) ^ (s22 >>> 17); s22 = Math.imul(s22, FNV_PRIME) ^ (s22 >>> 17);
  s23 = Math.imul(s23, FNV_PRIME) ^ (s23 >>> 17); s23 = Math.imul(s23, FNV_PRIME) ^ (s23 >>> 17);
  s24 = Math.imul(s24, FNV_PRIME) ^ (s24 >>> 17); s24 = Math.imul(s24, FNV_PRIME) ^ (s24 >>> 17);
  s25 = Math.imul(s25, FNV_PRIME) ^ (s25 >>> 17); s25 = Math.imul(s25, FNV_PRIME) ^ (s25 >>> 17);
  s26 = Math.imul(s26, FNV_PRIME) ^ (s26 >>> 17); s26 = Math.imul(s26, FNV_PRIME) ^ (s26 >>> 17);
  s27 = Math.imul(s27, FNV_PRIME) ^ (s27 >>> 17); s27 = Math.imul(s27, FNV_PRIME) ^ (s27 >>> 17);
  s28 = Math.imul(s28, FNV_PRIME) ^ (s28 >>> 17); s28 = Math.imul(s28, FNV_PRIME) ^ (s28 >>> 17);
  s29 = Math.imul(s29, FNV_PRIME) ^ (s29 >>> 17); s29 = Math.imul(s29, FNV_PRIME) ^ (s29 >>> 17);
  s30 = Math.imul(s30, FNV_PRIME) ^ (s30 >>> 17); s30 = Math.imul(s30, FNV_PRIME) ^ (s30 >>> 17);
  s31 = Math.imul(s31, FNV_PRIME) ^ (s31 >>> 17); s31 = Math.imul(s31, FNV_PRIME) ^ (s31 >>> 17);
  const sum =
    (s0 ^ s1 ^ s2 ^ s3 ^ s4 ^ s5 ^ s6 ^ s7 ^
    s8 ^ s9 ^ s10 ^ s11 ^ s12 ^ s13 ^ s14 ^ s15 ^
    s16 ^ s17 ^ s18 ^ s19 ^ s20 ^ s21 ^ s22 ^ s23 ^
    s24 ^ s25 ^ s26 ^ s27 ^ s28 ^ s29 ^ s30 ^ s31 ^
      blockNo) >>> 0;
  // Reduced to 1..65535 so that a checksummed page never stores 0.
  return (sum % 65535) + 1;
}

function checkPageArgs(buf: Buffer, offset: number, blockNo: number, blockSize: number): void {
  checkBlockSize(blockSize);
  if (!Number.isInteger(offset) || offset < 0 || offset + blockSize > buf.length) {
    throw new RangeError(`no whole ${blockSize}-byte page at offset ${offset} of a ${buf.length}-byte buffer`);
  }
  if (!Number.isInteger(blockNo) || blockNo < 0 || blockNo > 0xfffffffe) {
    throw new RangeError(`block number must be an integer from 0 to 4294967294, not ${blockNo}`);
  }
}

function checkBlockSize(blockSize: number): void {
  // BLCKSZ is a power of two from 1 kB to 32 kB (configure --with-blocksize); the algorithm needs whole rows of 32 words.
  if (!(blockSize >= 1024 && blockSize <= 32768 && (blockSize & (blockSize - 1)) === 0)) {
    throw new RangeError(`block size must be a power of two from 1024 to 32768 bytes, not ${blockSize}`);
  }
}

// The wiring of pageChecksumKernel in this thread; workers get theirs from pageChecksumSource().
pageChecksumKernel.kernel = undefined as PageChecksumWasm | null | undefined;
pageChecksumKernel.load = (): PageChecksumWasm | null => instantiatePageChecksumWasm(PAGE_CHECKSUM_WASM_BASE64);
