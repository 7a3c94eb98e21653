/**
 * PTRACK's WAL-summary source on real PostgreSQL 17+ servers: the blocks the summaries name (after
 * limit blocks and whole FSM forks) must include every block a page-LSN scan finds changed since R.
 */
import * as path from 'path';
import { Client } from 'pg';
import { CatchupError } from '../../src/engine/errors';
import { parseRelationPath } from '../../src/engine/pgdata/relation-path';
import { scanChangedBlocks } from '../../src/engine/source/server/page-lsn-scan';
import { listSourceFiles } from '../../src/engine/source/server/file-listing';
import {
  applyLimitBlocks, checkWalSummaries, RelationLayout, walSummaryChanges,
} from '../../src/engine/changes/wal-summaries';
import { formatLsn, Lsn, parseLsn } from '../../src/engine/wal/lsn';
import {
  Cluster, makeOwnedDir, makeScratchDir, prepareSchema, seedData, startWriteLoad, testVersions, useClusters,
} from '../support';

useClusters();

const versions = testVersions().filter((v) => v >= 17);

async function lsnOf(c: Cluster | Client, sql: string): Promise<Lsn> {
  const rows = c instanceof Cluster ? await c.query<{ lsn: string }>(sql) : (await c.query<{ lsn: string }>(sql)).rows;
  return parseLsn(rows[0].lsn);
}

async function refusal(p: Promise<unknown>): Promise<CatchupError> {
  try {
    await p;
  } catch (err) {
    if (!(err instanceof CatchupError)) throw err;
    expect(err.code).toBe('ptrack-unavailable');
    expect(err.fix).toMatch(/-b DELTA/);
    return err;
  }
  throw new Error('walSummaryChanges did not refuse');
}

const isFsm = (p: string) => parseRelationPath(p)?.fork === 'fsm';
const count = (m: Map<string, number[]>, keep: (p: string) => boolean = () => true) =>
  [...m].filter(([p]) => keep(p)).reduce((n, [, b]) => n + b.length, 0);

if (versions.length === 0) {
  test.skip('WAL summaries need PostgreSQL 17+; PG_CATCHUP_TEST_VERSIONS names none', () => undefined);
} else {
  describe.each(versions)('WAL summaries on PostgreSQL %i', (version) => {
    let primary: Cluster;
    let layout: RelationLayout;
    const relPath = async (table: string, db = 'postgres') => primary.scalar<string>('SELECT pg_relation_filepath($1)', [table], db);

    beforeAll(async () => {
      primary = await Cluster.createPrimary(version, { summarizeWal: true });
      await prepareSchema(primary, ['catchup_a']);
      await seedData(primary, { rows: 60_000, table: 'big' });
      const location = makeOwnedDir(path.join(makeScratchDir('wal-summaries-ts'), 'location'));
      await primary.query(`CREATE TABLESPACE ts1 LOCATION '${location}'`);
      await primary.query('CREATE TABLE in_ts (id int PRIMARY KEY, v text) TABLESPACE ts1');
      await primary.query('INSERT INTO in_ts SELECT g, repeat(md5(g::text), 4) FROM generate_series(1, 5000) g');
      await primary.query('CREATE TABLE to_drop AS SELECT g AS id FROM generate_series(1, 5000) g');
      await primary.query('CREATE TABLE to_truncate AS SELECT g AS id, md5(g::text) AS v FROM generate_series(1, 20000) g');
      await primary.query('CREATE TABLE to_vacuum AS SELECT g AS id, md5(g::text) AS v FROM generate_series(1, 50000) g');
      await primary.query('VACUUM to_vacuum');
      const [init] = await primary.query<{ bs: number; seg: number; dir: string }>(
        `SELECT i.database_block_size AS bs, i.blocks_per_segment AS seg,
                'PG_' || current_setting('server_version_num')::int / 10000 || '_' || s.catalog_version_no AS dir
           FROM pg_control_init() i, pg_control_system() s`,
      );
      layout = { blockSize: init.bs, relsegSize: init.seg, tablespaceVersionDir: init.dir };
    });

    test('the summaries name every block changed since R (page LSN scan), and not many more', async () => {
      const dropped = await relPath('to_drop');
      const truncatedOld = await relPath('to_truncate');
      const vacuumed = await relPath('to_vacuum');
      const vacuumedBlocksBefore = Number(await primary.scalar<string>("SELECT pg_relation_size('to_vacuum', 'main') / current_setting('block_size')::int"));

      await primary.query('CHECKPOINT');
      const R = await lsnOf(primary, 'SELECT redo_lsn::text AS lsn FROM pg_control_checkpoint()');

      const load = await startWriteLoad(primary, { databases: ['catchup_a'], pauseMs: 5 });
      const session = await primary.client();
      try {
        await primary.query('UPDATE big SET k = k + 1 WHERE id % 5000 = 0');
        await primary.query('UPDATE in_ts SET v = v || $1 WHERE id % 100 = 0', ['x']);
        await primary.query('TRUNCATE to_truncate');
        await primary.query('INSERT INTO to_truncate SELECT g, md5(g::text) FROM generate_series(1, 100) g');
        await primary.query('DROP TABLE to_drop');
        await primary.query('CREATE TABLE brand_new AS SELECT g AS id, repeat(md5(g::text), 10) AS v FROM generate_series(1, 3000) g');
        await primary.query('DELETE FROM to_vacuum WHERE id > 20000 OR id % 7 = 0');
        await primary.query('VACUUM to_vacuum');
        await primary.query('DROP DATABASE IF EXISTS fresh');
        await primary.query('CREATE DATABASE fresh');
        await primary.query('CHECKPOINT');

        const start = await lsnOf(session, "SELECT pg_backup_start('pg-catchup wal-summaries test', true)::text AS lsn");
        const tli = Number(await primary.scalar<number>('SELECT timeline_id FROM pg_control_checkpoint()'));
        const logged: string[] = [];
        const t0 = Date.now();
        const result = await walSummaryChanges(session, {
          fromLsn: R, toLsn: start, timeline: tli, history: [], ...layout, waitMs: 30_000, logger: { info: (m) => logged.push(m) },
        });
        const waitedMs = Date.now() - t0;

        const listing = await listSourceFiles(session);
        const sizes = new Map(listing.filter((e) => !e.isDir).map((e) => [e.path, e.size]));
        const selected = applyLimitBlocks(result.changed, result.limits, sizes, layout.blockSize, layout.relsegSize);

        // Independently, by page LSN. The server keeps changing pages (load, autovacuum, hint-bit
        // FPIs); what changed after the start LSN is replayed from WAL and is no business of the
        // summaries, so a block counts when its LSN is >= R now but was not >= start a moment later.
        const ranges = listing
          .filter((e) => !e.isDir && e.size >= layout.blockSize && parseRelationPath(e.path) && !parseRelationPath(e.path)!.isTemp)
          .map((e) => ({ path: e.path, length: e.size }));
        const sinceR = await scanChangedBlocks(session, ranges, R, layout.blockSize);
        const sinceStart = await scanChangedBlocks(session, ranges, start, layout.blockSize);
        await session.query('SELECT pg_backup_stop(false)');

        const expected = new Map<string, number[]>();
        for (const [p, blocks] of sinceR) {
          const later = new Set(sinceStart.get(p) ?? []);
          const inRange = blocks.filter((b) => !later.has(b));
          if (inRange.length) expected.set(p, inRange);
        }
        const missing: string[] = [];
        for (const [p, blocks] of expected) {
          const have = new Set(selected.get(p) ?? []);
          for (const b of blocks) if (!have.has(b)) missing.push(`${p}#${b}`);
        }
        expect(missing).toEqual([]);

        // What moved is there: the range is summarized, the scenario's objects show up.
        expect(result.summaries).toBeGreaterThan(0);
        expect(result.rows).toBeGreaterThan(0);
        expect(waitedMs).toBeLessThan(15_000);
        expect(logged.join('\n')).toMatch(new RegExp(`covering ${formatLsn(R)}\\.\\.${formatLsn(start)}`));
        expect(result.limits.get(dropped)).toBe(0);
        expect(result.limits.get(truncatedOld)).toBe(0);
        expect(sizes.has(dropped)).toBe(false);
        const truncatedNew = await relPath('to_truncate');
        expect(result.limits.get(truncatedNew)).toBe(0);
        expect(selected.get(truncatedNew)?.length).toBe(Math.floor(sizes.get(truncatedNew)! / layout.blockSize));
        const vacuumLimit = result.limits.get(vacuumed);
        expect(vacuumLimit).toBeLessThan(vacuumedBlocksBefore);
        const inTs = await relPath('in_ts');
        expect(inTs).toMatch(new RegExp(`^pg_tblspc/\\d+/${layout.tablespaceVersionDir}/\\d+/\\d+$`));
        expect(selected.get(inTs)?.length).toBeGreaterThan(0);
        const freshOid = await primary.scalar<string>("SELECT oid::text FROM pg_database WHERE datname = 'fresh'");
        expect(result.limits.get(`base/${freshOid}`)).toBe(0);
        for (const [p, size] of sizes) {
          if (p.startsWith(`base/${freshOid}/`) && parseRelationPath(p) && size >= layout.blockSize) {
            expect(selected.get(p)).toHaveLength(Math.floor(size / layout.blockSize));
          }
        }

        // Not wildly more than the scan: FSM forks (taken whole) and the new database aside.
        const plain = (p: string) => !isFsm(p) && !p.startsWith(`base/${freshOid}/`);
        const selectedPlain = count(selected, plain);
        const scannedPlain = count(sinceR, plain);
        expect(selectedPlain).toBeLessThan(3 * scannedPlain + 200);
        process.stdout.write(
          `PostgreSQL ${version}: ${result.summaries} summaries, ${result.rows} rows, waited ${waitedMs} ms; ` +
            `selected ${count(selected)} blocks (${selectedPlain} outside FSM forks and the new database), ` +
            `page-LSN scan ${count(sinceR)} (${scannedPlain}), of which ${count(expected)} changed before the start LSN\n`,
        );
      } finally {
        await session.end().catch(() => undefined);
        await load.stop();
      }
    });

    test('a role with nothing but LOGIN can read them (the functions are PUBLIC by default)', async () => {
      await primary.query('DROP ROLE IF EXISTS summary_reader');
      await primary.query('CREATE ROLE summary_reader LOGIN');
      await primary.query('CHECKPOINT');
      const to = await lsnOf(primary, 'SELECT redo_lsn::text AS lsn FROM pg_control_checkpoint()');
      const from = await lsnOf(primary, 'SELECT min(start_lsn)::text AS lsn FROM pg_available_wal_summaries() WHERE tli = 1');
      const client = new Client({ host: '127.0.0.1', port: primary.port, user: 'summary_reader', database: 'postgres' });
      client.on('error', () => undefined);
      await client.connect();
      try {
        expect(await checkWalSummaries(client)).toBeNull();
        const result = await walSummaryChanges(client, { fromLsn: from, toLsn: to, timeline: 1, history: [], ...layout, waitMs: 30_000 });
        expect(result.summaries).toBeGreaterThan(1);
        expect(result.changed.size).toBeGreaterThan(0);
      } finally {
        await client.end().catch(() => undefined);
      }
    });

    test('a start LSN the summarizer does not reach within waitMs is refused with where it got to', async () => {
      const client = await primary.client();
      try {
        const insert = await lsnOf(client, 'SELECT pg_current_wal_insert_lsn()::text AS lsn');
        const err = await refusal(walSummaryChanges(client, {
          fromLsn: insert - 0x100000n, toLsn: insert + 0x1000000n, timeline: 1, history: [], ...layout, waitMs: 300,
        }));
        expect(err.message).toMatch(/do not reach the backup start [0-9A-F]+\/[0-9A-F]+ after 300 ms: the summarizer \(PID \d+\) has written summaries up to/);
      } finally {
        await client.end().catch(() => undefined);
      }
    });

    test('summarize_wal off: refused with the reason, DELTA as the way out', async () => {
      await primary.query('ALTER SYSTEM SET summarize_wal = off');
      await primary.query('SELECT pg_reload_conf()');
      const client = await primary.client();
      try {
        expect(await checkWalSummaries(client)).toMatch(/summarize_wal is off/);
        const err = await refusal(walSummaryChanges(client, {
          fromLsn: 1n, toLsn: 2n, timeline: 1, history: [], ...layout, waitMs: 1000,
        }));
        expect(err.message).toMatch(/PTRACK cannot use WAL summaries: summarize_wal is off on the source/);
        expect(err.fix).toMatch(/summarize_wal = on/);
      } finally {
        await client.end().catch(() => undefined);
        await primary.query('ALTER SYSTEM RESET summarize_wal');
        await primary.query('SELECT pg_reload_conf()');
      }
    });
  });
}
