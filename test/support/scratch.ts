/**
 * Temp directories owned by the server OS user (mode 0700), removed on cleanup. Each one records
 * the pid of the test process that made it, so a later run can reap what a killed run left behind.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { registerDir } from './cleanup';
import { isRoot, serverOsUser } from './os-user';
import { runSync } from './run';
import { ensureWatchdog } from './watchdog';

export const SCRATCH_PREFIX = 'pg-catchup-test-';
const OWNER_FILE = 'owner.pid';
let reaped = false;

/** A new empty temp dir under os.tmpdir(), owned by the server user, mode 0700, registered for removal. */
export function makeScratchDir(purpose = 'scratch'): string {
  if (!reaped) {
    reaped = true;
    reapStaleScratchDirs();
  }
  ensureWatchdog();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${SCRATCH_PREFIX}${purpose}-`));
  registerDir(dir);
  fs.writeFileSync(path.join(dir, OWNER_FILE), `${process.pid}\n`);
  giveToServerUser(dir);
  giveToServerUser(path.join(dir, OWNER_FILE));
  return dir;
}

/** mkdir (mode 0700) owned by the server user; the directory must not exist yet. */
export function makeOwnedDir(dir: string): string {
  fs.mkdirSync(dir, { mode: 0o700 });
  fs.chmodSync(dir, 0o700); // mkdir's mode is filtered by the umask
  giveToServerUser(dir);
  return dir;
}

/** A new, empty directory (0700, server user) in its own scratch dir: a place for a clone. */
export function makeTargetDir(purpose = 'target'): string {
  return makeOwnedDir(path.join(makeScratchDir(purpose), 'pgdata'));
}

export function giveToServerUser(p: string): void {
  if (!isRoot()) return;
  const u = serverOsUser();
  fs.lchownSync(p, u.uid, u.gid);
}

/**
 * Make a data directory usable by the server user: when root wrote into it (the tool under test
 * runs as root here), chown -R it; PostgreSQL also insists on mode 0700 or 0750.
 */
export function fixDataDirOwnership(dataDir: string): void {
  if (isRoot()) {
    const u = serverOsUser();
    execFileSync('chown', ['-R', '--no-dereference', `${u.uid}:${u.gid}`, dataDir], { stdio: 'pipe' });
  }
  const mode = fs.statSync(dataDir).mode & 0o777;
  if (mode !== 0o700 && mode !== 0o750) fs.chmodSync(dataDir, 0o700);
}

/** Remove scratch dirs whose creating process is gone (stopping any server still running in them). */
export function reapStaleScratchDirs(): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(os.tmpdir()).filter((e) => e.startsWith(SCRATCH_PREFIX));
  } catch {
    return;
  }
  for (const e of entries) {
    const dir = path.join(os.tmpdir(), e);
    try {
      const owner = Number(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8').trim());
      if (!Number.isInteger(owner) || owner <= 0 || pidAlive(owner)) continue;
      for (const dataDir of findPostmasterPids(dir)) {
        const bin = postmasterBinDir(dataDir);
        if (bin) runSync(path.join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30']);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Not ours to judge (other user, half-created, gone meanwhile): leave it.
    }
  }
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Data dirs (up to two levels below `dir`) that hold a postmaster.pid. */
function findPostmasterPids(dir: string): string[] {
  const found: string[] = [];
  const visit = (d: string, depth: number) => {
    if (fs.existsSync(path.join(d, 'postmaster.pid'))) found.push(d);
    if (depth === 0) return;
    for (const ent of fs.readdirSync(d, { withFileTypes: true })) {
      if (ent.isDirectory()) visit(path.join(d, ent.name), depth - 1);
    }
  };
  visit(dir, 2);
  return found;
}

/** Where the running postmaster's binaries are, from /proc/<pid>/exe (Linux). */
function postmasterBinDir(dataDir: string): string | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!pidAlive(pid)) return undefined;
    return path.dirname(fs.readlinkSync(`/proc/${pid}/exe`));
  } catch {
    return undefined;
  }
}
