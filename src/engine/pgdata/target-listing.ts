import * as fs from 'fs';
import * as path from 'path';

export interface TargetEntry {
  path: string;
  size: number;
  isDir: boolean;
  isSymlink: boolean;
}

/** Every entry of the target PGDATA, relative paths with '/'; symlinks are listed, not followed. */
export function listTarget(root: string): TargetEntry[] {
  const out: TargetEntry[] = [];
  const walk = (rel: string) => {
    for (const d of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel === '' ? d.name : `${rel}/${d.name}`;
      if (d.isSymbolicLink()) {
        out.push({ path: child, size: 0, isDir: false, isSymlink: true });
      } else if (d.isDirectory()) {
        out.push({ path: child, size: 0, isDir: true, isSymlink: false });
        walk(child);
      } else {
        out.push({ path: child, size: fs.statSync(path.join(root, child)).size, isDir: false, isSymlink: false });
      }
    }
  };
  walk('');
  return out;
}
