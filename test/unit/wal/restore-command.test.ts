import { substitute } from '../../../src/engine/pgdata/restore-command-source';

describe('restore_command placeholders', () => {
  test('%f, %p and %% as PostgreSQL expands them', () => {
    expect(substitute('cp /arch/%f "%p" # 100%%', '000000010000000000000003', '/tmp/x/000000010000000000000003'))
      .toBe('cp /arch/000000010000000000000003 "/tmp/x/000000010000000000000003" # 100%');
  });

  test('%r never names a real segment, so a pg_archivecleanup %r in the command removes nothing', () => {
    expect(substitute('restore %f %p && pg_archivecleanup /arch %r', 'F', 'P')).toBe('restore F P && pg_archivecleanup /arch 000000000000000000000000');
  });
});
