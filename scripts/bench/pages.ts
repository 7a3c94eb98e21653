/**
 * Changing a chosen share of the big tables' pages on a server, and measuring what changed.
 *
 * Pages are picked by heap block number through a hash, so they are scattered over the table
 * (not one contiguous run) and a band [from, to) of the hash picks a set disjoint from any other
 * band: cumulative steps (1 %, then 3 %, ...) touch the pages of [0, 1 %) and then [1 %, 3 %).
 * On every picked page one row is updated. The updates are not HOT (an index covers the updated
 * column), so the new row versions go to pages appended at the end and every index gets an
 * entry: the heap share is what is chosen, the index share is what follows, and both are
 * measured afterwards from the page LSNs in the files (the same page headers DELTA looks at).
 */
import type { Cluster } from '../../test/support';

/** A big table of the source and how to change one of its rows. */
export interface BigTable {
  table: string;
  key: string;
  /** SET clause of the UPDATE; must change an indexed column, so the update is not HOT. */
  set: string;
}

/** The big tables of a bench source (pgbench's, or seedData's without pgbench). */
export async function bigTables(server: Cluster): Promise<BigTable[]> {
  const names = (await server.query<{ relname: string }>(
    "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND (relname = 'pgbench_accounts' OR relname ~ '^bench_[0-9]+$') ORDER BY 1",
  )).map((r) => r.relname);
  if (names.length === 0) throw new Error('no pgbench_accounts or bench_N table on the source: the bench builds one first');
  return names.map((t) => (t === 'pgbench_accounts' ? { table: t, key: 'aid', set: 'abalance = abalance + 1' } : { table: t, key: 'id', set: 'k = k + 1' }));
}

/** Stable pseudo-random position in [0, 1e6) of a heap block: which band picks it. */
const BLOCK_HASH = (blk: string) => `((hashint8(${blk})::bigint & 2147483647) % 1000000)`;

/**
 * Update one row on every heap page of each big table whose block falls in the hash band
 * [fromPct, toPct) percent. Returns the number of rows updated.
 */
export async function updatePagesInBand(server: Cluster, tables: BigTable[], fromPct: number, toPct: number): Promise<number> {
  const lo = Math.round(fromPct * 10_000);
  const hi = Math.round(toPct * 10_000);
  let rows = 0;
  for (const t of tables) {
    const r = await server.query<{ n: string }>(`
      WITH picked AS (
        SELECT DISTINCT ON (blk) ${t.key} AS key
          FROM (SELECT ${t.key}, (ctid::text::point)[0]::bigint AS blk FROM ${t.table}) s
         WHERE ${BLOCK_HASH('blk')} >= ${lo} AND ${BLOCK_HASH('blk')} < ${hi}
         ORDER BY blk, ${t.key}
      ), upd AS (
        UPDATE ${t.table} x SET ${t.set} FROM picked WHERE x.${t.key} = picked.key RETURNING 1
      )
      SELECT count(*)::text AS n FROM upd`);
    rows += Number(r[0].n);
  }
  return rows;
}

/**
 * Read every row of the big tables once (sequential scans): sets the hint bits and prunes the dead
 * versions the updates left, so that reading the tables later (the data comparison) does not
 * write to the server and change it between runs. Then a CHECKPOINT, so every change is in the files.
 */
export async function settleAndCheckpoint(server: Cluster, tables: BigTable[]): Promise<void> {
  for (const t of tables) await server.query(`SELECT count(*) FROM ${t.table}`);
  await server.query('CHECKPOINT');
}

export interface RelationChange {
  relation: string;
  /** r heap, i index, t toast, ... */
  kind: string;
  pages: number;
  changed: number;
}

export interface ChangedPages {
  sinceLsn: string;
  /** Every relation (main fork) of the database with at least one changed page, largest first. */
  relations: RelationChange[];
  /** All relations with storage in the database, changed or not. */
  totalPages: number;
  changedPages: number;
  /** The big tables' heaps alone. */
  heapPages: number;
  heapChanged: number;
}

/**
 * Pages of every relation (main fork, database `db`) whose page LSN is at or past `sinceLsn`,
 * counted on the server from the files (after a CHECKPOINT the files hold every change).
 */
export async function countChangedPages(server: Cluster, sinceLsn: string, tables: BigTable[], db = 'postgres'): Promise<ChangedPages> {
  const rows = await server.query<{ relation: string; kind: string; pages: string; changed: string }>(`
    WITH params AS (
      SELECT current_setting('block_size')::int AS bs, pg_size_bytes(current_setting('segment_size')) AS seg,
             ($1::pg_lsn - '0/0'::pg_lsn)::numeric AS since
    ), rel AS (
      SELECT c.oid::regclass::text AS relation, c.relkind::text AS kind, pg_relation_filepath(c.oid) AS path,
             pg_relation_size(c.oid) AS size
        FROM pg_class c
       WHERE c.relkind IN ('r', 'i', 't', 'm', 'S') AND c.relpersistence = 'p' AND pg_relation_size(c.oid) > 0
    ), seg AS (
      SELECT r.relation, CASE WHEN s.n = 0 THEN r.path ELSE r.path || '.' || s.n END AS file,
             least(p.seg, r.size - s.n * p.seg) AS len
        FROM rel r, params p, LATERAL generate_series(0, (r.size - 1) / p.seg) AS s(n)
    ), piece AS (
      SELECT seg.relation, pg_read_binary_file(seg.file, o.off, least(1048576, seg.len - o.off)) AS c
        FROM seg, LATERAL generate_series(0::bigint, seg.len - 1, 1048576) AS o(off)
    ), page AS (
      SELECT piece.relation, ${u32('c', 'q.b')} * 4294967296 + ${u32('c', 'q.b + 4')} AS lsn
        FROM piece, params p, LATERAL generate_series(0, length(c) / p.bs - 1) AS n(i), LATERAL (SELECT n.i * p.bs AS b) q
    ), agg AS (
      SELECT page.relation, count(*) FILTER (WHERE page.lsn >= p.since) AS changed FROM page, params p GROUP BY page.relation
    )
    SELECT r.relation, r.kind, (r.size / p.bs)::text AS pages, coalesce(a.changed, 0)::text AS changed
      FROM rel r CROSS JOIN params p LEFT JOIN agg a ON a.relation = r.relation
     ORDER BY r.size DESC`, [sinceLsn], db);
  const all = rows.map((r) => ({ relation: r.relation, kind: r.kind, pages: Number(r.pages), changed: Number(r.changed) }));
  const heaps = all.filter((r) => tables.some((t) => t.table === r.relation));
  return {
    sinceLsn,
    relations: all.filter((r) => r.changed > 0),
    totalPages: all.reduce((n, r) => n + r.pages, 0),
    changedPages: all.reduce((n, r) => n + r.changed, 0),
    heapPages: heaps.reduce((n, r) => n + r.pages, 0),
    heapChanged: heaps.reduce((n, r) => n + r.changed, 0),
  };
}

/** A little-endian uint32 at byte `at` of bytea `c`, as bigint (SQL gives | and << the same precedence). */
const u32 = (c: string, at: string) =>
  `(get_byte(${c}, ${at})::bigint | (get_byte(${c}, ${at} + 1)::bigint << 8) | (get_byte(${c}, ${at} + 2)::bigint << 16) | (get_byte(${c}, ${at} + 3)::bigint << 24))`;

const pct = (part: number, whole: number) => `${whole ? ((100 * part) / whole).toFixed(1) : '0.0'} %`;

/** One line per relation that changed, then the totals. */
export function describeChangedPages(c: ChangedPages, blockSize = 8192): string[] {
  const lines = c.relations.slice(0, 8).map((r) => `${r.relation.padEnd(36)} ${String(r.changed).padStart(7)} of ${String(r.pages).padStart(7)} pages (${pct(r.changed, r.pages)})`);
  if (c.relations.length > 8) lines.push(`... and ${c.relations.length - 8} more relations`);
  lines.push(`big tables' heap: ${c.heapChanged} of ${c.heapPages} pages changed (${pct(c.heapChanged, c.heapPages)}); ` +
    `all relations: ${c.changedPages} of ${c.totalPages} pages (${pct(c.changedPages, c.totalPages)}, ${((c.changedPages * blockSize) / 1048576).toFixed(0)} MB) since ${c.sinceLsn}`);
  return lines;
}
