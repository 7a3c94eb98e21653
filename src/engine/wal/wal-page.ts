/**
 * WAL page headers (XLogPageHeaderData / XLogLongPageHeaderData, access/xlog_internal.h)
 * for PostgreSQL 15-18. Every XLOG_BLCKSZ page of a segment starts with one; the first
 * page of a segment has the long form, which also names the cluster and the sizes.
 * Pure: takes bytes, returns fields; validation mirrors XLogReaderValidatePageHeader.
 */

import { formatLsn, Lsn } from './lsn';

/** WAL page size. A build-time constant; every PostgreSQL we support uses 8192. */
export const XLOG_BLCKSZ = 8192;
/** MAXALIGN(sizeof(XLogPageHeaderData)): 20 bytes of fields, padded to 24. */
export const SIZE_OF_SHORT_PAGE_HEADER = 24;
/** MAXALIGN(sizeof(XLogLongPageHeaderData)). */
export const SIZE_OF_LONG_PAGE_HEADER = 40;

/** The page starts with the rest of a record that began on an earlier page. */
export const XLP_FIRST_IS_CONTRECORD = 0x0001;
export const XLP_LONG_HEADER = 0x0002;
/** Full-page images in records starting on this page may be removed (no backup ran). */
export const XLP_BKP_REMOVABLE = 0x0004;
/** Replaces a missing continuation record (CreateOverwriteContrecordRecord). */
export const XLP_FIRST_IS_OVERWRITE_CONTRECORD = 0x0008;
export const XLP_ALL_FLAGS = 0x000f;

/**
 * XLOG_PAGE_MAGIC by major version: the WAL format version. Checked against the first
 * bytes of segments written by each server (test/fixtures/wal/capture.sh) and against
 * xlog_internal.h (18: 0xD118).
 */
export const WAL_PAGE_MAGIC: Readonly<Record<number, number>> = {
  15: 0xd110,
  16: 0xd113,
  17: 0xd116,
  18: 0xd118,
};

// Looked up for every page read: a map, not a walk over WAL_PAGE_MAGIC's entries.
const MAJOR_OF_MAGIC = new Map(Object.entries(WAL_PAGE_MAGIC).map(([major, magic]) => [magic, Number(major)]));

/** The major version that writes this page magic, or null for one we do not read. */
export function pgMajorOfWalMagic(magic: number): number | null {
  return MAJOR_OF_MAGIC.get(magic) ?? null;
}

export interface WalPageHeader {
  magic: number;
  /** Major version of `magic`, null when unknown. */
  pgMajor: number | null;
  /** xlp_info flag bits. */
  info: number;
  /** Timeline of the first record on the page. */
  tli: number;
  /** LSN of the page's first byte, as the writer saw it. */
  pageAddr: Lsn;
  /** Bytes of a record continued from earlier pages (0 when none). */
  remLen: number;
  isLong: boolean;
  /** Bytes before the page's data: 24, or 40 for a long header. */
  headerSize: number;
  firstIsContRecord: boolean;
  /** Long header only: the cluster's system identifier (pg_control). */
  systemIdentifier: bigint | null;
  /** Long header only: segment size the writer used. */
  segSize: number | null;
  /** Long header only: XLOG_BLCKSZ the writer used. */
  walBlockSize: number | null;
}

/** Reads a page header at `offset` of `buf`. Throws only when the bytes are too short. */
export function parseWalPageHeader(buf: Buffer, offset = 0): WalPageHeader {
  if (buf.length - offset < SIZE_OF_SHORT_PAGE_HEADER) {
    throw new Error(`WAL page header needs ${SIZE_OF_SHORT_PAGE_HEADER} bytes, got ${buf.length - offset}`);
  }
  const magic = buf.readUInt16LE(offset);
  const info = buf.readUInt16LE(offset + 2);
  const isLong = (info & XLP_LONG_HEADER) !== 0;
  const hasLong = isLong && buf.length - offset >= SIZE_OF_LONG_PAGE_HEADER;
  return {
    magic,
    pgMajor: pgMajorOfWalMagic(magic),
    info,
    tli: buf.readUInt32LE(offset + 4),
    pageAddr: buf.readBigUInt64LE(offset + 8),
    remLen: buf.readUInt32LE(offset + 16),
    isLong,
    headerSize: isLong ? SIZE_OF_LONG_PAGE_HEADER : SIZE_OF_SHORT_PAGE_HEADER,
    firstIsContRecord: (info & XLP_FIRST_IS_CONTRECORD) !== 0,
    systemIdentifier: hasLong ? buf.readBigUInt64LE(offset + 24) : null,
    segSize: hasLong ? buf.readUInt32LE(offset + 32) : null,
    walBlockSize: hasLong ? buf.readUInt32LE(offset + 36) : null,
  };
}

export interface WalPageExpectations {
  /** Where the page sits: its header must say the same (recycled segments do not). */
  pageAddr: Lsn;
  segSize: number;
  /** Accept only this magic; otherwise any version we read. */
  magic?: number;
  /** When known, long headers must carry it. */
  systemIdentifier?: bigint;
}

/**
 * Why this page header is not a valid header for the page at `expect.pageAddr`, or null
 * when it is. The wording follows xlogreader.c. A zeroed or recycled page fails here,
 * which a reader takes as the end of WAL.
 */
export function walPageHeaderProblem(header: WalPageHeader, expect: WalPageExpectations): string | null {
  const magicText = header.magic.toString(16).toUpperCase().padStart(4, '0');
  if (expect.magic !== undefined ? header.magic !== expect.magic : header.pgMajor === null) {
    const wanted =
      expect.magic !== undefined
        ? `expected ${expect.magic.toString(16).toUpperCase()}`
        : 'expected one of PostgreSQL 15-18';
    return `invalid magic number ${magicText} (${wanted})`;
  }
  if ((header.info & ~XLP_ALL_FLAGS) !== 0) {
    return `invalid info bits ${header.info.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  const firstOfSegment = expect.pageAddr % BigInt(expect.segSize) === 0n;
  if (header.isLong) {
    if (expect.systemIdentifier !== undefined && header.systemIdentifier !== expect.systemIdentifier) {
      return (
        `WAL file is from a different database system: WAL file database system identifier is ` +
        `${header.systemIdentifier}, expected ${expect.systemIdentifier}`
      );
    }
    if (header.segSize !== expect.segSize) {
      return `WAL file has segment size ${header.segSize} in its page header, expected ${expect.segSize}`;
    }
    if (header.walBlockSize !== XLOG_BLCKSZ) {
      return `WAL file has XLOG_BLCKSZ ${header.walBlockSize} in its page header, expected ${XLOG_BLCKSZ}`;
    }
  } else if (firstOfSegment) {
    // The first page of a segment always carries the long header.
    return `invalid info bits ${header.info.toString(16).toUpperCase().padStart(4, '0')} (no long header on the first page)`;
  }
  if (header.pageAddr !== expect.pageAddr) {
    return `unexpected pageaddr ${formatLsn(header.pageAddr)} (expected ${formatLsn(expect.pageAddr)})`;
  }
  return null;
}
