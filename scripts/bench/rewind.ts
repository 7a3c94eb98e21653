/**
 * The rewind section: `pg-catchup rewind` against `pg_rewind` on an old primary after failover.
 *
 * The source gets a WAL archive (archive_mode, archive_command, restore_command), a standby
 * (pg-catchup FULL -R) that is promoted; then the old primary writes ~1 % of the big tables'
 * pages on its own timeline (it diverges), the new primary writes some too, and the old primary
 * is stopped cleanly and saved with cp -a. Both tools rewind the restored copy from the new
 * primary (goal: pg-catchup <= 1.0 x pg_rewind). A second copy has its pg_wal before the last
 * checkpoint removed (the fork's WAL is gone): pg_rewind must fail there, and pg-catchup rewind
 * is timed against what is left, a fresh pg_basebackup of the new primary (goal: <= 0.5 x); with
 * -c both tools read that WAL back from the archive and are timed against each other. Both tools
 * also rewind the first copy from the new primary's data directory while it is stopped
 * (--source-pgdata), timed against each other.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Cluster, hasTool, makeOwnedDir, makeScratchDir, promoteStandby, sourceServer, standbyOf, waitFor } from '../../test/support';
import { run, tail } from '../../test/support/run';
import { BASELINE, CliCommand } from './cli-command';
import { GoalId, GoalLedger, Measurement } from './goals';
import { bigTables, ChangedPages, countChangedPages, describeChangedPages, settleAndCheckpoint, updatePagesInBand } from './pages';
import {
  basebackupTool, BenchTool, changeSourceArgs, checkAsStandby, Comparison, describeChangeSources, pgCatchupOutcome, printSummaryTable,
  recordSectionGoals, runPgCatchup, runTools, SavedCopy, ToolOutcome, ToolSummary,
} from './section-runs';
import type { SourceDb } from './source-db';
import { phases, timedRun } from './timed-run';

export interface Refusal {
  tool: string;
  exitCode: number | null;
  wallS: number;
  /** The last lines of its stderr. */
  message: string;
  /** Its error lines in one line. */
  reason: string;
}

export interface RewindCase {
  name: string;
  /** The comparison tool first, then pg-catchup (absent when it refused here). */
  tools: ToolSummary[];
  /** Short name of the comparison tool (tools[0]). */
  vs: string;
  /** min s of pg-catchup / min s of the comparison tool; null when pg-catchup refused. */
  ratio: number | null;
  goal?: GoalId;
  /** pg-catchup could not do this case: its one-line reason. */
  refused?: string;
  goals: Measurement[];
}

export interface RewindResult {
  forkLsn: string;
  oldPrimaryChanged: ChangedPages;
  newPrimaryChanged: ChangedPages;
  walRemoved: { segments: number; keptFrom: string };
  cases: RewindCase[];
  refusals: Refusal[];
  notes: string[];
}

/** Old primary: ~1 % of the heap pages (a band of the block hash none of the delta section uses). */
const OLD_PRIMARY_BAND: [number, number] = [50, 51];
/** New primary: ~0.5 %, elsewhere. */
const NEW_PRIMARY_BAND: [number, number] = [60, 60.5];

/** pg_rewind copies the source's WAL segments from the fork's on whole: how many there are now. */
async function sourceWalFromFork(newPrimary: Cluster, forkLsn: string): Promise<string> {
  const row = (await newPrimary.query<{ n: string; bytes: string }>(
    `SELECT count(*)::text AS n, coalesce(sum(size), 0)::text AS bytes FROM pg_ls_waldir()
      WHERE name ~ '^[0-9A-F]{24}$' AND substr(name, 9) >= substr(pg_walfile_name($1::pg_lsn), 9)`, [forkLsn]))[0];
  return `source pg_wal from the fork's segment on: ${row.n} segments (${(Number(row.bytes) / 1048576).toFixed(0)} MB)`;
}

/** How both tools reach the new primary: connected to it with -R, or reading its stopped data directory (pg_rewind then has no -R). */
type SourceAccess = 'server' | 'stopped';

const sourceArgs = (newPrimary: Cluster, access: SourceAccess): string[] => (access === 'server'
  ? [`--source-server=${sourceServer(newPrimary)}`, '-R']
  : [`--source-pgdata=${newPrimary.dataDir}`]);

function pgRewindTool(name: string, bin: string, newPrimary: Cluster, forkLsn: string, copy: SavedCopy, scratch: string, extra: string[], access: SourceAccess = 'server'): BenchTool {
  let walOnSource = '';
  return {
    name,
    async prepare() {
      if (access === 'server') walOnSource = await sourceWalFromFork(newPrimary, forkLsn);
      return copy.restore();
    },
    async run(target) {
      // As the server user: pg_rewind refuses to run as root.
      const args = ['-D', target, ...sourceArgs(newPrimary, access), '-P', ...extra];
      const r = await timedRun(path.join(bin, 'pg_rewind'), args, { asServerUser: true, scratchDir: scratch });
      const out = `${r.stdout}\n${r.stderr}`;
      const kb = [...out.matchAll(/(\d+)\/(\d+) kB/g)].pop();
      const o: ToolOutcome = {
        wallMs: r.wallMs, peakRssKb: r.peakRssKb, clientCpu: r.cpu,
        bytesWritten: kb ? Number(kb[1]) * 1024 : null, bytesHow: 'pg_rewind -P: kB copied', fsWriteBytes: r.fsWriteBytes,
      };
      o.says = phases(r);
      if (walOnSource) o.context = walOnSource;
      return o;
    },
    discard: async () => copy.discard(),
  };
}

function pgCatchupRewindTool(name: string, cli: CliCommand, newPrimary: Cluster, copy: SavedCopy, scratch: string, extra: string[], access: SourceAccess = 'server'): BenchTool {
  return {
    name,
    prepare: () => copy.restore(),
    async run(target) {
      const { r, report } = await runPgCatchup(cli, ['rewind', '-D', target, ...sourceArgs(newPrimary, access), ...extra], scratch);
      const o = pgCatchupOutcome(r, report!);
      const f = report!.files;
      o.says = [...(o.says ?? []), `report: ${report!.divergence?.detail ?? 'no divergence recorded'}; reference LSN ${report!.lsn.reference}`,
        `report: ${f.copied} files copied whole, ${f.patched} patched (${f.blocksCopied} blocks), ${f.deleted} removed; WAL ${report!.lsn.backupStart}..${report!.lsn.backupStop}`,
        ...describeChangeSources(o.changeSources)];
      return o;
    },
    discard: async () => copy.discard(),
  };
}

/** standby.signal and primary_conninfo, as -R would write them, owned as the directory is. */
function writeStandbyConf(target: string, primary: Cluster): void {
  const { uid, gid } = fs.statSync(target);
  fs.writeFileSync(path.join(target, 'standby.signal'), '');
  fs.chownSync(path.join(target, 'standby.signal'), uid, gid);
  fs.appendFileSync(path.join(target, 'postgresql.auto.conf'), `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres'\n`);
}

/** A failed run's reason in one line: its error lines, prefixes and the target's path left out. */
export function oneLineReason(output: string, target: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const errors = lines.filter((l) => /\b(error|fatal|FATAL|ERROR):/.test(l));
  const picked = (errors.length ? errors : lines.slice(-1)).map((l) => l.replace(/^[\w-]+: (error|fatal): /i, '').split(`${target}/`).join(''));
  const text = [...new Set(picked)].join('; ');
  return text.length > 240 ? `${text.slice(0, 237)}...` : text;
}

/**
 * The timeline a primary writes on, from its current WAL file's name: right after a promotion
 * pg_control (pg_control_checkpoint) still names the old one until the promotion's checkpoint ends.
 */
async function currentTimeline(server: Cluster): Promise<number> {
  return parseInt((await server.scalar<string>('SELECT pg_walfile_name(pg_current_wal_lsn())')).slice(0, 8), 16);
}

/** The LSN where the new primary's timeline branched off (its timeline history file). */
async function switchpoint(newPrimary: Cluster): Promise<string> {
  const tli = await currentTimeline(newPrimary);
  const file = `pg_wal/${tli.toString(16).toUpperCase().padStart(8, '0')}.history`;
  const history = await newPrimary.scalar<string>('SELECT pg_read_file($1)', [file]);
  const last = history.trim().split('\n').filter((l) => /^\d+\s/.test(l)).pop();
  if (!last) throw new Error(`no switchpoint in ${file}: ${history}`);
  return last.split(/\s+/)[1];
}

/** Remove the WAL segments before the segment of the latest checkpoint's redo from a stopped data dir. */
async function removeWalBeforeLastCheckpoint(dataDir: string, bin: string): Promise<{ segments: number; keptFrom: string }> {
  const out = (await run(path.join(bin, 'pg_controldata'), [dataDir])).stdout;
  const m = /Latest checkpoint's REDO WAL file:\s+([0-9A-F]{24})/.exec(out);
  if (!m) throw new Error(`no REDO WAL file in pg_controldata output:\n${out}`);
  const walDir = path.join(dataDir, 'pg_wal');
  let segments = 0;
  for (const name of fs.readdirSync(walDir)) {
    if (/^[0-9A-F]{24}$/.test(name) && name < m[1]) {
      fs.rmSync(path.join(walDir, name));
      segments++;
    }
  }
  return { segments, keptFrom: m[1] };
}

/** Until the archiver has every segment up to and including the one `pg_switch_wal()` closed. */
async function switchAndWaitArchived(server: Cluster): Promise<string> {
  const seg = await server.scalar<string>('SELECT pg_walfile_name(pg_switch_wal())');
  await waitFor(async () => {
    const last = await server.scalar<string | null>('SELECT last_archived_wal FROM pg_stat_archiver');
    return last !== null && last.slice(0, 24) >= seg;
  }, { timeoutMs: 120_000, what: `the archiver to archive ${seg}`, detail: () => server.logTail(20) });
  return seg;
}

export async function benchRewind(
  source: SourceDb, cli: CliCommand, runs: number, forced: string[], ledger: GoalLedger, say: (line: string) => void, baseline: CliCommand | null = null,
): Promise<RewindResult> {
  const oldPrimary = source.primary;
  const bin = oldPrimary.binDir;
  const scratch = makeScratchDir('bench-rewind');
  const archive = makeOwnedDir(path.join(makeScratchDir('bench-archive'), 'wal'));
  const notes = [
    'Each run rewinds the saved old primary, restored with cp -a and synced outside the timing.',
    'bytes written: pg_rewind -P\'s kB copied, pg-catchup --report files + WAL; fs writes: bytes the tool process dirtied in the page cache (ru_oublock), the same yardstick for both.',
    'pg_rewind copies every WAL segment the source\'s pg_wal holds from the fork\'s segment on, whole (recycled ones too): every run and check before it adds a segment or two there (pg-catchup\'s backup start/stop, a standby\'s start), so what pg_rewind copies grows from run to run; each pg_rewind run line says how much there was.',
    'fs writes: on this kernel (ext4, large folios) an 8 KB write into a cached file is counted as the whole folio it dirties (4000 random 8 KB writes into a 200 MB file count as 200 MB), so scattered block writes are overstated for both tools alike.',
    'Both tools also write standby.signal and primary_conninfo (-R), so each first result is started as a standby of the new primary and compared with it at the same LSN (not timed).',
    'Stopped source (--source-pgdata): both tools read the stopped new primary\'s files directly, without -R (pg_rewind refuses -R without --source-server); the check writes standby.signal and primary_conninfo, starts the new primary and compares as above.',
  ];

  say('\n== rewind: setting up an old primary that diverged after failover');
  let started = Date.now();
  for (const [k, v] of Object.entries({
    archive_mode: 'on',
    archive_command: `test ! -f ${archive}/%f && cp %p ${archive}/%f`,
    restore_command: `cp ${archive}/%f %p`,
    autovacuum: 'off',
  })) await oldPrimary.query(`ALTER SYSTEM SET ${k} = '${v.replace(/'/g, "''")}'`);
  await oldPrimary.restart();
  say(`  source restarted with archive_mode = on (archive ${archive}), restore_command, autovacuum off (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  started = Date.now();
  const newPrimary = await standbyOf(oldPrimary);
  await promoteStandby({ oldPrimary, newPrimary });
  const forkLsn = await switchpoint(newPrimary);
  say(`  standby made by pg-catchup FULL -R, streamed, promoted: timeline ${await currentTimeline(newPrimary)} forks at ${forkLsn} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const tables = await bigTables(oldPrimary);
  started = Date.now();
  const oldRows = await updatePagesInBand(oldPrimary, tables, ...OLD_PRIMARY_BAND);
  await settleAndCheckpoint(oldPrimary, tables);
  const oldPrimaryChanged = await countChangedPages(oldPrimary, forkLsn, tables);
  const newRows = await updatePagesInBand(newPrimary, tables, ...NEW_PRIMARY_BAND);
  await settleAndCheckpoint(newPrimary, tables);
  const newPrimaryChanged = await countChangedPages(newPrimary, forkLsn, tables);
  const archived = await switchAndWaitArchived(oldPrimary);
  await oldPrimary.stop('fast');
  say(`  old primary after the fork: ${oldRows} rows updated (one per picked page); archived through ${archived}, stopped cleanly; its pages past the fork:`);
  for (const line of describeChangedPages(oldPrimaryChanged)) say(`    ${line}`);
  say(`  new primary after the fork: ${newRows} rows updated; its pages past the fork:`);
  for (const line of describeChangedPages(newPrimaryChanged)) say(`    ${line}`);

  const withWal = await SavedCopy.save('rewind-target', oldPrimary.dataDir);
  const noWal = await SavedCopy.save('rewind-target-nowal', oldPrimary.dataDir);
  const walRemoved = await removeWalBeforeLastCheckpoint(noWal.savedDir, bin);
  say(`  saved the stopped old primary twice (cp -a); from the second copy's pg_wal ${walRemoved.segments} segments before ${walRemoved.keptFrom} (the last checkpoint's) are removed: the fork's WAL is gone (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const verify = async (tool: BenchTool, target: string) => checkAsStandby(newPrimary, target, `pg${newPrimary.version}-rewound-${tool.name.split(' ')[0]}`);
  const cases: RewindCase[] = [];
  const caseOf = (name: string, vs: string, tools: ToolSummary[], goal?: GoalId): RewindCase => ({
    name, vs, tools, ratio: tools.length > 1 ? tools[1].minS / tools[0].minS : null, goal, goals: [],
  });
  const forcedArgs = changeSourceArgs(forced);
  if (forced.length) notes.push(`pg-catchup rewind ran with ${forced.map((f) => `--change-source ${f}`).join(' ')} (the engine's choice forced).`);

  say(`\n== rewind, the fork's WAL in the target's pg_wal: ${runs} run(s) per tool, order rotated each run`);
  cases.push(caseOf('fork WAL in pg_wal', 'pg_rewind', await runTools([
    pgRewindTool('pg_rewind -R', bin, newPrimary, forkLsn, withWal, scratch, []),
    pgCatchupRewindTool('pg-catchup rewind -R', cli, newPrimary, withWal, scratch, forcedArgs),
    ...(baseline ? [pgCatchupRewindTool(`pg-catchup rewind -R${BASELINE}`, baseline, newPrimary, withWal, scratch, forcedArgs)] : []),
  ], runs, newPrimary.dataDir, verify, say), 'rewind-wal'));

  say(`\n== rewind from the stopped new primary (--source-pgdata, no -R: pg_rewind takes none with it), the fork's WAL in the target's pg_wal: ${runs} run(s) per tool, order rotated each run`);
  // The new primary stays stopped while the tools run; each first result is then made a standby of it and compared, with the primary running.
  const verifyStopped = async (tool: BenchTool, target: string) => {
    writeStandbyConf(target, newPrimary);
    await newPrimary.start();
    try {
      return await verify(tool, target);
    } finally {
      await newPrimary.stop('fast');
    }
  };
  await newPrimary.stop('fast');
  try {
    cases.push(caseOf('stopped source (--source-pgdata)', 'pg_rewind --source-pgdata', await runTools([
      pgRewindTool('pg_rewind --source-pgdata', bin, newPrimary, forkLsn, withWal, scratch, [], 'stopped'),
      pgCatchupRewindTool('pg-catchup rewind --source-pgdata', cli, newPrimary, withWal, scratch, forcedArgs, 'stopped'),
      ...(baseline ? [pgCatchupRewindTool(`pg-catchup rewind --source-pgdata${BASELINE}`, baseline, newPrimary, withWal, scratch, forcedArgs, 'stopped')] : []),
    ], runs, newPrimary.dataDir, verifyStopped, say)));
  } finally {
    await newPrimary.start();
  }

  say('\n== rewind, the fork\'s WAL gone from pg_wal (no -c): pg_rewind must fail; pg-catchup rewind against a fresh pg_basebackup');
  const refusals: Refusal[] = [];
  const tryOnce = async (tool: 'pg_rewind' | 'pg-catchup rewind'): Promise<Refusal | null> => {
    const target = await noWal.restore();
    try {
      const args = ['-D', target, `--source-server=${sourceServer(newPrimary)}`, '-R'];
      const r = tool === 'pg_rewind'
        ? await timedRun(path.join(bin, 'pg_rewind'), args, { asServerUser: true, scratchDir: scratch, allowFailure: true })
        : (await runPgCatchup(cli, ['rewind', ...args, ...forcedArgs], scratch, { allowFailure: true })).r;
      const output = `${r.stdout}\n${r.stderr}`.trim();
      const outcome = r.exitCode === 0 ? 'succeeded' : `failed (exit ${r.exitCode}, ${(r.wallMs / 1000).toFixed(2)} s): ${oneLineReason(output, target)}`;
      say(`  ${tool} -R: ${outcome}${tool === 'pg-catchup rewind' && r.exitCode === 0 ? ' (a trial run, not counted: it is timed below)' : ''}`);
      if (r.exitCode === 0) return null;
      const refusal = { tool: `${tool} -R`, exitCode: r.exitCode, wallS: r.wallMs / 1000, message: tail(output, 4), reason: oneLineReason(output, target) };
      refusals.push(refusal);
      return refusal;
    } finally {
      noWal.discard();
    }
  };
  if (!(await tryOnce('pg_rewind'))) throw new Error('pg_rewind succeeded without the fork\'s WAL: the bench set-up did not remove it');
  const ourRefusal = await tryOnce('pg-catchup rewind');
  if (hasTool(newPrimary.version, 'pg_basebackup')) {
    const tools = [basebackupTool('pg_basebackup -R -X stream -c fast', newPrimary, scratch)];
    if (!ourRefusal) tools.push(pgCatchupRewindTool('pg-catchup rewind -R', cli, newPrimary, noWal, scratch, forcedArgs));
    if (!ourRefusal && baseline) tools.push(pgCatchupRewindTool(`pg-catchup rewind -R${BASELINE}`, baseline, newPrimary, noWal, scratch, forcedArgs));
    say(`  ${runs} run(s) per tool, order rotated each run${ourRefusal ? '; pg_basebackup alone (pg-catchup refused above)' : ''}`);
    const c = caseOf('fork WAL gone', 'pg_basebackup', await runTools(tools, runs, newPrimary.dataDir, verify, say), 'rewind-no-wal');
    if (ourRefusal) c.refused = ourRefusal.reason;
    cases.push(c);
  } else {
    notes.push(`PostgreSQL ${newPrimary.version} here has no pg_basebackup: the fork-WAL-gone case has nothing to be timed against.`);
  }

  say(`\n== rewind, the fork's WAL gone from pg_wal, -c (restore_command from the archive): ${runs} run(s) per tool, order rotated each run`);
  cases.push(caseOf('fork WAL gone, -c from archive', 'pg_rewind -c', await runTools([
    pgRewindTool('pg_rewind -R -c', bin, newPrimary, forkLsn, noWal, scratch, ['-c']),
    pgCatchupRewindTool('pg-catchup rewind -R -c', cli, newPrimary, noWal, scratch, ['-c', `--target-bindir=${bin}`, ...forcedArgs]),
    ...(baseline ? [pgCatchupRewindTool(`pg-catchup rewind -R -c${BASELINE}`, baseline, newPrimary, noWal, scratch, ['-c', `--target-bindir=${bin}`, ...forcedArgs])] : []),
  ], runs, newPrimary.dataDir, verify, say)));

  for (const c of cases) {
    if (c.goal) c.goals.push(ledger.record(c.goal, c.name, c.ratio, c.refused ? 'pg-catchup refused' : undefined, c.refused !== undefined));
  }
  const result: RewindResult = { forkLsn, oldPrimaryChanged, newPrimaryChanged, walRemoved, cases, refusals, notes };
  say('');
  printRewind(result, ledger, say);
  recordSectionGoals(cases, ledger, 'rewind', say);
  return result;
}

export function printRewind(result: RewindResult, ledger: GoalLedger, say: (line: string) => void): void {
  const rows: Array<{ first: string[]; t: ToolSummary; cmp: Comparison }> = [];
  for (const c of result.cases) {
    c.tools.forEach((t, i) => rows.push({
      first: [i === 0 ? c.name : '', t.tool], t,
      cmp: i === 0 ? { vs: '', ratio: 1 } : { vs: c.vs, ratio: t.minS / c.tools[0].minS, goal: t.tool.endsWith(BASELINE) ? undefined : c.goal },
    }));
  }
  printSummaryTable(['case', 'tool'], rows, [], say);
  for (const r of result.refusals) {
    const noRow = r.tool.startsWith('pg-catchup') ? '; so "fork WAL gone" has no pg-catchup row' : '';
    say(`  fork WAL gone, no -c: ${r.tool} failed (exit ${r.exitCode}, ${r.wallS.toFixed(2)} s${noRow}): ${r.reason}`);
  }
  const o = result.oldPrimaryChanged;
  say(`  old primary changed ${o.changedPages} pages after the fork at ${result.forkLsn} (${(100 * o.heapChanged / o.heapPages).toFixed(1)} % of the big tables' heap); new primary ${result.newPrimaryChanged.changedPages}`);
  say('  ratio = min s / min s of the "vs" tool (above 1: slower); goal, met: issue 7\'s goal for the row');
  say('  bytes written: pg_rewind -P kB copied, pg-catchup --report files + WAL, pg_basebackup du -sb; fs writes: ru_oublock of the tool process');
  for (const n of result.notes) say(`  note: ${n}`);
  for (const m of result.cases.flatMap((c) => c.goals)) say(`  ${ledger.line(m)}`);
}
