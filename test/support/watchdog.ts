/**
 * A detached watchdog process per test process: when the test process is gone (normal exit, a
 * crash, SIGKILL, or jest simply exiting), it stops every server still running in that process's
 * scratch dirs (SIGQUIT = immediate shutdown) and removes the dirs.
 *
 * Needed because jest hands each test file a *copy* of `process`: `process.on('exit')` inside a
 * test never fires, so the exit hook in cleanup.ts only helps outside jest (scripts, tsx).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SCRATCH_PREFIX, pidAlive } from './scratch';

// Plain JS, run with `node -e`; argv: parent pid, tmp dir, scratch prefix, keep dirs (0/1), lock file.
const WATCHDOG_JS = String.raw`
const fs = require('fs'), path = require('path');
const [ppid, tmp, prefix, keep, lock] = process.argv.slice(1);
const parent = Number(ppid);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
function postmasters(dir, depth) {
  let out = [];
  try { out.push(Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0])); } catch {}
  if (depth > 0) for (const e of fs.readdirSync(dir, { withFileTypes: true }))
    if (e.isDirectory()) out = out.concat(postmasters(path.join(dir, e.name), depth - 1));
  return out.filter((p) => p > 0);
}
function reap() {
  const dirs = [];
  for (const e of fs.readdirSync(tmp)) {
    if (!e.startsWith(prefix)) continue;
    const dir = path.join(tmp, e);
    try { if (Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8')) === parent) dirs.push(dir); } catch {}
  }
  let pids = [];
  for (const d of dirs) { try { pids = pids.concat(postmasters(d, 2)); } catch {} }
  pids = pids.filter(alive);
  for (const p of pids) { try { process.kill(p, 'SIGQUIT'); } catch {} }
  for (let i = 0; i < 100 && pids.some(alive); i++) pause(100);
  for (const p of pids.filter(alive)) { try { process.kill(p, 'SIGKILL'); } catch {} }
  if (keep !== '1') for (const d of dirs) { try { fs.rmSync(d, { recursive: true, force: true }); } catch {} }
  try { fs.unlinkSync(lock); } catch {}
}
(function tick() { if (alive(parent)) setTimeout(tick, 500); else reap(); })();
`;

let started = false;

/** Start the watchdog for this process unless one already runs (one per process, shared by test files). */
export function ensureWatchdog(): void {
  if (started) return;
  started = true;
  const lock = path.join(os.tmpdir(), `.pg-catchup-watchdog-${process.pid}`);
  try {
    const pid = Number(fs.readFileSync(lock, 'utf8'));
    if (pid > 0 && pidAlive(pid)) return;
  } catch {
    // no lock yet
  }
  const keep = /^(1|true|yes)$/i.test(process.env.PG_CATCHUP_KEEP ?? '') ? '1' : '0';
  const child = spawn(process.execPath, ['-e', WATCHDOG_JS, String(process.pid), os.tmpdir(), SCRATCH_PREFIX, keep, lock], {
    detached: true, // its own session: a Ctrl-C on the test run must not kill it first
    stdio: 'ignore',
    cwd: '/',
  });
  child.unref();
  if (child.pid) fs.writeFileSync(lock, String(child.pid));
}
