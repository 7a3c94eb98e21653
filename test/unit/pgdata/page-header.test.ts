import { pageLsnAtLeast } from '../../../src/engine/pgdata/page-header';

/** A page whose pd_lsn is hi/lo, written as PostgreSQL does on little-endian machines. */
function page(hi: number, lo: number): Buffer {
  const p = Buffer.alloc(8192);
  p.writeUInt32LE(hi, 0);
  p.writeUInt32LE(lo, 4);
  return p;
}

describe('page LSN against a reference LSN', () => {
  test('equal, below and above in each half', () => {
    expect(pageLsnAtLeast(page(1, 0x28), 0, 1, 0x28)).toBe(true);
    expect(pageLsnAtLeast(page(1, 0x27), 0, 1, 0x28)).toBe(false);
    expect(pageLsnAtLeast(page(2, 0), 0, 1, 0xffffffff)).toBe(true);
    expect(pageLsnAtLeast(page(0, 0xffffffff), 0, 1, 0)).toBe(false);
  });

  test('reads the page at its offset in a larger buffer', () => {
    const two = Buffer.concat([page(0, 5), page(3, 0)]);
    expect(pageLsnAtLeast(two, 0, 1, 0)).toBe(false);
    expect(pageLsnAtLeast(two, 8192, 1, 0)).toBe(true);
  });
});
