import type { Client } from 'pg';
import { formatLsn, Lsn } from '../../wal/lsn';
import { TimelineHistoryEntry, timelineOfLsn } from '../../wal/timeline-history';
import { segmentFileName, segmentNoOf, segmentStartLsn } from '../../wal/wal-segment';

/** A complete WAL segment file in the source's pg_wal. */
export interface WalFile {
  path: string;
  segNo: bigint;
  tli: number;
}

/**
 * The segment files holding [from, to) on the source's history, as its pg_wal names them: a
 * segment holding a timeline switch is in the new timeline's file, which starts with a copy of
 * the old one (the file recovery reads too).
 */
export function walFilesBetween(from: Lsn, to: Lsn, history: readonly TimelineHistoryEntry[], currentTli: number, segSize: number): WalFile[] {
  const files: WalFile[] = [];
  for (let segNo = segmentNoOf(from, segSize); segmentStartLsn(segNo, segSize) < to; segNo++) {
    const lastByte = segmentStartLsn(segNo + 1n, segSize) - 1n;
    const tli = timelineOfLsn(history, currentTli, lastByte);
    files.push({ path: `pg_wal/${segmentFileName(tli, segNo, segSize)}`, segNo, tli });
  }
  return files;
}

/**
 * Why the source cannot provide these files whole, or null when it can. A check, not a
 * promise: a checkpoint may recycle them before they are read, which the copy then reports.
 */
export async function missingWalFiles(client: Client, files: WalFile[], segSize: number): Promise<string | null> {
  if (files.length === 0) return null;
  const res = await client.query<{ path: string; size: string | null }>(
    'SELECT p AS path, (pg_stat_file(p, true)).size AS size FROM unnest($1::text[]) AS p',
    [files.map((f) => f.path)],
  );
  return missingWalSaid(files, res.rows.filter((r) => r.size === null || Number(r.size) !== segSize).map((r) => r.path), segSize);
}

/** The files of `files` named in `missing`, said in one line; null when there are none. */
export function missingWalSaid(files: WalFile[], missing: string[], segSize: number): string | null {
  if (missing.length === 0) return null;
  const first = files.find((f) => f.path === missing[0])!;
  return `the source no longer has ${missing.length} of the ${files.length} WAL segment(s) from R (first: ${missing[0]}, from ${formatLsn(segmentStartLsn(first.segNo, segSize))})`;
}
