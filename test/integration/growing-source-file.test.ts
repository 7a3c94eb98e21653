/**
 * A source file that changes size while it is copied (PostgreSQL's pg_rewind test
 * 009_growing_files) must never be copied short with success:
 * - from a stopped source (--source-pgdata) nothing replays WAL over the copy, so the run fails
 *   before pg_control is written, in pg_rewind's words;
 * - from a running server, a file WAL replay does not repair (here a file kept in PGDATA) is
 *   read again after the copy, and the target holds all of it.
 * The file grows the moment its copy has begun on the target: a rate cap keeps that copy going.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Cluster, expectCliSuccess, runCli, testVersions, useClusters } from '../support';

useClusters();

const SIZE = 4 * 1024 * 1024;
const GROWTH = 'appended while the copy ran\n';

/** Makes PGDATA/tst_dir/big (SIZE bytes) and returns a poll that appends to it once its copy has begun in `target`. */
function growWhenCopyStarts(source: Cluster, target: string): { poll: () => boolean; grown: () => boolean } {
  const dir = path.join(source.dataDir, 'tst_dir');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'big'), Buffer.alloc(SIZE, 'a'));
  fs.chownSync(dir, fs.statSync(source.dataDir).uid, fs.statSync(source.dataDir).gid);
  let grown = false;
  return {
    poll: () => {
      if (!grown && fs.existsSync(path.join(target, 'tst_dir', 'big'))) {
        fs.appendFileSync(path.join(dir, 'big'), GROWTH);
        grown = true;
      }
      return false;
    },
    grown: () => grown,
  };
}

describe.each(testVersions().slice(0, 1))('a source file growing during the copy, PostgreSQL %i', (version) => {
  test('stopped source: the run fails before pg_control with "size of source file ... changed concurrently"', async () => {
    const source = await Cluster.createPrimary(version);
    await source.stop('fast');
    const target = source.makeTargetDir();
    const grow = growWhenCopyStarts(source, target);
    const res = await runCli(['catchup', '-b', 'FULL', `--source-pgdata=${source.dataDir}`, '-D', target, '-r', '1M'], { killWhen: grow.poll, timeoutMs: 300_000 });
    expect(grow.grown()).toBe(true);
    expect(res.code).toBe(1);
    const last = res.stderr.trim().split('\n').pop()!;
    expect(last).toMatch(new RegExp(`error: size of source file "tst_dir/big" changed concurrently: ${SIZE} bytes expected, ${SIZE + GROWTH.length} found`));
    expect(fs.existsSync(path.join(target, 'global', 'pg_control'))).toBe(false);
  });

  test('running server: a file WAL does not cover is read again, and the target holds all of it', async () => {
    const source = await Cluster.createPrimary(version);
    const target = source.makeTargetDir();
    const grow = growWhenCopyStarts(source, target);
    const res = await runCli(['catchup', '-b', 'FULL', '-h', '127.0.0.1', '-p', String(source.port), '-U', 'postgres', '-D', target, '-r', '1M'],
      { killWhen: grow.poll, timeoutMs: 300_000 });
    expectCliSuccess(res);
    expect(grow.grown()).toBe(true);
    expect(res.stderr).toMatch(/1 file\(s\) that WAL replay does not repair changed during the copy; reading them again: tst_dir\/big/);
    expect(fs.statSync(path.join(target, 'tst_dir', 'big')).size).toBe(SIZE + GROWTH.length);
    expect(fs.readFileSync(path.join(target, 'tst_dir', 'big')).equals(fs.readFileSync(path.join(source.dataDir, 'tst_dir', 'big')))).toBe(true);
  });
});
