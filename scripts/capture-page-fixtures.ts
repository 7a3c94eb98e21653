/**
 * Regenerates test/fixtures/pages/: data pages as PostgreSQL 18 wrote them to disk, with data
 * checksums on (initdb's default from 18). The server computed every pd_checksum in them, so
 * they are the oracle for src/engine/checksums/page-checksum.ts.
 *
 *   npx tsx scripts/capture-page-fixtures.ts      (as root, the server runs as OS user pgcatchup)
 *
 * Each page is copied from the relation file after CHECKPOINT and a clean (fast) shutdown, and
 * listed in pages.json with the block number it had within its relation fork.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Cluster, cleanupAll } from '../test/support';

const PG_VERSION = 18;
const OUT_DIR = path.resolve(__dirname, '..', 'test', 'fixtures', 'pages');

/** Run in order on database postgres; the ones the README quotes. */
const SETUP_SQL = [
  `CREATE TABLE page_fixture (id int PRIMARY KEY, payload text NOT NULL)`,
  `INSERT INTO page_fixture SELECT g, repeat(md5(g::text), 3) FROM generate_series(1, 2000) g`,
  // Sets PD_ALL_VISIBLE on the heap pages and creates the visibility map and free space map forks.
  `VACUUM (FREEZE) page_fixture`,
  // CREATE TABLE AS inserts through a bulk-insert state, which extends the file by more and more
  // pages at a time (up to 64): the pages it never used stay all zeros on disk.
  `CREATE TABLE zero_tail AS SELECT g AS id, repeat('x', 200) AS pad FROM generate_series(1, 5000) g`,
  `CHECKPOINT`,
];

interface PageSpec {
  file: string;
  relation: string;
  fork: 'main' | 'vm' | 'fsm';
  /** A block number, or 'first-all-zero' for the first page of the file that is all zeros. */
  block: number | 'first-all-zero';
  what: string;
}

const PAGES: PageSpec[] = [
  { file: 'heap-block0.bin', relation: 'page_fixture', fork: 'main', block: 0, what: 'heap page, all-visible' },
  { file: 'heap-block5.bin', relation: 'page_fixture', fork: 'main', block: 5, what: 'heap page of a block > 0' },
  { file: 'btree-meta-block0.bin', relation: 'page_fixture_pkey', fork: 'main', block: 0, what: 'btree metapage' },
  { file: 'btree-leaf-block1.bin', relation: 'page_fixture_pkey', fork: 'main', block: 1, what: 'btree leaf page' },
  { file: 'vm-block0.bin', relation: 'page_fixture', fork: 'vm', block: 0, what: 'visibility map page' },
  { file: 'fsm-block2.bin', relation: 'page_fixture', fork: 'fsm', block: 2, what: 'free space map leaf page' },
  { file: 'zero-new-page.bin', relation: 'zero_tail', fork: 'main', block: 'first-all-zero', what: 'never-written page left by a bulk extension' },
];

async function main(): Promise<void> {
  const cluster = await Cluster.createPrimary(PG_VERSION);
  try {
    const checksums = await cluster.scalar<string>('SHOW data_checksums');
    if (checksums !== 'on') throw new Error(`PostgreSQL ${PG_VERSION} came up with data_checksums = ${checksums}; the fixtures need them on`);
    const blockSize = Number(await cluster.scalar<string>('SHOW block_size'));
    const version = await cluster.scalar<string>('SHOW server_version');
    for (const sql of SETUP_SQL) await cluster.query(sql);
    const relPaths = new Map<string, string>();
    for (const rel of new Set(PAGES.map((p) => p.relation))) {
      relPaths.set(rel, await cluster.scalar<string>('SELECT pg_relation_filepath($1::regclass)', [rel]));
    }
    await cluster.stop('fast');

    fs.mkdirSync(OUT_DIR, { recursive: true });
    const manifest = [];
    for (const spec of PAGES) {
      const relFile = relPaths.get(spec.relation)! + (spec.fork === 'main' ? '' : `_${spec.fork}`);
      const data = fs.readFileSync(path.join(cluster.dataDir, relFile));
      const blockNo = spec.block === 'first-all-zero' ? firstAllZeroBlock(data, blockSize, relFile) : spec.block;
      if ((blockNo + 1) * blockSize > data.length) throw new Error(`${relFile} has no block ${blockNo} (${data.length} bytes)`);
      const page = data.subarray(blockNo * blockSize, (blockNo + 1) * blockSize);
      fs.writeFileSync(path.join(OUT_DIR, spec.file), page);
      manifest.push({ file: spec.file, relation: spec.relation, fork: spec.fork, relFile, blockNo, what: spec.what, pdChecksum: page.readUInt16LE(8) });
      process.stdout.write(`${spec.file}: ${relFile} block ${blockNo}, pd_checksum ${page.readUInt16LE(8)}\n`);
    }
    const doc = { server_version: version, block_size: blockSize, data_checksums: checksums, pages: manifest };
    fs.writeFileSync(path.join(OUT_DIR, 'pages.json'), `${JSON.stringify(doc, null, 2)}\n`);
  } finally {
    await cleanupAll();
  }
}

function firstAllZeroBlock(data: Buffer, blockSize: number, relFile: string): number {
  for (let b = 0; (b + 1) * blockSize <= data.length; b++) {
    const page = data.subarray(b * blockSize, (b + 1) * blockSize);
    if (page.every((byte) => byte === 0)) return b;
  }
  throw new Error(`${relFile} has no all-zero page; the bulk extension used every page it added (change the row count in SETUP_SQL)`);
}

main().catch((e) => {
  process.stderr.write(`capture-page-fixtures: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
