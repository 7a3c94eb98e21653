import * as fs from 'fs';
import {
  Cluster, expectCliSuccess, expectSameDataAtSameLsn, prepareSchema, promoteStandby, primaryWithStandby, runCli, standbyOf, startAsStandby,
  treeDigest, useClusters, waitForReplay, waitForStreaming,
} from '../support';
import { expectValidReport } from '../support/report-schema';

useClusters();

/** pg_rewind's documented minimal role (its RewindTest.pm grants exactly these): no REPLICATION, no backup functions. */
const MINIMAL_ROLE = `CREATE ROLE rewind_user LOGIN;
  GRANT EXECUTE ON function pg_catalog.pg_ls_dir(text, boolean, boolean) TO rewind_user;
  GRANT EXECUTE ON function pg_catalog.pg_stat_file(text, boolean) TO rewind_user;
  GRANT EXECUTE ON function pg_catalog.pg_read_binary_file(text) TO rewind_user;
  GRANT EXECUTE ON function pg_catalog.pg_read_binary_file(text, bigint, bigint, boolean) TO rewind_user;`;

const asRewindUser = (c: Cluster) => `--source-server=host=127.0.0.1 port=${c.port} user=rewind_user dbname=postgres`;

describe.each([15, 18])("pg_rewind's minimal role as the source's role, PostgreSQL %i", (version) => {
  test('rewind after a failover by files only (no slot, no backup, no replication connection); the old primary then follows the new one', async () => {
    const f = await primaryWithStandby(version);
    const p = f.oldPrimary;
    await p.query(MINIMAL_ROLE);
    await prepareSchema(p);
    await p.query("CREATE TABLE shared (id int PRIMARY KEY, v text); INSERT INTO shared SELECT g, 'before the fork' FROM generate_series(1, 5000) g");
    await p.query('CHECKPOINT');
    // R's segment ends before the fork: the old primary keeps it for its recovery (pg_rewind's rule).
    await p.query("INSERT INTO shared VALUES (0, 'before the fork'); SELECT pg_switch_wal()");
    await promoteStandby(f);
    const n = f.newPrimary;
    // Both sides write after the fork; the old primary's own changes must be undone.
    await n.query("UPDATE shared SET v = 'new primary' WHERE id % 3 = 0; CREATE TABLE only_new AS SELECT g FROM generate_series(1, 2000) g");
    await p.query("UPDATE shared SET v = 'old primary, discarded' WHERE id % 5 = 0; DELETE FROM shared WHERE id > 4000; CREATE TABLE only_old AS SELECT g FROM generate_series(1, 3000) g");
    await p.query('VACUUM shared');
    await p.stop('fast');
    // The promotion's checkpoint, as RewindTest.pm forces it: the target replays from R, and the source's last checkpoint must be at or after it.
    await n.query('CHECKPOINT');
    await n.query("INSERT INTO shared VALUES (100001, 'after the checkpoint')");

    const reportFile = `${p.dataDir}.report.json`;
    const res = await runCli(['rewind', '-D', p.dataDir, asRewindUser(n), '-R', '--debug', `--target-bindir=${p.binDir}`, `--report=${reportFile}`]);
    expectCliSuccess(res);
    const log = res.stdout + res.stderr;
    expect(log).toMatch(/copy method: pg_rewind's way \(files only\): rewind_user .* lacks REPLICATION/);
    expect(log).toMatch(/Not removing file "pg_wal\/[0-9A-F]{24}" because it is required for recovery/);
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    expectValidReport(report);
    expect(report.copyMethod).toEqual({ method: 'files-only', reason: expect.stringContaining('lacks REPLICATION') });
    expect(report.checks.find((c: { id: string }) => c.id === 'privileges').status).toBe('pass');
    expect(report.checks.find((c: { id: string }) => c.id === 'wal-senders').status).toBe('skip');
    // Nothing of a backup session or a slot happened on the source.
    expect(await n.query('SELECT slot_name FROM pg_replication_slots')).toEqual([]);
    expect(fs.readFileSync(`${p.dataDir}/backup_label`, 'utf8')).toContain(`START WAL LOCATION: ${report.lsn.reference} `);

    // As in pg_rewind's suite: the rewound node streams with this role once it may.
    await n.query('ALTER ROLE rewind_user WITH REPLICATION');
    const standby = await startAsStandby(p.dataDir);
    await waitForStreaming(n);
    await expectSameDataAtSameLsn(n, standby);
    const rows = await standby.query<{ v: string; c: string }>('SELECT v, count(*)::text AS c FROM shared GROUP BY v ORDER BY v');
    expect(rows.map((r) => r.v)).toEqual(['after the checkpoint', 'before the fork', 'new primary']);
    expect(await standby.query("SELECT to_regclass('only_old') AS r")).toEqual([{ r: null }]);
    await standby.stop('fast');
  });

  test('killed (SIGKILL) during a files-only rewind: unstartable, and the same command with the same role resumes it', async () => {
    const f = await primaryWithStandby(version);
    const p = f.oldPrimary;
    await p.query(MINIMAL_ROLE);
    await p.query('CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, md5(g::text) FROM generate_series(1, 20000) g');
    await p.query('CHECKPOINT');
    await p.query("INSERT INTO t VALUES (0, 'shared'); SELECT pg_switch_wal()");
    await promoteStandby(f);
    const n = f.newPrimary;
    await n.query("UPDATE t SET v = 'new' WHERE id % 7 = 0");
    await p.query("UPDATE t SET v = 'old' WHERE id % 5 = 0");
    await p.stop('fast');
    await n.query('CHECKPOINT');
    const cli = ['rewind', '-D', p.dataDir, asRewindUser(n), '-R', `--target-bindir=${p.binDir}`];
    // After the WAL from R was copied and the plan made; then after the WAL to the end, before backup_label and pg_control.
    for (const killOn of [/plan: /, /files only: the target replays from R/]) {
      await n.query("UPDATE t SET v = v || '+' WHERE id % 11 = 0");
      const killed = await runCli(cli, { killOn });
      expect({ killed: killed.killed, stderr: killed.stderr }).toMatchObject({ killed: true });
      expect(fs.existsSync(`${p.dataDir}/pg_catchup.marker`)).toBe(true);
      expect(fs.existsSync(`${p.dataDir}/global/pg_control`)).toBe(false);
    }
    const done = await runCli(cli);
    expectCliSuccess(done);
    expect(done.stdout + done.stderr).toMatch(/copy method: pg_rewind's way \(files only\)/);
    await n.query('ALTER ROLE rewind_user WITH REPLICATION');
    const standby = await startAsStandby(p.dataDir);
    await waitForStreaming(n);
    await expectSameDataAtSameLsn(n, standby);
    await standby.stop('fast');
  });

  test('the source is a standby that followed the new primary: identity from its pg_control, the end at its replay position', async () => {
    const f = await primaryWithStandby(version);
    const p = f.oldPrimary;
    await p.query(MINIMAL_ROLE);
    // A second standby of the old primary, which will follow the new one: it has the WAL from R.
    const s2 = await standbyOf(p);
    await p.query('CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, md5(g::text) FROM generate_series(1, 5000) g');
    await p.query('CHECKPOINT');
    await p.query("INSERT INTO t VALUES (0, 'shared'); SELECT pg_switch_wal()");
    await waitForReplay(p, s2);
    await s2.stop('fast');
    await promoteStandby(f);
    const n = f.newPrimary;
    fs.appendFileSync(`${s2.dataDir}/postgresql.auto.conf`, `primary_conninfo = 'host=127.0.0.1 port=${n.port} user=postgres'\n`);
    await s2.start();
    await n.query("UPDATE t SET v = 'new' WHERE id % 7 = 0");
    await p.query("UPDATE t SET v = 'old' WHERE id % 5 = 0");
    await p.stop('fast');
    // A restartpoint of the standby at or after R: the new primary's checkpoint, replayed.
    await n.query('CHECKPOINT');
    await waitForReplay(n, s2);
    await s2.query('CHECKPOINT');

    const res = await runCli(['rewind', '-D', p.dataDir, asRewindUser(s2), '-R', `--target-bindir=${p.binDir}`]);
    expectCliSuccess(res);
    expect(res.stdout + res.stderr).toMatch(/copy method: pg_rewind's way \(files only\)/);
    await n.query('ALTER ROLE rewind_user WITH REPLICATION');
    const standby = await startAsStandby(p.dataDir);
    await waitForStreaming(s2);
    await expectSameDataAtSameLsn(n, standby);
    await standby.stop('fast');
    await s2.stop('fast');
  });

  test('DELTA (and AUTO, which resolves to it) of a lagging standby with the minimal role: files only too', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query(MINIMAL_ROLE);
    await prepareSchema(primary);
    const standby = await standbyOf(primary);
    await standby.stop('fast');
    await primary.query('CREATE TABLE later AS SELECT g, md5(g::text) AS v FROM generate_series(1, 20000) g; CHECKPOINT');
    const res = await runCli(['catchup', '-b', 'AUTO', '-D', standby.dataDir, '-R', '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'rewind_user',
      `--report=${standby.dataDir}.json`]);
    expectCliSuccess(res);
    const report = JSON.parse(fs.readFileSync(`${standby.dataDir}.json`, 'utf8'));
    expectValidReport(report);
    expect(report).toMatchObject({ mode: 'DELTA', modeRequested: 'AUTO', copyMethod: { method: 'files-only' } });
    await primary.query('ALTER ROLE rewind_user WITH REPLICATION');
    await standby.start();
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.stop('fast');
  });

  test('what files only cannot do is refused before the first write, naming the grants: FULL, and WAL from R that neither side has', async () => {
    const f = await primaryWithStandby(version);
    const p = f.oldPrimary;
    await p.query(MINIMAL_ROLE);
    await p.query('CREATE TABLE t AS SELECT g FROM generate_series(1, 100) g');
    await p.query('CHECKPOINT');
    await promoteStandby(f);
    const n = f.newPrimary;
    await n.query('CHECKPOINT');
    await p.query('INSERT INTO t SELECT g FROM generate_series(1, 100) g');
    await p.stop('fast');

    const full = await runCli(['catchup', '-b', 'FULL', '-D', `${p.dataDir}.full`, '-h', '127.0.0.1', '-p', String(n.port), '-U', 'rewind_user']);
    expect(full.code).not.toBe(0);
    expect(fs.existsSync(`${p.dataDir}.full`)).toBe(false);
    expect(full.stderr).toMatch(/lacks the privileges of a backup session.*WITH REPLICATION.*pg_backup_start/s);

    // A standby made after the promotion has no WAL from before it, and the fork's segment is the new timeline's.
    const late = await standbyOf(n);
    const before = treeDigest(p.dataDir);
    const refused = await runCli(['rewind', '-D', p.dataDir, asRewindUser(late), '-R']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/files only.*the source no longer has .* WAL segment\(s\) from R .*and the target does not have it either.*WITH LOGIN REPLICATION/s);
    expect(treeDigest(p.dataDir)).toBe(before);
    await late.stop('fast');
  });
});
