/**
 * The FULL section: pg-catchup FULL (-j 1, -j 2) against `pg_basebackup -X stream -c fast` on the
 * same source in the same run. The order alternates between runs so neither tool always goes
 * first; every run writes into a fresh directory that is measured (du -sb) and removed. With
 * --full-sizes-mb it runs once per size, each on its own source, and a table by size follows.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/engine/report/report';
import { Cluster, hasTool, unregisterDir } from '../../test/support';
import { BASELINE, CliCommand, cliEnv, cliTakesFlag, REPO } from './cli-command';
import { GoalId, GoalLedger } from './goals';
import { BACKUP_STOPPED, comparisonCells, COMPARISON_HEADER, worstStopToExitMs } from './section-runs';
import type { SourceDb } from './source-db';
import { settleAndReadCpuS } from './server-cpu';
import { formatTable, median, mib, min, ratioText, runOrder } from './stats';
import { CpuTimes, msFromLineToExit, timedRun } from './timed-run';

export interface RunSample {
  wallMs: number;
  peakRssKb: number | null;
  /** CPU of the tool's own process. */
  clientCpu: CpuTimes | null;
  /** CPU of the server processes that served the run (see server-cpu.ts). */
  serverCpuS: number | null;
  /** du -sb of the result. */
  bytesWritten: number;
  /** pg-catchup only: the engine's own duration from --report (wall minus process start and exit). */
  engineMs?: number;
  walBytes?: number;
  /** pg-catchup only: ms from its "backup stopped" line to its exit. */
  stopToExitMs?: number | null;
}

export interface ToolResult {
  tool: string;
  runs: RunSample[];
  minS: number;
  medianS: number;
  /** Database size / min time. */
  mbPerS: number;
  /** Our min / pg_basebackup's min (null without pg_basebackup). */
  ratioToBasebackup: number | null;
  peakRssKb: number | null;
  /** Medians over the runs. */
  clientCpu: CpuTimes | null;
  serverCpuS: number | null;
}

export interface FullResult {
  /** Requested size, and what the source was. */
  sizeMb: number;
  databaseBytes: number;
  method: string;
  tools: ToolResult[];
  notes: string[];
}

interface Tool {
  name: string;
  /** Copy the source into `target` (an empty dir owned by the server user). */
  run(target: string): Promise<Omit<RunSample, 'bytesWritten' | 'serverCpuS'>>;
}

const BASEBACKUP = 'pg_basebackup -X stream -c fast';

/** `compress`: a --compress row (the default, auto, reads over COPY on loopback). */
function pgCatchupTool(cli: CliCommand, primary: Cluster, threads: number, scratch: string, compress?: string, label = ''): Tool {
  return {
    name: `pg-catchup FULL -j ${threads}${compress ? ` --compress=${compress}` : ''}${label}`,
    async run(target) {
      const reportFile = path.join(scratch, 'report.json');
      const args = ['catchup', '-b', 'FULL', '-D', target, '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres',
        '-j', String(threads), `--report=${reportFile}`, ...(compress ? [`--compress=${compress}`] : [])];
      // As root, like the tests: the tool gives every file to the target directory's owner.
      const r = await timedRun(cli.cmd, [...cli.args, ...args], { env: cliEnv(), cwd: REPO, scratchDir: scratch });
      const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
      fs.rmSync(reportFile);
      if (report.status !== 'success') throw new Error(`pg-catchup reported ${report.status}: ${report.error?.message}`);
      return {
        wallMs: r.wallMs, peakRssKb: r.peakRssKb, clientCpu: r.cpu, engineMs: report.durationMs, walBytes: report.files.walBytes,
        stopToExitMs: msFromLineToExit(r, BACKUP_STOPPED),
      };
    },
  };
}

function basebackupTool(primary: Cluster, scratch: string): Tool {
  return {
    name: BASEBACKUP,
    async run(target) {
      // Plain format, fsync on (its default), as the server OS user like any PostgreSQL tool here.
      const args = ['-d', `host=127.0.0.1 port=${primary.port} user=postgres`, '-D', target, '-X', 'stream', '-c', 'fast'];
      const r = await timedRun(path.join(primary.binDir, 'pg_basebackup'), args, { asServerUser: true, scratchDir: scratch });
      return { wallMs: r.wallMs, peakRssKb: r.peakRssKb, clientCpu: r.cpu };
    },
  };
}

const duBytes = (dir: string): number => Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);

/** One measured run into a fresh directory, which is removed afterwards. */
async function measureOnce(tool: Tool, primary: Cluster): Promise<RunSample> {
  const target = primary.makeTargetDir();
  const scratch = path.dirname(target);
  try {
    const cpuBefore = await settleAndReadCpuS(primary.dataDir);
    const sample = await tool.run(target);
    const cpuAfter = await settleAndReadCpuS(primary.dataDir);
    const serverCpuS = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
    return { ...sample, serverCpuS, bytesWritten: duBytes(target) };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
    unregisterDir(scratch);
    // The next tool should not pay for writing back what this one left (both fsync, so little is left).
    execFileSync('sync');
  }
}

function summarize(tool: string, runs: RunSample[], databaseBytes: number, baseMinS: number | null): ToolResult {
  const walls = runs.map((r) => r.wallMs / 1000);
  const minS = min(walls);
  const rss = runs.map((r) => r.peakRssKb).filter((x): x is number => x !== null);
  const medianOf = (xs: Array<number | null>) => (xs.every((x): x is number => x !== null) ? median(xs) : null);
  return {
    tool,
    runs,
    minS,
    medianS: median(walls),
    mbPerS: mib(databaseBytes) / minS,
    ratioToBasebackup: baseMinS === null ? null : minS / baseMinS,
    peakRssKb: rss.length ? Math.max(...rss) : null,
    clientCpu: runs.every((r) => r.clientCpu !== null)
      ? { userS: median(runs.map((r) => r.clientCpu!.userS)), sysS: median(runs.map((r) => r.clientCpu!.sysS)) }
      : null,
    serverCpuS: medianOf(runs.map((r) => r.serverCpuS)),
  };
}

export async function benchFull(
  source: SourceDb, sizeMb: number, cli: CliCommand, runs: number, scratch: string, say: (line: string) => void, baseline: CliCommand | null = null,
): Promise<FullResult> {
  const { primary } = source;
  const notes: string[] = ['The source is warm in the page cache for every tool and run (dropping the cache is not reliable here).'];
  const tools: Tool[] = [pgCatchupTool(cli, primary, 1, scratch), pgCatchupTool(cli, primary, 2, scratch)];
  // Compressed FULL on loopback: what auto's rule (COPY reads on this host) is measured against.
  // (Left out for an older bundle given with --cli that has no --compress.)
  if (primary.version >= 15 && cliTakesFlag(cli, '--compress') && String((await primary.query("SELECT setting FROM pg_config WHERE name = 'CONFIGURE'"))[0]?.setting).includes('--with-lz4')) {
    tools.push(pgCatchupTool(cli, primary, 1, scratch, 'lz4'));
  }
  if (baseline) tools.push(pgCatchupTool(baseline, primary, 1, scratch, undefined, BASELINE), pgCatchupTool(baseline, primary, 2, scratch, undefined, BASELINE));
  if (hasTool(primary.version, 'pg_basebackup')) tools.push(basebackupTool(primary, scratch));
  else notes.push(`PostgreSQL ${primary.version} here has no pg_basebackup: no comparison.`);

  // Not counted: on this VM the first GB written into fresh page cache costs much more system
  // time (first touch of guest memory), which would otherwise land on whichever tool goes first.
  const warm = await measureOnce(tools[0], primary);
  say(`  warm-up  ${tools[0].name.padEnd(32)} ${(warm.wallMs / 1000).toFixed(2).padStart(7)} s (not counted)`);
  notes.push(`One unmeasured warm-up run (${tools[0].name}) went first.`);

  const samples = new Map<string, RunSample[]>(tools.map((t) => [t.name, []]));
  for (let r = 0; r < runs; r++) {
    const order = runOrder(tools, r);
    for (const tool of order) {
      const s = await measureOnce(tool, primary);
      samples.get(tool.name)!.push(s);
      const engine = s.engineMs === undefined ? '' : ` (engine ${(s.engineMs / 1000).toFixed(2)} s)`;
      const cpu = s.clientCpu === null ? '' : `, CPU tool ${s.clientCpu.userS.toFixed(2)} + ${s.clientCpu.sysS.toFixed(2)} s`;
      const server = s.serverCpuS === null ? '' : ` server ${s.serverCpuS.toFixed(2)} s`;
      const stop = s.stopToExitMs === undefined || s.stopToExitMs === null ? '' : `, backup stopped -> exit ${s.stopToExitMs.toFixed(0)} ms`;
      say(`  run ${r + 1}/${runs}  ${tool.name.padEnd(32)} ${(s.wallMs / 1000).toFixed(2).padStart(7)} s${engine}${cpu}${server}${stop}`);
    }
  }

  const base = samples.get(BASEBACKUP);
  const baseMinS = base ? min(base.map((s) => s.wallMs / 1000)) : null;
  return {
    sizeMb, databaseBytes: source.databaseBytes, method: source.method,
    tools: tools.map((t) => summarize(t.name, samples.get(t.name)!, source.databaseBytes, baseMinS)), notes,
  };
}

const GOAL_OF: Record<string, GoalId> = { 'pg-catchup FULL -j 1': 'full-j1', 'pg-catchup FULL -j 2': 'full-j2' };
const isOurs = (t: ToolResult) => t.tool.startsWith('pg-catchup');
const sizeLabel = (r: FullResult) => `${(r.databaseBytes / 1048576).toFixed(0)} MB`;

/** This size's measurements against the FULL, RSS and no-fixed-waits goals. */
export function recordFullGoals(result: FullResult, ledger: GoalLedger): void {
  const at = `FULL at ${sizeLabel(result)}`;
  for (const t of result.tools) {
    const goal = GOAL_OF[t.tool];
    if (goal && t.ratioToBasebackup !== null) ledger.record(goal, sizeLabel(result), t.ratioToBasebackup);
  }
  const ours = result.tools.filter(isOurs);
  const rss = ours.filter((t) => t.peakRssKb !== null);
  if (rss.length) {
    const top = rss.reduce((a, b) => (b.peakRssKb! > a.peakRssKb! ? b : a));
    ledger.record('rss', `${at}, ${top.tool.replace('pg-catchup ', '')}`, top.peakRssKb! / 1024);
  }
  const stop = worstStopToExitMs(ours.flatMap((t) => t.runs));
  ledger.record('stop-to-exit', at, stop, stop === null ? 'no "backup stopped" line in the log' : undefined);
}

const stopCell = (ms: number | null): string => (ms === null ? '-' : ms.toFixed(0));
const formatWritten = (bytes: number): string => `${bytes} (${mib(bytes).toFixed(0)} MB)`;

export function printFull(result: FullResult, ledger: GoalLedger, say: (line: string) => void): void {
  const hasBase = result.tools.some((t) => t.tool === BASEBACKUP);
  const rows = result.tools.map((t) => [
    t.tool,
    t.minS.toFixed(2),
    t.medianS.toFixed(2),
    t.mbPerS.toFixed(0),
    ...comparisonCells(t.tool === BASEBACKUP ? { vs: '', ratio: 1 } : { vs: hasBase ? 'pg_basebackup' : 'none here', ratio: t.ratioToBasebackup, goal: hasBase ? GOAL_OF[t.tool] : undefined }),
    formatWritten(Math.max(...t.runs.map((r) => r.bytesWritten))),
    t.peakRssKb === null ? '?' : `${(t.peakRssKb / 1024).toFixed(0)} MB`,
    t.clientCpu === null ? '?' : `${t.clientCpu.userS.toFixed(2)} + ${t.clientCpu.sysS.toFixed(2)}`,
    t.serverCpuS === null ? '?' : t.serverCpuS.toFixed(2),
    stopCell(worstStopToExitMs(t.runs)),
  ]);
  say(formatTable(['tool', 'min s', 'median s', 'MB/s', ...COMPARISON_HEADER, 'bytes written (du -sb)', 'peak RSS', 'tool CPU user + sys s', 'server CPU s', 'stop->exit ms'], rows, [0, 4]));
  say('  MB/s = database size / min s; ratio = min s / pg_basebackup min s (above 1: slower); goal and met: issue 7\'s goal for that row');
  say('  tool CPU = the client process (user + system); server CPU = the backends and walsender that served it (medians)');
  say('  stop->exit ms = the slowest run\'s time from pg-catchup\'s "backup stopped" log line to its exit (no fixed waits)');
  for (const t of result.tools.filter((x) => x.runs[0].engineMs !== undefined)) {
    const engineMin = min(t.runs.map((r) => r.engineMs!)) / 1000;
    const outside = min(t.runs.map((r) => r.wallMs - r.engineMs!)) / 1000;
    say(`  ${t.tool}: the engine (report durationMs) took min ${engineMin.toFixed(2)} s; process start and exit add ${outside.toFixed(2)} s`);
  }
  for (const n of result.notes) say(`  note: ${n}`);
  const before = ledger.measurements.length;
  recordFullGoals(result, ledger);
  for (const m of ledger.measurements.slice(before)) say(`  ${ledger.line(m)}`);
}

/** FULL at every size side by side (--full-sizes-mb): does the cost grow linearly? */
export function printFullBySize(results: FullResult[], say: (line: string) => void): void {
  const names = [...new Set(results.flatMap((r) => r.tools.map((t) => t.tool)))];
  const rows = results.flatMap((r) => r.tools.map((t, i) => [
    i === 0 ? sizeLabel(r) : '',
    t.tool,
    t.minS.toFixed(2),
    t.medianS.toFixed(2),
    (t.minS / (r.databaseBytes / 1024 ** 3)).toFixed(2),
    t.mbPerS.toFixed(0),
    ratioText(t.ratioToBasebackup),
    t.peakRssKb === null ? '?' : `${(t.peakRssKb / 1024).toFixed(0)} MB`,
  ]));
  say(formatTable(['database', 'tool', 'min s', 'median s', 's per GB', 'MB/s', 'vs pg_basebackup', 'peak RSS'], rows, 2));
  say(`  linear cost: s per GB (min s / database GB) stays flat from size to size; ${names.length} tools, ${results.length} sizes`);
}
