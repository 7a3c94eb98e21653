import type { Logger } from '../log';
import type { TargetEntry } from '../pgdata/target-listing';
import type { SourceEntry } from '../plan/plan';
import type { Report } from '../report/report';
import type { Lsn } from '../wal/lsn';
import type { Candidate, Estimate } from './choice';

/**
 * Design rule 4 asks one question of each side: which blocks changed since the reference LSN R?
 * Each way of answering it is a ChangeSource: a page-LSN scan (page-lsn-scan.ts), WAL summaries
 * and ptrack (tracked-changes.ts), the block references of a WAL (source-wal.ts, and the target's
 * own in target-changes.ts), or none at all when the target replays the source's WAL from R
 * (wal-replay.ts). Each says what it would cost or why it cannot answer, before the first
 * write; choice.ts picks the cheapest; source-changes.ts and target-changes.ts run the pick.
 */
export interface ChangeSource<M extends string> {
  readonly candidate: Candidate<M>;
  /** The blocks changed since R, or why they could not all be accounted for (another method then runs). */
  find(query: ChangeQuery): Promise<FoundChanges | { incomplete: string }>;
}

/** What a change source is asked, once the copy knows its start. */
export interface ChangeQuery {
  sourceListing: SourceEntry[];
  /** Without pg_wal: the target's WAL is set aside before the stream starts. */
  targetListing: TargetEntry[];
  referenceLsn: Lsn;
  /** The copy's start LSN: changes up to here are covered (later ones by the WAL shipped). */
  startLsn: Lsn;
  logger: Logger;
  /** What the choice said of the method, for the report. */
  chosen: { estimate: Estimate; reason: string };
  /** A dry run: no copy follows, so a method whose copy finds the changes (incremental-backup) estimates them another way. */
  dryRun?: boolean;
}

export type ChangeRecord = NonNullable<Report['changeSources']>[number];

/** Changed blocks per main-fork file (relative path), and how they were found. */
export interface FoundChanges {
  changed: Map<string, number[]>;
  record: ChangeRecord;
}

/** Blocks in a changed-block map. */
export const countBlocks = (m: Map<string, number[]>) => [...m.values()].reduce((n, b) => n + b.length, 0);
