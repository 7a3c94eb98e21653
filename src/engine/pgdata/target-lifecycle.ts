import fs from 'fs';
import path from 'path';
import type { CommandRunner } from '../command-runner';
import { ownerForTarget } from './file-owner';
import { CatchupError } from '../errors';
import { livePostmaster } from './postmaster-pid';
import { findPostgresBinary, runAsOwner } from './single-user-recovery';

export interface LifecycleOptions {
  major: number;
  runner: CommandRunner;
  binDir?: string;
}

/** Stops the target's server cleanly (pg_ctl stop -m fast), as its owner; nothing to do if it is down. */
export async function stopTarget(dir: string, opts: LifecycleOptions): Promise<boolean> {
  if (!livePostmaster(dir)) return false;
  const pgCtl = await findPostgresBinary(opts.major, opts.runner, opts.binDir, 'pg_ctl');
  const res = await runAsOwner(opts.runner, ownerForTarget(dir), pgCtl, ['stop', '-D', dir, '-m', 'fast', '-w', '-t', '300']);
  if (res.exitCode !== 0) {
    throw new CatchupError('stop-target-failed', `pg_ctl stop of the target failed: ${(res.stderr || res.stdout).trim()}.`, `Stop it yourself (pg_ctl stop -D ${dir}) and rerun.`);
  }
  return true;
}

/** Starts the target (pg_ctl start -w), logging to `logFile`, as its owner. */
export async function startTarget(dir: string, logFile: string, opts: LifecycleOptions): Promise<void> {
  const pgCtl = await findPostgresBinary(opts.major, opts.runner, opts.binDir, 'pg_ctl');
  const owner = ownerForTarget(dir);
  fs.writeFileSync(logFile, '');
  if (owner) fs.chownSync(logFile, owner.uid, owner.gid);
  const res = await runAsOwner(opts.runner, owner, pgCtl, ['start', '-D', dir, '-w', '-t', '300', '-l', logFile]);
  if (res.exitCode !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join(' | ');
    throw new CatchupError('start-target-failed', `The target did not start: ${tail || (res.stderr || res.stdout).trim()}.`, `Read ${logFile}.`);
  }
}

/**
 * Waits until the started target streams from its primary. Read from the walreceiver's process
 * title under /proc ("walreceiver streaming X/Y"), which needs no connection to the target,
 * whose port and authentication come from the copied configuration.
 */
export async function waitForTargetStreaming(dir: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no walreceiver yet';
  while (Date.now() < deadline) {
    const pm = livePostmaster(dir);
    if (!pm) throw new CatchupError('target-not-running', 'The target stopped while waiting for it to stream.', `Read its log in ${dir}.`);
    for (const title of childTitles(pm.pid)) {
      const m = /walreceiver (\w+)(?: ([0-9A-F]+\/[0-9A-F]+))?/.exec(title);
      if (!m) continue;
      last = `walreceiver ${m[1]}${m[2] ? ` at ${m[2]}` : ''}`;
      if (m[1] === 'streaming') return last;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new CatchupError('verify-timeout', `The target did not reach streaming within ${Math.round(timeoutMs / 1000)} s (${last}).`,
    "Check primary_conninfo in the target's postgresql.auto.conf and the primary's pg_hba.conf.");
}

function childTitles(parentPid: number): string[] {
  const titles: string[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(path.join('/proc', entry, 'stat'), 'utf8');
      // The ppid is the 2nd field after the parenthesised command name.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parentPid) titles.push(fs.readFileSync(path.join('/proc', entry, 'cmdline'), 'utf8').replace(/\0/g, ' ').trim());
    } catch {
      // The process ended while we looked.
    }
  }
  return titles;
}
