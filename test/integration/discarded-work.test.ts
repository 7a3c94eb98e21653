import * as fs from 'fs';
import * as path from 'path';
import {
  edgeTestVersions, expectCliSuccess, expectStandbyMatches, makeScratchDir, primaryWithStandby, promoteStandby, runCli, sourceServer, treeDigest, useClusters,
} from '../support';
import { readValidReport } from '../support/report-schema';
import { run } from '../support/run';

useClusters();

// Issue 9: the old primary's commits after the fork are what a rewind throws away; say so.
describe.each(edgeTestVersions())('what a rewind discards, PostgreSQL %i', (version) => {
  test('--dry-run reports the commits made after the fork (count, time range, databases, relations); --keep-discarded-wal keeps their WAL', async () => {
    // No autovacuum: every commit after the fork is one of the test's.
    const f = await primaryWithStandby(version, { walLogHints: true, settings: { autovacuum: 'off' } });
    const old = f.oldPrimary;
    await old.query('CREATE DATABASE app');
    await old.query("CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, 'x' FROM generate_series(1, 1000) g");
    await old.query('CREATE TABLE u (id int)', [], 'app');
    await old.query('CHECKPOINT');
    await promoteStandby(f);

    // Split brain: the old primary goes on taking writes after the failover.
    const before = await old.scalar<Date>('SELECT clock_timestamp()');
    for (let i = 1; i <= 7; i++) await old.query(`INSERT INTO t VALUES (${1000 + i}, 'lost')`);
    for (let i = 1; i <= 3; i++) await old.query(`INSERT INTO u VALUES (${i})`, [], 'app');
    await old.query('CREATE TABLE only_on_the_old_primary (x int)');
    await old.query("BEGIN; INSERT INTO t VALUES (5000, 'rolled back'); ROLLBACK");
    const after = await old.scalar<Date>('SELECT clock_timestamp()');
    await old.stop('fast');
    const committed = 7 + 3 + 1;

    const source = `--source-server=${sourceServer(f.newPrimary)}`;
    const untouched = treeDigest(old.dataDir);
    const dryReport = path.join(makeScratchDir('reports'), 'dry.json');
    // Counted in the rewind's own scan of the target's WAL here, and in a scan of its own below.
    const dry = await runCli(['rewind', '-D', old.dataDir, source, '--dry-run', '--change-source=target=target-wal', `--report=${dryReport}`]);
    expectCliSuccess(dry);
    expect(treeDigest(old.dataDir)).toBe(untouched);
    expect(dry.stdout).toContain(`would discard the target's work after the fork: ${committed} committed transactions`);
    const d = readValidReport(dryReport).discarded!;
    expect(d).toMatchObject({ available: true, complete: true, committedTransactions: committed, abortedTransactions: 1 });
    expect(new Date(d.firstCommitAt!).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1);
    expect(new Date(d.lastCommitAt!).getTime()).toBeLessThanOrEqual(after.getTime() + 1);
    expect(new Date(d.lastCommitAt!).getTime()).toBeGreaterThan(new Date(d.firstCommitAt!).getTime());
    expect(d.databases!.map((x) => x.name)).toEqual(expect.arrayContaining(['postgres', 'app']));
    const names = d.relations!.map((r) => `${r.database}:${r.name}`);
    expect(names).toEqual(expect.arrayContaining(['postgres:public.t', 'postgres:public.t_pkey', 'app:public.u']));
    // The table made after the fork exists only on the old primary: the source cannot name it.
    expect(d.relations!.some((r) => r.database === 'postgres' && r.name === null)).toBe(true);
    expect(d.relationsTotal).toBe(d.relations!.length);

    const keep = path.join(makeScratchDir('kept-wal'), 'discarded');
    const runReport = path.join(path.dirname(dryReport), 'run.json');
    const res = await runCli(['rewind', '-D', old.dataDir, source, '-R', '--change-source=target=page-scan', `--keep-discarded-wal=${keep}`, `--report=${runReport}`]);
    expectCliSuccess(res);
    const r = readValidReport(runReport).discarded!;
    expect(r).toMatchObject({ committedTransactions: committed, abortedTransactions: 1, fromLsn: d.fromLsn, toLsn: d.toLsn, keptIn: keep });
    expect(res.stdout).toContain(`its WAL is kept in ${keep}`);
    expect(fs.readdirSync(keep).length).toBeGreaterThan(0);

    // pg_waldump (Debian's PostgreSQL 15 has it) reads the kept WAL: the same commits.
    const waldump = `/usr/lib/postgresql/${version}/bin/pg_waldump`;
    if (fs.existsSync(waldump)) {
      const dump = await run(waldump, ['-p', keep, '-s', d.fromLsn!], { allowFailure: true });
      expect(dump.stdout.split('\n').filter((l) => /rmgr: Transaction .*desc: COMMIT /.test(l))).toHaveLength(committed);
    }
    await expectStandbyMatches(old.dataDir, f.newPrimary);
  });

  test('--keep-discarded-wal refuses a directory inside the target or one that is not empty, before anything changes', async () => {
    const f = await primaryWithStandby(version, { walLogHints: true });
    await promoteStandby(f);
    await f.oldPrimary.query('CREATE TABLE lost AS SELECT 1 AS x');
    await f.oldPrimary.stop('fast');
    const untouched = treeDigest(f.oldPrimary.dataDir);
    const full = makeScratchDir('not-empty');
    fs.writeFileSync(path.join(full, 'something'), 'x');
    for (const [dir, why] of [[path.join(f.oldPrimary.dataDir, 'kept'), /is inside the target/], [full, /is not empty/]] as Array<[string, RegExp]>) {
      const res = await runCli(['rewind', '-D', f.oldPrimary.dataDir, `--source-server=${sourceServer(f.newPrimary)}`, `--keep-discarded-wal=${dir}`]);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(why);
      expect(treeDigest(f.oldPrimary.dataDir)).toBe(untouched);
    }
  });
});
