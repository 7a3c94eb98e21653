/**
 * The verifiers every comparison runs (test/support/verify-cluster.ts) must fail a test the way
 * a wrong row does: a corrupted index page (which no sequential scan reads) fails
 * expectSameData through pg_amcheck, and a bad page checksum fails the next clean stop of a
 * compared target through pg_checksums (or, for 17+, our own checksum code).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Cluster, edgeTestVersions, expectSameData, useClusters } from '../support';
import { expectChecksumsClean, ownChecksumCheck } from '../support/verify-cluster';

useClusters();

const BLOCK = 8192;

async function relationFile(c: Cluster, rel: string): Promise<string> {
  return path.join(c.dataDir, await c.scalar<string>('SELECT pg_relation_filepath($1)', [rel]));
}

/** Rewrites the int4 key of the 5th tuple of a btree leaf page: the index now points at a value the heap lacks. */
function corruptIndexKey(file: string, blockNo: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const page = Buffer.alloc(BLOCK);
    fs.readSync(fd, page, 0, BLOCK, blockNo * BLOCK);
    const itemId = page.readUInt32LE(24 + 4 * 4); // line pointer 5
    const lpOff = itemId & 0x7fff;
    const key = lpOff + 8; // IndexTupleData: 6-byte heap TID, 2-byte t_info, then the key
    page.writeInt32LE(page.readInt32LE(key) + 1_000_000, key);
    fs.writeSync(fd, page, 0, BLOCK, blockNo * BLOCK);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flips one byte in the middle of a heap page, leaving its stored checksum as it was. */
function flipByte(file: string, blockNo: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const b = Buffer.alloc(1);
    const at = blockNo * BLOCK + BLOCK - 100;
    fs.readSync(fd, b, 0, 1, at);
    b[0] ^= 0xff;
    fs.writeSync(fd, b, 0, 1, at);
  } finally {
    fs.closeSync(fd);
  }
}

describe.each(edgeTestVersions())('PostgreSQL %i', (version) => {
  test('a corrupted index page fails the comparison (pg_amcheck --heapallindexed), though every row is the same', async () => {
    const c = await Cluster.createPrimary(version, { checksums: false });
    await c.query('CREATE TABLE t (i int PRIMARY KEY, v text)');
    await c.query("INSERT INTO t SELECT g, repeat('x', 20) FROM generate_series(1, 5000) g");
    await c.query('CHECKPOINT');
    await expectSameData(c, c); // clean before
    const index = await relationFile(c, 't_pkey');
    await c.stop('fast');
    corruptIndexKey(index, 1); // block 0 is the metapage; block 1 a leaf
    await c.start();
    await expect(expectSameData(c, c)).rejects.toThrow(/pg_amcheck --heapallindexed found problems/);
  });

  test('a bad page checksum fails the next clean stop of a compared target', async () => {
    const c = await Cluster.createPrimary(version);
    await c.query('CREATE TABLE t (i int, v text)');
    await c.query("INSERT INTO t SELECT g, repeat('x', 20) FROM generate_series(1, 5000) g");
    await c.query('CHECKPOINT');
    const heap = await relationFile(c, 't');
    await expectSameData(c, c);
    expect(c.verifyChecksumsOnCleanStop).toBe(true);
    await c.stop('fast'); // clean: passes
    await expectChecksumsClean(c);
    expect(ownChecksumCheck(c.dataDir)).toEqual([]);
    flipByte(heap, 2);
    const rel = path.relative(c.dataDir, heap);
    await expect(expectChecksumsClean(c)).rejects.toThrow(version <= 16 ? /pg_checksums --check found problems/ : new RegExp(`${rel} block 2: checksum`));
    // Our own code, which checks 17+, sees the same page as pg_checksums.
    expect(ownChecksumCheck(c.dataDir).join('\n')).toMatch(new RegExp(`${rel} block 2: checksum`));
    // The hook: a started, compared target that is stopped cleanly runs the check itself.
    await c.start();
    await expect(c.stop('fast')).rejects.toThrow(/found problems|bad page checksums/);
    c.verifyChecksumsOnCleanStop = false; // the damage is the point of this test; cleanup need not say it again
  });
});
