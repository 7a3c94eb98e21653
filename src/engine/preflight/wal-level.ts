import type { CheckResult } from './check';
import { Settings, viaControl } from './source-settings';

/** A standby replays WAL only at wal_level replica or logical. */
export function checkWalLevel(s: Pick<Settings, 'wal_level' | 'fromPgControl'>): CheckResult {
  const level = s.wal_level;
  const base = { id: 'wal-level', title: 'Source wal_level' };
  if (level === 'replica' || level === 'logical') return { ...base, status: 'pass', detail: `wal_level = ${level}${viaControl(s, 'wal_level')}` };
  return { ...base, status: 'fail', detail: `the source has wal_level = ${level}${viaControl(s, 'wal_level')}, too low to build a standby from`,
    fix: "Run ALTER SYSTEM SET wal_level = 'replica'; on the source and restart it." };
}
