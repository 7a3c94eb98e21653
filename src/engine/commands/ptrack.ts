import type { Report } from '../report/report';
import type { DeltaCatchupOptions } from './options';
import { syncExistingTarget } from './sync-existing-target';

/**
 * PTRACK: DELTA without scanning the source's data files: the changed blocks come from the
 * ptrack extension or, on PostgreSQL 17+, from WAL summaries covering R..backup start. On 17+ the
 * server's own incremental backup carries them (changes/incremental-backup.ts: UPLOAD_MANIFEST
 * and BASE_BACKUP INCREMENTAL, applied in place), with the SQL read of the summaries kept for
 * --change-source source=wal-summaries. A diverged target's own changes are still found on the
 * target (rule 4).
 */
export async function catchupPtrack(opts: DeltaCatchupOptions): Promise<Report> {
  return syncExistingTarget(opts, { mode: 'PTRACK', checkTrackingCoverage: true });
}
