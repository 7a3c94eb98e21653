import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { catchupDelta } from '../../src/engine';
import { catchupFull } from '../../src/engine';
import type { Report } from '../../src/engine/report/report';
import {
  Cluster, expectSameDataAtSameLsn, prepareSchema, runCli, startAsStandby, startWriteLoad, testVersions, treeDigest,
  useClusters, waitForStreaming, expectCliSuccess,
} from '../support';
import { expectValidReport } from '../support/report-schema';

useClusters();

const source = (c: Cluster) => ({ host: '127.0.0.1', port: c.port, user: 'postgres' });

async function refusal(run: () => Promise<unknown>): Promise<Error & { report?: Report }> {
  try {
    await run();
  } catch (err) {
    expectValidReport((err as { report?: unknown }).report);
    return err as Error & { report?: Report };
  }
  throw new Error('the run succeeded where it should have refused');
}

/** A streaming standby made by our own FULL, then stopped: a lagging copy of the primary. */
async function laggingStandby(primary: Cluster): Promise<{ standby: Cluster; dir: string }> {
  const dir = primary.makeTargetDir();
  await catchupFull({ targetDir: dir, source: source(primary), writeRecoveryConf: true });
  const standby = await startAsStandby(dir);
  await waitForStreaming(primary);
  await expectSameDataAtSameLsn(primary, standby);
  await standby.stop('fast');
  return { standby, dir };
}

describe.each(testVersions())('DELTA catchup on PostgreSQL %i', (version) => {
  let primary: Cluster;

  beforeAll(async () => {
    primary = await Cluster.createPrimary(version);
    await prepareSchema(primary);
    await primary.query('CREATE TABLE IF NOT EXISTS to_drop AS SELECT g AS id FROM generate_series(1, 5000) g');
    await primary.query('CREATE TABLE IF NOT EXISTS to_truncate AS SELECT g AS id, md5(g::text) AS v FROM generate_series(1, 20000) g');
    await primary.query('CREATE TABLE IF NOT EXISTS to_vacuum AS SELECT g AS id, md5(g::text) AS v FROM generate_series(1, 50000) g');
    await primary.query('DROP DATABASE IF EXISTS doomed');
    await primary.query('CREATE DATABASE doomed');
    await primary.query('CREATE TABLE t AS SELECT 1 AS x', [], 'doomed');
  });

  test('a lagging standby catches up after updates, deletes, VACUUM, TRUNCATE, new and dropped tables and databases', async () => {
    const { standby, dir } = await laggingStandby(primary);

    const load = await startWriteLoad(primary);
    let report: Report;
    try {
      await primary.query('UPDATE accounts SET balance = balance + 1 WHERE id % 3 = 0', [], 'catchup_a');
      await primary.query('DELETE FROM to_vacuum WHERE id % 2 = 0');
      await primary.query('VACUUM to_vacuum');
      await primary.query('TRUNCATE to_truncate');
      await primary.query('INSERT INTO to_truncate SELECT g, md5(g::text) FROM generate_series(1, 100) g');
      await primary.query('DROP TABLE to_drop');
      await primary.query('CREATE TABLE brand_new AS SELECT g AS id, repeat(md5(g::text), 10) AS v FROM generate_series(1, 3000) g');
      await primary.query('DROP DATABASE doomed');
      await primary.query('DROP DATABASE IF EXISTS fresh');
      await primary.query('CREATE DATABASE fresh');
      await primary.query('CREATE TABLE f AS SELECT g FROM generate_series(1, 1000) g', [], 'fresh');

      report = await catchupDelta({ targetDir: dir, source: source(primary), writeRecoveryConf: true, threads: 2 });
      expectValidReport(report);
    } finally {
      await load.stop();
    }

    expect(report).toMatchObject({ mode: 'DELTA', status: 'success', divergence: { diverged: false } });
    expect(report.files.patched).toBeGreaterThan(0);
    expect(report.files.deleted).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(dir, 'pg_catchup.marker'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'pg_catchup.lock'))).toBe(false);
    // Only what changed is copied: well under what a FULL would (the sum of all databases).
    const [{ total }] = await primary.query<{ total: string }>('SELECT sum(pg_database_size(oid))::text AS total FROM pg_database');
    expect(report.files.blocksCopied).toBeGreaterThan(0);
    expect(report.files.bytesPlanned).toBeLessThan(Number(total) * 0.6);

    await standby.start();
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);
    const dbs = (await standby.query<{ datname: string }>('SELECT datname FROM pg_database')).map((r) => r.datname);
    expect(dbs).toContain('fresh');
    expect(dbs).not.toContain('doomed');
    await standby.cleanup();
  });

  test('--dry-run prints the plan and leaves the target byte-for-byte unchanged', async () => {
    const { standby, dir } = await laggingStandby(primary);
    await primary.query('UPDATE accounts SET note = note || $1 WHERE id % 5 = 0', ['x'], 'catchup_b');
    const before = treeDigest(dir);
    const res = await runCli(['catchup', '-b', 'DELTA', '-D', dir, '--dry-run', '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres']);
    expectCliSuccess(res);
    expect(res.stdout).toMatch(/dry run \(DELTA\): nothing was changed/);
    expect(res.stdout).toMatch(/patch \d+ relation files \(\d+ blocks\)/);
    expect(res.stdout).toMatch(/reference LSN R: [0-9A-F]+\/[0-9A-F]+ \(redo LSN/);
    expect(treeDigest(dir)).toBe(before);
    await standby.cleanup();
  });

  test('refuses a running target and a target from another system, leaving it untouched', async () => {
    const { standby, dir } = await laggingStandby(primary);
    await standby.start();
    const running = await refusal(() => catchupDelta({ targetDir: dir, source: source(primary) }));
    expect(running.message).toMatch(/a postmaster \(PID \d+\) is running.*pg_ctl stop/);
    await standby.stop('fast');

    const other = await Cluster.createPrimary(version);
    const before = treeDigest(dir);
    const foreign = await refusal(() => catchupDelta({ targetDir: dir, source: source(other) }));
    expect(foreign.message).toMatch(/source and target clusters are from different systems.*-b FULL/);
    expect(treeDigest(dir)).toBe(before);
    await other.cleanup();
    await standby.cleanup();
  });

  test('killed (SIGKILL) at several points: the target refuses to start, and each rerun resumes until one completes', async () => {
    const { standby, dir } = await laggingStandby(primary);
    const cli = (extra: string[] = []) =>
      ['catchup', '-b', 'DELTA', '-D', dir, '-R', '-j', '1', '-P', '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', ...extra];
    const killPoints = [/backup started at/, /progress: copy/, /backup stopped at/];
    for (const [i, killOn] of killPoints.entries()) {
      await primary.query('UPDATE accounts SET balance = balance - 1 WHERE id % 4 = $1', [i], 'catchup_a');
      await primary.query('INSERT INTO to_vacuum SELECT g, md5(g::text) FROM generate_series(1, 20000) g');
      const killed = await runCli(cli(), { killOn });
      expect({ killed: killed.killed, stderr: killed.stderr }).toMatchObject({ killed: true });
      expect(fs.existsSync(path.join(dir, 'pg_catchup.marker'))).toBe(true);
      expect(fs.existsSync(path.join(dir, 'global', 'pg_control'))).toBe(false);
      await expect(standby.start({ timeoutMs: 15_000 })).rejects.toThrow();
    }
    const done = await runCli(cli());
    expectCliSuccess(done);
    expect(done.stderr).toMatch(/DELTA catchup done/);
    expect(fs.existsSync(path.join(dir, 'pg_catchup.marker'))).toBe(false);

    await standby.start();
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.cleanup();
  });

  test('a target holding a backup_label, never started (as a rewind leaves it), is synced from the label start', async () => {
    const dir = primary.makeTargetDir();
    await catchupFull({ targetDir: dir, source: source(primary), writeRecoveryConf: true });
    expect(fs.existsSync(path.join(dir, 'backup_label'))).toBe(true);
    const load = await startWriteLoad(primary);
    let report: Report;
    try {
      await primary.query('CHECKPOINT');
      await primary.query('UPDATE to_vacuum SET v = md5(v) WHERE id % 7 = 0');
      report = await catchupDelta({ targetDir: dir, source: source(primary), writeRecoveryConf: true });
      expectValidReport(report);
    } finally {
      await load.stop();
    }
    expect(report.reference).toMatch(/START WAL LOCATION .* of the target's backup_label|redo LSN/);
    const standby = await startAsStandby(dir);
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.cleanup();
  });

  test('a target ahead of the source (a source restored from an older copy) is refused with the LSNs, untouched', async () => {
    const { standby, dir } = await laggingStandby(primary);
    await standby.start();
    await waitForStreaming(primary);
    // An older copy of the primary, taken now; then the primary and its standby move on.
    await primary.stop('fast');
    const oldDir = primary.makeTargetDir();
    execFileSync('cp', ['-a', `${primary.dataDir}/.`, oldDir]);
    fs.rmSync(path.join(oldDir, 'postmaster.pid'), { force: true });
    await primary.start();
    await primary.query('INSERT INTO to_vacuum SELECT g, md5(g::text) FROM generate_series(1, 50000) g');
    await expectSameDataAtSameLsn(primary, standby);
    await standby.stop('fast');
    const old = await Cluster.fromDataDir(version, oldDir, { name: `pg${version}-old-copy` });
    await old.start();
    const before = treeDigest(dir);
    const err = await refusal(() => catchupDelta({ targetDir: dir, source: source(old) }));
    expect(err.message).toMatch(/^Current START LSN [0-9A-F]+\/[0-9A-F]+ is lower than expected START LSN [0-9A-F]+\/[0-9A-F]+/);
    expect(err.message).toContain('-b FULL');
    expect(treeDigest(dir)).toBe(before);
    await old.cleanup();
    await standby.cleanup();
  });
});
