import { readFileSync } from 'fs';
import { join } from 'path';
import { CopyValidation } from '../../../src/engine/copy/page-validation';

/** heap-block5.bin is block 5 of its relation (test/fixtures/pages/README.md): its checksum depends on that number. */
const page5 = readFileSync(join(__dirname, '../../fixtures/pages/heap-block5.bin'));
const BS = 8192;

describe('CopyValidation block numbering', () => {
  test('a page in a later segment file is verified with its block number in the relation', async () => {
    // relsegSize 4: file .1 holds blocks 4..7, so block 5 sits at offset 8192 of base/5/16384.1.
    const v = new CopyValidation(0, BS, 4);
    const piece = Buffer.concat([Buffer.alloc(BS), page5]);
    await v.check('base/5/16384.1', 0, piece);
    // The same bytes at the wrong place in the relation fail their checksum.
    await v.check('base/5/16384', BS, page5);
    const bad = await (v as unknown as { validator: { drain(): Promise<Array<{ path: string; blockNo: number }>> } }).validator.drain();
    expect(bad.map((b) => [b.path, b.blockNo])).toEqual([['base/5/16384', 1]]);
    expect(v.pagesChecked).toBe(3);
    await v.close();
  });

  test('non-relation files and partial pages are not verified', async () => {
    const v = new CopyValidation(0, BS, 131072);
    await v.check('global/pg_control', 0, page5);
    await v.check('base/5/PG_VERSION', 0, page5);
    await v.check('base/5/16384', 100, page5);
    await v.check('base/5/16384', 0, page5.subarray(0, 100));
    expect(v.pagesChecked).toBe(0);
    await v.check('base/5/16384_vm', 0, page5);
    expect(v.pagesChecked).toBe(1);
    await v.close();
  });

  test.each([0, 1, 2])('a piece arriving in chunks that split pages is checked page by page (%i threads)', async (threads) => {
    // Blocks 4..7 of a relation with relsegSize 4: page5 lies at block 5 (good); block 6 gets a copy of it (bad).
    const v = new CopyValidation(threads, BS, 4);
    const piece = Buffer.concat([Buffer.alloc(BS), page5, page5, Buffer.alloc(BS)]);
    const feed = v.startPiece('base/5/16384.1', 0)!;
    for (const cut of [[0, 100], [100, BS + 7], [BS + 7, 3 * BS - 1], [3 * BS - 1, 4 * BS]]) feed(piece.subarray(cut[0], cut[1]));
    const bad = await (v as unknown as { validator: { drain(): Promise<Array<{ path: string; blockNo: number }>> } }).validator.drain();
    expect(bad.map((b) => [b.path, b.blockNo])).toEqual([['base/5/16384.1', 6]]);
    expect(v.pagesChecked).toBe(4);
    await v.close();
  });
});
