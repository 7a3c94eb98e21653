import * as fs from 'fs';
import * as path from 'path';
import { CatchupError } from '../../src/engine/errors';
import { listSourceFiles } from '../../src/engine/source/server/file-listing';
import type { SourceEntry } from '../../src/engine/plan/plan';
import type { PieceSink } from '../../src/engine/copy/range-reader';
import type { ReadRange } from '../../src/engine/plan/read-batches';
import { streamRanges } from '../../src/engine/source/server/file-reader';
import { listLocalSource, localSourceFiles, openLocalSource, streamLocalRanges } from '../../src/engine/source/stopped/local-pgdata';
import { listSourceTablespaces } from '../../src/engine/source/server/tablespaces';
import { executeCopy } from '../../src/engine/copy/copy-executor';
import { TargetWriter } from '../../src/engine/copy/target-writer';
import { silentLogger } from '../../src/engine/log';
import { planFull } from '../../src/engine/plan/plan-full';
import { Cluster, makeOwnedDir, makeScratchDir, testVersions, treeDigest, useClusters } from '../support';

useClusters();

/** What a reader hands a sink, piece by piece: [range, offset, length or null, bytes]. */
function recordingSink(): { sink: PieceSink; pieces: Array<[number, number, number | null, Buffer]> } {
  const pieces: Array<[number, number, number | null, Buffer]> = [];
  let parts: Buffer[] = [];
  let head: [number, number, number | null] = [0, 0, null];
  return {
    pieces,
    sink: {
      begin: (i, offset, length) => {
        head = [i, offset, length];
        parts = [];
      },
      data: (bytes) => parts.push(Buffer.from(bytes)),
      end: () => pieces.push([...head, Buffer.concat(parts)]),
    },
  };
}

const refusalCode = async (fn: () => Promise<unknown>): Promise<string> => {
  try {
    await fn();
  } catch (err) {
    if (err instanceof CatchupError) return err.code;
    throw err;
  }
  return 'accepted';
};

/** Relation files and tablespace links: what both listings must agree on for a quiet cluster. */
const stable = (entries: SourceEntry[]) => entries
  .filter((e) => /^(base\/\d+|global|pg_tblspc\/\d+\/[^/]+\/\d+)\/\d+(_fsm|_vm)?(\.\d+)?$/.test(e.path) || /^pg_tblspc\/\d+$/.test(e.path))
  .map((e) => `${e.path} ${e.size} ${e.isDir} ${e.linkTarget ?? ''}`)
  .sort();

// Issue 10, first piece: a stopped PGDATA read as the SQL source reads a running one.
describe.each(testVersions().slice(-1))('a stopped local source, PostgreSQL %i', (version) => {
  test('lists and reads what the SQL source does; refuses a running, crashed, missing or overlapping source; never writes into it', async () => {
    const primary = await Cluster.createPrimary(version);
    const location = makeOwnedDir(path.join(makeScratchDir('tablespace'), 'ts'));
    await primary.query(`CREATE TABLESPACE ts LOCATION '${location}'`);
    await primary.query("CREATE TABLE t AS SELECT g, repeat('x', 300) AS v FROM generate_series(1, 20000) g; CREATE TABLE t2 TABLESPACE ts AS SELECT g FROM generate_series(1, 1000) g");
    await primary.query('VACUUM t');
    await primary.query('CHECKPOINT');
    const target = makeScratchDir('target');
    expect(await refusalCode(() => openLocalSource(primary.dataDir, target))).toBe('source-running');

    const client = await primary.client();
    const rel = await primary.scalar<string>("SELECT pg_relation_filepath('t')");
    const size = fs.statSync(path.join(primary.dataDir, rel)).size;
    const ranges: ReadRange[] = [
      { path: rel, offset: 0, length: size }, { path: rel, offset: 8192, length: 16384 }, { path: 'no/such/file', offset: 0, length: 8192 },
      { path: rel, offset: size - 8192, length: 3 * 8192 }, { path: 'PG_VERSION', offset: 0, length: 0 },
    ];
    const viaSql = recordingSink();
    await streamRanges(client, ranges, viaSql.sink);
    const sqlListing = await listSourceFiles(client);
    const sqlTablespaces = await listSourceTablespaces(client);
    await primary.stop('fast');

    const before = treeDigest(primary.dataDir);
    const source = await openLocalSource(primary.dataDir, target);
    expect(source).toMatchObject({ majorVersion: version, history: [] });
    expect(source.control.state).toBe('shut down');
    const local = listLocalSource(primary.dataDir);
    expect(stable(local)).toEqual(stable(sqlListing));
    expect(local.find((e) => /^pg_tblspc\/\d+$/.test(e.path))).toMatchObject({ isDir: true, linkTarget: location });
    expect(await localSourceFiles(source.dir, 1).tablespaces()).toEqual(sqlTablespaces);
    const viaFiles = recordingSink();
    await streamLocalRanges(primary.dataDir, ranges, viaFiles.sink);
    // The same pieces (range, offset, length) and, the files being at rest, the same bytes.
    expect(viaFiles.pieces.map(([i, o, l]) => [i, o, l])).toEqual(viaSql.pieces.map(([i, o, l]) => [i, o, l]));
    const file = fs.readFileSync(path.join(primary.dataDir, rel));
    for (const [i, offset, length, bytes] of viaFiles.pieces) {
      if (length === null) continue;
      expect({ i, offset, same: bytes.equals(file.subarray(offset, offset + length)) }).toEqual({ i, offset, same: true });
    }
    expect(treeDigest(primary.dataDir)).toBe(before);

    // Refusals: the same directory, one inside the other, not a data directory, a crashed cluster.
    expect(await refusalCode(() => openLocalSource(primary.dataDir, primary.dataDir))).toBe('source-is-target');
    expect(await refusalCode(() => openLocalSource(primary.dataDir, path.join(primary.dataDir, 'copy')))).toBe('source-is-target');
    expect(await refusalCode(() => openLocalSource(location, target))).toBe('source-not-pgdata');
    expect(await refusalCode(() => openLocalSource(path.join(target, 'nothing'), target))).toBe('source-is-target');
    expect(await refusalCode(() => openLocalSource(path.join(makeScratchDir('elsewhere'), 'nothing'), target))).toBe('source-missing');
    await primary.start();
    await primary.query('CREATE TABLE after_crash AS SELECT 1 AS x');
    await primary.stop('immediate');
    expect(await refusalCode(() => openLocalSource(primary.dataDir, target))).toBe('source-not-clean');
  });

  test('the copy executor runs a plan from it as from a server: every planned file arrives byte for byte', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query("CREATE TABLE t AS SELECT g, repeat('y', 500) AS v FROM generate_series(1, 30000) g");
    await primary.stop('fast');
    const before = treeDigest(primary.dataDir);
    const target = primary.makeTargetDir();
    const source = await openLocalSource(primary.dataDir, target);
    const files = localSourceFiles(source.dir, 2);
    const plan = planFull(await files.list());
    const writer = new TargetWriter({ root: target, owner: null, sync: false });
    for (const dir of plan.directories) await writer.makeDirectory(dir);
    const result = await executeCopy(plan, files.readers, writer, silentLogger);
    expect(result.filesCopied).toBe(plan.files.length);
    expect(plan.files.some((f) => f.size > 4 * 1024 * 1024)).toBe(true); // files of many pieces
    for (const f of plan.files) {
      const same = fs.readFileSync(path.join(source.dir, f.path)).equals(fs.readFileSync(path.join(target, f.path)));
      expect({ path: f.path, same }).toEqual({ path: f.path, same: true });
    }
    expect(treeDigest(primary.dataDir)).toBe(before);
  });
});
