/**
 * A target ahead of its source on the same timeline. After a crash, the old primary's own
 * recovery (ours, pg_rewind's, or a start and stop) ends with a shutdown checkpoint: its WAL
 * then goes a few records past a standby that had replayed everything, without a change to
 * any page. pg_rewind answers "no rewind required" for every target on the source's timeline,
 * even one that committed work the source never saw; we read what the target has past the
 * source's position and agree only when none of it changes data (docs/safety.md).
 */

import path from 'path';
import { formatLsn, Lsn } from '../wal/lsn';
import { localWalDirSource } from '../wal/local-wal-source';
import type { TargetState } from '../pgdata/target-state';
import { LastCheckpoint, WalReader, WalRecord } from '../wal/wal-reader';
import { dataFreeRecordName, isHintPageImage, recordKindName } from './data-free-records';

export type PastSource =
  /**
   * Nothing past the source's position changes data; `checkpoint` is the target's last one
   * before it. `hintPages`: page images logged for hint bits among them, whose blocks now carry
   * LSNs the source's WAL will reuse: those blocks must be copied from the source.
   */
  | { kind: 'data-free'; records: number; names: string[]; hintPages: number; checkpoint: LastCheckpoint; fromLsn: Lsn; toLsn: Lsn }
  /** A record past the source's position may change data: the target holds work the source lacks. */
  | { kind: 'data'; detail: string }
  /** The target's WAL past the source's position cannot be read whole: nothing is proved. */
  | { kind: 'unreadable'; detail: string };

// Past this many records the target did real work; reading on proves nothing more.
const MAX_RECORDS = 10_000;

/**
 * The target's own WAL from the first record that ends past `sourceLsn` to its end, classified.
 * `targetEnd` is how far the target is known to have gone (pg_control): the read must reach it.
 */
export async function readTargetPastSource(target: TargetState, tli: number, sourceLsn: Lsn, targetEnd: Lsn): Promise<PastSource> {
  const reader = new WalReader(localWalDirSource(path.join(target.dir, 'pg_wal'), target.control.walSegmentSize), {
    timeline: tli, systemIdentifier: target.control.systemIdentifier,
  });
  const unreadable = (err: unknown): PastSource => ({
    kind: 'unreadable', detail: `the target's WAL past the source's position ${formatLsn(sourceLsn)} cannot be read (${(err as Error).message})`,
  });
  let first: Lsn;
  try {
    first = await firstRecordEndingAfter(reader, target.control.checkpointLsn, sourceLsn);
  } catch (err) {
    return unreadable(err);
  }
  const names = new Map<string, number>();
  let records = 0;
  let hintPages = 0;
  let end = first;
  const scan = reader.readForward(first);
  try {
    for await (const record of scan) {
      const hint = isHintPageImage(record);
      if (hint) hintPages++;
      const name = hint ? 'XLOG/FPI_FOR_HINT' : dataFreeRecordName(record);
      if (name === null) return { kind: 'data', detail: dataDetail(record, sourceLsn) };
      names.set(name, (names.get(name) ?? 0) + 1);
      end = record.endLsn;
      if (++records >= MAX_RECORDS) break;
    }
  } catch (err) {
    return unreadable(err);
  }
  // Its last checkpoint record, when past the source, must have been read whole too.
  const checkpointPast = target.control.checkpointLsn >= first;
  if (end < targetEnd || (checkpointPast && end <= target.control.checkpointLsn)) {
    return unreadable(new Error(`its WAL ends at ${formatLsn(end)}${scan.end?.message ? ` (${scan.end.message})` : ''}, before its last position ${formatLsn(targetEnd)}`));
  }
  let checkpoint: LastCheckpoint;
  try {
    checkpoint = await reader.findLastCheckpointBefore(first);
  } catch (err) {
    return unreadable(err);
  }
  return {
    kind: 'data-free', records, hintPages, checkpoint, fromLsn: first, toLsn: end,
    names: [...names].map(([n, count]) => (count > 1 ? `${count} × ${n}` : n)),
  };
}

/**
 * Walks back through xl_prev from the record at `from` to the first record that ends after
 * `lsn` (a record straddling the source's position counts as past it).
 */
async function firstRecordEndingAfter(reader: WalReader, from: Lsn, lsn: Lsn): Promise<Lsn> {
  let record = await reader.readRecordAt(from);
  while (record.lsn >= lsn && record.prev !== 0n) {
    const previous = await reader.readRecordAt(record.prev);
    if (previous.endLsn <= lsn) return record.lsn;
    record = previous;
  }
  return record.endLsn > lsn ? record.lsn : record.endLsn;
}

function dataDetail(record: WalRecord, sourceLsn: Lsn): string {
  const blocks = record.blocks.length > 0 ? ` touching ${record.blocks.length} block(s)` : '';
  return `its WAL past the source's position ${formatLsn(sourceLsn)} changes data: a ${recordKindName(record)} record at ${formatLsn(record.lsn)}${blocks}`;
}
