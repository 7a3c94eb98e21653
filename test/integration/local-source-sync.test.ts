import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/engine/report/report';
import {
  Cluster, expectCliSuccess, expectSameDataAtSameLsn, runCli, startAsStandby, testVersions, treeDigest, useClusters,
} from '../support';
import { expectValidReport } from '../support/report-schema';

useClusters();

/** -R needs a server for primary_conninfo: the source's own address, for when it runs again. */
const followArgs = (source: Cluster) => ['-R', '-h', '127.0.0.1', '-p', String(source.port), '-U', 'postgres'];

/**
 * A catchup from the stopped `source` through the CLI: the source's tree is unchanged, the
 * report is valid and says where it read, and the target has no backup_label.
 */
async function catchupFromStopped(source: Cluster, target: string, args: string[]): Promise<Report> {
  const before = treeDigest(source.dataDir);
  const reportFile = `${target}.report.json`;
  const res = await runCli(['catchup', `--source-pgdata=${source.dataDir}`, '-D', target, `--report=${reportFile}`, ...args]);
  expectCliSuccess(res);
  expect(treeDigest(source.dataDir)).toBe(before);
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
  expectValidReport(report);
  expect(report.source).toMatchObject({ pgdata: source.dataDir, connection: `stopped data directory ${source.dataDir}` });
  if (report.status === 'success') expect(fs.existsSync(path.join(target, 'backup_label'))).toBe(false);
  return report;
}

// Issue 10: catchup FULL and DELTA from a stopped data directory on this host.
describe.each(testVersions())('catchup from a stopped local source (--source-pgdata), PostgreSQL %i', (version) => {
  test('FULL into an empty directory, then DELTA (page scan, and the source\'s own WAL), each started as a standby and compared', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query("CREATE TABLE keep AS SELECT g AS id, md5(g::text) AS v FROM generate_series(1, 20000) g");
    await primary.query("CREATE TABLE gone AS SELECT g AS id FROM generate_series(1, 100) g");
    await primary.query('CREATE DATABASE app');
    await primary.query("CREATE TABLE a AS SELECT g AS id FROM generate_series(1, 500) g", [], 'app');
    await primary.stop('fast');
    const target = primary.makeTargetDir();

    const dryFull = await catchupFromStopped(primary, target, ['-b', 'FULL', '--dry-run']);
    expect(dryFull.status).toBe('dry-run');
    expect(dryFull.files.bytesPlanned).toBeGreaterThan(0);
    expect(fs.existsSync(target) ? fs.readdirSync(target) : []).toEqual([]);
    const full = await catchupFromStopped(primary, target, ['-b', 'FULL', ...followArgs(primary)]);
    expect(full).toMatchObject({ status: 'success', mode: 'FULL' });
    expect(full.files.walSegments).toBeGreaterThanOrEqual(1);
    await primary.start();
    let standby = await startAsStandby(target);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.stop('fast');

    for (const method of ['page-scan', 'source-wal']) {
      await primary.query(`UPDATE keep SET v = '${method}' WHERE id % 7 = 0`);
      await primary.query(`DROP TABLE IF EXISTS gone; CREATE TABLE new_${method.replace('-', '_')} AS SELECT g FROM generate_series(1, 3000) g`);
      await primary.query(`INSERT INTO a SELECT g FROM generate_series(1, 2000) g`, [], 'app');
      await primary.stop('fast');
      const targetBefore = treeDigest(target);
      const dry = await catchupFromStopped(primary, target, ['-b', 'DELTA', '--dry-run', `--change-source=source=${method}`]);
      expect(dry.status).toBe('dry-run');
      expect(treeDigest(target)).toBe(targetBefore);

      const delta = await catchupFromStopped(primary, target, ['-b', 'DELTA', `--change-source=source=${method}`, ...followArgs(primary)]);
      expect(delta).toMatchObject({ status: 'success', mode: 'DELTA' });
      expect(delta.changeSources?.[0]).toMatchObject({ side: 'source', method });
      expect(delta.files.blocksCopied).toBeGreaterThan(0);
      await primary.start();
      standby = await startAsStandby(target);
      await expectSameDataAtSameLsn(primary, standby);
      await standby.stop('fast');
    }
  });

  test('a FULL killed mid-copy resumes; a source started during the run fails it before pg_control, and the rerun resumes', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query("CREATE TABLE big AS SELECT g AS id, md5(g::text) || repeat('z', 200) AS v FROM generate_series(1, 60000) g");
    await primary.stop('fast');
    const target = primary.makeTargetDir();
    const marker = path.join(target, 'pg_catchup.marker');
    // Slowed down so that the kill and the start land mid-copy.
    const slow = ['-b', 'FULL', '--max-rate=4M', ...followArgs(primary)];
    const before = treeDigest(primary.dataDir);
    const killed = await runCli(['catchup', `--source-pgdata=${primary.dataDir}`, '-D', target, ...slow], { killWhen: () => fs.existsSync(marker) });
    expect(killed.killed).toBe(true);
    expect(treeDigest(primary.dataDir)).toBe(before);
    expect(fs.existsSync(path.join(target, 'global', 'pg_control'))).toBe(false);

    // The source starts while the resumed run copies (it has taken the target's lock, so it opened
    // the source stopped): what it read is no single state.
    let started: Promise<void> | null = null;
    let pid = 0;
    const lockFile = path.join(target, 'pg_catchup.lock');
    const holdsLock = () => pid !== 0 && (fs.existsSync(lockFile) ? fs.readFileSync(lockFile, 'utf8') : '').includes(`"pid":${pid},`);
    const res = await runCli(['catchup', `--source-pgdata=${primary.dataDir}`, '-D', target, ...slow], {
      onSpawn: (p) => {
        pid = p;
      },
      killWhen: () => {
        if (!started && holdsLock()) started = primary.start();
        return false;
      },
    });
    await started;
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/was started during the run.*Keep the source stopped/s);
    expect(fs.existsSync(marker)).toBe(true);
    expect(fs.existsSync(path.join(target, 'global', 'pg_control'))).toBe(false);
    await primary.query("UPDATE big SET v = 'after the start' WHERE id % 5 = 0");
    await primary.stop('fast');

    const report = await catchupFromStopped(primary, target, ['-b', 'FULL', ...followArgs(primary)]);
    expect(report.resumed?.keptFiles).toBeGreaterThan(0);
    await primary.start();
    const standby = await startAsStandby(target);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.stop('fast');
  });

  test('refusals change nothing in either directory: a running source, a crashed one, PTRACK, -R without a server, a source inside the target', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query('CREATE TABLE t AS SELECT 1 AS id');
    const target = primary.makeTargetDir();
    const refuse = async (args: string[], message: RegExp, code = 1) => {
      const [s, t] = [treeDigest(primary.dataDir), treeDigest(target)];
      const res = await runCli(['catchup', `--source-pgdata=${primary.dataDir}`, '-D', target, ...args]);
      expect({ code: res.code, stderr: res.stderr }).toEqual({ code, stderr: expect.stringMatching(message) });
      expect([treeDigest(primary.dataDir), treeDigest(target)]).toEqual([s, t]);
    };
    await refuse(['-b', 'FULL'], /in use by a running server \(postmaster PID \d+\).*pg_ctl stop/s);
    await primary.stop('immediate');
    await refuse(['-b', 'FULL'], /must be shut down cleanly.*"in production"/s);
    await primary.start();
    await primary.stop('fast');
    await refuse(['-b', 'PTRACK'], /PTRACK .*cannot take --source-pgdata: use -b DELTA/, 2);
    await refuse(['-b', 'FULL', '-R'], /-R writes primary_conninfo.*connection options/, 2);
    const inside = path.join(primary.dataDir, 'copy');
    const res = await runCli(['catchup', `--source-pgdata=${primary.dataDir}`, '-D', inside, '-b', 'FULL']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/The target .* is inside the source/);
    expect(fs.existsSync(inside)).toBe(false);
  });
});
