/**
 * PTRACK from PostgreSQL 17+ WAL summaries: which source blocks changed since the reference LSN R,
 * without reading data files. The WAL summarizer (`summarize_wal = on`) writes one summary per
 * stretch of WAL between redo points, naming every block a WAL record touched, per relation fork
 * (src/backend/postmaster/walsummarizer.c). We read them the way PostgreSQL's incremental backup
 * does (basebackup_incremental.c): wait until summarization reaches the backup start LSN, check the
 * summaries cover [R, start) on every timeline of the source's history, then merge their contents.
 *
 * Privileges: on 17 and 18 the three functions keep PostgreSQL's default ACL, EXECUTE for PUBLIC
 * (pg_proc.proacl is NULL after initdb; a role with only LOGIN can call them, measured on 17.10
 * and 18.4). WAL_SUMMARY_FUNCTIONS lists them for sites that revoked it. `summarize_wal` is
 * readable by every role.
 */
import type { Client } from 'pg';
import { CatchupError, errorMessage } from '../errors';
import {
  databaseDirectory, DEFAULTTABLESPACE_OID, ForkName, GLOBALTABLESPACE_OID, parseRelationPath, RelationFile, relationFilePath,
} from '../pgdata/relation-path';
import { formatLsn, Lsn, parseLsn } from '../wal/lsn';
import { TimelineHistoryEntry, timelineSpans } from '../wal/timeline-history';

/** Signatures for `GRANT EXECUTE ON FUNCTION <sig> TO <role>` (from pg_proc; PUBLIC has them by default). */
export const WAL_SUMMARY_FUNCTIONS: readonly string[] = [
  'pg_catalog.pg_available_wal_summaries()',
  'pg_catalog.pg_wal_summary_contents(bigint, pg_lsn, pg_lsn)',
  'pg_catalog.pg_get_wal_summarizer_state()',
];

/** The way out whenever summaries cannot answer. */
const DELTA_NEEDS_NOTHING = 'it finds the changed blocks by their page LSNs and needs no change tracking';
const USE_DELTA = `Use -b DELTA instead: ${DELTA_NEEDS_NOTHING}.`;

// ---------------------------------------------------------------------------------------------
// Rows -> changed blocks (pure)
// ---------------------------------------------------------------------------------------------

/** One row of pg_wal_summary_contents(tli, start_lsn, end_lsn). */
export interface WalSummaryRow {
  /** 0 (with a limit block of 0) stands for every relation of a database in a tablespace. */
  relfilenode: number;
  reltablespace: number;
  /** 0 for shared catalogs (global/). */
  reldatabase: number;
  /** 0 main, 1 fsm, 2 vm, 3 init. */
  relforknumber: number;
  /** Absolute block number within the fork (not within a 1 GB segment). */
  relblocknumber: number;
  isLimitBlock: boolean;
}

export interface RelationLayout {
  /** BLCKSZ from pg_control. */
  blockSize: number;
  /** Blocks per segment file (RELSEG_SIZE, pg_control's blocks_per_segment). */
  relsegSize: number;
  /** `PG_<major>_<catversion>`: the per-version directory inside each pg_tblspc/<oid>. */
  tablespaceVersionDir: string;
}

/**
 * Limit blocks, keyed by a relation fork (the path of its first segment: base/5/16384_vm) or by a
 * database directory (base/5, pg_tblspc/16390/PG_17_202406281/5), value = the smallest limit seen.
 *
 * A limit block L says: somewhere in the summarized range the fork was created (L = 0), dropped
 * (L = 0) or truncated to L blocks. Blocks from L up may have been written anew without every one of
 * them being named by a WAL block reference (a file re-created by CREATE DATABASE .. FILE_COPY, an
 * extension by zero pages, a relfilenode reused after a drop), so every block at or above L that
 * the source's file has now counts as changed. A database directory key always has L = 0: the
 * database was created or dropped in the range (walsummarizer.c records relfilenode 0 for that), so
 * every relation file in it is new.
 */
export type LimitBlocks = Map<string, number>;

export interface SummarizedChanges {
  /** Per segment file (path relative to PGDATA), block numbers within that file, sorted, unique. */
  changed: Map<string, number[]>;
  limits: LimitBlocks;
}

const FORKS: readonly ForkName[] = ['main', 'fsm', 'vm', 'init'];

function forkName(forkNumber: number): ForkName {
  const fork = FORKS[forkNumber];
  if (fork === undefined) throw new Error(`WAL summary names fork number ${forkNumber}; PostgreSQL has forks 0-3 only`);
  return fork;
}

function relationFile(
  row: Pick<WalSummaryRow, 'relfilenode' | 'reltablespace' | 'reldatabase'>,
  fork: ForkName,
  segmentNo: number,
  tablespaceVersionDir: string,
): RelationFile {
  return {
    tablespaceOid: row.reltablespace,
    databaseOid: row.reldatabase,
    relfilenode: row.relfilenode,
    fork,
    segmentNo,
    isTemp: false,
    tempBackend: null,
    tablespaceVersionDir: row.reltablespace === DEFAULTTABLESPACE_OID || row.reltablespace === GLOBALTABLESPACE_OID ? null : tablespaceVersionDir,
  };
}

// Moved to pgdata/relation-path (the target's WAL reader needs it too); re-exported for callers here.
export { databaseDirectory };

function setMin(map: Map<string, number>, key: string, value: number): void {
  const old = map.get(key);
  if (old === undefined || value < old) map.set(key, value);
}

/**
 * Merges the rows of any number of summaries: changed blocks are the union, limits the minimum
 * (the order of summaries does not matter: a block named before a truncation is at or above the
 * limit and counts as changed anyway once applyLimitBlocks has run).
 */
export function mapSummaryRows(rows: Iterable<WalSummaryRow>, layout: RelationLayout): SummarizedChanges {
  const { relsegSize, tablespaceVersionDir } = layout;
  if (!(relsegSize > 0)) throw new Error(`relsegSize must be a positive number of blocks, not ${relsegSize}`);
  const sets = new Map<string, Set<number>>();
  const limits: LimitBlocks = new Map();
  for (const row of rows) {
    if (row.relfilenode === 0) {
      // Only limit rows (of 0) exist for the whole-database entry; anything else is treated the same.
      setMin(limits, databaseDirectory(row.reltablespace, row.reldatabase, tablespaceVersionDir), 0);
      continue;
    }
    const fork = forkName(row.relforknumber);
    const block = row.relblocknumber;
    if (row.isLimitBlock) {
      setMin(limits, relationFilePath(relationFile(row, fork, 0, tablespaceVersionDir)), block);
      continue;
    }
    const path = relationFilePath(relationFile(row, fork, Math.floor(block / relsegSize), tablespaceVersionDir));
    let blocks = sets.get(path);
    if (!blocks) sets.set(path, (blocks = new Set()));
    blocks.add(block % relsegSize);
  }
  const changed = new Map<string, number[]>();
  for (const [path, blocks] of sets) changed.set(path, [...blocks].sort((a, b) => a - b));
  return { changed, limits };
}

/**
 * The final block list per source segment file: the named blocks, plus every block at or above the
 * fork's (or its database's) limit, plus every block of every free space map fork, which the
 * summarizer never records because FSM changes are not WAL-logged (PostgreSQL's incremental backup
 * sends FSM forks whole for the same reason; they are small). Only files in `sourceSizes` (the
 * source listing: path -> bytes) count, and only blocks below their current size: a file the source
 * no longer has is deleted from the target, a block past its end is truncated away, by the plan.
 */
export function applyLimitBlocks(
  changed: Map<string, number[]>,
  limits: LimitBlocks,
  sourceSizes: Map<string, number>,
  blockSize: number,
  relsegSize: number,
): Map<string, number[]> {
  const result = new Map<string, number[]>();
  for (const [path, size] of sourceSizes) {
    const rel = parseRelationPath(path);
    if (!rel || rel.isTemp) continue;
    const nblocks = Math.floor(size / blockSize);
    if (nblocks === 0) continue;

    let limit: number | undefined = rel.fork === 'fsm' ? 0 : undefined;
    const forkLimit = limits.get(relationFilePath({ ...rel, segmentNo: 0 }));
    const dbLimit = limits.get(path.slice(0, path.lastIndexOf('/')));
    for (const l of [forkLimit, dbLimit]) if (l !== undefined && (limit === undefined || l < limit)) limit = l;

    const firstBlock = rel.segmentNo * relsegSize;
    const fromLimit = limit === undefined ? nblocks : Math.max(0, Math.min(nblocks, limit - firstBlock));
    const named = [...new Set(changed.get(path) ?? [])].filter((b) => b < fromLimit).sort((a, b) => a - b);
    for (let b = fromLimit; b < nblocks; b++) named.push(b);
    if (named.length > 0) result.set(path, named);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Which summaries, and do they cover [R, start)? (pure)
// ---------------------------------------------------------------------------------------------

/** One row of pg_available_wal_summaries(): WAL on `tli` from startLsn up to (not incl.) endLsn. */
export interface WalSummaryFile {
  tli: number;
  startLsn: Lsn;
  endLsn: Lsn;
}

/** The part of [fromLsn, toLsn) that WAL on one timeline of the source's history covers. */
export interface TimelineRange {
  tli: number;
  start: Lsn;
  end: Lsn;
}

export interface SummaryCoverage {
  /** Per timeline, oldest first; empty when fromLsn >= toLsn. */
  ranges: TimelineRange[];
  /** The summaries overlapping those ranges, oldest first: the ones to read. */
  summaries: WalSummaryFile[];
  /** Null when the summaries cover every range without a hole; otherwise which LSNs are missing. */
  gap: string | null;
}

export interface CoverageInput {
  /** The source's timeline history (its current timeline's history file), oldest first. */
  history: readonly TimelineHistoryEntry[];
  currentTli: number;
  /** R. */
  fromLsn: Lsn;
  /** The backup start LSN. */
  toLsn: Lsn;
  available: readonly WalSummaryFile[];
}

/**
 * Splits [R, start) along the source's history into one range per timeline and picks, for each,
 * the summaries of that timeline that overlap it; then walks them in start order, as PostgreSQL's
 * WalSummariesAreComplete does, to prove every LSN of the range is summarized. A summary that
 * begins before R (or ends after start) is read whole: its extra blocks only cost copying.
 */
export function planSummaryCoverage(input: CoverageInput): SummaryCoverage {
  const { fromLsn, toLsn } = input;
  const ranges: TimelineRange[] = [];
  for (const span of timelineSpans(input.history, input.currentTli)) {
    const start = span.begin > fromLsn ? span.begin : fromLsn;
    const spanEnd = span.end ?? toLsn;
    const end = spanEnd < toLsn ? spanEnd : toLsn;
    if (start < end) ranges.push({ tli: span.tli, start, end });
  }

  const summaries: WalSummaryFile[] = [];
  const gaps: string[] = [];
  for (const range of ranges) {
    const overlapping = input.available
      .filter((s) => s.tli === range.tli && s.startLsn < range.end && s.endLsn > range.start)
      .sort((a, b) => (a.startLsn < b.startLsn ? -1 : a.startLsn > b.startLsn ? 1 : 0));
    summaries.push(...overlapping);
    let covered = range.start;
    for (const s of overlapping) {
      if (s.startLsn > covered) {
        gaps.push(describeGap(range.tli, covered, s.startLsn, false));
      }
      if (s.endLsn > covered) covered = s.endLsn;
    }
    if (covered < range.end) {
      // The tail of the current timeline is what the summarizer simply has not reached yet.
      const isTip = range.tli === input.currentTli && range.end === toLsn;
      gaps.push(describeGap(range.tli, covered, range.end, isTip && overlapping.length > 0));
    }
  }
  return { ranges, summaries, gap: gaps.length ? gaps.join('; ') : null };
}

function describeGap(tli: number, from: Lsn, to: Lsn, notYet: boolean): string {
  const why = notYet
    ? 'the WAL summarizer has not summarized that far yet'
    : 'removed by wal_summary_keep_time, or summarize_wal was off then';
  return `no WAL summary covers ${formatLsn(from)}..${formatLsn(to)} on timeline ${tli} (${why})`;
}

// ---------------------------------------------------------------------------------------------
// Availability (pure) and the server side (I/O)
// ---------------------------------------------------------------------------------------------

/**
 * Why WAL summaries cannot be used, or null when they can. `major` is the server's major version,
 * `summarizeWal` the text of current_setting('summarize_wal', true) (null where it does not exist).
 */
export function walSummaryUnavailableReason(major: number, summarizeWal: string | null): string | null {
  if (major < 17) return `PostgreSQL ${major} has no WAL summaries (they arrived in 17)`;
  if (summarizeWal !== 'on') {
    return `summarize_wal is ${summarizeWal ?? 'not set'} on the source, so no WAL summaries are being written`;
  }
  return null;
}

function unavailableFix(major: number): string {
  if (major < 17) return USE_DELTA;
  return `${USE_DELTA} For later runs, turn summaries on (ALTER SYSTEM SET summarize_wal = on; SELECT pg_reload_conf();): the summarizer starts at the oldest WAL still in pg_wal, and summaries last as long as wal_summary_keep_time.`;
}

/** Reads the version and setting from the source and says why summaries are unusable, or null. */
export async function checkWalSummaries(client: Client): Promise<string | null> {
  const { major, summarizeWal } = await readSummarySettings(client);
  return walSummaryUnavailableReason(major, summarizeWal);
}

async function readSummarySettings(client: Client): Promise<{ major: number; summarizeWal: string | null }> {
  const res = await client.query<{ num: string; summarize_wal: string | null }>(
    "SELECT current_setting('server_version_num') AS num, current_setting('summarize_wal', true) AS summarize_wal",
  );
  return { major: Math.floor(Number(res.rows[0].num) / 10000), summarizeWal: res.rows[0].summarize_wal };
}

export interface SummarizerState {
  summarizedTli: number;
  /** Summary files on disk reach this LSN. */
  summarizedLsn: Lsn;
  /** The summarizer has read WAL up to here (in memory). */
  pendingLsn: Lsn;
  /** Null when no summarizer process runs. */
  pid: number | null;
  /** current_setting('summarize_wal') as this session sees it now. */
  summarizeWal: string | null;
}

export async function readSummarizerState(client: Client): Promise<SummarizerState> {
  const res = await client.query<{ tli: string; summarized: string; pending: string; pid: number | null; summarize_wal: string | null }>(
    `SELECT s.summarized_tli::text AS tli, s.summarized_lsn::text AS summarized, s.pending_lsn::text AS pending,
            s.summarizer_pid AS pid, current_setting('summarize_wal', true) AS summarize_wal
       FROM pg_get_wal_summarizer_state() AS s`,
  );
  const r = res.rows[0];
  return {
    summarizedTli: Number(r.tli),
    summarizedLsn: parseLsn(r.summarized),
    pendingLsn: parseLsn(r.pending),
    pid: r.pid,
    summarizeWal: r.summarize_wal,
  };
}

export interface WalSummaryChangesOptions {
  /** R: blocks changed by WAL records from here on are wanted. */
  fromLsn: Lsn;
  /**
   * The backup start LSN (the redo point pg_backup_start returned). Summaries end at redo points,
   * so summarization reaches exactly this LSN once that checkpoint is summarized; any other LSN
   * would wait for the next checkpoint.
   */
  toLsn: Lsn;
  /** The source's current timeline and its history (oldest first). */
  timeline: number;
  history: TimelineHistoryEntry[];
  blockSize: number;
  relsegSize: number;
  tablespaceVersionDir: string;
  /** How long to wait for the summarizer to reach toLsn before refusing. */
  waitMs: number;
  /** First pause between polls (default 50 ms, doubling up to 1 s). */
  pollMs?: number;
  logger?: { info(m: string): void };
}

export interface WalSummaryChangesResult extends SummarizedChanges {
  /** Summary files read. */
  summaries: number;
  /** Rows pg_wal_summary_contents returned over all of them. */
  rows: number;
}

/**
 * The blocks changed on the source between R and the backup start, from WAL summaries. Refuses
 * (CatchupError 'ptrack-unavailable', with DELTA as the way out) when the server has no summaries,
 * the summarizer does not reach the start LSN within waitMs, or the summaries have a hole.
 * Apply the result with applyLimitBlocks against the source listing.
 */
export async function walSummaryChanges(client: Client, opts: WalSummaryChangesOptions): Promise<WalSummaryChangesResult> {
  const settings = await readSummarySettings(client);
  const reason = walSummaryUnavailableReason(settings.major, settings.summarizeWal);
  if (reason) {
    throw new CatchupError('ptrack-unavailable', `PTRACK cannot use WAL summaries: ${reason}.`, unavailableFix(settings.major));
  }

  await waitForSummarization(client, opts);

  const available = await listWalSummaries(client);
  const coverage = planSummaryCoverage({
    history: opts.history, currentTli: opts.timeline, fromLsn: opts.fromLsn, toLsn: opts.toLsn, available,
  });
  const span = `${formatLsn(opts.fromLsn)}..${formatLsn(opts.toLsn)}`;
  if (coverage.gap) {
    throw new CatchupError('ptrack-unavailable',
      `The WAL summaries on the source do not cover every change since the reference LSN (${span}): ${coverage.gap}. ` +
        'A block changed in a hole would not be copied, so PTRACK cannot be used.',
      `${USE_DELTA} To keep summaries long enough for later runs, raise wal_summary_keep_time on the source.`);
  }

  let rows = 0;
  let changes: SummarizedChanges = { changed: new Map(), limits: new Map() };
  if (coverage.summaries.length > 0) {
    let groups: SummaryGroup[];
    try {
      groups = await readSummaryGroups(client, coverage.summaries, opts.relsegSize);
    } catch (err) {
      throw new CatchupError('ptrack-unavailable',
        `Reading the WAL summaries for ${span} on the source failed: ${errorMessage(err)}. ` +
          '(A summary removed by wal_summary_keep_time while we read it looks like this.)',
        USE_DELTA);
    }
    for (const g of groups) rows += g.rows;
    changes = mapSummaryRows(expandGroups(groups), opts);
  }
  opts.logger?.info(
    `WAL summaries: ${coverage.summaries.length} covering ${span} on timeline(s) ${coverage.ranges.map((r) => r.tli).join(', ') || '-'}, ` +
      `${rows} rows, ${changes.changed.size} files with named blocks, ${changes.limits.size} limit entries`,
  );
  return { ...changes, summaries: coverage.summaries.length, rows };
}

/** pg_available_wal_summaries(): the summary files the source has now. */
export async function listWalSummaries(client: Client): Promise<WalSummaryFile[]> {
  const listed = await client.query<{ tli: string; start_lsn: string; end_lsn: string }>(
    'SELECT tli::text AS tli, start_lsn::text AS start_lsn, end_lsn::text AS end_lsn FROM pg_available_wal_summaries()',
  );
  return listed.rows.map((r) => ({ tli: Number(r.tli), startLsn: parseLsn(r.start_lsn), endLsn: parseLsn(r.end_lsn) }));
}

/**
 * Polls pg_get_wal_summarizer_state until summary files reach toLsn (WaitForWalSummarization
 * waits on summarized_lsn, the on-disk position, not pending_lsn). Refuses after waitMs, or at once
 * when summarize_wal is switched off meanwhile.
 */
async function waitForSummarization(client: Client, opts: WalSummaryChangesOptions): Promise<void> {
  const deadline = Date.now() + opts.waitMs;
  let pauseMs = opts.pollMs ?? 50;
  let announced = false;
  for (;;) {
    const state = await readSummarizerState(client);
    if (state.summarizeWal !== 'on') {
      throw new CatchupError('ptrack-unavailable',
        `summarize_wal was turned off on the source while waiting for the WAL summarizer to reach ${formatLsn(opts.toLsn)}.`,
        USE_DELTA);
    }
    if (state.summarizedLsn >= opts.toLsn) return;
    const now = Date.now();
    if (now >= deadline) {
      const process = state.pid === null ? 'no WAL summarizer process is running' : `the summarizer (PID ${state.pid})`;
      throw new CatchupError('ptrack-unavailable',
        `The WAL summaries on the source do not reach the backup start ${formatLsn(opts.toLsn)} after ${opts.waitMs < 10_000 ? `${opts.waitMs} ms` : `${Math.round(opts.waitMs / 1000)} s`}: ` +
          `${process} has written summaries up to ${formatLsn(state.summarizedLsn)} on timeline ${state.summarizedTli} and read WAL up to ${formatLsn(state.pendingLsn)}.`,
        `Check the source's log for WAL summarizer errors and retry with a longer wait, or use -b DELTA: ${DELTA_NEEDS_NOTHING}.`);
    }
    if (!announced) {
      opts.logger?.info(`waiting for the WAL summarizer to reach ${formatLsn(opts.toLsn)} (summaries end at ${formatLsn(state.summarizedLsn)})`);
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(pauseMs, Math.max(1, deadline - now))));
    pauseMs = Math.min(pauseMs * 2, 1000);
  }
}

/** The rows of one relation fork and segment, folded on the server: far fewer objects to ship. */
interface SummaryGroup {
  relfilenode: number;
  reltablespace: number;
  reldatabase: number;
  relforknumber: number;
  limitBlock: number | null;
  /** Comma-separated absolute block numbers (may repeat across summaries), or null. */
  blocks: string | null;
  rows: number;
}

async function readSummaryGroups(client: Client, summaries: WalSummaryFile[], relsegSize: number): Promise<SummaryGroup[]> {
  const params: string[] = [];
  const values = summaries.map((s) => {
    params.push(String(s.tli), formatLsn(s.startLsn), formatLsn(s.endLsn));
    const n = params.length;
    return `($${n - 2}::bigint, $${n - 1}::pg_lsn, $${n}::pg_lsn)`;
  });
  // Grouped per 1 GB segment too, so that no aggregated string nears the 1 GB text limit.
  const res = await client.query<{
    relfilenode: string; reltablespace: string; reldatabase: string; relforknumber: number;
    limit_block: string | null; blocks: string | null; rows: string;
  }>(
    `SELECT c.relfilenode::bigint::text AS relfilenode, c.reltablespace::bigint::text AS reltablespace,
            c.reldatabase::bigint::text AS reldatabase, c.relforknumber::int AS relforknumber,
            (min(c.relblocknumber) FILTER (WHERE c.is_limit_block))::text AS limit_block,
            string_agg(c.relblocknumber::text, ',') FILTER (WHERE NOT c.is_limit_block) AS blocks,
            count(*)::text AS rows
       FROM (VALUES ${values.join(', ')}) AS s(tli, start_lsn, end_lsn),
            LATERAL pg_wal_summary_contents(s.tli, s.start_lsn, s.end_lsn) AS c
      GROUP BY c.relfilenode, c.reltablespace, c.reldatabase, c.relforknumber,
               CASE WHEN c.is_limit_block THEN -1 ELSE c.relblocknumber / ${Math.floor(relsegSize)} END`,
    params,
  );
  return res.rows.map((r) => ({
    relfilenode: Number(r.relfilenode),
    reltablespace: Number(r.reltablespace),
    reldatabase: Number(r.reldatabase),
    relforknumber: Number(r.relforknumber),
    limitBlock: r.limit_block === null ? null : Number(r.limit_block),
    blocks: r.blocks,
    rows: Number(r.rows),
  }));
}

function* expandGroups(groups: SummaryGroup[]): Generator<WalSummaryRow> {
  for (const g of groups) {
    const base = { relfilenode: g.relfilenode, reltablespace: g.reltablespace, reldatabase: g.reldatabase, relforknumber: g.relforknumber };
    if (g.limitBlock !== null) yield { ...base, relblocknumber: g.limitBlock, isLimitBlock: true };
    if (g.blocks) {
      for (const text of g.blocks.split(',')) yield { ...base, relblocknumber: Number(text), isLimitBlock: false };
    }
  }
}
