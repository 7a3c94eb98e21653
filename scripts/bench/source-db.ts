/**
 * The source of the benchmark: a PostgreSQL primary (data checksums on) filled to about the
 * requested size, vacuumed (hint bits and visibility maps set, so no tool's reads cause writes)
 * and checkpointed (nothing dirty left for a tool's start checkpoint to flush).
 */
import * as path from 'path';
import { Cluster, hasTool, seedData } from '../../test/support';
import { run } from '../../test/support/run';

/** pgbench_accounts + its primary key + our extra index + FSM/VM, per scale unit (measured on 15). */
const PGBENCH_MB_PER_SCALE = 16.4;
/** The three databases of a new cluster (postgres, template0, template1), catalogs only. */
const EMPTY_CLUSTER_MB = 22.5;
const SEED_TABLES = 4;

export interface SourceDb {
  primary: Cluster;
  serverVersion: string;
  /** How the data was made, e.g. "pgbench -i -s 60". */
  method: string;
  buildMs: number;
  /** Sum of pg_database_size over every database: what a copy must read and write, WAL aside. */
  databaseBytes: number;
  /** Per database, for the printout. */
  databases: Array<{ name: string; bytes: number }>;
}

const settings = {
  // Loading a GB should not checkpoint every few hundred MB (the harness default max_wal_size is 1GB).
  max_wal_size: "'4GB'",
  checkpoint_timeout: "'30min'",
};

export interface SourceOptions {
  /**
   * Half the size as a table of md5 text, numbers and jsonb, half pgbench: pgbench's blank-padded
   * rows alone compress 6-7 to 1, which flatters every compressed copy (the wan section).
   */
  mixed?: boolean;
}

export async function buildSource(version: number, sizeMb: number, say: (line: string) => void, opts: SourceOptions = {}): Promise<SourceDb> {
  const started = Date.now();
  // WAL summaries on 17+, so the DELTA section can time PTRACK beside DELTA.
  const primary = await Cluster.createPrimary(version, { checksums: true, settings, summarizeWal: version >= 17 });
  const fillMb = opts.mixed ? Math.max(EMPTY_CLUSTER_MB + 1, Math.round(sizeMb / 2)) : sizeMb;
  let method = hasTool(version, 'pgbench') ? await fillWithPgbench(primary, fillMb, say) : await fillWithSeedData(primary, fillMb, say);
  if (opts.mixed) method += ` + ${await fillWithMixedTable(primary, sizeMb - fillMb, say)}`;
  await primary.query('CHECKPOINT');
  const databases = (await primary.query<{ name: string; bytes: string }>(
    'SELECT datname AS name, pg_database_size(oid)::text AS bytes FROM pg_database ORDER BY 1',
  )).map((r) => ({ name: r.name, bytes: Number(r.bytes) }));
  return {
    primary,
    serverVersion: await primary.scalar<string>('SHOW server_version'),
    method,
    buildMs: Date.now() - started,
    databaseBytes: databases.reduce((sum, d) => sum + d.bytes, 0),
    databases,
  };
}

/** The fastest way to many MB: pgbench's tables, generated server-side, plus one secondary index. */
async function fillWithPgbench(primary: Cluster, sizeMb: number, say: (line: string) => void): Promise<string> {
  const scale = Math.max(1, Math.round((sizeMb - EMPTY_CLUSTER_MB) / PGBENCH_MB_PER_SCALE));
  // G: INSERT ... SELECT generate_series in the server (no client process competing for 2 cores);
  // v: VACUUM; p: primary keys.
  const args = ['-i', '-s', String(scale), '-I', 'dtGvp', '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', 'postgres'];
  say(`  pgbench ${args.join(' ')}`);
  await run(path.join(primary.binDir, 'pgbench'), args, { timeoutMs: 3_600_000, context: () => primary.logTail(20) });
  await primary.query('CREATE INDEX pgbench_accounts_bid_abalance ON pgbench_accounts (bid, abalance)');
  return `pgbench -i -s ${scale} -I dtGvp + an index on pgbench_accounts (bid, abalance)`;
}

/** A table of md5 text, numbers and jsonb: about as compressible as ordinary application data. */
async function fillWithMixedTable(primary: Cluster, mb: number, say: (line: string) => void): Promise<string> {
  // About 190 bytes of heap per row, plus its primary key.
  const rows = Math.max(1000, Math.round((mb * 1024 * 1024) / 210));
  say(`  mixed: ${rows} rows of md5 text, numbers and jsonb`);
  await primary.query(`CREATE TABLE mixed AS SELECT g AS id, md5(g::text) AS h, g * 7 % 1000 AS n, (random() * 1e6)::int AS r,
    jsonb_build_object('id', g, 'tag', md5((g % 97)::text), 'v', g % 13) AS j FROM generate_series(1, ${rows}) g`);
  await primary.query('ALTER TABLE mixed ADD PRIMARY KEY (id)');
  await primary.query('VACUUM (FREEZE, ANALYZE) mixed');
  return `a table "mixed" of ${rows} rows (md5 text, numbers, jsonb)`;
}

/** Without pgbench (the npm server-only builds): a few seedData tables, each with a second index. */
async function fillWithSeedData(primary: Cluster, sizeMb: number, say: (line: string) => void): Promise<string> {
  // seedData counts heap + primary key; the extra index adds about a fifth on top.
  const perTableMb = Math.max(1, Math.round((sizeMb - EMPTY_CLUSTER_MB) / SEED_TABLES / 1.2));
  say(`  seedData: ${SEED_TABLES} tables of ~${perTableMb} MB each`);
  for (let i = 1; i <= SEED_TABLES; i++) {
    await seedData(primary, { mb: perTableMb, table: `bench_${i}` });
    await primary.query(`CREATE INDEX bench_${i}_k ON bench_${i} (k)`);
  }
  await primary.query('VACUUM (FREEZE, ANALYZE)');
  return `seedData: ${SEED_TABLES} tables (bigint key, int k, 192-char text) of ~${perTableMb} MB, indexes on id and k`;
}
