import fs from 'fs';
import path from 'path';

/** Who should own what we create: as root, the owner of the target directory, never root. */
export interface FileOwner {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to start a data directory it does not own, so when we run as root the
 * files must belong to the directory's owner (or, for a new directory, its parent's owner).
 */
export function ownerForTarget(targetDir: string): FileOwner | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  let dir = path.resolve(targetDir);
  while (true) {
    try {
      const st = fs.statSync(dir);
      return { uid: st.uid, gid: st.gid };
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return null;
      dir = parent;
    }
  }
}
