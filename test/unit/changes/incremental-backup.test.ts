import { incrementalBackupUnavailable } from '../../../src/engine/changes/incremental-backup';
import type { Source } from '../../../src/engine/source/source';

const source = (major: number, copyMethod?: 'backup-session' | 'files-only') =>
  ({ info: { major }, copyMethod: copyMethod ? { method: copyMethod, reason: '' } : undefined }) as unknown as Source;
const summaries = { kind: 'wal-summaries' } as const;

describe("when PTRACK goes through the server's incremental backup", () => {
  test('PTRACK on 17+ with WAL summaries and a backup session', () => {
    expect(incrementalBackupUnavailable(true, source(17, 'backup-session'), summaries)).toBeNull();
    expect(incrementalBackupUnavailable(true, source(18, 'backup-session'), summaries)).toBeNull();
  });

  test('otherwise the SQL path, with the reason', () => {
    expect(incrementalBackupUnavailable(false, source(17, 'backup-session'), summaries)).toMatch(/PTRACK only/);
    expect(incrementalBackupUnavailable(true, source(16, 'backup-session'), summaries)).toMatch(/PostgreSQL 16 has no incremental BASE_BACKUP/);
    expect(incrementalBackupUnavailable(true, source(17, 'backup-session'), { kind: 'ptrack' })).toMatch(/ptrack extension answers/);
    expect(incrementalBackupUnavailable(true, source(17, 'backup-session'), null)).toMatch(/no WAL summaries/);
    expect(incrementalBackupUnavailable(true, source(17, 'files-only'), summaries)).toMatch(/no REPLICATION/);
    expect(incrementalBackupUnavailable(true, source(17), summaries)).toMatch(/stopped data directory/);
  });
});
