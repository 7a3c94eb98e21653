import { compressionDetail, formatCompressSpec, parseCompressSpec } from '../../../../src/engine/source/base-backup/compress-spec';
import { EntryDecisions, targetPathOf } from '../../../../src/engine/source/server/base-backup-copy';
import { chooseTransfer, COPY_READS_ABOVE_BYTES_PER_SECOND, fastLinkChoice, methodOrder, preliminaryChoice, ZSTD_BELOW_BYTES_PER_SECOND } from '../../../../src/engine/source/server/compression-choice';
import { decompressionUnavailable } from '../../../../src/engine/source/base-backup/decompressor';
import { planFull } from '../../../../src/engine/plan/plan-full';
import type { ResolvedConnection } from '../../../../src/engine/source/connection-options';

describe('--compress in pg_basebackup syntax', () => {
  test.each([
    ['auto', { kind: 'auto' }],
    ['', { kind: 'auto' }],
    ['none', { kind: 'none' }],
    ['server-none', { kind: 'none' }],
    ['0', { kind: 'none' }],
    ['zstd', { kind: 'server', method: 'zstd' }],
    ['server-zstd', { kind: 'server', method: 'zstd' }],
    ['Server-LZ4', { kind: 'server', method: 'lz4' }],
    ['gzip:5', { kind: 'server', method: 'gzip', level: 5 }],
    ['server-zstd:level=3,workers=2,long', { kind: 'server', method: 'zstd', level: 3, workers: 2, long: true }],
    ['zstd:long=off', { kind: 'server', method: 'zstd', long: false }],
    ['zstd:-5', { kind: 'server', method: 'zstd', level: -5 }],
  ])('%s', (text, spec) => {
    expect(parseCompressSpec(text)).toEqual(spec);
  });

  test.each([
    ['client-gzip', /client-side/],
    ['client-zstd:level=3', /client-side/],
    ['9', /client-side/],
    ['brotli', /unknown method "brotli"/],
    ['gzip:level=10', /gzip takes a level from 1 to 9, not "10"/],
    ['lz4:level=0', /lz4 takes a level from 1 to 12/],
    ['gzip:workers=2', /workers is for zstd only/],
    ['lz4:long', /long is for zstd only/],
    ['zstd:workers=x', /workers must be a whole number/],
    ['zstd:fast', /unknown detail "fast"/],
    ['none:5', /none takes no detail/],
  ])('refuses %s', (text, message) => {
    expect(() => parseCompressSpec(text)).toThrow(message);
  });

  test('the detail sent to the server and the spec written back', () => {
    expect(compressionDetail(parseCompressSpec('zstd:5'))).toBe('level=5');
    expect(compressionDetail(parseCompressSpec('zstd'))).toBeUndefined();
    expect(compressionDetail(parseCompressSpec('zstd:level=1,workers=4,long'))).toBe('level=1,workers=4,long');
    expect(formatCompressSpec(parseCompressSpec('server-lz4:level=1'))).toBe('lz4:level=1');
    expect(formatCompressSpec(parseCompressSpec('auto'))).toBe('auto');
  });
});

describe('the automatic choice before asking the server', () => {
  const conn = (address: string | null, host = 'db') => ({ choice: { server: { address, target: { host, hostaddr: null, port: 5432 } } } }) as unknown as ResolvedConnection;
  const ctx = (address: string | null, more: { versionNum?: number; resuming?: boolean } = {}) => ({ conn: conn(address), versionNum: more.versionNum ?? 150000, resuming: more.resuming ?? false });

  test('loopback addresses and sockets never compress', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1', null]) {
      const c = preliminaryChoice({ kind: 'auto' }, ctx(address));
      expect(c).toMatchObject({ transfer: 'copy-reads', reason: expect.stringMatching(/on this host/) });
    }
  });
  test('another host: zstd then lz4 are asked about, as far as this Node.js decompresses them', () => {
    const c = preliminaryChoice({ kind: 'auto' }, ctx('10.0.0.5'));
    expect('candidates' in c && c.candidates).toEqual(decompressionUnavailable('zstd') === null ? ['zstd', 'lz4'] : ['lz4']);
  });
  test('before PostgreSQL 15, and for a resumed FULL, auto reads over COPY', () => {
    expect(preliminaryChoice({ kind: 'auto' }, ctx('10.0.0.5', { versionNum: 140010 }))).toMatchObject({ transfer: 'copy-reads', reason: expect.stringMatching(/PostgreSQL 14/) });
    expect(preliminaryChoice({ kind: 'server', method: 'zstd' }, ctx('10.0.0.5', { resuming: true }))).toMatchObject({ transfer: 'copy-reads', reason: expect.stringMatching(/resumed FULL/) });
  });
  test('another host over a link faster than a compressed copy is written here: COPY reads, with the probe\'s rate', () => {
    const rate = (mbPerS: number) => ({ bytesPerSecond: mbPerS * 1048576, bytes: 2097152, ms: 2000 / mbPerS });
    expect(fastLinkChoice('auto', 'another host, 10.0.0.5', rate(350))).toMatchObject({
      transfer: 'copy-reads', reason: expect.stringMatching(/link to the source \(another host, 10\.0\.0\.5\) carried 350 MB\/s in a probe.*COPY reads/),
    });
    expect(fastLinkChoice('auto', 'x', rate(COPY_READS_ABOVE_BYTES_PER_SECOND / 1048576))).not.toBeNull();
    // 1 Gbit/s (~118 MB/s): compressed lz4 beat COPY reads there (2.0 s against 3.1 s for 300 MB).
    expect(fastLinkChoice('auto', 'x', rate(118))).toBeNull();
    expect(fastLinkChoice('auto', 'x', rate(12))).toBeNull();
  });
  test('the method by the link: zstd first over a slow one, lz4 first over a fast one, zstd only where this Node.js decodes it', () => {
    const rate = (mbPerS: number) => ({ bytesPerSecond: mbPerS * 1048576, bytes: 2097152, ms: 2000 / mbPerS });
    expect(methodOrder(['zstd', 'lz4'], rate(12))).toEqual(['zstd', 'lz4']);
    expect(methodOrder(['zstd', 'lz4'], rate(118))).toEqual(['lz4', 'zstd']);
    expect(methodOrder(['zstd', 'lz4'], rate(ZSTD_BELOW_BYTES_PER_SECOND / 1048576))).toEqual(['lz4', 'zstd']);
    expect(methodOrder(['zstd', 'lz4'], null)).toEqual(['zstd', 'lz4']);
    expect(methodOrder(['lz4'], rate(12))).toEqual(['lz4']);
  });
  test('auto with a fast probe chooses COPY reads before any replication connection is opened', async () => {
    const probed: string[] = [];
    const probeLink = async () => {
      probed.push('probe');
      return { bytesPerSecond: 500 * 1048576, bytes: 2097152, ms: 4 };
    };
    // The address is unroutable (TEST-NET-1): a connection attempt would fail the test, not hang it (the probe comes first).
    const { choice, client } = await chooseTransfer({ kind: 'auto' }, { ...ctx('192.0.2.1'), probeLink });
    expect(probed).toEqual(['probe']);
    expect(client).toBeNull();
    expect(choice).toMatchObject({ transfer: 'copy-reads', reason: expect.stringMatching(/carried 500 MB\/s/) });
  });
  test('an explicit method is taken as asked, on loopback too', () => {
    expect(preliminaryChoice({ kind: 'server', method: 'gzip' }, ctx('127.0.0.1'))).toMatchObject({ transfer: 'base-backup' });
    expect(preliminaryChoice({ kind: 'none' }, ctx('10.0.0.5'))).toMatchObject({ transfer: 'copy-reads' });
  });
});

describe('what happens to each archive entry', () => {
  const listing = [
    { path: 'global', isDir: true, size: 0 },
    { path: 'global/pg_control', isDir: false, size: 8192 },
    { path: 'base', isDir: true, size: 0 },
    { path: 'base/1', isDir: true, size: 0 },
    { path: 'base/1/1259', isDir: false, size: 8192 },
    { path: 'mine', isDir: true, size: 0 },
    { path: 'mine/a', isDir: false, size: 1 },
    { path: 'pg_tblspc', isDir: true, size: 0 },
    { path: 'pg_tblspc/16400', isDir: true, size: 0, linkTarget: '/src/ts' },
    { path: 'pg_tblspc/16400/PG_15_1', isDir: true, size: 0 },
    { path: 'pg_tblspc/16400/PG_15_1/5/16401', isDir: false, size: 8192 },
  ];
  const plan = planFull(listing, {
    tablespaces: [{ oid: 16400, linkPath: 'pg_tblspc/16400', sourceLocation: '/src/ts', targetLocation: '/dst/ts', placement: 'mapped' } as never],
    excludePaths: ['mine'],
  });
  const d = new EntryDecisions(plan);

  test('planned files are written, tablespace files below their link', () => {
    expect(d.decide('base/1/1259', 'file')).toBe('write');
    expect(targetPathOf({ path: 'PG_15_1/5/16401', tablespaceOid: 16400 })).toBe('pg_tblspc/16400/PG_15_1/5/16401');
    expect(d.decide(targetPathOf({ path: 'PG_15_1/5/16401', tablespaceOid: 16400 }), 'file')).toBe('write');
  });
  test('a file created after the listing is written, unless excluded', () => {
    expect(d.decide('base/1/99999', 'file')).toBe('write');
    expect(d.decide('mine/new', 'file')).toBe('skip');
    expect(d.decide('mine/a', 'file')).toBe('skip');
    expect(d.decide('pg_stat_tmp/x', 'file')).toBe('skip');
    expect(d.decide('base/1/pgsql_tmp/t', 'file')).toBe('skip');
  });
  test('backup_label and pg_control are kept aside; links, tablespace_map and the root are not written', () => {
    expect(d.decide('backup_label', 'file')).toBe('backup_label');
    expect(d.decide('global/pg_control', 'file')).toBe('control');
    expect(d.decide('tablespace_map', 'file')).toBe('skip');
    expect(d.decide('pg_tblspc/16400', 'directory')).toBe('skip');
    expect(d.decide('pg_tblspc/16400', 'symlink')).toBe('skip');
    expect(d.decide('.', 'directory')).toBe('skip');
  });
});
