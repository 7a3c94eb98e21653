/**
 * `npm run demo`: the main job end to end on an embedded PostgreSQL, for a newcomer right after
 * `npm ci`. A primary under write load is cloned with the real CLI (`pg-catchup catchup -b FULL`),
 * the clone starts as a streaming standby and is compared with the primary at the same LSN; then
 * the standby is stopped, the primary moves on, and `-b DELTA` re-syncs the stopped copy.
 *
 *   npm run demo [-- --pg-version 15|16|17|18]
 *
 * Everything (servers, temp dirs) is removed on success, failure and Ctrl-C.
 * Exit status: 0 on success, 1 on failure (bad flags included).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import type { Report } from '../src/engine/report/report';
import {
  Cluster, cleanupAll, Comparison, expectSameDataAtSameLsn, makeScratchDir, prepareSchema, runCli, seedData,
  sleep, startAsStandby, startWriteLoad, waitForReplay, waitForStreaming, WalSenderRow,
} from '../test/support';

const SUPPORTED_VERSIONS = [15, 16, 17, 18];
const DEFAULT_VERSION = 17;
/** How long the load runs before the copy starts, so the copy has history and concurrent writes. */
const WARMUP_MS = 2_000;
/** Extra rows (~250 bytes each, ~20 MB) so the copy is more than the catalogs. */
const SEED_ROWS = 80_000;

// ---------------------------------------------------------------- output

const demoStart = Date.now();
let stepNo = 0;
let stepStart = 0;
let stepTitle = '';
const stepTimes: Array<{ title: string; ms: number }> = [];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const say = (line = '') => process.stdout.write(`${line}\n`);
const indent = (text: string, prefix = '    ') => text.replace(/\s+$/, '').split('\n').map((l) => prefix + l).join('\n');

/** Close the previous step (printing its time) and open the next. */
function step(title: string): void {
  endStep();
  stepNo++;
  stepTitle = title;
  stepStart = Date.now();
  say(`\n== ${stepNo}. ${title}`);
}

function endStep(): void {
  if (!stepTitle) return;
  const ms = Date.now() - stepStart;
  stepTimes.push({ title: stepTitle, ms });
  say(`   (${seconds(ms)})`);
  stepTitle = '';
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------- flags

const USAGE = 'usage: npm run demo [-- --pg-version 15|16|17|18]   (default 17)';

function usageError(message: string): never {
  process.stderr.write(`demo: ${message}\n${USAGE}\n`);
  process.exit(1);
}

function parseVersion(argv: string[]): number {
  let values: { 'pg-version'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { 'pg-version': { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    usageError((err as Error).message);
  }
  if (values.help) {
    say(USAGE);
    process.exit(0);
  }
  const version = Number(values['pg-version'] ?? DEFAULT_VERSION);
  if (!SUPPORTED_VERSIONS.includes(version)) usageError(`--pg-version must be one of ${SUPPORTED_VERSIONS.join(', ')}, not "${values['pg-version']}"`);
  return version;
}

// ---------------------------------------------------------------- the pieces

/** Run the CLI (as a user would), echo its stderr, fail with it on a non-zero exit; returns its JSON report. */
async function catchupCli(mode: 'FULL' | 'DELTA', dataDir: string, primary: Cluster, reportFile: string): Promise<Report> {
  const args = ['catchup', '-b', mode, '-D', dataDir, '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres',
    '-j', '2', '-R', '-P', `--report=${reportFile}`];
  say(`   $ pg-catchup ${args.join(' ')}`);
  const res = await runCli(args, { timeoutMs: 120_000 });
  if (res.stderr.trim()) say(indent(res.stderr.replace(/\s+$/, ''), '   | '));
  if (res.code !== 0) throw new Error(`pg-catchup ${mode} exited ${res.code ?? res.signal}`);
  return JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
}

function describeReport(r: Report): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const parts = [`${r.mode} ${r.status} in ${seconds(r.durationMs)}`, `${r.files.copied} files copied`];
  if (r.mode !== 'FULL') parts.push(`${r.files.patched} patched (${r.files.blocksCopied} blocks)`, `${r.files.deleted} deleted`);
  parts.push(`${mb(r.files.bytesCopied)} written`, `WAL ${r.lsn.backupStart}..${r.lsn.backupStop} (${r.files.walSegments} segment(s))`);
  if (r.lsn.reference) parts.push(`reference LSN ${r.lsn.reference}`);
  return parts.join(', ');
}

function showStreaming(row: WalSenderRow): void {
  say(indent(table(['application_name', 'state', 'sent_lsn', 'replay_lsn'],
    [[row.application_name || '(empty)', row.state, row.sent_lsn ?? '-', row.replay_lsn ?? '-']]), '   '));
}

/** Per table: rows on the primary and whether the standby's content hash is the same. */
function showComparison(cmp: Comparison): void {
  const rows: string[][] = [];
  for (const db of cmp.a.databases) {
    for (const [name, a] of Object.entries(cmp.a.tables[db] ?? {})) {
      const b = cmp.b.tables[db]?.[name];
      rows.push([db, name, String(a.rows), b && b.rows === a.rows && b.hash === a.hash ? 'yes' : 'NO']);
    }
  }
  say(indent(table(['db', 'table', 'rows', 'equal'], rows), '   '));
  say(`   every database, relation and table row matches (${rows.length} tables)`);
}

async function runLoadFor(primary: Cluster, ms: number): Promise<number> {
  const load = await startWriteLoad(primary, { clientsPerDb: 2 });
  await sleep(ms);
  return (await load.stop()).transactions;
}

// ---------------------------------------------------------------- the demo

async function demo(version: number): Promise<void> {
  const work = makeScratchDir('demo'); // for the reports; removed with everything else

  step(`start an embedded PostgreSQL ${version} primary`);
  const primary = await Cluster.createPrimary(version);
  say(`   ${primary.describe()}`);
  say(`   ${await primary.scalar<string>('SELECT version()')}`);

  step('create a schema and write data');
  const dbs = await prepareSchema(primary);
  const seeded = await seedData(primary, { rows: SEED_ROWS, db: dbs[0], table: 'seed' });
  say(`   databases ${dbs.join(', ')}: accounts, events, docs (TOASTed); ${dbs[0]}.seed ${seeded.rows} rows, ${(seeded.bytes / 1048576).toFixed(0)} MB`);
  const load = await startWriteLoad(primary, { clientsPerDb: 2 });
  await sleep(WARMUP_MS);
  say(`   write load running (2 sessions per database): ${load.transactions} transactions so far`);

  step('pg-catchup FULL while the load runs');
  const dataDir = primary.makeTargetDir();
  const before = load.transactions;
  const full = await catchupCli('FULL', dataDir, primary, path.join(work, 'full.json'));
  say(`   ${describeReport(full)}`);
  say(`   ${load.transactions - before} transactions committed on the primary during the copy`);

  step('start the copy as a standby and watch it stream');
  const standby = await startAsStandby(dataDir, { name: `pg${version}-standby` });
  showStreaming(await waitForStreaming(primary, 30_000));

  step('stop the load and compare the data at the same LSN');
  const total = (await load.stop()).transactions;
  say(`   write load stopped after ${total} transactions`);
  showComparison(await expectSameDataAtSameLsn(primary, standby));

  step('RE-SYNC: stop the standby, write more on the primary');
  // A long-running standby makes restartpoints as it replays the primary's checkpoints; one
  // CHECKPOINT stands in for that here, and the standby's shutdown restartpoint then records it.
  await primary.query('CHECKPOINT');
  await waitForReplay(primary, standby);
  await standby.stop('fast');
  const more = await runLoadFor(primary, WARMUP_MS);
  await primary.query('UPDATE seed SET pad = upper(pad) WHERE id % 1000 = 0', [], dbs[0]);
  say(`   standby stopped; since then ${more} transactions and an UPDATE of 0.1% of ${dbs[0]}.seed on the primary`);

  // ---- RE-SYNC with DELTA: the stopped standby gets only what changed since it stopped.
  step('RE-SYNC: pg-catchup DELTA brings the stopped standby up to date');
  const delta = await catchupCli('DELTA', dataDir, primary, path.join(work, 'delta.json'));
  say(`   ${describeReport(delta)}`);
  await standby.start();
  showStreaming(await waitForStreaming(primary, 30_000));
  showComparison(await expectSameDataAtSameLsn(primary, standby));
  // ---- end of RE-SYNC

  endStep();
}

async function main(): Promise<number> {
  const version = parseVersion(process.argv.slice(2));
  // The harness's own exit hook stops the servers and removes the dirs synchronously on a signal;
  // this only says what happens and gives the conventional exit status.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      process.stderr.write(`\ndemo: ${sig}: stopping the servers and removing the temp dirs\n`);
      process.exit(130);
    });
  }
  say(`pg-catchup demo: PostgreSQL ${version}, clone a live primary into a streaming standby, then re-sync it`);
  let ok = false;
  try {
    await demo(version);
    ok = true;
  } catch (err) {
    const failed = `${stepNo}. ${stepTitle}`;
    endStep();
    process.stderr.write(`\ndemo FAILED in step ${failed}:\n${(err as Error).message}\n`);
  } finally {
    step('clean up: stop the servers, remove the temp dirs');
    try {
      await cleanupAll();
    } catch (err) {
      ok = false;
      process.stderr.write(`${(err as Error).message}\n`);
    }
    endStep();
  }
  say(`\n${ok ? 'demo OK' : 'demo FAILED'} in ${seconds(Date.now() - demoStart)}`);
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code));
