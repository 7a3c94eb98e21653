import { CatchupError } from '../errors';
import { classifyEntries } from '../pgdata/exclusions';
import type { SourceEntry } from '../source/file-listing';
import { isExcludedByUser } from './exclude-paths';
import { CONTROL_FILE, FileCopy, Plan, planBytes, SkippedEntry, TablespaceLink } from './plan';
import type { TablespacePlacement } from './tablespace-mapping';

/** What the user asked for that shapes the target's layout. */
export interface LayoutOptions {
  /** Where each source tablespace goes (placeTablespaces); checked against the listing. */
  tablespaces: readonly TablespacePlacement[];
  /** --exclude-path, relative to PGDATA: neither copied nor removed. */
  excludePaths: readonly string[];
}

export const NO_LAYOUT: LayoutOptions = { tablespaces: [], excludePaths: [] };

/** FULL: every file the exclusion rules keep, whole; pg_control held back for the end. */
export function planFull(listing: SourceEntry[], layout: LayoutOptions = NO_LAYOUT): Plan {
  assertCopyableListing(listing, layout.tablespaces);
  const { keep, skipped } = splitListing(listing, layout.excludePaths);
  const links = linkedTablespaces(layout.tablespaces);
  const directories = keep.filter((e) => e.isDir && !links.has(e.path)).map((e) => e.path).sort(byDepthThenName);
  const files: FileCopy[] = keep
    .filter((e) => !e.isDir && e.path !== CONTROL_FILE)
    .map((e) => ({ path: e.path, size: e.size }));
  return {
    mode: 'FULL',
    tablespaceLinks: [...links.values()],
    directories,
    files,
    patches: [],
    deletions: [],
    skipped,
    controlFile: CONTROL_FILE,
    bytesToCopy: planBytes(files, []),
  };
}

/** The standard exclusions (design rule 5) and the user's --exclude-path, with the reason for each skip. */
export function splitListing<T extends SourceEntry>(listing: T[], excludePaths: readonly string[]): { keep: T[]; skipped: SkippedEntry[] } {
  const { keep, skipped } = classifyEntries(listing);
  const kept = keep.filter((e) => !isExcludedByUser(e.path, excludePaths));
  const byUser = keep.filter((e) => isExcludedByUser(e.path, excludePaths)).map((e) => ({ path: e.path, reason: 'excluded-by-user' }));
  return { keep: kept, skipped: [...skipped.map((s) => ({ path: s.entry.path, reason: s.reason as string })), ...byUser] };
}

/** Tablespaces that live outside PGDATA get a link; in-place ones are plain directories. */
export function linkedTablespaces(placements: readonly TablespacePlacement[]): Map<string, TablespaceLink> {
  return new Map(placements.filter((p) => p.placement !== 'inside-pgdata')
    .map((p) => [p.linkPath, { oid: p.oid, linkPath: p.linkPath, location: p.targetLocation }]));
}

/**
 * Refusals shared by every mode: a listing that is not a PGDATA, or tablespaces that differ
 * from the ones placed before the backup started (CREATE/DROP TABLESPACE during the run).
 */
export function assertCopyableListing(listing: SourceEntry[], placements: readonly TablespacePlacement[]): void {
  if (!listing.some((e) => e.path === CONTROL_FILE)) {
    throw new CatchupError('no-pg-control', `The source's listing has no ${CONTROL_FILE}.`,
      'The connection does not reach a PostgreSQL data directory it can read; check the EXECUTE grants on pg_ls_dir and pg_stat_file.');
  }
  const listed = listing.filter((e) => /^pg_tblspc\/\d+$/.test(e.path)).map((e) => e.path).sort();
  const placed = placements.map((p) => p.linkPath).sort();
  if (listed.join() !== placed.join()) {
    throw new CatchupError('tablespaces-changed',
      `The source's tablespaces changed while pg-catchup ran (listed: ${listed.join(', ') || 'none'}; placed at the start: ${placed.join(', ') || 'none'}).`,
      'CREATE/DROP TABLESPACE cannot run during a catchup: rerun it when the DDL has finished.');
  }
}

export function byDepthThenName(a: string, b: string): number {
  const depth = (p: string) => p.split('/').length;
  return depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0);
}
