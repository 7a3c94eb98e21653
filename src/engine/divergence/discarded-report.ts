import type { Logger } from '../log';
import { DiscardedWork, DiscardedWorkCollector, readDiscardedWork } from './discarded-work';
import type { TargetState } from '../pgdata/target-state';
import { readPgWalHistory } from '../pgdata/pg-wal-history';
import type { Report } from '../report/report';
import { relationFileKey, RelationFileNames } from '../source/server/relation-names';
import { formatLsn, parseLsn } from '../wal/lsn';
import { timelineOfLsn } from '../wal/timeline-history';
import type { ReferenceDecision } from './reference-decision';
import { formatBytes } from '../report/format-bytes';
import type { Source } from '../source/source';

export type DiscardedReport = NonNullable<Report['discarded']>;

/** Relations listed one by one in the report; the total is always given. */
const MAX_LISTED_RELATIONS = 200;

/** A collector for the fork's records when the target diverged at a known LSN, else null. */
export function discardedWorkCollector(target: TargetState, decision: ReferenceDecision): DiscardedWorkCollector | null {
  const fork = decision.divergence.forkLsn;
  return decision.divergence.diverged && fork && !target.marker ? new DiscardedWorkCollector(parseLsn(fork), target.majorVersion) : null;
}

/**
 * What syncing a diverged target throws away (its WAL after the fork), named with the source's
 * catalogs, logged as a warning and returned for the report. Null for a target on the source's history.
 */
export async function reportDiscardedWork(
  target: TargetState, decision: ReferenceDecision, source: Source, shared: DiscardedWorkCollector | null, dryRun: boolean, logger: Logger,
): Promise<DiscardedReport | null> {
  if (!decision.divergence.diverged) return null;
  if (target.marker) {
    return { available: false, detail: "an interrupted run had already set the target's WAL aside; its report and log said what the target's branch held" };
  }
  if (!shared) {
    return { available: false, detail: `the fork point on timeline ${decision.divergence.forkTimeline} is not known exactly (${decision.divergence.detail}), so the target's own work cannot be told from what it shares with the source` };
  }
  const history = readPgWalHistory(target.dir, decision.position.tli) ?? [];
  const work = await readDiscardedWork({
    pgdata: target.dir, startLsn: decision.referenceLsn, forkLsn: shared.forkLsn, mustReach: decision.position.lsn,
    timelineForLsn: (lsn) => timelineOfLsn(history, decision.position.tli, lsn),
    systemIdentifier: target.control.systemIdentifier, walSegmentSize: target.control.walSegmentSize, pgMajor: target.majorVersion,
  }, shared);
  const names = await source.nameRelations(work.relations, work.databaseOids)
    .catch((err: Error): RelationFileNames => ({ databases: new Map(), relations: new Map(), notes: [`names could not be looked up: ${err.message}`] }));
  const report = toReport(work, names);
  logger.warn(describeDiscarded(report, dryRun));
  return report;
}

function toReport(work: DiscardedWork, names: RelationFileNames): DiscardedReport {
  const dbName = (oid: number) => (oid === 0 ? '(shared catalogs)' : names.databases.get(oid) ?? null);
  return {
    available: true,
    complete: work.complete,
    detail: [work.detail, ...names.notes].join('; '),
    fromLsn: formatLsn(work.fromLsn),
    toLsn: formatLsn(work.toLsn),
    walBytes: work.walBytes,
    records: work.records,
    committedTransactions: work.committed,
    abortedTransactions: work.aborted,
    firstCommitAt: timestampTzToIso(work.firstCommitTime),
    lastCommitAt: timestampTzToIso(work.lastCommitTime),
    databases: work.databaseOids.map((oid) => ({ oid, name: dbName(oid) })),
    relations: userRelationsFirst(work.relations.map((r) => ({
      databaseOid: r.dbOid, tablespaceOid: r.spcOid, relfilenode: r.relNumber, database: dbName(r.dbOid), name: names.relations.get(relationFileKey(r)) ?? null,
    }))).slice(0, MAX_LISTED_RELATIONS),
    relationsTotal: work.relations.length,
  };
}

/** TimestampTz (µs since 2000-01-01 UTC) as ISO 8601. */
export function timestampTzToIso(t: bigint | null): string | null {
  if (t === null) return null;
  return new Date(946_684_800_000 + Number(t / 1000n)).toISOString();
}

/** One log line: what is lost, in the words a DBA looks for. */
export function describeDiscarded(d: DiscardedReport, dryRun: boolean): string {
  if (!d.available) return `what the target's branch held is not known: ${d.detail}`;
  d = { ...d, relations: userRelationsFirst(d.relations ?? []) };
  const verb = dryRun ? 'would discard' : 'discards';
  const commits = d.committedTransactions === 0 ? 'no committed transactions'
    : `${d.committedTransactions} committed transaction${d.committedTransactions === 1 ? '' : 's'} (${d.firstCommitAt} .. ${d.lastCommitAt})`;
  const dbs = d.databases!.map((x) => x.name ?? `oid ${x.oid}`).join(', ') || 'none';
  const named = d.relations!.map((r) => r.name ?? `relfilenode ${r.relfilenode}`);
  const rels = named.length > 8 ? `${named.slice(0, 8).join(', ')} and ${d.relationsTotal! - 8} more` : named.join(', ') || 'none';
  return `this run ${verb} the target's work after the fork: ${commits}, ${d.abortedTransactions} aborted; WAL ${d.fromLsn}..${d.toLsn} (${formatBytes(d.walBytes!)}); ` +
    `databases: ${dbs}; relations: ${rels}${d.complete ? '' : ` (incomplete: ${d.detail})`}`;
}

type DiscardedRelation = NonNullable<DiscardedReport['relations']>[number];

/** The first OID (and relfilenode) of objects made after initdb (FirstNormalObjectId). */
const FIRST_NORMAL_OBJECT_ID = 16384;

/** A system catalog (or its TOAST or index), by schema, or by its relfilenode when it has no name. */
export function isSystemRelation(r: DiscardedRelation): boolean {
  if (r.databaseOid === 0) return true; // the shared catalogs (pg_database, pg_authid, ...)
  if (r.name) return /^(pg_catalog|pg_toast|information_schema)\./.test(r.name);
  return r.relfilenode < FIRST_NORMAL_OBJECT_ID;
}

/** The user's tables first, then the system catalogs: what a DBA looks for comes first. Stable otherwise. */
export function userRelationsFirst(relations: DiscardedRelation[]): DiscardedRelation[] {
  return [...relations.filter((r) => !isSystemRelation(r)), ...relations.filter(isSystemRelation)];
}
