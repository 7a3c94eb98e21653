import fs from 'fs';
import path from 'path';
import type { CheckResult } from './check';

/** FULL writes a new cluster: the target must not exist yet, or be an empty directory. */
export function checkTargetEmpty(targetDir: string): CheckResult {
  const base = { id: 'target-empty', title: 'Target directory is empty' };
  let st: fs.Stats;
  try {
    st = fs.statSync(targetDir);
  } catch {
    const parent = path.dirname(path.resolve(targetDir));
    if (!fs.existsSync(parent)) {
      return { ...base, status: 'fail', detail: `neither ${targetDir} nor its parent ${parent} exists`,
        fix: `Create ${parent} first (owned by the PostgreSQL OS user), or choose another --destination-pgdata.` };
    }
    return { ...base, status: 'pass', detail: `${targetDir} does not exist yet and will be created` };
  }
  if (!st.isDirectory()) {
    return { ...base, status: 'fail', detail: `${targetDir} exists and is not a directory`,
      fix: 'Point --destination-pgdata at a directory (new or empty).' };
  }
  const entries = fs.readdirSync(targetDir);
  if (entries.length > 0) {
    const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? ', ...' : '');
    if (entries.includes('postmaster.pid')) {
      // A server's own directory (perhaps the source itself): DELTA would be the wrong advice.
      return { ...base, status: 'fail', detail: `${targetDir} is the data directory of a server that is running or was not shut down cleanly (it holds postmaster.pid), perhaps the source itself`,
        fix: 'Point the target at a new or empty directory of its own: FULL copies the source there, and never into a running cluster.' };
    }
    return { ...base, status: 'fail', detail: `${targetDir} is not empty (${shown})`,
      fix: 'FULL needs an empty directory. To re-sync an existing copy of this cluster use -b DELTA; otherwise move the old directory away yourself.' };
  }
  return { ...base, status: 'pass', detail: `${targetDir} is an empty directory` };
}
