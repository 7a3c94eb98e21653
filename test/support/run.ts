/** Run a PostgreSQL program as the server OS user, with a timeout and readable failures. */
import { spawn, spawnSync, SpawnOptions } from 'child_process';
import * as path from 'path';
import { isRoot, serverOsUser } from './os-user';

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  timeoutMs?: number;
  cwd?: string;
  env?: Record<string, string>;
  /** Resolve instead of throwing on a non-zero exit. */
  allowFailure?: boolean;
  /** Appended to the error message when the program fails (e.g. a server log tail). */
  context?: () => string;
  /** Run as ourselves (root), e.g. a wrapper that drops to the server user after setting up. */
  asRoot?: boolean;
}

/**
 * Environment for server programs: our own, minus libpq/server PG* variables that would silently
 * point a program at another cluster, plus the server user's HOME.
 */
export function serverEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('PG')) env[k] = v;
  }
  const user = serverOsUser();
  env.HOME = user.home;
  env.USER = user.name;
  env.LOGNAME = user.name;
  env.LC_ALL = 'C';
  return { ...env, ...extra };
}

/** uid/gid spawn options so root can run PostgreSQL (which refuses to run as root). */
export function asServerUser(): Pick<SpawnOptions, 'uid' | 'gid'> {
  if (!isRoot()) return {};
  const user = serverOsUser();
  return { uid: user.uid, gid: user.gid };
}

export function describeCommand(cmd: string, args: string[]): string {
  return [path.basename(cmd), ...args].map((a) => (/[\s'"]/.test(a) ? JSON.stringify(a) : a)).join(' ');
}

export function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd ?? '/',
      env: serverEnv(opts.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(opts.asRoot ? {} : asServerUser()),
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${describeCommand(cmd, args)}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = { code, signal, stdout, stderr };
      if (timedOut || (code !== 0 && !opts.allowFailure)) {
        const why = timedOut ? `timed out after ${timeoutMs} ms` : `exited with ${code ?? signal}`;
        let msg = `${describeCommand(cmd, args)} ${why}`;
        if (stdout.trim()) msg += `\n--- stdout ---\n${tail(stdout, 30)}`;
        if (stderr.trim()) msg += `\n--- stderr ---\n${tail(stderr, 30)}`;
        const ctx = opts.context?.();
        if (ctx) msg += `\n${ctx}`;
        reject(new Error(msg));
        return;
      }
      resolve(result);
    });
  });
}

/** Synchronous variant for process-exit cleanup, where no event loop is left. Never throws. */
export function runSync(cmd: string, args: string[], timeoutMs = 30_000): number | null {
  try {
    const r = spawnSync(cmd, args, { cwd: '/', env: serverEnv(), stdio: 'ignore', timeout: timeoutMs, ...asServerUser() });
    return r.status;
  } catch {
    return null;
  }
}

export function tail(text: string, lines: number): string {
  const all = text.replace(/\s+$/, '').split('\n');
  return all.slice(-lines).join('\n');
}
