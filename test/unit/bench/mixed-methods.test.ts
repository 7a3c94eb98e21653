import { mixedMethods } from '../../../scripts/bench/section-runs';

describe('mixedMethods (a bench row whose runs used different change sources)', () => {
  it('says nothing when every run used the same methods', () => {
    const run = { changeSources: [{ side: 'source', method: 'page-scan' }] };
    expect(mixedMethods([run, run, run])).toBeNull();
    expect(mixedMethods([{}, {}])).toBeNull();
  });

  it('names which runs used which method', () => {
    const replay = { changeSources: [{ side: 'source', method: 'wal-replay' }] };
    const scan = { changeSources: [{ side: 'source', method: 'page-scan' }] };
    expect(mixedMethods([replay, scan, scan, scan])).toBe(
      'its runs found changed blocks in different ways (run 1: source=wal-replay; runs 2, 3, 4: source=page-scan): its min and median mix methods',
    );
  });
});
