/**
 * Run one program as a child and measure its wall time and peak RSS. Peak RSS comes from
 * GNU `/usr/bin/time -v` when present (the kernel's ru_maxrss, exact), otherwise from sampling
 * /proc/<pid>/status VmHWM every 50 ms (the last sample before exit, so a late peak can be missed).
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { asServerUser, describeCommand, serverEnv, tail } from '../../test/support/run';

const GNU_TIME = '/usr/bin/time';
const SAMPLE_MS = 50;

export interface TimedRunOptions {
  /** Run as the PostgreSQL OS user (pg_basebackup), with the harness's server environment. */
  asServerUser?: boolean;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Where /usr/bin/time may write its numbers (a dir both root and the server user can write). */
  scratchDir: string;
  timeoutMs?: number;
  /** Resolve with the exit code instead of throwing when the program fails (a refusal is a result). */
  allowFailure?: boolean;
}

export interface CpuTimes {
  userS: number;
  sysS: number;
}

export interface TimedRunResult {
  wallMs: number;
  peakRssKb: number | null;
  /** User and system CPU of the program (null without /usr/bin/time). */
  cpu: CpuTimes | null;
  /**
   * Bytes the program dirtied in the page cache (ru_oublock x 512, "File system outputs" of
   * /usr/bin/time -v; null without it): the same yardstick for every tool, whatever it reports.
   */
  fsWriteBytes: number | null;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Each stderr line (split at \n and \r) with when it arrived: where the time went. */
  stderrLines: StampedLine[];
}

export interface StampedLine {
  /** Milliseconds since the program was started. */
  atMs: number;
  line: string;
}

export const rssMethod = (): string => (hasGnuTime() ? `${GNU_TIME} -v` : `/proc/<pid>/status VmHWM sampled every ${SAMPLE_MS} ms`);

const live = new Set<ChildProcess>();

/** On Ctrl-C: the running tool must not outlive the bench. */
export function killLiveChildren(): void {
  for (const c of live) c.kill('SIGKILL');
}

function hasGnuTime(): boolean {
  try {
    fs.accessSync(GNU_TIME, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let runNo = 0;

/** Runs `cmd args`; throws with the tail of its stderr unless it exits 0. */
export async function timedRun(cmd: string, args: string[], opts: TimedRunOptions): Promise<TimedRunResult> {
  const statsFile = path.join(opts.scratchDir, `time-${process.pid}-${++runNo}.txt`);
  const viaTime = hasGnuTime();
  const [exe, argv] = viaTime ? [GNU_TIME, ['-v', '-o', statsFile, cmd, ...args]] : [cmd, args];
  const started = process.hrtime.bigint();
  const child = spawn(exe, argv, {
    cwd: opts.cwd ?? '/',
    env: opts.asServerUser ? serverEnv() : opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(opts.asServerUser ? asServerUser() : {}),
  });
  live.add(child);
  let stderr = '';
  let stdout = '';
  const stderrLines: StampedLine[] = [];
  let partial = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    const atMs = Number(process.hrtime.bigint() - started) / 1e6;
    const parts = (partial + d).split(/\r\n|\r|\n/);
    partial = parts.pop() ?? '';
    for (const line of parts) if (line.trim()) stderrLines.push({ atMs, line });
  });
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  let sampledKb = 0;
  const sampler = viaTime ? undefined : setInterval(() => (sampledKb = Math.max(sampledKb, readVmHwmKb(child.pid) ?? 0)), SAMPLE_MS);
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 3_600_000);
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, s) => resolve({ code: c, signal: s }));
  }).finally(() => {
    clearTimeout(timer);
    if (sampler) clearInterval(sampler);
    live.delete(child);
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (partial.trim()) stderrLines.push({ atMs: wallMs, line: partial });
  const stats = viaTime ? readGnuTime(statsFile) : { peakRssKb: sampledKb || null, cpu: null, fsWriteBytes: null };
  fs.rmSync(statsFile, { force: true });
  if (code !== 0 && !(opts.allowFailure && code !== null)) {
    throw new Error(`${describeCommand(cmd, args)} exited with ${code ?? signal}:\n${tail(stderr, 20)}`);
  }
  return { wallMs, ...stats, exitCode: code, stdout, stderr, stderrLines };
}

/**
 * The program's own messages with the time each arrived, progress lines ("123/456 kB") left out
 * but the last: a timeline of its phases, ending with its exit.
 */
export function phases(r: TimedRunResult, max = 14): string[] {
  const progress = /^\s*\d+\/\d+ kB|^pg-catchup: progress: /;
  const lines = r.stderrLines.filter((l, i, all) => !progress.test(l.line) || !all.slice(i + 1).some((x) => progress.test(x.line)));
  const shown = lines.length > max ? [...lines.slice(0, max - 1), lines[lines.length - 1]] : lines;
  const cut = (s: string) => (s.length > 150 ? `${s.slice(0, 147)}...` : s);
  return [...shown.map((l) => `+${(l.atMs / 1000).toFixed(2)} s  ${cut(l.line.trim())}`), `+${(r.wallMs / 1000).toFixed(2)} s  (exit)`];
}

/**
 * Milliseconds from the first stderr line matching `pattern` to the program's exit (null when no
 * line matches): e.g. from pg-catchup's "backup stopped at" to its exit, the "no fixed waits" goal.
 * Both ends are when the bench saw them (the line's arrival, the process's close): good to a few
 * ms, as the bench is idle while the tool runs.
 */
export function msFromLineToExit(r: TimedRunResult, pattern: RegExp): number | null {
  const line = r.stderrLines.find((l) => pattern.test(l.line));
  return line ? r.wallMs - line.atMs : null;
}

function readGnuTime(statsFile: string): { peakRssKb: number | null; cpu: CpuTimes | null; fsWriteBytes: number | null } {
  let text = '';
  try {
    text = fs.readFileSync(statsFile, 'utf8');
  } catch {
    // no numbers: report them as unknown
  }
  const num = (re: RegExp) => {
    const m = re.exec(text);
    return m ? Number(m[1]) : null;
  };
  const user = num(/User time \(seconds\): ([\d.]+)/);
  const sys = num(/System time \(seconds\): ([\d.]+)/);
  const outputs = num(/File system outputs: (\d+)/);
  return {
    peakRssKb: num(/Maximum resident set size \(kbytes\): (\d+)/),
    cpu: user === null || sys === null ? null : { userS: user, sysS: sys },
    fsWriteBytes: outputs === null ? null : outputs * 512,
  };
}

function readVmHwmKb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null; // exited between samples
  }
}
