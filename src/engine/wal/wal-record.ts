/**
 * WAL records (access/xlogrecord.h) for PostgreSQL 15-18: the generic body (block references,
 * main data) as DecodeXLogRecord reads it, and the CRC check of ValidXLogRecord. The fixed
 * header is record-header.ts; what a record's main data means is decoded per resource manager
 * in rmgr/ (xlog, xact, smgr, dbase, tblspc), chosen by xl_rmid (rmgr/rmgr-ids.ts) and the
 * rmgr's info bits (rmgrInfo). Pure functions over Buffers.
 *
 * Layout of one record, nothing aligned after the header:
 *   XLogRecord (24) | block headers ... | main data header | block images/data ... | main data
 */

import { crc32cFinish, crc32cUpdate, CRC32C_INIT } from '../checksums/crc32c';
import { SIZE_OF_XLOG_RECORD, WalRecordFormatError } from './record-header';
import type { RelFileLocator } from './rel-file-locator';
import { crc32cUpdateWords } from './wal-crc';
import { XLOG_BLCKSZ } from './wal-page';

// Names that readers outside wal/ import from here (pgdata's WAL change finders and their tests).
export { rmgrInfo, WalRecordFormatError, XLR_SPECIAL_REL_UPDATE } from './record-header';
export { RM_DBASE_ID, RM_HEAP_ID, RM_SMGR_ID, RM_XACT_ID, rmgrName } from './rmgr/rmgr-ids';
export { decodeXactCompletion, isXactCompletionRecord, XLOG_XACT_COMMIT } from './rmgr/xact';
export {
  decodeSmgrCreate, decodeSmgrTruncate, SMGR_TRUNCATE_HEAP, SMGR_TRUNCATE_VM, XLOG_SMGR_CREATE, XLOG_SMGR_TRUNCATE,
} from './rmgr/smgr';
export { decodeDbase, XLOG_DBASE_CREATE_FILE_COPY, XLOG_DBASE_CREATE_WAL_LOG, XLOG_DBASE_DROP } from './rmgr/dbase';

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

/** ForkNumber names as relpath() and pg_waldump print them. */
export const FORK_NAMES: readonly string[] = ['main', 'fsm', 'vm', 'init'];

export function forkName(fork: number): string {
  return FORK_NAMES[fork] ?? `fork${fork}`;
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
      pos = readBlockHeader(buf, start, totLen, pos, blockId, count, out);
      // The payload this block announces: its data, and its image when it has one.
      dataTotal += out.dataLength[count];
      if (out.flags[count] & BKPBLOCK_HAS_IMAGE) dataTotal += out.imageLength[count];
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

/**
 * Reads the header of block `blockId` (XLogRecordBlockHeader, its image header, its relation
 * unless BKPBLOCK_SAME_REL, its block number) at `pos` into entry `i` of `out`. Returns the
 * position after it.
 */
function readBlockHeader(buf: Buffer, start: number, totLen: number, pos: number, blockId: number, i: number, out: WalBlockHeaders): number {
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
  if (flags & BKPBLOCK_HAS_IMAGE) pos = readImageHeader(buf, start, totLen, pos, i, out);

  if (flags & BKPBLOCK_SAME_REL) {
    if (i === 0) {
      throw new WalRecordFormatError(`BKPBLOCK_SAME_REL set but no previous rel (block ${blockId})`);
    }
    out.spcOid[i] = out.spcOid[i - 1];
    out.dbOid[i] = out.dbOid[i - 1];
    out.relNumber[i] = out.relNumber[i - 1];
  } else {
    if (pos + 12 > totLen) throw tooShort('relation', 12, pos);
    out.spcOid[i] = buf.readUInt32LE(start + pos);
    out.dbOid[i] = buf.readUInt32LE(start + pos + 4);
    out.relNumber[i] = buf.readUInt32LE(start + pos + 8);
    pos += 12;
  }
  if (pos + 4 > totLen) throw tooShort('block number', 4, pos);
  out.blockNo[i] = buf.readUInt32LE(start + pos);
  pos += 4;
  out.id[i] = blockId;
  out.flags[i] = flags;
  out.dataLength[i] = dataLength;
  return pos;
}

/**
 * Reads a block image header (XLogRecordBlockImageHeader, then the hole length of a compressed
 * image with a hole) at `pos` into entry `i` of `out`. Returns the position after it.
 */
function readImageHeader(buf: Buffer, start: number, totLen: number, pos: number, i: number, out: WalBlockHeaders): number {
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
  checkImageLayout(length, holeOffset, holeLength, hasHole, compressed);
  out.fpiLength += length;
  out.imageLength[i] = length;
  out.holeOffset[i] = holeOffset;
  out.holeLength[i] = holeLength;
  out.bimgInfo[i] = bimgInfo;
  return pos;
}

/** DecodeXLogRecord's checks that an image's stored length agrees with its hole and compression. */
function checkImageLayout(length: number, holeOffset: number, holeLength: number, hasHole: boolean, compressed: boolean): void {
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
