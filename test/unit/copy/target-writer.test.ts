import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TargetWriter } from '../../../src/engine/copy/target-writer';

describe('TargetWriter pieces', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'writer-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const bytes = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff));

  test('pieces arriving in chunks cut anywhere land at their offsets, and the file closes after its last piece', async () => {
    const w = new TargetWriter({ root, owner: null, sync: true });
    const content = bytes(5 * 8192 + 100, 1);
    w.expect('f', 2);
    // Second piece first: pieces of one file arrive in any order from parallel readers.
    for (const [start, end, cuts] of [[3 * 8192, content.length, [1, 8191, 8193]], [0, 3 * 8192, [100, 9000, 20000]]] as const) {
      const piece = w.beginPiece('f', start);
      let at = start;
      for (const cut of [...cuts, end - start]) {
        piece.write(content.subarray(at, Math.min(end, start + cut)));
        at = Math.min(end, start + cut);
      }
      piece.end();
    }
    await w.flush();
    expect(fs.readFileSync(path.join(root, 'f'))).toEqual(content);
    expect(w.bytesWritten).toBe(content.length);
    expect(w.filesWritten).toBe(1);
  });

  test('a patch writes in place; a vanished file is not created', async () => {
    fs.writeFileSync(path.join(root, 'rel'), Buffer.alloc(3 * 8192, 7));
    const w = new TargetWriter({ root, owner: null, sync: false });
    w.expect('rel', 1, 'patch');
    w.expect('gone', 1);
    const block = bytes(8192, 9);
    await w.writePiece('rel', 8192, block);
    await w.writePiece('gone', 0, null);
    await w.flush();
    const after = fs.readFileSync(path.join(root, 'rel'));
    expect(after.subarray(8192, 16384)).toEqual(block);
    expect(after.subarray(0, 8192)).toEqual(Buffer.alloc(8192, 7));
    expect(after.subarray(16384)).toEqual(Buffer.alloc(8192, 7));
    expect(fs.existsSync(path.join(root, 'gone'))).toBe(false);
  });

  test('a file replaced whole holds exactly the new bytes, whether the old one was longer or shorter', async () => {
    const longer = bytes(3 * 8192, 2);
    fs.writeFileSync(path.join(root, 'shrinks'), Buffer.alloc(5 * 8192, 1));
    fs.writeFileSync(path.join(root, 'grows'), Buffer.alloc(100, 1));
    const w = new TargetWriter({ root, owner: null, sync: true });
    w.expect('shrinks', 2);
    w.expect('grows', 1);
    // Pieces out of order: the file is cut to the end of its furthest write, not its last one.
    await w.writePiece('shrinks', 8192, longer.subarray(8192));
    await w.writePiece('shrinks', 0, longer.subarray(0, 8192));
    await w.writePiece('grows', 0, longer);
    await w.flush();
    expect(fs.readFileSync(path.join(root, 'shrinks'))).toEqual(longer);
    expect(fs.readFileSync(path.join(root, 'grows'))).toEqual(longer);
  });

  test('a piece for a file nobody announced is an internal error', () => {
    const w = new TargetWriter({ root, owner: null, sync: false });
    expect(() => w.beginPiece('x', 0)).toThrow(/unexpected piece for x/);
  });
});
