import * as path from 'path';
import { formatLsn, Lsn } from '../wal/lsn';
import { localWalDirSource } from '../wal/local-wal-source';
import type { TargetState } from '../pgdata/target-state';
import { WalReader, WalReadError } from '../wal/wal-reader';
import { XLOG_BLCKSZ } from '../wal/wal-page';
import type { Source } from '../source/source';

export type SameTimelineVerdict =
  | { kind: 'same'; detail: string }
  | { kind: 'different'; detail: string }
  | { kind: 'unverifiable'; detail: string };

// A checkpoint record is ~120 bytes; two pages cover it with its page header, wherever it starts.
const FETCH_BYTES = 2n * BigInt(XLOG_BLCKSZ);

/**
 * Checks one checkpoint record of the target against the source's WAL. A standby started without standby.signal keeps its timeline and writes WAL of its own: the
 * histories cannot tell. Its last checkpoint record must exist, byte for byte, at the same LSN
 * in the source's WAL; otherwise the target wrote WAL the source never had.
 */
export async function verifyCheckpointOnSource(target: TargetState, source: Source, tli: number, switchpoint: Lsn | null, lsn: Lsn): Promise<SameTimelineVerdict> {
  const segSize = target.control.walSegmentSize;
  let mine: Buffer;
  try {
    const reader = new WalReader(localWalDirSource(path.join(target.dir, 'pg_wal'), segSize), { timeline: tli, systemIdentifier: target.control.systemIdentifier });
    mine = (await reader.readRecordAt(lsn)).raw;
  } catch (err) {
    return { kind: 'unverifiable', detail: `the target's own WAL no longer has its checkpoint record at ${formatLsn(lsn)} (${(err as Error).message})` };
  }
  const from = lsn - (lsn % BigInt(XLOG_BLCKSZ));
  let to = from + FETCH_BYTES;
  if (switchpoint !== null && to > switchpoint) to = switchpoint;
  if (to > source.identity.walPosition && tli === source.identity.timeline) to = source.identity.walPosition;
  if (to <= lsn) return { kind: 'different', detail: `the source's WAL on timeline ${tli} ends at ${formatLsn(to)}, before the target's checkpoint at ${formatLsn(lsn)}` };
  const gone = { kind: 'unverifiable' as const, detail: `${source.walHolder} no longer has the WAL at ${formatLsn(lsn)} on timeline ${tli} (removed or recycled)` };
  const wal = await source.walAt(tli, from, to);
  if (!wal) return gone;
  let theirs: Buffer;
  try {
    theirs = (await new WalReader(wal, { timeline: tli }).readRecordAt(lsn)).raw;
  } catch (err) {
    // A missing segment is WAL the source no longer has, not a different record.
    if (err instanceof WalReadError && err.kind === 'segment-missing') return gone;
    return { kind: 'different', detail: `the source's WAL has no valid record at ${formatLsn(lsn)} (${(err as Error).message})` };
  }
  return mine.equals(theirs)
    ? { kind: 'same', detail: `the target's checkpoint record at ${formatLsn(lsn)} is identical in the source's WAL` }
    : { kind: 'different', detail: `the target's checkpoint record at ${formatLsn(lsn)} differs from the source's record at that LSN: the target wrote WAL of its own on timeline ${tli}` };
}
