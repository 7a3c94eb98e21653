/**
 * PTRACK through the server's incremental backup (PostgreSQL 17+, summarize_wal = on): the target
 * is described to the source as a backup at R, BASE_BACKUP (INCREMENTAL) sends only what changed,
 * and it is applied in place. The standby must start and match, indexes included.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/engine/report/report';
import {
  Cluster, describeEachVersion, expectCliSuccess, expectSameDataAtSameLsn, makeOwnedDir, makeScratchDir, prepareSchema, primaryWithStandby, promoteStandby, runCli,
  startAsStandby, testVersions, treeDigest, useClusters, waitForStreaming,
} from '../support';
import { runCliWithReport } from '../support/cli';
import { expectValidReport } from '../support/report-schema';

useClusters();

const conn = (c: Cluster) => ['-h', '127.0.0.1', '-p', String(c.port), '-U', 'postgres'];

const runWithReport = runCliWithReport;

describeEachVersion(testVersions().filter((v) => v >= 17), 'PTRACK through BASE_BACKUP (INCREMENTAL) on PostgreSQL %i', (version) => {
  let primary: Cluster;

  beforeAll(async () => {
    primary = await Cluster.createPrimary(version, { summarizeWal: true });
    await prepareSchema(primary);
    await primary.query('CREATE TABLE big (id int PRIMARY KEY, v text)');
    await primary.query("INSERT INTO big SELECT g, repeat('p', 200) FROM generate_series(1, 100000) g");
    await primary.query('CREATE INDEX big_v ON big (v)');
    await primary.query('CREATE TABLE to_truncate AS SELECT g AS id, md5(g::text) AS v FROM generate_series(1, 20000) g');
    await primary.query('CREATE TABLE to_drop AS SELECT g AS id FROM generate_series(1, 5000) g');
    await primary.query('VACUUM big');
  }, 120_000);

  test('a lagging standby gets only the changed blocks from the server, starts, and matches', async () => {
    const dir = primary.makeTargetDir();
    expectCliSuccess(await runCli(['catchup', '-b', 'FULL', '-D', dir, '-R', ...conn(primary)]));
    const standby = await startAsStandby(dir);
    await waitForStreaming(primary);
    await standby.stop('fast');

    await primary.query("UPDATE big SET v = v || 'x' WHERE id % 1000 = 0");
    await primary.query("INSERT INTO big SELECT g, 'new' FROM generate_series(100001, 103000) g");
    await primary.query('TRUNCATE to_truncate');
    await primary.query("INSERT INTO to_truncate SELECT g, 'after truncate' FROM generate_series(1, 300) g");
    await primary.query('DROP TABLE to_drop');
    await primary.query("CREATE TABLE brand_new AS SELECT g AS id, repeat(md5(g::text), 10) AS v FROM generate_series(1, 3000) g");
    await primary.query('DROP DATABASE IF EXISTS fresh');
    await primary.query('CREATE DATABASE fresh');
    await primary.query('CREATE TABLE t_fresh AS SELECT g FROM generate_series(1, 1000) g', [], 'fresh');

    const res = await runWithReport(['catchup', '-b', 'PTRACK', '-D', dir, '-R', ...conn(primary)]);
    if (res.code !== 0) throw new Error(res.stderr);
    expect(res.report.changeSources).toEqual([expect.objectContaining({ side: 'source', method: 'incremental-backup', filesScanned: 0 })]);
    expect(res.stderr).toMatch(/source side: incremental-backup/);
    expect(res.stderr).toMatch(/incremental backup from \S+ to \S+: \d+ files whole .*, \d+ incremental files with \d+ changed blocks/);
    const bigBytes = Number(await primary.scalar<string>("SELECT pg_total_relation_size('big')"));
    process.stdout.write(res.stderr.split('\n').filter((l) => /incremental|plan|source side/.test(l)).join('\n') + '\n');
    process.stdout.write(`PostgreSQL ${version}: incremental PTRACK copied ${res.report.files.bytesCopied} bytes ` +
      `(${res.report.files.patched} incremental files, ${res.report.files.blocksCopied} blocks; big is ${bigBytes} bytes)\n`);
    expect(res.report.files.patched).toBeGreaterThan(10);
    expect(res.report.files.blocksCopied).toBeGreaterThan(50);
    // Sparse changes travel as blocks; what is sent whole (the new database, FSM forks, SLRUs) is small beside the cluster.
    expect(res.report.files.blocksCopied * 8192).toBeLessThan(bigBytes / 2);
    const clusterBytes = Number(await primary.scalar<string>('SELECT sum(pg_database_size(oid))::text FROM pg_database'));
    expect(res.report.files.bytesCopied).toBeLessThan(clusterBytes / 2);
    expect(fs.readFileSync(path.join(dir, 'backup_label'), 'utf8')).not.toMatch(/INCREMENTAL/);
    // auto on loopback: the server does not compress (FULL's rule), and the report says so.
    expect(res.report.transfer).toMatchObject({ requested: 'auto', transfer: 'base-backup', reason: expect.stringMatching(/travels uncompressed: auto: the source is on this host/) });
    expect(res.report.transfer?.method).toBeUndefined();

    await standby.start();
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);

    // --compress=gzip: the same changed blocks, compressed on the server (every build has gzip, and so has Node.js).
    await standby.stop('fast');
    await primary.query("UPDATE big SET v = v || 'z' WHERE id % 700 = 0");
    await primary.query("INSERT INTO brand_new SELECT g, repeat(md5(g::text), 10) FROM generate_series(3001, 6000) g");
    const gz = await runWithReport(['catchup', '-b', 'PTRACK', '-D', dir, '-R', ...conn(primary), '--compress=gzip:level=1']);
    if (gz.code !== 0) throw new Error(gz.stderr);
    expect(gz.report.transfer).toMatchObject({ requested: 'gzip:level=1', transfer: 'base-backup', method: 'gzip', detail: 'level=1' });
    expect(gz.report.changeSources).toEqual([expect.objectContaining({ side: 'source', method: 'incremental-backup' })]);
    expect(gz.report.files.blocksCopied).toBeGreaterThan(10);
    // Compressed: fewer bytes arrived than the blocks and files they carried.
    expect(gz.report.transfer!.receivedBytes!).toBeLessThan(gz.report.files.bytesCopied);
    await standby.start();
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.stop('fast');
  }, 300_000);

  test('a tablespace (mapped with -T): its files come through its own archive, below the target\'s link', async () => {
    const location = makeOwnedDir(path.join(makeScratchDir('inc-ts'), 'location'));
    const mapped = path.join(makeScratchDir('inc-ts-mapped'), 'ts');
    await primary.query(`CREATE TABLESPACE inc_ts LOCATION '${location}'`);
    await primary.query('CREATE TABLE in_ts (id int PRIMARY KEY, v text) TABLESPACE inc_ts');
    await primary.query("INSERT INTO in_ts SELECT g, repeat(md5(g::text), 4) FROM generate_series(1, 20000) g");
    const dir = primary.makeTargetDir();
    expectCliSuccess(await runCli(['catchup', '-b', 'FULL', '-D', dir, '-R', ...conn(primary), '-T', `${location}=${mapped}`]));
    await primary.query("UPDATE in_ts SET v = 'changed' WHERE id % 500 = 0");
    await primary.query('CREATE TABLE new_in_ts TABLESPACE inc_ts AS SELECT g FROM generate_series(1, 2000) g');
    const res = await runWithReport(['catchup', '-b', 'PTRACK', '-D', dir, '-R', ...conn(primary), '-T', `${location}=${mapped}`]);
    if (res.code !== 0) throw new Error(res.stderr);
    expect(res.report.changeSources).toEqual([expect.objectContaining({ method: 'incremental-backup' })]);
    const inTs = await primary.scalar<string>("SELECT pg_relation_filepath('in_ts')");
    expect(fs.existsSync(path.join(dir, inTs))).toBe(true);
    expect(fs.readdirSync(mapped).some((d) => d.startsWith('PG_'))).toBe(true);
    const standby = await startAsStandby(dir);
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.stop('fast');
    await primary.query('DROP TABLE in_ts, new_in_ts');
    await primary.query('DROP TABLESPACE inc_ts');
  }, 240_000);

  test("a diverged old primary: the server's blocks, and the old primary's own changes read over SQL", async () => {
    const f = await primaryWithStandby(version, { summarizeWal: true, walLogHints: true });
    await prepareSchema(f.oldPrimary);
    await f.oldPrimary.query('CREATE TABLE t (id int PRIMARY KEY, v text)');
    await f.oldPrimary.query("INSERT INTO t SELECT g, 'before' FROM generate_series(1, 20000) g");
    await f.oldPrimary.query('CHECKPOINT');
    await promoteStandby(f);
    await f.oldPrimary.query("UPDATE t SET v = 'old primary only' WHERE id % 10 = 0");
    await f.oldPrimary.query("CREATE TABLE only_on_old AS SELECT g FROM generate_series(1, 1000) g");
    await f.newPrimary.query("UPDATE t SET v = 'new primary' WHERE id % 7 = 0");
    await f.oldPrimary.stop('fast');
    const dir = f.oldPrimary.dataDir;
    const res = await runWithReport(['catchup', '-b', 'PTRACK', '-D', dir, '-R', ...conn(f.newPrimary)]);
    if (res.code !== 0) throw new Error(res.stderr);
    expect(res.report.divergence?.diverged).toBe(true);
    expect(res.report.changeSources?.map((c) => [c.side, c.method])).toEqual([['source', 'incremental-backup'], ['target', 'target-wal']]);
    expect(res.stderr).toMatch(/blocks the target changed read over SQL/);
    const rewound = await startAsStandby(dir);
    await waitForStreaming(f.newPrimary);
    await expectSameDataAtSameLsn(f.newPrimary, rewound);
    await rewound.stop('fast');
  }, 240_000);

  test("a role without REPLICATION is refused before any write, as before (PTRACK needs a backup session either way)", async () => {
    await primary.query(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ptrack_files_only') THEN CREATE ROLE ptrack_files_only LOGIN; END IF; END $$;
      GRANT EXECUTE ON function pg_catalog.pg_ls_dir(text, boolean, boolean) TO ptrack_files_only;
      GRANT EXECUTE ON function pg_catalog.pg_stat_file(text, boolean) TO ptrack_files_only;
      GRANT EXECUTE ON function pg_catalog.pg_read_binary_file(text) TO ptrack_files_only;
      GRANT EXECUTE ON function pg_catalog.pg_read_binary_file(text, bigint, bigint, boolean) TO ptrack_files_only;`);
    const dir = primary.makeTargetDir();
    expectCliSuccess(await runCli(['catchup', '-b', 'FULL', '-D', dir, '-R', ...conn(primary)]));
    await primary.query("UPDATE big SET v = v || 'z' WHERE id % 113 = 0");
    const before = treeDigest(dir);
    const res = await runWithReport(['catchup', '-b', 'PTRACK', '-D', dir, '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'ptrack_files_only', '-d', 'postgres']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/ptrack_files_only lacks the privileges of a backup session .*WITH REPLICATION/);
    expect(treeDigest(dir)).toBe(before);
  }, 240_000);

  test('forced to the SQL path (--change-source source=wal-summaries), the summaries are read over SQL as before', async () => {
    const dir = primary.makeTargetDir();
    expectCliSuccess(await runCli(['catchup', '-b', 'FULL', '-D', dir, '-R', ...conn(primary)]));
    await primary.query("UPDATE big SET v = v || 'y' WHERE id % 97 = 0");
    // A dry run starts no backup: the same summaries, read over SQL, estimate what the server would send.
    await primary.query('CHECKPOINT');
    const dry = await runWithReport(['catchup', '-b', 'PTRACK', '--dry-run', '-D', dir, ...conn(primary)]);
    expect(dry.code).toBe(0);
    expect(dry.report.changeSources).toEqual([expect.objectContaining({ method: 'incremental-backup', detail: expect.stringMatching(/^estimated from .*WAL summaries/) })]);
    expect(dry.report.changeSources![0].blocksFound).toBeGreaterThan(0);
    const res = await runWithReport(['catchup', '-b', 'PTRACK', '--change-source', 'source=wal-summaries', '-D', dir, '-R', ...conn(primary)]);
    if (res.code !== 0) throw new Error(res.stderr);
    expect(res.report.changeSources).toEqual([expect.objectContaining({ method: 'wal-summaries' })]);
    expect(res.stderr).toMatch(/source side: wal-summaries, forced/);
    const standby = await startAsStandby(dir);
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.stop('fast');
  }, 240_000);
});
