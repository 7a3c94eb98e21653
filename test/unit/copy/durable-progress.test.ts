import { DURABLE_STEP_BYTES, DurableProgress, WrittenPrefix } from '../../../src/engine/copy/durable-progress';

describe('WrittenPrefix', () => {
  test('in order, it follows the writes', () => {
    const p = new WrittenPrefix();
    p.add(0, 100);
    p.add(100, 50);
    expect(p.end).toBe(150);
  });

  test('past a gap, ranges wait until the gap is filled (pieces written out of order by -j N)', () => {
    const p = new WrittenPrefix();
    p.add(200, 100); // a second reader's piece
    p.add(0, 100);
    p.add(300, 50);
    expect(p.end).toBe(100);
    p.add(100, 100);
    expect(p.end).toBe(350);
  });
});

describe('DurableProgress', () => {
  const MB = 1024 * 1024;

  function harness(method: 'fsync' | 'syncfs') {
    const said: Array<[string, number]> = [];
    const synced: string[] = [];
    const pending: Array<Promise<void>> = [];
    const progress = new DurableProgress(method, (p, b) => said.push([p, b]), async (abs) => { synced.push(abs); }, (p) => pending.push(p));
    return { progress, said, synced, settle: () => Promise.all(pending) };
  }

  test('fsync per file: one fsync per step written from the start, and the journal told after it returns', async () => {
    const { progress, said, synced, settle } = harness('fsync');
    for (let off = 0; off < 2 * DURABLE_STEP_BYTES + 5 * MB; off += MB) {
      progress.wrote('base/5/1', '/t/base/5/1', off, MB);
      await new Promise(setImmediate);
    }
    await settle();
    expect(synced).toEqual(['/t/base/5/1', '/t/base/5/1']);
    expect(said).toEqual([['base/5/1', DURABLE_STEP_BYTES], ['base/5/1', 2 * DURABLE_STEP_BYTES]]);
  });

  test('one fsync of a file at a time: writes while it runs wait for the next step', async () => {
    const { progress, said, synced, settle } = harness('fsync');
    for (let off = 0; off < 3 * DURABLE_STEP_BYTES; off += MB) progress.wrote('base/5/1', '/t/base/5/1', off, MB);
    await settle();
    expect(synced).toHaveLength(1);
    expect(said).toEqual([['base/5/1', DURABLE_STEP_BYTES]]);
  });

  test('syncfs: nothing of its own; what a syncfs covered is said after it, and nothing for a file already complete', () => {
    const { progress, said, synced } = harness('syncfs');
    for (let off = 0; off < DURABLE_STEP_BYTES * 2; off += MB) progress.wrote('base/5/1', '/t/base/5/1', off, MB);
    progress.wrote('base/5/2', '/t/base/5/2', 0, MB);
    progress.wrote('base/5/3', '/t/base/5/3', MB, MB); // only past a gap: nothing durable from the start
    const after = progress.capture();
    progress.done('base/5/2');
    progress.wrote('base/5/1', '/t/base/5/1', DURABLE_STEP_BYTES * 2, MB);
    after();
    expect(synced).toEqual([]);
    expect(said).toEqual([['base/5/1', DURABLE_STEP_BYTES * 2]]);
  });
});
