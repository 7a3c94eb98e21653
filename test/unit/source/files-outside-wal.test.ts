import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TargetWriter } from '../../../src/engine/copy/target-writer';
import type { PieceSink } from '../../../src/engine/copy/range-reader';
import { silentLogger } from '../../../src/engine/log';
import { wholeFilesPlan } from '../../../src/engine/plan/plan';
import type { ReadRange } from '../../../src/engine/plan/read-batches';
import { recheckFilesOutsideWal, watchFilesOutsideWal } from '../../../src/engine/source/files-outside-wal';
import type { SourceFiles } from '../../../src/engine/source/source-files';
import type { SourceFileStat } from '../../../src/engine/source/server/file-stat';

/**
 * A running source as the copy sees it: files in a directory, read like pg_read_binary_file
 * (short when the file is shorter), stat like pg_stat_file. `onRead` runs after each read: the
 * moment something else writes into the source.
 */
function runningSource(dir: string, onRead: (n: number) => void): SourceFiles {
  let reads = 0;
  let tick = 0;
  const mtimes = new Map<string, string>();
  return {
    list: async () => [],
    tablespaces: async () => [],
    readers: [async (ranges: ReadRange[], sink: PieceSink) => {
      for (const [i, r] of ranges.entries()) {
        const all = fs.existsSync(path.join(dir, r.path)) ? fs.readFileSync(path.join(dir, r.path)) : null;
        sink.begin(i, r.offset, all === null ? null : Math.max(0, Math.min(r.length, all.length - r.offset)));
        if (all) sink.data(all.subarray(r.offset, r.offset + r.length));
        sink.end();
      }
      // The logging collector never stops: the server log grows on every read, and that is no reason to read again.
      fs.appendFileSync(path.join(dir, 'log/server.log'), 'more log\n');
      onRead(++reads);
    }],
    stat: async (paths) => {
      const out = new Map<string, SourceFileStat | null>();
      for (const p of paths) {
        const st = fs.statSync(path.join(dir, p), { throwIfNoEntry: false });
        // A modification time that moves with every size or content change (pg_stat_file has whole seconds; this fake is exact).
        const key = st ? `${st.size}:${fs.readFileSync(path.join(dir, p)).toString('hex')}` : '';
        if (st && !mtimes.has(key)) mtimes.set(key, String(++tick));
        out.set(p, st ? { size: st.size, modified: mtimes.get(key)! } : null);
      }
      return out;
    },
  };
}

describe('files WAL does not repair, copied from a running source while they change', () => {
  let src: string;
  let dst: string;
  beforeEach(() => {
    src = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-wal-src-'));
    dst = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-wal-dst-'));
    fs.writeFileSync(path.join(src, 'postgresql.conf'), 'a'.repeat(100));
    fs.mkdirSync(path.join(src, 'base/5'), { recursive: true });
    fs.mkdirSync(path.join(dst, 'base/5'), { recursive: true });
    fs.writeFileSync(path.join(src, 'base/5/100'), 'r'.repeat(50));
    fs.mkdirSync(path.join(src, 'log'));
    fs.mkdirSync(path.join(dst, 'log'));
    fs.writeFileSync(path.join(src, 'log/server.log'), 'l'.repeat(10));
  });
  afterEach(() => {
    fs.rmSync(src, { recursive: true, force: true });
    fs.rmSync(dst, { recursive: true, force: true });
  });

  async function copy(files: SourceFiles) {
    const plan = wholeFilesPlan([{ path: 'postgresql.conf', size: 100 }, { path: 'base/5/100', size: 50 }, { path: 'log/server.log', size: 10 }]);
    const writer = new TargetWriter({ root: dst, owner: null, sync: false });
    const check = await watchFilesOutsideWal(files, plan);
    expect(check!.files.map((f) => f.path)).toEqual(['postgresql.conf']); // the relation file is WAL's to repair, the log nobody's
    const { executeCopy } = await import('../../../src/engine/copy/copy-executor');
    const result = await executeCopy(plan, files.readers, writer, silentLogger);
    await recheckFilesOutsideWal(files, check!, writer, silentLogger, result);
    await writer.flush();
  }

  test('a file that grew during the copy is read again: the target holds all of it, not the listed size', async () => {
    const files = runningSource(src, (n) => { if (n === 1) fs.appendFileSync(path.join(src, 'postgresql.conf'), 'bbb'); });
    await copy(files);
    expect(fs.readFileSync(path.join(dst, 'postgresql.conf'), 'utf8')).toBe(`${'a'.repeat(100)}bbb`);
  });

  test('a file that changes again while it is read a second time fails the run', async () => {
    const files = runningSource(src, () => fs.appendFileSync(path.join(src, 'postgresql.conf'), 'x'));
    await expect(copy(files)).rejects.toThrow(/^size of source file "postgresql.conf" changed concurrently, again while it was read a second time: 101 bytes expected, 102 found/);
  });

  test('a file gone from the source after its copy is removed from the target', async () => {
    const files = runningSource(src, (n) => { if (n === 1) fs.rmSync(path.join(src, 'postgresql.conf')); });
    await copy(files);
    expect(fs.existsSync(path.join(dst, 'postgresql.conf'))).toBe(false);
  });

  test('unchanged files are read once', async () => {
    let reads = 0;
    await copy(runningSource(src, (n) => { reads = n; }));
    expect(reads).toBe(1);
    expect(fs.readFileSync(path.join(dst, 'postgresql.conf'), 'utf8')).toBe('a'.repeat(100));
  });
});
