import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/engine/report/report';
import {
  Cluster, expectCliSuccess, expectSameDataAtSameLsn, makeOwnedDir, makeScratchDir, mountNamespaceUnavailable, runCli,
  startAsStandby, testVersions, treeDigest, useClusters, waitForStreaming,
} from '../support';
import { expectValidReport } from '../support/report-schema';

useClusters();

const conn = (c: Cluster) => ['-h', '127.0.0.1', '-p', String(c.port), '-U', 'postgres'];

/** A directory the server user owns, for CREATE TABLESPACE. */
const tablespaceDir = (name: string) => makeOwnedDir(path.join(makeScratchDir(name), 'location'));

const linkOf = (pgdata: string, oid: number) => fs.readlinkSync(path.join(pgdata, 'pg_tblspc', String(oid)));

async function oidOf(c: Cluster, spcname: string): Promise<number> {
  return Number(await c.scalar<string>('SELECT oid::text FROM pg_tablespace WHERE spcname = $1', [spcname]));
}

async function fillTable(c: Cluster, table: string, rows: number, db = 'postgres'): Promise<void> {
  await c.query(`INSERT INTO ${table} SELECT g, repeat(md5(g::text), 8) FROM generate_series(1, ${rows}) g`, [], db);
}

function readReport(file: string): Report {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  expectValidReport(report);
  return report;
}

describe.each(testVersions())('tablespaces on PostgreSQL %i', (version) => {
  let primary: Cluster;
  let ts1: string;
  let ts2: string;

  beforeAll(async () => {
    primary = await Cluster.createPrimary(version);
    ts1 = tablespaceDir('ts1');
    ts2 = tablespaceDir('ts2');
    await primary.query(`CREATE TABLESPACE ts1 LOCATION '${ts1}'`);
    await primary.query(`CREATE TABLESPACE ts2 LOCATION '${ts2}'`);
    await primary.query('CREATE TABLE in_ts1 (id int PRIMARY KEY USING INDEX TABLESPACE ts1, v text) TABLESPACE ts1');
    await primary.query('CREATE TABLE in_ts2 (id int PRIMARY KEY, v text) TABLESPACE ts2');
    await primary.query('CREATE TABLE movable (id int PRIMARY KEY, v text)');
    await fillTable(primary, 'in_ts1', 20_000);
    await fillTable(primary, 'in_ts2', 5_000);
    await fillTable(primary, 'movable', 10_000);
    // A database whose default tablespace is ts1: its catalogs live there too.
    await primary.query('CREATE DATABASE tsdb TABLESPACE ts1');
    await primary.query('CREATE TABLE t (id int, v text)', [], 'tsdb');
    await fillTable(primary, 't', 3_000, 'tsdb');
  }, 120_000);

  test('FULL into the source\'s own tablespace path (same host) is refused before any write, naming -T', async () => {
    const target = primary.makeTargetDir();
    const before = treeDigest(ts1);
    const res = await runCli(['catchup', '-b', 'FULL', '-D', target, ...conn(primary)]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/tablespace \d+ \(.*\) would go to .*, which is not empty.* \(the check "Tablespace directories on the target"\)/);
    expect(res.stderr).toMatch(/-T /);
    expect(fs.readdirSync(target)).toEqual([]);
    expect(treeDigest(ts1)).toBe(before);
  });

  test('FULL with -T, then DELTA after a table moves into ts1, ts2 is dropped and ts3 created', async () => {
    const target = primary.makeTargetDir();
    const mapped1 = path.join(makeScratchDir('mapped1'), 'not-yet', 'ts1'); // created by the run, parents too
    const mapped2 = tablespaceDir('mapped2');
    const reportFile = path.join(makeScratchDir('report'), 'full.json');
    expectCliSuccess(await runCli(['catchup', '-b', 'FULL', '-D', target, '-R', ...conn(primary),
      '-T', `${ts1}=${mapped1}:${ts2}=${mapped2}`, '--report', reportFile]));
    const oid1 = await oidOf(primary, 'ts1');
    const oid2 = await oidOf(primary, 'ts2');
    expect(linkOf(target, oid1)).toBe(mapped1);
    expect(linkOf(target, oid2)).toBe(mapped2);
    expect(fs.existsSync(path.join(target, 'tablespace_map'))).toBe(false);
    expect(readReport(reportFile).tablespaces).toEqual(expect.arrayContaining([
      { oid: oid1, sourceLocation: ts1, targetLocation: mapped1, placement: 'mapped' },
      { oid: oid2, sourceLocation: ts2, targetLocation: mapped2, placement: 'mapped' },
    ]));

    const standby = await startAsStandby(target);
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.stop('fast');

    // While the standby is down: a table moves into ts1, ts2 goes away, ts3 arrives.
    const ts3 = tablespaceDir('ts3');
    await primary.query('ALTER TABLE movable SET TABLESPACE ts1');
    await primary.query('DROP TABLE in_ts2');
    await primary.query('DROP TABLESPACE ts2');
    await primary.query(`CREATE TABLESPACE ts3 LOCATION '${ts3}'`);
    await primary.query('CREATE TABLE in_ts3 (id int PRIMARY KEY, v text) TABLESPACE ts3');
    await fillTable(primary, 'in_ts3', 4_000);
    await primary.query("UPDATE in_ts1 SET v = 'changed' WHERE id % 50 = 0");
    const oid3 = await oidOf(primary, 'ts3');
    const mapped3 = tablespaceDir('mapped3');

    const deltaReport = path.join(makeScratchDir('report'), 'delta.json');
    expectCliSuccess(await runCli(['catchup', '-b', 'DELTA', '-D', target, '-R', ...conn(primary), '-T', `${ts3}=${mapped3}`, '--report', deltaReport]));
    const links = fs.readdirSync(path.join(target, 'pg_tblspc')).sort();
    expect(links).toEqual([String(oid1), String(oid3)].sort());
    expect(linkOf(target, oid1)).toBe(mapped1);
    expect(linkOf(target, oid3)).toBe(mapped3);
    expect(fs.readdirSync(mapped2)).toEqual([]); // the dropped tablespace's contents are gone
    expect(readReport(deltaReport).tablespaces).toEqual(expect.arrayContaining([
      { oid: oid1, sourceLocation: ts1, targetLocation: mapped1, placement: 'existing' },
      { oid: oid3, sourceLocation: ts3, targetLocation: mapped3, placement: 'mapped' },
    ]));

    await standby.start();
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);
    expect(await standby.scalar("SELECT spcname FROM pg_class c JOIN pg_tablespace t ON t.oid = c.reltablespace WHERE relname = 'movable'")).toBe('ts1');
    await standby.stop('fast');
  }, 240_000);
});

describe.each(testVersions())('a pg_wal moved out of PGDATA (initdb --waldir) on PostgreSQL %i', (version) => {
  test('DELTA keeps the link and fills the directory it points to', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query('CREATE TABLE w (id int, v text)');
    await fillTable(primary, 'w', 5_000);
    const target = primary.makeTargetDir();
    expectCliSuccess(await runCli(['catchup', '-b', 'FULL', '-D', target, '-R', ...conn(primary)]));
    const walDir = path.join(tablespaceDir('waldir'), 'pg_wal');
    fs.renameSync(path.join(target, 'pg_wal'), walDir);
    fs.symlinkSync(walDir, path.join(target, 'pg_wal'));
    const standby = await startAsStandby(target);
    await waitForStreaming(primary);
    await standby.stop('fast');

    await fillTable(primary, 'w', 5_000);
    expectCliSuccess(await runCli(['catchup', '-b', 'DELTA', '-D', target, '-R', ...conn(primary)]));
    expect(fs.readlinkSync(path.join(target, 'pg_wal'))).toBe(walDir);
    expect(fs.readdirSync(walDir).some((n) => /^[0-9A-F]{24}$/.test(n))).toBe(true);
    await standby.start();
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.stop('fast');
  }, 120_000);
});

const inPlaceVersion = testVersions()[testVersions().length - 1];
const noNamespace = mountNamespaceUnavailable();
if (noNamespace) process.stdout.write(`in-place tablespace test skipped: ${noNamespace}\n`);

(noNamespace ? describe.skip : describe)(`a tablespace kept in place on another host (PostgreSQL ${inPlaceVersion})`, () => {
  test('FULL without -T puts the tablespace at the source\'s path; the standby starts and matches', async () => {
    const primary = await Cluster.createPrimary(inPlaceVersion);
    const location = tablespaceDir('inplace');
    await primary.query(`CREATE TABLESPACE far LOCATION '${location}'`);
    await primary.query('CREATE TABLE far_t (id int PRIMARY KEY, v text) TABLESPACE far');
    await fillTable(primary, 'far_t', 10_000);
    const oid = await oidOf(primary, 'far');

    // The target "host" sees an empty directory at the source's tablespace path.
    const otherHost = tablespaceDir('otherhost');
    const binds = [{ from: otherHost, to: location }];
    const target = primary.makeTargetDir();
    expectCliSuccess(await runCli(['catchup', '-b', 'FULL', '-D', target, '-R', ...conn(primary)], { mountBinds: binds }));
    expect(linkOf(target, oid)).toBe(location);
    expect(fs.readdirSync(otherHost).some((n) => n.startsWith(`PG_${inPlaceVersion}_`))).toBe(true);

    const standby = await startAsStandby(target, { mountBinds: binds });
    await waitForStreaming(primary);
    await primary.query("UPDATE far_t SET v = 'after' WHERE id < 100");
    await expectSameDataAtSameLsn(primary, standby);
    await standby.stop('fast');
  }, 180_000);
});
