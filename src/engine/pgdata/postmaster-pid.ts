import fs from 'fs';
import path from 'path';

export interface LivePostmaster {
  pid: number;
}

/**
 * Whether a postmaster is running on a data directory, as pg_ctl decides it: postmaster.pid
 * names a PID that is alive. A leftover file from a crash names a dead PID.
 */
export function livePostmaster(dataDir: string): LivePostmaster | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return { pid };
  } catch (err) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? { pid } : null;
  }
}
