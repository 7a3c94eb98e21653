import * as fs from 'fs';
import { Cluster, expectStandbyMatches, runCli, standbyOf, testVersions, useClusters } from '../support';

useClusters();

const LOCKED = /Another pg-catchup run \(PID (\d+) on [^,]+, started ([^)]+)\) is working on /;

// Two jobs pointed at one target (a scheduled workflow overlapping a manual one): exactly one
// may write it, and the other must say which run holds it.
describe.each(testVersions().slice(-1))('two runs on one target at once, PostgreSQL %i', (version) => {
  test('DELTA twice in the same instant: one proceeds, the other refuses naming it; the target matches the source', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query('CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, \'a\' FROM generate_series(1, 50000) g');
    const standby = await standbyOf(primary);
    await standby.stop('fast');
    await primary.query('UPDATE t SET v = \'b\' WHERE id % 7 = 0');
    const args = ['catchup', '-b', 'DELTA', '-D', standby.dataDir, '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-R'];
    const [a, b] = await Promise.all([runCli(args), runCli(args)]);
    expect({ codes: [a.code, b.code].sort(), stderr: [a.stderr.slice(-600), b.stderr.slice(-600)] }).toMatchObject({ codes: [0, 1] });
    const loser = a.code === 0 ? b : a;
    const [, pid, startedAt] = loser.stderr.match(LOCKED) ?? [];
    expect(Number(pid)).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(startedAt))).toBe(false);
    // The refusal came before the loser wrote anything: the winner's result starts and matches.
    expect(fs.existsSync(`${standby.dataDir}/pg_catchup.lock`)).toBe(false);
    await expectStandbyMatches(standby.dataDir, primary);
  });

  test('FULL twice into one empty directory: one builds it, the other refuses', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query('CREATE TABLE t AS SELECT g FROM generate_series(1, 100000) g');
    const target = primary.makeTargetDir();
    const args = ['catchup', '-b', 'FULL', '-D', target, '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-R'];
    const [a, b] = await Promise.all([runCli(args), runCli(args)]);
    expect([a.code, b.code].sort()).toEqual([0, 1]);
    const loser = a.code === 0 ? b : a;
    // The winner's lock names it; only a loser that passed every check in the same instant as the
    // winner, and lost the lock by microseconds, sees the winner's files instead.
    expect(loser.stderr).toMatch(new RegExp(`${LOCKED.source}|no longer empty: another run wrote into it`));
    await expectStandbyMatches(target, primary);
  });
});
