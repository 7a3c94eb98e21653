/**
 * Issue 23: the standby that fell behind. The primary has recycled the WAL at the standby's
 * last checkpoint (no wal_keep_size, no slot, a small max_wal_size), so the same-timeline proof
 * cannot read it from the source. With an archive, it is read from there; without one, a
 * standby stopped in recovery is synced as possibly diverged, and a copy that stopped as a
 * primary is refused. Also: DELTA's dry run against the real run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { execCommandRunner } from '../../src/adapters/exec-command-runner';
import { catchupDelta } from '../../src/engine';
import { inspectTarget } from '../../src/engine/pgdata/target-state';
import { formatLsn } from '../../src/engine/wal/lsn';
import {
  Cluster, expectSameDataAtSameLsn, makeScratchDir, standbyOf, startAsStandby, treeDigest, useClusters, waitForStreaming,
} from '../support';
import { expectValidReport } from '../support/report-schema';

useClusters();

const VERSION = 15;
const source = (c: Cluster) => ({ host: '127.0.0.1', port: c.port, user: 'postgres' });
const RETENTION = { wal_keep_size: '0', min_wal_size: "'32MB'", max_wal_size: "'32MB'" };

/**
 * A primary with a table big enough that a change to it spans many pages, and one (`quiet`)
 * that only changes after the primary's last checkpoint.
 */
async function primaryWith(settings: Record<string, string>): Promise<Cluster> {
  const primary = await Cluster.createPrimary(VERSION, { settings: { ...RETENTION, ...settings } });
  await primary.query('CREATE TABLE lag (id int PRIMARY KEY, v text)');
  await primary.query("INSERT INTO lag SELECT g, 'initial' FROM generate_series(1, 50000) g");
  await primary.query('CREATE TABLE quiet (id int PRIMARY KEY, v text)');
  await primary.query("INSERT INTO quiet SELECT g, 'initial' FROM generate_series(1, 30000) g");
  return primary;
}

/** Writes and checkpoints on the primary until the segment of `dataDir`'s last checkpoint is gone from its pg_wal. */
async function recycleWalOf(primary: Cluster, dataDir: string): Promise<string> {
  const checkpoint = inspectTarget(dataDir).control.checkpointLsn;
  const segment = await primary.scalar<string>('SELECT pg_walfile_name($1::pg_lsn)', [formatLsn(checkpoint)]);
  for (let i = 0; i < 30; i++) {
    const left = await primary.scalar<number>('SELECT count(*)::int FROM pg_ls_waldir() WHERE name = $1', [segment]);
    if (left === 0) return segment;
    await primary.query("INSERT INTO lag SELECT g, 'filler' FROM generate_series(100000 + $1::int * 5000, 104999 + $1::int * 5000) g", [i]);
    await primary.query('SELECT pg_switch_wal()');
    await primary.query('CHECKPOINT');
  }
  throw new Error(`the primary still has ${segment} after 30 rounds of writes and checkpoints`);
}

/** A standby of `primary` (pg-catchup FULL), stopped cleanly in recovery, after the primary moved on past its WAL. */
async function standbyLeftBehind(primary: Cluster): Promise<Cluster> {
  const standby = await standbyOf(primary);
  await expectSameDataAtSameLsn(primary, standby);
  await standby.stop('fast');
  expect(inspectTarget(standby.dataDir).control.state).toBe('shut down in recovery');
  await primary.query("UPDATE lag SET v = 'changed while the standby was down' WHERE id % 7 = 0");
  await recycleWalOf(primary, standby.dataDir);
  return standby;
}

async function expectStreamsAndMatches(primary: Cluster, dataDir: string): Promise<void> {
  const standby = await startAsStandby(dataDir);
  await waitForStreaming(primary);
  await expectSameDataAtSameLsn(primary, standby);
  await standby.stop('fast');
}

describe(`DELTA past the primary's WAL retention, PostgreSQL ${VERSION}`, () => {
  test("with an archive: the history is proved from it through the standby's restore_command, and the dry run's estimate holds", async () => {
    const archive = makeScratchDir('archive');
    const primary = await primaryWith({
      archive_mode: 'on',
      archive_command: `'test ! -f ${archive}/%f && cp %p ${archive}/%f'`,
      // Copied into the standby's postgresql.conf by the FULL: the standby's own archive access.
      restore_command: `'cp ${archive}/%f %p'`,
    });
    const standby = await standbyLeftBehind(primary);
    // Changed after the primary's last checkpoint: on its disk only once it checkpoints again.
    await primary.query("UPDATE quiet SET v = 'after the last checkpoint' WHERE id % 5 = 0");
    const opts = { targetDir: standby.dataDir, source: source(primary), runner: execCommandRunner, changeSources: { source: 'page-scan' as const } };

    const before = treeDigest(standby.dataDir);
    const plain = await catchupDelta({ ...opts, dryRun: true });
    expectValidReport(plain);
    expect(plain.history).toBe("proved: archive via the target's restore_command");
    expect(plain.dryRun).toMatchObject({ checkpointed: false });
    expect(plain.dryRun!.detail).toMatch(/^a lower bound: .* of WAL written since its last checkpoint/);
    expect(plain.dryRun!.unseenWal!.bytes).toBeGreaterThan(0);
    const checkpointed = await catchupDelta({ ...opts, dryRunCheckpoint: true });
    expectValidReport(checkpointed);
    expect(checkpointed.status).toBe('dry-run');
    expect(checkpointed.dryRun).toMatchObject({ checkpointed: true });
    expect(treeDigest(standby.dataDir)).toBe(before);

    const report = await catchupDelta({ ...opts, writeRecoveryConf: true });
    expectValidReport(report);
    expect(report.history).toBe("proved: archive via the target's restore_command");
    expect(report.divergence).toMatchObject({ diverged: false });
    expect(report.divergence!.detail).toMatch(/identical in the source's WAL \(read from its archive via the target's restore_command\)/);
    const real = report.files.blocksCopied;
    // The estimate that checkpointed first is within 2x of what the run copied; the plain one
    // missed the pages changed since the last checkpoint and said so (asserted above).
    expect(checkpointed.files.blocksCopied).toBeGreaterThanOrEqual(real / 2);
    expect(checkpointed.files.blocksCopied).toBeLessThanOrEqual(real * 2);
    expect(plain.files.blocksCopied).toBeLessThan(checkpointed.files.blocksCopied);
    await expectStreamsAndMatches(primary, standby.dataDir);
    await primary.cleanup();
  });

  test('with --source-restore-command when the standby has no restore_command of its own', async () => {
    const archive = makeScratchDir('archive');
    const primary = await primaryWith({ archive_mode: 'on', archive_command: `'test ! -f ${archive}/%f && cp %p ${archive}/%f'` });
    const standby = await standbyLeftBehind(primary);
    const report = await catchupDelta({
      targetDir: standby.dataDir, source: source(primary), runner: execCommandRunner, writeRecoveryConf: true,
      sourceRestoreCommand: `cp ${archive}/%f %p`,
    });
    expectValidReport(report);
    expect(report.history).toBe('proved: archive via --source-restore-command');
    expect(report.divergence).toMatchObject({ diverged: false });
    await expectStreamsAndMatches(primary, standby.dataDir);
    await primary.cleanup();
  });

  test('without an archive: a standby stopped in recovery is synced as possibly diverged, with the notice; a copy stopped as a primary is refused', async () => {
    const primary = await primaryWith({});
    const standby = await standbyOf(primary);
    // The copy that once ran as a primary on the same timeline (started without standby.signal).
    const copy = await standbyOf(primary);
    await copy.stop('fast');
    fs.rmSync(path.join(copy.dataDir, 'standby.signal'));
    await copy.start();
    await copy.query("UPDATE lag SET v = 'written by the copy' WHERE id <= 100");
    await copy.stop('fast');
    expect(inspectTarget(copy.dataDir).control.state).toBe('shut down');
    await standby.stop('fast');
    await primary.query("UPDATE lag SET v = 'changed while the standby was down' WHERE id % 7 = 0");
    await recycleWalOf(primary, standby.dataDir);
    await recycleWalOf(primary, copy.dataDir);

    const warnings: string[] = [];
    const logger = { info: () => undefined, warn: (m: string) => warnings.push(m), debug: () => undefined };
    const report = await catchupDelta({ targetDir: standby.dataDir, source: source(primary), runner: execCommandRunner, writeRecoveryConf: true, logger });
    expectValidReport(report);
    expect(report.history).toBe('unverified: standby state');
    expect(report.divergence).toMatchObject({ diverged: true });
    expect(report.divergence!.detail).toMatch(/^assumed \(standby state, history unverified\): the source no longer has the WAL/);
    expect(warnings.join('\n')).toMatch(/the target stopped as a standby \(pg_control: "shut down in recovery"\): syncing it as possibly diverged from/);
    await expectStreamsAndMatches(primary, standby.dataDir);

    const before = treeDigest(copy.dataDir);
    let refused: Error & { code?: string } | undefined;
    await catchupDelta({ targetDir: copy.dataDir, source: source(primary), runner: execCommandRunner }).catch((e) => (refused = e));
    expect(refused?.code).toBe('history-unverifiable');
    expect(refused?.message).toMatch(/The target stopped as a primary \(pg_control: "shut down"\).*--source-restore-command.*--assume-diverged/);
    expect(treeDigest(copy.dataDir)).toBe(before);
    await primary.cleanup();
  });
});
