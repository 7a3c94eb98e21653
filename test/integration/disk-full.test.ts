import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  Cluster, expectCliSuccess, expectStandbyMatches, isRoot, makeOwnedDir, makeScratchDir, runCli, testVersions, useClusters,
} from '../support';

useClusters();

const canMount = isRoot();
if (!canMount) {
  // eslint-disable-next-line no-console
  console.log('disk-full and read-only tests skipped: mounting a tmpfs needs root');
}

// Fault 4 of issue 8: the target's file system fills up.
(canMount ? describe.each(testVersions().slice(-1)) : describe.skip.each([0]))('target file system full or read-only, PostgreSQL %i', (version) => {
  let mountPoint: string | null = null;
  afterEach(() => {
    if (mountPoint) execFileSync('umount', ['-l', mountPoint]);
    mountPoint = null;
  });

  test('refused before any write when it cannot fit; with the check skipped, the write error names the space, and after growing the rerun completes', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query('CREATE TABLE t AS SELECT g, repeat(md5(g::text), 8) AS v FROM generate_series(1, 200000) g');
    await primary.query('CHECKPOINT');
    mountPoint = makeScratchDir('tmpfs');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m,mode=0755', 'tmpfs', mountPoint]);
    const target = makeOwnedDir(path.join(mountPoint, 'pgdata'));
    const conn = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-R'];

    const refused = await runCli(['catchup', '-b', 'FULL', '-D', target, ...conn]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/\d+ MB free on the file system of .*, \d+ MB needed \(the databases, plus WAL\) \(the check "Free disk space on the target"\)/);
    expect(fs.readdirSync(target)).toEqual([]);

    const full = await runCli(['catchup', '-b', 'FULL', '-D', target, ...conn, '--no-space-check']);
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/The target's file system is full: \d+ MB of \d+ MB written, \d+ MB still to write plus the WAL, \d+ MB free/);
    expect(full.stderr).toMatch(/run the same command again/);
    // Not startable, and marked for the rerun.
    expect(fs.existsSync(path.join(target, 'global', 'pg_control'))).toBe(false);
    expect(fs.existsSync(path.join(target, 'pg_catchup.marker'))).toBe(true);

    execFileSync('mount', ['-o', 'remount,size=400m', mountPoint]);
    const rerun = await runCli(['catchup', '-b', 'FULL', '-D', target, ...conn]);
    expectCliSuccess(rerun);
    expect(rerun.stderr).toMatch(/resumed: \d+ files/);
    await expectStandbyMatches(target, primary);
  });

  test('a read-only target file system: refused in one line, nothing written', async () => {
    const primary = await Cluster.createPrimary(version);
    mountPoint = makeScratchDir('tmpfs-ro');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512m,mode=0755', 'tmpfs', mountPoint]);
    const target = makeOwnedDir(path.join(mountPoint, 'pgdata'));
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    const res = await runCli(['catchup', '-b', 'FULL', '-D', target, '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^pg-catchup: error: The target .*pgdata is on a read-only file system \(EROFS.*\)\. Remount it read-write/m);
    expect(res.stderr).not.toMatch(/unexpected failure|\n\s+at /);
    expect(fs.readdirSync(target)).toEqual([]);
  });
});
