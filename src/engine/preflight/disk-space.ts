import * as fs from 'fs';
import * as path from 'path';
import type { CheckResult } from './check';

/** Free space on the target's file system for what the plan copies plus the WAL it streams. */
export function checkDiskSpace(targetDir: string, bytesNeeded: number, what: string): CheckResult {
  const base = { id: 'disk-space', title: 'Free disk space on the target' };
  let dir = path.resolve(targetDir);
  while (!fs.existsSync(dir)) dir = path.dirname(dir);
  const st = fs.statfsSync(dir);
  const free = st.bavail * st.bsize;
  const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
  if (free >= bytesNeeded) return { ...base, status: 'pass', detail: `${mb(free)} free, ${mb(bytesNeeded)} needed (${what})` };
  return { ...base, status: 'fail', detail: `${mb(free)} free on the file system of ${dir}, ${mb(bytesNeeded)} needed (${what})`,
    fix: 'Free space on the target file system, or choose another target directory.' };
}
