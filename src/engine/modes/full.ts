import * as fs from 'fs';
import * as path from 'path';
import { ownerForTarget } from '../pgdata/file-owner';
import type { SyncMethod } from '../copy/file-system-sync';
import { CatchupError } from '../errors';
import { TargetWriter } from '../copy/target-writer';
import { Logger, silentLogger } from '../log';
import { beginMarkedRun, COMPLETED_FILES, endMarkedRun, LOCK_FILE, readMarker } from '../pgdata/catchup-marker';
import { CompletedFilesJournal } from '../pgdata/completed-files';
import { primaryConninfo } from '../pgdata/recovery-conf';
import { TargetLock } from '../pgdata/target-lock';
import { resolveTargetDir } from '../pgdata/target-path';
import { targetWriteError } from '../pgdata/target-write-errors';
import { planFull } from '../plan/plan-full';
import { assertChecksPass } from '../preflight/check';
import { checkTargetDirectory } from '../preflight/target-directory';
import { checkTargetEmpty } from '../preflight/target-empty';
import { checkDiskSpace } from '../preflight/disk-space';
import { listTarget } from '../pgdata/target-listing';
import { failReport, nextStepAfterSync, PhaseClock, Report } from '../report/report';
import type { SourceConnectionOptions } from '../source/connection-options';
import { recordCopyResult } from './backup-copy';
import { formatBytes } from './format-bytes';
import { assertThreads, closeSourceSession, explainLostSource, locateSource, newSourceReport, openSource, SourceSession } from './source-session';
import { assertTargetOwnership, takeLock } from './target-checks';
import { planFullResume, prepareFullResume, resumableFullCheck } from './full-resume';
import { LayoutRequest, parseLayout, placeLayout } from './target-layout';
import { checkTargetNotTheSource, sourceDataBytes } from './source-reads';
import { copyFor } from './stopped-source-copy';

export { formatBytes } from './format-bytes';

/** Options every mode takes. */
export interface CommonCatchupOptions extends LayoutRequest {
  targetDir: string;
  /** The source server; with sourcePgdata, only the server the target follows with -R (never connected to). */
  source?: SourceConnectionOptions;
  /** --source-pgdata: a stopped data directory on this host as the source, read directly. */
  sourcePgdata?: string;
  /** libpq's PG* variables; the adapter passes process.env, the engine reads no environment itself. */
  env?: Record<string, string | undefined>;
  threads?: number;
  writeRecoveryConf?: boolean;
  /** Put the connection's password into primary_conninfo (otherwise the standby relies on .pgpass). */
  storePassword?: boolean;
  sync?: boolean;
  logger?: Logger;
  /** Warnings of the preflight checks stop the run too. */
  failOnWarning?: boolean;
  /**
   * Worker threads verifying page checksums (--num-validate-threads). Default 0, the main thread:
   * the SIMD check (12 GB/s) costs less than posting the pages to a thread (FULL of 1.4 GB:
   * 2.4 s inline, 3.2 s with one worker).
   */
  validateThreads?: number;
  /** --max-rate: bytes per second of file data read from the source (WAL is not capped). */
  maxRateBytesPerSecond?: number;
  /** --sync-method: an fsync per file (default), or one syncfs per file system (Linux). */
  syncMethod?: SyncMethod;
}

export interface FullCatchupOptions extends CommonCatchupOptions {
  /**
   * An interrupted FULL that cannot be resumed safely (a source without data checksums or
   * wal_log_hints, or foreign files in the target) is deleted and copied again only with this.
   */
  startOver?: boolean;
  /** false: skip the free-space check before the first write (a full disk then fails the run, which resumes later). */
  spaceCheck?: boolean;
}

/**
 * FULL: copy a running primary into an empty directory (design rules 1, 2, 3, 5, 6).
 * Every refusal happens before the first write; on failure the target has no pg_control,
 * so PostgreSQL refuses to start it.
 */
export async function catchupFull(opts: FullCatchupOptions): Promise<Report> {
  const logger = opts.logger ?? silentLogger;
  const threads = opts.threads ?? 1;
  const sync = opts.sync ?? true;
  const { dir: targetDir, note: targetNote } = resolveTargetDir(opts.targetDir);
  const located = locateSource(opts);
  const report = newSourceReport('FULL', located, targetDir, threads);
  const started = Date.now();
  if (targetNote) logger.info(targetNote);
  const clock = new PhaseClock(report, logger);
  let source: SourceSession | undefined;
  let lock: TargetLock | undefined;
  let journal: CompletedFilesJournal | null = null;
  try {
    assertThreads(threads);
    const parsedLayout = parseLayout(opts, targetDir);
    clock.next('preflight checks');
    assertTargetOwnership(targetDir);
    const isDir = fs.statSync(targetDir, { throwIfNoEntry: false })?.isDirectory() === true;
    // A run already at work on this directory is named as such, not reported as "not empty".
    if (isDir) TargetLock.assertFree(targetDir);
    const marker = isDir ? readMarker(targetDir) : null;
    if (marker && marker.mode !== 'FULL') {
      throw new CatchupError('target-interrupted-other', `The target ${targetDir} holds an interrupted ${marker.mode} run (started ${marker.startedAt}, PID ${marker.pid}), not a FULL.`,
        `Rerun the interrupted run's mode to finish it (pg-catchup ${marker.mode === 'rewind' ? 'rewind' : `catchup -b ${marker.mode}`} with the same source); FULL needs an empty directory.`);
    }
    report.checks.push(checkTargetDirectory(targetDir), marker ? resumableFullCheck(marker) : checkTargetEmpty(targetDir));
    assertChecksPass(report.checks, opts.failOnWarning);
    source = await openSource(located.location, targetDir, threads, report.checks, { mode: 'FULL', failOnWarning: opts.failOnWarning });
    report.checks.push(await checkTargetNotTheSource(targetDir, source));
    report.source.serverVersion = source.info.versionText;
    report.source.systemIdentifier = source.identity.systemIdentifier;
    report.source.timeline = source.identity.timeline;
    const layout = await placeLayout(parsedLayout, source, targetDir, new Map(), report);
    if (opts.spaceCheck !== false) {
      // What is already there (a FULL being resumed) need not fit again.
      const present = isDir ? listTarget(targetDir).reduce((sum, e) => sum + e.size, 0) : 0;
      report.checks.push(checkDiskSpace(targetDir, Math.max(0, (await sourceDataBytes(source)) - present) + 4 * source.segSize, 'the databases, plus WAL'));
    }
    assertChecksPass(report.checks, opts.failOnWarning);

    // First write: everything above refused without touching the target.
    const owner = ownerForTarget(targetDir);
    const writer = new TargetWriter({ root: targetDir, owner, sync, syncMethod: opts.syncMethod, onFileDone: (p, size) => journal?.add(p, size) });
    await writer.makeDirectory('.');
    lock = takeLock(targetDir, report, logger);
    const resume = marker ? await prepareFullResume(targetDir, marker, source, opts.startOver ?? false, logger) : null;
    // A run that checked the same empty directory a moment before us may have written into it since.
    if (!marker) assertStillEmpty(targetDir);
    journal = new CompletedFilesJournal(targetDir, owner);
    const result = await copyFor(source)(source, writer, {
      label: `pg-catchup FULL ${report.startedAt}`,
      sync,
      clock,
      recoveryConninfo: opts.writeRecoveryConf ? primaryConninfo(located.conn!.keywords, opts.storePassword ?? false) : null,
      logger,
      validateThreads: opts.validateThreads ?? 0,
      maxRateBytesPerSecond: opts.maxRateBytesPerSecond,
    }, async (startLsn) => {
      // Rule 7 for FULL: an interrupted copy is marked (and resumable) from its first data write.
      beginMarkedRun(targetDir, resume?.marker ?? {
        tool: 'pg-catchup', mode: 'FULL', referenceLsn: startLsn, sourceSystemIdentifier: source!.identity.systemIdentifier,
        startedAt: report.startedAt, pid: process.pid, referenceReason: 'the backup start LSN of the interrupted FULL', diverged: false,
      }, owner);
      if (resume) {
        const { plan, keptFiles, keptBytes } = await planFullResume(resume, source!, targetDir, layout, logger);
        report.resumed = { from: `FULL interrupted at its run started ${resume.marker.startedAt} (PID ${resume.marker.pid})`, startedAt: resume.marker.startedAt, keptFiles, keptBytes };
        return plan;
      }
      const plan = planFull(await source!.files.list(), layout);
      logger.info(`copying ${plan.files.length} files, ${formatBytes(plan.bytesToCopy)}, with ${threads} connection(s)`);
      return plan;
    });
    journal.close();
    journal = null;
    endMarkedRun(targetDir);
    fs.rmSync(path.join(targetDir, COMPLETED_FILES), { force: true });
    Object.assign(report.files, { copied: result.copy.filesCopied, skipped: result.plan.skipped.length, bytesPlanned: result.plan.bytesToCopy });
    recordCopyResult(report, result, Boolean(opts.writeRecoveryConf));
    report.status = 'success';
    report.nextStep = nextStepAfterSync(report);
    return report;
  } catch (err) {
    throw failReport(report, targetWriteError(err, targetDir) ?? (await explainLostSource(err, located, source)) ?? err);
  } finally {
    await closeSourceSession(source);
    journal?.close();
    lock?.release();
    clock.end();
    report.durationMs = Date.now() - started;
  }
}

function assertStillEmpty(targetDir: string): void {
  // Our lock, and another run's lock written aside for a moment as it races for ours.
  const others = fs.readdirSync(targetDir).filter((n) => n !== LOCK_FILE && !n.startsWith(`${LOCK_FILE}.`));
  if (others.length > 0) {
    throw new CatchupError('target-not-empty', `The target ${targetDir} is no longer empty (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', ...' : ''}): another run wrote into it after our checks.`,
      'Make sure only one job syncs this target (a concurrency group), empty it, and rerun.');
  }
}
