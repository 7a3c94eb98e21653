/**
 * The harness itself, against real servers of every version under test: primaries, streaming
 * standbys, write load, and a data comparison that sees a changed row, a missing row and a
 * missing table.
 */
import * as fs from 'fs';
import {
  Cluster,
  compareClusters,
  createCopyStandby,
  createPgBaseBackupStandby,
  expectSameData,
  expectSameDataAtSameLsn,
  hasTool,
  prepareSchema,
  seedData,
  sleep,
  startWriteLoad,
  testVersions,
  useClusters,
  waitForReplay,
} from '../support';

useClusters();

describe.each(testVersions())('PostgreSQL %i', (version) => {
  test('primary, standbys, write load, comparison', async () => {
    const t0 = Date.now();
    const primary = await Cluster.createPrimary(version);
    expect(await primary.scalar('SHOW data_checksums')).toBe('on');
    expect(await primary.scalar('SHOW wal_level')).toBe('replica');
    expect(await primary.scalar("SELECT setting FROM pg_settings WHERE name = 'listen_addresses'")).toBe('127.0.0.1');
    await prepareSchema(primary);
    const seeded = await seedData(primary, { rows: 20_000, db: 'catchup_a' });
    expect(seeded.rows).toBe(20_000);

    // A standby from a cold copy works for every version (the npm builds have no pg_basebackup).
    const copy = await createCopyStandby(primary);
    expect(await copy.systemIdentifier()).toBe(await primary.systemIdentifier());

    const load = await startWriteLoad(primary, { clientsPerDb: 2 });
    let basebackup: Cluster | undefined;
    if (hasTool(version, 'pg_basebackup')) {
      // An online base backup taken while the load runs.
      await sleep(300);
      basebackup = await createPgBaseBackupStandby(primary);
    } else {
      console.log(`PostgreSQL ${version}: no pg_basebackup in ${primary.binDir}; only the cold-copy standby is checked`);
    }
    await waitLoad(load, 2_000);
    const { transactions } = await load.stop();
    expect(transactions).toBeGreaterThan(20);

    // The TOASTed column really lives out of line.
    const toastBytes = await primary.scalar<string>(
      "SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE oid = 'docs'::regclass", [], 'catchup_a');
    expect(Number(toastBytes)).toBeGreaterThan(0);

    await expectSameDataAtSameLsn(primary, copy);
    if (basebackup) await expectSameDataAtSameLsn(primary, basebackup);
    expect((await compareClusters(primary, primary)).equal).toBe(true);

    // Make the copy differ: one changed row, one missing row, one missing table.
    await copy.promote();
    expect(await copy.isInRecovery()).toBe(false);
    await copy.query('UPDATE accounts SET note = note || \'!\' WHERE id = (SELECT min(id) FROM accounts)', [], 'catchup_a');
    await copy.query('DELETE FROM events WHERE id = (SELECT max(id) FROM events)', [], 'catchup_b');
    await copy.query('DROP TABLE docs', [], 'catchup_b');
    const cmp = await compareClusters(primary, copy);
    const summary = cmp.differences.map((d) => `${d.kind} ${d.database} ${d.relation}`).sort();
    expect(summary).toEqual(
      [
        'content catchup_a public.accounts',
        'row-count catchup_b public.events',
        'relation-missing catchup_b r:public.docs',
        'relation-missing catchup_b i:public.docs_pkey',
        'relation-missing catchup_b S:public.docs_id_seq',
      ].sort(),
    );
    await expect(expectSameData(primary, copy)).rejects.toThrow(/content +catchup_a public\.accounts[\s\S]*only in pg\d+-copy-standby: \(/);

    // The original still replicates to the base-backup standby after all this.
    if (basebackup) {
      await primary.query("INSERT INTO accounts (note) VALUES ('after')", [], 'catchup_a');
      await waitForReplay(primary, basebackup, 10_000);
      expect(await basebackup.scalar("SELECT count(*)::int FROM accounts WHERE note = 'after'", [], 'catchup_a')).toBe(1);
    }

    // Stop modes, restart on the same data, cleanup removes everything.
    await copy.stop('smart');
    expect(copy.isRunning()).toBe(false);
    await copy.start();
    await copy.stop('immediate');
    await primary.restart();
    expect(await primary.scalar('SELECT count(*)::int FROM accounts', [], 'catchup_a')).toBeGreaterThan(1000);
    for (const c of [basebackup, copy, primary]) {
      if (!c) continue;
      await c.cleanup();
      expect(c.isRunning()).toBe(false);
      expect(fs.existsSync(c.dataDir)).toBe(false);
    }
    console.log(`PostgreSQL ${version}: ${transactions} load transactions, ${Date.now() - t0} ms`);
  });
});

/** Let the load run for `ms`, failing early if it has stalled. */
async function waitLoad(load: { transactions: number }, ms: number): Promise<void> {
  const before = load.transactions;
  await sleep(ms);
  if (load.transactions === before) throw new Error(`write load made no progress in ${ms} ms`);
}
