/**
 * What a diverged target did after the fork, from its own WAL: the work a rewind throws away.
 * pg_rewind discards it without a word; an old primary's last commits after a failover are
 * exactly what a DBA needs to know about (and may want to replay by hand).
 *
 * Every record that starts at or after the fork point counts: transactions by their commit and
 * abort records (with the commit time), relations by their block references and storage
 * (create, truncate) records, databases by all of them.
 */

import path from 'path';
import { formatLsn, Lsn } from '../wal/lsn';
import { localWalDirSource } from '../wal/local-wal-source';
import { WalReader, WalReadError, WalRecordView } from '../wal/wal-reader';
import type { RelationFileKey } from '../pgdata/relation-path';
import {
  decodeSmgrCreate, decodeSmgrTruncate, decodeXactCompletion, isXactCompletionRecord, RM_SMGR_ID, rmgrInfo, WalRecordFormatError, XLOG_SMGR_CREATE, XLOG_SMGR_TRUNCATE,
} from '../wal/wal-record';

export interface DiscardedWork {
  fromLsn: Lsn;
  /** The end of the last record read: the end of the target's WAL when `complete`. */
  toLsn: Lsn;
  walBytes: number;
  records: number;
  committed: number;
  aborted: number;
  /** Commit times (µs since 2000-01-01 UTC, TimestampTz), null without commits. */
  firstCommitTime: bigint | null;
  lastCommitTime: bigint | null;
  /** Database OIDs written to (0: the shared catalogs), sorted. */
  databaseOids: number[];
  /** Relation files written to, sorted. */
  relations: RelationFileKey[];
  /** False when the WAL ended before the target's last position: there may be more. */
  complete: boolean;
  /** Why it is incomplete, or where the WAL ended. */
  detail: string;
}

/** Accumulates what the records from the fork point on did; pure, fed one record at a time. */
export class DiscardedWorkCollector {
  private records = 0;
  private committed = 0;
  private aborted = 0;
  private firstCommit: bigint | null = null;
  private lastCommit: bigint | null = null;
  private readonly databases = new Set<number>();
  private readonly relations = new Map<string, RelationFileKey>();
  // Per-record work stays allocation-free: records come in LSN order, so once one is past the
  // fork all are; the end is kept as the view's segment and offset; a run of block references
  // to one relation (the usual case) costs no key.
  private counting = false;
  private endSegStart: Lsn;
  private endOffset = 0;
  private lastRel = { spcOid: -1, dbOid: -1, relNumber: -1 };
  private problem: string | null = null;
  /** Where a shared scan found the end of the WAL; null until one has read it all. */
  sharedScanEnd: Lsn | null = null;

  constructor(readonly forkLsn: Lsn, private readonly pgMajor: number) {
    this.endSegStart = forkLsn;
  }

  /** Takes every record of a scan in order; the view is only valid during the call. */
  add(record: WalRecordView): void {
    if (!this.counting) {
      if (record.lsn < this.forkLsn) return;
      this.counting = true;
    }
    this.records++;
    this.endSegStart = record.endSegStart;
    this.endOffset = record.endOffset;
    const b = record.blocks;
    for (let i = 0; i < b.count; i++) this.touch(b.spcOid[i], b.dbOid[i], b.relNumber[i]);
    // A relation created or truncated without a page written yet has no block reference.
    if (record.rmid === RM_SMGR_ID) this.addSmgrRecord(record);
    if (!isXactCompletionRecord(record)) return;
    let xact;
    try {
      xact = decodeXactCompletion(record, record.mainData(), this.pgMajor);
    } catch (err) {
      // Never fails the scan it shares (the rewind's own): the count is just marked incomplete.
      if (!(err instanceof WalRecordFormatError)) throw err;
      this.problem ??= `the transaction record at ${formatLsn(record.lsn)} could not be decoded (${err.message})`;
      return;
    }
    if (xact.dbOid !== null) this.databases.add(xact.dbOid);
    if (xact.kind === 'abort') {
      this.aborted++;
      return;
    }
    this.committed++;
    if (this.firstCommit === null || xact.xactTime < this.firstCommit) this.firstCommit = xact.xactTime;
    if (this.lastCommit === null || xact.xactTime > this.lastCommit) this.lastCommit = xact.xactTime;
  }

  private touch(spcOid: number, dbOid: number, relNumber: number): void {
    const last = this.lastRel;
    if (last.relNumber === relNumber && last.dbOid === dbOid && last.spcOid === spcOid) return;
    const key = `${spcOid}/${dbOid}/${relNumber}`;
    let rel = this.relations.get(key);
    if (!rel) this.relations.set(key, (rel = { spcOid, dbOid, relNumber }));
    this.lastRel = rel;
    this.databases.add(dbOid);
  }

  private addSmgrRecord(record: WalRecordView): void {
    const info = rmgrInfo(record);
    try {
      const rel = info === XLOG_SMGR_CREATE ? decodeSmgrCreate(record.mainData()).rel
        : info === XLOG_SMGR_TRUNCATE ? decodeSmgrTruncate(record.mainData()).rel : null;
      if (rel) this.touch(rel.spcOid, rel.dbOid, rel.relNumber);
    } catch (err) {
      if (!(err instanceof WalRecordFormatError)) throw err;
      this.problem ??= `the storage record at ${formatLsn(record.lsn)} could not be decoded (${err.message})`;
    }
  }

  result(complete: boolean, detail: string): DiscardedWork {
    const relations = [...this.relations.values()].sort((a, b) => a.dbOid - b.dbOid || a.spcOid - b.spcOid || a.relNumber - b.relNumber);
    const toLsn = this.endSegStart + BigInt(this.endOffset);
    return {
      fromLsn: this.forkLsn, toLsn, walBytes: Number(toLsn - this.forkLsn), records: this.records,
      committed: this.committed, aborted: this.aborted, firstCommitTime: this.firstCommit, lastCommitTime: this.lastCommit,
      databaseOids: [...this.databases].sort((a, b) => a - b), relations,
      complete: complete && this.problem === null, detail: this.problem ?? detail,
    };
  }
}

export interface DiscardedWorkInput {
  pgdata: string;
  /** A record start at or before the fork (R): reading starts there, counting at the fork. */
  startLsn: Lsn;
  forkLsn: Lsn;
  /** The target's last position (checkpoint or minRecoveryPoint): its WAL reaches at least this far. */
  mustReach: Lsn;
  timelineForLsn: (lsn: Lsn) => number;
  systemIdentifier: bigint;
  walSegmentSize: number;
  pgMajor: number;
}

/**
 * What the target's WAL says was done after the fork: from the collector when a shared scan
 * (the rewind's own) read the WAL to its end, else read now from `startLsn`. Missing or torn WAL
 * gives an incomplete answer that says why, never an error.
 */
export async function readDiscardedWork(input: DiscardedWorkInput, shared?: DiscardedWorkCollector): Promise<DiscardedWork> {
  if (shared?.sharedScanEnd != null) return finish(shared, shared.sharedScanEnd, input.mustReach, '');
  const collector = new DiscardedWorkCollector(input.forkLsn, input.pgMajor);
  const reader = new WalReader(localWalDirSource(path.join(input.pgdata, 'pg_wal'), input.walSegmentSize), {
    timelineForLsn: input.timelineForLsn,
    systemIdentifier: input.systemIdentifier,
  });
  try {
    const end = await reader.scanForward(input.startLsn, (r) => collector.add(r), { readAhead: true });
    return finish(collector, end.lsn, input.mustReach, end.message);
  } catch (err) {
    if (err instanceof WalReadError) return collector.result(false, `the target's WAL could not be read: ${err.message}`);
    throw err;
  }
}

function finish(collector: DiscardedWorkCollector, endLsn: Lsn, mustReach: Lsn, why: string): DiscardedWork {
  if (endLsn < mustReach) {
    return collector.result(false, `the target's WAL ends at ${formatLsn(endLsn)}, before its last position ${formatLsn(mustReach)}${why ? ` (${why})` : ''}`);
  }
  return collector.result(true, `the target's WAL ends at ${formatLsn(endLsn)}`);
}
