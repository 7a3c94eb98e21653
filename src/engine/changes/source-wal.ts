import { tablespaceVersionDir } from '../pgdata/listing-relations';
import type { Source } from '../source/source';
import { formatLsn, Lsn } from '../wal/lsn';
import { timelineOfLsn } from '../wal/timeline-history';
import { formatBytes } from '../report/format-bytes';
import type { ChangeSource } from './change-source';
import { countBlocks } from './change-source';
import { targetWalEstimate } from './choice';
import { targetWalChanges, withWholeFiles } from './wal-block-references';

/**
 * The source's changes from the block references of its own WAL from R to its end, read here as
 * pg_rewind reads a target's WAL: no data file is scanned. Only where that WAL is on this host (a
 * stopped source); relations and databases created after R count as wholly changed. Incomplete
 * when the WAL from R is gone or holds a record that changes relations unreadably.
 */
export function sourceWal(source: Source, R: Lsn): ChangeSource<'source-wal'> {
  const method = 'source-wal' as const;
  const wal = source.ownWal();
  if ('unavailable' in wal) return { candidate: { method, estimate: null, unavailable: wal.unavailable }, find: async () => ({ incomplete: wal.unavailable }) };
  return {
    candidate: { method, estimate: targetWalEstimate(Number(wal.end > R ? wal.end - R : 0n)) },
    find: async (q) => {
      const res = await targetWalChanges({
        pgdata: wal.dir, fromLsn: R, timelineForLsn: (lsn) => timelineOfLsn(wal.history, wal.timeline, lsn),
        systemIdentifier: wal.systemIdentifier, walSegmentSize: source.segSize, blockSize: source.blockSize, relsegSize: source.relsegSize,
        tablespaceVersionDir: tablespaceVersionDir(q.sourceListing, wal.majorVersion), mustReach: wal.end,
      });
      if (!res.complete) return { incomplete: res.reason };
      const files = q.sourceListing.map((e) => ({ ...e, isSymlink: false }));
      const changed = withWholeFiles(res.changed, res.wholeFiles, res.wholeDirectories, files, source.blockSize);
      const blocks = countBlocks(changed);
      q.logger.info(`source changes: ${res.records} records of the source's WAL from ${formatLsn(R)} (${formatBytes(res.walBytes)}) reference ${blocks} blocks; 0 data files scanned`);
      return {
        changed,
        record: {
          side: 'source', method, filesScanned: 0, blocksFound: blocks, bytesRead: res.walBytes, ...q.chosen,
          detail: `block references of the stopped source's WAL ${formatLsn(R)}..${formatLsn(res.endLsn)}`,
        },
      };
    },
  };
}
