import { coveredByWal, isServerLogFile } from '../../../src/engine/pgdata/wal-covered-files';

describe('which files WAL replay repairs after a copy from a running server', () => {
  test.each([
    'base/5/16384', 'base/5/16384_fsm', 'base/5/16384_vm', 'base/5/16384.1', 'global/1262', 'base/5/pg_filenode.map', 'global/pg_filenode.map',
    'pg_tblspc/16400/PG_15_202209061/5/16401', 'pg_xact/0000', 'pg_multixact/offsets/0000', 'pg_multixact/members/0000', 'pg_commit_ts/0000',
    'pg_twophase/000002E1', 'pg_logical/mappings/map-4000-4df-0_1A2B3C4-1f0-1f1',
  ])('%s: covered', (p) => expect(coveredByWal(p)).toBe(true));

  test.each([
    'postgresql.conf', 'postgresql.auto.conf', 'pg_hba.conf', 'pg_ident.conf', 'PG_VERSION', 'base/5/PG_VERSION', 'current_logfiles',
    'pg_logical/replorigin_checkpoint', 'pg_logical/snapshots/0-1A2B3C4.snap', 'pg_stat/pgstat.stat', 'tst_both_dir/file1', 'conf.d/extra.conf', 'mylogs/x.log',
  ])('%s: not covered (checked after the copy and read again)', (p) => expect(coveredByWal(p)).toBe(false));

  test('server logs at the default places are copied as read; other files are not logs', () => {
    for (const p of ['log/postgresql-2026-12-05.log', 'pg_log/postgresql.csv', 'current_logfiles']) expect(isServerLogFile(p)).toBe(true);
    for (const p of ['postgresql.conf', 'base/5/log', 'logical/x', 'mylogs/x.log']) expect(isServerLogFile(p)).toBe(false);
  });
});
