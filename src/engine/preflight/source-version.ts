import type { Client } from 'pg';
import type { CheckResult } from './check';

export const SUPPORTED_MAJORS = [15, 16, 17, 18];

export interface SourceServerInfo {
  versionNum: number;
  major: number;
  versionText: string;
  inRecovery: boolean;
  /** pg_postmaster_start_time(): a later one after a lost connection means the source restarted. */
  postmasterStart: string;
}

export async function readServerInfo(client: Client): Promise<SourceServerInfo> {
  const res = await client.query<{ num: string; txt: string; rec: boolean; started: string }>(
    "SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS txt, pg_is_in_recovery() AS rec, pg_postmaster_start_time()::text AS started",
  );
  const r = res.rows[0];
  const versionNum = Number(r.num);
  return { versionNum, major: Math.floor(versionNum / 10000), versionText: r.txt, inRecovery: r.rec, postmasterStart: r.started };
}

export function checkSourceVersion(info: SourceServerInfo): CheckResult {
  const base = { id: 'source-version', title: 'Source server version' };
  if (!SUPPORTED_MAJORS.includes(info.major)) {
    return { ...base, status: 'fail', detail: `the source runs PostgreSQL ${info.versionText}, supported are ${SUPPORTED_MAJORS.join(', ')}`,
      fix: 'Use pg_basebackup of the same major version for this server.' };
  }
  return { ...base, status: 'pass', detail: `PostgreSQL ${info.versionText}, ${info.inRecovery ? 'standby (a backup from a standby, as pg_basebackup takes)' : 'primary'}` };
}
