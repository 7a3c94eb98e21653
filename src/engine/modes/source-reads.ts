import { scanLocalChangedBlocks } from '../pgdata/local-changed-blocks';
import type { CheckResult } from '../preflight/check';
import { readSourceDataBytes } from '../preflight/disk-space';
import { checkTargetApart, checkTargetNotSource, readSourcePlacement } from '../preflight/target-not-source';
import { scanChangedBlocks, ScanRange } from '../source/changed-blocks-scan';
import type { Lsn } from '../wal/lsn';
import type { SourceSession } from './source-session';

/**
 * What both kinds of source answer, each its own way: a running server through SQL, a stopped
 * data directory by reading its files here.
 */

/** Blocks with page LSN >= R, or new, within each range: scanned on the server, or read here. */
export async function scanSourceChangedBlocks(source: SourceSession, ranges: ScanRange[], referenceLsn: Lsn): Promise<Map<string, number[]>> {
  if (source.server) return scanChangedBlocks(source.server.control, ranges, referenceLsn, source.blockSize);
  return scanLocalChangedBlocks(source.local!.dir, ranges.map((r) => ({ path: r.path, size: r.length })), referenceLsn, source.blockSize, { newPages: true });
}

/** Bytes of the source's databases (pg_database_size on a server, the files' sizes outside pg_wal here). */
export async function sourceDataBytes(source: SourceSession): Promise<number> {
  if (source.server) return readSourceDataBytes(source.server.control);
  return (await source.files.list()).filter((e) => !e.isDir && !e.path.startsWith('pg_wal/')).reduce((n, e) => n + e.size, 0);
}

/** Refuses a target that is the source's data directory or a tablespace of it, or lies inside or around one. */
export async function checkTargetNotTheSource(targetDir: string, source: SourceSession): Promise<CheckResult> {
  if (source.server) return checkTargetNotSource(targetDir, await readSourcePlacement(source.server.control));
  return checkTargetApart(targetDir, source.local!.dir, (await source.files.tablespaces()).map((t) => t.location));
}

/** wal_log_hints or data checksums: a hint-bit-only change carries a new page LSN. */
export async function sourceLogsHints(source: SourceSession): Promise<boolean> {
  if (source.dataChecksums) return true;
  if (!source.server) return source.local!.control.walLogHints;
  const res = await source.server.control.query<{ v: string }>("SELECT current_setting('wal_log_hints') AS v");
  return res.rows[0].v === 'on';
}
