import * as fs from 'fs';
import * as path from 'path';
import { scanLocalChangedBlocks } from '../../src/engine/pgdata/page-lsn-scan';
import { parsePgControl, PgControl } from '../../src/engine/pgdata/pg-control';
import { listTarget } from '../../src/engine/pgdata/target-listing';
import { targetWalChanges, TargetWalChangesInput } from '../../src/engine/changes/wal-block-references';
import { formatLsn, Lsn, parseLsn } from '../../src/engine/wal/lsn';
import { segmentFileName } from '../../src/engine/wal/wal-segment';
import { Cluster, describeEachVersion, makeOwnedDir, makeScratchDir, testVersions, useClusters } from '../support';

useClusters();

/** What the server said about the relations the test changed after R. */
interface Changes {
  R: Lsn;
  updated: { file: string; blocks: number[] };
  inTablespace: string;
  createdAfter: string;
  fileCopyDb: string;
  walLogDb: string;
}

/**
 * A primary with data from before a checkpoint (R = its redo point), then changes of every kind
 * rule 4 must catch: updates, inserts that extend a table, a VACUUM that truncates one, a table in
 * a tablespace, a table created after R, databases created both ways; stopped cleanly.
 */
async function clusterChangedAfterCheckpoint(version: number): Promise<{ primary: Cluster; changes: Changes }> {
  const primary = await Cluster.createPrimary(version);
  const tsDir = makeOwnedDir(path.join(makeScratchDir('twc-ts'), 'location'));
  await primary.query(`CREATE TABLESPACE ts LOCATION '${tsDir}'`);
  await primary.query(`
    CREATE TABLE t (id int PRIMARY KEY, v text);
    INSERT INTO t SELECT g, md5(g::text) FROM generate_series(1, 20000) g;
    CREATE TABLE tail (id int, v text);
    INSERT INTO tail SELECT g, repeat('x', 200) FROM generate_series(1, 5000) g;
    CREATE TABLE in_ts (id int, v text) TABLESPACE ts;
    INSERT INTO in_ts SELECT g, md5(g::text) FROM generate_series(1, 2000) g;`);
  await primary.query('VACUUM ANALYZE');
  await primary.query('CHECKPOINT');
  const R = parseLsn(await primary.scalar<string>('SELECT redo_lsn::text FROM pg_control_checkpoint()'));

  // The pages of the old row versions (xmax set) and of the new ones both change.
  const blocksOf = async (where: string) =>
    (await primary.query<{ blk: number }>(`SELECT DISTINCT (ctid::text::point)[0]::int AS blk FROM t WHERE ${where} ORDER BY 1`)).map((r) => r.blk);
  const oldVersions = await blocksOf('id % 97 = 0');
  await primary.query("UPDATE t SET v = 'changed after R' WHERE id % 97 = 0");
  await primary.query("INSERT INTO t SELECT g, md5(g::text) FROM generate_series(20001, 26000) g");
  await primary.query('SELECT pg_switch_wal()');
  await primary.query('DELETE FROM tail WHERE id > 300');
  await primary.query('VACUUM tail'); // truncates the emptied tail: XLOG_SMGR_TRUNCATE
  await primary.query("UPDATE in_ts SET v = 'changed after R' WHERE id <= 50");
  await primary.query('CREATE TABLE created_after AS SELECT g AS id FROM generate_series(1, 3000) g');
  await primary.query('SELECT pg_switch_wal()');
  await primary.query('CREATE DATABASE fc STRATEGY FILE_COPY');
  await primary.query('CREATE DATABASE wl STRATEGY WAL_LOG');
  await primary.query('CREATE TABLE in_fc AS SELECT 1 AS x', [], 'fc');

  const newVersions = await blocksOf("v = 'changed after R'");
  const fileOf = (rel: string, db = 'postgres') => primary.scalar<string>('SELECT pg_relation_filepath($1)', [rel], db);
  const dbDir = async (name: string) => `base/${await primary.scalar<string>('SELECT oid::text FROM pg_database WHERE datname = $1', [name])}`;
  const changes: Changes = {
    R,
    updated: { file: await fileOf('t'), blocks: [...new Set([...oldVersions, ...newVersions])] },
    inTablespace: await fileOf('in_ts'),
    createdAfter: await fileOf('created_after'),
    fileCopyDb: await dbDir('fc'),
    walLogDb: await dbDir('wl'),
  };
  await primary.stop('fast');
  return { primary, changes };
}

function inputFor(pgdata: string, control: PgControl, changes: Changes, version: number): TargetWalChangesInput {
  return {
    pgdata,
    fromLsn: changes.R,
    timelineForLsn: () => control.timeline,
    systemIdentifier: control.systemIdentifier,
    walSegmentSize: control.walSegmentSize,
    blockSize: control.blockSize,
    relsegSize: control.relsegSize,
    tablespaceVersionDir: `PG_${version}_${control.catalogVersionNo}`,
    mustReach: control.checkpointLsn,
  };
}

describeEachVersion(testVersions(), "the blocks a target changed, from its own WAL, PostgreSQL %i", (version) => {
  let primary: Cluster;
  let changes: Changes;
  let control: PgControl;

  beforeAll(async () => {
    ({ primary, changes } = await clusterChangedAfterCheckpoint(version));
    control = parsePgControl(fs.readFileSync(path.join(primary.dataDir, 'global', 'pg_control')));
  });
  afterAll(async () => primary?.cleanup());

  test('cover every block whose page LSN is at or past R (the page scan), and name what they changed', async () => {
    const res = await targetWalChanges(inputFor(primary.dataDir, control, changes, version));
    if (!res.complete) throw new Error(`incomplete: ${res.reason}`);
    expect(res.endLsn).toBeGreaterThanOrEqual(control.checkpointLsn);
    expect(res.walBytes).toBe(Number(res.endLsn - changes.R));
    expect(res.walBytes).toBeGreaterThan(control.walSegmentSize); // two switches: R's segment, one more, into a third
    expect(res.records).toBeGreaterThan(1000);

    // What the server says changed.
    expect(res.changed.get(changes.updated.file)).toEqual(expect.arrayContaining(changes.updated.blocks));
    expect(changes.updated.blocks.length).toBeGreaterThan(10);
    expect(changes.inTablespace).toMatch(new RegExp(`^pg_tblspc/\\d+/PG_${version}_\\d{9}/\\d+/\\d+$`));
    expect(res.changed.has(changes.inTablespace)).toBe(true);
    expect(res.wholeFiles.has(changes.createdAfter)).toBe(true);
    expect(res.wholeDirectories).toEqual(expect.arrayContaining([changes.fileCopyDb, changes.walLogDb]));

    // The page-LSN scan of the same directory: each block it finds, the WAL names too.
    const files = listTarget(primary.dataDir).filter((e) => !e.isDir && !e.isSymlink);
    const byPageLsn = scanLocalChangedBlocks(primary.dataDir, files, changes.R, control.blockSize);
    expect(byPageLsn.get(changes.updated.file)).toEqual(expect.arrayContaining(changes.updated.blocks));
    expect(byPageLsn.has(changes.inTablespace)).toBe(true);
    const whole = (p: string) => res.wholeFiles.has(p) || res.wholeDirectories.some((d) => p.startsWith(`${d}/`));
    const missed: string[] = [];
    let pageScanBlocks = 0;
    for (const [file, blocks] of byPageLsn) {
      pageScanBlocks += blocks.length;
      if (whole(file)) continue;
      const named = new Set(res.changed.get(file) ?? []);
      for (const b of blocks) if (!named.has(b)) missed.push(`${file} block ${b}`);
    }
    expect(missed).toEqual([]);
    expect(pageScanBlocks).toBeGreaterThan(100);
    // Nothing in the result lies outside the target's main forks.
    for (const file of res.changed.keys()) expect(file).toMatch(/^(base\/\d+|global|pg_tblspc\/\d+\/PG_\d+_\d{9}\/\d+)\/\d+(\.\d+)?$/);
  });

  test('are incomplete, naming the segment, when a WAL segment after R is gone', async () => {
    // A copy of the target's pg_wal without the segment after R's, behind a pg_wal symlink.
    const scratch = makeScratchDir('twc-gap');
    const pgdata = path.join(scratch, 'pgdata');
    const walCopy = path.join(scratch, 'wal');
    fs.mkdirSync(pgdata);
    fs.cpSync(path.join(primary.dataDir, 'pg_wal'), walCopy, { recursive: true });
    fs.symlinkSync(walCopy, path.join(pgdata, 'pg_wal'));
    const gone = segmentFileName(control.timeline, changes.R / BigInt(control.walSegmentSize) + 1n, control.walSegmentSize);
    fs.rmSync(path.join(walCopy, gone));

    const res = await targetWalChanges(inputFor(pgdata, control, changes, version));
    expect(res.complete).toBe(false);
    if (res.complete) return;
    expect(res.reason).toContain(`WAL segment ${gone} is not available`);
    expect(res.reason).toContain(`that it must reach`);
    expect(res.reason).toContain(formatLsn(control.checkpointLsn));
    expect(res.walBytes).toBeGreaterThan(0);
    expect(res.walBytes).toBeLessThan(2 * control.walSegmentSize);
  });
});
