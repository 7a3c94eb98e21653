import { tablespaceVersionDir } from '../pgdata/listing-relations';
import { targetWalChanges } from '../pgdata/target-wal-changes';
import type { LocalSource } from '../source/local-pgdata';
import type { SourceEntry } from '../source/file-listing';
import type { Lsn } from '../wal/lsn';
import { timelineOfLsn } from '../wal/timeline-history';
import { withWholeFiles } from './target-changes';

export type LocalSourceWalChanges =
  | { complete: true; changed: Map<string, number[]>; records: number; walBytes: number; endLsn: Lsn }
  | { complete: false; reason: string };

/**
 * The blocks a stopped source changed since R, from the block references of its own WAL from R
 * to its end: the same reading pg_rewind does of a target's WAL (target-wal-changes.ts), done on
 * the source's pg_wal. Relations and databases created after R count as wholly changed. Not
 * complete when the WAL from R is gone or holds a record that changes relations unreadably.
 */
export async function localSourceWalChanges(local: LocalSource, listing: SourceEntry[], R: Lsn, relsegSize: number, blockSize: number): Promise<LocalSourceWalChanges> {
  const c = local.control;
  const res = await targetWalChanges({
    pgdata: local.dir, fromLsn: R, timelineForLsn: (lsn) => timelineOfLsn(local.history, local.timeline, lsn),
    systemIdentifier: c.systemIdentifier, walSegmentSize: c.walSegmentSize, blockSize, relsegSize,
    tablespaceVersionDir: tablespaceVersionDir(listing, local.majorVersion), mustReach: local.walEnd,
  });
  if (!res.complete) return { complete: false, reason: res.reason };
  const files = listing.map((e) => ({ ...e, isSymlink: false }));
  return {
    complete: true, changed: withWholeFiles(res.changed, res.wholeFiles, res.wholeDirectories, files, blockSize),
    records: res.records, walBytes: res.walBytes, endLsn: res.endLsn,
  };
}
