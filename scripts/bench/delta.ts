/**
 * The DELTA section: re-syncing a stale standby, against copying everything again.
 *
 * A standby of the source is made (pg-catchup FULL -R), started until it streams, and stopped
 * cleanly; that stopped copy is saved (cp -a). Then a chosen share of the big tables' pages is
 * changed on the primary, and on the same primary in the same state three tools are timed:
 * `pg-catchup catchup -b DELTA -R` on the saved stale copy (restored before every run),
 * `pg-catchup catchup -b FULL -R` and `pg_basebackup -R -X stream -c fast` into empty directories.
 * With several percentages the changes accumulate: each step changes pages no earlier one did.
 * On 17+ (WAL summaries) `pg-catchup catchup -b PTRACK -R` runs beside DELTA.
 * Then once more past the primary's WAL retention (issue 23): the slot that kept the stale copy's
 * WAL is dropped and that WAL removed (wal-recycling.ts), and DELTA (and PTRACK) run again
 * against a fresh pg_basebackup in that state: the standby stopped in recovery is synced as
 * possibly diverged since its own oldest checkpoint (docs/safety.md), which costs blocks and time.
 *
 * Goals (issue 7): DELTA at ~3 % <= 0.4 x pg_basebackup, PTRACK at ~3 % <= 0.1 x our FULL, and
 * bytes written <= 1.05 x what had to be written: the changed pages (counted here from the page
 * LSNs in the files), the files the run copied whole, and the WAL it wrote (both from its report).
 */
import { Cluster, hasTool, makeScratchDir, startAsStandby, waitForReplay, waitForStreaming } from '../../test/support';
import { BASELINE, CliCommand } from './cli-command';
import { GoalId, goalCells, GoalLedger, Measurement } from './goals';
import {
  basebackupTool, BenchTool, changeSourceArgs, checkAsStandby, Comparison, describeChangeSources, discardFresh, freshTarget, pgCatchupOutcome, printSummaryTable,
  recordSectionGoals, runPgCatchup, runTools, Sample, SavedCopy, ToolSummary,
} from './section-runs';
import { recycleWalPast } from './wal-recycling';
import { bigTables, ChangedPages, countChangedPages, describeChangedPages, settleAndCheckpoint, updatePagesInBand } from './pages';
import type { SourceDb } from './source-db';

export interface DeltaStep {
  /** Requested: percent of the big tables' heap pages changed since the stale copy. */
  changedPct: number;
  rowsUpdated: number;
  changed: ChangedPages;
  /** WAL the primary wrote since the stale copy stopped. */
  walBytesSinceCopy: number;
  tools: ToolSummary[];
  /**
   * Past the primary's WAL retention (issue 23): the WAL at the stale copy's checkpoint was removed
   * before this step, so DELTA syncs it as possibly diverged (a standby stopped in recovery); FULL
   * does not run (nothing about it changes).
   */
  walRecycled: boolean;
  /** min s of DELTA / min s of the other (deltaVsFull null when FULL did not run). */
  deltaVsBasebackup: number | null;
  deltaVsFull: number | null;
  /** PostgreSQL 17+ (WAL summaries): min s of PTRACK / min s of FULL and of DELTA. */
  ptrackVsFull: number | null;
  ptrackVsDelta: number | null;
  /** Per incremental tool: the worst run's bytes written / (changed pages + files copied whole + WAL). */
  bytesVsNeeded: Record<string, number | null>;
  /** Whether this is the step the ~3 % goals are judged at. */
  goalStep: boolean;
  /** What was measured against issue 7's goals at this step. */
  goals: Measurement[];
}

export interface DeltaResult {
  staleCopy: { madeWith: string; stoppedAtLsn: string; checkpointRedo: string };
  steps: DeltaStep[];
  notes: string[];
}

const DELTA = 'pg-catchup DELTA -R';
const PTRACK = 'pg-catchup PTRACK -R';
const FULL = 'pg-catchup FULL -R';
const BASEBACKUP = 'pg_basebackup -R -X stream -c fast';

const conn = (primary: Cluster) => ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'];

/**
 * DELTA (page-LSN scan on the server) or PTRACK (WAL summaries, no scan) on the restored stale
 * copy; `forced` are --change-source SIDE=METHOD choices passed through to the engine.
 */
function incrementalTool(mode: 'DELTA' | 'PTRACK', cli: CliCommand, primary: Cluster, stale: SavedCopy, scratch: string, forced: string[], label = ''): BenchTool {
  return {
    name: `${mode === 'DELTA' ? DELTA : PTRACK}${label}`,
    prepare: () => stale.restore(),
    async run(target) {
      const { r, report } = await runPgCatchup(cli, ['catchup', '-b', mode, '-D', target, ...conn(primary), '-R', ...changeSourceArgs(forced)], scratch);
      const o = pgCatchupOutcome(r, report!);
      const f = report!.files;
      o.says = [...(o.says ?? []), `report: ${f.copied} files copied whole, ${f.patched} patched (${f.blocksCopied} blocks), ${f.deleted} removed; ` +
        `reference LSN ${report!.lsn.reference}; WAL ${report!.lsn.backupStart}..${report!.lsn.backupStop}` +
        `${report!.history ? `; history: ${report!.history}` : ''}`, ...describeChangeSources(o.changeSources)];
      return o;
    },
    discard: async () => stale.discard(),
  };
}

/**
 * Bytes a run wrote over what it had to: every changed page (counted from the files' page LSNs),
 * plus the files it copied whole (FSM, VM, non-relation files: its bytes copied less its patched
 * blocks), plus the WAL it wrote. Above 1: blocks that did not change were copied too.
 */
export function bytesVsNeeded(s: Sample, changedPages: number, blockSize: number): number | null {
  const f = s.reportFiles;
  if (!f) return null;
  const whole = Math.max(0, f.bytesCopied - f.blocksCopied * blockSize);
  return (f.bytesCopied + f.walBytes) / (changedPages * blockSize + whole + f.walBytes);
}

/** The step the "~3 %" goals are judged at: the requested percentage nearest 3 within [2, 4], if any. */
export function goalPct(changedPcts: number[]): number | null {
  const near = changedPcts.filter((p) => p >= 2 && p <= 4);
  return near.length ? near.reduce((a, b) => (Math.abs(b - 3) < Math.abs(a - 3) ? b : a)) : null;
}

function fullTool(cli: CliCommand, primary: Cluster, scratch: string): BenchTool {
  return {
    name: FULL,
    prepare: async () => freshTarget(primary),
    async run(target) {
      const { r, report } = await runPgCatchup(cli, ['catchup', '-b', 'FULL', '-D', target, ...conn(primary), '-R'], scratch);
      return pgCatchupOutcome(r, report!);
    },
    discard: discardFresh,
  };
}

/** The stale copy: a standby that streamed from the primary and was stopped cleanly, saved with cp -a. */
async function makeStaleCopy(primary: Cluster, cli: CliCommand, scratch: string, say: (line: string) => void): Promise<{ copy: SavedCopy; lsn: string; redo: string }> {
  const dir = primary.makeTargetDir();
  const { r } = await runPgCatchup(cli, ['catchup', '-b', 'FULL', '-D', dir, ...conn(primary), '-R'], scratch);
  const standby = await startAsStandby(dir, { name: `pg${primary.version}-stale-standby` });
  await waitForStreaming(primary, 60_000);
  // A standby that ran a while has restartpoints; one CHECKPOINT stands in for that, and the
  // shutdown restartpoint then records it in the copy's pg_control.
  await primary.query('CHECKPOINT');
  await waitForReplay(primary, standby, 120_000);
  await standby.stop('fast');
  const lsn = await primary.currentLsn();
  const redo = await primary.scalar<string>('SELECT redo_lsn::text FROM pg_control_checkpoint()');
  const copy = await SavedCopy.save('stale', dir);
  await standby.cleanup(); // its data dir is saved; the original goes
  say(`  stale copy: pg-catchup FULL -R (${(r.wallMs / 1000).toFixed(1)} s, warms the page cache; not counted), started, streamed, stopped cleanly at ${lsn}; saved with cp -a`);
  return { copy, lsn, redo };
}

export async function benchDelta(
  source: SourceDb, cli: CliCommand, changedPcts: number[], runs: number, forced: string[], ledger: GoalLedger, say: (line: string) => void,
  baseline: CliCommand | null = null,
): Promise<DeltaResult> {
  const { primary } = source;
  const scratch = makeScratchDir('bench-delta');
  const notes = [
    'The stale copy is restored from its cp -a before each DELTA run, outside the timing, then synced; FULL and pg_basebackup get an empty directory each run.',
    'bytes written: pg-catchup from its --report (files + WAL), pg_basebackup du -sb of the result; fs writes: what the tool\'s process dirtied in the page cache (ru_oublock).',
    'fs writes: on this kernel (ext4, large folios) an 8 KB write into a cached file is counted as the whole folio it dirties (4000 random 8 KB writes into a 200 MB file count as 200 MB), so DELTA\'s scattered block writes are overstated there.',
    'Autovacuum is off on the source during this section, so the primary stays in one state for every tool and run.',
  ];
  // Autovacuum (above 10-20 % of rows changed) would change the primary between runs.
  await primary.query('ALTER SYSTEM SET autovacuum = off');
  await primary.query('SELECT pg_reload_conf()');
  // The stale copy must find its last checkpoint in the primary's WAL however much the changes
  // write: a slot keeps the WAL from now on (as a standby's slot would).
  await primary.query("SELECT pg_create_physical_replication_slot('bench_stale_copy', true)");
  const tables = await bigTables(primary);
  const blockSize = Number(await primary.scalar<string>("SELECT current_setting('block_size')"));
  const stale = await makeStaleCopy(primary, cli, scratch, say);
  if (forced.length) notes.push(`DELTA and PTRACK ran with ${forced.map((f) => `--change-source ${f}`).join(' ')} (the engine's choice forced).`);

  const tools: BenchTool[] = [incrementalTool('DELTA', cli, primary, stale.copy, scratch, forced), fullTool(cli, primary, scratch)];
  if (baseline) tools.splice(1, 0, incrementalTool('DELTA', baseline, primary, stale.copy, scratch, forced, BASELINE));
  const hasSummaries = primary.version >= 17 && (await primary.scalar<string>("SELECT current_setting('summarize_wal')")) === 'on';
  if (hasSummaries) tools.splice(1, 0, incrementalTool('PTRACK', cli, primary, stale.copy, scratch, forced));
  else notes.push(`PostgreSQL ${primary.version} has no WAL summaries (17+ with summarize_wal = on): no PTRACK.`);
  if (hasTool(primary.version, 'pg_basebackup')) tools.push(basebackupTool(BASEBACKUP, primary, scratch));
  else notes.push(`PostgreSQL ${primary.version} here has no pg_basebackup: no comparison with it.`);

  const judgedAt = goalPct(changedPcts);
  if (judgedAt === null) notes.push(`The DELTA and PTRACK time goals are at ~3 % changed: no --changed-pct between 2 and 4 in this run (${changedPcts.join(', ')}).`);
  const steps: DeltaStep[] = [];
  let donePct = 0;
  const checkedOnce = new Set<string>();
  for (const pctWanted of changedPcts) {
    say(`\n== DELTA at ${pctWanted} % of the big tables' pages changed (${tables.map((t) => t.table).join(', ')}): ${runs} run(s) per tool, order rotated each run`);
    const started = Date.now();
    const rowsUpdated = await updatePagesInBand(primary, tables, donePct, pctWanted);
    donePct = pctWanted;
    await settleAndCheckpoint(primary, tables);
    const changed = await countChangedPages(primary, stale.lsn, tables);
    const walBytes = Number(await primary.scalar<string>('SELECT (pg_current_wal_lsn() - $1::pg_lsn)::bigint::text', [stale.lsn]));
    say(`  changes: one row updated on each picked heap page (${rowsUpdated} rows this step), hint bits set, CHECKPOINT (${((Date.now() - started) / 1000).toFixed(1)} s); pages whose LSN is past the copy's:`);
    for (const line of describeChangedPages(changed)) say(`    ${line}`);
    say(`    WAL written since the copy stopped: ${(walBytes / 1048576).toFixed(0)} MB`);

    const summaries = await runToolsChecked(tools, runs, primary, checkedOnce, say);
    const byName = new Map(summaries.map((t) => [t.tool, t]));
    const d = byName.get(DELTA)!;
    const b = byName.get(BASEBACKUP);
    const p = byName.get(PTRACK);
    const full = byName.get(FULL)!;
    const bytes: Record<string, number | null> = {};
    for (const t of [d, p]) {
      if (!t) continue;
      const ratios = t.runs.map((r) => bytesVsNeeded(r, changed.changedPages, blockSize));
      bytes[t.tool] = ratios.every((x): x is number => x !== null) ? Math.max(...ratios) : null;
    }
    const step: DeltaStep = {
      changedPct: pctWanted, rowsUpdated, changed, walBytesSinceCopy: walBytes, tools: summaries, walRecycled: false,
      deltaVsBasebackup: b ? d.minS / b.minS : null, deltaVsFull: d.minS / full.minS,
      ptrackVsFull: p ? p.minS / full.minS : null, ptrackVsDelta: p ? p.minS / d.minS : null,
      bytesVsNeeded: bytes, goalStep: pctWanted === judgedAt, goals: [],
    };
    step.goals = recordStepGoals(step, ledger);
    steps.push(step);
    say('');
    printDeltaStep(step, ledger, say);
  }
  await primary.query("SELECT pg_drop_replication_slot('bench_stale_copy')");
  const last = steps[steps.length - 1];
  try {
    steps.push(await pastRetentionWithoutRefusingBaseline(last, tools.filter((t) => t.name !== FULL), runs, primary, stale, blockSize, checkedOnce, ledger, say));
  } catch (err) {
    // An engine from before issue 23 refuses here: the rest of the bench still means something.
    const why = `DELTA past the primary's WAL retention failed: ${(err as Error).message.split('\n')[0]}`;
    say(`  ${why}`);
    notes.push(why);
    ledger.record('delta', `${last.changedPct} % changed, past WAL retention`, null, why);
  }
  recordSectionGoals(steps, ledger, 'delta', say);
  return { staleCopy: { madeWith: 'pg-catchup catchup -b FULL -R, started, streamed, stopped cleanly', stoppedAtLsn: stale.lsn, checkpointRedo: stale.redo }, steps, notes };
}

/**
 * A --baseline-cli bundle from before issue 23 refuses past retention: then the step runs again
 * without it, so our own DELTA is still measured (and a refusal of ours still fails the goal).
 */
async function pastRetentionWithoutRefusingBaseline(...args: Parameters<typeof pastRetentionStep>): Promise<DeltaStep> {
  const [, tools, , , , , , , say] = args;
  try {
    return await pastRetentionStep(...args);
  } catch (err) {
    const baseline = tools.find((t) => t.name.endsWith(BASELINE));
    if (!baseline || (err as { failedTool?: string }).failedTool !== baseline.name) throw err;
    say(`  ${baseline.name} refused past retention (${(err as Error).message.split('\n')[0]}): the step again without it`);
    const withoutBaseline: typeof args = [...args];
    withoutBaseline[1] = tools.filter((t) => t !== baseline);
    return pastRetentionStep(...withoutBaseline);
  }
}

/**
 * The last step again with the stale copy's WAL gone from the primary: same changed pages (the WAL
 * switches and checkpoints change none), DELTA (and PTRACK) against a fresh pg_basebackup.
 */
async function pastRetentionStep(
  last: DeltaStep, tools: BenchTool[], runs: number, primary: Cluster, stale: { redo: string }, blockSize: number, checkedOnce: Set<string>,
  ledger: GoalLedger, say: (line: string) => void,
): Promise<DeltaStep> {
  say(`\n== DELTA at ${last.changedPct} % past the primary's WAL retention: ${runs} run(s) per tool, order rotated each run`);
  const { segment, keepWal } = await recycleWalPast(primary, stale.redo);
  try {
    say(`  slot dropped, wal_keep_size 0, WAL switched and checkpointed until ${segment} (the stale copy's checkpoint redo ${stale.redo}) left pg_wal;`);
    say('  the stale copy stopped in recovery, so DELTA syncs it as possibly diverged since its own oldest checkpoint (docs/safety.md)');
    const summaries = await runToolsChecked(tools, runs, primary, checkedOnce, say);
    const byName = new Map(summaries.map((t) => [t.tool, t]));
    const d = byName.get(DELTA)!;
    const b = byName.get(BASEBACKUP);
    const bytes: Record<string, number | null> = {};
    for (const t of summaries.filter((x) => x.tool === DELTA || x.tool === PTRACK)) {
      const ratios = t.runs.map((r) => bytesVsNeeded(r, last.changed.changedPages, blockSize));
      bytes[t.tool] = ratios.every((x): x is number => x !== null) ? Math.max(...ratios) : null;
    }
    const step: DeltaStep = {
      ...last, tools: summaries, walRecycled: true, deltaVsBasebackup: b ? d.minS / b.minS : null, deltaVsFull: null,
      ptrackVsFull: null, ptrackVsDelta: byName.get(PTRACK) ? byName.get(PTRACK)!.minS / d.minS : null, bytesVsNeeded: bytes, goals: [],
    };
    step.goals = recordStepGoals(step, ledger);
    say('');
    printDeltaStep(step, ledger, say);
    return step;
  } finally {
    await keepWal();
  }
}

/** DELTA's result is checked at every percentage; FULL's and pg_basebackup's once per section. */
async function runToolsChecked(tools: BenchTool[], runs: number, primary: Cluster, checkedOnce: Set<string>, say: (line: string) => void): Promise<ToolSummary[]> {
  return runTools(tools, runs, primary.dataDir, async (tool, target) => {
    if (tool.name !== DELTA && tool.name !== PTRACK && checkedOnce.has(tool.name)) return 'checked at the first percentage';
    checkedOnce.add(tool.name);
    return checkAsStandby(primary, target, `pg${primary.version}-${tool.name.split(' ')[1].toLowerCase()}-result`);
  }, say);
}

/** Which tool a row is measured against, and its time goal (only at the ~3 % step). */
function comparisonOf(step: DeltaStep, t: ToolSummary): Comparison {
  const by = (name: string) => step.tools.find((x) => x.tool === name);
  const base = by(BASEBACKUP);
  const full = by(FULL);
  const against = (other: ToolSummary, vs: string, goal?: GoalId): Comparison => ({ vs, ratio: t.minS / other.minS, goal: step.goalStep ? goal : undefined });
  if (t.tool === BASEBACKUP) return { vs: '', ratio: 1 };
  if (t.tool === PTRACK) return full ? against(full, 'our FULL', 'ptrack') : against(by(DELTA)!, 'DELTA');
  if (t.tool === DELTA) return base ? against(base, 'pg_basebackup', 'delta') : full ? against(full, 'our FULL') : { vs: '', ratio: 1 };
  return base ? against(base, 'pg_basebackup') : { vs: '', ratio: 1 };
}

/** The ~3 % time goals and the bytes goal of one step. */
function recordStepGoals(step: DeltaStep, ledger: GoalLedger): Measurement[] {
  const out: Measurement[] = [];
  const past = step.walRecycled ? ', past WAL retention' : '';
  for (const t of step.tools) {
    const c = comparisonOf(step, t);
    if (c.goal) out.push(ledger.record(c.goal, `${step.changedPct} % changed${past}`, c.ratio));
  }
  // Past retention the blocks the stale copy itself changed since its oldest checkpoint are copied
  // too (they are not in "needed", which counts the source's changes): printed, not judged.
  for (const [tool, ratio] of step.walRecycled ? [] : Object.entries(step.bytesVsNeeded)) {
    out.push(ledger.record('bytes', `${tool.split(' ')[1]} at ${step.changedPct} %${past}`, ratio, ratio === null ? 'no report byte counts' : undefined));
  }
  return out;
}

export function printDeltaStep(step: DeltaStep, ledger: GoalLedger, say: (line: string) => void): void {
  printSummaryTable(['tool'], step.tools.map((t) => {
    const bytes = step.bytesVsNeeded[t.tool];
    return {
      first: [t.tool], t, cmp: comparisonOf(step, t),
      extra: bytes === undefined ? ['-', '-', '-'] : [bytes === null ? '?' : bytes.toFixed(2), ...goalCells('bytes', bytes)],
    };
  }), ['written / needed', 'bytes goal', 'bytes met'], say);
  const c = step.changed;
  say(`  changed: ${(100 * c.heapChanged / c.heapPages).toFixed(1)} % of the big tables' heap pages, ${(100 * c.changedPages / c.totalPages).toFixed(1)} % of all relation pages (${c.changedPages} pages)`);
  say(`  DELTA / pg_basebackup = ${step.deltaVsBasebackup === null ? 'n/a' : step.deltaVsBasebackup.toFixed(2)}, DELTA / FULL = ${step.deltaVsFull === null ? 'n/a' : step.deltaVsFull.toFixed(2)} (min s over min s; below 1: DELTA is faster)`);
  if (step.ptrackVsFull !== null) say(`  PTRACK / FULL = ${step.ptrackVsFull.toFixed(2)}, PTRACK / DELTA = ${step.ptrackVsDelta!.toFixed(2)}`);
  say('  ratio = min s / min s of the "vs" tool; goal, met: issue 7\'s time goal for the row (DELTA and PTRACK at the ~3 % step only)');
  say('  bytes written: pg-catchup --report files + WAL, pg_basebackup du -sb; blocks: relation blocks DELTA patched; fs writes: bytes the tool process dirtied (ru_oublock)');
  say('  written / needed: the worst run\'s bytes written / (changed pages x block size + files it copied whole + WAL it wrote); stop->exit ms: "backup stopped" log line to exit, slowest run');
  for (const m of step.goals) say(`  ${ledger.line(m)}`);
}
