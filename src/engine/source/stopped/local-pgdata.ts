import fs from 'fs';
import path from 'path';
import { CatchupError } from '../../errors';
import { parsePgControl, PgControl } from '../../pgdata/pg-control';
import { readPgWalHistory } from '../../pgdata/pg-wal-history';
import { livePostmaster } from '../../pgdata/postmaster-pid';
import { isInside, realPathOf } from '../../pgdata/target-path';
import { formatLsn, Lsn } from '../../wal/lsn';
import { localWalDirSource } from '../../wal/local-wal-source';
import { timelineOfLsn, TimelineHistoryEntry } from '../../wal/timeline-history';
import { WalReader } from '../../wal/wal-reader';
import { historyFileName } from '../../wal/wal-segment';
import type { SourceEntry } from '../../plan/plan';
import type { PieceSink } from '../../copy/range-reader';
import { ReadRange, READ_PIECE_BYTES } from '../../plan/read-batches';
import type { SourceFiles } from '../source-files';
import { missingWalSaid, WalFile, walFilesBetween } from '../server/source-wal-files';

/**
 * A stopped PGDATA on this host as the source (pg_rewind's --source-pgdata): what the SQL and
 * replication source answers, read from the files, with no connection. Only a cleanly stopped
 * cluster qualifies: it is consistent at its shutdown checkpoint, so no backup session and no
 * WAL stream are needed. Nothing here writes into the source directory.
 */
export interface LocalSource {
  dir: string;
  majorVersion: number;
  control: PgControl;
  /** global/pg_control as read when the source was opened: the target's, and proof at the end that the source stayed stopped. */
  controlBytes: Buffer;
  /** The source's timeline: its last checkpoint's, or the one a standby had replayed into (minRecoveryPoint). */
  timeline: number;
  /** The timeline history of the source's current timeline, from its pg_wal ([] on timeline 1). */
  history: TimelineHistoryEntry[];
  /** Where the source's WAL ends for us: no page on its disk has a newer LSN (its checkpoint record's end, or a standby's minRecoveryPoint). */
  walEnd: Lsn;
  /** The segments from the last checkpoint's redo up to walEnd: what the copy needs to start. */
  walFiles: WalFile[];
}

const CLEAN_STATES = ['shut down', 'shut down in recovery'];

/** Opens the source directory, or refuses it with the reason and the way out. Reads only. */
export async function openLocalSource(sourceDir: string, targetDir: string): Promise<LocalSource> {
  const dir = path.resolve(sourceDir);
  assertApart(dir, path.resolve(targetDir));
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new CatchupError('source-missing', `The source directory ${dir} does not exist.`, 'Point --source-pgdata at the data directory of a stopped cluster on this host.');
  }
  const versionFile = path.join(dir, 'PG_VERSION');
  const controlFile = path.join(dir, 'global', 'pg_control');
  if (!fs.existsSync(versionFile) || !fs.existsSync(controlFile)) {
    throw new CatchupError('source-not-pgdata', `The source ${dir} is not a PostgreSQL data directory (no PG_VERSION or global/pg_control).`,
      'Point --source-pgdata at the data directory of a stopped cluster on this host.');
  }
  const running = livePostmaster(dir);
  if (running) {
    throw new CatchupError('source-running', `The source ${dir} is in use by a running server (postmaster PID ${running.pid}).`,
      `Stop it cleanly first (pg_ctl stop -D ${dir} -m fast), or use it while it runs with --source-server.`);
  }
  const controlBytes = fs.readFileSync(controlFile);
  const control = parsePgControl(controlBytes, controlFile);
  if (!CLEAN_STATES.includes(control.state)) {
    throw new CatchupError('source-not-clean', `source data directory must be shut down cleanly: ${dir} says "${control.state}" in its pg_control.`,
      `Start it and stop it cleanly (pg_ctl start -D ${dir}; pg_ctl stop -D ${dir} -m fast), then run again.`);
  }
  const majorVersion = Number(fs.readFileSync(versionFile, 'utf8').trim());
  const timeline = Math.max(control.timeline, control.minRecoveryPointTli);
  const history = localHistory(dir, timeline);
  const walEnd = await localWalEnd(dir, control, history, timeline);
  const walFiles = walFilesBetween(control.redoLsn, walEnd, history, timeline, control.walSegmentSize);
  const missing = walFiles.find((f) => !hasWholeSegment(dir, f, control.walSegmentSize));
  if (missing) {
    throw new CatchupError('source-wal-missing',
      `The source's pg_wal lacks ${missing.path}, which a copy needs to start (WAL from its last checkpoint's redo ${formatLsn(control.redoLsn)} up to ${formatLsn(walEnd)}).`,
      "Restore the segment into the source's pg_wal from its archive, or start and stop the source cleanly so it writes a new checkpoint, then run again.");
  }
  return { dir, majorVersion, control, controlBytes, timeline, history, walEnd, walFiles };
}

function hasWholeSegment(dir: string, f: WalFile, segSize: number): boolean {
  return fs.statSync(path.join(dir, f.path), { throwIfNoEntry: false })?.size === segSize;
}

/** Which of these segments the stopped directory's pg_wal lacks whole, said in one line; null when it has them all. */
export function missingLocalWal(dir: string, files: WalFile[], segSize: number): string | null {
  return missingWalSaid(files, files.filter((f) => !hasWholeSegment(dir, f, segSize)).map((f) => f.path), segSize);
}

/**
 * The end of the source's WAL as far as its data files go: the end of its last checkpoint
 * record (a primary's shutdown checkpoint), or a standby's minRecoveryPoint if later. The
 * checkpoint record must be readable: a copy starts from it.
 */
async function localWalEnd(dir: string, control: PgControl, history: TimelineHistoryEntry[], tli: number): Promise<Lsn> {
  const reader = new WalReader(localWalDirSource(path.join(dir, 'pg_wal'), control.walSegmentSize), {
    timelineForLsn: (lsn) => timelineOfLsn(history, tli, lsn), systemIdentifier: control.systemIdentifier,
  });
  let end: Lsn;
  try {
    end = (await reader.readRecordAt(control.checkpointLsn)).endLsn;
  } catch (err) {
    throw new CatchupError('source-wal-missing',
      `The source's last checkpoint record at ${formatLsn(control.checkpointLsn)} cannot be read from its pg_wal (${(err as Error).message}); a copy needs it to start.`,
      "Restore the source's WAL from its archive, or start and stop the source cleanly so it writes a new checkpoint, then run again.");
  }
  return control.minRecoveryPoint > end ? control.minRecoveryPoint : end;
}

/**
 * Nothing may have started the source since it was opened: no postmaster, and the same
 * pg_control (a start and a clean stop since would have written a new checkpoint into it).
 */
export function assertLocalSourceUnchanged(source: LocalSource): void {
  const running = livePostmaster(source.dir);
  const now = fs.readFileSync(path.join(source.dir, 'global', 'pg_control'));
  if (running || !now.equals(source.controlBytes)) throw sourceStarted(source.dir, running?.pid ?? null);
}

function sourceStarted(dir: string, pid: number | null): CatchupError {
  return new CatchupError('source-started',
    `The source ${dir} was started during the run${pid !== null ? ` (postmaster PID ${pid})` : ' (its pg_control changed)'}: the files copied from it are not one consistent state.`,
    'Keep the source stopped while pg-catchup reads it, then run the same command again: the target is marked, PostgreSQL refuses to start it, and the rerun resumes.');
}

/** Source and target must be two directories, neither inside the other. */
function assertApart(source: string, target: string): void {
  const [s, t] = [realPathOf(source), realPathOf(target)];
  const problem = s === t ? `The source and the target are the same directory (${s}).`
    : isInside(s, t) ? `The source ${s} is inside the target ${t}.`
      : isInside(t, s) ? `The target ${t} is inside the source ${s}.` : null;
  if (problem) throw new CatchupError('source-is-target', problem, 'Point --source-pgdata and the target at two separate data directories.');
}

function localHistory(dir: string, tli: number): TimelineHistoryEntry[] {
  const history = readPgWalHistory(dir, tli);
  if (history === null) {
    throw new CatchupError('source-history-missing', `The source is on timeline ${tli}, but its pg_wal has no ${historyFileName(tli)}.`,
      'Restore the history file into the source\'s pg_wal (from its archive), or use --source-server.');
  }
  return history;
}

/**
 * Every entry of the source's PGDATA, as the SQL listing gives it: paths relative to PGDATA,
 * pg_tblspc/<oid> links followed (with where they point), the rest of the tree as it is.
 */
export function listLocalSource(dir: string): SourceEntry[] {
  const out: SourceEntry[] = [];
  const walk = (rel: string) => {
    for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
      const p = rel ? `${rel}/${name}` : name;
      const abs = path.join(dir, p);
      const lst = fs.lstatSync(abs);
      const tablespaceLink = lst.isSymbolicLink() && /^pg_tblspc\/\d+$/.test(p);
      // Other links are listed as what they point to, as pg_stat_file sees them (pg_wal may be one).
      const st = lst.isSymbolicLink() ? fs.statSync(abs, { throwIfNoEntry: false }) : lst;
      if (!st) continue;
      const entry: SourceEntry = { path: p, size: st.size, isDir: st.isDirectory() }; // a directory's size as stat gives it, like pg_stat_file
      if (tablespaceLink) entry.linkTarget = fs.readlinkSync(abs);
      out.push(entry);
      if (st.isDirectory()) walk(p);
    }
  };
  walk('');
  return out;
}

/**
 * Reads byte ranges of source files into a sink, as the SQL reader delivers them: one piece per
 * READ_PIECE_BYTES of each range (so the writer's piece count holds), a null-length piece for a
 * file that is not there, and the sink's back-pressure honoured between pieces.
 * With `listed` (the sizes the listing gave), a listed file whose size is not the listed one
 * when it is read, or that is gone, fails the read: the source is stopped, nothing replays WAL
 * over what we copy, so a file that changed since the listing would be copied torn or short
 * (pg_rewind's 009_growing_files). Checked when the file is opened and after its bytes are read.
 */
export async function streamLocalRanges(dir: string, ranges: ReadRange[], sink: PieceSink, listed?: ReadonlyMap<string, number>): Promise<void> {
  for (const [index, range] of ranges.entries()) {
    const expected = listed?.get(range.path);
    let fd: number;
    try {
      fd = fs.openSync(path.join(dir, range.path), 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      if (expected !== undefined) throw sourceFileChanged(dir, range.path, expected, null);
      sink.begin(index, range.offset, null);
      sink.end();
      continue;
    }
    try {
      assertListedSize(dir, range.path, fd, expected);
      const stop = range.offset + range.length;
      let at = range.offset;
      do {
        const want = Math.min(READ_PIECE_BYTES, stop - at);
        const buf = Buffer.allocUnsafe(want);
        const got = want > 0 ? fs.readSync(fd, buf, 0, want, at) : 0;
        if (got < want) assertListedSize(dir, range.path, fd, expected);
        sink.begin(index, at, got);
        if (got > 0) sink.data(buf.subarray(0, got));
        sink.end();
        at += want;
        await sink.ready?.();
        // Past the end of a file that shrank, pieces come empty, as pg_read_binary_file returns them.
      } while (at < stop);
      assertListedSize(dir, range.path, fd, expected);
    } finally {
      fs.closeSync(fd);
    }
  }
}

function assertListedSize(dir: string, relPath: string, fd: number, expected: number | undefined): void {
  if (expected === undefined) return;
  const now = fs.fstatSync(fd).size;
  if (now !== expected) throw sourceFileChanged(dir, relPath, expected, now);
}

/** pg_rewind's words (local_source.c), so its suite's check of the last line holds, and our fix. */
export function sourceFileChanged(dir: string, relPath: string, expected: number, found: number | null): CatchupError {
  // A server started on the source changes files at once (pg_stat/ goes, WAL is written): say that.
  const running = livePostmaster(dir);
  if (running) return sourceStarted(dir, running.pid);
  return new CatchupError('source-file-changed',
    found === null
      ? `source file "${relPath}" was removed concurrently: ${expected} bytes expected, the file is gone (source ${dir}).`
      : `size of source file "${relPath}" changed concurrently: ${expected} bytes expected, ${found} found (source ${dir}).`,
    'A stopped source must not change while pg-catchup reads it: stop whatever writes into its data directory, then run the same command again (the target is marked, PostgreSQL refuses to start it, and the rerun resumes).');
}

/** The stopped directory's files behind the same interface as a server's. */
export function localSourceFiles(dir: string, readers: number): SourceFiles {
  // The size each file had when first listed: what the plan copies, and what a read must find.
  const listed = new Map<string, number>();
  const read = (ranges: ReadRange[], sink: PieceSink) => streamLocalRanges(dir, ranges, sink, listed);
  return {
    list: async () => {
      const entries = listLocalSource(dir);
      for (const e of entries) if (!e.isDir && !listed.has(e.path)) listed.set(e.path, e.size);
      return entries;
    },
    tablespaces: async () => {
      const tblspc = path.join(dir, 'pg_tblspc');
      if (!fs.existsSync(tblspc)) return [];
      return fs.readdirSync(tblspc).filter((n) => /^\d+$/.test(n)).map((n) => ({ oid: Number(n), location: fs.readlinkSync(path.join(tblspc, n)) }))
        .sort((a, b) => a.oid - b.oid);
    },
    readers: Array.from({ length: Math.max(1, readers) }, () => read),
    dataDirectoryMode: async () => fs.statSync(dir).mode & 0o7777,
  };
}
