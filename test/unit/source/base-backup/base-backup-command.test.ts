import { baseBackupCommand, replicationLiteral } from '../../../../src/engine/source/base-backup/base-backup-command';
import { archiveTablespaceOid } from '../../../../src/engine/source/base-backup/base-backup-reader';
import { parseDataRow, parseNoticeFields } from '../../../../src/engine/source/base-backup/base-backup-query';

describe('baseBackupCommand', () => {
  test('PostgreSQL 15 option list: no WAL, no manifest, to the client, tablespace map, compression and rate', () => {
    expect(baseBackupCommand({ label: "pg-catchup's clone", compression: 'zstd', compressionDetail: 'level=3,workers=2', maxRateKbPerS: 32768 }))
      .toBe("BASE_BACKUP ( LABEL 'pg-catchup''s clone', PROGRESS true, CHECKPOINT 'fast', WAL false, MANIFEST 'no', TARGET 'client', " +
        "TABLESPACE_MAP true, MAX_RATE 32768, COMPRESSION 'zstd', COMPRESSION_DETAIL 'level=3,workers=2' )");
  });

  test('no compression, spread checkpoint, no checksum verification, no progress', () => {
    expect(baseBackupCommand({ label: 'x', compression: 'none', fastCheckpoint: false, verifyChecksums: false, progress: false }))
      .toBe("BASE_BACKUP ( LABEL 'x', PROGRESS false, CHECKPOINT 'spread', WAL false, MANIFEST 'no', TARGET 'client', TABLESPACE_MAP true, VERIFY_CHECKSUMS false )");
  });

  test('refuses what the server would refuse later', () => {
    expect(() => baseBackupCommand({ label: 'x', compression: 'lz4', maxRateKbPerS: 31 })).toThrow(/32 to 1048576/);
    expect(() => baseBackupCommand({ label: 'x', compression: 'none', compressionDetail: 'level=1' })).toThrow(/needs a compression method/);
    expect(() => replicationLiteral('a\0b')).toThrow(/NUL/);
  });

  test('backslashes stay plain characters (the replication grammar has no escapes)', () => {
    expect(replicationLiteral('C:\\backup')).toBe("'C:\\backup'");
  });
});

describe('BASE_BACKUP stream pieces', () => {
  test('archive names give the tablespace', () => {
    expect(archiveTablespaceOid('base.tar')).toBeNull();
    expect(archiveTablespaceOid('base.tar.zst')).toBeNull();
    expect(archiveTablespaceOid('16385.tar.lz4')).toBe(16385);
    expect(() => archiveTablespaceOid('pg_wal.tar')).toThrow(/neither base.tar nor/);
  });

  test('a DataRow with a NULL, and a notice', () => {
    const row = Buffer.from([0, 3, 0, 0, 0, 5, ...Buffer.from('16385'), 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 2, ...Buffer.from('42')]);
    expect(parseDataRow(row)).toEqual(['16385', null, '42']);
    const notice = Buffer.from('SWARNING\0VWARNING\0CXX001\0Mchecksum verification failed in file "base/5/1259", block 0\0\0');
    expect(parseNoticeFields(notice)).toEqual({ severity: 'WARNING', code: 'XX001', message: 'checksum verification failed in file "base/5/1259", block 0' });
  });
});
