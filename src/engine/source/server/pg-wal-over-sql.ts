import { readRanges, RangeReader } from '../../copy/range-reader';
import type { Lsn } from '../../wal/lsn';
import { TimelineHistoryEntry, timelineOfLsn } from '../../wal/timeline-history';
import type { WalSegmentSource } from '../../wal/wal-reader';
import { segmentFileName, segmentStartLsn } from '../../wal/wal-segment';

/**
 * The source's pg_wal segment files read with pg_read_binary_file, for a role without
 * REPLICATION (pg_rewind reads them the same way). A segment asked for on an older timeline is
 * also looked for in the file of the timeline that holds its last byte: a segment with a switch
 * point is in the new timeline's file, which starts with a copy of the old one, and the old
 * timeline's own file is usually only a .partial on a promoted server. Null when neither is there
 * whole (removed or recycled).
 */
export function pgWalOverSql(reader: RangeReader, segSize: number, history: readonly TimelineHistoryEntry[], currentTli: number): WalSegmentSource {
  const names = (tli: number, segNo: bigint): string[] => {
    const last: Lsn = segmentStartLsn(segNo + 1n, segSize) - 1n;
    const holder = timelineOfLsn(history, currentTli, last);
    const all = [segmentFileName(tli, segNo, segSize), segmentFileName(holder, segNo, segSize)];
    return [...new Set(all)].map((n) => `pg_wal/${n}`);
  };
  return {
    segSize,
    async read(tli, segNo) {
      for (const path of names(tli, segNo)) {
        const seg = await readWholeSegment(reader, path, segSize);
        if (seg) return seg;
      }
      return null;
    },
    describe: (tli, segNo) => `the source's ${names(tli, segNo).join(' or ')} (read through pg_read_binary_file)`,
  };
}

/** One segment file, or null when the source has no whole file of that name. */
export async function readWholeSegment(reader: RangeReader, path: string, segSize: number): Promise<Buffer | null> {
  const out = Buffer.alloc(segSize);
  let got = 0;
  let vanished = false;
  await readRanges(reader, [{ path, offset: 0, length: segSize }], async (_i, offset, data) => {
    if (data === null) {
      vanished = true;
      return;
    }
    data.copy(out, offset);
    got += data.length;
  });
  return vanished || got !== segSize ? null : out;
}
