import * as fs from 'fs';

export type RequestedMode = 'FULL' | 'DELTA' | 'PTRACK' | 'AUTO';

/**
 * AUTO: FULL for a target that is absent or empty, otherwise an incremental sync. (PTRACK is
 * not available yet, so AUTO's incremental choice is DELTA.)
 */
export function resolveMode(requested: RequestedMode, targetDir: string): { mode: 'FULL' | 'DELTA'; why: string } {
  if (requested === 'FULL' || requested === 'DELTA') return { mode: requested, why: `${requested} requested` };
  if (requested === 'PTRACK') return { mode: 'DELTA', why: 'PTRACK is not available in this version' };
  const empty = !fs.existsSync(targetDir) || (fs.statSync(targetDir).isDirectory() && fs.readdirSync(targetDir).length === 0);
  return empty ? { mode: 'FULL', why: 'AUTO: the target is absent or empty' } : { mode: 'DELTA', why: 'AUTO: the target holds a data directory' };
}
