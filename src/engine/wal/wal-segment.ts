/**
 * WAL segment arithmetic and file names, as PostgreSQL's xlog_internal.h defines them.
 * Timeline IDs in file names are hexadecimal: timeline 10 is `0000000A`, not `00000010`.
 */

import { Lsn } from './lsn';

const MIN_SEG_SIZE = 1024 * 1024;
const MAX_SEG_SIZE = 1024 * 1024 * 1024;
const SEGMENT_NAME = /^[0-9A-F]{24}$/;
const HISTORY_NAME = /^([0-9A-F]{8})\.history$/;

export interface SegmentName {
  tli: number;
  segNo: bigint;
}

/** PostgreSQL accepts only powers of two from 1 MiB to 1 GiB (IsValidWalSegSize). */
export function isValidSegmentSize(segSizeBytes: number): boolean {
  return (
    Number.isInteger(segSizeBytes) &&
    segSizeBytes >= MIN_SEG_SIZE &&
    segSizeBytes <= MAX_SEG_SIZE &&
    (segSizeBytes & (segSizeBytes - 1)) === 0
  );
}

function checkSegmentSize(segSizeBytes: number): bigint {
  if (!isValidSegmentSize(segSizeBytes)) {
    throw new Error(
      `invalid WAL segment size ${segSizeBytes}: PostgreSQL uses a power of two from 1 MiB to 1 GiB`,
    );
  }
  return BigInt(segSizeBytes);
}

function checkTimeline(tli: number): void {
  if (!Number.isInteger(tli) || tli < 1 || tli > 0xffffffff) {
    throw new Error(`invalid timeline ID ${tli}: expected an integer from 1 to 4294967295`);
  }
}

// A "log id" is the high 32 bits of an LSN; segment names split segNo along it.
function segmentsPerLogId(segSize: bigint): bigint {
  return 0x100000000n / segSize;
}

/** The segment number holding `lsn` (XLByteToSeg). */
export function segmentNoOf(lsn: Lsn, segSizeBytes: number): bigint {
  return lsn / checkSegmentSize(segSizeBytes);
}

/** The first LSN of segment `segNo` (XLogSegNoOffsetToRecPtr with offset 0). */
export function segmentStartLsn(segNo: bigint, segSizeBytes: number): Lsn {
  return segNo * checkSegmentSize(segSizeBytes);
}

/** Byte offset of `lsn` inside its segment (XLogSegmentOffset). */
export function segmentOffset(lsn: Lsn, segSizeBytes: number): number {
  return Number(lsn % checkSegmentSize(segSizeBytes));
}

function hex8(value: bigint | number): string {
  return value.toString(16).toUpperCase().padStart(8, '0');
}

/** `TTTTTTTTXXXXXXXXYYYYYYYY`, as XLogFileName writes it. */
export function segmentFileName(tli: number, segNo: bigint, segSizeBytes: number): string {
  checkTimeline(tli);
  const perId = segmentsPerLogId(checkSegmentSize(segSizeBytes));
  if (segNo < 0n || segNo / perId > 0xffffffffn) {
    throw new Error(`segment number ${segNo} is outside the WAL address space`);
  }
  return hex8(tli) + hex8(segNo / perId) + hex8(segNo % perId);
}

/** True for a 24-character upper-case hex WAL segment name (IsXLogFileName). */
export function isSegmentFileName(name: string): boolean {
  return SEGMENT_NAME.test(name);
}

/** True for `<segment>.partial`, left behind by a promotion or pg_receivewal. */
export function isPartialSegmentFileName(name: string): boolean {
  return name.endsWith('.partial') && isSegmentFileName(name.slice(0, -'.partial'.length));
}

/**
 * Splits a segment file name into timeline and segment number, or null if `name` is not
 * one, or names a segment that cannot exist with this segment size.
 */
export function parseSegmentFileName(name: string, segSizeBytes: number): SegmentName | null {
  const perId = segmentsPerLogId(checkSegmentSize(segSizeBytes));
  if (!isSegmentFileName(name)) return null;
  const tli = parseInt(name.slice(0, 8), 16);
  const logId = BigInt(`0x${name.slice(8, 16)}`);
  const segInLog = BigInt(`0x${name.slice(16, 24)}`);
  if (tli === 0 || segInLog >= perId) return null;
  return { tli, segNo: logId * perId + segInLog };
}

/** `00000002.history` (TLHistoryFileName). */
export function historyFileName(tli: number): string {
  checkTimeline(tli);
  return `${hex8(tli)}.history`;
}

/** True for a timeline history file name (IsTLHistoryFileName). */
export function isHistoryFileName(name: string): boolean {
  return HISTORY_NAME.test(name);
}

/** The timeline a history file name is for, or null. */
export function parseHistoryFileName(name: string): number | null {
  const match = HISTORY_NAME.exec(name);
  return match ? parseInt(match[1], 16) : null;
}
