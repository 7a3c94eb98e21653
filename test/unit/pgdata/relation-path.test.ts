import {
  isDatabaseDirectory,
  parseRelationFileName,
  parseRelationPath,
  relationFilePath,
  RelationFile,
} from '../../../src/engine/pgdata/relation-path';

const base = {
  tablespaceOid: 1663,
  databaseOid: 5,
  relfilenode: 16384,
  fork: 'main',
  segmentNo: 0,
  isTemp: false,
  tempBackend: null,
  tablespaceVersionDir: null,
} as const;

describe('parseRelationPath', () => {
  it.each<[string, Partial<RelationFile>]>([
    ['global/1262', { tablespaceOid: 1664, databaseOid: 0, relfilenode: 1262 }],
    ['base/5/16384', {}],
    ['base/5/16384_fsm', { fork: 'fsm' }],
    ['base/5/16384_vm', { fork: 'vm' }],
    ['base/5/16384_init', { fork: 'init' }],
    ['base/5/16384.2', { segmentNo: 2 }],
    ['base/5/16384_vm.1', { fork: 'vm', segmentNo: 1 }],
    ['base/5/t3_16384', { isTemp: true, tempBackend: 3 }],
    ['base/5/t0_16384_fsm.4', { isTemp: true, tempBackend: 0, fork: 'fsm', segmentNo: 4 }],
    [
      'pg_tblspc/16400/PG_15_202209061/5/16384',
      { tablespaceOid: 16400, tablespaceVersionDir: 'PG_15_202209061' },
    ],
    ['global/4294967295', { tablespaceOid: 1664, databaseOid: 0, relfilenode: 4294967295 }],
  ])('parses %s', (path, fields) => {
    const rel = parseRelationPath(path);
    expect(rel).toEqual({ ...base, ...fields });
    expect(relationFilePath(rel as RelationFile)).toBe(path);
  });

  it.each([
    'PG_VERSION',
    'global/pg_control',
    'global/pg_filenode.map',
    'base/5/PG_VERSION',
    'base/5/pg_filenode.map',
    'base/5/pg_internal.init',
    'base/pgsql_tmp/pgsql_tmp123.0',
    'base/5',
    'base/05/16384',
    'base/5/016384',
    'base/5/16384.0', // the first segment never has a suffix
    'base/5/16384_foo',
    'base/5/16384.',
    'base/5/0',
    'base/5/4294967296',
    'base/x/16384',
    'global/t3_1262', // shared catalogs are never temporary
    'global/1262/x',
    'pg_tblspc/16400/PG_15_202209061/5/16384/x',
    'pg_tblspc/16400/not_a_version/5/16384',
    'pg_tblspc/16400/PG_15_202209061/pgsql_tmp/pgsql_tmp1.0',
    'pg_wal/000000010000000000000001',
    'pg_xact/0000',
  ])('returns null for %s', (path) => {
    expect(parseRelationPath(path)).toBeNull();
  });
});

describe('parseRelationFileName', () => {
  it('parses the file name alone', () => {
    expect(parseRelationFileName('16384_vm.1')).toEqual({
      relfilenode: 16384,
      fork: 'vm',
      segmentNo: 1,
      isTemp: false,
      tempBackend: null,
    });
    expect(parseRelationFileName('PG_VERSION')).toBeNull();
  });
});

describe('relationFilePath', () => {
  it('needs the version directory for a user tablespace', () => {
    expect(() => relationFilePath({ ...base, tablespaceOid: 16400 })).toThrow(/tablespaceVersionDir/);
  });
});

describe('isDatabaseDirectory', () => {
  it('knows where relation files live', () => {
    expect(isDatabaseDirectory('base/1')).toBe(true);
    expect(isDatabaseDirectory('pg_tblspc/16400/PG_18_202506291/16401')).toBe(true);
    expect(isDatabaseDirectory('global')).toBe(false);
    expect(isDatabaseDirectory('base')).toBe(false);
    expect(isDatabaseDirectory('base/pgsql_tmp')).toBe(false);
    expect(isDatabaseDirectory('pg_tblspc/16400/PG_18_202506291')).toBe(false);
  });
});
