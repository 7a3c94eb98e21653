import { execFileSync } from 'child_process';
import * as fs from 'fs';
import {
  Cluster, expectCliSuccess, expectStandbyMatches, primaryWithStandby, promoteStandby, runCli, sourceServer, standbyOf, testVersions, useClusters,
} from '../support';
import { expectValidReport } from '../support/report-schema';

useClusters();

/**
 * Each change source on its own (forced with the hidden --change-source), on the same diverged
 * old primary and the same lagging standby: every one must leave a target that starts as a
 * standby and holds exactly the source's data. The cheapest-method choice is tested too.
 */

type ChangeRecord = { side: string; method: string; blocksFound: number; reason?: string; estimate?: { seconds: number } };

/** A copy of a stopped data directory (same owner and modes), so each method starts from the same target. */
function copyOf(dir: string, name: string): string {
  const copy = `${dir}-${name}`;
  execFileSync('cp', ['-a', dir, copy]);
  return copy;
}

/** The log lines that say whether a replaying target needed a backup session. */
const NO_SESSION = /no backup session needed: the target replays from R/;
const SESSION_NEEDED = /backup session needed: the source's last checkpoint \(redo [0-9A-F/]+\) is before R/;

async function syncAndCompare(args: string[], target: string, source: Cluster, log?: (stderr: string) => void): Promise<ChangeRecord[]> {
  const reportFile = `${target}.report.json`;
  const res = await runCli([...args, `--report=${reportFile}`]);
  log?.(res.stderr);
  expectCliSuccess(res);
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  expectValidReport(report);
  await expectStandbyMatches(target, source);
  return report.changeSources as ChangeRecord[];
}

describe.each(testVersions())('change sources, each on its own, PostgreSQL %i', (version) => {
  const summaries = version >= 17;

  test('rewind of a diverged old primary: every source-side and target-side method gives the same data', async () => {
    const f = await primaryWithStandby(version, { walLogHints: true, summarizeWal: summaries });
    const p = f.oldPrimary;
    await p.query('CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, repeat(\'x\', 100) FROM generate_series(1, 20000) g');
    await p.query('CREATE TABLE shrink (id int, v text); INSERT INTO shrink SELECT g, \'s\' FROM generate_series(1, 5000) g');
    await p.query('CHECKPOINT');
    await promoteStandby(f);
    // The new primary's branch: updates spread over the table, a new table, a truncation.
    await f.newPrimary.query('UPDATE t SET v = \'new\' WHERE id % 97 = 0');
    await f.newPrimary.query('CREATE TABLE on_new AS SELECT g FROM generate_series(1, 3000) g');
    await f.newPrimary.query('DELETE FROM shrink WHERE id > 100');
    await f.newPrimary.query('VACUUM shrink');
    // The old primary's own branch, undone by the rewind: updates elsewhere, a new table, a new database.
    await p.query('UPDATE t SET v = \'old\' WHERE id % 89 = 0');
    await p.query('CREATE TABLE on_old AS SELECT g FROM generate_series(1, 3000) g');
    await p.query('CREATE DATABASE old_db STRATEGY FILE_COPY');
    await p.stop('fast');
    await f.newPrimary.query('CHECKPOINT');

    const sourceMethods = ['page-scan', 'wal-replay', ...(summaries ? ['wal-summaries'] : [])];
    for (const sourceMethod of sourceMethods) {
      for (const targetMethod of ['target-wal', 'page-scan']) {
        const target = copyOf(p.dataDir, `${sourceMethod}-${targetMethod}`);
        const records = await syncAndCompare([
          'rewind', '-D', target, `--source-server=${sourceServer(f.newPrimary)}`, '-R', `--target-bindir=${p.binDir}`,
          `--change-source=source=${sourceMethod}`, `--change-source=target=${targetMethod}`,
        ], target, f.newPrimary, (stderr) => {
          // The new primary checkpointed after the fork: replaying from R needs no backup session.
          if (sourceMethod === 'wal-replay') expect(stderr).toMatch(NO_SESSION);
          else expect(stderr).toMatch(/backup started at/);
        });
        expect(records.map((r) => `${r.side}=${r.method}`)).toEqual([`source=${sourceMethod}`, `target=${targetMethod}`]);
        expect(records.every((r) => r.reason?.startsWith('forced'))).toBe(true);
        // The old primary's updates are found by both target-side methods.
        expect(records[1].blocksFound).toBeGreaterThan(0);
      }
    }

    // Unforced: the cheapest possible method per side, with its estimate and the reason.
    const target = copyOf(p.dataDir, 'chosen');
    const records = await syncAndCompare(['rewind', '-D', target, `--source-server=${sourceServer(f.newPrimary)}`, '-R', `--target-bindir=${p.binDir}`], target, f.newPrimary);
    for (const r of records) {
      expect(r.estimate?.seconds).toBeGreaterThanOrEqual(0);
      expect(r.reason).toMatch(/cheapest|only method/);
    }
  });

  test('wal-replay right after promotion, before the new primary\'s first checkpoint completes, keeps the backup session', async () => {
    // checkpoint_timeout 1h: the standby makes no restartpoint, and the checkpoint promotion asks
    // for is spread over most of an hour, so the new primary's pg_control keeps a redo before R.
    const f = await primaryWithStandby(version, { walLogHints: true, settings: { checkpoint_timeout: '1h' } });
    const p = f.oldPrimary;
    await p.query('CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, repeat(\'x\', 100) FROM generate_series(1, 20000) g');
    await p.query('CHECKPOINT');
    await promoteStandby(f);
    await f.newPrimary.query('UPDATE t SET v = \'new\' WHERE id % 97 = 0');
    await p.query('UPDATE t SET v = \'old\' WHERE id % 89 = 0');
    await p.stop('fast');
    const target = copyOf(p.dataDir, 'right-after-promotion');
    const records = await syncAndCompare([
      'rewind', '-D', target, `--source-server=${sourceServer(f.newPrimary)}`, '-R', `--target-bindir=${p.binDir}`, '--change-source=source=wal-replay',
    ], target, f.newPrimary, (stderr) => {
      expect(stderr).toMatch(SESSION_NEEDED);
      expect(stderr).toMatch(/backup started at/);
    });
    expect(records[0].method).toBe('wal-replay');
  });

  test('DELTA of a lagging standby: page scan, shipped WAL and (17+) WAL summaries each give the same data', async () => {
    const primary = await Cluster.createPrimary(version, { summarizeWal: summaries });
    await primary.query('CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, \'a\' FROM generate_series(1, 20000) g');
    const standby = await standbyOf(primary);
    await standby.stop('fast');
    await primary.query('UPDATE t SET v = \'b\' WHERE id % 50 = 0; CREATE TABLE later AS SELECT g FROM generate_series(1, 1000) g; TRUNCATE later');
    await primary.query('CHECKPOINT');

    for (const method of ['page-scan', 'wal-replay', ...(summaries ? ['wal-summaries'] : [])]) {
      const target = copyOf(standby.dataDir, method);
      const records = await syncAndCompare(
        ['catchup', '-b', 'DELTA', '-D', target, '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-R', `--change-source=source=${method}`],
        target, primary,
      );
      expect(records.map((r) => r.method)).toEqual([method]);
    }
  });

  test('a forced method that cannot answer is refused before anything is written', async () => {
    const primary = await Cluster.createPrimary(version);
    const standby = await standbyOf(primary);
    await standby.stop('fast');
    const before = fs.readFileSync(`${standby.dataDir}/global/pg_control`);
    const res = await runCli(['catchup', '-b', 'DELTA', '-D', standby.dataDir, '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '--change-source=source=ptrack']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/--change-source source=ptrack is not possible/);
    expect(fs.readFileSync(`${standby.dataDir}/global/pg_control`)).toEqual(before);
    const usage = await runCli(['catchup', '-b', 'DELTA', '-D', standby.dataDir, '--change-source=source=magic']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/the source side takes page-scan, wal-summaries, incremental-backup, ptrack, wal-replay/);
  });
});
