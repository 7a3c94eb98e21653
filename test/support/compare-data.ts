/**
 * Logical comparison of two clusters: the same databases, the same relations, and in every
 * permanent table the same row count and the same order-independent content hash.
 * Sequences are compared by name only: a standby's sequence is WAL-logged ahead of the primary's.
 */
import type { Client } from 'pg';
import type { Cluster } from './cluster';
import { waitForReplay } from './replication-wait';
import { expectAmcheckClean, hasDataChecksums } from './verify-cluster';

export interface TableSummary {
  rows: number;
  /** sum over rows of the first 60 bits of md5(row::text): order-independent, collisions ~2^-60. */
  hash: string;
}

export interface DataSnapshot {
  cluster: string;
  databases: string[];
  /** Per database: "<relkind>:<schema>.<name>" of every user relation (tables, indexes, sequences, views). */
  relations: Record<string, string[]>;
  /** Per database, per "<schema>.<table>". */
  tables: Record<string, Record<string, TableSummary>>;
}

export type DifferenceKind = 'database-missing' | 'relation-missing' | 'row-count' | 'content';

export interface Difference {
  kind: DifferenceKind;
  database: string;
  relation?: string;
  detail: string;
}

export interface Comparison {
  equal: boolean;
  a: DataSnapshot;
  b: DataSnapshot;
  differences: Difference[];
}

// Row text must not depend on session settings that could differ between the two servers.
const SESSION_SETUP = `SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres';
  SET extra_float_digits = 3; SET bytea_output = 'hex'; SET statement_timeout = 0`;

const RELATIONS_SQL = `
SELECT c.relkind::text AS kind, format('%I.%I', n.nspname, c.relname) AS name,
       c.relpersistence = 'p' AND (c.relkind = 'r' OR (c.relkind = 'm' AND c.relispopulated)) AS hashable
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p', 'm', 'i', 'I', 'S', 'v', 'f')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
 ORDER BY 2, 1`;

const tableHashSql = (name: string) =>
  `SELECT count(*)::text AS rows,
          coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0)::text AS hash
     FROM ONLY ${name} t`;

/** Every database except template0 (and any that disallow connections). */
export async function listDatabases(cluster: Cluster): Promise<string[]> {
  const rows = await cluster.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datallowconn AND datname <> 'template0' ORDER BY 1",
  );
  return rows.map((r) => r.datname);
}

async function withSnapshotSession<T>(cluster: Cluster, db: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = await cluster.client(db, 'pg-catchup-compare');
  try {
    await client.query(SESSION_SETUP);
    // One snapshot for all tables of the database (REPEATABLE READ works on a hot standby too).
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function snapshotData(cluster: Cluster): Promise<DataSnapshot> {
  const snap: DataSnapshot = { cluster: cluster.name, databases: await listDatabases(cluster), relations: {}, tables: {} };
  for (const db of snap.databases) {
    await withSnapshotSession(cluster, db, async (client) => {
      const rels = (await client.query<{ kind: string; name: string; hashable: boolean }>(RELATIONS_SQL)).rows;
      snap.relations[db] = rels.map((r) => `${r.kind}:${r.name}`);
      snap.tables[db] = {};
      for (const r of rels.filter((x) => x.hashable)) {
        const row = (await client.query<{ rows: string; hash: string }>(tableHashSql(r.name))).rows[0];
        snap.tables[db][r.name] = { rows: Number(row.rows), hash: row.hash };
      }
    });
  }
  return snap;
}

/** What differs between two snapshots (empty when they hold the same data). */
export function diffSnapshots(a: DataSnapshot, b: DataSnapshot): Difference[] {
  const out: Difference[] = [];
  const onlyIn = (xs: string[], ys: string[]) => xs.filter((x) => !ys.includes(x));
  for (const db of onlyIn(a.databases, b.databases)) out.push({ kind: 'database-missing', database: db, detail: `database only in ${a.cluster}` });
  for (const db of onlyIn(b.databases, a.databases)) out.push({ kind: 'database-missing', database: db, detail: `database only in ${b.cluster}` });
  for (const db of a.databases.filter((d) => b.databases.includes(d))) {
    const ra = a.relations[db] ?? [];
    const rb = b.relations[db] ?? [];
    for (const r of onlyIn(ra, rb)) out.push({ kind: 'relation-missing', database: db, relation: r, detail: `only in ${a.cluster}` });
    for (const r of onlyIn(rb, ra)) out.push({ kind: 'relation-missing', database: db, relation: r, detail: `only in ${b.cluster}` });
    const ta = a.tables[db] ?? {};
    const tb = b.tables[db] ?? {};
    for (const t of Object.keys(ta).filter((x) => x in tb)) {
      if (ta[t].rows !== tb[t].rows) {
        out.push({ kind: 'row-count', database: db, relation: t, detail: `${ta[t].rows} rows in ${a.cluster}, ${tb[t].rows} in ${b.cluster}` });
      } else if (ta[t].hash !== tb[t].hash) {
        out.push({ kind: 'content', database: db, relation: t, detail: `same row count (${ta[t].rows}) but different contents` });
      }
    }
  }
  return out;
}

export async function compareClusters(a: Cluster, b: Cluster): Promise<Comparison> {
  const [sa, sb] = await Promise.all([snapshotData(a), snapshotData(b)]);
  const differences = diffSnapshots(sa, sb);
  return { equal: differences.length === 0, a: sa, b: sb, differences };
}

export function formatDifferences(differences: Difference[]): string {
  return differences.map((d) => `  ${d.kind.padEnd(16)} ${d.database}${d.relation ? ` ${d.relation}` : ''}: ${d.detail}`).join('\n');
}

/**
 * Up to `limit` rows present on only one side, for the error message. Reads whole tables, so it is
 * skipped for tables over `maxRows`.
 */
export async function sampleRowDifferences(a: Cluster, b: Cluster, db: string, table: string, limit = 5, maxRows = 200_000): Promise<string> {
  const fetch = (c: Cluster) =>
    withSnapshotSession(c, db, async (client) => {
      const n = Number((await client.query(`SELECT count(*) AS n FROM ONLY ${table}`)).rows[0].n);
      if (n > maxRows) return undefined;
      const rows = (await client.query<{ h: string; r: string }>(`SELECT md5(t::text) AS h, left(t::text, 200) AS r FROM ONLY ${table} t`)).rows;
      return new Map(rows.map((x) => [x.h, x.r]));
    });
  const [ma, mb] = await Promise.all([fetch(a), fetch(b)]);
  if (!ma || !mb) return `    (table too large to sample rows)`;
  const lines: string[] = [];
  for (const [h, r] of ma) if (!mb.has(h) && lines.length < limit) lines.push(`    only in ${a.name}: ${r}`);
  const fromA = lines.length;
  for (const [h, r] of mb) if (!ma.has(h) && lines.length < fromA + limit) lines.push(`    only in ${b.name}: ${r}`);
  return lines.join('\n');
}

/**
 * Throws a readable diff (with sample rows for a few tables) unless both clusters hold the same
 * data; then `b` (the synced target) must pass pg_amcheck --heapallindexed, and, with data
 * checksums, pg_checksums --check whenever it is stopped cleanly from then on (verify-cluster.ts).
 */
export async function expectSameData(a: Cluster, b: Cluster, context = ''): Promise<Comparison> {
  const cmp = await compareClusters(a, b);
  if (cmp.equal) {
    // What no sequential scan sees: index pages, and (at its next clean stop) page checksums.
    await expectAmcheckClean(b);
    if (await hasDataChecksums(b)) b.verifyChecksumsOnCleanStop = true;
    return cmp;
  }
  let msg = `${a.name} and ${b.name} differ${context ? ` ${context}` : ''} (${cmp.differences.length} differences):\n${formatDifferences(cmp.differences)}`;
  const rowDiffs = cmp.differences.filter((d) => d.kind === 'row-count' || d.kind === 'content').slice(0, 3);
  for (const d of rowDiffs) {
    try {
      msg += `\n  rows of ${d.database} ${d.relation}:\n${await sampleRowDifferences(a, b, d.database, d.relation!)}`;
    } catch (e) {
      msg += `\n  rows of ${d.database} ${d.relation}: (sampling failed: ${(e as Error).message})`;
    }
  }
  throw new Error(msg);
}

/**
 * Compare a primary and its standby at the same LSN: record the primary's current LSN, wait for the
 * standby to replay up to it, then compare. The caller must have stopped writing to the primary.
 */
export async function expectSameDataAtSameLsn(primary: Cluster, standby: Cluster, timeoutMs = 60_000): Promise<Comparison> {
  const lsn = await waitForReplay(primary, standby, timeoutMs);
  return expectSameData(primary, standby, `at LSN ${lsn}`);
}
