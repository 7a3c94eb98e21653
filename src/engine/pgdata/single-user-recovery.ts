import fs from 'fs';
import os from 'os';
import path from 'path';
import type { CommandRunner } from '../command-runner';
import type { FileOwner } from './file-owner';
import { CatchupError } from '../errors';

/**
 * The postgres binary of the target's major version: an explicit directory, then the usual
 * package locations (Debian/Ubuntu, RHEL/PGDG), then PATH. Its version must match.
 */
export async function findPostgresBinary(major: number, runner: CommandRunner, binDir?: string, program: 'postgres' | 'pg_ctl' = 'postgres'): Promise<string> {
  const candidates = binDir
    ? [path.join(binDir, program)]
    : [
        `/usr/lib/postgresql/${major}/bin/${program}`,
        `/usr/pgsql-${major}/bin/${program}`,
        ...(process.env.PATH ?? '').split(':').filter(Boolean).map((d) => path.join(d, program)),
      ];
  const tried: string[] = [];
  for (const candidate of candidates) {
    if (!fs.existsSync(candidate)) continue;
    const res = await runner.run(candidate, ['-V']);
    const m = /\(PostgreSQL\) (\d+)/.exec(res.stdout);
    if (m && Number(m[1]) === major) return candidate;
    tried.push(`${candidate} (${res.stdout.trim() || 'no version'})`);
  }
  throw new CatchupError('no-postgres-binary',
    `No ${program} binary of PostgreSQL ${major} found for the target${tried.length ? ` (found: ${tried.join(', ')})` : ''}.`,
    `Name the bin directory of PostgreSQL ${major} (--target-bindir, or the action's pg-bin-dir).`);
}

/**
 * Brings a target that was not shut down cleanly to a clean state, as pg_rewind does:
 * single-user mode replays WAL (crash recovery) and exits at end of input with a checkpoint.
 * As root, it runs as the data directory's owner (PostgreSQL refuses root).
 */
export async function runSingleUserRecovery(targetDir: string, postgres: string, owner: FileOwner | null, runner: CommandRunner): Promise<void> {
  const args = ['--single', '-F', '-c', 'exit_on_error=false', '-D', targetDir, 'template1'];
  const res = await runAsOwner(runner, owner, postgres, args, Buffer.alloc(0));
  if (res.exitCode !== 0) {
    const tail = `${res.stderr}${res.stdout}`.trim().split('\n').slice(-5).join(' | ');
    throw new CatchupError('crash-recovery-failed',
      `Single-user crash recovery of the target failed (exit ${res.exitCode}): ${tail}.`,
      'Start the target once yourself to see why (pg_ctl start), stop it cleanly, and rerun.');
  }
}

/**
 * Runs a program as the data directory's owner: PostgreSQL refuses to run as root, and files a
 * restore_command writes must belong to the owner too.
 */
export async function runAsOwner(runner: CommandRunner, owner: FileOwner | null, command: string, args: string[], input?: Buffer) {
  const user = owner && os.userInfo().uid !== owner.uid ? userNameOf(owner.uid) : null;
  return user ? runner.run('runuser', ['-u', user, '--', command, ...args], { input }) : runner.run(command, args, { input });
}

/** The target's restore_command as its own server reads its configuration (pg_rewind does the same). */
export async function targetRestoreCommand(targetDir: string, postgres: string, owner: FileOwner | null, runner: CommandRunner): Promise<string> {
  const res = await runAsOwner(runner, owner, postgres, ['-D', targetDir, '-C', 'restore_command']);
  const value = res.stdout.trim();
  if (res.exitCode !== 0 || value === '') {
    throw new CatchupError('no-restore-command',
      `-c/--restore-target-wal needs restore_command in the target's configuration, and ${res.exitCode !== 0 ? `reading it failed: ${res.stderr.trim()}` : 'it is empty'}.`,
      "Set restore_command in the target's postgresql.conf (e.g. 'cp /archive/%f %p'), or rebuild the target with -b FULL.");
  }
  return value;
}

function userNameOf(uid: number): string | null {
  for (const line of fs.readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const f = line.split(':');
    if (Number(f[2]) === uid) return f[0];
  }
  return null;
}
