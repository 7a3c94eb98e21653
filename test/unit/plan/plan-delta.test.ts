import { patchCandidates, patchFor, planDelta } from '../../../src/engine/plan/plan-delta';
import type { TargetEntry } from '../../../src/engine/pgdata/target-listing';
import type { SourceEntry } from '../../../src/engine/plan/plan';

const BS = 8192;
const sdir = (path: string): SourceEntry => ({ path, size: 4096, isDir: true });
const sfile = (path: string, size = BS): SourceEntry => ({ path, size, isDir: false });
const tdir = (path: string): TargetEntry => ({ path, size: 0, isDir: true, isSymlink: false });
const tfile = (path: string, size = BS): TargetEntry => ({ path, size, isDir: false, isSymlink: false });

describe('patchFor: which blocks of a relation file are copied', () => {
  test('changed blocks, merged into runs', () => {
    const p = patchFor('base/5/1', 10 * BS, 10 * BS, BS, [1, 2, 3, 7], []);
    expect(p.ranges).toEqual([{ offset: BS, length: 3 * BS }, { offset: 7 * BS, length: BS }]);
    expect(p.blocks).toEqual({ sourceChanged: 4, targetChanged: 0, beyondTarget: 0 });
  });

  test('every block beyond the target size, whatever its LSN', () => {
    const p = patchFor('base/5/1', 6 * BS, 4 * BS, BS, [0], []);
    expect(p.ranges).toEqual([{ offset: 0, length: BS }, { offset: 4 * BS, length: 2 * BS }]);
    expect(p.blocks.beyondTarget).toBe(2);
  });

  test('a torn last target block counts as missing', () => {
    const p = patchFor('base/5/1', 3 * BS, 2 * BS + 100, BS, [], []);
    expect(p.ranges).toEqual([{ offset: 2 * BS, length: BS }]);
  });

  test('target-changed blocks are added; blocks past the source size are not copied (the file is truncated)', () => {
    const p = patchFor('base/5/1', 4 * BS, 8 * BS, BS, [1], [1, 2, 6]);
    expect(p.ranges).toEqual([{ offset: BS, length: 2 * BS }]);
    expect(p.blocks).toEqual({ sourceChanged: 1, targetChanged: 1, beyondTarget: 0 });
    expect(p.sourceSize).toBe(4 * BS);
  });

  test('a source size that is not a block multiple (growing file) is read up to its size', () => {
    const p = patchFor('base/5/1', 2 * BS + 10, 2 * BS, BS, [], []);
    expect(p.ranges).toEqual([{ offset: 2 * BS, length: 10 }]);
  });
});

describe('planDelta', () => {
  const source: SourceEntry[] = [
    sfile('PG_VERSION', 3), sdir('global'), sfile('global/pg_control'), sfile('global/1262', 2 * BS), sdir('base'), sdir('base/5'),
    sfile('base/5/100', 4 * BS), sfile('base/5/100_fsm', 3 * BS), sfile('base/5/100_vm', BS), sfile('base/5/200', 2 * BS),
    sdir('base/7'), sfile('base/7/300', BS), sfile('postgresql.auto.conf', 100), sdir('pg_wal'), sdir('pg_wal/archive_status'),
  ];
  const target: TargetEntry[] = [
    tfile('PG_VERSION', 3), tdir('global'), tfile('global/pg_control.pg_catchup'), tfile('global/1262', 2 * BS), tdir('base'), tdir('base/5'),
    tfile('base/5/100', 4 * BS), tfile('base/5/100_fsm', 3 * BS), tfile('base/5/100_vm', BS), tfile('base/5/999', BS),
    tdir('base/6'), tfile('base/6/1', BS), tfile('postgresql.auto.conf', 90), tfile('postmaster.opts', 50), tfile('pg_catchup.marker', 10),
    tfile('standby.signal', 0), tdir('pg_wal'), tdir('pg_wal/archive_status'),
  ];
  const plan = planDelta({
    source, target, blockSize: BS, sourceChanged: new Map([['base/5/100', [2]]]),
    protectedPaths: ['pg_catchup.marker', 'pg_catchup.lock', 'global/pg_control.pg_catchup', 'standby.signal'],
  });

  test('changed main forks on both sides are patched (unchanged ones are not planned); FSM, VM and new files are copied whole', () => {
    expect(plan.patches.map((p) => p.path)).toEqual(['base/5/100']);
    expect(plan.patches.find((p) => p.path === 'base/5/100')!.ranges).toEqual([{ offset: 2 * BS, length: BS }]);
    expect(plan.files.map((f) => f.path).sort()).toEqual(['PG_VERSION', 'base/5/100_fsm', 'base/5/100_vm', 'base/5/200', 'base/7/300', 'postgresql.auto.conf']);
  });

  test('only-on-target paths go (files first, deepest first); ours and protected ones stay; pg_control is never planned', () => {
    expect(plan.deletions).toEqual(['base/5/999', 'base/6/1', 'postmaster.opts', 'base/6']);
    expect(plan.directories).toEqual(['base/7']);
    expect(plan.files.map((f) => f.path)).not.toContain('global/pg_control');
  });

  test('bytes: whole files plus patched ranges', () => {
    expect(plan.bytesToCopy).toBe(3 + 3 * BS + BS + 2 * BS + BS + 100 + BS);
  });

  test('scan candidates are only main forks the target has, up to its full blocks', () => {
    expect(patchCandidates(source, [...target.filter((t) => t.path !== 'base/5/100'), tfile('base/5/100', 2 * BS + 5)], BS))
      .toEqual([{ path: 'global/1262', length: 2 * BS }, { path: 'base/5/100', length: 2 * BS }]);
  });

  test('--exclude-path keeps target files and directories untouched: not overwritten, not removed', () => {
    const p = planDelta({
      source: [...source, sdir('conf.d'), sfile('conf.d/a.conf', 10)],
      target: [...target, tdir('certs'), tfile('certs/server.key', 10), tfile('pg_hba.conf', 20)],
      blockSize: BS, sourceChanged: new Map(), protectedPaths: ['pg_catchup.marker'],
      layout: { tablespaces: [], excludePaths: ['postgresql.auto.conf', 'certs', 'conf.d', 'pg_hba.conf'] },
    });
    const touched = [...p.files.map((f) => f.path), ...p.deletions, ...p.directories];
    for (const kept of ['postgresql.auto.conf', 'certs', 'certs/server.key', 'conf.d', 'conf.d/a.conf', 'pg_hba.conf']) expect(touched).not.toContain(kept);
  });

  test(".DS_Store (pg_rewind's 003_extrafiles): never copied from the source, never removed from the target, nor the directory holding it", () => {
    const p = planDelta({
      source: [...source, sdir('tst_standby_dir'), sfile('tst_standby_dir/.DS_Store', 17), sfile('tst_standby_dir/f', 3)],
      target: [...target, tdir('tst_primary_dir'), tfile('tst_primary_dir/.DS_Store', 9), tfile('tst_primary_dir/g', 3), tfile('x.DS_Store', 1)],
      blockSize: BS, sourceChanged: new Map(), protectedPaths: [],
    });
    expect(p.files.map((f) => f.path)).toContain('tst_standby_dir/f');
    expect(p.files.map((f) => f.path)).not.toContain('tst_standby_dir/.DS_Store');
    expect(p.deletions).toContain('tst_primary_dir/g');
    for (const kept of ['tst_primary_dir/.DS_Store', 'tst_primary_dir', 'x.DS_Store']) expect(p.deletions).not.toContain(kept);
  });
});

describe('planDelta with tablespaces', () => {
  const V = 'PG_15_202209061';
  const base: SourceEntry[] = [sfile('PG_VERSION', 3), sdir('global'), sfile('global/pg_control'), sdir('pg_tblspc')];
  const tlink = (oid: number, to: string): TargetEntry => ({ path: `pg_tblspc/${oid}`, size: 0, isDir: true, isSymlink: true, linkTarget: to });
  const source: SourceEntry[] = [
    ...base,
    { path: 'pg_tblspc/16400', size: 0, isDir: true, linkTarget: '/srv/ts1' }, sdir(`pg_tblspc/16400/${V}`), sdir(`pg_tblspc/16400/${V}/5`),
    sfile(`pg_tblspc/16400/${V}/5/500`, 2 * BS), sfile(`pg_tblspc/16400/${V}/5/501`, BS),
    { path: 'pg_tblspc/16500', size: 0, isDir: true, linkTarget: '/srv/ts3' }, sdir(`pg_tblspc/16500/${V}`),
  ];
  const target: TargetEntry[] = [
    tfile('PG_VERSION', 3), tdir('global'), tdir('pg_tblspc'),
    tlink(16400, '/mnt/ts1'), tdir(`pg_tblspc/16400/${V}`), tdir(`pg_tblspc/16400/${V}/5`), tfile(`pg_tblspc/16400/${V}/5/500`, 2 * BS),
    tlink(16450, '/mnt/ts2'), tdir(`pg_tblspc/16450/${V}`), tdir(`pg_tblspc/16450/${V}/5`), tfile(`pg_tblspc/16450/${V}/5/700`, BS),
  ];
  const plan = planDelta({
    source, target, blockSize: BS, sourceChanged: new Map([[`pg_tblspc/16400/${V}/5/500`, [1]]]), protectedPaths: [],
    layout: {
      excludePaths: [],
      tablespaces: [
        { oid: 16400, linkPath: 'pg_tblspc/16400', sourceLocation: '/srv/ts1', targetLocation: '/mnt/ts1', placement: 'existing' },
        { oid: 16500, linkPath: 'pg_tblspc/16500', sourceLocation: '/srv/ts3', targetLocation: '/mnt/ts3', placement: 'mapped' },
      ],
    },
  });

  test('a kept tablespace is patched through its link like any directory', () => {
    expect(plan.patches.map((p) => p.path)).toEqual([`pg_tblspc/16400/${V}/5/500`]);
    expect(plan.files.map((f) => f.path)).toEqual(['PG_VERSION', `pg_tblspc/16400/${V}/5/501`]);
    expect(plan.deletions).not.toContain('pg_tblspc/16400');
  });

  test('a new tablespace gets its link before its directories', () => {
    expect(plan.tablespaceLinks).toEqual([{ oid: 16500, linkPath: 'pg_tblspc/16500', location: '/mnt/ts3' }]);
    expect(plan.directories).toEqual([`pg_tblspc/16500/${V}`]);
  });

  test('a dropped tablespace goes: its files, its directories deepest first, then its link', () => {
    expect(plan.deletions).toEqual([`pg_tblspc/16450/${V}/5/700`, `pg_tblspc/16450/${V}/5`, `pg_tblspc/16450/${V}`, 'pg_tblspc/16450']);
  });
});
