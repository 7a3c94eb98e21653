import path from 'path';
import { formatLsn, Lsn } from '../wal/lsn';
import { localWalDirSource } from '../wal/local-wal-source';
import type { TargetState } from '../pgdata/target-state';
import { WalReader, WalReadError, WalSegmentSource } from '../wal/wal-reader';
import { XLOG_BLCKSZ } from '../wal/wal-page';
import type { Source } from '../source/source';
import type { ArchiveProof, ArchiveWal } from './archive-wal';

/** Where the source's copy of the record came from. */
export type RecordProof = "the source's WAL" | ArchiveProof;

export type SameTimelineVerdict =
  | { kind: 'same'; detail: string; proof: RecordProof }
  | { kind: 'different'; detail: string }
  | { kind: 'unverifiable'; detail: string };

// A checkpoint record is ~120 bytes; two pages cover it with its page header, wherever it starts.
const FETCH_BYTES = 2n * BigInt(XLOG_BLCKSZ);

/** The source's archive, opened on first use (or why there is none). */
export type ArchiveAccess = () => Promise<ArchiveWal | { unavailable: string }>;

/**
 * Checks one checkpoint record of the target against the source's WAL. A standby started without standby.signal keeps its timeline and writes WAL of its own: the
 * histories cannot tell. Its last checkpoint record must exist, byte for byte, at the same LSN
 * in the source's WAL; otherwise the target wrote WAL the source never had. When the source no
 * longer has that WAL, `archive` (the source's WAL archive) may still show it.
 */
export async function verifyCheckpointOnSource(
  target: TargetState, source: Source, tli: number, switchpoint: Lsn | null, lsn: Lsn, archive?: ArchiveAccess,
): Promise<SameTimelineVerdict> {
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
  const goneDetail = `${source.walHolder} no longer has the WAL at ${formatLsn(lsn)} on timeline ${tli} (removed or recycled)`;
  const wal = await source.walAt(tli, from, to);
  const fromSource = wal ? await recordFrom(wal, tli, lsn, target.control.systemIdentifier) : { gone: true as const };
  if ('raw' in fromSource) return compare(mine, fromSource.raw, lsn, tli, "the source's WAL");
  if ('invalid' in fromSource) return { kind: 'different', detail: `the source's WAL has no valid record at ${formatLsn(lsn)} (${fromSource.invalid})` };
  // The source no longer has it: the archive it fills may (a standby that fell behind).
  if (!archive) return { kind: 'unverifiable', detail: goneDetail };
  const opened = await archive();
  if ('unavailable' in opened) return { kind: 'unverifiable', detail: `${goneDetail}; ${opened.unavailable}` };
  const fromArchive = await recordFrom(opened.source, tli, lsn, target.control.systemIdentifier);
  if ('raw' in fromArchive) return compare(mine, fromArchive.raw, lsn, tli, opened.proof);
  // An archive holding a damaged or foreign segment proves nothing either way: not a verdict of divergence.
  const why = 'invalid' in fromArchive ? `its segment there is not valid WAL of this cluster: ${fromArchive.invalid}` : 'it does not have the segment';
  return { kind: 'unverifiable', detail: `${goneDetail}, and its ${opened.proof} (${opened.command}) cannot show it either: ${why}` };
}

/** The record at `lsn` from a segment source: its bytes, gone (segment missing), or invalid (why). */
async function recordFrom(wal: WalSegmentSource, tli: number, lsn: Lsn, systemIdentifier: bigint): Promise<{ raw: Buffer } | { gone: true } | { invalid: string }> {
  try {
    return { raw: (await new WalReader(wal, { timeline: tli, systemIdentifier }).readRecordAt(lsn)).raw };
  } catch (err) {
    // A missing segment is WAL the source no longer has, not a different record.
    if (err instanceof WalReadError && err.kind === 'segment-missing') return { gone: true };
    return { invalid: (err as Error).message };
  }
}

function compare(mine: Buffer, theirs: Buffer, lsn: Lsn, tli: number, proof: RecordProof): SameTimelineVerdict {
  const via = proof === "the source's WAL" ? '' : ` (read from its ${proof})`;
  return mine.equals(theirs)
    ? { kind: 'same', proof, detail: `the target's checkpoint record at ${formatLsn(lsn)} is identical in the source's WAL${via}` }
    : { kind: 'different', detail: `the target's checkpoint record at ${formatLsn(lsn)} differs from the source's record at that LSN${via}: the target wrote WAL of its own on timeline ${tli}` };
}
