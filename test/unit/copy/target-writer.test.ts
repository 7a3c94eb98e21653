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

  describe('files opened ahead (open-ahead.ts)', () => {
    // Lets the background opens finish, so that the pieces find their files open.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

    test('new, replaced and patched files opened ahead hold exactly the new bytes', async () => {
      fs.writeFileSync(path.join(root, 'shrinks'), Buffer.alloc(5 * 8192, 1));
      fs.writeFileSync(path.join(root, 'patched'), Buffer.alloc(3 * 8192, 7));
      fs.chmodSync(path.join(root, 'shrinks'), 0o640);
      const w = new TargetWriter({ root, owner: null, sync: true });
      w.expect('new', 1);
      w.expect('shrinks', 1);
      w.expect('patched', 1, 'patch');
      w.openAhead(['new', 'shrinks', 'patched']);
      await settle();
      const content = bytes(2 * 8192, 3);
      await w.writePiece('new', 0, content);
      await w.writePiece('shrinks', 0, content);
      await w.writePiece('patched', 8192, content.subarray(0, 8192));
      await w.flush();
      expect(fs.readFileSync(path.join(root, 'new'))).toEqual(content);
      expect(fs.readFileSync(path.join(root, 'shrinks'))).toEqual(content);
      expect(fs.statSync(path.join(root, 'shrinks')).mode & 0o777).toBe(0o640);
      expect(fs.statSync(path.join(root, 'new')).mode & 0o777).toBe(w.modes.file);
      const patched = fs.readFileSync(path.join(root, 'patched'));
      expect(patched.subarray(8192, 16384)).toEqual(content.subarray(0, 8192));
      expect(patched.subarray(0, 8192)).toEqual(Buffer.alloc(8192, 7));
    });

    test('a vanished file opened ahead is removed again; an existing one is left as it was', async () => {
      fs.writeFileSync(path.join(root, 'kept'), 'old');
      const w = new TargetWriter({ root, owner: null, sync: false });
      w.expect('gone', 1);
      w.expect('kept', 1);
      w.openAhead(['gone', 'kept']);
      await settle();
      expect(fs.existsSync(path.join(root, 'gone'))).toBe(true); // opened ahead: there for now
      await w.writePiece('gone', 0, null);
      await w.writePiece('kept', 0, null);
      await w.flush();
      expect(fs.existsSync(path.join(root, 'gone'))).toBe(false);
      expect(fs.readFileSync(path.join(root, 'kept'), 'utf8')).toBe('old');
    });

    test('a vanished file whose open is still running is removed when it returns', async () => {
      const w = new TargetWriter({ root, owner: null, sync: false });
      w.expect('gone', 1);
      w.openAhead(['gone']);
      await w.writePiece('gone', 0, null); // before the background open has returned
      await settle();
      expect(fs.existsSync(path.join(root, 'gone'))).toBe(false);
    });

    test('a piece that comes before its open returns writes through its own open, and the late one truncates nothing', async () => {
      const w = new TargetWriter({ root, owner: null, sync: false });
      const names = Array.from({ length: 40 }, (_, i) => `f${i}`);
      for (const n of names) w.expect(n, 1);
      w.openAhead(names);
      const content = bytes(3 * 8192, 5);
      // All written at once, before any background open can have returned.
      for (const n of names) await w.writePiece(n, 0, content);
      await settle();
      await w.flush();
      for (const n of names) expect(fs.readFileSync(path.join(root, n))).toEqual(content);
    });

    test('a background open that fails fails the copy at the next piece', async () => {
      const w = new TargetWriter({ root, owner: null, sync: false });
      w.expect('missing-dir/f', 1);
      w.expect('g', 1);
      w.openAhead(['missing-dir/f', 'g']);
      await settle();
      expect(() => w.beginPiece('g', 0)).toThrow(/ENOENT/);
      await w.abandon();
    });
  });
});
