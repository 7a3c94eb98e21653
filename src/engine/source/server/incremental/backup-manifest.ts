/**
 * The backup manifest we upload (UPLOAD_MANIFEST) so that PostgreSQL 17+'s BASE_BACKUP
 * (INCREMENTAL) treats the target as the earlier backup. The server reads only three things from
 * it (src/backend/backup/basebackup_incremental.c): the system identifier, which must be its
 * own; the WAL ranges, whose earliest start is where it needs WAL summaries from (R, the target's
 * checkpoint redo, on the timeline R lies on) and whose latest end must not pass the new backup's
 * start; and the file paths, because a relation file the earlier backup did not have is sent
 * whole. Sizes are required by the parser but only kept; checksums are optional (no algorithm =
 * none), and we give none: the server never compares them.
 *
 * Format (src/common/parse_manifest.c): a JSON object, version 2 (version 1 has no system
 * identifier and is refused for incremental backups), whose last line holds the SHA-256 of every
 * byte before it.
 */
import { createHash } from 'crypto';
import type { TargetEntry } from '../../../pgdata/target-listing';
import { formatLsn, Lsn } from '../../../wal/lsn';
import { TimelineHistoryEntry, timelineOfLsn } from '../../../wal/timeline-history';

export interface ManifestInput {
  /** pg_control's, as IDENTIFY_SYSTEM gives it (decimal). */
  systemIdentifier: bigint | string;
  /** The target's files (directories and links are skipped), paths relative to PGDATA. */
  files: ReadonlyArray<Pick<TargetEntry, 'path' | 'size' | 'isDir'> & { isSymlink?: boolean }>;
  /** R: the earlier "backup" starts and ends here. */
  referenceLsn: Lsn;
  /** The source's history and current timeline: R's timeline is looked up in it. */
  history: readonly TimelineHistoryEntry[];
  currentTli: number;
}

/** Paths the server never looks up: the target's WAL (set aside, and never sent), and our own files. */
const notListed = (p: string) => p === 'pg_wal' || p.startsWith('pg_wal/');

export function buildBackupManifest(input: ManifestInput): Buffer {
  const tli = timelineOfLsn(input.history, input.currentTli, input.referenceLsn);
  const lines: string[] = [
    '{ "PostgreSQL-Backup-Manifest-Version": 2,',
    `"System-Identifier": ${BigInt(input.systemIdentifier).toString()},`,
    '"Files": [',
  ];
  const files = input.files.filter((f) => !f.isDir && !f.isSymlink && !notListed(f.path));
  files.forEach((f, i) => {
    lines.push(`{ "Path": ${JSON.stringify(f.path)}, "Size": ${Math.max(0, Math.floor(f.size))} }${i < files.length - 1 ? ',' : ''}`);
  });
  const r = formatLsn(input.referenceLsn);
  lines.push('],', '"WAL-Ranges": [', `{ "Timeline": ${tli}, "Start-LSN": "${r}", "End-LSN": "${r}" }`, '],');
  // Every line so far ends in a newline; the checksum covers exactly those bytes.
  const body = lines.map((l) => `${l}\n`).join('');
  const checksum = createHash('sha256').update(body, 'utf8').digest('hex');
  return Buffer.from(`${body}"Manifest-Checksum": "${checksum}"}\n`, 'utf8');
}
