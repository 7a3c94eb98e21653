import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkKeepDir, keepDiscardedWal } from '../../../src/engine/divergence/discarded-wal-keep';

const SEG = 16 * 1024 * 1024;

describe('--keep-discarded-wal', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'keep-wal-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test('refuses a directory inside or around the target, one that is not empty, or whose parent is missing', () => {
    const target = path.join(root, 'pgdata');
    fs.mkdirSync(target);
    expect(() => checkKeepDir(path.join(target, 'kept'), target)).toThrow(/is inside the target/);
    expect(() => checkKeepDir(root, target)).toThrow(/is around the target/);
    const used = path.join(root, 'used');
    fs.mkdirSync(used);
    fs.writeFileSync(path.join(used, 'x'), '');
    expect(() => checkKeepDir(used, target)).toThrow(/is not empty/);
    expect(() => checkKeepDir(path.join(root, 'no', 'such'), target)).toThrow(/parent directory does not exist/);
    expect(checkKeepDir(path.join(root, 'new'), target)).toBe(path.join(root, 'new'));
  });

  test('keeps the segments from the fork\'s on (any timeline), .partial and history files; nothing older', () => {
    const walDir = path.join(root, 'pgdata', 'pg_wal');
    fs.mkdirSync(path.join(walDir, 'archive_status'), { recursive: true });
    const names = ['000000010000000000000002', '000000010000000000000003', '000000020000000000000003.partial', '000000020000000000000004', '00000002.history', 'junk'];
    for (const n of names) fs.writeFileSync(path.join(walDir, n), n);
    const kept = path.join(root, 'kept');
    const res = keepDiscardedWal(path.join(root, 'pgdata'), kept, 3n * BigInt(SEG) + 100n, SEG, null);
    expect(fs.readdirSync(kept).sort()).toEqual(['000000010000000000000003', '00000002.history', '000000020000000000000003.partial', '000000020000000000000004']);
    expect(res.files).toBe(4);
    // Hard links: the sync removing pg_wal leaves the kept copies.
    fs.rmSync(walDir, { recursive: true });
    expect(fs.readFileSync(path.join(kept, '000000020000000000000004'), 'utf8')).toBe('000000020000000000000004');
  });
});
