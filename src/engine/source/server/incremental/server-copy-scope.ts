/**
 * Whether the code running now is planning inside the server's incremental backup. The
 * 'incremental-backup' change source names no block itself (the backup carries them): it may
 * answer so only when that backup is really what copies the run, never to a plain backup copy
 * that would then copy none of the source's changes.
 */
import { AsyncLocalStorage } from 'async_hooks';

const scope = new AsyncLocalStorage<true>();

export function planInsideIncrementalBackup<T>(plan: () => Promise<T>): Promise<T> {
  return scope.run(true, plan);
}

export function insideIncrementalBackup(): boolean {
  return scope.getStore() === true;
}
