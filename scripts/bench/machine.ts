/** What the numbers were measured on, printed first and kept in the JSON. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';

export interface Machine {
  nproc: number;
  cpu: string;
  kernel: string;
  memoryGb: number;
  /** `free -g` as printed. */
  free: string;
  node: string;
}

function command(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return `(${cmd} not available)`;
  }
}

function cpuModel(): string {
  try {
    const line = fs.readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    return line ? line.split(':')[1].trim() : os.cpus()[0]?.model ?? 'unknown';
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
}

export function describeMachine(): Machine {
  return {
    nproc: Number(command('nproc', [])) || os.cpus().length,
    cpu: cpuModel(),
    kernel: `${os.type()} ${os.release()}`,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    free: command('free', ['-g']),
    node: process.version,
  };
}

export function printMachine(m: Machine, say: (line: string) => void): void {
  say(`machine: nproc ${m.nproc}, ${m.cpu}, ${m.kernel}, node ${m.node}`);
  say(m.free.split('\n').map((l) => `  ${l}`).join('\n'));
}

/** The machine's CPU time counters (/proc/stat, in ticks): all of it, and what the hypervisor took (steal). */
export interface CpuCounters {
  total: number;
  steal: number;
}

export function readCpuCounters(): CpuCounters | null {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal [guest guest_nice, already counted in user and nice]
    return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return null;
  }
}

/** Above this share of stolen CPU, timings of the same job vary by half or more (seen on this project's VM). */
const NOISY_STEAL = 0.05;

/**
 * How much CPU the hypervisor took while a section ran: on a VM whose host is busy, a job's wall
 * time can double from one run to the next, and ratios between tools timed minutes apart mean
 * little. Printed after each section so that a reader knows which numbers to trust.
 */
export function describeSteal(from: CpuCounters | null, to: CpuCounters | null): string | null {
  if (!from || !to || to.total <= from.total) return null;
  const share = (to.steal - from.steal) / (to.total - from.total);
  const pct = `${(100 * share).toFixed(1)} %`;
  return share > NOISY_STEAL
    ? `CPU stolen by the hypervisor during this section: ${pct} of the machine's time: timings are noisy (compare rows of one section, run in alternation, not sections or runs of different times)`
    : `CPU stolen by the hypervisor during this section: ${pct}`;
}
