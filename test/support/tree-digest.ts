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
