import fs from 'fs';
import path from 'path';
import { executeCopy } from '../copy/copy-executor';
import type { TargetWriter } from '../copy/target-writer';
import { CatchupError } from '../errors';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import { wholeFilesPlan } from '../plan/plan';
import type { Lsn } from '../wal/lsn';
import { segmentStartLsn } from '../wal/wal-segment';
import type { WalFile } from './server/source-wal-files';
import type { Source } from './source';

/**
 * The WAL a target replays from R (pg_rewind's way): the target's own segments of the shared
 * history that it keeps, and the source's copied beside them. Used by the files-only copy of a
 * server and by the replaying copy of a stopped source.
 */

/**
 * The target's segments recovery will read that hold nothing but shared history: named as the
 * source names them, ending at or before `before` (the fork, or where a lagging target's replay
 * stopped), whole, and of this cluster at this position.
 */
export function targetSegmentsToKeep(targetDir: string, needed: WalFile[], before: Lsn, segSize: number, systemIdentifier: bigint): string[] {
  return needed.filter((f) => segmentStartLsn(f.segNo + 1n, segSize) <= before && isSegmentOf(path.join(targetDir, f.path), f.segNo, segSize, systemIdentifier))
    .map((f) => path.basename(f.path));
}

/** A whole segment file whose long page header names this segment and cluster. */
export function isSegmentOf(file: string, segNo: bigint, segSize: number, systemIdentifier: bigint): boolean {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (!st || st.size !== segSize) return false;
  const head = Buffer.alloc(32);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, head, 0, 32, 0) !== 32) return false;
  } finally {
    fs.closeSync(fd);
  }
  // XLogLongPageHeaderData: xlp_pageaddr at 8, xlp_sysid at 24.
  return head.readBigUInt64LE(8) === segmentStartLsn(segNo, segSize) && head.readBigUInt64LE(24) === systemIdentifier;
}

/**
 * Copies whole segment files from the source's pg_wal (those the target keeps excepted, each
 * named with pg_rewind's debug line) and checks each: a segment recycled while it was read no
 * longer starts with its own page address. Returns how many were copied.
 */
export async function copyReplayWal(source: Source, writer: TargetWriter, files: WalFile[], kept: ReadonlySet<string>, logger: Logger): Promise<number> {
  const copy = files.filter((f) => !kept.has(path.basename(f.path)));
  for (const f of files.filter((x) => kept.has(path.basename(x.path)))) logger.debug(`Not removing file "${f.path}" because it is required for recovery`);
  if (copy.length === 0) return 0;
  // Made durable with everything else before pg_control; no fsync pass of its own.
  await executeCopy(wholeFilesPlan(copy.map((f) => ({ path: f.path, size: source.segSize }))), [source.files.readers[0]], writer, silentLogger, undefined, { flush: false });
  const systemIdentifier = BigInt(source.identity.systemIdentifier);
  const bad = copy.find((f) => !isSegmentOf(writer.abs(f.path), f.segNo, source.segSize, systemIdentifier));
  if (bad) {
    throw new CatchupError('source-wal-recycled', `The source removed or recycled WAL segment ${bad.path} while it was copied: the target could not replay from R.`,
      'Run again (the target resumes); if it happens again, keep more WAL on the source (wal_keep_size) for the duration of the run.');
  }
  return copy.length;
}
