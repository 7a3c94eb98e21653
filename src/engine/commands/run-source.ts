import { CatchupError } from '../errors';
import { newReport, Report } from '../report/report';
import type { LocatedSource } from '../source/open-source';
import { explainSourceLoss } from '../source/server/connection-loss';
import type { Source } from '../source/source';

/** What every command does with its source besides reading it: name it, size its readers, explain losing it. */

/** A run's report, naming its source (and the stopped directory, for --source-pgdata). */
export function newSourceReport(mode: Report['mode'], located: LocatedSource, targetDir: string, threads: number): Report {
  const report = newReport(mode, located.display, targetDir, threads);
  if (located.location.pgdata) report.source.pgdata = located.location.pgdata;
  return report;
}

/** A lost connection to a server source explained in one line (a stopped directory has none to lose). */
export async function explainLostSource(err: unknown, located: LocatedSource, source: Source | undefined): Promise<CatchupError | null> {
  if (source) return source.explainLoss(err);
  const conn = located.location.conn;
  return conn ? explainSourceLoss(err, conn, null) : null;
}

export function assertThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
    throw new CatchupError('bad-threads', `-j/--threads must be a whole number from 1 to 64, not ${threads}.`, 'Pass e.g. -j 2.');
  }
}

/** What the report says of the source once it is open. */
export function recordSource(report: Report, source: Source): void {
  report.source.serverVersion = source.info.versionText;
  report.connection = source.connectionReport();
  report.source.systemIdentifier = source.identity.systemIdentifier;
  report.source.timeline = source.identity.timeline;
  if (source.copyMethod) report.copyMethod = { ...source.copyMethod };
}
