/** A digest of a whole directory tree (names, modes, owners, contents) to prove a run changed nothing. */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export function treeDigest(root: string): string {
  const hash = createHash('sha256');
  if (!fs.existsSync(root)) return 'absent';
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    const st = fs.lstatSync(abs);
    hash.update(`${rel}\0${st.mode}\0${st.uid}\0${st.gid}\0${st.size}\0`);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) walk(path.join(rel, name));
    } else if (st.isSymbolicLink()) {
      hash.update(fs.readlinkSync(abs));
    } else {
      hash.update(fs.readFileSync(abs));
    }
  };
  walk('.');
  return hash.digest('hex');
}

/** Bytes of the regular files under `root`, pg_wal aside: how far a copy into it has come (files may vanish meanwhile). */
export function dataBytesUnder(root: string): number {
  let sum = 0;
  const walk = (d: string) => {
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'pg_wal') walk(p);
      } else if (e.isFile()) sum += fs.statSync(p, { throwIfNoEntry: false })?.size ?? 0;
    }
  };
  walk(root);
  return sum;
}
