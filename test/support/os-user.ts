/** The OS user PostgreSQL runs as: PostgreSQL refuses to run as root, so root runs it as `pgcatchup`. */
import { execFileSync } from 'child_process';
import * as os from 'os';

export interface OsUser {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

const SERVER_USER = process.env.PG_CATCHUP_TEST_OS_USER || 'pgcatchup';
let cached: OsUser | undefined;

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** The user that runs initdb/pg_ctl/postgres: `pgcatchup` (created when missing) as root, else ourselves. */
export function serverOsUser(): OsUser {
  if (cached) return cached;
  if (!isRoot()) {
    const me = os.userInfo();
    cached = { name: me.username, uid: me.uid, gid: me.gid, home: me.homedir };
    return cached;
  }
  let user = lookupUser(SERVER_USER);
  if (!user) {
    try {
      execFileSync('useradd', ['--system', '--create-home', '--shell', '/bin/bash', SERVER_USER], { stdio: 'pipe' });
    } catch (e) {
      // Another jest worker may have created it at the same moment; only fail if it still is missing.
      if (!lookupUser(SERVER_USER)) {
        const err = e as { stderr?: Buffer; message: string };
        throw new Error(`useradd ${SERVER_USER} failed: ${err.stderr?.toString().trim() || err.message}`);
      }
    }
    user = lookupUser(SERVER_USER);
    if (!user) throw new Error(`user ${SERVER_USER} still missing after useradd`);
  }
  if (user.uid === 0) throw new Error(`${SERVER_USER} has uid 0; PostgreSQL will refuse to run as it`);
  cached = user;
  return cached;
}

function lookupUser(name: string): OsUser | undefined {
  let line: string;
  try {
    line = execFileSync('getent', ['passwd', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined; // getent exits 2 when the key is unknown
  }
  const f = line.split(':');
  if (f.length < 7) return undefined;
  return { name: f[0], uid: Number(f[2]), gid: Number(f[3]), home: f[5] || '/' };
}
