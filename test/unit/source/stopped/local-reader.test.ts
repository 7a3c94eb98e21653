import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { localSourceFiles } from '../../../../src/engine/source/stopped/local-pgdata';
import type { PieceSink } from '../../../../src/engine/copy/range-reader';
import type { ReadRange } from '../../../../src/engine/plan/read-batches';

/** What a read delivered: bytes per range, or null for a vanished file. */
function collect(): { sink: PieceSink; got: Map<number, Buffer | null> } {
  const got = new Map<number, Buffer | null>();
  let current: { i: number; parts: Buffer[] | null } | null = null;
  return {
    got,
    sink: {
      begin: (i, _off, length) => { current = { i, parts: length === null ? null : [] }; },
      data: (b) => current!.parts!.push(Buffer.from(b)),
      end: () => {
        const prev = got.get(current!.i);
        got.set(current!.i, current!.parts === null ? null : Buffer.concat([...(prev ? [prev] : []), ...current!.parts]));
        current = null;
      },
    },
  };
}

describe('a stopped source read against its listing (pg_rewind 009_growing_files)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-reader-'));
    fs.mkdirSync(path.join(dir, 'conf'));
    fs.writeFileSync(path.join(dir, 'conf', 'grows'), 'a'.repeat(100));
    fs.writeFileSync(path.join(dir, 'conf', 'stays'), 'b'.repeat(10));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const whole = (p: string, size: number): ReadRange => ({ path: p, offset: 0, length: size });

  test('unchanged files are read whole', async () => {
    const files = localSourceFiles(dir, 1);
    await files.list();
    const { sink, got } = collect();
    await files.readers[0]([whole('conf/grows', 100), whole('conf/stays', 10)], sink);
    expect(got.get(0)!.length).toBe(100);
    expect(got.get(1)!.toString()).toBe('b'.repeat(10));
  });

  test('a file that grew after the listing fails the read with pg_rewind\'s words, not a short copy', async () => {
    const files = localSourceFiles(dir, 1);
    await files.list();
    fs.appendFileSync(path.join(dir, 'conf', 'grows'), 'more');
    const { sink } = collect();
    await expect(files.readers[0]([whole('conf/grows', 100)], sink))
      .rejects.toThrow(/^size of source file "conf\/grows" changed concurrently: 100 bytes expected, 104 found/);
  });

  test('a file that shrank, or vanished, fails too', async () => {
    const files = localSourceFiles(dir, 1);
    await files.list();
    fs.truncateSync(path.join(dir, 'conf', 'grows'), 40);
    await expect(files.readers[0]([whole('conf/grows', 100)], collect().sink)).rejects.toThrow(/100 bytes expected, 40 found/);
    fs.rmSync(path.join(dir, 'conf', 'stays'));
    await expect(files.readers[0]([whole('conf/stays', 10)], collect().sink)).rejects.toThrow(/"conf\/stays" was removed concurrently/);
  });

  test('a file that grows while it is read fails once its bytes are read', async () => {
    const files = localSourceFiles(dir, 1);
    await files.list();
    const { sink } = collect();
    // The sink's back-pressure hook runs between pieces: the moment something else could write.
    sink.ready = async () => { fs.appendFileSync(path.join(dir, 'conf', 'grows'), 'x'); };
    await expect(files.readers[0]([whole('conf/grows', 100)], sink)).rejects.toThrow(/changed concurrently: 100 bytes expected, 101 found/);
  });

  test('paths never listed (read before any listing) keep the old rule: a vanished file is a null piece', async () => {
    const files = localSourceFiles(dir, 1);
    const { sink, got } = collect();
    await files.readers[0]([whole('conf/none', 5)], sink);
    expect(got.get(0)).toBeNull();
  });
});
