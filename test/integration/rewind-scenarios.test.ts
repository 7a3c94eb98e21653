import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { catchupDelta } from '../../src/engine';
import {
  Cluster, expectCliSuccess, prepareSchema, expectSameDataAtSameLsn, promoteStandby, primaryWithStandby, runCli, sourceServer, standbyOf,
  startAsStandby, startWriteLoad, testVersions, treeDigest, useClusters, waitFor, waitForStreaming,
} from '../support';
import { expectValidReport } from '../support/report-schema';
import { makeOwnedDir, makeScratchDir } from '../support/scratch';

useClusters();

/**
 * How the rewind reaches its source, as pg_rewind's own suite runs every scenario: `remote`
 * connects to the running server (--source-server); `local` reads its data directory, stopped
 * cleanly for the run (--source-pgdata), and the server is named only for -R's
 * primary_conninfo. A local source's whole tree must come out unchanged; it is started again
 * afterwards for the standby to follow.
 */
type SourceKind = 'remote' | 'local';

interface SourceArgs {
  /** CLI arguments naming the source. */
  args: string[];
  /** With -R: the server primary_conninfo names (a local source's running server; pg_rewind refuses it without -R). */
  followArgs: string[];
  /** The same for the engine. */
  options: { source: { host: string; port: number; user: string }; sourcePgdata?: string };
}

async function withSource<T>(kind: SourceKind, source: Cluster, run: (where: SourceArgs) => Promise<T>): Promise<T> {
  const server = { source: { host: '127.0.0.1', port: source.port, user: 'postgres' } };
  if (kind === 'remote') return run({ args: [`--source-server=${sourceServer(source)}`], followArgs: [], options: server });
  await source.stop('fast');
  const before = treeDigest(source.dataDir);
  try {
    return await run({ args: [`--source-pgdata=${source.dataDir}`], followArgs: [`--source-server=${sourceServer(source)}`], options: { ...server, sourcePgdata: source.dataDir } });
  } finally {
    expect(treeDigest(source.dataDir)).toBe(before);
    await source.start();
  }
}

/** Rewind the old primary from `source` through the CLI, then start it as a standby and compare. */
async function rewindAndCompare(kind: SourceKind, oldPrimary: Pick<Cluster, 'dataDir' | 'binDir'>, source: Cluster, extra: string[] = []): Promise<string> {
  const reportFile = `${oldPrimary.dataDir}.report.json`;
  const res = await withSource(kind, source, (where) => runCli(['rewind', '-D', oldPrimary.dataDir, ...where.args, ...where.followArgs, '-R', `--target-bindir=${oldPrimary.binDir}`, `--report=${reportFile}`, ...extra]));
  expectCliSuccess(res);
  expectValidReport(JSON.parse(fs.readFileSync(reportFile, 'utf8')));
  expect(res.stdout).toContain('Done!');
  const standby = await startAsStandby(oldPrimary.dataDir);
  await waitForStreaming(source);
  await expectSameDataAtSameLsn(source, standby);
  await standby.stop('fast');
  return res.stderr;
}

const KINDS: SourceKind[] = ['remote', 'local'];

describe.each(testVersions().flatMap((v) => KINDS.map((k) => [v, k] as const)))('rewind scenarios of pg_rewind\'s own suite, PostgreSQL %i, %s source', (version, kind) => {
  test('basic: extended table truncated back, VACUUM-shrunk table gets its tail, dropped table comes back, new rows replaced', async () => {
    const f = await primaryWithStandby(version);
    const p = f.oldPrimary;
    await p.query("CREATE TABLE tbl1 (d text PRIMARY KEY); INSERT INTO tbl1 VALUES ('in primary')");
    await p.query("CREATE TABLE trunc_tbl (d text); INSERT INTO trunc_tbl VALUES ('in primary')");
    await p.query("CREATE TABLE tail_tbl (id integer, d text); INSERT INTO tail_tbl SELECT g, 'in primary' FROM generate_series(1, 10000) g");
    await p.query("CREATE TABLE drop_tbl (d text); INSERT INTO drop_tbl VALUES ('in primary')");
    await p.query('CHECKPOINT');
    await promoteStandby(f);

    await f.newPrimary.query("INSERT INTO tbl1 VALUES ('in standby, after promotion')");
    await p.query("INSERT INTO tbl1 VALUES ('in primary, after promotion')");
    await p.query("INSERT INTO trunc_tbl SELECT 'in primary, after promotion' FROM generate_series(1, 20000)");
    await p.query('DELETE FROM tail_tbl WHERE id > 10');
    await p.query('VACUUM tail_tbl');
    await p.query('DROP TABLE drop_tbl');
    await p.stop('fast');

    // The dry run changes neither directory (withSource checks the source's tree).
    const untouched = treeDigest(p.dataDir);
    const dry = await withSource(kind, f.newPrimary, (where) => runCli(['rewind', '-D', p.dataDir, ...where.args, '-n']));
    expectCliSuccess(dry);
    expect(treeDigest(p.dataDir)).toBe(untouched);
    const log = await rewindAndCompare(kind, p, f.newPrimary);
    expect(log).toMatch(/diverged from the source at [0-9A-F]+\/[0-9A-F]+ on timeline 1/);
    const rows = await f.newPrimary.query<{ d: string }>('SELECT d FROM tbl1 ORDER BY d');
    expect(rows.map((r) => r.d)).toEqual(['in primary', 'in standby, after promotion']);
  });

  test('databases created and dropped on either side, extra files in the target, and a crashed old primary', async () => {
    const f = await primaryWithStandby(version);
    const p = f.oldPrimary;
    await p.query('CREATE DATABASE inprimary');
    await p.query('CREATE DATABASE drop_on_old');
    await p.query('CREATE TABLE t AS SELECT 1 AS x', [], 'drop_on_old');
    await promoteStandby(f);
    await f.newPrimary.query('CREATE DATABASE instandby');
    await f.newPrimary.query('CREATE TABLE s AS SELECT g FROM generate_series(1, 100) g', [], 'instandby');
    await p.query('CREATE DATABASE inprimary_after');
    await p.query('DROP DATABASE drop_on_old');
    // Crashed, not stopped: rewind first brings it to a clean state with single-user crash recovery.
    await p.stop('immediate');
    fs.mkdirSync(path.join(p.dataDir, 'tst_target_dir'));
    fs.writeFileSync(path.join(p.dataDir, 'tst_target_dir', 'file'), 'only in the target');
    fs.writeFileSync(path.join(p.dataDir, 'tst_target_file'), 'only in the target');

    const log = await rewindAndCompare(kind, p, f.newPrimary);
    expect(log).toMatch(/was not shut down cleanly \("in production"\): running single-user crash recovery/);
    expect(fs.existsSync(path.join(p.dataDir, 'tst_target_dir'))).toBe(false);
    expect(fs.existsSync(path.join(p.dataDir, 'tst_target_file'))).toBe(false);
  });

  test('the source is a standby of the new primary, and files grow on the source during the run', async () => {
    const f = await primaryWithStandby(version);
    const p = f.oldPrimary;
    await p.query('CREATE TABLE grow (id bigserial, v text)');
    await promoteStandby(f);
    const cascade = await standbyOf(f.newPrimary);
    await p.query("INSERT INTO grow (v) SELECT 'old' FROM generate_series(1, 5000)");
    await p.stop('fast');
    await prepareSchema(f.newPrimary);
    const load = await startWriteLoad(f.newPrimary);
    try {
      const res = await withSource(kind, cascade, (where) => runCli(['rewind', '-D', p.dataDir, ...where.args, ...where.followArgs, '-R']));
      expectCliSuccess(res);
    } finally {
      await load.stop();
    }
    const standby = await startAsStandby(p.dataDir);
    await expectSameDataAtSameLsn(f.newPrimary, cascade);
    await expectSameDataAtSameLsn(f.newPrimary, standby);
    await standby.stop('fast');
  });

  test('DELTA into a diverged old primary works too, and says it handled a divergence', async () => {
    const f = await primaryWithStandby(version);
    const p = f.oldPrimary;
    await p.query('CREATE TABLE d AS SELECT g AS id FROM generate_series(1, 1000) g');
    await promoteStandby(f);
    await p.query('UPDATE d SET id = -id');
    await p.stop('fast');
    const report = await withSource(kind, f.newPrimary, (where) => catchupDelta({ targetDir: p.dataDir, ...where.options, writeRecoveryConf: true }));
    expectValidReport(report);
    expect(report.divergence).toMatchObject({ diverged: true, forkTimeline: 1 });
    expect(report.files.blocksCopied).toBeGreaterThan(0);
    // What the old primary did after the fork is reported as discarded, as for rewind.
    expect(report.discarded).toMatchObject({ available: true, complete: true });
    expect(report.discarded!.committedTransactions).toBeGreaterThanOrEqual(1);
    // Names come from a running source's catalogs; a stopped one gives relfilenodes, and says so.
    if (kind === 'remote') expect(report.discarded!.relations!.map((r) => `${r.database}:${r.name}`)).toContain('postgres:public.d');
    else expect(report.discarded!.detail).toMatch(/stopped data directory: relfilenodes only/);
    expect(report.discarded!.relations!.length).toBeGreaterThanOrEqual(1);
    const standby = await startAsStandby(p.dataDir);
    await expectSameDataAtSameLsn(f.newPrimary, standby);
    await standby.stop('fast');
  });

  test('the WAL before the fork is gone from pg_wal: synced from the fork point; with -c the checkpoint before it comes from restore_command', async () => {
    const archive = makeOwnedDir(path.join(makeScratchDir('archive'), 'wal'));
    const f = await primaryWithStandby(version, { settings: { archive_mode: 'on', archive_command: `'cp %p ${archive}/%f'` } });
    const p = f.oldPrimary;
    await p.query('CREATE TABLE a AS SELECT g AS id FROM generate_series(1, 1000) g');
    await p.query('CHECKPOINT');
    await promoteStandby(f);
    await p.query('UPDATE a SET id = -id');
    await p.query('INSERT INTO a SELECT g FROM generate_series(1, 20000) g');
    const switched = await p.scalar<string>('SELECT pg_walfile_name(pg_switch_wal())');
    await waitFor(async () => fs.existsSync(path.join(archive, switched)), { timeoutMs: 30_000, what: `archiving of ${switched}` });
    await p.stop('fast');
    // Recycled: every segment the archive has is removed from the target's pg_wal.
    const walDir = path.join(p.dataDir, 'pg_wal');
    for (const name of fs.readdirSync(archive)) if (/^[0-9A-F]{24}$/.test(name)) fs.rmSync(path.join(walDir, name), { force: true });
    fs.appendFileSync(path.join(p.dataDir, 'postgresql.auto.conf'), `restore_command = 'cp ${archive}/%f %p'\n`);

    // Where pg_rewind gives up: R is the fork point, and both sides' changes are found by page LSN.
    const copy = `${p.dataDir}-no-c`;
    execFileSync('cp', ['-a', p.dataDir, copy]);
    const withoutWal = await rewindAndCompare(kind, { dataDir: copy, binDir: p.binDir }, f.newPrimary);
    expect(withoutWal).toMatch(/WAL before the fork at ([0-9A-F]+\/[0-9A-F]+) is not readable .*: R is the fork point itself/);

    const log = await rewindAndCompare(kind, p, f.newPrimary, ['-c']);
    expect(log).toMatch(/restored \d+ WAL segment\(s\) of the target through restore_command/);
    expect(log).not.toMatch(/R is the fork point itself/);
  });

  test('minRecoveryPoint: a standby that replayed past the fork is rewound, though its restartpoint precedes the fork', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query('CREATE TABLE m AS SELECT g AS id, md5(g::text) AS v FROM generate_series(1, 5000) g');
    const lagging = await standbyOf(primary);
    const ahead = await standbyOf(primary);
    await expectSameDataAtSameLsn(primary, lagging);
    await lagging.stop('fast');
    // Only `ahead` replays this: past the point where `lagging` will be promoted.
    await primary.query("UPDATE m SET v = 'only replayed by the standby that is ahead' WHERE id % 2 = 0");
    await expectSameDataAtSameLsn(primary, ahead);
    await ahead.stop('fast');
    await primary.stop('fast');
    await lagging.start();
    await lagging.promote();
    await lagging.query("UPDATE m SET v = 'new primary' WHERE id % 3 = 0");

    const log = await rewindAndCompare(kind, ahead, lagging);
    expect(log).toMatch(/diverged from the source at/);
    expect(await lagging.scalar("SELECT count(*)::int FROM m WHERE v LIKE 'only replayed%'")).toBe(0);
  });

  test('a target with neither data checksums nor wal_log_hints is refused before any write', async () => {
    const f = await primaryWithStandby(version, { checksums: false });
    await promoteStandby(f);
    await f.oldPrimary.query('CREATE TABLE x AS SELECT 1 AS id');
    await f.oldPrimary.stop('fast');
    const before = treeDigest(f.oldPrimary.dataDir);
    const res = await withSource(kind, f.newPrimary, (where) => runCli(['rewind', '-D', f.oldPrimary.dataDir, ...where.args]));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/neither data checksums nor wal_log_hints.*-b FULL/);
    expect(treeDigest(f.oldPrimary.dataDir)).toBe(before);
  });
});
