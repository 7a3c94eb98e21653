import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  Cluster, expectCliSuccess, expectStandbyMatches, expectStartRefused, INCOMPLETE_DATA_DIR, primaryWithStandby, promoteStandby, runCli, seededRandom, sourceServer, standbyOf, testSeed, testVersions, treeDigest, useClusters,
} from '../support';

useClusters();

/**
 * SIGKILL at seeded random moments of a run (issue 8, fault 1). After each kill the target is
 * either untouched (killed before the first write) or refuses to start (marker, no pg_control);
 * the rerun of the same command completes and the data equals the source's at the same LSN.
 */
async function killAtSeededPoints(
  what: string, target: string, args: string[], source: Cluster, between: (i: number) => Promise<void>, restore: boolean,
): Promise<void> {
  // rewind: each point starts from the same diverged old primary. DELTA: each point syncs the
  // standby the previous one left (a stale copy of the first state would fall behind the WAL the
  // source keeps).
  const saved = `${target}.saved`;
  if (restore) execFileSync('cp', ['-a', target, saved]);
  // How long a whole run takes here, so the kill points spread over it.
  const timing = Date.now();
  expectCliSuccess(await runCli(args));
  const runMs = Date.now() - timing;
  const random = seededRandom(testSeed(`${what} kill points`));
  let markedKills = 0;
  for (let point = 0; point < 5; point++) {
    if (restore) {
      fs.rmSync(target, { recursive: true, force: true });
      execFileSync('cp', ['-a', saved, target]);
    }
    await between(point);
    const untouched = treeDigest(target);
    const at = Date.now() + runMs * (0.1 + 0.85 * random());
    // The first point is the moment of the first write (the marker appears), so at least one kill
    // lands mid-run however short the run is on a busy machine; the others spread over its time.
    const marker = path.join(target, 'pg_catchup.marker');
    const killed = await runCli(args, { killWhen: () => (point === 0 ? fs.existsSync(marker) : Date.now() >= at) });
    if (!killed.killed) continue; // finished first on a quick run: nothing to resume
    // Touched and without pg_control (written last): not startable, and marked for the rerun. With
    // pg_control back, the run had reached its last write: the target is complete.
    if (treeDigest(target) !== untouched && !fs.existsSync(path.join(target, 'global', 'pg_control'))) {
      expect(fs.existsSync(path.join(target, 'pg_catchup.marker'))).toBe(true);
      expect(await expectStartRefused(source.binDir, target)).toMatch(INCOMPLETE_DATA_DIR);
      markedKills++;
    }
    expectCliSuccess(await runCli(args));
    expect(fs.existsSync(path.join(target, 'pg_catchup.marker'))).toBe(false);
    await expectStandbyMatches(target, source);
  }
  // The points must have hit runs mid-way, not only before or after them.
  expect(markedKills).toBeGreaterThan(0);
}

describe.each(testVersions().slice(-1))('SIGKILL at seeded points, PostgreSQL %i', (version) => {
  test('rewind of an old primary', async () => {
    const f = await primaryWithStandby(version, { walLogHints: true });
    const p = f.oldPrimary;
    await p.query("CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, repeat('x', 200) FROM generate_series(1, 200000) g");
    await p.query('CHECKPOINT');
    await promoteStandby(f);
    await f.newPrimary.query("UPDATE t SET v = 'new' WHERE id % 13 = 0");
    await p.query("UPDATE t SET v = 'old' WHERE id % 11 = 0");
    await p.stop('fast');
    await killAtSeededPoints('rewind', p.dataDir, ['rewind', '-D', p.dataDir, `--source-server=${sourceServer(f.newPrimary)}`, '-R', `--target-bindir=${p.binDir}`],
      f.newPrimary, (i) => f.newPrimary.query(`UPDATE t SET v = 'between ${i}' WHERE id % 101 = ${i}`).then(() => undefined), true);
  }, 600_000);

  test('DELTA of a lagging standby', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query("CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, repeat('x', 200) FROM generate_series(1, 200000) g");
    const standby = await standbyOf(primary);
    await standby.stop('fast');
    await primary.query("UPDATE t SET v = 'changed' WHERE id % 9 = 0");
    await killAtSeededPoints('DELTA', standby.dataDir, ['catchup', '-b', 'DELTA', '-D', standby.dataDir, '-R', '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'],
      primary, (i) => primary.query(`UPDATE t SET v = 'between ${i}' WHERE id % 97 = ${i}`).then(() => undefined), false);
  }, 600_000);
});
