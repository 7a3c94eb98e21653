import type { Client } from 'pg';
import type { CheckResult } from './check';

export interface Settings {
  wal_level: string;
  full_page_writes: string;
  data_checksums: string;
  wal_log_hints: string;
  archive_mode: string;
  archive_command: string;
  archive_library: string | null;
  summarize_wal: string | null;
  ptrack: boolean;
  /** Settings the role could not see, read from the source's pg_control instead (its values as of the last checkpoint). */
  fromPgControl: string[];
}

const SETTING_NAMES = ['wal_level', 'full_page_writes', 'data_checksums', 'wal_log_hints', 'archive_mode', 'archive_command', 'archive_library', 'summarize_wal'];

/** What pg_control says of the settings the checks need (pg_rewind's own source of them). */
export interface ControlSettings {
  walLevelName: string;
  fullPageWrites: boolean;
  dataChecksums: boolean;
  walLogHints: boolean;
}

/**
 * Settings the checks below read, in one round trip; missing ones (older versions) are null.
 * Read through pg_settings, which hides what the role may not see instead of failing: on 15-18
 * every one of these is visible to any role (only the likes of data_directory need
 * pg_read_all_settings), but should one be hidden, what pg_control records stands in (read with
 * pg_read_binary_file, which every role that can copy has), and the check says so.
 */
export async function readSourceSettings(client: Client, readControl: () => Promise<ControlSettings>): Promise<Settings> {
  const res = await client.query<{ name: string; setting: string; ptrack: boolean }>(
    `SELECT s.name, s.setting, EXISTS (SELECT FROM pg_extension WHERE extname = 'ptrack') AS ptrack
       FROM (SELECT NULL::text AS name, NULL::text AS setting UNION ALL SELECT name, setting FROM pg_settings WHERE name = ANY($1)) s`,
    [SETTING_NAMES],
  );
  const seen = new Map(res.rows.filter((r) => r.name !== null).map((r) => [r.name, r.setting]));
  return settingsFrom(seen, res.rows[0].ptrack, readControl);
}

/** The settings from what pg_settings showed the role, pg_control standing in for what it hid (pure but for `readControl`). */
export async function settingsFrom(seen: ReadonlyMap<string, string>, ptrack: boolean, readControl: () => Promise<ControlSettings>): Promise<Settings> {
  const get = (n: string) => seen.get(n) ?? null;
  const fromPgControl: string[] = [];
  let control: ControlSettings | null = null;
  const fallback = async (n: string, pick: (c: ControlSettings) => string): Promise<string> => {
    const v = get(n);
    if (v !== null) return v;
    fromPgControl.push(n);
    control ??= await readControl();
    return pick(control);
  };
  const onOff = (b: boolean) => (b ? 'on' : 'off');
  return {
    wal_level: await fallback('wal_level', (c) => c.walLevelName),
    full_page_writes: await fallback('full_page_writes', (c) => onOff(c.fullPageWrites)),
    data_checksums: await fallback('data_checksums', (c) => onOff(c.dataChecksums)),
    wal_log_hints: await fallback('wal_log_hints', (c) => onOff(c.walLogHints)),
    archive_mode: get('archive_mode') ?? 'unknown',
    archive_command: get('archive_command') ?? '',
    archive_library: get('archive_library'),
    summarize_wal: get('summarize_wal'),
    ptrack,
    fromPgControl,
  };
}

/** Rule 3: a page torn by a concurrent write is repaired by the full-page image replay applies. */
export function checkFullPageWrites(s: Settings): CheckResult {
  const base = { id: 'full-page-writes', title: 'Source full_page_writes' };
  return s.full_page_writes === 'on'
    ? { ...base, status: 'pass', detail: `full_page_writes = on${viaControl(s, 'full_page_writes')}` }
    : { ...base, status: 'fail', detail: 'the source has full_page_writes = off, so a page read while it is being written cannot be repaired by WAL replay',
        fix: 'On the source: ALTER SYSTEM SET full_page_writes = on; SELECT pg_reload_conf();' };
}

/** LSN-based increments miss hint-bit-only changes unless those are WAL-logged. */
export function checkSourceHintLogging(s: Settings): CheckResult {
  const base = { id: 'source-hint-logging', title: 'Source data checksums or wal_log_hints' };
  if (s.data_checksums === 'on') return { ...base, status: 'pass', detail: `data checksums on${viaControl(s, 'data_checksums')}` };
  if (s.wal_log_hints === 'on') return { ...base, status: 'pass', detail: `wal_log_hints = on${viaControl(s, 'wal_log_hints')}` };
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

/** Where a setting the role could not see came from, for a check's detail. */
export function viaControl(s: Pick<Settings, 'fromPgControl'>, name: string): string {
  return s.fromPgControl.includes(name) ? " (from the source's pg_control: the role cannot see the setting)" : '';
}

export function checkArchiving(s: Settings): CheckResult {
  const base = { id: 'archiving', title: 'Source WAL archiving (information)' };
  if (s.archive_mode === 'unknown') return { ...base, status: 'skip', detail: 'the role cannot see archive_mode' };
  if (s.archive_mode === 'off') return { ...base, status: 'pass', detail: 'archive_mode = off: the WAL the copy needs is streamed, not taken from an archive' };
  const how = s.archive_library ? `archive_library = ${s.archive_library}` : s.archive_command ? 'archive_command set' : 'no archive_command or archive_library';
  return { ...base, status: 'pass', detail: `archive_mode = ${s.archive_mode}, ${how}` };
}
