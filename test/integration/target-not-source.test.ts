import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/engine/report/report';
import { CONTROL_ASIDE, LOCK_FILE, MARKER_FILE } from '../../src/engine/pgdata/catchup-marker';
import { Cluster, runCli, testVersions, treeDigest, useClusters } from '../support';
import { expectValidReport } from '../support/report-schema';

useClusters();

/** Every file of ours that a run would leave in a directory it had started to write. */
function ourFilesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if ([MARKER_FILE, LOCK_FILE, path.basename(CONTROL_ASIDE)].includes(e.name)) found.push(p);
    }
  };
  walk(root);
  return found;
}

// The field's worst case: a catchup that deletes the source's own files because the target path
// pointed at (or around) the source's data directory on the same host.
describe.each(testVersions().slice(-1))("a target that is the source's own data directory, on PostgreSQL %i", (version) => {
  test('is refused, whether it is the directory itself, a directory inside it or a symlink to it, and nothing is written', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query('CREATE TABLE t AS SELECT g FROM generate_series(1, 1000) g');
    await primary.query('CHECKPOINT');
    const conn = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'];
    const inside = path.join(primary.dataDir, 'base', 'standby');
    fs.mkdirSync(inside, { mode: 0o700 });
    const controlBefore = fs.readFileSync(path.join(primary.dataDir, 'global', 'pg_control'));
    const insideBefore = treeDigest(inside);

    const refused = async (args: string[], pattern: RegExp) => {
      const reportFile = path.join(path.dirname(primary.dataDir), `refusal-${Math.random().toString(36).slice(2)}.json`);
      const res = await runCli([...args, `--report=${reportFile}`]);
      expect(res.code).not.toBe(0);
      const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
      expectValidReport(report);
      const check = report.checks.find((c) => c.id === 'target-not-source');
      expect(check?.status).toBe('fail');
      expect(check?.detail).toMatch(pattern);
      expect(check?.fix).toMatch(/separate directory outside the source's data directory/);
      expect(res.stderr).toMatch(pattern);
    };
    // FULL into an empty directory inside the source's PGDATA would copy the source into itself.
    await refused(['catchup', '-b', 'FULL', '-D', inside, ...conn], /the target .* is inside the source's own data directory/);
    // DELTA and rewind on the source's own directory: refused before the lock file or crash recovery.
    await refused(['catchup', '-b', 'DELTA', '-D', primary.dataDir, ...conn], /is the source's own data directory/);
    await refused(['rewind', '-D', primary.dataDir, `--source-server=host=127.0.0.1 port=${primary.port} user=postgres`], /is the source's own data directory/);
    // Through a symlink to it, too.
    const link = `${primary.dataDir}-link`;
    fs.symlinkSync(primary.dataDir, link);
    await refused(['catchup', '-b', 'DELTA', '-D', link, ...conn], new RegExp(`the target ${primary.dataDir} is the source's own data directory`));

    expect(ourFilesUnder(primary.dataDir)).toEqual([]);
    expect(treeDigest(inside)).toBe(insideBefore);
    expect(fs.readFileSync(path.join(primary.dataDir, 'global', 'pg_control')).equals(controlBefore)).toBe(true);
    expect(await primary.scalar<number>('SELECT count(*)::int FROM t')).toBe(1000);
  });

  test('a target elsewhere on the same host passes the check', async () => {
    const primary = await Cluster.createPrimary(version);
    const target = primary.makeTargetDir();
    const res = await runCli(['preflight', '-b', 'FULL', '-D', target, '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '--json']);
    const report = JSON.parse(res.stdout) as Report;
    const check = report.checks.find((c) => c.id === 'target-not-source');
    expect(check).toMatchObject({ status: 'pass' });
    expect(check?.detail).toMatch(/on this host, apart from the target/);
  });
});
