import type { Client } from 'pg';
import type { Lsn } from '../../wal/lsn';
import { quoteLiteral } from '../../sql-quote';

export interface ScanRange {
  path: string;
  /** Bytes [0, length) of the file are scanned. */
  length: number;
}

// Pages are read on the server in pieces of this size; only block numbers come back.
const SCAN_PIECE_BYTES = 1024 * 1024;

/**
 * Asks the source which blocks of each file have a page LSN >= R, or are new (all-zero, not yet
 * written by an extension): those and only those can differ from a target that replayed up to R.
 * The page headers are decoded in SQL on the server, so unchanged pages never cross the wire.
 */
export async function scanChangedBlocks(
  client: Client,
  ranges: ScanRange[],
  referenceLsn: Lsn,
  blockSize: number,
): Promise<Map<string, number[]>> {
  const result = new Map<string, number[]>();
  const work = ranges.filter((r) => r.length >= blockSize);
  if (work.length === 0) return result;
  const hi = Number(referenceLsn >> 32n);
  const lo = Number(referenceLsn & 0xffffffffn);
  const values = work.map((r, i) => `(${i}, ${quoteLiteral(r.path)}, ${r.length}::bigint)`).join(',');
  // pd_lsn is {uint32 xlogid; uint32 xrecoff} little-endian; pd_upper (bytes 14-15) = 0 is PageIsNew.
  // SQL gives | and << the same precedence, hence the parentheses.
  const u32 = (at: string) =>
    `(get_byte(r.c, ${at})::bigint | (get_byte(r.c, ${at} + 1)::bigint << 8) | (get_byte(r.c, ${at} + 2)::bigint << 16) | (get_byte(r.c, ${at} + 3)::bigint << 24))`;
  const sql = `
    SELECT f.i, (o.off / ${blockSize} + p.n)::int AS blkno
      FROM (VALUES ${values}) AS f(i, path, stop),
           LATERAL generate_series(0::bigint, f.stop - 1, ${SCAN_PIECE_BYTES}) AS o(off),
           LATERAL (SELECT pg_read_binary_file(f.path, o.off, least(${SCAN_PIECE_BYTES}, f.stop - o.off), true) AS c OFFSET 0) AS r,
           LATERAL generate_series(0, coalesce(length(r.c), 0) / ${blockSize} - 1) AS p(n),
           LATERAL (SELECT p.n * ${blockSize} AS b) AS q,
           LATERAL (SELECT ${u32('q.b')} AS xlogid, ${u32('q.b + 4')} AS xrecoff,
                           (get_byte(r.c, q.b + 14) | get_byte(r.c, q.b + 15)) AS upper_nonzero) AS h
     WHERE h.xlogid > ${hi} OR (h.xlogid = ${hi} AND h.xrecoff >= ${lo}) OR h.upper_nonzero = 0`;
  const res = await client.query<{ i: number; blkno: number }>(sql);
  for (const row of res.rows) {
    const path = work[row.i].path;
    let blocks = result.get(path);
    if (!blocks) result.set(path, (blocks = []));
    blocks.push(row.blkno);
  }
  for (const blocks of result.values()) blocks.sort((a, b) => a - b);
  return result;
}
