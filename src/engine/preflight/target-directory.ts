import fs from 'fs';
import path from 'path';
import type { CheckResult } from './check';
import { osUserName } from './os-user-name';

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
      return { ...base, status: 'fail', detail: `${targetDir} does not exist and its parent ${parent} belongs to ${osUserName(pst.uid)}, not to this user (${osUserName(uid)})`,
        fix: `Run as the owner of ${parent} (the PostgreSQL OS user) or as root.` };
    }
    // As root, a new directory gets its parent's owner: under a root-owned parent, a cluster
    // owned by root, which postgres and pg_ctl refuse to run.
    if (uid === 0 && pst.uid === 0) {
      return { ...base, status: 'fail',
        detail: `${targetDir} does not exist and its parent ${parent} belongs to root, so the new cluster would belong to root, which PostgreSQL refuses to run as`,
        fix: `Create the target owned by the PostgreSQL OS user first (e.g. install -d -m 0700 -o postgres -g postgres ${targetDir}), or run as that user.` };
    }
    return { ...base, status: 'pass', detail: `${targetDir} will be created (mode 0700, owner ${osUserName(pst.uid)})` };
  }
  if (!st.isDirectory()) return { ...base, status: 'fail', detail: `${targetDir} is not a directory`, fix: 'Point the target at a directory.' };
  const uid = process.getuid?.() ?? -1;
  const mode = st.mode & 0o777;
  if (uid !== 0 && uid !== st.uid) {
    return { ...base, status: 'fail', detail: `${targetDir} belongs to ${osUserName(st.uid)}, not to this user (${osUserName(uid)})`,
      fix: 'Run pg-catchup as the PostgreSQL OS user that owns the data directory, or as root.' };
  }
  if (mode !== 0o700 && mode !== 0o750) {
    return { ...base, status: 'warn', detail: `${targetDir} has mode ${mode.toString(8)}; PostgreSQL requires 0700 or 0750`, fix: `chmod 0700 ${targetDir}` };
  }
  if (uid === 0 && st.uid === 0) {
    // What we write as root belongs to the directory's owner: here root, whom PostgreSQL refuses.
    return { ...base, status: 'warn', detail: `${targetDir} belongs to root, so the cluster in it would too, and PostgreSQL refuses to run as root`,
      fix: `chown -R postgres:postgres ${targetDir} (the PostgreSQL OS user), or run as that user.` };
  }
  return { ...base, status: 'pass', detail: `owner ${osUserName(st.uid)}, mode 0${mode.toString(8)}` };
}
