/**
 * The run loop of the delta and rewind sections: tools that each get a target made ready before
 * the clock starts (a fresh empty directory, or a saved copy restored with cp -a and synced), run
 * in order rotated each run, and whose first result is checked (started as a standby and compared with
 * its source at the same LSN) after the clock stopped, so a fast wrong answer never gets a number.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/engine/report/report';
import { Cluster, expectSameDataAtSameLsn, makeScratchDir, startAsStandby, unregisterDir } from '../../test/support';
import { run } from '../../test/support/run';
import { CliCommand, cliEnv, REPO } from './cli-command';
import { GoalId, goalCells, GoalLedger, Measurement } from './goals';
import { settleAndReadCpuS } from './server-cpu';
import { formatTable, median, mib, min, ratioText, runOrder } from './stats';
import { CpuTimes, msFromLineToExit, phases, timedRun, TimedRunResult } from './timed-run';

export interface Sample {
  wallMs: number;
  /** pg-catchup: the engine's own duration (report durationMs). */
  engineMs?: number;
  peakRssKb: number | null;
  clientCpu: CpuTimes | null;
  /** CPU of the source server's processes that served the run (see server-cpu.ts). */
  serverCpuS: number | null;
  /** What the tool itself counts as written (see `bytesHow`), null when it does not say. */
  bytesWritten: number | null;
  bytesHow: string;
  /** ru_oublock x 512 of the tool's process (see timed-run.ts): the same yardstick for all. */
  fsWriteBytes: number | null;
  /** pg-catchup DELTA/rewind: blocks of relation files patched (report files.blocksCopied). */
  blocksCopied?: number;
  /** Lines worth printing once (e.g. where the tool says the servers diverged). */
  says?: string[];
  /** Printed on every run's line (e.g. what the source held when the run started). */
  context?: string;
  /** pg-catchup: ms from its "backup stopped" line to its exit (the "no fixed waits" goal). */
  stopToExitMs?: number | null;
  /** pg-catchup: the report's byte counts, for the bytes-written goal. */
  reportFiles?: { bytesCopied: number; walBytes: number; blocksCopied: number };
  /** pg-catchup DELTA/PTRACK/rewind: the method each side used (report changeSources, when it has them). */
  changeSources?: ChangeSourceView[];
}

export type ToolOutcome = Omit<Sample, 'serverCpuS'>;

export interface BenchTool {
  name: string;
  /** Untimed: a target ready for the run. */
  prepare(): Promise<string>;
  /** Timed. */
  run(target: string): Promise<ToolOutcome>;
  /** Untimed: remove what is left of the target. */
  discard(target: string): Promise<void>;
}

export interface ToolSummary {
  tool: string;
  runs: Sample[];
  minS: number;
  medianS: number;
  peakRssKb: number | null;
  clientCpu: CpuTimes | null;
  serverCpuS: number | null;
  /** Name of the check that passed on the first run's result. */
  verified: string;
}

export const secs = (ms: number): string => (ms / 1000).toFixed(2);

/**
 * Run every tool `runs` times (order reversed on every other run); `verify` gets the first result
 * of each tool before it is discarded and must throw unless it is right.
 */
export async function runTools(
  tools: BenchTool[], runs: number, serverDataDir: string,
  verify: (tool: BenchTool, target: string) => Promise<string>, say: (line: string) => void,
): Promise<ToolSummary[]> {
  const samples = new Map<string, Sample[]>(tools.map((t) => [t.name, []]));
  const verified = new Map<string, string>();
  for (let r = 0; r < runs; r++) {
    const order = runOrder(tools, r);
    for (const tool of order) {
      const target = await tool.prepare();
      try {
        const cpuBefore = await settleAndReadCpuS(serverDataDir);
        const outcome = await tool.run(target).catch((err: Error) => { throw Object.assign(err, { failedTool: tool.name }); });
        const cpuAfter = await settleAndReadCpuS(serverDataDir);
        const s: Sample = { ...outcome, serverCpuS: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
        samples.get(tool.name)!.push(s);
        say(`  run ${r + 1}/${runs}  ${tool.name.padEnd(34)} ${secs(s.wallMs).padStart(7)} s${describeSample(s)}`);
        if (r === 0) for (const line of s.says ?? []) say(`             | ${line}`);
        if (!verified.has(tool.name)) {
          const started = Date.now();
          verified.set(tool.name, await verify(tool, target));
          say(`             checked: ${verified.get(tool.name)} (${((Date.now() - started) / 1000).toFixed(0)} s, not timed)`);
        }
      } finally {
        await tool.discard(target);
        // The next tool should not pay for writing back what this one (or the restore) left.
        execFileSync('sync');
      }
    }
  }
  for (const tool of tools) {
    const mixed = mixedMethods(samples.get(tool.name)!);
    if (mixed) say(`  note: ${tool.name}: ${mixed}`);
  }
  return tools.map((t) => summarize(t.name, samples.get(t.name)!, verified.get(t.name) ?? 'not checked'));
}

/**
 * Null when every run of a tool found its changed blocks the same way; otherwise which runs used
 * which, because its min then compares methods, not runs (every run adds WAL on the primary, so a
 * cheap WAL replay in run 1 can lose to the page scan by run 2).
 */
export function mixedMethods(runs: ReadonlyArray<{ changeSources?: ChangeSourceView[] }>): string | null {
  const methods = runs.map((r) => (r.changeSources ?? []).map((c) => `${c.side ?? '?'}=${c.method ?? '?'}`).join(', ') || 'none recorded');
  if (new Set(methods).size <= 1) return null;
  const byMethod = new Map<string, number[]>();
  methods.forEach((m, i) => byMethod.set(m, [...(byMethod.get(m) ?? []), i + 1]));
  const parts = [...byMethod].map(([m, runNos]) => `run${runNos.length > 1 ? 's' : ''} ${runNos.join(', ')}: ${m}`);
  return `its runs found changed blocks in different ways (${parts.join('; ')}): its min and median mix methods`;
}

function describeSample(s: Sample): string {
  const parts: string[] = [];
  if (s.engineMs !== undefined) parts.push(`engine ${secs(s.engineMs)} s`);
  if (s.stopToExitMs !== undefined && s.stopToExitMs !== null) parts.push(`backup stopped -> exit ${s.stopToExitMs.toFixed(0)} ms`);
  if (s.bytesWritten !== null) parts.push(`wrote ${mib(s.bytesWritten).toFixed(1)} MB (${s.bytesHow})`);
  if (s.blocksCopied !== undefined) parts.push(`${s.blocksCopied} blocks`);
  if (s.clientCpu) parts.push(`CPU tool ${s.clientCpu.userS.toFixed(2)} + ${s.clientCpu.sysS.toFixed(2)} s`);
  if (s.serverCpuS !== null) parts.push(`server ${s.serverCpuS.toFixed(2)} s`);
  if (s.context) parts.push(s.context);
  return parts.length ? `  ${parts.join(', ')}` : '';
}

function summarize(tool: string, runs: Sample[], verified: string): ToolSummary {
  const walls = runs.map((r) => r.wallMs / 1000);
  const rss = runs.map((r) => r.peakRssKb).filter((x): x is number => x !== null);
  const medianOf = (xs: Array<number | null>) => (xs.every((x): x is number => x !== null) ? median(xs) : null);
  return {
    tool,
    runs,
    minS: min(walls),
    medianS: median(walls),
    peakRssKb: rss.length ? Math.max(...rss) : null,
    clientCpu: runs.every((r) => r.clientCpu !== null)
      ? { userS: median(runs.map((r) => r.clientCpu!.userS)), sysS: median(runs.map((r) => r.clientCpu!.sysS)) }
      : null,
    serverCpuS: medianOf(runs.map((r) => r.serverCpuS)),
    verified,
  };
}

const mb = (bytes: number | null): string => (bytes === null ? '?' : `${mib(bytes).toFixed(1)} MB`);

/** The slowest "backup stopped" to exit over a tool's runs (null: no run logged the line). */
export function worstStopToExitMs(runs: Array<{ stopToExitMs?: number | null }>): number | null {
  const ms = runs.map((r) => r.stopToExitMs).filter((x): x is number => x !== null && x !== undefined);
  return ms.length ? Math.max(...ms) : null;
}

/** A row's comparison: which tool it is measured against, the ratio of min s, and its goal if it has one. */
export interface Comparison {
  /** Short name of the comparison tool; '' for the comparison row itself. */
  vs: string;
  ratio: number | null;
  goal?: GoalId;
}

export const COMPARISON_HEADER = ['vs', 'ratio', 'goal', 'met'];

/** vs, ratio, goal, met: "-" where a row has no goal. */
export function comparisonCells(c: Comparison): string[] {
  return [c.vs || '(baseline)', ratioText(c.ratio), ...(c.goal ? goalCells(c.goal, c.ratio) : ['-', '-'])];
}

/** The common columns of a summary row after min, median and the comparison. */
export function summaryCells(t: ToolSummary): string[] {
  const bytes = t.runs.map((r) => r.bytesWritten);
  const fsw = t.runs.map((r) => r.fsWriteBytes);
  const medianOrNull = (xs: Array<number | null>) => (xs.every((x): x is number => x !== null) ? median(xs) : null);
  const blocks = t.runs.every((r) => r.blocksCopied !== undefined) ? String(median(t.runs.map((r) => r.blocksCopied!))) : '-';
  const stop = worstStopToExitMs(t.runs);
  return [
    mb(medianOrNull(bytes)),
    blocks,
    mb(medianOrNull(fsw)),
    t.peakRssKb === null ? '?' : `${(t.peakRssKb / 1024).toFixed(0)} MB`,
    t.clientCpu === null ? '?' : `${t.clientCpu.userS.toFixed(2)} + ${t.clientCpu.sysS.toFixed(2)}`,
    t.serverCpuS === null ? '?' : t.serverCpuS.toFixed(2),
    stop === null ? '-' : stop.toFixed(0),
  ];
}

export const SUMMARY_HEADER = ['bytes written', 'blocks', 'fs writes', 'peak RSS', 'tool CPU user + sys s', 'server CPU s', 'stop->exit ms'];

export interface SummaryRow {
  first: string[];
  t: ToolSummary;
  cmp: Comparison;
  extra?: string[];
}

/** first columns | min s, median s | vs, ratio, goal, met | common columns | extra columns. */
export function printSummaryTable(firstHeader: string[], rows: SummaryRow[], extraHeader: string[], say: (line: string) => void): void {
  const header = [...firstHeader, 'min s', 'median s', ...COMPARISON_HEADER, ...SUMMARY_HEADER, ...extraHeader];
  const cells = rows.map((r) => [...r.first, r.t.minS.toFixed(2), r.t.medianS.toFixed(2), ...comparisonCells(r.cmp), ...summaryCells(r.t), ...(r.extra ?? [])]);
  const vsColumn = firstHeader.length + 2;
  say(formatTable(header, cells, [...firstHeader.map((_, i) => i), vsColumn]));
}

/** Peak RSS and "backup stopped" to exit of every pg-catchup run of a section (delta, rewind). */
export function recordSectionGoals(steps: Array<{ tools: ToolSummary[] }>, ledger: GoalLedger, section: string, say: (line: string) => void): void {
  const ours = steps.flatMap((s) => s.tools).filter((t) => t.tool.startsWith('pg-catchup'));
  if (ours.length === 0) return;
  const rss = ours.filter((t) => t.peakRssKb !== null);
  const ms: Measurement[] = [];
  if (rss.length) {
    const top = rss.reduce((a, b) => (b.peakRssKb! > a.peakRssKb! ? b : a));
    ms.push(ledger.record('rss', `${section}, ${top.tool.replace('pg-catchup ', '')}`, top.peakRssKb! / 1024));
  }
  const stop = worstStopToExitMs(ours.flatMap((t) => t.runs));
  ms.push(ledger.record('stop-to-exit', section, stop, stop === null ? 'no "backup stopped" line in the log' : undefined));
  say('');
  for (const m of ms) say(`  ${ledger.line(m)}`);
}

// ------------------------------------------------------------------ targets

/** A fresh empty directory for a copy (its own scratch dir, removed by `discardFresh`). */
export function freshTarget(primary: Cluster): string {
  return primary.makeTargetDir();
}

export async function discardFresh(target: string): Promise<void> {
  const scratch = path.dirname(target);
  fs.rmSync(scratch, { recursive: true, force: true });
  unregisterDir(scratch);
}

/**
 * A stopped data directory saved once (cp -a, outside every timing) and restored into the same
 * path before each run, so every run starts from the same bytes.
 */
export class SavedCopy {
  readonly target: string;
  private readonly saved: string;

  private constructor(readonly label: string, work: string) {
    this.saved = path.join(work, 'saved');
    this.target = path.join(work, 'pgdata');
  }

  /** Save `dataDir` (stopped) as it is now. */
  static async save(label: string, dataDir: string): Promise<SavedCopy> {
    const c = new SavedCopy(label, makeScratchDir(`bench-${label}`));
    await run('cp', ['-a', dataDir, c.saved], { timeoutMs: 600_000 });
    for (const f of ['postmaster.pid', 'postmaster.opts']) fs.rmSync(path.join(c.saved, f), { force: true });
    return c;
  }

  /** The saved copy as the target (cp -a as the server user keeps owner and modes), synced. */
  async restore(): Promise<string> {
    this.discard();
    await run('cp', ['-a', this.saved, this.target], { timeoutMs: 600_000 });
    execFileSync('sync');
    return this.target;
  }

  /** Edit the saved copy itself (e.g. remove WAL from it). */
  get savedDir(): string {
    return this.saved;
  }

  discard(): void {
    fs.rmSync(this.target, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ checks

/**
 * Start `target` (it has standby.signal) as a standby of `source`, compare both at the same LSN,
 * stop it. Returns what was checked. The standby's own files go with it (Cluster.cleanup).
 */
export async function checkAsStandby(source: Cluster, target: string, name: string): Promise<string> {
  const standby = await startAsStandby(target, { name });
  try {
    const cmp = await expectSameDataAtSameLsn(source, standby, 300_000);
    const tables = Object.values(cmp.a.tables).reduce((n, t) => n + Object.keys(t).length, 0);
    const lsn = await standby.currentLsn();
    return `started as a standby, same data as ${source.name} at ${lsn} (${cmp.a.databases.length} databases, ${tables} tables)`;
  } finally {
    await standby.cleanup();
  }
}

// ------------------------------------------------------------------ pg_basebackup runs

/** `pg_basebackup -R -X stream -c fast` of `primary` into a fresh directory; bytes written by du -sb. */
export function basebackupTool(name: string, primary: Cluster, scratch: string): BenchTool {
  return {
    name,
    prepare: async () => freshTarget(primary),
    async run(target) {
      const args = ['-d', `host=127.0.0.1 port=${primary.port} user=postgres`, '-D', target, '-R', '-X', 'stream', '-c', 'fast'];
      const r = await timedRun(path.join(primary.binDir, 'pg_basebackup'), args, { asServerUser: true, scratchDir: scratch });
      const du = Number(execFileSync('du', ['-sb', target], { encoding: 'utf8' }).split('\t')[0]);
      return { wallMs: r.wallMs, peakRssKb: r.peakRssKb, clientCpu: r.cpu, bytesWritten: du, bytesHow: 'du -sb', fsWriteBytes: r.fsWriteBytes };
    },
    discard: discardFresh,
  };
}

// ------------------------------------------------------------------ change sources

/**
 * One entry of a report's changeSources, read loosely: older reports have none or only the first
 * five fields; newer ones add bytesRead, the cost estimate the method was chosen by and the
 * reason. Fields the bench does not know yet are printed as they are.
 */
export interface ChangeSourceView {
  side?: string;
  method?: string;
  filesScanned?: number;
  blocksFound?: number;
  detail?: string;
  bytesRead?: number;
  estimate?: { seconds?: number; bytes?: number };
  reason?: string;
  [more: string]: unknown;
}

const KNOWN_CHANGE_SOURCE_FIELDS = new Set(['side', 'method', 'filesScanned', 'blocksFound', 'detail', 'bytesRead', 'estimate', 'reason']);

export function changeSourcesOf(report: Report): ChangeSourceView[] | undefined {
  const list = (report as unknown as { changeSources?: unknown }).changeSources;
  return Array.isArray(list) ? (list as ChangeSourceView[]) : undefined;
}

const compact = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v));

/** "estimated 0.12 s, 3.4 MB", or '' without an estimate. */
function estimateText(c: ChangeSourceView): string {
  const e = c.estimate;
  if (!e || typeof e !== 'object') return '';
  const parts = [typeof e.seconds === 'number' ? `${e.seconds.toFixed(2)} s` : '', typeof e.bytes === 'number' ? mb(e.bytes) : ''].filter(Boolean);
  return parts.length ? `estimated ${parts.join(', ')}` : `estimated ${compact(e)}`;
}

/** "source=page-scan (estimated 0.12 s, 3.4 MB), target=target-wal", or what the report lacks. For every run's line. */
export function changeSourceMethods(list: ChangeSourceView[] | undefined): string {
  if (!list) return 'change sources: not in the report';
  if (list.length === 0) return 'change sources: none recorded';
  return `change sources: ${list.map((c) => {
    const est = estimateText(c);
    return `${c.side ?? '?'}=${c.method ?? '?'}${est ? ` (${est})` : ''}`;
  }).join(', ')}`;
}

/** One line per side with everything the report says about it (counts, bytes read, estimate, reason, ...). */
export function describeChangeSources(list: ChangeSourceView[] | undefined): string[] {
  if (!list) return ['report: no changeSources (an engine that does not record how it found changed blocks)'];
  return list.map((c) => {
    const parts = [`${c.method ?? '?'}`];
    if (c.filesScanned !== undefined) parts.push(`${c.filesScanned} files scanned`);
    if (c.blocksFound !== undefined) parts.push(`${c.blocksFound} blocks`);
    if (typeof c.bytesRead === 'number') parts.push(`${mb(c.bytesRead)} read`);
    const est = estimateText(c);
    if (est) parts.push(est);
    for (const [k, v] of Object.entries(c)) if (!KNOWN_CHANGE_SOURCE_FIELDS.has(k) && v !== undefined) parts.push(`${k} ${compact(v)}`);
    if (c.detail) parts.push(c.detail);
    if (c.reason) parts.push(`why: ${c.reason}`);
    return `report: ${c.side ?? '?'} side changed blocks by ${parts.join(', ')}`;
  });
}

/** --change-source SIDE=METHOD for each one asked for (the engine's hidden option). */
export const changeSourceArgs = (forced: string[]): string[] => forced.flatMap((f) => ['--change-source', f]);

// ------------------------------------------------------------------ pg-catchup runs

/** Run the pg-catchup CLI (as root, like the tests) with --report; the report comes back too. */
export async function runPgCatchup(cli: CliCommand, args: string[], scratch: string, opts: { allowFailure?: boolean } = {}): Promise<{ r: TimedRunResult; report: Report | null }> {
  const reportFile = path.join(scratch, `report-${process.pid}-${Date.now()}.json`);
  const r = await timedRun(cli.cmd, [...cli.args, ...args, `--report=${reportFile}`], {
    env: cliEnv(), cwd: REPO, scratchDir: scratch, allowFailure: opts.allowFailure,
  });
  let report: Report | null = null;
  if (fs.existsSync(reportFile)) {
    report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
    fs.rmSync(reportFile);
  }
  if (!opts.allowFailure && report?.status !== 'success') {
    throw new Error(`pg-catchup ${args[0]} reported ${report?.status ?? 'nothing'}: ${report?.error?.message ?? r.stderr}`);
  }
  return { r, report };
}

/** pg-catchup's log line when pg_backup_stop has returned, or the copy window of a sessionless replay closed (and the WAL up to it is in). */
export const BACKUP_STOPPED = /pg-catchup: (backup stopped|WAL complete) at /;

/**
 * A sample from a successful pg-catchup run: bytes written = relation and other files + WAL.
 * Incremental runs (DELTA, PTRACK, rewind) also say on every run's line which change source
 * each side used, when the report tells.
 */
/** The engine's own phase timings (report.phases), on one line. */
function reportPhases(report: Report): string[] {
  const list = (report as unknown as { phases?: Array<{ phase: string; durationMs: number }> }).phases;
  if (!list?.length) return [];
  return [`report: phases ${list.map((p) => `${p.phase} ${(p.durationMs / 1000).toFixed(2)} s`).join(', ')}`];
}

export function pgCatchupOutcome(r: TimedRunResult, report: Report): ToolOutcome {
  const f = report.files;
  const incremental = report.mode !== 'FULL';
  const changeSources = incremental ? changeSourcesOf(report) : undefined;
  return {
    wallMs: r.wallMs, engineMs: report.durationMs, peakRssKb: r.peakRssKb, clientCpu: r.cpu,
    bytesWritten: f.bytesCopied + f.walBytes, bytesHow: 'report: files + WAL',
    fsWriteBytes: r.fsWriteBytes, blocksCopied: incremental ? f.blocksCopied : undefined,
    says: [...phases(r), ...reportPhases(report)],
    stopToExitMs: msFromLineToExit(r, BACKUP_STOPPED),
    reportFiles: { bytesCopied: f.bytesCopied, walBytes: f.walBytes, blocksCopied: f.blocksCopied },
    ...(incremental ? { changeSources, context: changeSourceMethods(changeSources) } : {}),
  };
}
