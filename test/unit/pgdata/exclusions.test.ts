import {
  classifyEntries,
  isExcludedDirContent,
  ListingEntry,
  pathSkipReason,
  SkipReason,
} from '../../../src/engine/pgdata/exclusions';

const dir = (path: string): ListingEntry => ({ path, isDir: true, size: 4096 });
const file = (path: string, size = 8192): ListingEntry => ({ path, isDir: false, size });

// A PGDATA as pg_ls_dir lists it, with one of everything the rules care about.
const LISTING: ListingEntry[] = [
  file('PG_VERSION', 3),
  file('postgresql.conf'),
  file('postgresql.auto.conf'),
  file('postgresql.auto.conf.tmp'),
  file('postmaster.pid'),
  file('postmaster.opts'),
  file('backup_label'),
  file('tablespace_map'),
  file('backup_manifest'),
  file('current_logfiles'),
  file('current_logfiles.tmp'),
  file('standby.signal', 0),
  dir('tst_dir'),
  file('tst_dir/.DS_Store'),
  dir('tst_dir/old.DS_Store.d'),
  file('tst_dir/old.DS_Store.d/x'),
  dir('global'),
  file('global/pg_control'),
  file('global/1262'),
  file('global/pg_internal.init'),
  file('global/pg_internal.init.12345'),
  dir('base'),
  dir('base/5'),
  file('base/5/16384'),
  file('base/5/16384_fsm'),
  file('base/5/16390'), // unlogged: has an init fork
  file('base/5/16390.1'),
  file('base/5/16390_fsm'),
  file('base/5/16390_vm'),
  file('base/5/16390_init'),
  file('base/5/t3_16400'),
  file('base/5/t3_16400_fsm'),
  file('base/5/pg_internal.init'),
  file('base/5/PG_VERSION', 3),
  dir('base/pgsql_tmp'),
  file('base/pgsql_tmp/pgsql_tmp4711.0'),
  dir('base/pgsql_tmp/pgsql_tmp4711.0.fileset'),
  file('base/pgsql_tmp/pgsql_tmp4711.0.fileset/o1of2.p0.0'),
  dir('pg_wal'),
  file('pg_wal/000000010000000000000001', 16777216),
  file('pg_wal/00000002.history'),
  dir('pg_wal/archive_status'),
  file('pg_wal/archive_status/000000010000000000000001.done', 0),
  dir('pg_wal/summaries'),
  file('pg_wal/summaries/0000000100000000010000280000000001000100.summary'),
  dir('pg_replslot'),
  dir('pg_replslot/slot1'),
  file('pg_replslot/slot1/state'),
  dir('pg_stat_tmp'),
  file('pg_stat_tmp/pgss_query_texts.stat'),
  dir('pg_dynshmem'),
  file('pg_dynshmem/mmap.123'),
  dir('pg_notify'),
  file('pg_notify/0000'),
  dir('pg_serial'),
  file('pg_serial/0000'),
  dir('pg_snapshots'),
  file('pg_snapshots/00000003-00000002-1'),
  dir('pg_subtrans'),
  file('pg_subtrans/0000'),
  dir('pg_xact'),
  file('pg_xact/0000'),
  dir('pg_stat'),
  file('pg_stat/pgstat.stat'),
  dir('pg_tblspc'),
  dir('pg_tblspc/16500'),
  dir('pg_tblspc/16500/PG_17_202406281'),
  dir('pg_tblspc/16500/PG_17_202406281/5'),
  file('pg_tblspc/16500/PG_17_202406281/5/16501'),
  file('pg_tblspc/16500/PG_17_202406281/5/16502'),
  file('pg_tblspc/16500/PG_17_202406281/5/16502_init'),
  file('pg_tblspc/16500/PG_17_202406281/5/t7_16503'),
  dir('pg_tblspc/16500/PG_17_202406281/pgsql_tmp'),
  file('pg_tblspc/16500/PG_17_202406281/pgsql_tmp/pgsql_tmp99.1'),
];

const SKIPPED: Record<string, SkipReason> = {
  // pg_rewind matches ".DS_Store" anywhere in the path (filemap.c decide_file_action).
  'tst_dir/.DS_Store': 'macos-file',
  'tst_dir/old.DS_Store.d': 'macos-file',
  'tst_dir/old.DS_Store.d/x': 'macos-file',
  'postgresql.auto.conf.tmp': 'excluded-file',
  'postmaster.pid': 'excluded-file',
  'postmaster.opts': 'excluded-file',
  backup_label: 'excluded-file',
  tablespace_map: 'excluded-file',
  backup_manifest: 'excluded-file',
  'current_logfiles.tmp': 'excluded-file',
  'global/pg_internal.init': 'relcache-init',
  'global/pg_internal.init.12345': 'relcache-init',
  'base/5/16390': 'unlogged-relation',
  'base/5/16390.1': 'unlogged-relation',
  'base/5/16390_fsm': 'unlogged-relation',
  'base/5/16390_vm': 'unlogged-relation',
  'base/5/t3_16400': 'temp-relation',
  'base/5/t3_16400_fsm': 'temp-relation',
  'base/5/pg_internal.init': 'relcache-init',
  'base/pgsql_tmp': 'temp-file',
  'base/pgsql_tmp/pgsql_tmp4711.0': 'temp-file',
  'base/pgsql_tmp/pgsql_tmp4711.0.fileset': 'temp-file',
  'base/pgsql_tmp/pgsql_tmp4711.0.fileset/o1of2.p0.0': 'temp-file',
  'pg_wal/000000010000000000000001': 'wal',
  'pg_wal/00000002.history': 'wal',
  'pg_wal/archive_status/000000010000000000000001.done': 'wal',
  'pg_wal/summaries/0000000100000000010000280000000001000100.summary': 'wal',
  'pg_replslot/slot1': 'directory-contents',
  'pg_replslot/slot1/state': 'directory-contents',
  'pg_stat_tmp/pgss_query_texts.stat': 'directory-contents',
  'pg_dynshmem/mmap.123': 'directory-contents',
  'pg_notify/0000': 'directory-contents',
  'pg_serial/0000': 'directory-contents',
  'pg_snapshots/00000003-00000002-1': 'directory-contents',
  'pg_subtrans/0000': 'directory-contents',
  'pg_tblspc/16500/PG_17_202406281/5/16502': 'unlogged-relation',
  'pg_tblspc/16500/PG_17_202406281/5/t7_16503': 'temp-relation',
  'pg_tblspc/16500/PG_17_202406281/pgsql_tmp': 'temp-file',
  'pg_tblspc/16500/PG_17_202406281/pgsql_tmp/pgsql_tmp99.1': 'temp-file',
};

describe('classifyEntries', () => {
  const { keep, skipped } = classifyEntries(LISTING);

  it('skips exactly the entries the rules name, each with its reason', () => {
    const got = Object.fromEntries(skipped.map((s) => [s.entry.path, s.reason]));
    expect(got).toEqual(SKIPPED);
  });

  it('keeps everything else, in listing order', () => {
    expect(keep.map((e) => e.path)).toEqual(LISTING.map((e) => e.path).filter((p) => !(p in SKIPPED)));
  });

  it('keeps the directories whose contents it drops, and the WAL subdirectories', () => {
    const kept = new Set(keep.map((e) => e.path));
    for (const path of [
      'pg_wal',
      'pg_wal/archive_status',
      'pg_wal/summaries',
      'pg_replslot',
      'pg_stat_tmp',
      'pg_dynshmem',
      'pg_notify',
      'pg_serial',
      'pg_snapshots',
      'pg_subtrans',
    ]) {
      expect(kept).toContain(path);
    }
  });

  it('keeps the init fork of an unlogged relation and everything of a logged one', () => {
    const kept = new Set(keep.map((e) => e.path));
    expect(kept).toContain('base/5/16390_init');
    expect(kept).toContain('pg_tblspc/16500/PG_17_202406281/5/16502_init');
    expect(kept).toContain('base/5/16384_fsm');
    expect(kept).toContain('global/pg_control');
    expect(kept).toContain('pg_stat/pgstat.stat');
  });

  it('does not treat an init fork in another database as marking this one unlogged', () => {
    const result = classifyEntries([file('base/5/16390'), file('base/6/16390_init')]);
    expect(result.skipped).toEqual([]);
  });

  it('keeps the type of the entries it is given', () => {
    const entries = [{ ...file('base/5/1'), linkTarget: undefined as string | undefined }];
    const result = classifyEntries(entries);
    expect(result.keep[0]).toBe(entries[0]);
  });
});

describe('isExcludedDirContent', () => {
  it('is true below the listed top-level directories only', () => {
    expect(isExcludedDirContent('pg_wal')).toBe(false);
    expect(isExcludedDirContent('pg_wal/000000010000000000000001')).toBe(true);
    expect(isExcludedDirContent('pg_wal/archive_status')).toBe(false);
    expect(isExcludedDirContent('pg_wal/archive_status/x.done')).toBe(true);
    expect(isExcludedDirContent('pg_replslot/s')).toBe(true);
    expect(isExcludedDirContent('pg_replslot')).toBe(false);
    expect(isExcludedDirContent('base/pg_notify/x')).toBe(false);
    expect(isExcludedDirContent('pg_xact/0000')).toBe(false);
  });
});

describe('pathSkipReason', () => {
  it('judges a single path without the rest of the listing', () => {
    expect(pathSkipReason('base/5/pgsql_tmp1.0', false)).toBe('temp-file');
    expect(pathSkipReason('base/5/16384', false)).toBeNull();
    expect(pathSkipReason('t3_16384', false)).toBeNull(); // not in a database directory
  });
});
