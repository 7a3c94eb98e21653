import type { Client } from 'pg';
import type { CheckResult } from './check';

/** A standby replays WAL only at wal_level replica or logical. */
export async function checkWalLevel(client: Client): Promise<CheckResult> {
  const res = await client.query<{ v: string }>("SELECT current_setting('wal_level') AS v");
  const level = res.rows[0].v;
  const base = { id: 'wal-level', title: 'Source wal_level' };
  if (level === 'replica' || level === 'logical') return { ...base, status: 'pass', detail: `wal_level = ${level}` };
  return { ...base, status: 'fail', detail: `the source has wal_level = ${level}, too low to build a standby from`,
    fix: "Run ALTER SYSTEM SET wal_level = 'replica'; on the source and restart it." };
}
