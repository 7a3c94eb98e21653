import { Conninfo, formatConninfo } from '../source/conninfo';

/**
 * primary_conninfo for a standby of the source, as pg_basebackup -R writes it: the password
 * only when the user asked for it to be stored, otherwise the standby uses its .pgpass.
 */
export function primaryConninfo(keywords: Conninfo, storePassword: boolean): string {
  const kept: Conninfo = {};
  for (const key of ['user', 'passfile', 'host', 'hostaddr', 'port', 'sslmode', 'sslcert', 'sslkey', 'sslrootcert', 'application_name']) {
    if (keywords[key] !== undefined && !(key === 'application_name' && keywords[key] === 'pg-catchup')) kept[key] = keywords[key];
  }
  if (storePassword && keywords.password !== undefined) kept.password = keywords.password;
  return formatConninfo(kept);
}

/** The line appended to postgresql.auto.conf (a GUC string literal: quotes doubled). */
export function autoConfLines(conninfo: string): string {
  return `# Written by pg-catchup -R\nprimary_conninfo = '${conninfo.replace(/\\/g, '\\\\').replace(/'/g, "''")}'\n`;
}
