import { planFull } from '../../../src/engine/plan/plan-full';
import type { SourceEntry } from '../../../src/engine/source/file-listing';

const dir = (path: string): SourceEntry => ({ path, size: 4096, isDir: true });
const file = (path: string, size = 8192): SourceEntry => ({ path, size, isDir: false });

describe('FULL plan', () => {
  const listing: SourceEntry[] = [
    file('PG_VERSION', 3), dir('global'), file('global/pg_control'), file('global/1262'), dir('base'), dir('base/5'),
    file('base/5/16384'), file('base/5/16384_fsm'), file('base/5/16390'), file('base/5/16390_init', 0),
    dir('pg_wal'), file('pg_wal/000000010000000000000001', 16 << 20), dir('pg_wal/archive_status'),
    dir('pg_replslot'), dir('pg_replslot/slot1'), file('pg_replslot/slot1/state', 200), file('postmaster.pid', 100),
    file('postgresql.auto.conf', 88),
  ];

  test('copies the kept files whole, holds pg_control back, skips WAL, slots, pid and unlogged data', () => {
    const plan = planFull(listing);
    const copied = plan.files.map((f) => f.path).sort();
    expect(copied).toEqual(['PG_VERSION', 'base/5/16384', 'base/5/16384_fsm', 'base/5/16390_init', 'global/1262', 'postgresql.auto.conf']);
    expect(plan.controlFile).toBe('global/pg_control');
    expect(plan.bytesToCopy).toBe(3 + 8192 * 3 + 0 + 88);
    const skipped = plan.skipped.map((s) => s.path);
    expect(skipped).toEqual(expect.arrayContaining(['postmaster.pid', 'base/5/16390', 'pg_wal/000000010000000000000001', 'pg_replslot/slot1']));
  });

  test('directories come parents first, excluded directories kept empty', () => {
    const plan = planFull(listing);
    expect(plan.directories).toEqual(expect.arrayContaining(['base', 'base/5', 'global', 'pg_wal', 'pg_wal/archive_status', 'pg_replslot']));
    expect(plan.directories).not.toContain('pg_replslot/slot1');
    expect(plan.directories.indexOf('base')).toBeLessThan(plan.directories.indexOf('base/5'));
  });

  test('refuses tablespaces and a listing without pg_control, naming the way out', () => {
    expect(() => planFull([...listing, { path: 'pg_tblspc/16400', size: 0, isDir: true, linkTarget: '/srv/ts' }]))
      .toThrow(/tablespaces \(pg_tblspc\/16400 -> \/srv\/ts\).*tablespace-mapping/);
    expect(() => planFull(listing.filter((e) => e.path !== 'global/pg_control'))).toThrow(/no global\/pg_control.*EXECUTE/);
  });
});
