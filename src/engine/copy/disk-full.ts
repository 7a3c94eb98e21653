import fs from 'fs';
import { CatchupError } from '../errors';
import type { Plan } from '../plan/plan';
import type { TargetWriter } from './target-writer';

/**
 * A write that found the target's file system full, said with what was written, what is still
 * to come and what is free; the target is left marked (not startable), and a rerun resumes.
 */
export function diskFullError(err: unknown, writer: TargetWriter, plan: Plan | null): CatchupError | null {
  if ((err as NodeJS.ErrnoException)?.code !== 'ENOSPC') return null;
  const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
  let free = '?';
  try {
    const st = fs.statfsSync(writer.abs('.'));
    free = mb(st.bavail * st.bsize);
  } catch {
    // the message still names the rest
  }
  const planned = plan?.bytesToCopy ?? 0;
  return new CatchupError('disk-full',
    `The target's file system is full: ${mb(writer.bytesWritten)} of ${mb(planned)} written, ${mb(Math.max(0, planned - writer.bytesWritten))} still to write plus the WAL, ${free} free (${(err as Error).message}).`,
    'Free space on the target file system (or grow it), then run the same command again: the target is marked, PostgreSQL refuses to start it, and the rerun resumes.');
}
