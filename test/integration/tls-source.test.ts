/**
 * A source that accepts our role only over TLS (hostssl), reached with default options as psql
 * and pg_basebackup reach it: FULL, DELTA and rewind run end to end, and the standby made with
 * -R streams over TLS. Then a failover: rewind with a host list and
 * target_session_attrs=read-write finds the new primary by itself, and the old primary streams
 * from it. PostgreSQL 15 (Debian's build has OpenSSL).
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  Cluster, expectCliSuccess, expectSameDataAtSameLsn, makeScratchDir, runCli, startAsStandby, useClusters, waitFor, waitForReplay,
} from '../support';
import { makeTestCertificates, writeTestHba } from '../support/tls-certs';

useClusters();

const VERSION = 15;
const HBA = ['hostssl all app 127.0.0.1/32 trust', 'hostssl replication app 127.0.0.1/32 trust'];

async function tlsOnlyPrimary(): Promise<Cluster> {
  const certs = makeTestCertificates();
  const primary = await Cluster.createPrimary(VERSION, { settings: certs.serverSettings });
  await primary.query('CREATE ROLE app LOGIN SUPERUSER REPLICATION');
  writeTestHba(primary.dataDir, HBA);
  await primary.query('SELECT pg_reload_conf()');
  return primary;
}

interface ReportConnection {
  port: number;
  sslmode: string;
  tls: { protocol: string; certificateVerified: boolean } | null;
}

function reportOf(file: string): { status: string; connection?: ReportConnection; checks: Array<{ id: string; status: string; detail: string }> } {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Every walsender of `server` runs over TLS (read from pg_stat_ssl on the server). */
async function expectStreamingOverTls(server: Cluster): Promise<void> {
  const rows = await waitFor(async () => {
    const r = await server.query<{ ssl: boolean; state: string }>('SELECT s.ssl, r.state FROM pg_stat_replication r JOIN pg_stat_ssl s USING (pid)');
    return r.length > 0 && r.every((x) => x.state === 'streaming') ? r : undefined;
  }, { timeoutMs: 30_000, what: `a streaming standby of ${server.describe()}` });
  expect(rows.map((r) => r.ssl)).toEqual(rows.map(() => true));
}

describe(`a TLS-only source, PostgreSQL ${VERSION}`, () => {
  test('FULL, DELTA and rewind with default options; the standby made with -R streams over TLS', async () => {
    const primary = await tlsOnlyPrimary();
    const env = { HOME: makeScratchDir('home') };
    const source = `host=127.0.0.1 port=${primary.port} user=app dbname=postgres`;
    await primary.query('CREATE TABLE t AS SELECT g AS id, md5(g::text) AS v FROM generate_series(1, 20000) g');

    const target = primary.makeTargetDir();
    const full = await runCli(['catchup', '-b', 'FULL', '-D', target, '-R', '-d', source, `--report=${target}.full.json`], { env });
    expectCliSuccess(full);
    const fullReport = reportOf(`${target}.full.json`);
    expect(fullReport.connection).toMatchObject({ port: primary.port, sslmode: 'prefer', tls: { protocol: expect.stringMatching(/^TLSv1\.[23]$/), certificateVerified: false } });
    expect(fs.readFileSync(path.join(target, 'postgresql.auto.conf'), 'utf8')).toMatch(/primary_conninfo = 'user=app host=127\.0\.0\.1 port=\d+'/);
    const standby = await startAsStandby(target);
    await expectStreamingOverTls(primary);
    await expectSameDataAtSameLsn(primary, standby);

    await primary.query('INSERT INTO t SELECT g, md5(g::text) FROM generate_series(20001, 30000) g');
    await standby.stop();
    const delta = await runCli(['catchup', '-b', 'DELTA', '-D', target, '-R', '-d', source, `--report=${target}.delta.json`], { env });
    expectCliSuccess(delta);
    expect(reportOf(`${target}.delta.json`).connection?.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    await standby.start();
    await expectStreamingOverTls(primary);
    await expectSameDataAtSameLsn(primary, standby);

    // Diverge the standby (promote it and write), then rewind it back onto the primary.
    await waitForReplay(primary, standby);
    await standby.promote();
    await standby.query('CREATE TABLE diverged AS SELECT 1 AS x');
    await standby.stop();
    const rewind = await runCli(['rewind', '-D', target, `--source-server=${source}`, '-R', `--report=${target}.rewind.json`], { env });
    expectCliSuccess(rewind);
    expect(reportOf(`${target}.rewind.json`).connection?.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    await standby.start();
    expect(await standby.isInRecovery()).toBe(true);
    await expectStreamingOverTls(primary);
    await expectSameDataAtSameLsn(primary, standby);
  });

  test('after a failover, rewind with a host list and target_session_attrs=read-write finds the new primary; the old primary streams from it', async () => {
    const oldPrimary = await tlsOnlyPrimary();
    const env = { HOME: makeScratchDir('home') };
    await oldPrimary.query('CREATE TABLE t AS SELECT g AS id FROM generate_series(1, 10000) g');
    const standbys: Cluster[] = [];
    for (let i = 0; i < 2; i++) {
      const dir = oldPrimary.makeTargetDir();
      expectCliSuccess(await runCli(['catchup', '-b', 'FULL', '-D', dir, '-R', '-d', `host=127.0.0.1 port=${oldPrimary.port} user=app dbname=postgres`], { env }));
      standbys.push(await startAsStandby(dir));
    }
    const [newPrimary, otherStandby] = standbys;
    await waitForReplay(oldPrimary, newPrimary);
    await waitForReplay(oldPrimary, otherStandby);

    // Failover: the standby is promoted while the old primary still takes writes, which diverge.
    await newPrimary.promote();
    await newPrimary.query('CREATE TABLE after_failover AS SELECT 1 AS x');
    await oldPrimary.query('CREATE TABLE lost_on_old_primary AS SELECT 1 AS x');
    await oldPrimary.stop();

    // The list names a standby first, the stopped old primary, then the new primary.
    const hosts = [otherStandby, oldPrimary, newPrimary];
    const list = `host=${hosts.map(() => '127.0.0.1').join(',')} port=${hosts.map((c) => c.port).join(',')} user=app dbname=postgres target_session_attrs=read-write`;
    const reportFile = path.join(makeScratchDir('report'), 'rewind.json');
    const rewind = await runCli(['rewind', '-D', oldPrimary.dataDir, `--source-server=${list}`, '-R', `--report=${reportFile}`], { env });
    expectCliSuccess(rewind);
    expect(reportOf(reportFile).connection).toMatchObject({ port: newPrimary.port, tls: { protocol: expect.stringMatching(/^TLSv1\.[23]$/) } });
    const autoConf = fs.readFileSync(path.join(oldPrimary.dataDir, 'postgresql.auto.conf'), 'utf8');
    expect(autoConf).toContain(`port=${hosts.map((c) => c.port).join(',')}`);
    expect(autoConf).toContain('target_session_attrs=read-write');

    // The old primary's walreceiver, with the same list, skips the standby and itself.
    await oldPrimary.start();
    expect(await oldPrimary.isInRecovery()).toBe(true);
    const receiver = await waitFor(async () => {
      const r = await oldPrimary.query<{ status: string; sender_port: number }>('SELECT status, sender_port FROM pg_stat_wal_receiver');
      return r[0]?.status === 'streaming' ? r[0] : undefined;
    }, { timeoutMs: 60_000, what: 'the old primary streaming from the new one' });
    expect(receiver.sender_port).toBe(newPrimary.port);
    await expectStreamingOverTls(newPrimary);
    await expectSameDataAtSameLsn(newPrimary, oldPrimary);
    expect(await oldPrimary.scalar("SELECT to_regclass('lost_on_old_primary') IS NULL")).toBe(true);
  });
});
