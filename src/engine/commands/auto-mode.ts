import fs from 'fs';
import { readMarker } from '../pgdata/catchup-marker';
import { assertTargetOwnership } from './target-guard';

export type RequestedMode = 'FULL' | 'DELTA' | 'PTRACK' | 'AUTO';

/**
 * AUTO: FULL for a target that is absent or empty, or holds an interrupted FULL (which FULL
 * resumes), otherwise DELTA (it needs nothing from the source; PTRACK is chosen only when asked
 * for, since it refuses without change tracking).
 */
export function resolveMode(requested: RequestedMode, targetDir: string): { mode: 'FULL' | 'DELTA' | 'PTRACK'; why: string } {
  if (requested !== 'AUTO') return { mode: requested, why: `${requested} requested` };
  assertTargetOwnership(targetDir); // we could not look inside to choose
  const empty = !fs.existsSync(targetDir) || (fs.statSync(targetDir).isDirectory() && fs.readdirSync(targetDir).length === 0);
  if (empty) return { mode: 'FULL', why: 'AUTO: the target is absent or empty' };
  if (interruptedFull(targetDir)) return { mode: 'FULL', why: 'AUTO: the target holds an interrupted FULL, which FULL resumes' };
  return { mode: 'DELTA', why: 'AUTO: the target holds a data directory' };
}

function interruptedFull(targetDir: string): boolean {
  try {
    return readMarker(targetDir)?.mode === 'FULL';
  } catch {
    return false;
  }
}
