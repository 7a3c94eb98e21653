import type { Client } from 'pg';
import { CatchupError } from '../errors';
import type { Source } from '../source/source';
import { formatLsn, Lsn } from '../wal/lsn';
import { ptrackAvailable } from './ptrack';
import { checkWalSummaries, listWalSummaries, planSummaryCoverage, readSummarizerState } from './wal-summaries';

/** Which tracker answers on this source: the ptrack extension where installed, else WAL summaries. */
export type Tracker = { kind: 'ptrack' } | { kind: 'wal-summaries' };

/** Change tracking cannot answer; `reason` says why without PTRACK's advice (DELTA just uses something else). */
export class TrackingUnavailable extends CatchupError {
  constructor(readonly reason: string, problem: string, fix: string) {
    super('ptrack-unavailable', problem, fix);
  }
}

/**
 * Before the first write: can change tracking answer for changes since R? The ptrack extension
 * must be tracking; WAL summaries must exist without a hole from R up to where the summarizer is
 * now (the rest, up to the backup start, is waited for later). Refuses with the reason and DELTA.
 */
export async function chooseTracker(source: Source, referenceLsn: Lsn): Promise<Tracker> {
  const control = trackingSession(source);
  const ptrack = await ptrackAvailable(control);
  if (ptrack.installed && !ptrack.reason) return { kind: 'ptrack' };
  const summariesUnavailable = await checkWalSummaries(control);
  if (summariesUnavailable) {
    const why = [summariesUnavailable, ptrack.reason].filter(Boolean).join('; and ');
    throw new TrackingUnavailable(why, `PTRACK needs change tracking on the source, and it has none: ${why}.`,
      source.info.major >= 17
        ? 'Use -b DELTA (it finds changed blocks by their page LSNs and needs no tracking), or turn on WAL summaries for later runs: ALTER SYSTEM SET summarize_wal = on; SELECT pg_reload_conf();'
        : 'Use -b DELTA: it finds changed blocks by their page LSNs and needs no change tracking.');
  }
  const state = await readSummarizerState(control);
  if (state.summarizedLsn > referenceLsn) {
    const coverage = planSummaryCoverage({
      history: source.history, currentTli: source.identity.timeline, fromLsn: referenceLsn, toLsn: state.summarizedLsn,
      available: await listWalSummaries(control),
    });
    if (coverage.gap) {
      throw new TrackingUnavailable(`the WAL summaries have a hole: ${coverage.gap}`,
        `The WAL summaries on the source do not cover every change since the reference LSN ${formatLsn(referenceLsn)}: ${coverage.gap}.`,
        'Use -b DELTA (it needs no tracking); raise wal_summary_keep_time on the source so later PTRACK runs find their summaries.');
    }
  }
  return { kind: 'wal-summaries' };
}

/** The SQL session tracking is asked through; a source that has none (a stopped directory) cannot track. */
function trackingSession(source: Source): Client {
  try {
    return source.sql('Change tracking');
  } catch (err) {
    if ((err as CatchupError).code !== 'source-not-running') throw err;
    throw new TrackingUnavailable('a stopped data directory has no change tracking to ask', 'PTRACK reads the change tracking of a running server, and the source is a stopped data directory.',
      'Use -b DELTA with --source-pgdata: it finds the changed blocks itself.');
  }
}
