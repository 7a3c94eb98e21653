import type { Lsn } from '../wal/lsn';

/**
 * The parts of a data page header (PageHeaderData, bufpage.h) that decide what to copy.
 * pd_lsn is two little-endian uint32 halves (xlogid, xrecoff) on the platforms we support.
 */
export function pageLsn(page: Buffer, offset = 0): Lsn {
  return (BigInt(page.readUInt32LE(offset)) << 32n) | BigInt(page.readUInt32LE(offset + 4));
}

/** PageIsNew: pd_upper == 0, an all-zero page that a relation extension has not yet written. */
export function isNewPage(page: Buffer, offset = 0): boolean {
  return page.readUInt16LE(offset + 14) === 0;
}

export function pageChecksum(page: Buffer, offset = 0): number {
  return page.readUInt16LE(offset + 8);
}
