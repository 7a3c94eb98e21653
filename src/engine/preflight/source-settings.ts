import type { Client } from 'pg';
import type { CheckResult } from './check';

interface Settings {
  full_page_writes: string;
  data_checksums: string;
  wal_log_hints: string;
  archive_mode: string;
  archive_command: string;
  archive_library: string | null;
  summarize_wal: string | null;
  ptrack: boolean;
}

/** Settings the checks below read, in one round trip; missing ones (older versions) are null. */
export async function readSourceSettings(client: Client): Promise<Settings> {
  const res = await client.query<Settings>(`
    SELECT current_setting('full_page_writes') AS full_page_writes,
           current_setting('data_checksums') AS data_checksums,
           current_setting('wal_log_hints') AS wal_log_hints,
           current_setting('archive_mode') AS archive_mode,
           current_setting('archive_command') AS archive_command,
           current_setting('archive_library', true) AS archive_library,
           current_setting('summarize_wal', true) AS summarize_wal,
           EXISTS (SELECT FROM pg_extension WHERE extname = 'ptrack') AS ptrack`);
  return res.rows[0];
}

/** Rule 3: a page torn by a concurrent write is repaired by the full-page image replay applies. */
export function checkFullPageWrites(s: Settings): CheckResult {
  const base = { id: 'full-page-writes', title: 'Source full_page_writes' };
  return s.full_page_writes === 'on'
    ? { ...base, status: 'pass', detail: 'full_page_writes = on' }
    : { ...base, status: 'fail', detail: 'the source has full_page_writes = off, so a page read while it is being written cannot be repaired by WAL replay',
        fix: 'On the source: ALTER SYSTEM SET full_page_writes = on; SELECT pg_reload_conf();' };
}

/** LSN-based increments miss hint-bit-only changes unless those are WAL-logged. */
export function checkSourceHintLogging(s: Settings): CheckResult {
  const base = { id: 'source-hint-logging', title: 'Source data checksums or wal_log_hints' };
  if (s.data_checksums === 'on') return { ...base, status: 'pass', detail: 'data checksums on' };
  if (s.wal_log_hints === 'on') return { ...base, status: 'pass', detail: 'wal_log_hints = on' };
  return { ...base, status: 'warn', detail: 'neither data checksums nor wal_log_hints is on: hint-bit changes are not WAL-logged, and a rewind of a copy of this cluster after a failover is impossible',
    fix: 'On the source: ALTER SYSTEM SET wal_log_hints = on; then restart it.' };
}

/** What PTRACK could use: WAL summaries (17+) or the ptrack extension. Information only. */
export function checkChangeTracking(s: Settings, major: number, modeIsPtrack: boolean): CheckResult {
  const base = { id: 'change-tracking', title: 'Change tracking for PTRACK (WAL summaries or ptrack)' };
  const found = s.ptrack ? 'the ptrack extension is installed' : s.summarize_wal === 'on' ? 'summarize_wal = on' : null;
  if (found) return { ...base, status: 'pass', detail: found };
  const why = major < 17 ? `PostgreSQL ${major} has no WAL summaries and ptrack is not installed` : 'summarize_wal is off and ptrack is not installed';
  return modeIsPtrack
    ? { ...base, status: 'fail', detail: why, fix: major >= 17 ? 'ALTER SYSTEM SET summarize_wal = on; SELECT pg_reload_conf(); or use DELTA.' : 'Use DELTA.' }
    : { ...base, status: 'skip', detail: `${why} (PTRACK not requested; DELTA does not need it)` };
}

export function checkArchiving(s: Settings): CheckResult {
  const base = { id: 'archiving', title: 'Source WAL archiving (information)' };
  if (s.archive_mode === 'off') return { ...base, status: 'pass', detail: 'archive_mode = off: the WAL the copy needs is streamed, not taken from an archive' };
  const how = s.archive_library ? `archive_library = ${s.archive_library}` : s.archive_command ? 'archive_command set' : 'no archive_command or archive_library';
  return { ...base, status: 'pass', detail: `archive_mode = ${s.archive_mode}, ${how}` };
}
