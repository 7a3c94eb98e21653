import type { Client } from 'pg';
import { parseLsn, type Lsn } from '../../wal/lsn';
import { SIZE_OF_LONG_PAGE_HEADER, SIZE_OF_SHORT_PAGE_HEADER, XLOG_BLCKSZ } from '../../wal/wal-page';

/**
 * The end of the last WAL record the source has inserted: every change it has written to disk
 * so far lies at or before it (WAL before data), and replay reaches it when that record is
 * replayed. pg_current_wal_insert_lsn() gives where the next record goes; when the last one
 * ended on a page boundary, that is past the next page's header, a position no record ends at
 * (and no flush reaches until another record comes), so it is taken back to the boundary.
 */
export async function lastInsertedRecordEnd(client: Client, segSize: number): Promise<Lsn> {
  const res = await client.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn');
  return recordEndOf(parseLsn(res.rows[0].lsn), segSize);
}

/** An insert position turned into the end of the record before it (pure, for tests). */
export function recordEndOf(insertLsn: Lsn, segSize: number): Lsn {
  const inSegment = Number(insertLsn % BigInt(segSize));
  if (inSegment === SIZE_OF_LONG_PAGE_HEADER) return insertLsn - BigInt(SIZE_OF_LONG_PAGE_HEADER);
  if (inSegment >= XLOG_BLCKSZ && inSegment % XLOG_BLCKSZ === SIZE_OF_SHORT_PAGE_HEADER) return insertLsn - BigInt(SIZE_OF_SHORT_PAGE_HEADER);
  return insertLsn;
}
