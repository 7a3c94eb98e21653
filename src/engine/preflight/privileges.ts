import type { Client } from 'pg';
import { quoteIdent } from '../sql-quote';
import type { CheckResult } from './check';

/** The functions the engine calls, with the exact signatures GRANT needs (design rule 10). */
export const REQUIRED_FUNCTIONS = [
  'pg_catalog.pg_backup_start(text, boolean)',
  'pg_catalog.pg_backup_stop(boolean)',
  'pg_catalog.pg_ls_dir(text, boolean, boolean)',
  'pg_catalog.pg_stat_file(text, boolean)',
  'pg_catalog.pg_read_binary_file(text, bigint, bigint, boolean)',
];

/** Every statement a superuser runs once so `role` can use pg-catchup without superuser. */
export function grantStatements(role: string): string[] {
  const r = quoteIdent(role);
  return [
    `ALTER ROLE ${r} WITH LOGIN REPLICATION;`,
    `GRANT pg_read_all_settings TO ${r};`,
    ...REQUIRED_FUNCTIONS.map((f) => `GRANT EXECUTE ON FUNCTION ${f} TO ${r};`),
  ];
}

export async function checkPrivileges(client: Client): Promise<CheckResult> {
  const res = await client.query<{ role: string; superuser: boolean; replication: boolean; settings: boolean; fn: string; ok: boolean }>(`
    SELECT current_user AS role, r.rolsuper AS superuser, r.rolreplication AS replication,
           pg_has_role(current_user, 'pg_read_all_settings', 'USAGE') AS settings,
           f.fn, has_function_privilege(current_user, f.fn, 'EXECUTE') AS ok
      FROM pg_roles r, unnest($1::text[]) AS f(fn)
     WHERE r.rolname = current_user`, [REQUIRED_FUNCTIONS]);
  const first = res.rows[0];
  const base = { id: 'privileges', title: 'Privileges of the connecting role' };
  if (first.superuser) return { ...base, status: 'pass', detail: `${first.role} is a superuser` };
  const missing: string[] = [];
  const r = quoteIdent(first.role);
  if (!first.replication) missing.push(`ALTER ROLE ${r} WITH REPLICATION;`);
  if (!first.settings) missing.push(`GRANT pg_read_all_settings TO ${r};`);
  for (const row of res.rows) if (!row.ok) missing.push(`GRANT EXECUTE ON FUNCTION ${row.fn} TO ${r};`);
  if (missing.length === 0) return { ...base, status: 'pass', detail: `${first.role} has REPLICATION, pg_read_all_settings and EXECUTE on every function used` };
  return { ...base, status: 'fail', detail: `role ${first.role} lacks privileges pg-catchup needs`,
    fix: `As a superuser on the source, run: ${missing.join(' ')}` };
}
