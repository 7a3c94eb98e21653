import * as fs from 'fs';
import * as path from 'path';
import {
  Cluster, edgeTestVersions, expectCliSuccess, expectStandbyMatches, giveToServerUser, makeScratchDir, primaryWithStandby, promoteStandby, runCli,
  sourceServer, standbyOf, treeDigest, useClusters, waitForReplay,
} from '../support';
import { readValidReport } from '../support/report-schema';

useClusters();

/** A new timeline without a second server: restart as a standby of nothing, then promote. */
async function nextTimeline(c: Cluster): Promise<void> {
  await c.stop('fast');
  const signal = path.join(c.dataDir, 'standby.signal');
  fs.writeFileSync(signal, '');
  giveToServerUser(signal);
  await c.start();
  await c.promote();
}

const timelineOfControl = (c: Cluster) => c.scalar<number>('SELECT timeline_id FROM pg_control_checkpoint()');

// Issue 9: the source's timeline comes from the replication protocol, not its pg_control.
describe.each(edgeTestVersions())('timelines, PostgreSQL %i', (version) => {
  test('rewind straight after promotion, before the new primary\'s first checkpoint: diverged (not "no rewind required"), and correct', async () => {
    // checkpoint_timeout 1h: the checkpoint promotion asks for is spread over half an hour, so the
    // new primary's pg_control still names timeline 1 (pg_rewind reads that and finds nothing to do).
    const f = await primaryWithStandby(version, { walLogHints: true, settings: { checkpoint_timeout: '1h' } });
    const old = f.oldPrimary;
    await old.query("CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, repeat('x', 100) FROM generate_series(1, 20000) g");
    await old.query('CHECKPOINT');
    await promoteStandby(f);
    await f.newPrimary.query("UPDATE t SET v = 'new' WHERE id % 97 = 0");
    await old.query("UPDATE t SET v = 'old' WHERE id % 89 = 0");
    await old.stop('fast');
    expect(await timelineOfControl(f.newPrimary)).toBe(1);

    const args = ['rewind', '-D', old.dataDir, `--source-server=${sourceServer(f.newPrimary)}`];
    const untouched = treeDigest(old.dataDir);
    const dry = await runCli([...args, '--dry-run']);
    expectCliSuccess(dry);
    expect(dry.stdout).not.toContain('no rewind required');
    expect(dry.stdout).toMatch(/divergence: the target \(timeline 1, [0-9A-F/]+\) left the source's history at [0-9A-F/]+ on timeline 1/);
    expect(treeDigest(old.dataDir)).toBe(untouched);
    // Still before that checkpoint: the run below is the one pg_rewind gets wrong.
    expect(await timelineOfControl(f.newPrimary)).toBe(1);

    const report = path.join(makeScratchDir('reports'), 'rewind.json');
    const res = await runCli([...args, '-R', `--report=${report}`]);
    expectCliSuccess(res);
    expect(res.stderr).not.toMatch(/minimum recovery point|no rewind required/);
    expect(readValidReport(report).divergence).toMatchObject({ diverged: true, forkTimeline: 1 });
    await expectStandbyMatches(old.dataDir, f.newPrimary);
  }, 300_000);

  test('timelines above 9 are hexadecimal: DELTA across 16 timeline switches, and rewind at timeline 0x11', async () => {
    const f = await primaryWithStandby(version, { walLogHints: true });
    const primary = f.oldPrimary;
    const lagging = f.newPrimary;
    await primary.query('CREATE TABLE t (id int PRIMARY KEY, tli int, v text)');
    await waitForReplay(primary, lagging);
    await lagging.stop('fast');
    for (let i = 0; i < 16; i++) {
      await primary.query(`INSERT INTO t SELECT g, ${i}, 'a' FROM generate_series(${i * 1000 + 1}, ${i * 1000 + 1000}) g`);
      await nextTimeline(primary);
    }
    await primary.query('CHECKPOINT');
    expect(await timelineOfControl(primary)).toBe(0x11);
    expect(fs.existsSync(path.join(primary.dataDir, 'pg_wal', '00000011.history'))).toBe(true);

    // The standby left on timeline 1 follows the source's history through 0x0A..0x11.
    expectCliSuccess(await runCli(['catchup', '-b', 'DELTA', '-D', lagging.dataDir, '-R', '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres']));
    await expectStandbyMatches(lagging.dataDir, primary);

    // A copy promoted to 0x12 while the primary goes on writing on 0x11: rewind the primary.
    const copy = await standbyOf(primary);
    await waitForReplay(primary, copy);
    await copy.promote();
    await copy.query('UPDATE t SET v = \'new\' WHERE id % 7 = 0');
    await primary.query('UPDATE t SET v = \'old\' WHERE id % 5 = 0');
    await primary.stop('fast');
    const report = path.join(makeScratchDir('reports'), 'rewind.json');
    expectCliSuccess(await runCli(['rewind', '-D', primary.dataDir, `--source-server=${sourceServer(copy)}`, '-R', `--report=${report}`]));
    const r = readValidReport(report);
    expect(r.divergence).toMatchObject({ diverged: true, forkTimeline: 0x11 });
    expect(r.source.timeline).toBe(0x12);
    expect(r.discarded).toMatchObject({ available: true, committedTransactions: 1 });
    await expectStandbyMatches(primary.dataDir, copy);
  }, 600_000);
});
