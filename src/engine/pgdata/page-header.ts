/**
 * pd_lsn of a data page header (PageHeaderData, bufpage.h) is two little-endian uint32 halves
 * (xlogid, xrecoff) on the platforms we support. Compared without a BigInt per page: this runs
 * for every page of a scan.
 */
export function pageLsnAtLeast(page: Buffer, offset: number, lsnHigh: number, lsnLow: number): boolean {
  const high = page.readUInt32LE(offset);
  return high > lsnHigh || (high === lsnHigh && page.readUInt32LE(offset + 4) >= lsnLow);
}
