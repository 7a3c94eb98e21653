import fs from 'fs';
import path from 'path';
import type { Client } from 'pg';
import type { CheckResult } from './check';

/** What a FULL copies, roughly: the size of every database (tablespaces included). */
export async function readSourceDataBytes(client: Client): Promise<number> {
  const res = await client.query<{ bytes: string }>('SELECT sum(pg_database_size(oid))::text AS bytes FROM pg_database');
  return Number(res.rows[0].bytes);
}

/** Free space on the target's file system for what the plan copies plus the WAL it streams. */
export function checkDiskSpace(targetDir: string, bytesNeeded: number, what: string): CheckResult {
  const base = { id: 'disk-space', title: 'Free disk space on the target' };
  let dir = path.resolve(targetDir);
  while (!fs.existsSync(dir)) dir = path.dirname(dir);
  const st = fs.statfsSync(dir);
  const free = st.bavail * st.bsize;
  const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
  if (free >= bytesNeeded) return { ...base, status: 'pass', detail: `${mb(free)} free, ${mb(bytesNeeded)} needed (${what})` };
  return { ...base, status: 'fail', detail: `${mb(free)} free on the file system of ${dir}, ${mb(bytesNeeded)} needed (${what})`,
    fix: 'Free space on the target file system, or choose another target directory.' };
}
