import {
  BKPBLOCK_HAS_DATA,
  BKPBLOCK_HAS_IMAGE,
  BKPBLOCK_SAME_REL,
  BKPBLOCK_WILL_INIT,
  BKPIMAGE_APPLY,
  BKPIMAGE_COMPRESS_LZ4,
  BKPIMAGE_HAS_HOLE,
  computeWalRecordCrc,
  decodeWalRecordBody,
  walRecordCrcMatches,
} from '../../../src/engine/wal/wal-record';
import { decodeCheckPoint } from '../../../src/engine/wal/checkpoint';
import { parseWalRecordHeader, WalRecordFormatError } from '../../../src/engine/wal/record-header';
import { formatTimestampTz, timestampTzToDate } from '../../../src/engine/wal/timestamp-tz';
import { isValidRmgrId, rmgrName, RM_DBASE_ID, RM_XACT_ID } from '../../../src/engine/wal/rmgr/rmgr-ids';
import { decodeEndOfRecovery } from '../../../src/engine/wal/rmgr/xlog';
import { decodeDbase, XLOG_DBASE_CREATE_FILE_COPY, XLOG_DBASE_CREATE_WAL_LOG, XLOG_DBASE_DROP } from '../../../src/engine/wal/rmgr/dbase';
import { decodeTblspc, XLOG_TBLSPC_CREATE, XLOG_TBLSPC_DROP } from '../../../src/engine/wal/rmgr/tblspc';
import {
  decodeXactCompletion,
  XACT_XINFO_HAS_DBINFO,
  XACT_XINFO_HAS_DROPPED_STATS,
  XACT_XINFO_HAS_GID,
  XACT_XINFO_HAS_INVALS,
  XACT_XINFO_HAS_ORIGIN,
  XACT_XINFO_HAS_RELFILELOCATORS,
  XACT_XINFO_HAS_SUBXACTS,
  XACT_XINFO_HAS_TWOPHASE,
  XLOG_XACT_ABORT,
  XLOG_XACT_COMMIT,
  XLOG_XACT_COMMIT_PREPARED,
  XLOG_XACT_HAS_INFO,
  XLOG_XACT_PREPARE,
} from '../../../src/engine/wal/rmgr/xact';
import { parseLsn } from '../../../src/engine/wal/lsn';
import { loadExpected15, loadSegments, SEG_SIZE } from './wal-fixtures';

// Little builders for hand-made record bodies, laid out as XLogRecordAssemble lays them out.
const u8 = (...v: number[]): Buffer => Buffer.from(v);
const u16 = (v: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(v);
  return b;
};
const u32 = (v: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0);
  return b;
};
const u64 = (v: bigint): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(v);
  return b;
};
const rel = (spc: number, db: number, relNumber: number): Buffer => Buffer.concat([u32(spc), u32(db), u32(relNumber)]);

/** A whole record: the 24-byte header (with a correct CRC) followed by `body`. */
function record(body: Buffer[], { rmid = 0, info = 0, xid = 0, prev = 0n } = {}): Buffer {
  const rest = Buffer.concat(body);
  const raw = Buffer.alloc(24 + rest.length);
  raw.writeUInt32LE(raw.length, 0);
  raw.writeUInt32LE(xid, 4);
  raw.writeBigUInt64LE(prev, 8);
  raw[16] = info;
  raw[17] = rmid;
  rest.copy(raw, 24);
  raw.writeUInt32LE(computeWalRecordCrc(raw), 20);
  return raw;
}

describe('record header and CRC', () => {
  it('computes the CRC PostgreSQL stored in a real record (body first, then the header)', () => {
    const seg = loadSegments('pg15').get('000000010000000000000007')!;
    const exp = loadExpected15().recordsTli1.filter((r) => parseLsn(r.lsn) / BigInt(SEG_SIZE) === 7n && r.totLen < 2000).slice(0, 20);
    for (const r of exp) {
      const offset = Number(parseLsn(r.lsn) % BigInt(SEG_SIZE));
      if (offset % 8192 + r.totLen > 8192) continue; // spans a page: the reader reassembles those
      const raw = seg.subarray(offset, offset + r.totLen);
      const header = parseWalRecordHeader(raw);
      expect([header.totLen, header.xid, header.prev]).toEqual([r.totLen, r.xid, parseLsn(r.prev)]);
      expect(computeWalRecordCrc(raw)).toBe(header.crc);
      expect(walRecordCrcMatches(raw)).toBe(true);
      const flipped = Buffer.from(raw);
      flipped[flipped.length - 1] ^= 1;
      expect(walRecordCrcMatches(flipped)).toBe(false);
    }
  });

  it('names resource managers as pg_waldump does', () => {
    expect([0, 1, 2, 9, 10, 11, 21].map(rmgrName)).toEqual(['XLOG', 'Transaction', 'Storage', 'Heap2', 'Heap', 'Btree', 'LogicalMessage']);
    expect(rmgrName(130)).toBe('custom130');
    expect([isValidRmgrId(21), isValidRmgrId(22), isValidRmgrId(127), isValidRmgrId(128)]).toEqual([true, false, false, true]);
  });
});

describe('decodeWalRecordBody', () => {
  it('splits block references, images, block data and main data', () => {
    const main = Buffer.alloc(300, 0xab); // >255 bytes: the long main-data header
    const image0 = Buffer.alloc(8192 - 4000, 1); // hole of 4000 bytes at 100, uncompressed
    const image1 = Buffer.alloc(700, 2); // compressed, with a hole: hole length stored
    const data1 = Buffer.from('block one data');
    const raw = record([
      // block 0: image with a hole, fork vm (2), its own relation
      u8(0, BKPBLOCK_HAS_IMAGE | 2),
      u16(0),
      u16(image0.length),
      u16(100),
      u8(BKPIMAGE_HAS_HOLE | BKPIMAGE_APPLY),
      rel(1663, 5, 16384),
      u32(7),
      // block 3: compressed image and data, same relation, will init
      u8(3, BKPBLOCK_HAS_IMAGE | BKPBLOCK_HAS_DATA | BKPBLOCK_SAME_REL | BKPBLOCK_WILL_INIT),
      u16(data1.length),
      u16(image1.length),
      u16(64),
      u8(BKPIMAGE_HAS_HOLE | BKPIMAGE_COMPRESS_LZ4),
      u16(1234),
      u32(8),
      u8(253), // origin
      u16(9),
      u8(252), // top-level xid
      u32(777),
      u8(254), // long main data
      u32(main.length),
      image0,
      image1,
      data1,
      main,
    ]);
    const body = decodeWalRecordBody(raw);
    expect(body.origin).toBe(9);
    expect(body.toplevelXid).toBe(777);
    expect(body.fpiLength).toBe(image0.length + image1.length);
    expect(body.mainData.equals(main)).toBe(true);
    expect(body.blocks.map(({ image, data, ...b }) => ({ ...b, image: image && { ...image, data: image.data.length }, data: data.toString() }))).toEqual([
      {
        id: 0,
        forkNumber: 2,
        flags: BKPBLOCK_HAS_IMAGE | 2,
        rel: { spcOid: 1663, dbOid: 5, relNumber: 16384 },
        blockNo: 7,
        willInit: false,
        image: { length: image0.length, holeOffset: 100, holeLength: 4000, bimgInfo: 3, apply: true, compression: 'none', data: image0.length },
        data: '',
      },
      {
        id: 3,
        forkNumber: 0,
        flags: BKPBLOCK_HAS_IMAGE | BKPBLOCK_HAS_DATA | BKPBLOCK_SAME_REL | BKPBLOCK_WILL_INIT,
        rel: { spcOid: 1663, dbOid: 5, relNumber: 16384 },
        blockNo: 8,
        willInit: true,
        image: { length: 700, holeOffset: 64, holeLength: 1234, bimgInfo: BKPIMAGE_HAS_HOLE | BKPIMAGE_COMPRESS_LZ4, apply: false, compression: 'lz4', data: 700 },
        data: 'block one data',
      },
    ]);
    expect(body.blocks[0].image!.data.equals(image0)).toBe(true);
  });

  it('reads a record with no blocks and short main data', () => {
    const body = decodeWalRecordBody(record([u8(255, 3), Buffer.from('abc')]));
    expect([body.blocks.length, body.mainData.toString(), body.origin, body.toplevelXid]).toEqual([0, 'abc', null, null]);
    expect(decodeWalRecordBody(record([])).mainData.length).toBe(0);
  });

  it('refuses malformed bodies as DecodeXLogRecord does', () => {
    const blk = (id: number, flags: number, dataLen: number): Buffer[] => [u8(id, flags), u16(dataLen)];
    const cases: Array<[Buffer[], RegExp]> = [
      [[...blk(1, 0, 0), rel(1, 2, 3), u32(0), ...blk(0, 0, 0), rel(1, 2, 3), u32(0)], /out-of-order block_id 0/],
      [[...blk(0, BKPBLOCK_HAS_DATA, 0), rel(1, 2, 3), u32(0)], /BKPBLOCK_HAS_DATA set, but no data included/],
      [[...blk(0, 0, 5), rel(1, 2, 3), u32(0), Buffer.alloc(5)], /BKPBLOCK_HAS_DATA not set, but data length is 5/],
      [[...blk(0, BKPBLOCK_SAME_REL, 0), u32(0)], /BKPBLOCK_SAME_REL set but no previous rel/],
      [[u8(100)], /invalid block_id 100/],
      [[u8(255, 10), Buffer.alloc(3)], /record length does not add up/],
      [[...blk(0, BKPBLOCK_HAS_IMAGE, 0), u16(8192), u16(10), u8(0), rel(1, 2, 3), u32(0), Buffer.alloc(8192)], /BKPIMAGE_HAS_HOLE not set, but hole offset 10/],
      [[...blk(0, BKPBLOCK_HAS_IMAGE, 0), u16(100), u16(0), u8(0), rel(1, 2, 3), u32(0), Buffer.alloc(100)], /neither BKPIMAGE_HAS_HOLE nor BKPIMAGE_COMPRESSED set/],
      [[...blk(0, 0, 0), rel(1, 2, 3)], /record is too short: block number/],
    ];
    for (const [body, message] of cases) {
      expect(() => decodeWalRecordBody(record(body))).toThrow(WalRecordFormatError);
      expect(() => decodeWalRecordBody(record(body))).toThrow(message);
    }
  });
});

describe('record type decoders', () => {
  it('decodes a CheckPoint, with wal_level only from 17', () => {
    const cp = Buffer.alloc(88);
    cp.writeBigUInt64LE(0x100000028n, 0);
    cp.writeUInt32LE(3, 8);
    cp.writeUInt32LE(2, 12);
    cp[16] = 1;
    cp.writeInt32LE(2, 20);
    cp.writeBigUInt64LE((1n << 32n) | 500n, 24);
    cp.writeUInt32LE(16400, 32);
    cp.writeBigInt64LE(1700000000n, 64);
    cp.writeUInt32LE(499, 80);
    expect(decodeCheckPoint(cp, 17)).toMatchObject({ redo: 0x100000028n, timeline: 3, prevTimeline: 2, fullPageWrites: true, walLevel: 2, nextFullXid: (1n << 32n) | 500n, nextOid: 16400, time: 1700000000, oldestActiveXid: 499 });
    expect(decodeCheckPoint(cp, 16).walLevel).toBeNull();
    expect(() => decodeCheckPoint(cp.subarray(0, 80), 15)).toThrow(/80 bytes, expected 88/);
  });

  it('decodes an end-of-recovery record, with wal_level only from 17', () => {
    const d = Buffer.concat([u64(1n), u32(2), u32(1), u32(1), u32(0)]);
    expect(decodeEndOfRecovery(d, 17)).toEqual({ endTime: 1n, timeline: 2, prevTimeline: 1, walLevel: 1 });
    expect(decodeEndOfRecovery(d.subarray(0, 16), 15)).toEqual({ endTime: 1n, timeline: 2, prevTimeline: 1, walLevel: null });
  });

  it('decodes every optional part of a commit record, in ParseCommitRecord order', () => {
    const xinfo =
      XACT_XINFO_HAS_DBINFO |
      XACT_XINFO_HAS_SUBXACTS |
      XACT_XINFO_HAS_RELFILELOCATORS |
      XACT_XINFO_HAS_DROPPED_STATS |
      XACT_XINFO_HAS_INVALS |
      XACT_XINFO_HAS_TWOPHASE |
      XACT_XINFO_HAS_GID |
      XACT_XINFO_HAS_ORIGIN;
    const build = (statsItemSize: number): Buffer =>
      Buffer.concat([
        u64(123456789n),
        u32(xinfo),
        u32(5), // dbId
        u32(1663), // tsId
        u32(2),
        u32(801),
        u32(802),
        u32(1),
        rel(1663, 5, 16500),
        u32(2),
        Buffer.alloc(2 * statsItemSize, 7),
        u32(3),
        Buffer.alloc(3 * 16, 9),
        u32(790), // prepared xid
        Buffer.from('gid-1\0'),
        u64(0x2000000n),
        u64(99n),
      ]);
    const header = { rmid: RM_XACT_ID, info: XLOG_XACT_COMMIT_PREPARED | XLOG_XACT_HAS_INFO };
    for (const [pgMajor, size] of [
      [15, 12],
      [17, 12],
      [18, 16],
    ]) {
      const data = build(size);
      expect(decodeXactCompletion(header, data, pgMajor)).toEqual({
        kind: 'commit',
        prepared: true,
        xactTime: 123456789n,
        xinfo,
        dbOid: 5,
        tsOid: 1663,
        subxacts: [801, 802],
        droppedRelations: [{ spcOid: 1663, dbOid: 5, relNumber: 16500 }],
        droppedStatsCount: 2,
        invalidationCount: 3,
        twophaseXid: 790,
        gid: 'gid-1',
        originLsn: 0x2000000n,
        originTimestamp: 99n,
        parsedLength: data.length,
      });
    }
  });

  it('decodes a bare commit and an abort (aborts carry no invalidations)', () => {
    const commit = decodeXactCompletion({ rmid: RM_XACT_ID, info: XLOG_XACT_COMMIT }, u64(42n), 15);
    expect([commit.kind, commit.xactTime, commit.xinfo, commit.parsedLength]).toEqual(['commit', 42n, 0, 8]);
    const abortData = Buffer.concat([u64(43n), u32(XACT_XINFO_HAS_RELFILELOCATORS), u32(1), rel(1663, 5, 16390)]);
    const abort = decodeXactCompletion({ rmid: RM_XACT_ID, info: XLOG_XACT_ABORT | XLOG_XACT_HAS_INFO }, abortData, 16);
    expect([abort.kind, abort.droppedRelations, abort.parsedLength]).toEqual(['abort', [{ spcOid: 1663, dbOid: 5, relNumber: 16390 }], abortData.length]);
    expect(() => decodeXactCompletion({ rmid: RM_XACT_ID, info: XLOG_XACT_PREPARE }, u64(1n), 15)).toThrow(/not a commit or abort record/);
    expect(() => decodeXactCompletion({ rmid: RM_XACT_ID, info: XLOG_XACT_COMMIT | XLOG_XACT_HAS_INFO }, u64(1n), 15)).toThrow(/too short for xinfo/);
  });

  it('decodes database and tablespace records', () => {
    expect(decodeDbase({ info: XLOG_DBASE_CREATE_FILE_COPY }, Buffer.concat([u32(16400), u32(1663), u32(1), u32(1663)]))).toEqual({
      kind: 'create-file-copy',
      dbOid: 16400,
      tsOid: 1663,
      srcDbOid: 1,
      srcTsOid: 1663,
    });
    expect(decodeDbase({ info: XLOG_DBASE_CREATE_WAL_LOG }, Buffer.concat([u32(16401), u32(1663)]))).toEqual({ kind: 'create-wal-log', dbOid: 16401, tsOid: 1663 });
    expect(decodeDbase({ info: XLOG_DBASE_DROP }, Buffer.concat([u32(16401), u32(2), u32(1663), u32(16500)]))).toEqual({ kind: 'drop', dbOid: 16401, tsOids: [1663, 16500] });
    expect(RM_DBASE_ID).toBe(4);
    expect(decodeTblspc({ info: XLOG_TBLSPC_CREATE }, Buffer.concat([u32(16500), Buffer.from('/srv/ts\0')]))).toEqual({ kind: 'create', tsOid: 16500, path: '/srv/ts' });
    expect(decodeTblspc({ info: XLOG_TBLSPC_DROP }, u32(16500))).toEqual({ kind: 'drop', tsOid: 16500 });
  });

  it('turns TimestampTz into text and Dates', () => {
    expect(formatTimestampTz(0n)).toBe('2000-01-01T00:00:00.000000Z');
    expect(formatTimestampTz(848917999363365n)).toBe('2026-11-25T10:33:19.363365Z');
    expect(formatTimestampTz(-1n)).toBe('1999-12-31T23:59:59.999999Z');
    expect(timestampTzToDate(1_000_000n).toISOString()).toBe('2000-01-01T00:00:01.000Z');
  });
});
