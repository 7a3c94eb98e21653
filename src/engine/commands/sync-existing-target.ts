import fs from 'fs';
import path from 'path';
import type { ChangeRecord, FoundChanges } from '../changes/change-source';
import { chooseSourceSide, findSourceChanges, SourceSide } from '../changes/source-changes';
import { findTargetChanges } from '../changes/target-changes';
import { sharedHistoryEnd } from '../changes/wal-replay';
import { readSummarizerState } from '../changes/wal-summaries';
import { TargetWriter } from '../copy/target-writer';
import { discardedWorkCollector, reportDiscardedWork } from '../divergence/discarded-report';
import { checkKeepDir, keepDiscardedWal } from '../divergence/discarded-wal-keep';
import { decideReference, ReferenceDecision } from '../divergence/reference-decision';
import { CatchupError } from '../errors';
import { Logger, silentLogger } from '../log';
import { beginMarkedRun, endMarkedRun, OWN_FILES } from '../pgdata/catchup-marker';
import { ownerForTarget } from '../pgdata/file-owner';
import { primaryConninfo } from '../source/connection/primary-conninfo';
import { listTarget, readTablespaceLinks } from '../pgdata/target-listing';
import { TargetLock } from '../pgdata/target-lock';
import { resolveTargetDir } from '../pgdata/target-path';
import { inspectTarget, TargetState } from '../pgdata/target-state';
import { DISCARDED_WAL_DIR, setTargetWalAside } from '../pgdata/target-wal-discard';
import { targetWriteError } from '../pgdata/target-write-errors';
import type { LayoutOptions } from '../plan/plan-full';
import type { Plan } from '../plan/plan';
import { planDelta } from '../plan/plan-delta';
import { assertChecksPass, CheckResult } from '../preflight/check';
import { checkTargetMatchesSource } from '../preflight/same-system';
import { checkTargetDirectory } from '../preflight/target-directory';
import { checkTargetStopped } from '../preflight/target-stopped';
import { formatBytes } from '../report/format-bytes';
import { failReport, nextStepAfterSync, PhaseClock, Report } from '../report/report';
import { LocatedSource, locateSource, openSource } from '../source/open-source';
import { FilesOnlySource, FilesOnlyStart, prepareFilesOnly } from '../source/server/files-only-copy';
import type { Source } from '../source/source';
import { formatLsn, Lsn, parseLsn } from '../wal/lsn';
import { recordCopyResult } from './copy-result';
import { syncThroughIncrementalBackup } from './incremental-sync';
import { prepareDryRunSource } from './dry-run-estimate';
import type { DeltaCatchupOptions } from './options';
import { assertThreads, explainLostSource, newSourceReport, recordSource } from './run-source';
import { assertTargetOwnership, takeLock } from './target-guard';
import { parseLayout, placeLayout } from './target-layout';

/**
 * What sets DELTA, PTRACK and rewind apart; everything else about syncing an existing copy is
 * the same sequence (design rules 4-8), in syncExistingTarget.
 */
export interface SyncRules {
  mode: 'DELTA' | 'PTRACK' | 'rewind';
  /** Before the target's checks: bring it to a clean shutdown if it needs one (rewind's crash recovery). */
  prepareTarget?(target: TargetState, report: Report, logger: Logger): Promise<TargetState>;
  /** Checks of the target's own beyond every mode's (rewind: hint logging). */
  targetChecks?(target: TargetState): CheckResult[];
  /** A target still on the source's history is left alone (rewind's "no rewind required"). */
  leaveTargetOnHistory?: boolean;
  /** The change tracking's coverage is a check of its own (PTRACK, which only tracking may answer). */
  checkTrackingCoverage?: boolean;
}

// Without -R the target keeps its own recovery signal files, so a re-synced standby stays one.
const SIGNAL_FILES = ['standby.signal', 'recovery.signal'];

/** One run's fixed facts, passed from step to step. */
interface SyncRun {
  opts: DeltaCatchupOptions;
  rules: SyncRules;
  targetDir: string;
  located: LocatedSource;
  report: Report;
  clock: PhaseClock;
  logger: Logger;
}

/** Both sides' changes, decided before the first write. */
interface ChangeDecision {
  targetChanges: FoundChanges | null;
  sourceSide: SourceSide;
}

/**
 * Brings an existing stopped copy of the source up to date: checks, R and divergence, both sides'
 * changes decided, then (unless a dry run) the marked copy. The target is never startable while
 * inconsistent (rule 7).
 */
export async function syncExistingTarget(opts: DeltaCatchupOptions, rules: SyncRules): Promise<Report> {
  if (opts.dryRunCheckpoint) opts = { ...opts, dryRun: true };
  const logger = opts.logger ?? silentLogger;
  const threads = opts.threads ?? 1;
  const { dir: targetDir, note: targetNote } = resolveTargetDir(opts.targetDir);
  const located = locateSource(opts);
  const report = newSourceReport(rules.mode, located, targetDir, threads);
  const started = Date.now();
  if (targetNote) logger.info(targetNote);
  const run: SyncRun = { opts, rules, targetDir, located, report, clock: new PhaseClock(report, logger), logger };
  let source: Source | undefined;
  let lock: TargetLock | undefined;
  try {
    assertThreads(threads);
    const parsedLayout = parseLayout(opts, targetDir);
    const keepDir = opts.keepDiscardedWal ? checkKeepDir(opts.keepDiscardedWal, targetDir) : null;
    run.clock.next('preflight checks');
    const opened = await openAndCheck(run, threads, (s) => (source = s), (l) => (lock = l));
    const { target } = opened;
    source = opened.source;
    const layout = await placeLayout(parsedLayout, source, targetDir, readTablespaceLinks(targetDir), report);
    assertChecksPass(report.checks, opts.failOnWarning);

    run.clock.next('reference LSN and divergence');
    const decision = await decideHistory(run, target, source);
    if (rules.leaveTargetOnHistory && !decision.divergence.diverged && !target.marker) return noRewindRequired(run);
    const changes = await decideChanges(run, target, source, decision);
    const filesOnly = await prepareFilesOnlyRun(run, source, decision, target.marker !== null);
    const makePlan = planMaker(run, source, decision.referenceLsn, changes, layout);
    if (opts.dryRun) return await dryRun(run, source, changes.sourceSide, decision.referenceLsn, makePlan);
    await copyIntoMarkedTarget(run, target, source, decision, changes, makePlan, keepDir, filesOnly, layout);
    return report;
  } catch (err) {
    throw failReport(report, targetWriteError(err, targetDir) ?? (await explainLostSource(err, located, source)) ?? err);
  } finally {
    await source?.close();
    lock?.release();
    run.clock.end();
    report.durationMs = Date.now() - started;
  }
}

/**
 * Every check before anything is decided: the target's owner and lock, the source opened with
 * its checks, the target apart from it, stopped cleanly (after crash recovery where the rules
 * allow it), and the same cluster. `hold` and `locked` hand what must be released to the caller
 * as soon as it exists.
 */
async function openAndCheck(
  run: SyncRun, threads: number, hold: (s: Source) => void, locked: (l: TargetLock) => void,
): Promise<{ source: Source; target: TargetState }> {
  const { opts, rules, targetDir, report, logger } = run;
  assertTargetOwnership(targetDir);
  // A run already at work here is named at once, before its half-done state is read as ours.
  TargetLock.assertFree(targetDir);
  let target = inspectTarget(targetDir);
  const source = await openSource(run.located.location, targetDir, threads, report.checks, { mode: rules.mode === 'PTRACK' ? 'PTRACK' : 'DELTA', failOnWarning: opts.failOnWarning });
  hold(source);
  // Before the lock file or crash recovery writes anything into what may be the source's own directory.
  report.checks.push(await source.checkTargetApart(targetDir));
  assertChecksPass(report.checks, opts.failOnWarning);
  if (opts.dryRun) TargetLock.assertFree(targetDir);
  else locked(takeLock(targetDir, report, logger));
  if (rules.prepareTarget) target = await rules.prepareTarget(target, report, logger);
  report.checks.push(checkTargetDirectory(targetDir), checkTargetStopped(target), ...(rules.targetChecks?.(target) ?? []));
  assertChecksPass(report.checks, opts.failOnWarning);

  recordSource(report, source);
  if (source.copyMethod) logger.info(`copy method: ${source.copyMethod.method === 'files-only' ? "pg_rewind's way (files only)" : 'backup session and WAL stream'}: ${source.copyMethod.reason}`);
  report.checks.push(...checkTargetMatchesSource(target, source));
  assertChecksPass(report.checks, opts.failOnWarning);
  return { source, target };
}

/** R, and whether the target left the source's history (rule 4), as a check row and in the report. */
async function decideHistory(run: SyncRun, target: TargetState, source: Source): Promise<ReferenceDecision> {
  const { report } = run;
  const historyCheck = { id: 'target-history', title: "Target's position relative to the source's history" };
  const decision = await decideReference(target, source, run.logger, run.opts).catch((err) => {
    report.checks.push({ ...historyCheck, status: 'fail', detail: (err as Error).message, fix: (err as { fix?: string }).fix });
    throw err;
  });
  report.checks.push({ ...historyCheck, status: 'pass', detail: `${decision.divergence.detail}; R = ${formatLsn(decision.referenceLsn)}` });
  recordDecision(report, target, decision);
  return decision;
}

/**
 * A files-only source (pg_rewind's minimal role): the checkpoint at R the target will replay
 * from and the target's WAL kept for it, or the refusal, before the first write.
 */
async function prepareFilesOnlyRun(run: SyncRun, source: Source, decision: ReferenceDecision, resumed: boolean): Promise<FilesOnlyStart | null> {
  if (source.copyMethod?.method !== 'files-only') return null;
  const start = await prepareFilesOnly(source as FilesOnlySource, run.targetDir, decision.referenceLsn, decision.checkpointLsn, sharedHistoryEnd(decision), resumed);
  if (start.keepTargetWal.length > 0) run.logger.info(`files only: the target keeps ${start.keepTargetWal.length} WAL segment(s) of its own from R (${formatLsn(decision.referenceLsn)}) on for recovery`);
  return start;
}

function noRewindRequired(run: SyncRun): Report {
  run.logger.info('no rewind required');
  run.report.status = 'no-op';
  run.report.nextStep = "Nothing was changed: the target is on the source's history and can follow it as a standby (write standby.signal and primary_conninfo, or use catchup -b DELTA -R), then start it.";
  return run.report;
}

/**
 * Both sides' changes, decided before the first write: the target's own (its WAL is read now, and
 * emptied later; what it discards is counted in the same read) and the source's method.
 */
async function decideChanges(run: SyncRun, target: TargetState, source: Source, decision: ReferenceDecision): Promise<ChangeDecision> {
  const { opts, rules, report, logger } = run;
  const preListing = listTarget(run.targetDir).filter((e) => !e.path.startsWith('pg_wal/'));
  const discardedCollector = discardedWorkCollector(target, decision);
  const targetChanges = await findTargetChanges(target, decision, preListing, opts.changeSources?.target, logger, discardedCollector ?? undefined);
  report.discarded = (await reportDiscardedWork(target, decision, source, discardedCollector, Boolean(opts.dryRun), logger)) ?? undefined;
  const trackingCheck = { id: 'change-tracking-coverage', title: 'Change tracking covers the changes since R' };
  const sourceSide = await chooseSourceSide(rules.mode, source, decision, preListing, opts.changeSources?.source, run.targetDir).catch((err) => {
    if (rules.checkTrackingCoverage) report.checks.push({ ...trackingCheck, status: 'fail', detail: (err as Error).message, fix: (err as { fix?: string }).fix });
    throw err;
  });
  if (rules.checkTrackingCoverage) {
    report.checks.push({
      ...trackingCheck, status: 'pass',
      detail: sourceSide.tracker?.kind === 'ptrack' ? 'the ptrack extension is tracking' : `WAL summaries cover ${formatLsn(decision.referenceLsn)} up to the summarizer's position without a hole`,
    });
  }
  logger.info(`source side: ${sourceSide.choice.method}, ${sourceSide.choice.reason}${targetChanges ? `; target side: ${targetChanges.record.method}, ${targetChanges.record.reason}` : ''}`);
  return { targetChanges, sourceSide };
}

type PlanMaker = (startLsn: Lsn, replaying: boolean) => Promise<Plan>;

/** The plan, made once the copy knows its start: the source's changes up to it, and the target's. */
function planMaker(run: SyncRun, source: Source, R: Lsn, changes: ChangeDecision, layout: LayoutOptions): PlanMaker {
  const protectedPaths = [...OWN_FILES, ...(run.opts.writeRecoveryConf ? [] : SIGNAL_FILES)];
  return async (startLsn, replaying) => {
    const sourceListing = await source.files.list();
    // The target's pg_wal is set aside before the stream starts; nothing of ours is planned there.
    const targetListing = listTarget(run.targetDir).filter((e) => !e.path.startsWith('pg_wal/'));
    const found = await findSourceChanges(changes.sourceSide, replaying, { sourceListing, targetListing, referenceLsn: R, startLsn, logger: run.logger, dryRun: run.opts.dryRun });
    const records: ChangeRecord[] = changes.targetChanges ? [found.record, changes.targetChanges.record] : [found.record];
    run.report.changeSources = records;
    const plan = planDelta({
      source: sourceListing, target: targetListing, blockSize: source.blockSize,
      sourceChanged: found.changed, targetChanged: changes.targetChanges?.changed, protectedPaths, layout,
    });
    if (changes.sourceSide.choice.method === 'incremental-backup') {
      // The server sends every file; the plan only removes what the source no longer has.
      run.logger.info(`plan: ${plan.deletions.length} paths removed, ${plan.directories.length} directories made; the incremental backup sends the rest`);
    } else {
      logPlan(plan, run.logger);
    }
    recordPlan(run.report, plan);
    return plan;
  };
}

/**
 * No backup starts in a dry run: plan up to what the summarizer has reached (or R). The source
 * checkpoints first with --dry-run-checkpoint; otherwise the report says what the estimate cannot see.
 */
async function dryRun(run: SyncRun, source: Source, side: SourceSide, R: Lsn, makePlan: PlanMaker): Promise<Report> {
  run.report.dryRun = await prepareDryRunSource(source, side, Boolean(run.opts.dryRunCheckpoint), run.logger);
  const horizon = side.tracker?.kind === 'wal-summaries' ? (await readSummarizerState(source.sql('PTRACK'))).summarizedLsn : R;
  await makePlan(horizon > R ? horizon : R, side.replay !== null);
  run.report.status = 'dry-run';
  return run.report;
}

/**
 * The first write and everything after it (rule 7): the job recorded and pg_control set aside
 * before any data changes, the target's old WAL set aside, the copy, and the marker removed.
 */
async function copyIntoMarkedTarget(
  run: SyncRun, target: TargetState, source: Source, decision: ReferenceDecision, changes: ChangeDecision, makePlan: PlanMaker, keepDir: string | null,
  filesOnly: FilesOnlyStart | null, layout: LayoutOptions,
): Promise<void> {
  const { opts, rules, targetDir, report, logger } = run;
  const R = decision.referenceLsn;
  const sync = opts.sync ?? true;
  if (!opts.writeRecoveryConf && !SIGNAL_FILES.some((f) => fs.existsSync(path.join(targetDir, f)))) {
    report.warnings.push('the target has no standby.signal and -R was not given: after the sync it will start as a primary, not a standby');
  }
  if (keepDir) keepWalOfBranch(keepDir, target, decision, report, logger);

  const owner = ownerForTarget(targetDir);
  beginMarkedRun(targetDir, {
    tool: 'pg-catchup', mode: rules.mode, referenceLsn: R, referenceReason: target.marker?.referenceReason ?? decision.reason,
    sourceSystemIdentifier: source.identity.systemIdentifier, startedAt: report.startedAt, pid: process.pid,
    diverged: decision.divergence.diverged, forkLsn: decision.divergence.forkLsn,
  }, owner);
  const walRemoval = setTargetWalAside(targetDir, filesOnly?.keepTargetWal ?? changes.sourceSide.replay?.keepTargetWal ?? []).catch((err: Error) => {
    report.warnings.push(`the target's old WAL in ${DISCARDED_WAL_DIR} could not be removed (${err.message}): PostgreSQL ignores it; delete it yourself`);
  });

  const writer = new TargetWriter({ root: targetDir, owner, sync, syncMethod: opts.syncMethod });
  const copyOpts = {
    label: `pg-catchup ${rules.mode} ${report.startedAt}`,
    sync,
    clock: run.clock,
    recoveryConninfo: opts.writeRecoveryConf ? primaryConninfo(run.located.conn!.keywords, opts.storePassword ?? false) : null,
    logger,
    validateThreads: opts.validateThreads ?? 0,
    replay: changes.sourceSide.replay ?? undefined,
    filesOnly: filesOnly ?? undefined,
    maxRateBytesPerSecond: opts.maxRateBytesPerSecond,
  };
  // PTRACK on 17+: the server's incremental backup carries the source's changes (the server refuses a target ahead).
  const result = changes.sourceSide.choice.method === 'incremental-backup'
    ? await syncThroughIncrementalBackup(source, writer, copyOpts, {
      targetDir, referenceLsn: R, targetChanged: changes.targetChanges?.changed ?? null, layout, report, logger,
      protectedPaths: [...OWN_FILES, ...(opts.writeRecoveryConf ? [] : SIGNAL_FILES)], makePlan: () => makePlan(R, false), compress: opts.compress,
    })
    : await source.copy(writer, copyOpts, async (startLsn, replaying) => {
      if (startLsn < R) {
        throw new CatchupError('target-ahead', `Current START LSN ${formatLsn(startLsn)} is lower than expected START LSN ${formatLsn(R)}.`,
          'The target is ahead of the source: point the run at the right source, or rebuild the target with -b FULL.');
      }
      return makePlan(startLsn, replaying);
    });
  await walRemoval;
  endMarkedRun(targetDir);
  recordCopyResult(report, result, Boolean(opts.writeRecoveryConf));
  for (const w of report.warnings) logger.warn(w);
  report.status = 'success';
  report.nextStep = nextStepAfterSync(report);
}

/** --keep-discarded-wal, before the target's pg_wal is emptied. */
function keepWalOfBranch(dir: string, target: TargetState, decision: ReferenceDecision, report: Report, logger: Logger): void {
  if (!decision.divergence.diverged) {
    logger.info(`--keep-discarded-wal: the target did not diverge, so no WAL of its own is discarded; nothing kept in ${dir}`);
    return;
  }
  if (target.marker) {
    report.warnings.push(`--keep-discarded-wal: the interrupted run had already set the target's WAL aside; nothing kept in ${dir}`);
    return;
  }
  const from = decision.divergence.forkLsn ? parseLsn(decision.divergence.forkLsn) : decision.referenceLsn;
  const kept = keepDiscardedWal(target.dir, dir, from, target.control.walSegmentSize, ownerForTarget(target.dir));
  if (report.discarded) report.discarded.keptIn = dir;
  logger.info(`kept ${kept.files} WAL files (${formatBytes(kept.bytes)}) from ${formatLsn(from)} on in ${dir}: pg_waldump -p ${dir} -s ${formatLsn(from)}`);
}

function recordDecision(report: Report, target: TargetState, d: ReferenceDecision): void {
  report.target.timeline = d.position.tli;
  report.target.position = formatLsn(d.position.lsn);
  report.target.state = target.control.state;
  report.lsn.reference = formatLsn(d.referenceLsn);
  report.reference = d.reason;
  report.history = d.history;
  report.divergence = d.divergence;
  if (target.marker) report.resumed = { from: `marker of a run started ${target.marker.startedAt} (PID ${target.marker.pid})`, startedAt: target.marker.startedAt };
}

function recordPlan(report: Report, plan: Plan): void {
  report.files.copied = plan.files.length;
  report.files.patched = plan.patches.length;
  report.files.truncated = plan.patches.filter((p) => p.sourceSize < p.targetSize).length;
  report.files.deleted = plan.deletions.length;
  report.files.skipped = plan.skipped.length;
  report.files.bytesPlanned = plan.bytesToCopy;
  report.files.blocksCopied = plan.patches.reduce((n, p) => n + p.blocks.sourceChanged + p.blocks.targetChanged + p.blocks.beyondTarget, 0);
}

function logPlan(plan: Plan, logger: { info(m: string): void }): void {
  const blocks = plan.patches.reduce((n, p) => n + p.blocks.sourceChanged + p.blocks.targetChanged + p.blocks.beyondTarget, 0);
  logger.info(`plan: ${plan.files.length} files copied whole, ${plan.patches.length} relation files patched (${blocks} blocks), ` +
    `${plan.deletions.length} paths removed, ${formatBytes(plan.bytesToCopy)} to copy`);
}
