import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/engine/report/report';
import {
  expectCliSuccess, expectSameDataAtSameLsn, primaryWithStandby, promoteStandby, runCli, sourceServer, startAsStandby, testVersions, treeDigest,
  useClusters, waitForStreaming,
} from '../support';
import { expectValidReport } from '../support/report-schema';

useClusters();

// pg_rewind's 010_keep_recycled_wals, with a stopped source: the new primary recycled the segment
// that holds the last common checkpoint, which the old primary still has. Replaying from R, as
// pg_rewind does, needs the old primary's own copy of it.
describe.each(testVersions())('rewind from a stopped source by replay from R (010_keep_recycled_wals), PostgreSQL %i', (version) => {
  test("the target keeps its own segment of the shared history that the source recycled, replays, starts and matches", async () => {
    const f = await primaryWithStandby(version);
    const p = f.oldPrimary;
    const s = f.newPrimary;
    await p.query("CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, 'before' FROM generate_series(1, 5000) g");
    await p.query('CHECKPOINT'); // the last common checkpoint: R
    await p.query("UPDATE t SET v = 'shared' WHERE id % 3 = 0");
    const sharedSegment = await p.scalar<string>('SELECT pg_walfile_name(pg_current_wal_lsn())');
    await p.query('SELECT pg_switch_wal()');
    await promoteStandby(f);
    // Both write after the fork.
    await p.query("UPDATE t SET v = 'old primary only' WHERE id % 5 = 0; CREATE TABLE gone AS SELECT g FROM generate_series(1, 100) g");
    await s.query("INSERT INTO t SELECT g, 'new primary' FROM generate_series(10000, 12000) g");
    await s.query('SELECT pg_switch_wal()');
    await s.query('CHECKPOINT');
    await s.stop('fast');
    await p.stop('fast');
    // The new primary's recycling of its timeline 1 segments, as in 010 (wal_keep_size here keeps them).
    for (const n of fs.readdirSync(path.join(s.dataDir, 'pg_wal')).filter((x) => /^00000001[0-9A-F]{16}$/.test(x))) fs.rmSync(path.join(s.dataDir, 'pg_wal', n));
    expect(fs.existsSync(path.join(s.dataDir, 'pg_wal', sharedSegment))).toBe(false);
    expect(fs.existsSync(path.join(p.dataDir, 'pg_wal', sharedSegment))).toBe(true);

    const before = treeDigest(s.dataDir);
    const reportFile = `${p.dataDir}.report.json`;
    const res = await runCli(['rewind', '-D', p.dataDir, `--source-pgdata=${s.dataDir}`, `--source-server=${sourceServer(s)}`, '-R', '--debug',
      '--change-source=source=wal-replay', `--target-bindir=${p.binDir}`, `--report=${reportFile}`]);
    expectCliSuccess(res);
    expect(treeDigest(s.dataDir)).toBe(before);
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
    expectValidReport(report);
    expect(report.changeSources?.[0]).toMatchObject({ side: 'source', method: 'wal-replay', blocksFound: 0 });
    expect(res.stderr).toContain(`Not removing file "pg_wal/${sharedSegment}" because it is required for recovery`);
    expect(fs.existsSync(path.join(p.dataDir, 'pg_wal', sharedSegment))).toBe(true);
    // Recovery starts in a segment the target has: its own kept one, or one copied from the source.
    const startFile = /\(file ([0-9A-F]{24})\)/.exec(fs.readFileSync(path.join(p.dataDir, 'backup_label'), 'utf8'))?.[1];
    expect(startFile && fs.existsSync(path.join(p.dataDir, 'pg_wal', startFile))).toBe(true);

    await s.start();
    const standby = await startAsStandby(p.dataDir);
    await waitForStreaming(s);
    await expectSameDataAtSameLsn(s, standby);
    await standby.stop('fast');
  });
});
