import { insideIncrementalBackup } from '../source/server/incremental/server-copy-scope';
import type { Source } from '../source/source';
import { formatLsn } from '../wal/lsn';
import type { ChangeSource } from './change-source';
import { incrementalBackupEstimate } from './choice';
import { trackedChanges } from './tracked-changes';
import type { Tracker } from './tracker';

/** Why the server's incremental backup cannot carry this run's source changes, or null when it can. */
export function incrementalBackupUnavailable(ptrackOnly: boolean, source: Source, tracker: Tracker | null): string | null {
  if (!ptrackOnly) return 'used by PTRACK only';
  if (source.info.major < 17) return `PostgreSQL ${source.info.major} has no incremental BASE_BACKUP (17+)`;
  if (tracker?.kind !== 'wal-summaries') return tracker ? `the ${tracker.kind} extension answers instead` : 'the source has no WAL summaries covering R';
  if (source.copyMethod?.method !== 'backup-session') {
    return source.copyMethod ? "the role has no REPLICATION (files-only copy)" : 'the source is a stopped data directory';
  }
  return null;
}

/**
 * PTRACK on 17+: the server's own incremental backup (source/server/incremental/) finds and sends
 * the changed blocks, chosen from the same WAL summaries that 'wal-summaries' reads over SQL. Its
 * find() names no blocks: the backup carries them, and the plan only removes what the source no
 * longer has. The summaries' coverage from R was checked before the first write (chooseTracker);
 * the server waits for the rest up to its start, as for the SQL path.
 */
export function incrementalBackupChanges(ptrackOnly: boolean, source: Source, tracker: Tracker | null): ChangeSource<'incremental-backup'> {
  const unavailable = incrementalBackupUnavailable(ptrackOnly, source, tracker);
  if (unavailable) {
    return { candidate: { method: 'incremental-backup', estimate: null, unavailable }, find: async () => ({ incomplete: unavailable }) };
  }
  return {
    candidate: { method: 'incremental-backup', estimate: incrementalBackupEstimate() },
    find: async (q) => {
      if (q.dryRun) {
        // No backup runs: the same summaries, read over SQL, say what the server would send.
        const found = await trackedChanges('wal-summaries', source, tracker, null).find(q);
        if ('incomplete' in found) return found;
        return { changed: found.changed, record: { ...found.record, method: 'incremental-backup', detail: `estimated from ${found.record.detail} (the server's incremental backup sends these)` } };
      }
      if (!insideIncrementalBackup()) {
        // Never an empty answer to a copy that is not the server's incremental backup: it would miss every change.
        throw new Error('internal: the incremental-backup change source was asked by a copy other than the incremental backup');
      }
      q.logger.info(`source changes: BASE_BACKUP (INCREMENTAL) from R = ${formatLsn(q.referenceLsn)}: the server sends the blocks its WAL summaries name; 0 data files scanned`);
      return {
        changed: new Map(),
        record: {
          side: 'source', method: 'incremental-backup', filesScanned: 0, blocksFound: 0, bytesRead: 0,
          detail: `the server's incremental backup from ${formatLsn(q.referenceLsn)} (UPLOAD_MANIFEST, BASE_BACKUP INCREMENTAL)`, ...q.chosen,
        },
      };
    },
  };
}
