import type { Report } from '../report/report';
import type { DeltaCatchupOptions } from './options';
import { syncExistingTarget } from './sync-existing-target';

/**
 * DELTA: bring an existing copy of the source up to date (design rules 4-8). A lagging copy
 * gets the blocks the source changed since R; a diverged one also gets back every block it
 * changed on its own branch. The target is never startable while inconsistent (rule 7).
 */
export async function catchupDelta(opts: DeltaCatchupOptions): Promise<Report> {
  return syncExistingTarget(opts, { mode: 'DELTA' });
}
