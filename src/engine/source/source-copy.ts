import fs from 'fs';
import { CopyResult, executeCopy } from '../copy/copy-executor';
import { CopyValidation, ValidationResult } from '../copy/page-validation';
import { RateLimiter } from '../copy/rate-limit';
import { fsyncPath, TargetWriter } from '../copy/target-writer';
import type { Logger } from '../log';
import { autoConfLines } from '../pgdata/recovery-conf';
import type { Plan } from '../plan/plan';
import type { Lsn } from '../wal/lsn';
import type { TransferReport } from '../report/report';
import type { CompressSpec } from './base-backup/compress-spec';
import type { SourceFiles } from './source-files';
import { recheckFilesOutsideWal, watchFilesOutsideWal } from './files-outside-wal';

/**
 * The consistent copy every source offers (design rules 1-3, 6): the plan is made once the copy
 * knows its start LSN, carried out, and the target is finished with pg_control written last. A
 * server does it under a backup session with its WAL streamed; a stopped directory by reading
 * its files and the WAL from its last checkpoint.
 */
/** Times the copy's phases into the report (report/report.ts's PhaseClock). */
export interface PhaseTimer {
  next(phase: string): void;
  end(): void;
}

export type SourceCopy = (
  writer: TargetWriter,
  opts: SourceCopyOptions,
  makePlan: (startLsn: bigint, replaying: boolean) => Promise<Plan>,
) => Promise<SourceCopyResult>;

export interface SourceCopyOptions {
  label: string;
  /** Phases are timed into the report. */
  clock?: PhaseTimer;
  sync: boolean;
  /** primary_conninfo to write with standby.signal (-R), or null. */
  recoveryConninfo: string | null;
  logger: Logger;
  /** Worker threads verifying page checksums (0: in the copying thread); only with data checksums on. */
  validateThreads: number;
  /**
   * Ship the source's WAL from R instead of the pages it changed (source side `wal-replay`): the
   * target then starts recovery at the checkpoint whose redo is R, as pg_rewind arranges it.
   */
  replay?: ReplayStart;
  /**
   * A files-only copy (a role without REPLICATION or the backup functions): the checkpoint at R the
   * target replays from, whatever the source side chose, and the target's WAL segments kept for it.
   */
  filesOnly?: { replay: ReplayStart; keepTargetWal: string[] };
  /** --max-rate: bytes per second of file data read from the source. */
  maxRateBytesPerSecond?: number;
  /**
   * FULL only: --compress (auto by default). A server source may then copy through a compressed
   * BASE_BACKUP instead of COPY reads (server/compression-choice.ts decides and says why).
   */
  compression?: CompressSpec;
  /** FULL only: the copy resumes an interrupted FULL (its plan patches the kept files). */
  resuming?: boolean;
}

/** The checkpoint a replaying target starts from. */
export interface ReplayStart {
  redoLsn: Lsn;
  checkpointLsn: Lsn;
  /** The timeline R lies on. */
  timeline: number;
  /**
   * A stopped source: the target's own segments of the shared history (R's segment up to the fork)
   * that recovery reads, kept in its pg_wal instead of copied (the source may have recycled them).
   */
  keepTargetWal?: string[];
}

export interface SourceCopyResult {
  startLsn: bigint;
  stopLsn: bigint;
  plan: Plan;
  copy: CopyResult;
  walSegments: number;
  walBytes: number;
  /** Null when the source has no data checksums. */
  validation: ValidationResult | null;
  /** The target replays the source's WAL from R (false when that was asked but the WAL went first). */
  replaying: boolean;
  /** FULL from a server: compressed BASE_BACKUP or COPY reads, and why. */
  transfer?: TransferReport;
}

export function logValidation(v: ValidationResult, logger: Logger): void {
  const extra = [
    v.rereadFixed ? `${v.rereadFixed} read mid-write and read again` : '',
    v.tornAfterStart ? `${v.tornAfterStart} torn after the backup start (replay repairs them)` : '',
  ].filter(Boolean).join(', ');
  logger.info(`validated ${v.pagesValidated} page checksums${extra ? ` (${extra})` : ''}`);
  for (const c of v.corrupt) {
    logger.warn(`corrupt page on the source: ${c.path} block ${c.blockNo}, LSN ${c.lsn}: ${c.reason} (stored checksum ${c.storedChecksum}, computed ${c.computedChecksum})`);
  }
}

/** -R: standby.signal, and primary_conninfo appended to postgresql.auto.conf. */
export function writeRecoveryConf(writer: TargetWriter, conninfo: string): void {
  writer.writeWhole('standby.signal', '');
  const existing = fs.existsSync(writer.abs('postgresql.auto.conf')) ? fs.readFileSync(writer.abs('postgresql.auto.conf'), 'utf8') : '';
  const sep = existing === '' || existing.endsWith('\n') ? '' : '\n';
  writer.writeWhole('postgresql.auto.conf', existing + sep + autoConfLines(conninfo));
}

/**
 * The plan carried out by the source's readers, every page checksum verified where the source
 * has them (rule 9); pages that fail are read again once (torn reads) before they count.
 */
export async function copyPlan(
  source: { files: SourceFiles; dataChecksums: boolean; blockSize: number; relsegSize: number }, plan: Plan, writer: TargetWriter, opts: SourceCopyOptions, startLsn: Lsn,
): Promise<{ copy: CopyResult; validation: ValidationResult | null }> {
  const { readers } = source.files;
  const checks = source.dataChecksums ? new CopyValidation(opts.validateThreads, source.blockSize, source.relsegSize) : null;
  try {
    opts.clock?.next('copy');
    const rateLimiter = opts.maxRateBytesPerSecond ? new RateLimiter(opts.maxRateBytesPerSecond) : undefined;
    const outsideWal = await watchFilesOutsideWal(source.files, plan);
    const copy = await executeCopy(plan, readers, writer, opts.logger, checks ?? undefined, { rateLimiter });
    if (outsideWal) await recheckFilesOutsideWal(source.files, outsideWal, writer, opts.logger, copy);
    const validation = checks ? await checks.finish(readers[0], writer, startLsn) : null;
    if (validation) logValidation(validation, opts.logger);
    return { copy, validation };
  } finally {
    await checks?.close();
  }
}

/** Last (rule 6): until pg_control exists, PostgreSQL refuses to start the directory. */
export async function writeControlFileLast(writer: TargetWriter, controlPath: string, content: Buffer, sync: boolean): Promise<void> {
  await writer.writeFile(controlPath, content);
  if (sync) {
    await fsyncPath(writer.abs('global'));
    await fsyncPath(writer.abs('.'));
  }
}
