/**
 * The fixed XLogRecord header (access/xlogrecord.h), the part of xl_info that belongs to the
 * resource manager, and the error every record decoder throws. Below wal-record.ts and the
 * decoders in rmgr/, which all read it. Pure.
 */

import type { Lsn } from './lsn';

/** sizeof the fixed header: offsetof(xl_crc) + 4. */
export const SIZE_OF_XLOG_RECORD = 24;
/** Largest record a reader accepts (XLogRecordMaxSize, 16+; 15 is bounded by allocation). */
export const XLOG_RECORD_MAX_SIZE = 1020 * 1024 * 1024;

/** Low 4 bits of xl_info are generic flags; the high 4 belong to the rmgr. */
export const XLR_INFO_MASK = 0x0f;
export const XLR_RMGR_INFO_MASK = 0xf0;
export const XLR_SPECIAL_REL_UPDATE = 0x01;
export const XLR_CHECK_CONSISTENCY = 0x02;

/** The fixed 24-byte XLogRecord header. */
export interface WalRecordHeader {
  totLen: number;
  xid: number;
  prev: Lsn;
  info: number;
  rmid: number;
  crc: number;
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

/** The record's rmgr-specific info bits (xl_info & XLR_RMGR_INFO_MASK). */
export function rmgrInfo(header: Pick<WalRecordHeader, 'info'>): number {
  return header.info & XLR_RMGR_INFO_MASK;
}
