import { runOrder } from '../../../scripts/bench/stats';

describe('the bench\'s run order', () => {
  test('every tool takes every position equally often', () => {
    const tools = ['pg_rewind', 'ours', 'baseline'];
    const orders = [0, 1, 2].map((r) => runOrder(tools, r));
    expect(orders).toEqual([['pg_rewind', 'ours', 'baseline'], ['ours', 'baseline', 'pg_rewind'], ['baseline', 'pg_rewind', 'ours']]);
    for (const t of tools) expect(new Set(orders.map((o) => o.indexOf(t)))).toEqual(new Set([0, 1, 2]));
  });
  test('two tools alternate; one or none stay as they are', () => {
    expect([0, 1, 2].map((r) => runOrder(['a', 'b'], r))).toEqual([['a', 'b'], ['b', 'a'], ['a', 'b']]);
    expect(runOrder(['a'], 5)).toEqual(['a']);
    expect(runOrder([], 3)).toEqual([]);
  });
});
