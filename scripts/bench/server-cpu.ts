/**
 * CPU the server spent for one run: the backends and walsenders a tool connects to exit when it
 * disconnects, and the postmaster's cutime/cstime (CPU of reaped children) then include them.
 * The checkpointer (the tools' start checkpoint) never exits and is not counted.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { sleep } from '../../test/support';

let ticksPerS: number | undefined;

function clockTicks(): number {
  if (ticksPerS === undefined) {
    try {
      ticksPerS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerS = 100;
    }
  }
  return ticksPerS;
}

/** CPU seconds of the postmaster's reaped children so far, or null when /proc cannot tell. */
export function reapedChildrenCpuS(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) / clockTicks();
  } catch {
    return null;
  }
}

/** Give the postmaster time to reap the run's backends before reading the counter again. */
export async function settleAndReadCpuS(dataDir: string): Promise<number | null> {
  await sleep(300);
  return reapedChildrenCpuS(dataDir);
}
