import * as fs from 'fs';
import * as path from 'path';
import type { CheckResult } from './check';

/**
 * PostgreSQL refuses a data directory with other modes than 0700/0750, or owned by another user
 * than the server's. Run as root we write as the directory's owner; otherwise we must be it.
 */
export function checkTargetDirectory(targetDir: string): CheckResult {
  const base = { id: 'target-directory', title: 'Target directory ownership and mode' };
  let st: fs.Stats;
  try {
    st = fs.statSync(targetDir);
  } catch {
    const parent = path.dirname(path.resolve(targetDir));
    const pst = fs.existsSync(parent) ? fs.statSync(parent) : null;
    if (!pst) return { ...base, status: 'fail', detail: `neither ${targetDir} nor its parent exists`, fix: `Create ${parent} owned by the PostgreSQL OS user.` };
    const uid = process.getuid?.() ?? -1;
    if (uid !== 0 && uid !== pst.uid) {
      return { ...base, status: 'fail', detail: `${targetDir} does not exist and its parent ${parent} belongs to uid ${pst.uid}, not to this user (uid ${uid})`,
        fix: `Run as the owner of ${parent} (the PostgreSQL OS user) or as root.` };
    }
    return { ...base, status: 'pass', detail: `${targetDir} will be created (mode 0700, owner uid ${pst.uid})` };
  }
  if (!st.isDirectory()) return { ...base, status: 'fail', detail: `${targetDir} is not a directory`, fix: 'Point the target at a directory.' };
  const uid = process.getuid?.() ?? -1;
  const mode = st.mode & 0o777;
  if (uid !== 0 && uid !== st.uid) {
    return { ...base, status: 'fail', detail: `${targetDir} belongs to uid ${st.uid}, not to this user (uid ${uid})`,
      fix: 'Run pg-catchup as the PostgreSQL OS user that owns the data directory, or as root.' };
  }
  if (mode !== 0o700 && mode !== 0o750) {
    return { ...base, status: 'warn', detail: `${targetDir} has mode ${mode.toString(8)}; PostgreSQL requires 0700 or 0750`, fix: `chmod 0700 ${targetDir}` };
  }
  return { ...base, status: 'pass', detail: `owner uid ${st.uid}, mode 0${mode.toString(8)}` };
}
