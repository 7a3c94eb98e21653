/**
 * `npm run bench`: a benchmark, not a test. Builds a PostgreSQL primary of the requested size and
 * measures pg-catchup against the standard tool on it, in the same run. Prints one table per mode
 * with issue 7's goal ratios, a summary of every goal at the end, and keeps the numbers as JSON in
 * .bench/ (gitignored). docs/benchmarks.md explains the sections and columns.
 *
 *   npm run bench -- [--size-mb 1024] [--full-sizes-mb 150,1500,4500] [--runs 2] [--pg-version 15]
 *                    [--only full|rate|delta|rewind|sync] [--changed-pct 3|1,3,10,30] [--change-source SIDE=METHOD]
 *                    [--sync-tables 20000] [--link 100mbit|1gbit|100mbit,1gbit] [--cli FILE]
 *
 * Sections: full (FULL against pg_basebackup, at one or several sizes), delta (re-syncing a stale
 * standby with DELTA, and PTRACK on 17+, against copying it again), rewind (pg-catchup rewind
 * against pg_rewind, and against pg_basebackup where pg_rewind cannot). delta and rewind share one
 * source and run in that order: delta changes the source's pages, rewind makes it the old primary
 * of a failover. rate (FULL with --max-rate against pg_basebackup -r) reads the same source before
 * them; sync (--sync-method fsync against syncfs) builds a cluster of many small tables of its own.
 * --link replaces them all with the WAN section (wan.ts): FULL over a shaped link between two
 * network namespaces, against pg_basebackup plain, server-lz4 and server-zstd.
 */
import * as fs from 'fs';
import * as path from 'path';
import { binDir, cleanupAll, hasTool, makeScratchDir } from '../test/support';
import { CliCommand, cliEnv, pgCatchupCommand, REPO } from './bench/cli-command';
import { BenchFlags, FlagError, parseBenchFlags, USAGE } from './bench/flags';
import { benchDelta, DeltaResult } from './bench/delta';
import { benchFull, FullResult, printFull, printFullBySize } from './bench/full';
import { GoalLedger, GoalSummary, Measurement, printGoalSummary } from './bench/goals';
import { describeMachine, describeSteal, Machine, printMachine, readCpuCounters } from './bench/machine';
import { benchRewind, RewindResult } from './bench/rewind';
import { buildSource, SourceDb } from './bench/source-db';
import { benchWan, WanOutcome } from './bench/wan';
import { benchMaxRate, benchSyncMethods, TransferResult } from './bench/transfer';
import { min } from './bench/stats';
import { killLiveChildren, rssMethod, timedRun } from './bench/timed-run';

const say = (line = '') => process.stdout.write(`${line}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

type SourceInfo = Omit<SourceDb, 'primary'> & { pgVersion: number; sizeMb: number };

interface BenchJson {
  startedAt: string;
  flags: BenchFlags;
  machine: Machine;
  /** Every source built, in order (one per FULL size, and the one delta and rewind use). */
  sources: SourceInfo[];
  cli: { command: string; startupS: number };
  rss: string;
  /** One per FULL size. */
  full?: FullResult[];
  delta?: DeltaResult;
  rewind?: RewindResult;
  /** rate and sync (issue 9). */
  transfer?: TransferResult;
  /** --link: FULL over a shaped link (issue 24). */
  wan?: WanOutcome;
  /** Every measurement against issue 7's goals, and the summary per goal. */
  goals: { measurements: Measurement[]; summary: GoalSummary[] };
}

/** How long the CLI takes to start and exit doing nothing: part of every run's wall time. */
async function cliStartupS(cli: CliCommand, scratch: string): Promise<number> {
  const walls: number[] = [];
  for (let i = 0; i < 3; i++) walls.push((await timedRun(cli.cmd, [...cli.args, '--version'], { env: cliEnv(), cwd: REPO, scratchDir: scratch })).wallMs);
  return min(walls) / 1000;
}

function printSource(s: SourceDb): void {
  const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
  say(`  PostgreSQL ${s.serverVersion}, data checksums on, ${s.method}`);
  say(`  databases: ${s.databases.map((d) => `${d.name} ${mb(d.bytes)}`).join(', ')}; total ${mb(s.databaseBytes)} (built in ${secs(s.buildMs)})`);
}

function writeJson(result: BenchJson): string {
  const dir = path.join(REPO, '.bench');
  fs.mkdirSync(dir, { recursive: true });
  const what = result.flags.link ? `wan-${result.flags.link.map((l) => l.label).join('+')}` : result.flags.only.join('+');
  const file = path.join(dir, `${what}-${result.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

async function bench(flags: BenchFlags): Promise<void> {
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  printMachine(machine, say);
  binDir(flags.pgVersion); // fail now, with the places tried, when the version is not installed

  const scratch = makeScratchDir('bench');
  const cli = pgCatchupCommand(flags.cliFile);
  const baseline = flags.baselineCliFile === null ? null : pgCatchupCommand(flags.baselineCliFile);
  const startupS = await cliStartupS(cli, scratch);
  say(`\n== pg-catchup runs as: ${cli.describe}`);
  say(`  start and exit alone (pg-catchup --version, min of 3): ${startupS.toFixed(2)} s; peak RSS from ${rssMethod()}`);
  if (baseline) say(`  [baseline] rows run ${baseline.describe}`);
  if (flags.changeSource.length) say(`  DELTA, PTRACK and rewind runs get ${flags.changeSource.map((f) => `--change-source ${f}`).join(' ')}`);

  const ledger = new GoalLedger();
  const json: BenchJson = {
    startedAt, flags, machine, sources: [], cli: { command: cli.describe, startupS }, rss: rssMethod(), goals: { measurements: [], summary: [] },
  };
  const build = async (sizeMb: number, mixed = false): Promise<SourceDb> => {
    say(`\n== source: ~${sizeMb} MB on PostgreSQL ${flags.pgVersion}`);
    const source = await buildSource(flags.pgVersion, sizeMb, say, { mixed });
    printSource(source);
    const { primary: _server, ...info } = source;
    json.sources.push({ ...info, pgVersion: flags.pgVersion, sizeMb });
    return source;
  };
  if (flags.link) {
    say(`\n  --link ${flags.link.map((l) => l.label).join(',')}: the WAN section alone (the loopback sections need no link: run them without --link)`);
    // Half pgbench, half md5/number/jsonb rows: compressed copies are judged on ordinary data.
    const source = await build(flags.sizeMb, true);
    json.wan = await benchWan(source, cli, flags.link, flags.runs, scratch, say);
    say(`\nresults: ${path.relative(REPO, writeJson(json))}`);
    return;
  }
  const laterSections = flags.only.some((s) => s === 'rate' || s === 'delta' || s === 'rewind');
  if (flags.fullSizesMb && !flags.only.includes('full')) say(`\n  note: --full-sizes-mb is for the full section, which this run leaves out (--only ${flags.only.join(',')})`);
  let kept: SourceDb | null = null;

  if (flags.only.includes('full')) {
    json.full = [];
    const sizes = flags.fullSizesMb ?? [flags.sizeMb];
    for (const sizeMb of sizes) {
      const source = await build(sizeMb);
      say(`\n== FULL at ~${sizeMb} MB: ${flags.runs} run(s) per tool, order rotated each run, a fresh target each time`);
      const cpuBefore = readCpuCounters();
      const result = await benchFull(source, sizeMb, cli, flags.runs, scratch, say, baseline);
      result.notes.push(...[describeSteal(cpuBefore, readCpuCounters())].filter((n): n is string => n !== null));
      json.full.push(result);
      say('');
      printFull(result, ledger, say);
      // delta and rewind use the --size-mb source: keep it when it is this one, drop the others now.
      if (laterSections && sizeMb === flags.sizeMb) kept = source;
      else await source.primary.cleanup();
    }
    if (sizes.length > 1) {
      say('\n== FULL by size');
      printFullBySize(json.full, say);
    }
  }
  if (laterSections) {
    const source = kept ?? (await build(flags.sizeMb));
    if (flags.only.includes('rate')) json.transfer = { rate: await benchMaxRate(source, cli, flags.runs, scratch, say) };
    if (flags.only.includes('delta')) {
      const cpuBefore = readCpuCounters();
      json.delta = await benchDelta(source, cli, flags.changedPct, flags.runs, flags.changeSource, ledger, say, baseline);
      json.delta.notes.push(...[describeSteal(cpuBefore, readCpuCounters())].filter((n): n is string => n !== null));
      for (const n of json.delta.notes) say(`  note: ${n}`);
    }
    if (flags.only.includes('rewind')) {
      if (hasTool(flags.pgVersion, 'pg_rewind') && hasTool(flags.pgVersion, 'pg_controldata')) {
        const cpuBefore = readCpuCounters();
        json.rewind = await benchRewind(source, cli, flags.runs, flags.changeSource, ledger, say, baseline);
        const steal = describeSteal(cpuBefore, readCpuCounters());
        if (steal) say(`  note: ${steal}`);
      } else {
        say(`\n== rewind: skipped: PostgreSQL ${flags.pgVersion} here has no pg_rewind or pg_controldata (${binDir(flags.pgVersion)}); the rewind goals stay unmeasured`);
      }
    }
  }

  if (flags.only.includes('sync')) {
    json.transfer = { rate: json.transfer?.rate ?? [], sync: await benchSyncMethods(flags.pgVersion, cli, flags.runs, flags.syncTables, scratch, say) };
  }

  say('\n== goals (issue 7): every measurement of this run');
  json.goals = { measurements: ledger.measurements, summary: printGoalSummary(ledger, say) };
  say(`\nresults: ${path.relative(REPO, writeJson(json))}`);
}

async function main(): Promise<number> {
  let flags: BenchFlags | null;
  try {
    flags = parseBenchFlags(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof FlagError)) throw err;
    process.stderr.write(`bench: ${err.message}\n${USAGE}\n`);
    return 1;
  }
  if (flags === null) {
    say(USAGE);
    return 0;
  }
  // The harness's exit hook stops the servers and removes the dirs; the tool being measured goes too.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      process.stderr.write(`\nbench: ${sig}: stopping the tool being measured, the servers, and removing the temp dirs\n`);
      killLiveChildren();
      process.exit(130);
    });
  }
  const started = Date.now();
  let ok = false;
  try {
    await bench(flags);
    ok = true;
  } catch (err) {
    process.stderr.write(`\nbench FAILED: ${(err as Error).message}\n`);
  } finally {
    try {
      await cleanupAll();
    } catch (err) {
      ok = false;
      process.stderr.write(`${(err as Error).message}\n`);
    }
  }
  say(`bench ${ok ? 'done' : 'FAILED'} in ${secs(Date.now() - started)}`);
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code));
