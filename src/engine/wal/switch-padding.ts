/**
 * The rest of a segment after an XLOG_SWITCH record: pages that hold no record, which the server
 * flushes (and a walsender sends) at once, up to 16 MB of them. A backup's stop ends with a
 * switch, so the WAL stream of a copy delivers this padding right after the stop; over a slow
 * link it competes with the backup's last bytes for nothing (the segment file is made full size
 * and zero-filled anyway, and recovery skips from a switch record to the next segment).
 *
 * A padding page is recognised by its header: not a segment's first page, no continued record
 * (xlp_rem_len 0), and no record where the first one must start (its xl_tot_len 0). A page
 * that holds WAL always has one there. The servers we support zero the padding pages, headers
 * included (seen in the 15 and 18 fixtures); the test does not depend on the rest of the header.
 */
import { parseWalPageHeader, SIZE_OF_SHORT_PAGE_HEADER, XLOG_BLCKSZ } from './wal-page';

/** Whether `data`, the WAL at `lsn`, holds the header of a padding page whole. */
export function holdsSwitchPadding(lsn: bigint, data: Buffer): boolean {
  const intoPage = Number(lsn % BigInt(XLOG_BLCKSZ));
  // The first page boundary inside the chunk, then every page after it.
  for (let at = intoPage === 0 ? 0 : XLOG_BLCKSZ - intoPage; at + SIZE_OF_SHORT_PAGE_HEADER + 4 <= data.length; at += XLOG_BLCKSZ) {
    const header = parseWalPageHeader(data, at);
    if (header.isLong) continue;
    if (header.remLen === 0 && data.readUInt32LE(at + header.headerSize) === 0) return true;
  }
  return false;
}
