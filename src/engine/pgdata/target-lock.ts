import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CatchupError } from '../errors';
import { LOCK_FILE } from './catchup-marker';

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

/**
 * One run per target: a lock file created exclusively. A lock whose process is gone (killed
 * run) is taken over; a live one refuses with its PID and start time.
 */
export class TargetLock {
  private constructor(private readonly file: string) {}

  static acquire(targetDir: string): TargetLock {
    const file = path.join(targetDir, LOCK_FILE);
    const mine: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(file, `${JSON.stringify(mine)}\n`, { flag: 'wx', mode: 0o600 });
        return new TargetLock(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = readLock(file);
      if (holder && isAlive(holder)) {
        throw new CatchupError('target-locked',
          `Another pg-catchup run (PID ${holder.pid} on ${holder.host}, started ${holder.startedAt}) is working on ${targetDir}.`,
          'Wait for it to finish; two runs on one target would corrupt it.');
      }
      // The holder died (killed run): its marker, if any, is what a rerun resumes from.
      fs.rmSync(file, { force: true });
    }
    throw new CatchupError('target-locked', `Could not take the lock ${file}: another run took it first.`, 'Wait for that run to finish.');
  }

  /** Read-only check for --dry-run, which must not write to the target. */
  static assertFree(targetDir: string): void {
    const holder = readLock(path.join(targetDir, LOCK_FILE));
    if (holder && isAlive(holder)) {
      throw new CatchupError('target-locked',
        `Another pg-catchup run (PID ${holder.pid} on ${holder.host}, started ${holder.startedAt}) is working on ${targetDir}.`,
        'Wait for it to finish.');
    }
  }

  release(): void {
    fs.rmSync(this.file, { force: true });
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

function isAlive(lock: LockInfo): boolean {
  // A lock from another host (shared storage) cannot be checked: treat it as held.
  if (lock.host !== os.hostname()) return true;
  try {
    process.kill(lock.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
