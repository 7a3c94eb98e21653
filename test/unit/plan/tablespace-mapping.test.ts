import { parseTablespaceMappings, placeTablespaces } from '../../../src/engine/plan/tablespace-mapping';
import { isExcludedByUser, normalizeExcludePaths } from '../../../src/engine/plan/exclude-paths';

describe('parseTablespaceMappings', () => {
  test('one flag with colon-separated pairs, and repeated flags', () => {
    expect(parseTablespaceMappings(['/a=/b:/c=/d', '/e/=/f'])).toEqual([
      { oldDir: '/a', newDir: '/b' }, { oldDir: '/c', newDir: '/d' }, { oldDir: '/e', newDir: '/f' },
    ]);
  });

  test('escaped = and : stay in the path', () => {
    expect(parseTablespaceMappings(['/x\\=y=/z\\:1'])).toEqual([{ oldDir: '/x=y', newDir: '/z:1' }]);
  });

  test.each([
    ['/a', /not of the form OLDDIR=NEWDIR/],
    ['/a=', /not of the form/],
    ['a=/b', /relative directory "a"/],
    ['/a=b', /relative directory "b"/],
  ])('refuses %s', (value, message) => {
    expect(() => parseTablespaceMappings([value])).toThrow(message);
  });

  test('the same location mapped to two places is refused; the same pair twice is fine', () => {
    expect(() => parseTablespaceMappings(['/a=/b', '/a=/c'])).toThrow(/mapped twice/);
    expect(parseTablespaceMappings(['/a=/b', '/a=/b'])).toHaveLength(1);
  });
});

describe('placeTablespaces', () => {
  const src = [{ oid: 16400, location: '/srv/ts1' }, { oid: 16401, location: '/srv/ts2' }];

  test('in place by default, mapped with -T', () => {
    const p = placeTablespaces(src, [{ oldDir: '/srv/ts2', newDir: '/mnt/ts2' }], '/pgdata');
    expect(p.map((t) => [t.oid, t.targetLocation, t.placement])).toEqual([[16400, '/srv/ts1', 'in-place'], [16401, '/mnt/ts2', 'mapped']]);
  });

  test('the target\'s existing link wins over the in-place default; a conflicting -T is refused', () => {
    const existing = new Map([[16400, '/old/place']]);
    expect(placeTablespaces(src, [], '/pgdata', existing)[0]).toMatchObject({ targetLocation: '/old/place', placement: 'existing' });
    expect(() => placeTablespaces(src, [{ oldDir: '/srv/ts1', newDir: '/new' }], '/pgdata', existing)).toThrow(/is at \/old\/place, but -T maps it to \/new/);
    expect(placeTablespaces(src, [{ oldDir: '/srv/ts1', newDir: '/old/place' }], '/pgdata', existing)[0].placement).toBe('mapped');
  });

  test('refuses a mapping for a location the source does not have, naming the ones it has', () => {
    expect(() => placeTablespaces(src, [{ oldDir: '/srv/typo', newDir: '/x' }], '/pgdata')).toThrow(/no tablespace there \(its tablespaces: \/srv\/ts1, \/srv\/ts2\)/);
  });

  test('refuses locations inside PGDATA, containing it, or shared', () => {
    expect(() => placeTablespaces(src, [{ oldDir: '/srv/ts1', newDir: '/pgdata/ts' }], '/pgdata')).toThrow(/inside the target data directory/);
    expect(() => placeTablespaces(src, [{ oldDir: '/srv/ts1', newDir: '/' }], '/pgdata')).toThrow(/contains the target data directory/);
    expect(() => placeTablespaces(src, [{ oldDir: '/srv/ts1', newDir: '/m' }, { oldDir: '/srv/ts2', newDir: '/m/x' }], '/pgdata')).toThrow(/would share the directory/);
  });

  test('an in-place tablespace (relative location) stays inside PGDATA', () => {
    expect(placeTablespaces([{ oid: 16402, location: 'pg_tblspc/16402' }], [], '/pgdata')[0])
      .toMatchObject({ targetLocation: '/pgdata/pg_tblspc/16402', placement: 'inside-pgdata' });
  });
});

describe('--exclude-path', () => {
  test('relative and absolute paths inside PGDATA, normalized', () => {
    expect(normalizeExcludePaths(['postgresql.conf', '/pgdata/conf.d/', './pg_hba.conf', 'postgresql.conf'], '/pgdata'))
      .toEqual(['postgresql.conf', 'conf.d', 'pg_hba.conf']);
  });

  test.each([
    ['/etc/passwd', /not inside the target data directory/],
    ['../x', /not inside/],
    ['/pgdata', /not inside/],
    ['global/pg_control', /keep the target's own global/],
    ['base', /own base/],
    ['pg_wal', /own pg_wal/],
    ['pg_xact/0000', /own pg_xact/],
    ['pg_catchup.marker', /own pg_catchup.marker/],
  ])('refuses %s', (value, message) => {
    expect(() => normalizeExcludePaths([value], '/pgdata')).toThrow(message);
  });

  test('a directory covers everything below it, not siblings sharing a prefix', () => {
    expect(isExcludedByUser('conf.d/a.conf', ['conf.d'])).toBe(true);
    expect(isExcludedByUser('conf.d', ['conf.d'])).toBe(true);
    expect(isExcludedByUser('conf.dx', ['conf.d'])).toBe(false);
  });
});
