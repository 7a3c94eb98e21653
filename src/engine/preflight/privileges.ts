import type { Client } from 'pg';
import { quoteIdent } from '../sql-quote';
import type { CheckResult } from './check';
import type { CopyMethodDecision } from './copy-method';

/** Reading the source's files: what pg_rewind's minimal role has, and all the files-only copy uses. */
export const FILE_FUNCTIONS = [
  'pg_catalog.pg_ls_dir(text, boolean, boolean)',
  'pg_catalog.pg_stat_file(text, boolean)',
  'pg_catalog.pg_read_binary_file(text, bigint, bigint, boolean)',
];

/** The backup session; with REPLICATION (the WAL stream) they make the backup-session copy. */
export const BACKUP_FUNCTIONS = [
  'pg_catalog.pg_backup_start(text, boolean)',
  'pg_catalog.pg_backup_stop(boolean)',
];

/** The functions the engine calls, with the exact signatures GRANT needs (design rule 10). */
export const REQUIRED_FUNCTIONS = [...BACKUP_FUNCTIONS, ...FILE_FUNCTIONS];

/**
 * Every statement a superuser runs once so `role` can use pg-catchup without superuser (every
 * mode, the backup-session copy). No pg_read_all_settings: every setting the checks read is
 * visible to any role on 15-18.
 */
export function grantStatements(role: string): string[] {
  const r = quoteIdent(role);
  return [
    `ALTER ROLE ${r} WITH LOGIN REPLICATION;`,
    ...REQUIRED_FUNCTIONS.map((f) => `GRANT EXECUTE ON FUNCTION ${f} TO ${r};`),
  ];
}

/** What the connecting role may do on the source. */
export interface RolePrivileges {
  role: string;
  superuser: boolean;
  replication: boolean;
  /** Functions of REQUIRED_FUNCTIONS it may not execute. */
  missingFunctions: string[];
}

export async function readRolePrivileges(client: Client): Promise<RolePrivileges> {
  const res = await client.query<{ role: string; superuser: boolean; replication: boolean; fn: string; ok: boolean }>(`
    SELECT current_user AS role, r.rolsuper AS superuser, r.rolreplication AS replication,
           f.fn, has_function_privilege(current_user, f.fn, 'EXECUTE') AS ok
      FROM pg_roles r, unnest($1::text[]) AS f(fn)
     WHERE r.rolname = current_user`, [REQUIRED_FUNCTIONS]);
  const first = res.rows[0];
  return {
    role: first.role, superuser: first.superuser, replication: first.replication,
    missingFunctions: first.superuser ? [] : res.rows.filter((row) => !row.ok).map((row) => row.fn),
  };
}

/**
 * The privilege check and the copy method it allows (null when the run must stop). With
 * REPLICATION and the backup functions: the backup session and WAL stream. With only the file
 * functions, where `filesOnlyAllowed` (an existing target: DELTA, rewind): pg_rewind's way, files
 * only. Anything less is refused with the grants for either.
 */
export function decidePrivileges(p: RolePrivileges, filesOnlyAllowed: boolean): { check: CheckResult; copyMethod: CopyMethodDecision | null } {
  const base = { id: 'privileges', title: 'Privileges of the connecting role' };
  const r = quoteIdent(p.role);
  const grant = (fns: string[]) => fns.map((f) => `GRANT EXECUTE ON FUNCTION ${f} TO ${r};`);
  if (p.superuser) {
    return { check: { ...base, status: 'pass', detail: `${p.role} is a superuser` }, copyMethod: { method: 'backup-session', reason: `${p.role} is a superuser` } };
  }
  const missingFiles = FILE_FUNCTIONS.filter((f) => p.missingFunctions.includes(f));
  const missingBackup = BACKUP_FUNCTIONS.filter((f) => p.missingFunctions.includes(f));
  const forSession = [...(p.replication ? [] : [`ALTER ROLE ${r} WITH REPLICATION;`]), ...grant(missingBackup)];
  if (missingFiles.length === 0 && forSession.length === 0) {
    const reason = `${p.role} has REPLICATION and EXECUTE on the backup and file functions`;
    return { check: { ...base, status: 'pass', detail: reason }, copyMethod: { method: 'backup-session', reason } };
  }
  if (missingFiles.length === 0 && filesOnlyAllowed) {
    const lacks = [...(p.replication ? [] : ['REPLICATION']), ...missingBackup.map((f) => `EXECUTE on ${f.replace('pg_catalog.', '')}`)].join(', ');
    const reason = `${p.role} has EXECUTE on the file functions but lacks ${lacks}: pg_rewind's way (files only), no backup session or WAL stream`;
    return { check: { ...base, status: 'pass', detail: reason }, copyMethod: { method: 'files-only', reason } };
  }
  const needed = [...forSession, ...grant(missingFiles)];
  const detail = missingFiles.length === 0
    ? `role ${p.role} lacks the privileges of a backup session and WAL stream, which this mode needs (only DELTA and rewind can do without them)`
    : `role ${p.role} lacks privileges pg-catchup needs`;
  const filesOnly = filesOnlyAllowed && missingFiles.length > 0 && forSession.length > 0
    ? ` Or, for pg_rewind's way (files only) without REPLICATION: ${grant(missingFiles).join(' ')}`
    : '';
  return { check: { ...base, status: 'fail', detail, fix: `As a superuser on the source, run: ${needed.join(' ')}${filesOnly}` }, copyMethod: null };
}

export async function checkPrivileges(client: Client, filesOnlyAllowed = false): Promise<{ check: CheckResult; copyMethod: CopyMethodDecision | null }> {
  return decidePrivileges(await readRolePrivileges(client), filesOnlyAllowed);
}
