import { parseRelationPath } from './relation-path';

export interface ListedFile {
  path: string;
  size: number;
  isDir: boolean;
  isSymlink?: boolean;
}

/**
 * A main-fork file of a permanent relation: what a page scan reads, and what DELTA patches. The
 * FSM is not WAL-logged and a VM bit can be cleared without an LSN change: those are copied whole.
 */
export function isRelationMainFork(path: string): boolean {
  const rel = parseRelationPath(path);
  return rel !== null && rel.fork === 'main' && !rel.isTemp;
}

/** The main-fork files of permanent relations in a listing. */
export function relationMainForks<T extends ListedFile>(listing: T[]): T[] {
  return listing.filter((e) => !e.isDir && !e.isSymlink && isRelationMainFork(e.path));
}

export function relationMainForkBytes(listing: ListedFile[]): number {
  return relationMainForks(listing).reduce((n, e) => n + e.size, 0);
}

/** PG_<major>_<catversion>, as a cluster names it inside each tablespace (only needed when it has tablespaces). */
export function tablespaceVersionDir(listing: Array<{ path: string }>, major: number): string {
  for (const e of listing) {
    const m = /^pg_tblspc\/\d+\/(PG_\d+_\d+)$/.exec(e.path);
    if (m) return m[1];
  }
  return `PG_${major}_0`;
}
