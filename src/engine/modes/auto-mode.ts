import * as fs from 'fs';

export type RequestedMode = 'FULL' | 'DELTA' | 'PTRACK' | 'AUTO';

/**
 * AUTO: FULL for a target that is absent or empty, otherwise DELTA (it needs nothing from the
 * source; PTRACK is chosen only when asked for, since it refuses without change tracking).
 */
export function resolveMode(requested: RequestedMode, targetDir: string): { mode: 'FULL' | 'DELTA' | 'PTRACK'; why: string } {
  if (requested !== 'AUTO') return { mode: requested, why: `${requested} requested` };
  const empty = !fs.existsSync(targetDir) || (fs.statSync(targetDir).isDirectory() && fs.readdirSync(targetDir).length === 0);
  return empty ? { mode: 'FULL', why: 'AUTO: the target is absent or empty' } : { mode: 'DELTA', why: 'AUTO: the target holds a data directory' };
}
