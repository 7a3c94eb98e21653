import path from 'path';
import type { Lsn } from '../../wal/lsn';
import { localWalDirSource } from '../../wal/local-wal-source';
import { isCheckpointRecord } from '../../wal/rmgr/xlog';
import { decodeCheckPoint } from '../../wal/checkpoint';
import { timelineOfLsn, TimelineHistoryEntry } from '../../wal/timeline-history';
import { WalReader, WalReadError, WalSegmentSource } from '../../wal/wal-reader';

// How far past R the checkpoint record is looked for: a spread checkpoint's record comes minutes after its redo.
const SEARCH_BYTES = 256n * 1024n * 1024n;

/**
 * The checkpoint record whose redo point is R, read forward from R: in the target's own pg_wal
 * first (the shared segments a files-only run keeps), then in the source's. For a run that must
 * replay from R but knows only R (a rerun of an interrupted one, whose marker records R alone).
 * Undefined when none is found (R is not a checkpoint's redo, or the WAL is gone).
 */
export async function findCheckpointAtRedo(
  targetDir: string, source: WalSegmentSource, R: Lsn, history: readonly TimelineHistoryEntry[], currentTli: number, systemIdentifier: bigint, end: Lsn,
): Promise<Lsn | undefined> {
  const local = localWalDirSource(path.join(targetDir, 'pg_wal'), source.segSize);
  const both: WalSegmentSource = {
    segSize: source.segSize,
    read: async (tli, segNo) => (await local.read(tli, segNo)) ?? source.read(tli, segNo),
  };
  const reader = new WalReader(both, { timelineForLsn: (lsn) => timelineOfLsn(history, currentTli, lsn), systemIdentifier });
  const limit = end < R + SEARCH_BYTES ? end : R + SEARCH_BYTES;
  try {
    for await (const record of reader.readForward(R, limit)) {
      if (isCheckpointRecord(record) && decodeCheckPoint(record.mainData, record.pgMajor).redo === R) return record.lsn;
    }
  } catch (err) {
    if (err instanceof WalReadError) return undefined;
    throw err;
  }
  return undefined;
}
