import { readFileSync } from 'fs';
import { join } from 'path';
import { findBadPages, pageChecksum, verifyPage } from '../../../src/engine/checksums/page-checksum';

/** Pages PostgreSQL 18 wrote with data checksums on (scripts/capture-page-fixtures.ts; README there). */
const FIXTURES = join(__dirname, '../../fixtures/pages');
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'pages.json'), 'utf8')) as {
  block_size: number;
  pages: Array<{ file: string; blockNo: number; what: string }>;
};
const BS = manifest.block_size;
const fixture = (file: string): Buffer => readFileSync(join(FIXTURES, file));
const written = manifest.pages.filter((p) => p.file !== 'zero-new-page.bin');

/** pd_lsn as PostgreSQL lays it out on little-endian machines: xlogid, then xrecoff. */
const lsnOf = (page: Buffer, offset = 0) => (BigInt(page.readUInt32LE(offset)) << 32n) | BigInt(page.readUInt32LE(offset + 4));

describe('pageChecksum against pages PostgreSQL wrote', () => {
  test.each(written.map((p) => [p.file, p.blockNo, p.what] as const))('%s (block %d, %s)', (file, blockNo) => {
    const page = fixture(file);
    expect(pageChecksum(page, 0, blockNo, BS)).toBe(page.readUInt16LE(8));
    expect(verifyPage(page, 0, blockNo, BS)).toEqual({ ok: true });
  });

  test('the fixtures cover pages with and without pd_flags, and blocks > 0', () => {
    expect(written.some((p) => fixture(p.file).readUInt16LE(10) !== 0)).toBe(true);
    expect(written.some((p) => fixture(p.file).readUInt16LE(10) === 0)).toBe(true);
    expect(written.some((p) => p.blockNo > 0)).toBe(true);
  });

  test('the stored pd_checksum takes no part in the checksum', () => {
    const page = fixture('heap-block5.bin');
    const expected = page.readUInt16LE(8);
    for (const junk of [0, 1, 0xffff, expected ^ 0x5555]) {
      page.writeUInt16LE(junk, 8);
      expect(pageChecksum(page, 0, 5, BS)).toBe(expected);
    }
  });

  test('every other byte does, and so does the block number', () => {
    const page = fixture('btree-leaf-block1.bin');
    const good = pageChecksum(page, 0, 1, BS);
    expect(pageChecksum(page, 0, 2, BS)).not.toBe(good);
    for (const at of [0, 7, 10, 11, 100, 4096, BS - 1]) {
      const copy = Buffer.from(page);
      copy[at] ^= 0x01;
      expect(pageChecksum(copy, 0, 1, BS)).not.toBe(good);
    }
  });
});

describe('verifyPage', () => {
  test('a flipped byte in the body is a checksum failure, with the stored and computed values and pd_lsn', () => {
    const page = fixture('heap-block0.bin');
    page[5000] ^= 0x20;
    const v = verifyPage(page, 0, 0, BS);
    expect(v).toEqual({ ok: false, reason: 'checksum', stored: page.readUInt16LE(8), computed: pageChecksum(page, 0, 0, BS), lsn: lsnOf(page) });
    if (!v.ok) expect(v.lsn).toBeGreaterThan(0n);
  });

  test('the right bytes under the wrong block number are a checksum failure', () => {
    const page = fixture('heap-block5.bin');
    const v = verifyPage(page, 0, 6, BS);
    expect(v).toMatchObject({ ok: false, reason: 'checksum', stored: page.readUInt16LE(8), computed: pageChecksum(page, 0, 6, BS) });
  });

  test('block numbers count across segment files: block 131072 is the first page of segment 1', () => {
    const page = fixture('heap-block5.bin');
    // A page at block 5 of a segment other than the first is a different block of the relation.
    expect(verifyPage(page, 0, 131072 + 5, BS).ok).toBe(false);
    expect(verifyPage(page, 0, 5, BS).ok).toBe(true);
  });

  test('an all-zero page is valid at any block number', () => {
    expect(fixture('zero-new-page.bin').every((b) => b === 0)).toBe(true);
    expect(verifyPage(fixture('zero-new-page.bin'), 0, 148, BS)).toEqual({ ok: true });
    expect(verifyPage(Buffer.alloc(BS), 0, 0xfffffffe, BS)).toEqual({ ok: true });
  });

  test('a page with pd_upper = 0 and any nonzero byte is rejected without a checksum to match', () => {
    const zero = fixture('zero-new-page.bin');
    zero[BS - 1] = 1;
    expect(verifyPage(zero, 0, 148, BS)).toMatchObject({ ok: false, reason: 'nonzero-new-page', stored: 0, lsn: 0n });

    const heap = fixture('heap-block0.bin');
    heap.writeUInt16LE(0, 14);
    expect(verifyPage(heap, 0, 0, BS)).toMatchObject({ ok: false, reason: 'nonzero-new-page', lsn: lsnOf(heap) });
  });

  test.each([
    ['an unknown pd_flags bit', 10, 0x0008],
    ['pd_lower above pd_upper', 12, 8000],
    ['pd_special past the page', 16, BS + 8],
    ['pd_special not MAXALIGNed', 16, BS - 4],
  ] as const)('%s is a header failure even when the checksum matches', (_what, at, value) => {
    const page = fixture('heap-block0.bin');
    page.writeUInt16LE(value, at);
    // Reseal, as a server bug would: the checksum is then right for the bad header.
    page.writeUInt16LE(pageChecksum(page, 0, 0, BS), 8);
    expect(verifyPage(page, 0, 0, BS)).toMatchObject({ ok: false, reason: 'header' });
  });

  test('a bad header with a bad checksum is reported as a checksum failure', () => {
    const page = fixture('heap-block0.bin');
    page.writeUInt16LE(0x0100, 10);
    expect(verifyPage(page, 0, 0, BS)).toMatchObject({ ok: false, reason: 'checksum' });
  });

  test('rejects block sizes PostgreSQL cannot have, pages past the end and impossible block numbers', () => {
    const page = fixture('heap-block0.bin');
    expect(() => verifyPage(page, 0, 0, 1000)).toThrow(/power of two/);
    expect(() => pageChecksum(page, 1, 0, BS)).toThrow(/no whole 8192-byte page at offset 1/);
    expect(() => pageChecksum(page, 0, -1, BS)).toThrow(/block number/);
    expect(() => pageChecksum(page, 0, 0xffffffff, BS)).toThrow(/block number/);
  });
});

describe('findBadPages', () => {
  /** Blocks 0-5 of page_fixture as a copier would hold them: heap 0, four never-written pages, heap 5. */
  function run(): Buffer {
    const zero = Buffer.alloc(BS);
    return Buffer.concat([fixture('heap-block0.bin'), zero, zero, zero, zero, fixture('heap-block5.bin')]);
  }

  test('a clean run has no bad pages', () => {
    expect(findBadPages(run(), 0, BS)).toEqual([]);
  });

  test('finds exactly the corrupted blocks, in order, and ignores a trailing partial page', () => {
    const buf = Buffer.concat([run(), Buffer.alloc(BS / 2, 0xee)]);
    buf[5 * BS + 3000] ^= 0xff;
    buf[2 * BS + 100] = 7;
    const bad = findBadPages(buf, 0, BS);
    expect(bad.map((b) => [b.blockNo, b.reason])).toEqual([
      [2, 'nonzero-new-page'],
      [5, 'checksum'],
    ]);
    expect(bad[1]).toEqual({ blockNo: 5, reason: 'checksum', stored: buf.readUInt16LE(5 * BS + 8), computed: pageChecksum(buf, 5 * BS, 5, BS), lsn: lsnOf(buf, 5 * BS) });
  });

  test('the first block number shifts every page: the same bytes as blocks 1-6 are all bad but the zeros', () => {
    expect(findBadPages(run(), 1, BS).map((b) => b.blockNo)).toEqual([1, 6]);
  });

  test('fewer bytes than a page: nothing to check', () => {
    expect(findBadPages(Buffer.alloc(BS - 1, 1), 0, BS)).toEqual([]);
    expect(findBadPages(Buffer.alloc(0), 0, BS)).toEqual([]);
  });

  test('a buffer that does not start on a 4-byte boundary gives the same answers', () => {
    const aligned = run();
    aligned[5 * BS + 3000] ^= 0xff;
    for (const shift of [1, 2, 3]) {
      const backing = Buffer.alloc(aligned.length + shift);
      aligned.copy(backing, shift);
      const misaligned = backing.subarray(shift);
      expect(misaligned.byteOffset % 4).not.toBe(0);
      expect(findBadPages(misaligned, 0, BS)).toEqual(findBadPages(aligned, 0, BS));
      expect(pageChecksum(backing, shift, 0, BS)).toBe(aligned.readUInt16LE(8));
      expect(verifyPage(backing, shift + 5 * BS, 5, BS)).toMatchObject({ ok: false, reason: 'checksum' });
      expect(verifyPage(backing, shift, 0, BS)).toEqual({ ok: true });
    }
  });
});
