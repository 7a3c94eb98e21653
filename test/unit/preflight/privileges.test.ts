import { grantStatements } from '../../../src/engine/preflight/privileges';
import { autoConfLines } from '../../../src/engine/pgdata/recovery-conf';
import { primaryConninfo } from '../../../src/engine/source/connection/primary-conninfo';

describe('least-privilege grants', () => {
  test('one statement per privilege, role quoted', () => {
    const s = grantStatements('Repl "x"');
    expect(s[0]).toBe('ALTER ROLE "Repl ""x""" WITH LOGIN REPLICATION;');
    expect(s).toContain('GRANT pg_read_all_settings TO "Repl ""x""";');
    expect(s).toContain('GRANT EXECUTE ON FUNCTION pg_catalog.pg_read_binary_file(text, bigint, bigint, boolean) TO "Repl ""x""";');
    expect(s).toHaveLength(7);
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
