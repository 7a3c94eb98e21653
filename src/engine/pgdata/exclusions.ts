/**
 * What a copy of PGDATA leaves out (design rule 5), following pg_basebackup's lists in
 * src/backend/backup/basebackup.c (15-18) and the "Making a Base Backup" documentation.
 * Pure: works on a listing, so the same rules apply to the source and the target side.
 */

import { isDatabaseDirectory, parseRelationFileName } from './relation-path';

export interface ListingEntry {
  /** Relative to PGDATA, '/' separated, no leading './'. */
  path: string;
  isDir: boolean;
  size: number;
}

export type SkipReason =
  | 'wal' // pg_wal contents: the tool ships its own WAL from the backup start
  | 'directory-contents' // recreated or reset by the server at startup
  | 'excluded-file' // belongs to the running server or to another backup
  | 'temp-file' // pgsql_tmp*: removed at startup
  | 'relcache-init' // pg_internal.init*: rebuilt at startup
  | 'temp-relation' // t<backend>_<relfilenode>: removed at startup
  | 'unlogged-relation' // reset from its init fork at startup
  | 'macos-file'; // .DS_Store: Finder's, never PostgreSQL's

export interface SkippedEntry<T extends ListingEntry = ListingEntry> {
  entry: T;
  reason: SkipReason;
}

export interface Classification<T extends ListingEntry = ListingEntry> {
  keep: T[];
  skipped: SkippedEntry<T>[];
}

/** Top-level directories kept empty: the server recreates or resets what is inside. */
export const EXCLUDED_DIR_CONTENTS: readonly string[] = [
  'pg_stat_tmp',
  'pg_replslot', // slots of the source would hold WAL on the target forever
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_subtrans',
];

/** Directories under pg_wal that a backup recreates empty (summaries: 17+). */
export const KEPT_WAL_SUBDIRS: readonly string[] = ['pg_wal/archive_status', 'pg_wal/summaries'];

/** Files skipped by exact name in any directory, as basebackup.c does. */
export const EXCLUDED_FILE_NAMES: readonly string[] = [
  'postgresql.auto.conf.tmp',
  'current_logfiles.tmp',
  'backup_label', // the target gets the one pg_backup_stop returns
  'tablespace_map',
  'backup_manifest',
  'postmaster.pid',
  'postmaster.opts',
];

/**
 * macOS Finder's .DS_Store files: pg_rewind (filemap.c decide_file_action) neither copies nor
 * removes any path containing ".DS_Store", and pg_basebackup skips the name; so do we, on the
 * source side (never copied) and the target side (never removed: see planDelta).
 */
export function isMacOsFile(path: string): boolean {
  return path.includes('.DS_Store');
}

const RELCACHE_INIT_PREFIX = 'pg_internal.init'; // prefix: covers its pg_internal.init.<pid> temp files
const TEMP_FILE_PREFIX = 'pgsql_tmp';

function dirName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * Whether `path` lies inside a directory whose contents are excluded (the directory
 * itself is not): pg_wal and the EXCLUDED_DIR_CONTENTS list, at the top of PGDATA only,
 * as pg_rewind matches them. pg_wal/archive_status and pg_wal/summaries stay as directories.
 */
export function isExcludedDirContent(path: string): boolean {
  const slash = path.indexOf('/');
  if (slash < 0) return false;
  const top = path.slice(0, slash);
  if (top === 'pg_wal') return !KEPT_WAL_SUBDIRS.includes(path);
  return EXCLUDED_DIR_CONTENTS.includes(top);
}

/**
 * The reason to skip one path judged by its name and place alone (every rule except
 * unlogged relations, which need the rest of the directory). A name rule on a parent
 * directory covers everything below it.
 */
export function pathSkipReason(path: string, isDir: boolean): SkipReason | null {
  if (isExcludedDirContent(path)) {
    if (path.startsWith('pg_wal/')) return 'wal';
    return 'directory-contents';
  }
  if (isMacOsFile(path)) return 'macos-file';
  const parts = path.split('/');
  for (const name of parts) {
    if (EXCLUDED_FILE_NAMES.includes(name)) return 'excluded-file';
    if (name.startsWith(RELCACHE_INIT_PREFIX)) return 'relcache-init';
    if (name.startsWith(TEMP_FILE_PREFIX)) return 'temp-file';
  }
  const name = parts[parts.length - 1];
  if (!isDir && isDatabaseDirectory(dirName(path)) && parseRelationFileName(name)?.isTemp) {
    return 'temp-relation';
  }
  return null;
}

/** `<database dir>/<relfilenode>` of every relation that has an init fork: the unlogged ones. */
function unloggedRelationKeys(listing: readonly ListingEntry[]): Set<string> {
  const keys = new Set<string>();
  for (const entry of listing) {
    if (entry.isDir) continue;
    const dir = dirName(entry.path);
    const rel = parseRelationFileName(entry.path.slice(dir.length + 1));
    if (rel && !rel.isTemp && rel.fork === 'init' && isDatabaseDirectory(dir)) {
      keys.add(`${dir}/${rel.relfilenode}`);
    }
  }
  return keys;
}

function isUnloggedNonInitFork(entry: ListingEntry, unlogged: Set<string>): boolean {
  if (entry.isDir || unlogged.size === 0) return false;
  const dir = dirName(entry.path);
  const rel = parseRelationFileName(entry.path.slice(dir.length + 1));
  return rel !== null && !rel.isTemp && rel.fork !== 'init' && unlogged.has(`${dir}/${rel.relfilenode}`);
}

/**
 * Splits a full PGDATA listing into what to copy and what to skip, with the reason; the
 * order of the listing is kept. An unlogged relation (one with an `_init` fork in the
 * same database directory) keeps only its init fork: the server rebuilds the rest from it.
 */
export function classifyEntries<T extends ListingEntry>(listing: readonly T[]): Classification<T> {
  const unlogged = unloggedRelationKeys(listing);
  const keep: T[] = [];
  const skipped: SkippedEntry<T>[] = [];
  for (const entry of listing) {
    const reason =
      pathSkipReason(entry.path, entry.isDir) ??
      (isUnloggedNonInitFork(entry, unlogged) ? ('unlogged-relation' as const) : null);
    if (reason === null) keep.push(entry);
    else skipped.push({ entry, reason });
  }
  return { keep, skipped };
}
