/**
 * Which change source finds the blocks that differ, per side (design rule 4), chosen by a cost
 * estimate before anything is written. Pure: the facts are inputs, the rates are constants
 * measured on the bench machine (2 cores, page cache warm), and the choice says why.
 */

/**
 * Source side: the source's changes since R. 'incremental-backup' (PTRACK on 17+): the server's
 * BASE_BACKUP (INCREMENTAL) sends the blocks its WAL summaries name, no block list is read over SQL.
 */
export type SourceMethod = 'page-scan' | 'wal-summaries' | 'incremental-backup' | 'ptrack' | 'wal-replay' | 'source-wal';
/** Target side (diverged targets only): the target's own changes since R. */
export type TargetMethod = 'target-wal' | 'page-scan';

export const SOURCE_METHODS: readonly SourceMethod[] = ['page-scan', 'wal-summaries', 'incremental-backup', 'ptrack', 'wal-replay', 'source-wal'];
export const TARGET_METHODS: readonly TargetMethod[] = ['target-wal', 'page-scan'];

/** Bytes per second, measured with `npm run bench` on PostgreSQL 15 (see docs/benchmarks.md). */
export const RATES = {
  /** The server filtering pages by LSN (pg_read_binary_file + a page-header check per block). */
  serverPageScan: 2.5e9,
  /** This process reading the target's relation files and checking page LSNs (page cache). */
  localPageScan: 2.0e9,
  /** This process decoding the target's WAL for block references. */
  walDecode: 0.3e9,
  /** Copying from the source (read, write, checksum), for pages and shipped WAL alike. */
  copy: 0.35e9,
  /** The target replaying shipped WAL when it starts: paid by the first start, so it counts. */
  replay: 0.15e9,
};

export interface Estimate {
  /** Seconds the method is expected to add to the run and to the target's first start. */
  seconds: number;
  /** Bytes it reads to find the changes (data files scanned, or WAL read or shipped). */
  bytes: number;
}

export interface Candidate<M extends string> {
  method: M;
  /** Null when the method cannot answer here; `unavailable` then says why. */
  estimate: Estimate | null;
  unavailable?: string;
}

export interface Choice<M extends string> {
  method: M;
  estimate: Estimate;
  /** One line: why this one (forced, the only one possible, or the cheapest, against what). */
  reason: string;
  candidates: Array<Candidate<M>>;
}

export class ChangeSourceError extends Error {}

/**
 * The cheapest available candidate, or the forced one (a hidden test option: it must be
 * available, never silently replaced).
 */
export function chooseChangeSource<M extends string>(
  side: 'source' | 'target', candidates: Array<Candidate<M>>, forced?: M, preferred?: { method: M; why: string },
): Choice<M> {
  const available = candidates.filter((c): c is Candidate<M> & { estimate: Estimate } => c.estimate !== null);
  if (forced !== undefined) {
    const c = candidates.find((x) => x.method === forced);
    if (!c) throw new ChangeSourceError(`--change-source ${side}=${forced}: not a ${side}-side method here (there are ${candidates.map((x) => x.method).join(', ')})`);
    if (c.estimate === null) throw new ChangeSourceError(`--change-source ${side}=${forced} is not possible: ${c.unavailable}`);
    return { method: c.method, estimate: c.estimate, reason: `forced with --change-source ${side}=${forced}`, candidates };
  }
  // A rule the command follows where it can (rewind does what pg_rewind does), whatever the estimates say.
  const rule = preferred && available.find((c) => c.method === preferred.method);
  if (rule) return { method: rule.method, estimate: rule.estimate, reason: preferred!.why, candidates };
  if (available.length === 0) {
    throw new ChangeSourceError(`no ${side}-side change source is possible: ${candidates.map((c) => `${c.method}: ${c.unavailable}`).join('; ')}`);
  }
  const best = available.reduce((a, b) => (b.estimate.seconds < a.estimate.seconds ? b : a));
  const others = candidates.filter((c) => c !== best).map((c) => (c.estimate ? `${c.method} ~${fmt(c.estimate.seconds)}` : `${c.method} unavailable: ${c.unavailable}`));
  const reason = others.length === 0 ? 'the only method possible' : `cheapest (~${fmt(best.estimate.seconds)}; ${others.join('; ')})`;
  return { method: best.method, estimate: best.estimate, reason, candidates };
}

const fmt = (s: number) => `${s < 10 ? s.toFixed(2) : s.toFixed(0)} s`;

/** Cost of finding the source's changes by reading every main fork on the server. */
export function serverPageScanEstimate(relationBytes: number): Estimate {
  return { seconds: relationBytes / RATES.serverPageScan, bytes: relationBytes };
}

/** Change tracking answers from its own small files: no data file is read. */
export function trackerEstimate(): Estimate {
  return { seconds: 0.05, bytes: 0 };
}

/**
 * The server reads its WAL summaries itself and sends the changed blocks in the backup stream: no
 * summary rows cross the network and no block is read over SQL, so it beats reading the same
 * summaries through SQL (trackerEstimate) wherever it is possible.
 */
export function incrementalBackupEstimate(): Estimate {
  return { seconds: 0.03, bytes: 0 };
}

/**
 * Shipping the source's WAL from R and letting the target replay it instead of copying the
 * source's changed pages: worth it when that WAL is small against the scan it saves.
 */
export function walReplayEstimate(walBytes: number): Estimate {
  return { seconds: walBytes / RATES.copy + walBytes / RATES.replay, bytes: walBytes };
}

/**
 * A stopped source's WAL replayed from R: nothing is decoded or scanned here, but the segments
 * copied beyond the one a target starting at the source's checkpoint gets anyway (from the fork's
 * on) and the target's replay from R at its first start count.
 */
export function stoppedWalReplayEstimate(extraWalBytes: number, replayedWalBytes: number): Estimate {
  return { seconds: extraWalBytes / RATES.copy + replayedWalBytes / RATES.replay, bytes: extraWalBytes };
}

export function localPageScanEstimate(relationBytes: number): Estimate {
  return { seconds: relationBytes / RATES.localPageScan, bytes: relationBytes };
}

export function targetWalEstimate(walBytes: number): Estimate {
  return { seconds: walBytes / RATES.walDecode, bytes: walBytes };
}

/** `--change-source source=M` / `target=M` (repeatable): which method each side must use. */
export interface ForcedChangeSources {
  source?: SourceMethod;
  target?: TargetMethod;
}

export function parseChangeSources(values: string[]): ForcedChangeSources {
  const out: ForcedChangeSources = {};
  for (const v of values) {
    const m = /^(source|target)=(.+)$/.exec(v.trim());
    if (!m) throw new ChangeSourceError(`--change-source ${v}: expected source=METHOD or target=METHOD`);
    const [, side, method] = m;
    if (side === 'source') {
      if (!(SOURCE_METHODS as readonly string[]).includes(method)) throw new ChangeSourceError(`--change-source source=${method}: the source side takes ${SOURCE_METHODS.join(', ')}`);
      out.source = method as SourceMethod;
    } else {
      if (!(TARGET_METHODS as readonly string[]).includes(method)) throw new ChangeSourceError(`--change-source target=${method}: the target side takes ${TARGET_METHODS.join(', ')}`);
      out.target = method as TargetMethod;
    }
  }
  return out;
}
