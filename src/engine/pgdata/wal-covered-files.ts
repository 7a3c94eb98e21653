import { parseRelationPath } from './relation-path';

/**
 * Whether WAL replay on the target repairs a copy of this file taken while the source server
 * ran and wrote it. A backup session copies a running server's files: a file that changed
 * during its read is torn, shorter or longer than listed, and that is only harmless where
 * every change to it since the backup's start is in the WAL the target replays (what
 * pg_basebackup relies on: basebackup.c sends a file that shrinks padded and one that grows cut
 * at its listed size, for every file alike). Classes:
 * - relation files (base/, global/, tablespaces: every fork and segment): page writes are
 *   covered by full-page images after the backup's start, extensions and truncations by smgr
 *   and heap records;
 * - pg_filenode.map: rewritten only with a relmap WAL record, replayed whole;
 * - SLRUs pg_xact, pg_multixact, pg_commit_ts: pages zeroed, set and truncated by WAL records
 *   (pg_subtrans and pg_serial are not copied at all);
 * - pg_twophase/: a prepared transaction's state is in its PREPARE record; recovery rebuilds a
 *   file from WAL for every PREPARE after the redo point;
 * - pg_logical/mappings/: written with heap2 rewrite records.
 * Everything else is not covered: postgresql.conf, pg_hba.conf, pg_ident.conf,
 * postgresql.auto.conf (ALTER SYSTEM writes no WAL), PG_VERSION, pg_logical/snapshots and
 * replorigin_checkpoint, pg_stat/, current_logfiles, and any file a user keeps in PGDATA. A
 * copy of such a file taken while it changed stays wrong after replay, so it must be checked
 * after the copy and read again (source-copy.ts recheckFilesOutsideWal).
 */
export function coveredByWal(path: string): boolean {
  if (parseRelationPath(path) !== null) return true;
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === 'pg_filenode.map') return true;
  return WAL_COVERED_DIRS.some((dir) => path.startsWith(dir));
}

const WAL_COVERED_DIRS = ['pg_xact/', 'pg_multixact/', 'pg_commit_ts/', 'pg_twophase/', 'pg_logical/mappings/'];

/**
 * The server's own log files at the default places inside PGDATA (log_directory 'log', before
 * PostgreSQL 10 'pg_log', and current_logfiles): the logging collector appends to the current one
 * all the time, and nothing ever reads them back, so a copy cut at any point is as good as any
 * other. They are copied as read; rechecking them would fail every run on a busy server. A
 * log_directory inside PGDATA under another name is rechecked like any file (--exclude-path it).
 */
export function isServerLogFile(path: string): boolean {
  return path === 'current_logfiles' || path.startsWith('log/') || path.startsWith('pg_log/');
}
