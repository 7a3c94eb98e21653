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
