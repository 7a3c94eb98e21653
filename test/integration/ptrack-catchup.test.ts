import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/engine/report/report';
import {
  Cluster, describeEachVersion, expectCliSuccess, expectSameDataAtSameLsn, makeScratchDir, prepareSchema, primaryWithStandby, promoteStandby, runCli,
  startAsStandby, startWriteLoad, testVersions, treeDigest, useClusters, waitForStreaming,
} from '../support';
import { runCliWithReport } from '../support/cli';
import { expectValidReport } from '../support/report-schema';

useClusters();

const conn = (c: Cluster) => ['-h', '127.0.0.1', '-p', String(c.port), '-U', 'postgres'];

const runWithReport = runCliWithReport;

/** A stopped standby made by FULL, then the primary changes about `percent` % of a big table's rows. */
async function laggingStandbyAfterChanges(primary: Cluster, percent: number): Promise<{ dir: string; standby: Cluster }> {
  const dir = primary.makeTargetDir();
  expectCliSuccess(await runCli(['catchup', '-b', 'FULL', '-D', dir, '-R', ...conn(primary)]));
  const standby = await startAsStandby(dir);
  await waitForStreaming(primary);
  await standby.stop('fast');
  const load = await startWriteLoad(primary);
  await primary.query(`UPDATE big SET v = v || 'x' WHERE id % ${Math.round(100 / percent)} = 0`);
  await load.stop();
  return { dir, standby };
}

const ptrackVersions = testVersions().filter((v) => v >= 17);
const noSummaryVersions = testVersions().filter((v) => v < 17);

describeEachVersion(ptrackVersions, 'PTRACK from WAL summaries on PostgreSQL %i', (version) => {
  let primary: Cluster;

  beforeAll(async () => {
    primary = await Cluster.createPrimary(version, { summarizeWal: true });
    await prepareSchema(primary);
    await primary.query('CREATE TABLE big (id int PRIMARY KEY, v text)');
    await primary.query("INSERT INTO big SELECT g, repeat('p', 200) FROM generate_series(1, 100000) g");
    await primary.query('VACUUM big');
  }, 120_000);

  test('scans no data file, copies about the blocks a page scan finds, and the standby matches', async () => {
    const { dir, standby } = await laggingStandbyAfterChanges(primary, 2);
    // The page-LSN scan's answer for the same R, as the yardstick (dry run: nothing changes). A dry
    // run starts no backup, so it sees pages on disk: checkpoint first, as the real run's backup start does.
    await primary.query('CHECKPOINT');
    const delta = await runWithReport(['catchup', '-b', 'DELTA', '--dry-run', '-D', dir, ...conn(primary)]);
    expect(delta.code).toBe(0);

    // The SQL path (17+ would otherwise choose the server's incremental backup: ptrack-incremental.test.ts).
    const ptrack = await runWithReport(['catchup', '-b', 'PTRACK', '--change-source', 'source=wal-summaries', '-D', dir, '-R', ...conn(primary)]);
    expect(ptrack.code).toBe(0);
    expect(ptrack.report.mode).toBe('PTRACK');
    expect(ptrack.report.changeSources).toEqual([expect.objectContaining({ side: 'source', method: 'wal-summaries', filesScanned: 0 })]);
    expect(ptrack.stderr).toMatch(/WAL summaries .*: \d+ blocks; 0 data files scanned/);
    const scanned = delta.report.files.blocksCopied;
    const tracked = ptrack.report.files.blocksCopied;
    process.stdout.write(`PostgreSQL ${version}: page scan selects ${scanned} blocks, WAL summaries ${tracked}\n`);
    expect(scanned).toBeGreaterThan(100);
    expect(tracked).toBeGreaterThanOrEqual(Math.floor(scanned * 0.95));
    expect(tracked).toBeLessThanOrEqual(scanned * 1.5 + 200);

    await standby.start();
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.stop('fast');
  }, 180_000);

  test('refuses, before any write, when summaries do not reach back to R, naming DELTA', async () => {
    // Summaries switched on after the WAL since the target's R was recycled: the summarizer can
    // only start at the oldest WAL left, after R.
    const late = await Cluster.createPrimary(version, { settings: { wal_keep_size: '0' } });
    const dir = late.makeTargetDir();
    expectCliSuccess(await runCli(['catchup', '-b', 'FULL', '-D', dir, '-R', ...conn(late)]));
    for (let i = 0; i < 4; i++) {
      await late.query(`CREATE TABLE after_r_${i} AS SELECT g FROM generate_series(1, 10000) g`);
      await late.query('SELECT pg_switch_wal()');
      await late.query('CHECKPOINT');
    }
    await late.query('ALTER SYSTEM SET summarize_wal = on');
    await late.query('SELECT pg_reload_conf()');
    await late.query('CHECKPOINT');
    const before = treeDigest(dir);
    const res = await runWithReport(['catchup', '-b', 'PTRACK', '-D', dir, '-R', ...conn(late)]);
    expect(res.code).toBe(1);
    expect(res.report.error?.code).toBe('ptrack-unavailable');
    expect(res.stderr).toMatch(/no WAL summary covers/);
    expect(res.stderr).toMatch(/-b DELTA/);
    expect(treeDigest(dir)).toBe(before);
  }, 120_000);

  test('a diverged old primary: source side from the new primary\'s summaries, target side from its own WAL', async () => {
    const f = await primaryWithStandby(version, { summarizeWal: true, walLogHints: true });
    await prepareSchema(f.oldPrimary);
    await f.oldPrimary.query('CREATE TABLE t (id int PRIMARY KEY, v text)');
    await f.oldPrimary.query("INSERT INTO t SELECT g, 'before' FROM generate_series(1, 20000) g");
    await f.oldPrimary.query('CHECKPOINT');
    await promoteStandby(f);
    // Both sides write after the fork; the old primary's writes must be undone.
    await f.oldPrimary.query("UPDATE t SET v = 'old primary only' WHERE id % 10 = 0");
    await f.newPrimary.query("UPDATE t SET v = 'new primary' WHERE id % 7 = 0");
    await f.oldPrimary.stop('fast');
    const oldPrimaryDir = f.oldPrimary.dataDir;
    const res = await runWithReport(['catchup', '-b', 'PTRACK', '--change-source', 'source=wal-summaries', '-D', oldPrimaryDir, '-R', ...conn(f.newPrimary)]);
    if (res.code !== 0) throw new Error(res.stderr);
    expect(res.report.divergence?.diverged).toBe(true);
    expect(res.report.changeSources?.map((c) => [c.side, c.method])).toEqual([['source', 'wal-summaries'], ['target', 'target-wal']]);
    const rewound = await startAsStandby(oldPrimaryDir);
    await waitForStreaming(f.newPrimary);
    await expectSameDataAtSameLsn(f.newPrimary, rewound);
    await rewound.stop('fast');
  }, 180_000);
});

describeEachVersion(noSummaryVersions, 'PTRACK on PostgreSQL %i', (version) => {
  test('is refused with the reason and DELTA as the way out, before any write', async () => {
    const primary = await Cluster.createPrimary(version);
    const dir = primary.makeTargetDir();
    expectCliSuccess(await runCli(['catchup', '-b', 'FULL', '-D', dir, ...conn(primary)]));
    const before = treeDigest(dir);
    const res = await runWithReport(['catchup', '-b', 'PTRACK', '-D', dir, ...conn(primary)]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(new RegExp(`PostgreSQL ${version} has no WAL summaries`));
    expect(res.stderr).toMatch(/DELTA/);
    expect(res.report.checks.find((c) => c.status === 'fail')?.id).toMatch(/change-tracking/);
    expect(treeDigest(dir)).toBe(before);
  }, 120_000);
});
