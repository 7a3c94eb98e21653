import { CatchupError } from '../errors';
import { classifyEntries } from '../pgdata/exclusions';
import type { SourceEntry } from './plan';
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
  for (const e of listing) assertSafeSourcePath(e.path);
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

/**
 * A source path becomes a target path by joining it to PGDATA, so one that is absolute, climbs
 * out with `..`, or hides a component (`.`, empty, control characters) could write anywhere:
 * the source is trusted for data, not for where the data goes.
 */
export function assertSafeSourcePath(p: string): void {
  const parts = p.split('/');
  const bad = p.startsWith('/') ? 'is absolute'
    : parts.some((c) => c === '..') ? 'climbs out with ".."'
      : parts.some((c) => c === '' || c === '.') ? 'has an empty or "." component'
        // eslint-disable-next-line no-control-regex
        : /[\x00-\x1f\x7f\\]/.test(p) ? 'holds a control character or a backslash'
          : !fitsLayout(parts) ? 'does not fit PostgreSQL\'s layout (base/ and pg_tblspc/ hold only OID directories)'
            : null;
  if (bad) {
    throw new CatchupError('unsafe-source-path', `The source's file listing names ${JSON.stringify(p)}, which ${bad}: refusing to plan a copy from it.`,
      'The connection does not reach a PostgreSQL server listing its own data directory (a proxy or a modified server?): point pg-catchup at the real source.');
  }
}

/** base/<oid>/..., base/pgsql_tmp, pg_tblspc/<oid>/...; anything else outside those two is the user's. */
function fitsLayout(parts: string[]): boolean {
  if (parts.length < 2 || (parts[0] !== 'base' && parts[0] !== 'pg_tblspc')) return true;
  return /^\d+$/.test(parts[1]) || (parts[0] === 'base' && parts[1] === 'pgsql_tmp');
}

export function byDepthThenName(a: string, b: string): number {
  const depth = (p: string) => p.split('/').length;
  return depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0);
}
