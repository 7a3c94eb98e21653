import fs from 'fs';
import os from 'os';
import path from 'path';
import { CatchupError } from '../errors';
import { LOCK_FILE } from './catchup-marker';

export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

/**
 * One run per target: a lock file that appears whole or not at all (written aside, then
 * hard-linked into place, which fails if it exists), so a run started in the same instant never
 * reads a half-written lock and takes it for a dead one. A lock whose process is gone (a killed
 * run) is taken over, and the caller says so; a live one refuses with its PID and start time.
 */
export class TargetLock {
  /** The lock of a dead run that this one took over, if any. */
  tookOverFrom: LockInfo | null = null;

  private constructor(private readonly file: string) {}

  static acquire(targetDir: string): TargetLock {
    const file = path.join(targetDir, LOCK_FILE);
    const mine: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
    let tookOverFrom: LockInfo | null = null;
    for (let attempt = 0; attempt < 50; attempt++) {
      if (attempt > 0) sleepMs(10);
      if (linkNew(file, `${JSON.stringify(mine)}\n`)) {
        const lock = new TargetLock(file);
        lock.tookOverFrom = tookOverFrom;
        return lock;
      }
      const raw = readRaw(file);
      if (raw === null) continue; // released between our link and our read: try again
      const holder = parseLock(raw);
      if (!holder) {
        throw new CatchupError('target-locked', `The lock file ${file} is not one pg-catchup wrote (${JSON.stringify(raw.slice(0, 80))}).`,
          'If no pg-catchup run is working on this target, remove the file and rerun.');
      }
      if (isAlive(holder)) throw lockedError(holder, targetDir);
      // The holder died (a killed run): its marker, if any, is what this run resumes from.
      removeDeadLock(file, raw);
      tookOverFrom = holder;
    }
    throw new CatchupError('target-locked', `Could not take the lock ${file}: other runs keep taking it.`, 'Wait for them to finish.');
  }

  /** Read-only check for --dry-run, which must not write to the target. */
  static assertFree(targetDir: string): void {
    const raw = readRaw(path.join(targetDir, LOCK_FILE));
    const holder = raw === null ? null : parseLock(raw);
    if (holder && isAlive(holder)) throw lockedError(holder, targetDir);
  }

  release(): void {
    fs.rmSync(this.file, { force: true });
  }
}

/**
 * Removes the dead run's lock `deadRaw` if it is still there, as one step among runs racing to
 * take it over: a second lock file (the takeover guard) lets one of them at a time compare and
 * remove. Without it, two could both see the dead lock, one remove it and link its own, and the
 * other then remove that one. While the dead lock exists nobody can link a new one, so inside the
 * guard the comparison stays true until the removal.
 */
function removeDeadLock(file: string, deadRaw: string): void {
  const guard = `${file}.takeover`;
  if (!linkNew(guard, `${JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() })}\n`)) {
    // Another run is taking over; one that died inside the guard (very rare) must not block all others.
    const raw = readRaw(guard);
    const owner = raw === null ? null : parseLock(raw);
    if (owner && !isAlive(owner) && readRaw(guard) === raw) fs.rmSync(guard, { force: true });
    return;
  }
  try {
    if (readRaw(file) === deadRaw) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function lockedError(holder: LockInfo, targetDir: string): CatchupError {
  return new CatchupError('target-locked',
    `Another pg-catchup run (PID ${holder.pid} on ${holder.host}, started ${holder.startedAt}) is working on ${targetDir}.`,
    'Wait for it to finish; two runs on one target would corrupt it.');
}

/** Creates `file` with `content`, atomically; false if it exists. */
function linkNew(file: string, content: string): boolean {
  const tmp = `${file}.${process.pid}.${Date.now().toString(36)}`;
  fs.writeFileSync(tmp, content, { flag: 'wx', mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return false;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function readRaw(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    // No lock, or no directory to hold one (the target is missing or a file: refused elsewhere).
    if (['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) return null;
    throw err;
  }
}

function parseLock(raw: string): LockInfo | null {
  try {
    const v = JSON.parse(raw) as LockInfo;
    return Number.isInteger(v.pid) && typeof v.host === 'string' && typeof v.startedAt === 'string' ? v : null;
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

/** A notice for a lock taken over from a run that died, for the log and the report. */
export function takeOverNotice(lock: TargetLock, targetDir: string): string | null {
  const dead = lock.tookOverFrom;
  return dead ? `took over the lock of an earlier run on ${targetDir} (PID ${dead.pid} on ${dead.host}, started ${dead.startedAt}), which is no longer running` : null;
}
