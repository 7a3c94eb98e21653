/**
 * Past the primary's WAL retention (issue 23): the case DELTA exists for. A standby fell behind, and
 * the primary has since removed the WAL at the standby's last checkpoint, so it can no longer
 * stream. The bench makes that state on purpose: no slot, wal_keep_size 0, and WAL switches with
 * checkpoints until the segment holding the stale copy's checkpoint redo is gone from pg_wal.
 */
import type { Cluster } from '../../test/support';

/**
 * Removes the WAL at `lsn` from the primary (the caller dropped its slots first). Returns the
 * segment that went, or throws when four switch-and-checkpoint rounds left it in place.
 * `keepWal` undoes the setting afterwards (later sections expect the harness's wal_keep_size).
 */
export async function recycleWalPast(primary: Cluster, lsn: string): Promise<{ segment: string; keepWal: () => Promise<void> }> {
  await primary.query('ALTER SYSTEM SET wal_keep_size = 0');
  await primary.query('SELECT pg_reload_conf()');
  const segment = await primary.scalar<string>('SELECT pg_walfile_name($1::pg_lsn)', [lsn]);
  const keepWal = async () => {
    await primary.query('ALTER SYSTEM RESET wal_keep_size');
    await primary.query('SELECT pg_reload_conf()');
  };
  for (let round = 0; round < 4; round++) {
    // A checkpoint removes (or recycles under a new name) the segments before the previous
    // checkpoint's redo: switching first moves the insert position off the segment at hand.
    await primary.query('SELECT pg_switch_wal()');
    await primary.query('CHECKPOINT');
    const left = await primary.scalar<string>('SELECT count(*)::text FROM pg_ls_waldir() WHERE name = $1', [segment]);
    if (left === '0') return { segment, keepWal };
  }
  await keepWal();
  throw new Error(`the primary still has WAL segment ${segment} after 4 switches and checkpoints: a slot or wal_keep_size keeps it (the past-retention DELTA step needs it gone)`);
}
