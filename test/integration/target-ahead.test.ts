/**
 * Issue 21 item 5 (pg_rewind's 005_same_timeline): an old primary that crashed is ahead of its
 * standby on the same timeline. Only by WAL that changes no data (the shutdown checkpoint its
 * crash recovery writes): "no rewind required", as pg_rewind says. By committed work the
 * standby never received: refused, where pg_rewind says "no rewind required" too (docs/safety.md).
 */
import { execCommandRunner } from '../../src/adapters/exec-command-runner';
import { catchupDelta, rewind } from '../../src/engine';
import { inspectTarget } from '../../src/engine/pgdata/target-state';
import { Cluster, expectSameDataAtSameLsn, standbyOf, treeDigest, useClusters, waitForReplay } from '../support';
import { expectValidReport } from '../support/report-schema';

useClusters();

const VERSION = 15;

/** A primary and its standby, the standby stopped cleanly once it has replayed everything. */
async function pairWithStoppedStandby(): Promise<{ primary: Cluster; standby: Cluster }> {
  const primary = await Cluster.createPrimary(VERSION);
  await primary.query('CREATE TABLE t (id int PRIMARY KEY, v text)');
  await primary.query("INSERT INTO t SELECT g, 'both' FROM generate_series(1, 1000) g");
  const standby = await standbyOf(primary);
  await expectSameDataAtSameLsn(primary, standby);
  // The comparison's reads set hint bits on the primary (page images, with data checksums): replayed too.
  await waitForReplay(primary, standby);
  await standby.stop('fast');
  return { primary, standby };
}

describe(`a target ahead of its source on the same timeline, PostgreSQL ${VERSION}`, () => {
  test('ahead only by its crash recovery\'s shutdown checkpoint: "no rewind required"; DELTA syncs it', async () => {
    const { primary, standby } = await pairWithStoppedStandby();
    await primary.stop('immediate');
    const report = await rewind({ targetDir: primary.dataDir, sourcePgdata: standby.dataDir, runner: execCommandRunner, ensureShutdown: true });
    expectValidReport(report);
    expect(report.status).toBe('no-op');
    expect(report.divergence).toMatchObject({ diverged: false });
    expect(report.divergence!.detail).toMatch(/ahead of its end .* only by WAL that changes no data \(\d+ record\(s\) .*XLOG\/CHECKPOINT_SHUTDOWN/);
    expect(report.history).toBe("proved: the source's WAL");

    const before = treeDigest(primary.dataDir);
    const dry = await catchupDelta({ targetDir: primary.dataDir, sourcePgdata: standby.dataDir, dryRun: true });
    expect(dry.status).toBe('dry-run');
    expect(dry.dryRun!.detail).toMatch(/^exact: /);
    expect(treeDigest(primary.dataDir)).toBe(before);
    const delta = await catchupDelta({ targetDir: primary.dataDir, sourcePgdata: standby.dataDir });
    expectValidReport(delta);
    expect(delta.status).toBe('success');
    await primary.cleanup();
  });

  test('ahead by hint-bit page images only: rewound from the source\'s end (those pages carry LSNs the source will reuse), nothing discarded', async () => {
    const primary = await Cluster.createPrimary(VERSION);
    await primary.query('CREATE TABLE t (id int PRIMARY KEY, v text)');
    const standby = await standbyOf(primary);
    // Rows whose hint bits nobody has set yet, on both sides.
    await primary.query("INSERT INTO t SELECT g, 'unhinted' FROM generate_series(1, 5000) g");
    await waitForReplay(primary, standby);
    await standby.stop('fast');
    await primary.query('CHECKPOINT');
    // The first read after the checkpoint sets the hint bits: XLOG/FPI_FOR_HINT records only.
    expect(await primary.scalar<number>('SELECT count(*)::int FROM t')).toBe(5000);
    await primary.stop('immediate');
    const report = await rewind({ targetDir: primary.dataDir, sourcePgdata: standby.dataDir, runner: execCommandRunner, ensureShutdown: true });
    expectValidReport(report);
    expect(report.status).toBe('success');
    expect(report.divergence).toMatchObject({ diverged: true });
    expect(report.divergence!.detail).toMatch(/hint-bit page image\(s\) give pages LSNs past the source's end/);
    expect(report.discarded).toMatchObject({ available: true, committedTransactions: 0 });
    expect(report.files.blocksCopied).toBeGreaterThan(0);
    await primary.cleanup();
  });

  test('ahead by a commit the standby never received: refused, unlike pg_rewind', async () => {
    const { primary, standby } = await pairWithStoppedStandby();
    await primary.query("INSERT INTO t VALUES (5000, 'only on the old primary')");
    await primary.stop('immediate');
    let refused: Error & { code?: string } | undefined;
    await rewind({ targetDir: primary.dataDir, sourcePgdata: standby.dataDir, runner: execCommandRunner, ensureShutdown: true }).catch((e) => (refused = e));
    expect(refused?.code).toBe('target-ahead');
    expect(refused?.message).toMatch(/^Current START LSN .* is lower than expected START LSN .*: the target is ahead of the source on timeline 1, and its WAL past the source's position .* changes data: a (Heap|Transaction|Btree)/);
    // Crash recovery made it clean; nothing else was written: its commit is still there.
    expect(inspectTarget(primary.dataDir).control.state).toBe('shut down');
    await primary.start();
    expect(await primary.scalar<number>('SELECT count(*)::int FROM t WHERE id = 5000')).toBe(1);
    await primary.cleanup();
  });
});
