import {
  parseWalPageHeader,
  pgMajorOfWalMagic,
  WAL_PAGE_MAGIC,
  walPageHeaderProblem,
  XLOG_BLCKSZ,
  XLP_BKP_REMOVABLE,
  XLP_FIRST_IS_CONTRECORD,
  XLP_LONG_HEADER,
} from '../../../src/engine/wal/wal-page';
import { fact, factLsn, loadExpected15, loadExpected18, loadSegments, SEG_SIZE } from './wal-fixtures';

const segments15 = loadSegments('pg15');
const segments18 = loadSegments('pg18');
const expected15 = loadExpected15();
const expected18 = loadExpected18();

describe('WAL page magic', () => {
  it('maps each supported major version to the magic its servers write', () => {
    // Verified on segments written by initdb of each version (see capture.sh notes).
    expect(WAL_PAGE_MAGIC).toEqual({ 15: 0xd110, 16: 0xd113, 17: 0xd116, 18: 0xd118 });
    expect(pgMajorOfWalMagic(0xd116)).toBe(17);
    expect(pgMajorOfWalMagic(0xd10d)).toBeNull(); // 14
    expect(segments15.get('000000010000000000000007')!.readUInt16LE(0)).toBe(WAL_PAGE_MAGIC[15]);
    expect(segments18.get('000000010000000000000009')!.readUInt16LE(0)).toBe(WAL_PAGE_MAGIC[18]);
  });
});

describe('parseWalPageHeader', () => {
  it('reads the long header of a segment first page (15 and 18)', () => {
    const h15 = parseWalPageHeader(segments15.get('000000010000000000000007')!);
    expect(h15).toEqual({
      magic: 0xd110,
      pgMajor: 15,
      info: XLP_LONG_HEADER | XLP_BKP_REMOVABLE,
      tli: 1,
      pageAddr: 7n * BigInt(SEG_SIZE),
      remLen: 0,
      isLong: true,
      headerSize: 40,
      firstIsContRecord: false,
      systemIdentifier: BigInt(fact(expected15.facts, 'start', 'systemIdentifier')),
      segSize: SEG_SIZE,
      walBlockSize: XLOG_BLCKSZ,
    });
    const h18 = parseWalPageHeader(segments18.get('000000010000000000000009')!);
    expect([h18.pgMajor, h18.systemIdentifier, h18.pageAddr]).toEqual([
      18,
      BigInt(fact(expected18.facts, 'start', 'systemIdentifier')),
      9n * BigInt(SEG_SIZE),
    ]);
  });

  it('reads a short header and the continuation of a record from the previous segment', () => {
    const seg7 = segments15.get('000000010000000000000007')!;
    const second = parseWalPageHeader(seg7, XLOG_BLCKSZ);
    expect([second.isLong, second.headerSize, second.pageAddr, second.systemIdentifier]).toEqual([
      false,
      24,
      7n * BigInt(SEG_SIZE) + BigInt(XLOG_BLCKSZ),
      null,
    ]);
    // Segment 8 opens with the rest of the 30059-byte 'cross' message that began in 7.
    const seg8 = parseWalPageHeader(segments15.get('000000010000000000000008')!);
    expect(seg8.firstIsContRecord).toBe(true);
    expect(seg8.info & XLP_FIRST_IS_CONTRECORD).toBe(XLP_FIRST_IS_CONTRECORD);
    const crossStart = factLsn(expected15.facts, 'crossbefore');
    const segEnd = 8n * BigInt(SEG_SIZE);
    const pageHeadersCrossed = (segEnd - 1n) / 8192n - crossStart / 8192n;
    const bytesInSeg7 = Number(segEnd - crossStart - 24n * pageHeadersCrossed);
    expect(seg8.remLen).toBe(30059 - bytesInSeg7);
    // The rest fills the 8152 bytes after the long header and goes on over more pages.
    const seg8page2 = parseWalPageHeader(segments15.get('000000010000000000000008')!, XLOG_BLCKSZ);
    expect(seg8page2.remLen).toBe(seg8.remLen - (XLOG_BLCKSZ - 40));
  });

  it('refuses bytes too short for a header', () => {
    expect(() => parseWalPageHeader(Buffer.alloc(10))).toThrow(/needs 24 bytes/);
  });
});

describe('walPageHeaderProblem', () => {
  const seg7 = segments15.get('000000010000000000000007')!;
  const first = parseWalPageHeader(seg7);
  const page7 = 7n * BigInt(SEG_SIZE);
  const sysid = first.systemIdentifier!;

  it('accepts a real header where it belongs', () => {
    expect(walPageHeaderProblem(first, { pageAddr: page7, segSize: SEG_SIZE, magic: 0xd110, systemIdentifier: sysid })).toBeNull();
    expect(walPageHeaderProblem(parseWalPageHeader(seg7, XLOG_BLCKSZ), { pageAddr: page7 + 8192n, segSize: SEG_SIZE })).toBeNull();
  });

  it('names what is wrong, in xlogreader.c words', () => {
    const zero = parseWalPageHeader(Buffer.alloc(XLOG_BLCKSZ));
    expect(walPageHeaderProblem(zero, { pageAddr: page7, segSize: SEG_SIZE })).toBe(
      'invalid magic number 0000 (expected one of PostgreSQL 15-18)',
    );
    expect(walPageHeaderProblem(first, { pageAddr: page7, segSize: SEG_SIZE, magic: 0xd118 })).toBe(
      'invalid magic number D110 (expected D118)',
    );
    expect(walPageHeaderProblem(first, { pageAddr: page7 + 8192n * 4n, segSize: SEG_SIZE })).toBe(
      'unexpected pageaddr 0/700000 (expected 0/708000)',
    );
    expect(walPageHeaderProblem(first, { pageAddr: page7, segSize: SEG_SIZE, systemIdentifier: sysid + 1n })).toMatch(
      /^WAL file is from a different database system/,
    );
    expect(walPageHeaderProblem(first, { pageAddr: page7, segSize: 2 * SEG_SIZE })).toBe(
      `WAL file has segment size ${SEG_SIZE} in its page header, expected ${2 * SEG_SIZE}`,
    );
    const short = parseWalPageHeader(seg7, XLOG_BLCKSZ);
    expect(walPageHeaderProblem({ ...short, pageAddr: page7 }, { pageAddr: page7, segSize: SEG_SIZE })).toMatch(
      /no long header on the first page/,
    );
    expect(walPageHeaderProblem({ ...short, info: short.info | 0x10 }, { pageAddr: page7 + 8192n, segSize: SEG_SIZE })).toBe(
      'invalid info bits 0015',
    );
  });
});
