import fs from 'fs';
import path from 'path';

export interface TargetEntry {
  path: string;
  size: number;
  isDir: boolean;
  isSymlink: boolean;
  /** For a tablespace link pg_tblspc/<oid>: the directory it points to. */
  linkTarget?: string;
}

// Links PostgreSQL itself follows: tablespaces, and pg_wal moved elsewhere (initdb/pg_basebackup --waldir).
const FOLLOWED_LINK = /^(pg_tblspc\/\d+|pg_wal)$/;

/**
 * Every entry of the target PGDATA, relative paths with '/'. Symlinks are listed, not followed,
 * except the tablespace links pg_tblspc/<oid> and a pg_wal link: they are directories of the
 * cluster, listed as such with their contents below them, as the source's listing shows them.
 */
export function listTarget(root: string): TargetEntry[] {
  const out: TargetEntry[] = [];
  const walk = (rel: string) => {
    for (const d of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel === '' ? d.name : `${rel}/${d.name}`;
      if (d.isSymbolicLink() && FOLLOWED_LINK.test(child) && isDirectory(path.join(root, child))) {
        out.push({ path: child, size: 0, isDir: true, isSymlink: true, linkTarget: fs.readlinkSync(path.join(root, child)) });
        walk(child);
      } else if (d.isSymbolicLink()) {
        out.push({ path: child, size: 0, isDir: false, isSymlink: true });
      } else if (d.isDirectory()) {
        out.push({ path: child, size: 0, isDir: true, isSymlink: false });
        walk(child);
      } else {
        // A file can vanish between readdir and stat (another run's lock being written aside and
        // linked in place, as two runs race for the lock): it is not there, so it is not listed.
        const st = fs.statSync(path.join(root, child), { throwIfNoEntry: false });
        if (st) out.push({ path: child, size: st.size, isDir: false, isSymlink: false });
      }
    }
  };
  walk('');
  return out;
}

/** The target's tablespace links (pg_tblspc/<oid> -> directory), by OID. */
export function readTablespaceLinks(root: string): Map<number, string> {
  const links = new Map<number, string>();
  const dir = path.join(root, 'pg_tblspc');
  if (!fs.existsSync(dir)) return links;
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    if (d.isSymbolicLink() && /^\d+$/.test(d.name)) links.set(Number(d.name), fs.readlinkSync(path.join(dir, d.name)));
  }
  return links;
}

/** A directory, following links; false when absent. */
export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
