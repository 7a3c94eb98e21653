import { planDelta } from '../../../src/engine/plan/plan-delta';
import { planFull } from '../../../src/engine/plan/plan-full';
import type { TablespacePlacement } from '../../../src/engine/plan/tablespace-mapping';
import type { SourceEntry } from '../../../src/engine/plan/plan';

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

  const withTablespace: SourceEntry[] = [
    ...listing, dir('pg_tblspc'), { path: 'pg_tblspc/16400', size: 0, isDir: true, linkTarget: '/srv/ts' },
    dir('pg_tblspc/16400/PG_15_202209061'), dir('pg_tblspc/16400/PG_15_202209061/5'), file('pg_tblspc/16400/PG_15_202209061/5/16500'),
  ];
  const placed: TablespacePlacement = { oid: 16400, linkPath: 'pg_tblspc/16400', sourceLocation: '/srv/ts', targetLocation: '/mnt/ts', placement: 'mapped' };

  test('a tablespace becomes a link to its placed directory; its contents are copied below the link', () => {
    const plan = planFull(withTablespace, { tablespaces: [placed], excludePaths: [] });
    expect(plan.tablespaceLinks).toEqual([{ oid: 16400, linkPath: 'pg_tblspc/16400', location: '/mnt/ts' }]);
    expect(plan.directories).not.toContain('pg_tblspc/16400');
    expect(plan.directories).toEqual(expect.arrayContaining(['pg_tblspc', 'pg_tblspc/16400/PG_15_202209061', 'pg_tblspc/16400/PG_15_202209061/5']));
    expect(plan.files.map((f) => f.path)).toContain('pg_tblspc/16400/PG_15_202209061/5/16500');
  });

  test('an in-place tablespace (inside PGDATA) stays a plain directory', () => {
    const inPlace = withTablespace.map((e) => (e.path === 'pg_tblspc/16400' ? { ...e, linkTarget: 'pg_tblspc/16400' } : e));
    const plan = planFull(inPlace, { tablespaces: [{ ...placed, sourceLocation: 'pg_tblspc/16400', targetLocation: '/pgdata/pg_tblspc/16400', placement: 'inside-pgdata' }], excludePaths: [] });
    expect(plan.tablespaceLinks).toEqual([]);
    expect(plan.directories).toContain('pg_tblspc/16400');
  });

  test('refuses tablespaces that changed since they were placed, and a listing without pg_control', () => {
    expect(() => planFull(withTablespace)).toThrow(/tablespaces changed while pg-catchup ran.*CREATE\/DROP TABLESPACE/);
    expect(() => planFull(listing, { tablespaces: [placed], excludePaths: [] })).toThrow(/listed: none; placed at the start: pg_tblspc\/16400/);
    expect(() => planFull(listing.filter((e) => e.path !== 'global/pg_control'))).toThrow(/no global\/pg_control.*EXECUTE/);
  });

  test('--exclude-path entries are skipped with their reason, directories with everything below', () => {
    const plan = planFull([...listing, dir('conf.d'), file('conf.d/a.conf')], { tablespaces: [], excludePaths: ['postgresql.auto.conf', 'conf.d'] });
    expect(plan.files.map((f) => f.path)).not.toEqual(expect.arrayContaining(['postgresql.auto.conf']));
    expect(plan.files.map((f) => f.path)).not.toContain('conf.d/a.conf');
    expect(plan.directories).not.toContain('conf.d');
    expect(plan.skipped).toEqual(expect.arrayContaining([{ path: 'conf.d/a.conf', reason: 'excluded-by-user' }, { path: 'postgresql.auto.conf', reason: 'excluded-by-user' }]));
  });
});

describe('source paths that could write outside the target are refused before any plan (hostile listing)', () => {
  const dir = (path: string): SourceEntry => ({ path, size: 4096, isDir: true });
  const file = (path: string, size = 8192): SourceEntry => ({ path, size, isDir: false });
  const sane: SourceEntry[] = [file('PG_VERSION', 3), dir('global'), file('global/pg_control'), dir('base'), dir('base/5'), file('base/5/16384'), dir('base/pgsql_tmp')];

  test.each([
    ['/etc/passwd', /is absolute/],
    ['../outside', /climbs out with "\.\."/],
    ['base/5/../../../root/.ssh/authorized_keys', /climbs out/],
    ['base//5', /empty or "\." component/],
    ['base/./5/1', /empty or "\." component/],
    ['global/pg_control\n', /control character/],
    ['base\\..\\x', /backslash/],
    ['base/not-an-oid/16384', /does not fit PostgreSQL's layout/],
    ['pg_tblspc/evil/PG_15/5/1', /does not fit PostgreSQL's layout/],
  ])('%j', (bad, why) => {
    const listing = [...sane, file(bad)];
    expect(() => planFull(listing)).toThrow(why);
    expect(() => planDelta({ source: listing, target: [], blockSize: 8192, sourceChanged: new Map(), protectedPaths: [] })).toThrow(why);
  });

  test('a sane listing, pgsql_tmp and files of the user\'s own at the top level included, plans', () => {
    expect(() => planFull([...sane, file('my-notes.txt', 10), dir('conf.d'), file('conf.d/extra.conf', 10)])).not.toThrow();
  });
});
