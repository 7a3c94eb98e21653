import { BACKUP_FUNCTIONS, decidePrivileges, FILE_FUNCTIONS, grantStatements, RolePrivileges } from '../../../src/engine/preflight/privileges';
import { autoConfLines } from '../../../src/engine/pgdata/recovery-conf';
import { primaryConninfo } from '../../../src/engine/source/connection/primary-conninfo';

describe('least-privilege grants', () => {
  test('one statement per privilege, role quoted', () => {
    const s = grantStatements('Repl "x"');
    expect(s[0]).toBe('ALTER ROLE "Repl ""x""" WITH LOGIN REPLICATION;');
    // Every setting the checks read is visible to any role on 15-18.
    expect(s.join(' ')).not.toContain('pg_read_all_settings');
    expect(s).toContain('GRANT EXECUTE ON FUNCTION pg_catalog.pg_read_binary_file(text, bigint, bigint, boolean) TO "Repl ""x""";');
    expect(s).toHaveLength(6);
  });
});

describe('copy method from the role privileges', () => {
  const role = (p: Partial<RolePrivileges>): RolePrivileges => ({ role: 'rewind_user', superuser: false, replication: false, missingFunctions: [], ...p });
  const minimal = role({ missingFunctions: [...BACKUP_FUNCTIONS] });

  test('REPLICATION and the backup functions: the backup session, in every mode', () => {
    for (const filesOnlyAllowed of [true, false]) {
      const d = decidePrivileges(role({ replication: true }), filesOnlyAllowed);
      expect(d.check.status).toBe('pass');
      expect(d.copyMethod?.method).toBe('backup-session');
    }
    expect(decidePrivileges(role({ superuser: true }), false).copyMethod?.method).toBe('backup-session');
  });

  test("pg_rewind's minimal role: files only where allowed (DELTA, rewind), refused with the grants elsewhere", () => {
    const ok = decidePrivileges(minimal, true);
    expect(ok.check.status).toBe('pass');
    expect(ok.copyMethod).toEqual({ method: 'files-only', reason: expect.stringMatching(/lacks REPLICATION, EXECUTE on pg_backup_start.*files only/) });
    const full = decidePrivileges(minimal, false);
    expect(full.copyMethod).toBeNull();
    expect(full.check.status).toBe('fail');
    expect(full.check.fix).toContain('ALTER ROLE "rewind_user" WITH REPLICATION;');
    expect(full.check.fix).toContain('GRANT EXECUTE ON FUNCTION pg_catalog.pg_backup_start(text, boolean) TO "rewind_user";');
    // REPLICATION without the backup functions is still files only.
    expect(decidePrivileges(role({ replication: true, missingFunctions: [BACKUP_FUNCTIONS[1]] }), true).copyMethod?.method).toBe('files-only');
  });

  test('a file function missing: refused even for files only, naming its grant', () => {
    const d = decidePrivileges(role({ missingFunctions: [...BACKUP_FUNCTIONS, FILE_FUNCTIONS[1]] }), true);
    expect(d.copyMethod).toBeNull();
    expect(d.check.status).toBe('fail');
    expect(d.check.fix).toContain(`Or, for pg_rewind's way (files only) without REPLICATION: GRANT EXECUTE ON FUNCTION ${FILE_FUNCTIONS[1]} TO "rewind_user";`);
  });
});

describe('recovery configuration (-R)', () => {
  const keywords = { host: 'db1', port: '5432', user: 'rep', password: "p'w", dbname: 'postgres', application_name: 'pg-catchup' };

  test('primary_conninfo leaves the password out unless asked, and drops our own application_name', () => {
    expect(primaryConninfo(keywords, false)).toBe('user=rep host=db1 port=5432');
    expect(primaryConninfo(keywords, true)).toBe("user=rep host=db1 port=5432 password='p\\'w'");
  });

  test('postgresql.auto.conf line doubles quotes and backslashes for the GUC parser', () => {
    expect(autoConfLines("user=rep password='p\\'w'")).toContain("primary_conninfo = 'user=rep password=''p\\\\''w'''");
  });
});
