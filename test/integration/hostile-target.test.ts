import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  Cluster, expectCliSuccess, expectStandbyMatches, isRoot, makeOwnedDir, makeScratchDir, runCli, serverOsUser, standbyOf, testVersions,
  treeDigest, useClusters,
} from '../support';

useClusters();

describe.each(testVersions().slice(-1))('targets that try to send writes elsewhere, PostgreSQL %i', (version) => {
  test('symlinks inside the target (to a file, to a directory, dangling) are replaced, never written or deleted through', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query('CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, \'a\' FROM generate_series(1, 20000) g');
    const standby = await standbyOf(primary);
    await standby.stop('fast');
    await primary.query('UPDATE t SET v = \'b\' WHERE id % 5 = 0');

    // Outside the target: what the links point at must come out byte for byte the same.
    const outside = makeScratchDir('outside');
    fs.writeFileSync(path.join(outside, 'precious.dat'), 'do not touch');
    fs.mkdirSync(path.join(outside, 'dir'));
    fs.writeFileSync(path.join(outside, 'dir', 'inner'), 'nor this');
    const before = treeDigest(outside);

    const rel = await primary.scalar<string>("SELECT pg_relation_filepath('t')");
    const relFile = path.join(standby.dataDir, rel);
    fs.rmSync(relFile);
    fs.symlinkSync(path.join(outside, 'precious.dat'), relFile); // a relation file
    const dbDir = path.join(standby.dataDir, path.dirname(rel));
    fs.symlinkSync(path.join(outside, 'dir'), path.join(dbDir, 'linked-dir')); // a directory the source does not have
    fs.rmSync(path.join(standby.dataDir, 'global', 'pg_filenode.map'));
    fs.symlinkSync(path.join(outside, 'dir'), path.join(standby.dataDir, 'global', 'pg_filenode.map')); // a non-relation file as a dir link
    fs.symlinkSync('/nonexistent/nowhere', path.join(standby.dataDir, 'dangling'));

    const res = await runCli(['catchup', '-b', 'DELTA', '-D', standby.dataDir, '-R', '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres']);
    expectCliSuccess(res);
    expect(treeDigest(outside)).toBe(before);
    expect(fs.lstatSync(relFile).isSymbolicLink()).toBe(false);
    expect(fs.existsSync(path.join(dbDir, 'linked-dir'))).toBe(false);
    expect(fs.lstatSync(path.join(standby.dataDir, 'global', 'pg_filenode.map')).isFile()).toBe(true);
    await expectStandbyMatches(standby.dataDir, primary);
  });

  test('a target path with spaces and non-ASCII characters, and a target that is itself a symlink', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query('CREATE TABLE t AS SELECT g FROM generate_series(1, 10000) g');
    const parent = path.join(makeScratchDir('odd-paths'), 'base de données — standby ✓');
    fs.mkdirSync(parent, { recursive: true });
    const target = makeOwnedDir(path.join(parent, 'pg data'));
    const link = `${path.dirname(parent)}/link to standby`;
    fs.symlinkSync(target, link);
    const conn = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-R'];
    const full = await runCli(['catchup', '-b', 'FULL', '-D', link, ...conn]);
    expectCliSuccess(full);
    // Resolved once, and said.
    expect(full.stderr).toContain(`the target ${link} resolves to ${target} (through a symbolic link): working there`);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    await primary.query('INSERT INTO t SELECT g FROM generate_series(1, 5000) g');
    expectCliSuccess(await runCli(['catchup', '-b', 'DELTA', '-D', link, ...conn]));
    await expectStandbyMatches(target, primary);
  });

  test('a target owned by another user: refused before anything is written when we are neither its owner nor root; root writes as the owner', async () => {
    if (!isRoot()) {
      // eslint-disable-next-line no-console
      console.log('owner test skipped: making a target that belongs to another user needs root');
      return;
    }
    const primary = await Cluster.createPrimary(version);
    await primary.query('CREATE TABLE t AS SELECT g FROM generate_series(1, 20000) g');
    const standby = await standbyOf(primary);
    await standby.stop('fast');
    await primary.query('INSERT INTO t SELECT g FROM generate_series(1, 5000) g');
    const owner = serverOsUser();

    // The server user runs pg-catchup; root owns the targets.
    execFileSync('chown', ['-R', 'root:root', standby.dataDir]);
    const emptyTarget = path.join(makeScratchDir('root-owned'), 'pgdata');
    fs.mkdirSync(emptyTarget, { mode: 0o700 });
    const conn = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'];
    for (const args of [
      ['catchup', '-b', 'DELTA', '-D', standby.dataDir, '-R', ...conn],
      ['rewind', '-D', standby.dataDir, `--source-server=host=127.0.0.1 port=${primary.port} user=postgres`],
      ['catchup', '-b', 'FULL', '-D', emptyTarget, ...conn],
      ['catchup', '-b', 'AUTO', '-D', standby.dataDir, ...conn],
      ['preflight', '-D', standby.dataDir, ...conn],
    ]) {
      const target = args[args.indexOf('-D') + 1];
      const before = treeDigest(target);
      const res = await runCli(args, { asServerUser: true });
      expect({ args, code: res.code }).toEqual({ args, code: 1 });
      expect(res.stderr).toContain(`${target} belongs to root, not to this user (${owner.name})`);
      expect(res.stderr).toMatch(/Run pg-catchup as the PostgreSQL OS user that owns the data directory, or as root/);
      expect(treeDigest(target)).toBe(before);
    }

    // Root may run it: every file it writes belongs to the directory's owner, so the server can start.
    execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, standby.dataDir]);
    expectCliSuccess(await runCli(['catchup', '-b', 'DELTA', '-D', standby.dataDir, '-R', ...conn]));
    const notOwned = execFileSync('find', [standby.dataDir, '!', '-uid', String(owner.uid)], { encoding: 'utf8' }).trim();
    expect(notOwned).toBe('');
    await expectStandbyMatches(standby.dataDir, primary);
  });
});
