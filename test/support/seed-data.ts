/** A starting data set of a chosen size, written fast with INSERT ... SELECT generate_series. */
import type { Cluster } from './cluster';
import { quoteIdent } from './write-load';

export interface SeedOptions {
  /** Number of rows to add, or */
  rows?: number;
  /** grow the table until its total size (heap + index + TOAST) is at least this many MB. */
  mb?: number;
  db?: string;
  table?: string;
  /** Rows per INSERT statement (default 200000). */
  batch?: number;
}

export interface SeedResult {
  db: string;
  table: string;
  rows: number;
  bytes: number;
}

/**
 * Rows are ~250 bytes (a 192-char pad: below the TOAST threshold, so stored uncompressed and the
 * size on disk is predictable) with a primary key. The database must exist (`postgres` does).
 */
export async function seedData(cluster: Cluster, opts: SeedOptions): Promise<SeedResult> {
  if ((opts.rows === undefined) === (opts.mb === undefined)) throw new Error('seedData: give exactly one of rows, mb');
  const db = opts.db ?? 'postgres';
  const table = quoteIdent(opts.table ?? 'seed');
  const batch = opts.batch ?? 200_000;
  const client = await cluster.client(db, 'pg-catchup-seed');
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS ${table} (id bigint PRIMARY KEY, k int NOT NULL, pad text NOT NULL)`);
    const size = async () => Number((await client.query(`SELECT pg_total_relation_size('${table}') AS s`)).rows[0].s);
    let next = Number((await client.query(`SELECT coalesce(max(id), 0) AS m FROM ${table}`)).rows[0].m) + 1;
    let added = 0;
    const startBytes = await size();
    const goalBytes = (opts.mb ?? 0) * 1024 * 1024;
    for (;;) {
      let n = batch;
      if (opts.rows !== undefined) {
        n = Math.min(batch, opts.rows - added);
        if (n <= 0) break;
      } else {
        const now = await size();
        if (now >= goalBytes) break;
        // After the first batch we know the bytes per row: don't overshoot by a whole batch.
        if (added > 0) n = Math.max(1000, Math.min(batch, Math.ceil(((goalBytes - now) / (now - startBytes)) * added)));
      }
      await client.query(
        `INSERT INTO ${table} SELECT g, (g * 7919) % 1000003, repeat(md5(g::text), 6)
           FROM generate_series($1::bigint, $2::bigint) g`,
        [next, next + n - 1],
      );
      next += n;
      added += n;
    }
    return { db, table: opts.table ?? 'seed', rows: added, bytes: await size() };
  } finally {
    await client.end().catch(() => undefined);
  }
}
