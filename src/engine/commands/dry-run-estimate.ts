import type { SourceSide } from '../changes/source-changes';
import { CatchupError } from '../errors';
import type { Logger } from '../log';
import { formatBytes } from '../report/format-bytes';
import type { Report } from '../report/report';
import type { Source } from '../source/source';
import { formatLsn, parseLsn } from '../wal/lsn';

/**
 * What a DELTA dry run's estimate can see. The real run starts a backup, and the backup start
 * checkpoints the source: every page changed up to then is on disk when the page scan reads
 * it. A dry run starts no backup, so a running source's pages changed since its last checkpoint
 * may still be only in its shared buffers, where no scan reads them. Either the dry run
 * checkpoints too (--dry-run-checkpoint: a backup start and stop, the real run's own way and
 * privileges), or the estimate says its bound: the WAL written since that checkpoint.
 */
export async function prepareDryRunSource(source: Source, side: SourceSide, checkpoint: boolean, logger: Logger): Promise<NonNullable<Report['dryRun']>> {
  if (source.pagesFinal !== null) {
    return { checkpointed: false, detail: `exact: ${source.pagesFinal}` };
  }
  if (side.choice.method !== 'page-scan') {
    return { checkpointed: false, detail: `the source's changes come from ${side.choice.method}, which does not read its pages from disk: no checkpoint is needed for the estimate` };
  }
  if (checkpoint) return checkpointSource(source, logger);
  return boundOfEstimate(source, logger);
}

async function checkpointSource(source: Source, logger: Logger): Promise<NonNullable<Report['dryRun']>> {
  const client = source.sql('--dry-run-checkpoint');
  let redo: string;
  try {
    const res = await client.query<{ lsn: string }>('SELECT pg_backup_start($1, true)::text AS lsn', ['pg-catchup dry run (checkpoint only)']);
    redo = res.rows[0].lsn;
    await client.query('SELECT pg_backup_stop(false)');
  } catch (err) {
    throw new CatchupError('dry-run-checkpoint',
      `--dry-run-checkpoint could not make the source checkpoint through a backup start: ${(err as Error).message}.`,
      'Grant the role what the real run needs (EXECUTE on pg_backup_start and pg_backup_stop: pg-catchup print-grants), or use --dry-run, whose estimate says what it cannot see.');
  }
  logger.info(`dry run: the source checkpointed (backup start at ${redo}, stopped at once), as the real run's backup start will: the page scan sees every change up to there`);
  return {
    checkpointed: true,
    detail: `the source checkpointed first (backup start at ${redo}, as the real run's does), so the page scan saw every page changed up to there; what changes after it is not estimated`,
  };
}

async function boundOfEstimate(source: Source, logger: Logger): Promise<NonNullable<Report['dryRun']>> {
  let from: string;
  let to: string;
  try {
    const res = await source.sql('the dry run estimate').query<{ redo: string; now: string }>(
      `SELECT redo_lsn::text AS redo,
              (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_insert_lsn() END)::text AS now
         FROM pg_control_checkpoint()`);
    from = res.rows[0].redo;
    to = res.rows[0].now;
  } catch (err) {
    const detail = `a lower bound: pages the source changed since its last checkpoint may not be on its disk yet, and how much WAL that is cannot be read (${(err as Error).message}); --dry-run-checkpoint checkpoints the source first, as the real run does`;
    logger.warn(`dry run estimate: ${detail}`);
    return { checkpointed: false, detail };
  }
  const bytes = Number(parseLsn(to) - parseLsn(from));
  const detail = `a lower bound: the page scan reads the source's disk, where pages changed by the ${formatBytes(bytes)} of WAL written since its last checkpoint ` +
    `(redo ${from} to ${to}) may not be yet; the real run checkpoints first and copies those too. --dry-run-checkpoint checkpoints the source first, as the real run does`;
  logger.warn(`dry run estimate: ${detail}`);
  return { checkpointed: false, detail, unseenWal: { fromLsn: formatLsn(parseLsn(from)), toLsn: formatLsn(parseLsn(to)), bytes } };
}
