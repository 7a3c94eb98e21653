import * as fs from 'fs';
import * as path from 'path';
import { catchupDelta } from '../../src/engine';
import { Cluster, expectSameDataAtSameLsn, startAsStandby, testVersions, treeDigest, useClusters } from '../support';
import { expectValidReport } from '../support/report-schema';
import { standbyOf } from '../support/failover';

useClusters();

const source = (c: Cluster) => ({ host: '127.0.0.1', port: c.port, user: 'postgres' });

/** A standby that was once started without standby.signal: it ran as a primary on the same timeline. */
async function sameTimelineDiverged(primary: Cluster): Promise<Cluster> {
  await primary.query('CREATE TABLE IF NOT EXISTS st (id int PRIMARY KEY, v text)');
  await primary.query("INSERT INTO st SELECT g, 'primary' FROM generate_series(1, 2000) g ON CONFLICT DO NOTHING");
  const standby = await standbyOf(primary);
  await expectSameDataAtSameLsn(primary, standby);
  await standby.stop('fast');
  fs.rmSync(path.join(standby.dataDir, 'standby.signal'));
  await standby.start();
  expect(await standby.isInRecovery()).toBe(false);
  await standby.query("UPDATE st SET v = 'written by the lost copy' WHERE id <= 500");
  await standby.stop('fast');
  await primary.query("UPDATE st SET v = 'primary, later' WHERE id > 1500");
  // Further than the copy got, so the copy is not simply ahead of the source.
  await primary.query("INSERT INTO st SELECT g, 'primary, more' FROM generate_series(10001, 40000) g");
  return standby;
}

describe.each(testVersions())('same-timeline divergence, PostgreSQL %i', (version) => {
  test('detected from the checkpoint record, and synced divergence-aware: the copy\'s own writes are undone', async () => {
    const primary = await Cluster.createPrimary(version);
    const copy = await sameTimelineDiverged(primary);
    const report = await catchupDelta({ targetDir: copy.dataDir, source: source(primary), writeRecoveryConf: true });
    expectValidReport(report);
    expect(report.divergence).toMatchObject({ diverged: true });
    expect(report.divergence!.detail).toMatch(/^same-timeline divergence: .*(differs from the source's record|the source's WAL has no valid record)/);
    const standby = await startAsStandby(copy.dataDir);
    await expectSameDataAtSameLsn(primary, standby);
    expect(await standby.scalar("SELECT count(*)::int FROM st WHERE v = 'written by the lost copy'")).toBe(0);
    await standby.stop('fast');
    await primary.cleanup();
  });

  test('when the source has recycled that WAL: refused untouched unless --assume-diverged', async () => {
    const primary = await Cluster.createPrimary(version, { settings: { wal_keep_size: '0', min_wal_size: "'32MB'", max_wal_size: "'64MB'" } });
    const copy = await sameTimelineDiverged(primary);
    for (let i = 0; i < 6; i++) {
      await primary.query("INSERT INTO st SELECT g, 'filler' FROM generate_series(100000 + $1::int * 1000, 100999 + $1::int * 1000) g", [i]);
      await primary.query('SELECT pg_switch_wal()');
      await primary.query('CHECKPOINT');
    }
    const before = treeDigest(copy.dataDir);
    let refused: Error | undefined;
    await catchupDelta({ targetDir: copy.dataDir, source: source(primary) }).catch((e) => (refused = e));
    expect(refused?.message).toMatch(/Cannot verify that the target is on the source's history: the source no longer has the WAL.*--assume-diverged/);
    expect(treeDigest(copy.dataDir)).toBe(before);

    const report = await catchupDelta({ targetDir: copy.dataDir, source: source(primary), writeRecoveryConf: true, assumeDiverged: true });
    expectValidReport(report);
    expect(report.divergence!.detail).toMatch(/^assumed \(--assume-diverged\)/);
    const standby = await startAsStandby(copy.dataDir);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.stop('fast');
    await primary.cleanup();
  });
});
