import type { ValidationResult } from '../copy/page-validation';
import type { Logger } from '../log';
import type { CheckResult } from '../preflight/check';

/** How the run reached the source server (source/connection/connection-report.ts fills it in). */
export interface ConnectionReport {
  host: string | null;
  hostaddr: string | null;
  port: number;
  address: string | null;
  sslmode: string;
  targetSessionAttrs: string;
  tls: null | { protocol: string; cipher: string; certificateVerified: boolean; hostNameVerified: boolean };
}

/** Which transfer a FULL used and why (report.transfer). */
export interface TransferReport {
  /** What --compress asked for: "auto", "none", "zstd:level=3". */
  requested: string;
  transfer: 'base-backup' | 'copy-reads';
  /** base-backup: the server's compression method and detail. */
  method?: string;
  detail?: string;
  reason: string;
  /** base-backup: the archive bytes received (compressed), and the tar bytes they held. */
  receivedBytes?: number;
  archiveBytes?: number;
}

/** The outcome of a run, for JSON files, job summaries and exit codes. LSNs as X/Y text. */
export interface Report {
  tool: 'pg-catchup';
  version: string;
  /** The report format; bump on incompatible changes (report.schema.json). */
  reportVersion: 1;
  command: 'catchup' | 'rewind' | 'preflight';
  /** What was asked for (AUTO resolves to FULL or DELTA). */
  modeRequested?: string;
  mode: 'FULL' | 'DELTA' | 'PTRACK' | 'rewind';
  status: 'success' | 'failed' | 'dry-run' | 'no-op';
  error?: { code: string; message: string; fix?: string };
  source: {
    /** The server (host, port, user, database; never a password), or "stopped data directory DIR". */
    connection: string;
    /** --source-pgdata: the stopped data directory the files came from. */
    pgdata?: string;
    serverVersion?: string;
    systemIdentifier?: string;
    timeline?: number;
  };
  /**
   * How a server source's copy was made, by what the role may do: a backup session and WAL stream,
   * or pg_rewind's way with its minimal role (files only, the target replaying from R).
   */
  copyMethod?: { method: 'backup-session' | 'files-only'; reason: string };
  /**
   * FULL from a server: how the files crossed the network (--compress): a BASE_BACKUP compressed
   * on the server, or COPY reads over SQL; what was asked, what ran and why, and for a compressed
   * backup the bytes received against the bytes of files they held.
   */
  transfer?: TransferReport;
  /** How the run reached the source server (all its connections went to the one the first chose). */
  connection?: ConnectionReport;
  target: { path: string; timeline?: number; position?: string; state?: string };
  lsn: { reference?: string; backupStart?: string; backupStop?: string };
  /** How the reference LSN R was established (rule 4), in words. */
  reference?: string;
  /**
   * What showed the target's place on the source's history (docs/safety.md): a checkpoint record
   * compared byte for byte with the source's WAL or its archive, the timeline history, or nothing
   * ("unverified: ...": the target was synced as possibly diverged since its oldest checkpoint).
   */
  history?: HistoryProof;
  /** Whether the target was on the source's history; a diverged target is rewound. */
  divergence?: { diverged: boolean; forkLsn?: string; forkTimeline?: number; detail: string };
  /**
   * What a diverged target did after the fork, which the sync throws away (from its own WAL):
   * commits and their time range, databases and relations (named where the source knows them).
   */
  discarded?: {
    available: boolean;
    detail: string;
    /** False when the target's WAL ended before its last position: there may have been more. */
    complete?: boolean;
    fromLsn?: string;
    toLsn?: string;
    walBytes?: number;
    records?: number;
    committedTransactions?: number;
    abortedTransactions?: number;
    firstCommitAt?: string | null;
    lastCommitAt?: string | null;
    databases?: Array<{ oid: number; name: string | null }>;
    /** The first 200; relationsTotal counts them all. */
    relations?: Array<{ databaseOid: number; tablespaceOid: number; relfilenode: number; database: string | null; name: string | null }>;
    relationsTotal?: number;
    /** --keep-discarded-wal: where the target's WAL from the fork on was copied. */
    keptIn?: string;
  };
  /** A rerun that completed an interrupted one. */
  resumed?: {
    from: string; startedAt: string; keptFiles?: number; keptBytes?: number;
    /** FULL: files the interrupted run was still writing, of which blocks were kept, and those blocks' bytes. */
    keptPartialFiles?: number; keptPartialBytes?: number;
  };
  checks: CheckResult[];
  /** Where each source tablespace went on the target. */
  tablespaces?: Array<{ oid: number; sourceLocation: string; targetLocation: string; placement: string }>;
  /** --exclude-path entries (relative to PGDATA), neither copied nor removed. */
  excludedPaths?: string[];
  /** How the changed blocks were found, per side (incremental modes). */
  changeSources?: Array<{
    side: 'source' | 'target';
    method: string;
    filesScanned: number;
    blocksFound: number;
    detail: string;
    /** Bytes read to find the changes (data files scanned, WAL decoded or shipped). */
    bytesRead?: number;
    /** The cost estimate the method was chosen by, and why it was chosen. */
    estimate?: { seconds: number; bytes: number };
    reason?: string;
  }>;
  /** Pages whose checksum failed and whose LSN is before the backup start: corruption on the source (rule 9). */
  corruptPages?: Array<{ path: string; blockNo: number; lsn: string; reason: string; storedChecksum: number; computedChecksum: number }>;
  /** Pages verified against their checksum (0 when the source has no data checksums). */
  pagesValidated?: number;
  /** Wall time of each phase, in order. */
  phases: Array<{ phase: string; durationMs: number }>;
  files: {
    copied: number;
    patched: number;
    /** Patched files cut to the source's (smaller) size. */
    truncated: number;
    deleted: number;
    skipped: number;
    bytesCopied: number;
    /** Bytes the plan selected (for --dry-run: what a run would copy). */
    bytesPlanned: number;
    blocksCopied: number;
    walSegments: number;
    walBytes: number;
  };
  threads: number;
  wroteRecoveryConf: boolean;
  warnings: string[];
  /**
   * A DELTA/PTRACK/rewind dry run: whether the source checkpointed first (--dry-run-checkpoint),
   * and otherwise what the estimate cannot see: the WAL the source wrote since its last checkpoint.
   */
  dryRun?: { checkpointed: boolean; detail: string; unseenWal?: { fromLsn: string; toLsn: string; bytes: number } };
  /** What the operator should do next, in one sentence. */
  nextStep?: string;
  startedAt: string;
  durationMs: number;
}

/** The values of Report['history']. */
export type HistoryProof =
  | "proved: the source's WAL"
  | "proved: archive via the target's restore_command"
  | 'proved: archive via --source-restore-command'
  | 'proved: timeline history'
  | 'unverified: standby state'
  | 'unverified: --assume-diverged'
  | 'not needed: backup_label'
  | 'not needed: resumed run';

export const TOOL_VERSION = '0.1.0';

export function newReport(mode: Report['mode'], connection: string, targetPath: string, threads: number): Report {
  return {
    tool: 'pg-catchup', version: TOOL_VERSION, reportVersion: 1, command: mode === 'rewind' ? 'rewind' : 'catchup', mode, status: 'failed',
    source: { connection }, target: { path: targetPath }, lsn: {}, checks: [],
    phases: [],
    files: { copied: 0, patched: 0, truncated: 0, deleted: 0, skipped: 0, bytesCopied: 0, bytesPlanned: 0, blocksCopied: 0, walSegments: 0, walBytes: 0 },
    threads, wroteRecoveryConf: false, warnings: [], startedAt: new Date().toISOString(), durationMs: 0,
  };
}

/** The operator's next step after a run that wrote the target. */
export function nextStepAfterSync(report: Report): string {
  return report.wroteRecoveryConf
    ? `Start the target as a standby: pg_ctl start -D ${report.target.path}`
    : `The target has no new recovery configuration: write standby.signal and primary_conninfo (or rerun with -R), then pg_ctl start -D ${report.target.path}`;
}

/** Times phases: each call closes the previous phase and opens the next. */
export class PhaseClock {
  private current: { phase: string; started: number } | null = null;

  constructor(private readonly report: Report, private readonly logger?: Logger) {}

  next(phase: string): void {
    this.end();
    this.current = { phase, started: Date.now() };
    this.logger?.phase?.(phase);
  }

  end(): void {
    if (this.current) this.report.phases.push({ phase: this.current.phase, durationMs: Date.now() - this.current.started });
    this.current = null;
  }
}

/** Attaches the report to an error so adapters can still write it; records the error in it. */
export function failReport(report: Report, err: unknown): unknown {
  const e = err as { code?: string; message?: string; fix?: string; name?: string };
  report.status = 'failed';
  report.error = e && e.name === 'CatchupError'
    ? { code: e.code ?? 'error', message: e.message ?? String(err), fix: e.fix }
    : { code: 'internal', message: e?.message ?? String(err) };
  report.nextStep = e?.fix ?? 'See the error; nothing was changed before the first write, and a rerun resumes an interrupted one.';
  return Object.assign(err as object, { report });
}

/** Rule 9's findings: how many pages were verified, and the corrupt ones with their location. */
export function recordValidation(report: Report, v: ValidationResult | null): void {
  if (!v) {
    report.pagesValidated = 0;
    return;
  }
  report.pagesValidated = v.pagesValidated;
  report.corruptPages = v.corrupt;
  if (v.corrupt.length > 0) report.warnings.push(`${v.corrupt.length} corrupt page(s) on the source (see corruptPages)`);
}
