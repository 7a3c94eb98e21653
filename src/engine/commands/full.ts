import fs from 'fs';
import path from 'path';
import { modesForDataDirMode } from '../pgdata/data-dir-modes';
import { ownerForTarget } from '../pgdata/file-owner';
import { CatchupError } from '../errors';
import { TargetWriter } from '../copy/target-writer';
import { Logger, silentLogger } from '../log';
import { beginMarkedRun, CatchupMarker, COMPLETED_FILES, endMarkedRun, LOCK_FILE, readMarker } from '../pgdata/catchup-marker';
import { CompletedFilesJournal } from '../pgdata/completed-files';
import { primaryConninfo } from '../source/connection/primary-conninfo';
import { TargetLock } from '../pgdata/target-lock';
import { resolveTargetDir } from '../pgdata/target-path';
import { targetWriteError } from '../pgdata/target-write-errors';
import { LayoutOptions, planFull } from '../plan/plan-full';
import { assertChecksPass, CheckResult } from '../preflight/check';
import { checkTargetDirectory } from '../preflight/target-directory';
import { checkTargetEmpty } from '../preflight/target-empty';
import { checkDiskSpace } from '../preflight/disk-space';
import { listTarget, readTablespaceLinks } from '../pgdata/target-listing';
import { failReport, nextStepAfterSync, PhaseClock, Report } from '../report/report';
import { recordCopyResult } from './copy-result';
import { formatBytes } from '../report/format-bytes';
import { LocatedSource, locateSource, openSource } from '../source/open-source';
import type { Source } from '../source/source';
import { assertThreads, explainLostSource, newSourceReport, recordSource } from './run-source';
import { assertTargetOwnership, takeLock } from './target-guard';
import { planFullResume, prepareFullResume, resumableFullCheck } from './full-resume';
import type { FullCatchupOptions } from './options';
import { parseLayout, placeLayout } from './target-layout';

/**
 * FULL: copy a running primary into an empty directory (design rules 1, 2, 3, 5, 6).
 * Every refusal happens before the first write; on failure the target has no pg_control,
 * so PostgreSQL refuses to start it.
 */
export async function catchupFull(opts: FullCatchupOptions): Promise<Report> {
  const logger = opts.logger ?? silentLogger;
  const threads = opts.threads ?? 1;
  const { dir: targetDir, note: targetNote } = resolveTargetDir(opts.targetDir);
  const located = locateSource(opts);
  const report = newSourceReport('FULL', located, targetDir, threads);
  const started = Date.now();
  if (targetNote) logger.info(targetNote);
  const clock = new PhaseClock(report, logger);
  const held: Held = { source: undefined, lock: undefined, journal: null };
  try {
    assertThreads(threads);
    const parsedLayout = parseLayout(opts, targetDir);
    clock.next('preflight checks');
    const marker = checkEmptyOrResumable(targetDir, report, opts.failOnWarning);
    const source = (held.source = await openSource(located.location, targetDir, threads, report.checks, { mode: 'FULL', failOnWarning: opts.failOnWarning }));
    report.checks.push(await source.checkTargetApart(targetDir));
    recordSource(report, source);
    // A resumed FULL finds its tablespaces where the interrupted run linked them (not empty by then).
    const layout = await placeLayout(parsedLayout, source, targetDir, marker ? readTablespaceLinks(targetDir) : new Map(), report);
    if (opts.spaceCheck !== false) report.checks.push(await spaceForFull(targetDir, source));
    assertChecksPass(report.checks, opts.failOnWarning);
    await copyIntoEmptyTarget({ opts, targetDir, located, report, clock, logger, threads }, source, marker, layout, held);
    return report;
  } catch (err) {
    throw failReport(report, targetWriteError(err, targetDir) ?? (await explainLostSource(err, located, held.source)) ?? err);
  } finally {
    await held.source?.close();
    held.journal?.close();
    held.lock?.release();
    clock.end();
    report.durationMs = Date.now() - started;
  }
}

/** What a run holds and must release however it ends. */
interface Held {
  source: Source | undefined;
  lock: TargetLock | undefined;
  journal: CompletedFilesJournal | null;
}

interface FullRun {
  opts: FullCatchupOptions;
  targetDir: string;
  located: LocatedSource;
  report: Report;
  clock: PhaseClock;
  logger: Logger;
  threads: number;
}

/**
 * The target must be empty, or hold an interrupted FULL, which this run resumes (its marker is
 * returned). A run already at work on it is named as such, not reported as "not empty".
 */
function checkEmptyOrResumable(targetDir: string, report: Report, failOnWarning: boolean | undefined): CatchupMarker | null {
  assertTargetOwnership(targetDir);
  const isDir = fs.statSync(targetDir, { throwIfNoEntry: false })?.isDirectory() === true;
  if (isDir) TargetLock.assertFree(targetDir);
  const marker = isDir ? readMarker(targetDir) : null;
  if (marker && marker.mode !== 'FULL') {
    throw new CatchupError('target-interrupted-other', `The target ${targetDir} holds an interrupted ${marker.mode} run (started ${marker.startedAt}, PID ${marker.pid}), not a FULL.`,
      `Rerun the interrupted run's mode to finish it (pg-catchup ${marker.mode === 'rewind' ? 'rewind' : `catchup -b ${marker.mode}`} with the same source); FULL needs an empty directory.`);
  }
  report.checks.push(checkTargetDirectory(targetDir), marker ? resumableFullCheck(marker) : checkTargetEmpty(targetDir));
  assertChecksPass(report.checks, failOnWarning);
  return marker;
}

/** The databases plus some WAL must fit; what is already there (a FULL being resumed) need not fit again. */
async function spaceForFull(targetDir: string, source: Source): Promise<CheckResult> {
  const isDir = fs.statSync(targetDir, { throwIfNoEntry: false })?.isDirectory() === true;
  const present = isDir ? listTarget(targetDir).reduce((sum, e) => sum + e.size, 0) : 0;
  return checkDiskSpace(targetDir, Math.max(0, (await source.dataBytes()) - present) + 4 * source.segSize, 'the databases, plus WAL');
}

/**
 * The first write and everything after it: the directory and our lock, an interrupted run's
 * unfinished files removed (resume), the copy marked from its first data write (rule 7) with
 * every finished file journaled, and the marker and journal removed at the end.
 */
async function copyIntoEmptyTarget(run: FullRun, source: Source, marker: CatchupMarker | null, layout: LayoutOptions, held: Held): Promise<void> {
  const { opts, targetDir, report, logger } = run;
  const sync = opts.sync ?? true;
  const owner = ownerForTarget(targetDir);
  // PostgreSQL's modes for the source's data directory (group read with initdb -g), as pg_basebackup takes them.
  const modes = modesForDataDirMode(await source.files.dataDirectoryMode?.() ?? 0o700);
  const writer = new TargetWriter({
    root: targetDir, owner, sync, syncMethod: opts.syncMethod, modes,
    onFileDone: (p, size) => held.journal?.add(p, size),
    onFileDurablePart: (p, bytes) => held.journal?.addDurablePart(p, bytes),
  });
  await writer.makeDirectory('.');
  held.lock = takeLock(targetDir, report, logger);
  const resume = marker ? await prepareFullResume(targetDir, marker, source, opts.startOver ?? false, logger) : null;
  // A run that checked the same empty directory a moment before us may have written into it since.
  if (!marker) assertStillEmpty(targetDir);
  const journal = (held.journal = new CompletedFilesJournal(targetDir, owner));
  const result = await source.copy(writer, {
    label: `pg-catchup FULL ${report.startedAt}`,
    sync,
    clock: run.clock,
    recoveryConninfo: opts.writeRecoveryConf ? primaryConninfo(run.located.conn!.keywords, opts.storePassword ?? false) : null,
    logger,
    validateThreads: opts.validateThreads ?? 0,
    maxRateBytesPerSecond: opts.maxRateBytesPerSecond,
    compression: opts.compress ?? { kind: 'auto' },
    resuming: resume !== null,
  }, async (startLsn) => {
    // Rule 7 for FULL: an interrupted copy is marked (and resumable) from its first data write.
    beginMarkedRun(targetDir, resume?.marker ?? {
      tool: 'pg-catchup', mode: 'FULL', referenceLsn: startLsn, sourceSystemIdentifier: source.identity.systemIdentifier,
      startedAt: report.startedAt, pid: process.pid, referenceReason: 'the backup start LSN of the interrupted FULL', diverged: false,
    }, owner);
    if (resume) {
      const { plan, keptFiles, keptBytes, keptPartialFiles, keptPartialBytes } = await planFullResume(resume, source, targetDir, layout, logger);
      report.resumed = { from: `FULL interrupted at its run started ${resume.marker.startedAt} (PID ${resume.marker.pid})`, startedAt: resume.marker.startedAt, keptFiles, keptBytes, keptPartialFiles, keptPartialBytes };
      return plan;
    }
    const plan = planFull(await source.files.list(), layout);
    logger.info(`copying ${plan.files.length} files, ${formatBytes(plan.bytesToCopy)}`);
    return plan;
  });
  journal.close();
  held.journal = null;
  endMarkedRun(targetDir);
  fs.rmSync(path.join(targetDir, COMPLETED_FILES), { force: true });
  Object.assign(report.files, { copied: result.copy.filesCopied, skipped: result.plan.skipped.length, bytesPlanned: result.plan.bytesToCopy });
  recordCopyResult(report, result, Boolean(opts.writeRecoveryConf));
  if (result.transfer) report.transfer = result.transfer;
  report.status = 'success';
  report.nextStep = nextStepAfterSync(report);
}

function assertStillEmpty(targetDir: string): void {
  // Our lock, and another run's lock written aside for a moment as it races for ours.
  const others = fs.readdirSync(targetDir).filter((n) => n !== LOCK_FILE && !n.startsWith(`${LOCK_FILE}.`));
  if (others.length > 0) {
    throw new CatchupError('target-not-empty', `The target ${targetDir} is no longer empty (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', ...' : ''}): another run wrote into it after our checks.`,
      'Make sure only one job syncs this target (a concurrency group), empty it, and rerun.');
  }
}
