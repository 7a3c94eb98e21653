import { CatchupError } from '../errors';
import { classifyEntries } from '../pgdata/exclusions';
import type { SourceEntry } from '../source/file-listing';
import { CONTROL_FILE, FileCopy, Plan, planBytes } from './plan';

/** FULL: every file the exclusion rules keep, whole; pg_control held back for the end. */
export function planFull(listing: SourceEntry[]): Plan {
  assertCopyableListing(listing);
  const { keep, skipped } = classifyEntries(listing);
  const directories = keep.filter((e) => e.isDir).map((e) => e.path).sort(byDepthThenName);
  const files: FileCopy[] = keep
    .filter((e) => !e.isDir && e.path !== CONTROL_FILE)
    .map((e) => ({ path: e.path, size: e.size }));
  return {
    mode: 'FULL',
    directories,
    files,
    patches: [],
    deletions: [],
    skipped: skipped.map((s) => ({ path: s.entry.path, reason: s.reason })),
    controlFile: CONTROL_FILE,
    bytesToCopy: planBytes(files, []),
  };
}

/** Refusals shared by every mode: what this version cannot copy, or a listing that is not a PGDATA. */
export function assertCopyableListing(listing: SourceEntry[]): void {
  const tablespaces = listing.filter((e) => /^pg_tblspc\/\d+$/.test(e.path));
  if (tablespaces.length > 0) {
    const names = tablespaces.map((t) => `${t.path} -> ${t.linkTarget ?? '?'}`).join(', ');
    throw new CatchupError('tablespaces-unsupported',
      `The source has tablespaces (${names}), and this version of pg-catchup cannot copy them yet.`,
      'Use pg_basebackup with --tablespace-mapping for this cluster until tablespace support lands.');
  }
  if (!listing.some((e) => e.path === CONTROL_FILE)) {
    throw new CatchupError('no-pg-control', `The source's listing has no ${CONTROL_FILE}.`,
      'The connection does not reach a PostgreSQL data directory it can read; check the EXECUTE grants on pg_ls_dir and pg_stat_file.');
  }
}

export function byDepthThenName(a: string, b: string): number {
  const depth = (p: string) => p.split('/').length;
  return depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0);
}
