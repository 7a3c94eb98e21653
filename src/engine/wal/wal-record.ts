/**
 * WAL records (access/xlogrecord.h) for PostgreSQL 15-18: the fixed XLogRecord header, the
 * generic body (block references, main data) as DecodeXLogRecord reads it, the CRC check
 * of ValidXLogRecord, and decoders for the few record types the engine needs (checkpoints,
 * end of recovery, switch, commit/abort, smgr, dbase). Pure functions over Buffers.
 *
 * Layout of one record, nothing aligned after the header:
 *   XLogRecord (24) | block headers ... | main data header | block images/data ... | main data
 */

import { crc32cFinish, crc32cUpdate, CRC32C_INIT } from '../pgdata/crc32c';
import { Lsn } from './lsn';
import { crc32cUpdateWords } from './wal-crc';
import { XLOG_BLCKSZ } from './wal-page';

/** sizeof the fixed header: offsetof(xl_crc) + 4. */
export const SIZE_OF_XLOG_RECORD = 24;
/** Largest record a reader accepts (XLogRecordMaxSize, 16+; 15 is bounded by allocation). */
export const XLOG_RECORD_MAX_SIZE = 1020 * 1024 * 1024;

/** Low 4 bits of xl_info are generic flags; the high 4 belong to the rmgr. */
export const XLR_INFO_MASK = 0x0f;
export const XLR_RMGR_INFO_MASK = 0xf0;
export const XLR_SPECIAL_REL_UPDATE = 0x01;
export const XLR_CHECK_CONSISTENCY = 0x02;

export const XLR_MAX_BLOCK_ID = 32;
export const XLR_BLOCK_ID_DATA_SHORT = 255;
export const XLR_BLOCK_ID_DATA_LONG = 254;
export const XLR_BLOCK_ID_ORIGIN = 253;
export const XLR_BLOCK_ID_TOPLEVEL_XID = 252;

export const BKPBLOCK_FORK_MASK = 0x0f;
export const BKPBLOCK_HAS_IMAGE = 0x10;
export const BKPBLOCK_HAS_DATA = 0x20;
export const BKPBLOCK_WILL_INIT = 0x40;
export const BKPBLOCK_SAME_REL = 0x80;

// bimg_info, 15+ (14 and older used 0x02 for "compressed" and 0x04 for "apply").
export const BKPIMAGE_HAS_HOLE = 0x01;
export const BKPIMAGE_APPLY = 0x02;
export const BKPIMAGE_COMPRESS_PGLZ = 0x04;
export const BKPIMAGE_COMPRESS_LZ4 = 0x08;
export const BKPIMAGE_COMPRESS_ZSTD = 0x10;

// Resource manager IDs (access/rmgrlist.h; the same list in 15-18).
export const RM_XLOG_ID = 0;
export const RM_XACT_ID = 1;
export const RM_SMGR_ID = 2;
export const RM_CLOG_ID = 3;
export const RM_DBASE_ID = 4;
export const RM_TBLSPC_ID = 5;
export const RM_MULTIXACT_ID = 6;
export const RM_RELMAP_ID = 7;
export const RM_STANDBY_ID = 8;
export const RM_HEAP2_ID = 9;
export const RM_HEAP_ID = 10;
export const RM_BTREE_ID = 11;
export const RM_HASH_ID = 12;
export const RM_GIN_ID = 13;
export const RM_GIST_ID = 14;
export const RM_SEQ_ID = 15;
export const RM_SPGIST_ID = 16;
export const RM_BRIN_ID = 17;
export const RM_COMMIT_TS_ID = 18;
export const RM_REPLORIGIN_ID = 19;
export const RM_GENERIC_ID = 20;
export const RM_LOGICALMSG_ID = 21;
export const RM_MAX_BUILTIN_ID = RM_LOGICALMSG_ID;
/** Custom (extension) resource managers use 128-255 (15+). */
export const RM_MIN_CUSTOM_ID = 128;

/** Names as pg_waldump --rmgr=list and pg_walinspect print them, indexed by rmgr ID. */
export const RMGR_NAMES: readonly string[] = [
  'XLOG',
  'Transaction',
  'Storage',
  'CLOG',
  'Database',
  'Tablespace',
  'MultiXact',
  'RelMap',
  'Standby',
  'Heap2',
  'Heap',
  'Btree',
  'Hash',
  'Gin',
  'Gist',
  'Sequence',
  'SPGist',
  'BRIN',
  'CommitTs',
  'ReplicationOrigin',
  'Generic',
  'LogicalMessage',
];

export function rmgrName(rmid: number): string {
  if (rmid <= RM_MAX_BUILTIN_ID) return RMGR_NAMES[rmid];
  return rmid >= RM_MIN_CUSTOM_ID ? `custom${String(rmid).padStart(3, '0')}` : `unknown${rmid}`;
}

/** RmgrIdIsValid: built-in or custom. */
export function isValidRmgrId(rmid: number): boolean {
  return rmid <= RM_MAX_BUILTIN_ID || (rmid >= RM_MIN_CUSTOM_ID && rmid <= 255);
}

// XLOG rmgr info values (catalog/pg_control.h).
export const XLOG_CHECKPOINT_SHUTDOWN = 0x00;
export const XLOG_CHECKPOINT_ONLINE = 0x10;
export const XLOG_NOOP = 0x20;
export const XLOG_NEXTOID = 0x30;
export const XLOG_SWITCH = 0x40;
export const XLOG_BACKUP_END = 0x50;
export const XLOG_PARAMETER_CHANGE = 0x60;
export const XLOG_RESTORE_POINT = 0x70;
export const XLOG_FPW_CHANGE = 0x80;
export const XLOG_END_OF_RECOVERY = 0x90;
export const XLOG_FPI_FOR_HINT = 0xa0;
export const XLOG_FPI = 0xb0;
export const XLOG_OVERWRITE_CONTRECORD = 0xd0;
/** 17+: marks the redo point of an online checkpoint. */
export const XLOG_CHECKPOINT_REDO = 0xe0;

// Transaction rmgr (access/xact.h).
export const XLOG_XACT_OPMASK = 0x70;
export const XLOG_XACT_COMMIT = 0x00;
export const XLOG_XACT_PREPARE = 0x10;
export const XLOG_XACT_ABORT = 0x20;
export const XLOG_XACT_COMMIT_PREPARED = 0x30;
export const XLOG_XACT_ABORT_PREPARED = 0x40;
export const XLOG_XACT_ASSIGNMENT = 0x50;
export const XLOG_XACT_INVALIDATIONS = 0x60;
export const XLOG_XACT_HAS_INFO = 0x80;

export const XACT_XINFO_HAS_DBINFO = 1 << 0;
export const XACT_XINFO_HAS_SUBXACTS = 1 << 1;
export const XACT_XINFO_HAS_RELFILELOCATORS = 1 << 2;
export const XACT_XINFO_HAS_INVALS = 1 << 3;
export const XACT_XINFO_HAS_TWOPHASE = 1 << 4;
export const XACT_XINFO_HAS_ORIGIN = 1 << 5;
export const XACT_XINFO_HAS_AE_LOCKS = 1 << 6;
export const XACT_XINFO_HAS_GID = 1 << 7;
export const XACT_XINFO_HAS_DROPPED_STATS = 1 << 8;

// Storage rmgr (catalog/storage_xlog.h).
export const XLOG_SMGR_CREATE = 0x10;
export const XLOG_SMGR_TRUNCATE = 0x20;
export const SMGR_TRUNCATE_HEAP = 0x0001;
export const SMGR_TRUNCATE_VM = 0x0002;
export const SMGR_TRUNCATE_FSM = 0x0004;

// Database rmgr (commands/dbcommands_xlog.h, 15+).
export const XLOG_DBASE_CREATE_FILE_COPY = 0x00;
export const XLOG_DBASE_CREATE_WAL_LOG = 0x10;
export const XLOG_DBASE_DROP = 0x20;

// Tablespace rmgr (commands/tablespace.h).
export const XLOG_TBLSPC_CREATE = 0x00;
export const XLOG_TBLSPC_DROP = 0x10;

/** ForkNumber names as relpath() and pg_waldump print them. */
export const FORK_NAMES: readonly string[] = ['main', 'fsm', 'vm', 'init'];

export function forkName(fork: number): string {
  return FORK_NAMES[fork] ?? `fork${fork}`;
}

/** The fixed 24-byte XLogRecord header. */
export interface WalRecordHeader {
  totLen: number;
  xid: number;
  prev: Lsn;
  info: number;
  rmid: number;
  crc: number;
}

/** RelFileLocator (RelFileNode before 16): tablespace, database, relfilenumber. */
export interface RelFileLocator {
  spcOid: number;
  dbOid: number;
  relNumber: number;
}

export interface WalBlockImage {
  /** Bytes of the image as stored (after removing the hole, maybe compressed). */
  length: number;
  holeOffset: number;
  holeLength: number;
  bimgInfo: number;
  /** Replay restores the image (not only kept for wal_consistency_checking). */
  apply: boolean;
  compression: 'none' | 'pglz' | 'lz4' | 'zstd';
  /** The stored image bytes (a view into the record). */
  data: Buffer;
}

/** One block reference (XLogRecordBlockHeader and what follows it). */
export interface WalBlockRef {
  id: number;
  forkNumber: number;
  /** fork_flags as stored. */
  flags: number;
  rel: RelFileLocator;
  blockNo: number;
  /** Redo re-initializes the page without reading it. */
  willInit: boolean;
  image: WalBlockImage | null;
  /** rmgr-specific data for this block (a view into the record), empty when none. */
  data: Buffer;
}

/** A record's body as DecodeXLogRecord splits it. */
export interface WalRecordBody {
  blocks: WalBlockRef[];
  /** Main data (a view into the record), empty when none. */
  mainData: Buffer;
  /** Replication origin, or null (XLR_BLOCK_ID_ORIGIN). */
  origin: number | null;
  /** Top-level xid of a subtransaction record, or null (XLR_BLOCK_ID_TOPLEVEL_XID). */
  toplevelXid: number | null;
  /** Total bytes of stored page images (pg_waldump prints tot_len minus this as "rec"). */
  fpiLength: number;
}

/** A malformed record body: the bytes passed the CRC but do not parse. */
export class WalRecordFormatError extends Error {}

export function parseWalRecordHeader(buf: Buffer, offset = 0): WalRecordHeader {
  return {
    totLen: buf.readUInt32LE(offset),
    xid: buf.readUInt32LE(offset + 4),
    prev: buf.readBigUInt64LE(offset + 8),
    info: buf[offset + 16],
    rmid: buf[offset + 17],
    crc: buf.readUInt32LE(offset + 20),
  };
}

/** The CRC PostgreSQL stores in xl_crc: the body after the header first, then the header up to xl_crc. */
export function computeWalRecordCrc(record: Buffer): number {
  return computeWalRecordCrcAt(record, 0, record.length);
}

/** computeWalRecordCrc for the record at buf[start, start + totLen), without a copy. */
export function computeWalRecordCrcAt(buf: Buffer, start: number, totLen: number): number {
  let crc = crc32cUpdateWords(CRC32C_INIT, buf, start + SIZE_OF_XLOG_RECORD, start + totLen);
  crc = crc32cUpdate(crc, buf, start, start + 20);
  return crc32cFinish(crc);
}

/** Whether the whole record (`record.length` = xl_tot_len) matches its xl_crc (ValidXLogRecord). */
export function walRecordCrcMatches(record: Buffer): boolean {
  return computeWalRecordCrc(record) === record.readUInt32LE(20);
}

/** Most block references one record holds: ids 0..XLR_MAX_BLOCK_ID, each at most once. */
const MAX_BLOCK_REFS = XLR_MAX_BLOCK_ID + 1;

/**
 * A record's block headers in flat arrays, as decodeWalBlockHeaders fills them. One instance is
 * reused from record to record, so a scan of millions of records allocates nothing per record;
 * entries [0, count) are valid until the next decode.
 */
export class WalBlockHeaders {
  count = 0;
  readonly id = new Uint8Array(MAX_BLOCK_REFS);
  /** fork_flags as stored: the fork number in the low 4 bits, BKPBLOCK_* above. */
  readonly flags = new Uint8Array(MAX_BLOCK_REFS);
  readonly spcOid = new Uint32Array(MAX_BLOCK_REFS);
  readonly dbOid = new Uint32Array(MAX_BLOCK_REFS);
  readonly relNumber = new Uint32Array(MAX_BLOCK_REFS);
  readonly blockNo = new Uint32Array(MAX_BLOCK_REFS);
  readonly dataLength = new Uint16Array(MAX_BLOCK_REFS);
  // Image fields: meaningful only when flags has BKPBLOCK_HAS_IMAGE.
  readonly imageLength = new Uint16Array(MAX_BLOCK_REFS);
  readonly holeOffset = new Uint16Array(MAX_BLOCK_REFS);
  readonly holeLength = new Uint16Array(MAX_BLOCK_REFS);
  readonly bimgInfo = new Uint8Array(MAX_BLOCK_REFS);
  mainDataLength = 0;
  origin: number | null = null;
  toplevelXid: number | null = null;
  fpiLength = 0;
  /** Offset from the record start of the first payload byte: each block's image and data, then the main data. */
  payloadOffset = 0;
}

function imageCompression(bimgInfo: number): WalBlockImage['compression'] {
  if (bimgInfo & BKPIMAGE_COMPRESS_PGLZ) return 'pglz';
  if (bimgInfo & BKPIMAGE_COMPRESS_LZ4) return 'lz4';
  if (bimgInfo & BKPIMAGE_COMPRESS_ZSTD) return 'zstd';
  return 'none';
}

function tooShort(what: string, bytes: number, pos: number): WalRecordFormatError {
  return new WalRecordFormatError(`record is too short: ${what} needs ${bytes} bytes at offset ${pos}`);
}

/**
 * Reads the headers of the record at buf[start, start + totLen) into `out`, with every check of
 * DecodeXLogRecord, but copies and allocates nothing: payloads are only located. Throws
 * WalRecordFormatError on bad input.
 */
export function decodeWalBlockHeaders(buf: Buffer, start: number, totLen: number, out: WalBlockHeaders): void {
  let pos = SIZE_OF_XLOG_RECORD; // relative to start
  let dataTotal = 0;
  let count = 0;
  let maxBlockId = -1;
  out.mainDataLength = 0;
  out.origin = null;
  out.toplevelXid = null;
  out.fpiLength = 0;

  while (totLen - pos > dataTotal) {
    if (pos + 1 > totLen) throw tooShort('block id', 1, pos);
    const blockId = buf[start + pos++];
    if (blockId === XLR_BLOCK_ID_DATA_SHORT) {
      if (pos + 1 > totLen) throw tooShort('main data length', 1, pos);
      out.mainDataLength = buf[start + pos++];
      dataTotal += out.mainDataLength;
      break; // the main data header is always last
    } else if (blockId === XLR_BLOCK_ID_DATA_LONG) {
      if (pos + 4 > totLen) throw tooShort('main data length', 4, pos);
      out.mainDataLength = buf.readUInt32LE(start + pos);
      pos += 4;
      dataTotal += out.mainDataLength;
      break;
    } else if (blockId === XLR_BLOCK_ID_ORIGIN) {
      if (pos + 2 > totLen) throw tooShort('origin', 2, pos);
      out.origin = buf.readUInt16LE(start + pos);
      pos += 2;
    } else if (blockId === XLR_BLOCK_ID_TOPLEVEL_XID) {
      if (pos + 4 > totLen) throw tooShort('top-level xid', 4, pos);
      out.toplevelXid = buf.readUInt32LE(start + pos);
      pos += 4;
    } else if (blockId <= XLR_MAX_BLOCK_ID) {
      if (blockId <= maxBlockId) {
        throw new WalRecordFormatError(`out-of-order block_id ${blockId}`);
      }
      maxBlockId = blockId;
      if (pos + 3 > totLen) throw tooShort('block header', 3, pos);
      const flags = buf[start + pos];
      const dataLength = buf.readUInt16LE(start + pos + 1);
      pos += 3;
      const hasData = (flags & BKPBLOCK_HAS_DATA) !== 0;
      if (hasData && dataLength === 0) {
        throw new WalRecordFormatError(`BKPBLOCK_HAS_DATA set, but no data included (block ${blockId})`);
      }
      if (!hasData && dataLength !== 0) {
        throw new WalRecordFormatError(`BKPBLOCK_HAS_DATA not set, but data length is ${dataLength} (block ${blockId})`);
      }
      dataTotal += dataLength;

      if (flags & BKPBLOCK_HAS_IMAGE) {
        if (pos + 5 > totLen) throw tooShort('block image header', 5, pos);
        const length = buf.readUInt16LE(start + pos);
        const holeOffset = buf.readUInt16LE(start + pos + 2);
        const bimgInfo = buf[start + pos + 4];
        pos += 5;
        const compressed = (bimgInfo & (BKPIMAGE_COMPRESS_PGLZ | BKPIMAGE_COMPRESS_LZ4 | BKPIMAGE_COMPRESS_ZSTD)) !== 0;
        const hasHole = (bimgInfo & BKPIMAGE_HAS_HOLE) !== 0;
        let holeLength = 0;
        if (hasHole && compressed) {
          if (pos + 2 > totLen) throw tooShort('compressed image hole length', 2, pos);
          holeLength = buf.readUInt16LE(start + pos);
          pos += 2;
        } else if (hasHole) {
          holeLength = XLOG_BLCKSZ - length;
        }
        if (hasHole && (holeOffset === 0 || holeLength === 0 || length === XLOG_BLCKSZ)) {
          throw new WalRecordFormatError(
            `BKPIMAGE_HAS_HOLE set, but hole offset ${holeOffset} length ${holeLength} block image length ${length}`,
          );
        }
        if (!hasHole && (holeOffset !== 0 || holeLength !== 0)) {
          throw new WalRecordFormatError(`BKPIMAGE_HAS_HOLE not set, but hole offset ${holeOffset}`);
        }
        if (compressed && length === XLOG_BLCKSZ) {
          throw new WalRecordFormatError(`BKPIMAGE_COMPRESSED set, but block image length ${length}`);
        }
        if (!hasHole && !compressed && length !== XLOG_BLCKSZ) {
          throw new WalRecordFormatError(
            `neither BKPIMAGE_HAS_HOLE nor BKPIMAGE_COMPRESSED set, but block image length is ${length}`,
          );
        }
        dataTotal += length;
        out.fpiLength += length;
        out.imageLength[count] = length;
        out.holeOffset[count] = holeOffset;
        out.holeLength[count] = holeLength;
        out.bimgInfo[count] = bimgInfo;
      }

      if (flags & BKPBLOCK_SAME_REL) {
        if (count === 0) {
          throw new WalRecordFormatError(`BKPBLOCK_SAME_REL set but no previous rel (block ${blockId})`);
        }
        out.spcOid[count] = out.spcOid[count - 1];
        out.dbOid[count] = out.dbOid[count - 1];
        out.relNumber[count] = out.relNumber[count - 1];
      } else {
        if (pos + 12 > totLen) throw tooShort('relation', 12, pos);
        out.spcOid[count] = buf.readUInt32LE(start + pos);
        out.dbOid[count] = buf.readUInt32LE(start + pos + 4);
        out.relNumber[count] = buf.readUInt32LE(start + pos + 8);
        pos += 12;
      }
      if (pos + 4 > totLen) throw tooShort('block number', 4, pos);
      out.blockNo[count] = buf.readUInt32LE(start + pos);
      pos += 4;
      out.id[count] = blockId;
      out.flags[count] = flags;
      out.dataLength[count] = dataLength;
      count++;
    } else {
      throw new WalRecordFormatError(`invalid block_id ${blockId}`);
    }
  }
  if (totLen - pos !== dataTotal) {
    throw new WalRecordFormatError(
      `record length does not add up: ${totLen - pos} bytes after the headers, ${dataTotal} announced`,
    );
  }
  out.count = count;
  out.payloadOffset = pos;
}

/** Builds the object form of a body from its decoded headers; `record` is the whole record (from offset 0). */
export function walRecordBodyFrom(record: Buffer, headers: WalBlockHeaders): WalRecordBody {
  const h = headers;
  let pos = h.payloadOffset;
  const blocks: WalBlockRef[] = [];
  let rel: RelFileLocator | null = null;
  for (let i = 0; i < h.count; i++) {
    const flags = h.flags[i];
    // Blocks of BKPBLOCK_SAME_REL share their locator object, as the stored record shares it.
    if (!rel || !(flags & BKPBLOCK_SAME_REL)) rel = { spcOid: h.spcOid[i], dbOid: h.dbOid[i], relNumber: h.relNumber[i] };
    let image: WalBlockImage | null = null;
    if (flags & BKPBLOCK_HAS_IMAGE) {
      const length = h.imageLength[i];
      const bimgInfo = h.bimgInfo[i];
      image = {
        length,
        holeOffset: h.holeOffset[i],
        holeLength: h.holeLength[i],
        bimgInfo,
        apply: (bimgInfo & BKPIMAGE_APPLY) !== 0,
        compression: imageCompression(bimgInfo),
        data: record.subarray(pos, pos + length),
      };
      pos += length;
    }
    const data = record.subarray(pos, pos + h.dataLength[i]);
    pos += h.dataLength[i];
    blocks.push({
      id: h.id[i],
      forkNumber: flags & BKPBLOCK_FORK_MASK,
      flags,
      rel,
      blockNo: h.blockNo[i],
      willInit: (flags & BKPBLOCK_WILL_INIT) !== 0,
      image,
      data,
    });
  }
  const mainData = record.subarray(pos, pos + h.mainDataLength);
  return { blocks, mainData, origin: h.origin, toplevelXid: h.toplevelXid, fpiLength: h.fpiLength };
}

// decodeWalRecordBody is synchronous and copies everything out before returning: one scratch suffices.
const scratchHeaders = new WalBlockHeaders();

/**
 * Splits a whole record (header included, length xl_tot_len) into block references and
 * main data, with DecodeXLogRecord's checks. Throws WalRecordFormatError on bad input.
 */
export function decodeWalRecordBody(record: Buffer): WalRecordBody {
  decodeWalBlockHeaders(record, 0, record.length, scratchHeaders);
  return walRecordBodyFrom(record, scratchHeaders);
}

// ---------------------------------------------------------------- record types

/** The record's rmgr-specific info bits (xl_info & XLR_RMGR_INFO_MASK). */
export function rmgrInfo(header: Pick<WalRecordHeader, 'info'>): number {
  return header.info & XLR_RMGR_INFO_MASK;
}

export function isCheckpointRecord(header: Pick<WalRecordHeader, 'info' | 'rmid'>): boolean {
  const info = rmgrInfo(header);
  return header.rmid === RM_XLOG_ID && (info === XLOG_CHECKPOINT_SHUTDOWN || info === XLOG_CHECKPOINT_ONLINE);
}

export function isSwitchRecord(header: Pick<WalRecordHeader, 'info' | 'rmid'>): boolean {
  return header.rmid === RM_XLOG_ID && rmgrInfo(header) === XLOG_SWITCH;
}

/** Size of CheckPoint in 15-18: 17 put wal_level into padding, so nothing moved. */
export { SIZE_OF_CHECKPOINT, decodeCheckPoint } from './checkpoint';
export type { CheckPointData } from './checkpoint';

/** xl_end_of_recovery: written when a promotion starts a new timeline. */
export interface EndOfRecoveryData {
  /** TimestampTz: microseconds since 2000-01-01 00:00 UTC. */
  endTime: bigint;
  timeline: number;
  prevTimeline: number;
  /** 17+ only; null before. */
  walLevel: number | null;
}

export function decodeEndOfRecovery(mainData: Buffer, pgMajor: number): EndOfRecoveryData {
  const size = pgMajor >= 17 ? 20 : 16;
  if (mainData.length < size) {
    throw new WalRecordFormatError(`end-of-recovery record data is ${mainData.length} bytes, expected ${size}`);
  }
  return {
    endTime: mainData.readBigInt64LE(0),
    timeline: mainData.readUInt32LE(8),
    prevTimeline: mainData.readUInt32LE(12),
    walLevel: pgMajor >= 17 ? mainData.readInt32LE(16) : null,
  };
}

/** xl_overwrite_contrecord: replaces the lost rest of a record after a crash (14+). */
export interface OverwriteContrecordData {
  overwrittenLsn: Lsn;
  /** TimestampTz: microseconds since 2000-01-01 00:00 UTC. */
  overwriteTime: bigint;
}

export function decodeOverwriteContrecord(mainData: Buffer): OverwriteContrecordData {
  if (mainData.length < 16) {
    throw new WalRecordFormatError(`overwrite-contrecord record data is ${mainData.length} bytes, expected 16`);
  }
  return { overwrittenLsn: mainData.readBigUInt64LE(0), overwriteTime: mainData.readBigInt64LE(8) };
}

/** Microseconds between the Unix epoch and PostgreSQL's (2000-01-01 UTC). */
const PG_EPOCH_OFFSET_US = 946684800000000n;

/** A TimestampTz (µs since 2000-01-01 UTC) as a Date (millisecond precision). */
export function timestampTzToDate(timestampUs: bigint): Date {
  return new Date(Number((timestampUs + PG_EPOCH_OFFSET_US) / 1000n));
}

/** A TimestampTz as ISO 8601 UTC text with all six fractional digits. */
export function formatTimestampTz(timestampUs: bigint): string {
  const unixUs = timestampUs + PG_EPOCH_OFFSET_US;
  const floorMs = unixUs >= 0n ? unixUs / 1000n : (unixUs - 999n) / 1000n;
  const micros = Number(unixUs - floorMs * 1000n);
  const iso = new Date(Number(floorMs)).toISOString(); // 2026-11-25T10:33:19.363Z
  return `${iso.slice(0, 23)}${String(micros).padStart(3, '0')}Z`;
}

/** A commit or abort record (xl_xact_commit / xl_xact_abort and their xinfo parts). */
export interface XactCompletionData {
  kind: 'commit' | 'abort';
  /** COMMIT_PREPARED / ABORT_PREPARED. */
  prepared: boolean;
  /** TimestampTz of the commit or abort: µs since 2000-01-01 UTC. */
  xactTime: bigint;
  xinfo: number;
  dbOid: number | null;
  tsOid: number | null;
  subxacts: number[];
  /** Relations whose files are dropped at commit (or, for an abort, created by the transaction). */
  droppedRelations: RelFileLocator[];
  droppedStatsCount: number;
  invalidationCount: number;
  /** For COMMIT/ABORT PREPARED: the prepared transaction's xid; null otherwise. */
  twophaseXid: number | null;
  gid: string | null;
  originLsn: Lsn | null;
  originTimestamp: bigint | null;
  /** Bytes of main data consumed by the parse; equals mainData.length for a well-formed record. */
  parsedLength: number;
}

/** The xact opcode of a transaction record (xl_info & XLOG_XACT_OPMASK). */
export function xactOpcode(header: Pick<WalRecordHeader, 'info'>): number {
  return header.info & XLOG_XACT_OPMASK;
}

/** True for commit, commit-prepared, abort and abort-prepared records. */
export function isXactCompletionRecord(header: Pick<WalRecordHeader, 'info' | 'rmid'>): boolean {
  if (header.rmid !== RM_XACT_ID) return false;
  const op = xactOpcode(header);
  return (
    op === XLOG_XACT_COMMIT ||
    op === XLOG_XACT_COMMIT_PREPARED ||
    op === XLOG_XACT_ABORT ||
    op === XLOG_XACT_ABORT_PREPARED
  );
}

/**
 * Parses a commit or abort record's main data (ParseCommitRecord / ParseAbortRecord). The
 * dropped-stats item is 12 bytes in 15-17 and 16 bytes in 18 (64-bit object IDs).
 */
export function decodeXactCompletion(
  header: Pick<WalRecordHeader, 'info' | 'rmid'>,
  mainData: Buffer,
  pgMajor: number,
): XactCompletionData {
  if (!isXactCompletionRecord(header)) {
    throw new WalRecordFormatError(`not a commit or abort record (rmid ${header.rmid}, info 0x${header.info.toString(16)})`);
  }
  const op = xactOpcode(header);
  const isCommit = op === XLOG_XACT_COMMIT || op === XLOG_XACT_COMMIT_PREPARED;
  const d = mainData;
  let pos = 0;
  const need = (bytes: number, what: string): void => {
    if (pos + bytes > d.length) {
      throw new WalRecordFormatError(`${isCommit ? 'commit' : 'abort'} record too short for ${what}`);
    }
  };
  need(8, 'xact_time');
  const xactTime = d.readBigInt64LE(0);
  pos = 8;
  let xinfo = 0;
  if (header.info & XLOG_XACT_HAS_INFO) {
    need(4, 'xinfo');
    xinfo = d.readUInt32LE(pos);
    pos += 4;
  }
  const result: XactCompletionData = {
    kind: isCommit ? 'commit' : 'abort',
    prepared: op === XLOG_XACT_COMMIT_PREPARED || op === XLOG_XACT_ABORT_PREPARED,
    xactTime,
    xinfo,
    dbOid: null,
    tsOid: null,
    subxacts: [],
    droppedRelations: [],
    droppedStatsCount: 0,
    invalidationCount: 0,
    twophaseXid: null,
    gid: null,
    originLsn: null,
    originTimestamp: null,
    parsedLength: 0,
  };
  if (xinfo & XACT_XINFO_HAS_DBINFO) {
    need(8, 'dbinfo');
    result.dbOid = d.readUInt32LE(pos);
    result.tsOid = d.readUInt32LE(pos + 4);
    pos += 8;
  }
  if (xinfo & XACT_XINFO_HAS_SUBXACTS) {
    need(4, 'subtransaction count');
    const n = d.readInt32LE(pos);
    pos += 4;
    need(4 * n, 'subtransactions');
    for (let i = 0; i < n; i++) result.subxacts.push(d.readUInt32LE(pos + 4 * i));
    pos += 4 * n;
  }
  if (xinfo & XACT_XINFO_HAS_RELFILELOCATORS) {
    need(4, 'relation count');
    const n = d.readInt32LE(pos);
    pos += 4;
    need(12 * n, 'relations');
    for (let i = 0; i < n; i++) {
      const at = pos + 12 * i;
      result.droppedRelations.push({ spcOid: d.readUInt32LE(at), dbOid: d.readUInt32LE(at + 4), relNumber: d.readUInt32LE(at + 8) });
    }
    pos += 12 * n;
  }
  if (xinfo & XACT_XINFO_HAS_DROPPED_STATS) {
    need(4, 'dropped stats count');
    const n = d.readInt32LE(pos);
    pos += 4;
    const itemSize = pgMajor >= 18 ? 16 : 12;
    need(itemSize * n, 'dropped stats');
    result.droppedStatsCount = n;
    pos += itemSize * n;
  }
  if (isCommit && xinfo & XACT_XINFO_HAS_INVALS) {
    need(4, 'invalidation count');
    const n = d.readInt32LE(pos);
    pos += 4;
    need(16 * n, 'invalidation messages'); // sizeof(SharedInvalidationMessage)
    result.invalidationCount = n;
    pos += 16 * n;
  }
  if (xinfo & XACT_XINFO_HAS_TWOPHASE) {
    need(4, 'prepared xid');
    result.twophaseXid = d.readUInt32LE(pos);
    pos += 4;
    if (xinfo & XACT_XINFO_HAS_GID) {
      const nul = d.indexOf(0, pos);
      if (nul < 0) throw new WalRecordFormatError('unterminated GID in a prepared-transaction record');
      result.gid = d.toString('utf8', pos, nul);
      pos = nul + 1;
    }
  }
  if (xinfo & XACT_XINFO_HAS_ORIGIN) {
    need(16, 'origin');
    result.originLsn = d.readBigUInt64LE(pos);
    result.originTimestamp = d.readBigInt64LE(pos + 8);
    pos += 16;
  }
  result.parsedLength = pos;
  return result;
}

/** xl_smgr_create: a relation fork file was created. */
export interface SmgrCreateData {
  rel: RelFileLocator;
  forkNumber: number;
}

export function decodeSmgrCreate(mainData: Buffer): SmgrCreateData {
  if (mainData.length < 16) throw new WalRecordFormatError(`smgr create record data is ${mainData.length} bytes, expected 16`);
  return {
    rel: { spcOid: mainData.readUInt32LE(0), dbOid: mainData.readUInt32LE(4), relNumber: mainData.readUInt32LE(8) },
    forkNumber: mainData.readInt32LE(12),
  };
}

/** xl_smgr_truncate: the relation's forks named by `flags` were cut to `blockNo` blocks. */
export interface SmgrTruncateData {
  blockNo: number;
  rel: RelFileLocator;
  flags: number;
}

export function decodeSmgrTruncate(mainData: Buffer): SmgrTruncateData {
  if (mainData.length < 20) throw new WalRecordFormatError(`smgr truncate record data is ${mainData.length} bytes, expected 20`);
  return {
    blockNo: mainData.readUInt32LE(0),
    rel: { spcOid: mainData.readUInt32LE(4), dbOid: mainData.readUInt32LE(8), relNumber: mainData.readUInt32LE(12) },
    flags: mainData.readInt32LE(16),
  };
}

/** Database create/drop records (15+): the whole directory of a database appears or goes. */
export type DbaseData =
  | { kind: 'create-file-copy'; dbOid: number; tsOid: number; srcDbOid: number; srcTsOid: number }
  | { kind: 'create-wal-log'; dbOid: number; tsOid: number }
  | { kind: 'drop'; dbOid: number; tsOids: number[] };

export function decodeDbase(header: Pick<WalRecordHeader, 'info'>, mainData: Buffer): DbaseData {
  const info = rmgrInfo(header);
  const d = mainData;
  const need = (bytes: number): void => {
    if (d.length < bytes) throw new WalRecordFormatError(`database record data is ${d.length} bytes, expected ${bytes}`);
  };
  if (info === XLOG_DBASE_CREATE_FILE_COPY) {
    need(16);
    return { kind: 'create-file-copy', dbOid: d.readUInt32LE(0), tsOid: d.readUInt32LE(4), srcDbOid: d.readUInt32LE(8), srcTsOid: d.readUInt32LE(12) };
  }
  if (info === XLOG_DBASE_CREATE_WAL_LOG) {
    need(8);
    return { kind: 'create-wal-log', dbOid: d.readUInt32LE(0), tsOid: d.readUInt32LE(4) };
  }
  if (info === XLOG_DBASE_DROP) {
    need(8);
    const n = d.readInt32LE(4);
    need(8 + 4 * n);
    const tsOids: number[] = [];
    for (let i = 0; i < n; i++) tsOids.push(d.readUInt32LE(8 + 4 * i));
    return { kind: 'drop', dbOid: d.readUInt32LE(0), tsOids };
  }
  throw new WalRecordFormatError(`unknown database record info 0x${info.toString(16)}`);
}

/** Tablespace create/drop records. */
export type TblspcData = { kind: 'create'; tsOid: number; path: string } | { kind: 'drop'; tsOid: number };

export function decodeTblspc(header: Pick<WalRecordHeader, 'info'>, mainData: Buffer): TblspcData {
  const info = rmgrInfo(header);
  if (mainData.length < 4) throw new WalRecordFormatError(`tablespace record data is ${mainData.length} bytes`);
  const tsOid = mainData.readUInt32LE(0);
  if (info === XLOG_TBLSPC_CREATE) {
    const nul = mainData.indexOf(0, 4);
    return { kind: 'create', tsOid, path: mainData.toString('utf8', 4, nul < 0 ? mainData.length : nul) };
  }
  if (info === XLOG_TBLSPC_DROP) return { kind: 'drop', tsOid };
  throw new WalRecordFormatError(`unknown tablespace record info 0x${info.toString(16)}`);
}
