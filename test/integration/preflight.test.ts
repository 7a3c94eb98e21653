import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/engine/report/report';
import { Cluster, expectCliSuccess, runCli, standbyOf, testVersions, treeDigest, useClusters } from '../support';
import { expectValidReport } from '../support/report-schema';

useClusters();

describe.each(testVersions())('pg-catchup preflight on PostgreSQL %i', (version) => {
  test('AUTO on an empty target: every check passes, nothing is written; --fail-on-warning turns a warning into a failure', async () => {
    const primary = await Cluster.createPrimary(version, { checksums: false });
    const target = primary.makeTargetDir();
    const conn = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'];
    const res = await runCli(['preflight', '-b', 'AUTO', '-D', target, ...conn, '--json']);
    expectCliSuccess(res);
    const report = JSON.parse(res.stdout) as Report;
    expectValidReport(report);
    expect(report).toMatchObject({ command: 'preflight', modeRequested: 'AUTO', mode: 'FULL', status: 'success' });
    const ids = report.checks.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['target-directory', 'target-empty', 'source-reachable', 'source-version', 'privileges',
      'wal-level', 'wal-senders', 'replication-slots', 'full-page-writes', 'source-hint-logging', 'change-tracking', 'archiving', 'disk-space']));
    expect(report.checks.find((c) => c.id === 'source-hint-logging')?.status).toBe('warn');
    expect(fs.readdirSync(target)).toEqual([]);

    const strict = await runCli(['preflight', '-b', 'FULL', '-D', target, ...conn, '--fail-on-warning']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/\[WARN\] .* \(check: Source data checksums or wal_log_hints\)\n\s+fix: On the source: ALTER SYSTEM SET wal_log_hints = on/);
    expect(strict.stdout).toMatch(/preflight FAILED for FULL/);
  });

  test('each failing check names its fix: unreachable source, missing privileges, full_page_writes off, non-empty target', async () => {
    const primary = await Cluster.createPrimary(version);
    const target = primary.makeTargetDir();
    const run = async (args: string[]) => {
      const res = await runCli(['preflight', '-D', target, '--json', ...args]);
      expect(res.code).toBe(1);
      const report = JSON.parse(res.stdout) as Report;
      expectValidReport(report);
      return report;
    };
    const fail = (r: Report) => r.checks.find((c) => c.status === 'fail')!;

    const unreachable = await run(['-b', 'FULL', '-h', '127.0.0.1', '-p', '1', '-U', 'postgres']);
    expect(fail(unreachable)).toMatchObject({ id: 'source-reachable' });
    expect(fail(unreachable).detail).toMatch(/Cannot connect to the source .*ECONNREFUSED/);

    await primary.query('DROP ROLE IF EXISTS weak');
    await primary.query('CREATE ROLE weak LOGIN');
    const weak = await run(['-b', 'FULL', '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'weak']);
    expect(fail(weak)).toMatchObject({ id: 'privileges' });
    expect(fail(weak).fix).toContain('GRANT EXECUTE ON FUNCTION pg_catalog.pg_read_binary_file(text, bigint, bigint, boolean) TO "weak";');

    await primary.query('ALTER SYSTEM SET full_page_writes = off');
    await primary.query('SELECT pg_reload_conf()');
    const fpw = await run(['-b', 'FULL', '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres']);
    expect(fail(fpw)).toMatchObject({ id: 'full-page-writes', fix: expect.stringContaining('full_page_writes = on') });
    await primary.query('ALTER SYSTEM RESET full_page_writes');
    await primary.query('SELECT pg_reload_conf()');

    fs.writeFileSync(path.join(target, 'stray'), 'x');
    const before = treeDigest(target);
    const notEmpty = await run(['-b', 'FULL', '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres']);
    expect(fail(notEmpty)).toMatchObject({ id: 'target-empty' });
    expect(treeDigest(target)).toBe(before);
  });

  test('DELTA: a running target, a wrong directory mode, then a passing plan, then another system: each reported with its fix', async () => {
    const primary = await Cluster.createPrimary(version);
    const standby = await standbyOf(primary);
    const conn = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'];
    const preflight = async (extra: string[] = [], c = conn) => {
      const res = await runCli(['preflight', '-b', 'DELTA', '-D', standby.dataDir, '--json', ...c, ...extra]);
      const report = JSON.parse(res.stdout) as Report;
      expectValidReport(report);
      return { code: res.code, report, check: (id: string) => report.checks.find((x) => x.id === id) };
    };

    const running = await preflight();
    expect(running.code).toBe(1);
    expect(running.check('target-stopped')).toMatchObject({ status: 'fail', fix: expect.stringContaining('pg_ctl stop') });

    await standby.stop('fast');
    fs.chmodSync(standby.dataDir, 0o755);
    const loose = await preflight(['--fail-on-warning']);
    expect(loose.code).toBe(1);
    expect(loose.check('target-directory')).toMatchObject({ status: 'warn', fix: `chmod 0700 ${standby.dataDir}` });
    fs.chmodSync(standby.dataDir, 0o700);

    const before = treeDigest(standby.dataDir);
    const ok = await preflight();
    expect(ok.code).toBe(0);
    expect(ok.report).toMatchObject({ command: 'preflight', mode: 'DELTA', status: 'success', divergence: { diverged: false } });
    for (const id of ['target-stopped', 'same-system', 'same-layout', 'target-history', 'disk-space']) expect(ok.check(id)?.status).toBe('pass');
    expect(ok.report.lsn.reference).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(treeDigest(standby.dataDir)).toBe(before);

    const other = await Cluster.createPrimary(version);
    const foreign = await preflight([], ['-h', '127.0.0.1', '-p', String(other.port), '-U', 'postgres']);
    expect(foreign.code).toBe(1);
    expect(foreign.check('same-system')).toMatchObject({ status: 'fail', detail: expect.stringContaining('different systems') });
    expect(treeDigest(standby.dataDir)).toBe(before);
  });
});
