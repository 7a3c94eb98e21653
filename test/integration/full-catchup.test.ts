import * as fs from 'fs';
import * as path from 'path';
import { Client } from 'pg';
import { catchupFull, FullCatchupOptions } from '../../src/engine';
import { grantStatements } from '../../src/engine/preflight/privileges';
import type { Report } from '../../src/engine/report/report';
import { parseLsn } from '../../src/engine/wal/lsn';
import {
  Cluster, expectSameDataAtSameLsn, prepareSchema, runCli, startAsStandby, startWriteLoad,
  testVersions, treeDigest, useClusters, waitForStreaming, expectCliSuccess,
} from '../support';
import { expectValidReport } from '../support/report-schema';
import { freePort } from '../support/ports';

useClusters();

const source = (c: Cluster, user = 'postgres') => ({ host: '127.0.0.1', port: c.port, user });

/** Runs FULL and returns the error it refused with (the test fails if it did not refuse). */
async function refusal(opts: FullCatchupOptions): Promise<Error & { code?: string; report?: Report }> {
  try {
    await catchupFull(opts);
  } catch (err) {
    expectValidReport((err as { report?: unknown }).report);
    return err as Error & { code?: string };
  }
  throw new Error('catchup succeeded where it should have refused');
}

describe.each(testVersions())('FULL catchup on PostgreSQL %i', (version) => {
  let primary: Cluster;

  beforeAll(async () => {
    primary = await Cluster.createPrimary(version);
    await prepareSchema(primary);
  });

  test('-j 1 under write load: the clone streams and holds the primary data at the same LSN', async () => {
    const load = await startWriteLoad(primary);
    const target = primary.makeTargetDir();
    const report = await catchupFull({ targetDir: target, source: source(primary), threads: 1, writeRecoveryConf: true });
    expectValidReport(report);
    const { transactions } = await load.stop();

    expect(report.status).toBe('success');
    expect(report.threads).toBe(1);
    expect(report.source.systemIdentifier).toBe(await primary.systemIdentifier());
    expect(parseLsn(report.lsn.backupStop!)).toBeGreaterThan(parseLsn(report.lsn.backupStart!));
    expect(report.files.copied).toBeGreaterThan(100);
    expect(transactions).toBeGreaterThan(0);
    // What the plan excludes never reaches the target.
    expect(fs.readdirSync(path.join(target, 'pg_replslot'))).toEqual([]);
    expect(fs.existsSync(path.join(target, 'postmaster.pid'))).toBe(false);
    expect(fs.statSync(target).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(target, 'PG_VERSION')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(target, 'PG_VERSION')).uid).toBe(fs.statSync(target).uid);
    expect(fs.readFileSync(path.join(target, 'postgresql.auto.conf'), 'utf8')).toContain(`port=${primary.port}`);

    const standby = await startAsStandby(target);
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.cleanup();
  });

  test('-j 4 through the CLI under write load, with a JSON report', async () => {
    const load = await startWriteLoad(primary);
    const target = primary.makeTargetDir();
    const reportFile = path.join(path.dirname(target), 'report.json');
    const res = await runCli(['catchup', '-b', 'FULL', `--destination-pgdata=${target}`,
      '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-j', '4', '-R', '--report', reportFile]);
    await load.stop();
    expectCliSuccess(res);
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
    expect(report).toMatchObject({ mode: 'FULL', status: 'success', threads: 4, nextStep: expect.stringContaining('pg_ctl start') });
    expect(report.phases.map((p) => p.phase)).toEqual(['preflight checks', 'backup start (checkpoint)', 'plan (listing, changed blocks)', 'copy',
      'backup stop and WAL', 'finish (backup_label, fsync, pg_control)']);
    expect(res.stdout).toMatch(/^catchup FULL: success\n/);
    expect(report.files.bytesCopied).toBeGreaterThan(0);

    const standby = await startAsStandby(target);
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.cleanup();
  });

  test('a least-privilege role (no superuser) can clone, and a role without grants is told the exact GRANTs', async () => {
    await primary.query('DROP ROLE IF EXISTS catchup_least');
    await primary.query('CREATE ROLE catchup_least LOGIN');
    const target = primary.makeTargetDir();
    const denied = await refusal({ targetDir: target, source: source(primary, 'catchup_least') });
    expect(denied.message).toContain('ALTER ROLE "catchup_least" WITH REPLICATION;');
    expect(denied.message).toContain('GRANT EXECUTE ON FUNCTION pg_catalog.pg_backup_start(text, boolean) TO "catchup_least";');
    expect(fs.readdirSync(target)).toEqual([]);

    for (const sql of grantStatements('catchup_least')) await primary.query(sql);
    const report = await catchupFull({ targetDir: target, source: source(primary, 'catchup_least'), writeRecoveryConf: true });
    expectValidReport(report);
    expect(report.checks.find((c) => c.id === 'privileges')?.status).toBe('pass');
    const standby = await startAsStandby(target);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.cleanup();
  });

  test('from a standby source (a cascading copy): the copy replays from the standby and equals the primary', async () => {
    const standbyDir = primary.makeTargetDir();
    await catchupFull({ targetDir: standbyDir, source: source(primary), writeRecoveryConf: true });
    const standby = await startAsStandby(standbyDir);
    await waitForStreaming(primary);
    const load = await startWriteLoad(primary);
    const target = primary.makeTargetDir();
    let report: Report;
    try {
      report = await catchupFull({ targetDir: target, source: source(standby), writeRecoveryConf: true, threads: 2 });
      expectValidReport(report);
    } finally {
      await load.stop();
    }
    expect(report.checks.find((c) => c.id === 'source-version')?.detail).toMatch(/standby/);
    const cascaded = await startAsStandby(target);
    await expectSameDataAtSameLsn(primary, standby);
    await expectSameDataAtSameLsn(primary, cascaded);
    await cascaded.cleanup();
    await standby.cleanup();
  });

  test('refuses a target that is not empty, or is a file, and leaves it untouched', async () => {
    const target = primary.makeTargetDir();
    fs.writeFileSync(path.join(target, 'keep-me'), 'precious');
    const before = treeDigest(target);
    const err = await refusal({ targetDir: target, source: source(primary) });
    expect(err.message).toMatch(/is not empty \(keep-me\).*-b DELTA/);
    expect(treeDigest(target)).toBe(before);

    const file = path.join(target, 'keep-me');
    const asFile = await refusal({ targetDir: file, source: source(primary) });
    expect(asFile.message).toContain('is not a directory');
    expect(treeDigest(target)).toBe(before);
  });

  test('refuses an unreachable source without creating the target', async () => {
    const target = path.join(primary.makeTargetDir(), 'new');
    const err = await refusal({ targetDir: target, source: { host: '127.0.0.1', port: await freePort(), user: 'postgres' } });
    expect(err.message).toMatch(/Cannot connect to the source \(host=127\.0\.0\.1 port=\d+/);
    expect(err.message).toContain('Check that the source server is running');
    expect(fs.existsSync(target)).toBe(false);
  });

  test('CLI: a refusal exits 1 with one line naming the problem, bad usage exits 2', async () => {
    const target = primary.makeTargetDir();
    fs.writeFileSync(path.join(target, 'x'), '');
    const refused = await runCli(['catchup', '-b', 'FULL', '-D', target, '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/^pg-catchup: error: .* is not empty \(.*\) \(the check "Target directory is empty"\)/);

    const usage = await runCli(['catchup', '-b', 'FULL', '--no-such-flag']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('pg-catchup catchup --help');
    const help = await runCli(['catchup', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--destination-pgdata');
  });
});

describe.each(testVersions())('FULL refusals that need a differently configured source, PostgreSQL %i', (version) => {
  test('wal_level minimal, then no free wal sender: each refused before any write', async () => {
    const odd = await Cluster.createPrimary(version, { settings: { wal_level: 'minimal', max_wal_senders: '0' } });
    const target = odd.makeTargetDir();
    const low = await refusal({ targetDir: target, source: source(odd) });
    expect(low.message).toContain('wal_level = minimal');
    expect(low.message).toContain("ALTER SYSTEM SET wal_level = 'replica'");
    expect(fs.readdirSync(target)).toEqual([]);

    await odd.query("ALTER SYSTEM SET wal_level = 'replica'");
    await odd.query('ALTER SYSTEM SET max_wal_senders = 1');
    await odd.restart();
    const occupant = new Client({ host: '127.0.0.1', port: odd.port, user: 'postgres', replication: 'true' } as never);
    await occupant.connect();
    try {
      const busy = await refusal({ targetDir: target, source: source(odd) });
      expect(busy.message).toMatch(/wal senders are in use/);
      expect(busy.message).toContain('max_wal_senders');
      expect(fs.readdirSync(target)).toEqual([]);
    } finally {
      await occupant.end();
    }
    await odd.cleanup();
  });
});
