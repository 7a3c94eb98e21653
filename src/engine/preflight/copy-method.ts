/**
 * How a server source's consistent copy is made, decided by what the connecting role may do
 * (preflight/privileges.ts):
 * - 'backup-session': a backup session (pg_backup_start/stop) and the WAL streamed over a
 *   replication connection from its start (source/server/backup-copy.ts): any target, any mode.
 * - 'files-only': pg_rewind's way with its documented minimal role (EXECUTE on pg_ls_dir,
 *   pg_stat_file and pg_read_binary_file only): files and the source's pg_wal segments read over
 *   SQL, and the target replays from the checkpoint at R (source/server/files-only-copy.ts).
 *   Only for an existing target whose R has a known checkpoint (DELTA, rewind).
 */
export type CopyMethod = 'backup-session' | 'files-only';

export interface CopyMethodDecision {
  method: CopyMethod;
  /** One line: why this method (which privileges the role has or lacks). */
  reason: string;
}
