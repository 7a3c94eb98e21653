import { CatchupError, errorMessage } from '../errors';

/**
 * A target the run may not write (a read-only file system, modes or ownership that forbid it),
 * in one line with the way out, instead of a bare EROFS or EACCES; null for anything else.
 */
export function targetWriteError(err: unknown, targetDir: string): CatchupError | null {
  if (err instanceof CatchupError) return null;
  const code = (err as { code?: string })?.code;
  const msg = errorMessage(err);
  if (code === 'EROFS') {
    return new CatchupError('target-read-only', `The target ${targetDir} is on a read-only file system (${msg}).`,
      'Remount it read-write or choose another target; if it turned read-only during the run (a file system error), check the disk, then run the same command again.');
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new CatchupError('target-not-writable', `pg-catchup may not write into the target ${targetDir} (${msg}).`,
      'Run pg-catchup as the PostgreSQL OS user that owns the target, or as root; PGDATA must be mode 0700 or 0750 and owned by that user.');
  }
  return null;
}
