import type { Report } from '../report/report';
import type { DeltaCatchupOptions } from './options';
import { syncExistingTarget } from './sync-existing-target';

/**
 * PTRACK: DELTA without scanning the source's data files: the changed blocks come from the
 * ptrack extension or, on PostgreSQL 17+, from WAL summaries covering R..backup start. A
 * diverged target's own changes are still found on the target (rule 4).
 */
export async function catchupPtrack(opts: DeltaCatchupOptions): Promise<Report> {
  return syncExistingTarget(opts, { mode: 'PTRACK', checkTrackingCoverage: true });
}
