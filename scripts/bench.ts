/**
 * `npm run bench`: a benchmark, not a test. Builds a PostgreSQL primary of the requested size and
 * measures pg-catchup against the standard tool on it, in the same run. Prints a table and keeps
 * the numbers as JSON in .bench/ (gitignored).
 *
 *   npm run bench -- [--size-mb 1024] [--runs 2] [--pg-version 15] [--only full|delta|rewind] [--changed-pct 2|1,3,10,30]
 *
 * Sections: full (FULL against pg_basebackup), delta (re-syncing a stale standby with DELTA against
 * copying it again), rewind (pg-catchup rewind against pg_rewind). They share one source and run in
 * that order: delta changes the source's pages, rewind makes it the old primary of a failover.
 */
import * as fs from 'fs';
import * as path from 'path';
import { binDir, cleanupAll, makeScratchDir } from '../test/support';
import { CliCommand, cliEnv, pgCatchupCommand, REPO } from './bench/cli-command';
import { BenchFlags, FlagError, parseBenchFlags, USAGE } from './bench/flags';
import { benchDelta, DeltaResult } from './bench/delta';
import { benchFull, FullResult, printFull } from './bench/full';
import { describeMachine, Machine, printMachine } from './bench/machine';
import { benchRewind, RewindResult } from './bench/rewind';
import { buildSource, SourceDb } from './bench/source-db';
import { min } from './bench/stats';
import { killLiveChildren, rssMethod, timedRun } from './bench/timed-run';

const say = (line = '') => process.stdout.write(`${line}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface BenchJson {
  startedAt: string;
  flags: BenchFlags;
  machine: Machine;
  source: Omit<SourceDb, 'primary'> & { pgVersion: number };
  cli: { command: string; startupS: number };
  rss: string;
  full?: FullResult;
  delta?: DeltaResult;
  rewind?: RewindResult;
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
  const file = path.join(dir, `${result.flags.only.join('+')}-${result.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

async function bench(flags: BenchFlags): Promise<void> {
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  printMachine(machine, say);
  binDir(flags.pgVersion); // fail now, with the places tried, when the version is not installed

  say(`\n== source: ~${flags.sizeMb} MB on PostgreSQL ${flags.pgVersion}`);
  const source = await buildSource(flags.pgVersion, flags.sizeMb, say);
  printSource(source);

  const scratch = makeScratchDir('bench');
  const cli = pgCatchupCommand();
  const startupS = await cliStartupS(cli, scratch);
  say(`\n== pg-catchup runs as: ${cli.describe}`);
  say(`  start and exit alone (pg-catchup --version, min of 3): ${startupS.toFixed(2)} s; peak RSS from ${rssMethod()}`);

  const { primary: _server, ...sourceInfo } = source;
  const json: BenchJson = {
    startedAt, flags, machine, source: { ...sourceInfo, pgVersion: flags.pgVersion }, cli: { command: cli.describe, startupS }, rss: rssMethod(),
  };
  if (flags.only.includes('full')) {
    say(`\n== FULL: ${flags.runs} run(s) per tool, alternating order, a fresh target each time`);
    json.full = await benchFull(source, cli, flags.runs, scratch, say);
    say('');
    printFull(json.full, say);
  }
  if (flags.only.includes('delta')) {
    json.delta = await benchDelta(source, cli, flags.changedPct, flags.runs, say);
    for (const n of json.delta.notes) say(`  note: ${n}`);
  }
  if (flags.only.includes('rewind')) json.rewind = await benchRewind(source, cli, flags.runs, say);
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
