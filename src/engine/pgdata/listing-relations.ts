import { parseRelationPath } from './relation-path';

interface ListedFile {
  path: string;
  size: number;
  isDir: boolean;
  isSymlink?: boolean;
}

/** The main-fork files of permanent relations in a listing: what a page scan reads, and what DELTA patches. */
export function relationMainForks<T extends ListedFile>(listing: T[]): T[] {
  return listing.filter((e) => {
    const rel = !e.isDir && !e.isSymlink ? parseRelationPath(e.path) : null;
    return rel !== null && rel.fork === 'main' && !rel.isTemp;
  });
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
