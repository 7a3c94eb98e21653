/** Runs the pg-catchup CLI from source, as a user would run the installed command. */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BindMount, inMountNamespace } from './mount-namespace';
import { serverOsUser } from './os-user';
import { asServerUser } from './run';
import { expectValidReport } from './report-schema';
import { makeScratchDir } from './scratch';
import type { Report } from '../../src/engine/report/report';

const REPO = path.resolve(__dirname, '..', '..');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when `killOn` matched and the process was killed with SIGKILL. */
  killed: boolean;
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** SIGKILL the process as soon as a stderr line matches (a crash at a known point). */
  killOn?: RegExp;
  /** SIGKILL the process as soon as this returns true (polled every 10 ms: a crash at a measured point). */
  killWhen?: () => boolean;
  /** Run inside a private mount namespace with these bind mounts (another "host"'s view of paths). */
  mountBinds?: BindMount[];
  /** Called with the CLI's PID once it is spawned (to watch its sockets, say). */
  onSpawn?: (pid: number) => void;
  /** Run as the PostgreSQL OS user instead of as ourselves (root in CI): a user that is not root. */
  asServerUser?: boolean;
}

export function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // One process (tsx as a require hook, not its CLI wrapper), so a SIGKILL hits the tool itself.
    const argv = ['--require', require.resolve('tsx/cjs', { paths: [REPO] }), path.join(REPO, 'src/cli/main.ts'), ...args];
    const cmd = opts.mountBinds?.length ? inMountNamespace(opts.mountBinds, process.execPath, argv, false) : { cmd: process.execPath, args: argv };
    const child = spawn(cmd.cmd, cmd.args, {
      cwd: REPO,
      env: { ...process.env, ...(opts.asServerUser ? { HOME: serverOsUser().home, USER: serverOsUser().name } : {}), ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(opts.asServerUser ? asServerUser() : {}),
    });
    if (child.pid !== undefined) opts.onSpawn?.(child.pid);
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (opts.killOn && !killed && opts.killOn.test(stderr)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    const poll = opts.killWhen && setInterval(() => {
      if (!killed && opts.killWhen!()) {
        killed = true;
        child.kill('SIGKILL');
      }
    }, 10);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      resolve({ code, signal, stdout, stderr, killed });
    });
  });
}

/** Fails with the CLI's own stderr (not just its exit code) when a run did not succeed. */
export function expectCliSuccess(res: CliResult): void {
  if (res.code !== 0) throw new Error(`pg-catchup exited ${res.code ?? res.signal}:\n${res.stderr}`);
}

/** The CLI with --report in a scratch file: the report (checked against report.schema.json), stderr and the exit code. */
export async function runCliWithReport(args: string[]): Promise<{ report: Report; stderr: string; code: number | null }> {
  const file = path.join(makeScratchDir('report'), 'report.json');
  const res = await runCli([...args, '--report', file]);
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as Report;
  expectValidReport(report);
  return { report, stderr: res.stderr, code: res.code };
}
