import * as fs from 'fs';
import * as path from 'path';
import { ownerForTarget } from '../pgdata/file-owner';
import { TargetWriter } from '../copy/target-writer';
import { CatchupError } from '../errors';
import { silentLogger } from '../log';
import { beginMarkedRun, endMarkedRun, OWN_FILES } from '../pgdata/catchup-marker';
import { checkKeepDir, keepDiscardedWal } from '../pgdata/discarded-wal-keep';
import { primaryConninfo } from '../pgdata/recovery-conf';
import { listTarget, readTablespaceLinks } from '../pgdata/target-listing';
import { TargetLock } from '../pgdata/target-lock';
import { resolveTargetDir } from '../pgdata/target-path';
import { targetWriteError } from '../pgdata/target-write-errors';
import { DISCARDED_WAL_DIR, setTargetWalAside } from '../pgdata/target-wal-discard';
import { inspectTarget, TargetState } from '../pgdata/target-state';
import type { Plan } from '../plan/plan';
import { planDelta } from '../plan/plan-delta';
import { failReport, nextStepAfterSync, PhaseClock, Report } from '../report/report';
import { formatLsn, parseLsn } from '../wal/lsn';
import { recordCopyResult } from './backup-copy';
import { chooseSourceSide, findSourceChanges } from './change-source';
import { discardedWorkCollector, reportDiscardedWork } from './discarded-report';
import { findTargetChanges } from './target-changes';
import type { ForcedChangeSources } from '../plan/change-source-choice';
import { readSummarizerState } from '../source/wal-summary-changes';
import { decideReference, ReferenceDecision } from './divergence';
import { formatBytes } from './format-bytes';
import type { CommonCatchupOptions } from './full';
import { assertTargetOwnership, checkTargetMatchesSource, checkTargetStopped, takeLock, targetLogsHints } from './target-checks';
import { assertThreads, closeSourceSession, explainLostSource, locateSource, newSourceReport, openSource, serverOf, SourceSession } from './source-session';
import { parseLayout, placeLayout } from './target-layout';
import { assertChecksPass, CheckResult } from '../preflight/check';
import { checkTargetDirectory } from '../preflight/target-directory';
import type { CommandRunner } from '../command-runner';
import type { Logger } from '../log';
import { findPostgresBinary, runSingleUserRecovery } from '../pgdata/single-user-recovery';
import { checkTargetNotTheSource } from './source-reads';
import { copyFor } from './stopped-source-copy';

export interface DeltaCatchupOptions extends CommonCatchupOptions {
  /** Build and report the plan; change nothing. */
  dryRun?: boolean;
  /** -c: fetch target WAL that pg_wal no longer has through the target's restore_command. */
  restoreTargetWal?: boolean;
  /** Runs postgres (-C, --single) and restore_command; the adapters pass one built on @actions/exec. */
  runner?: CommandRunner;
  /** Where the target version's postgres binary is, when not in a standard place. */
  targetBinDir?: string;
  /** The target's history cannot be verified on the source: sync it as possibly diverged. */
  assumeDiverged?: boolean;
  /** Hidden (tests, bench): the change source each side must use instead of the cheapest. */
  changeSources?: ForcedChangeSources;
  /** --keep-discarded-wal: keep the diverged target's WAL from the fork on in this directory. */
  keepDiscardedWal?: string;
}

/** pg_rewind's command line on the same engine. */
export interface RewindOptions extends DeltaCatchupOptions {
  /** Bring an uncleanly stopped target to a clean state first (pg_rewind's default). */
  ensureShutdown?: boolean;
}

// Without -R the target keeps its own recovery signal files, so a re-synced standby stays one.
const SIGNAL_FILES = ['standby.signal', 'recovery.signal'];

/**
 * DELTA: bring an existing copy of the source up to date (design rules 4-8). A lagging copy
 * gets the blocks the source changed since R; a diverged one also gets back every block it
 * changed on its own branch. The target is never startable while inconsistent (rule 7).
 */
export async function catchupDelta(opts: DeltaCatchupOptions): Promise<Report> {
  return syncExistingTarget(opts, 'DELTA');
}

/**
 * PTRACK: DELTA without scanning the source's data files: the changed blocks come from the
 * ptrack extension or, on PostgreSQL 17+, from WAL summaries covering R..backup start. A
 * diverged target's own changes are still found on the target (rule 4).
 */
export async function catchupPtrack(opts: DeltaCatchupOptions): Promise<Report> {
  return syncExistingTarget(opts, 'PTRACK');
}

/**
 * rewind: like DELTA, with pg_rewind's rules: the target needs data checksums or
 * wal_log_hints, an uncleanly stopped target gets crash recovery first, and a target still on
 * the source's history is left alone ("no rewind required").
 */
export async function rewind(opts: RewindOptions): Promise<Report> {
  return syncExistingTarget(opts, 'rewind');
}

async function syncExistingTarget(opts: RewindOptions, flavor: 'DELTA' | 'PTRACK' | 'rewind'): Promise<Report> {
  const logger = opts.logger ?? silentLogger;
  const threads = opts.threads ?? 1;
  const sync = opts.sync ?? true;
  const { dir: targetDir, note: targetNote } = resolveTargetDir(opts.targetDir);
  const located = locateSource(opts);
  const report = newSourceReport(flavor, located, targetDir, threads);
  const started = Date.now();
  if (targetNote) logger.info(targetNote);
  const clock = new PhaseClock(report, logger);
  let source: SourceSession | undefined;
  let lock: TargetLock | undefined;
  try {
    assertThreads(threads);
    const parsedLayout = parseLayout(opts, targetDir);
    const keepDir = opts.keepDiscardedWal ? checkKeepDir(opts.keepDiscardedWal, targetDir) : null;
    clock.next('preflight checks');
    assertTargetOwnership(targetDir);
    // A run already at work here is named at once, before its half-done state is read as ours.
    TargetLock.assertFree(targetDir);
    let target = inspectTarget(targetDir);
    source = await openSource(located.location, targetDir, threads, report.checks, { mode: flavor === 'PTRACK' ? 'PTRACK' : 'DELTA', failOnWarning: opts.failOnWarning });
    // Before the lock file or crash recovery writes anything into what may be the source's own directory.
    report.checks.push(await checkTargetNotTheSource(targetDir, source));
    assertChecksPass(report.checks, opts.failOnWarning);
    if (opts.dryRun) TargetLock.assertFree(targetDir);
    else lock = takeLock(targetDir, report, logger);
    if (flavor === 'rewind' && needsCrashRecovery(target)) target = await ensureCleanShutdown(target, opts, report, logger);
    report.checks.push(checkTargetDirectory(targetDir), checkTargetStopped(target));
    if (flavor === 'rewind') report.checks.push(checkHintLogging(target));
    assertChecksPass(report.checks, opts.failOnWarning);

    report.source.serverVersion = source.info.versionText;
    report.source.systemIdentifier = source.identity.systemIdentifier;
    report.source.timeline = source.identity.timeline;
    report.checks.push(...checkTargetMatchesSource(target, source));
    assertChecksPass(report.checks, opts.failOnWarning);
    const layout = await placeLayout(parsedLayout, source, targetDir, readTablespaceLinks(targetDir), report);
    assertChecksPass(report.checks, opts.failOnWarning);

    clock.next('reference LSN and divergence');
    const historyCheck = { id: 'target-history', title: "Target's position relative to the source's history" };
    const decision = await decideReference(target, source, logger, opts).catch((err) => {
      report.checks.push({ ...historyCheck, status: 'fail', detail: (err as Error).message, fix: (err as { fix?: string }).fix });
      throw err;
    });
    report.checks.push({ ...historyCheck, status: 'pass', detail: `${decision.divergence.detail}; R = ${formatLsn(decision.referenceLsn)}` });
    recordDecision(report, target, decision);
    if (flavor === 'rewind' && !decision.divergence.diverged && !target.marker) {
      logger.info('no rewind required');
      report.status = 'no-op';
      report.nextStep = "Nothing was changed: the target is on the source's history and can follow it as a standby (write standby.signal and primary_conninfo, or use catchup -b DELTA -R), then start it.";
      return report;
    }
    const R = decision.referenceLsn;
    // Both sides are decided before the first write: the target's WAL is read now, and emptied later.
    const preListing = listTarget(targetDir).filter((e) => !e.path.startsWith('pg_wal/'));
    const discardedCollector = discardedWorkCollector(target, decision);
    const targetChanges = await findTargetChanges(target, decision, preListing, opts.changeSources?.target, logger, discardedCollector ?? undefined);
    report.discarded = (await reportDiscardedWork(target, decision, source, discardedCollector, Boolean(opts.dryRun), logger)) ?? undefined;
    const trackingCheck = { id: 'change-tracking-coverage', title: 'Change tracking covers the changes since R' };
    const sourceSide = await chooseSourceSide(flavor, source, decision, preListing, opts.changeSources?.source).catch((err) => {
      if (flavor === 'PTRACK') report.checks.push({ ...trackingCheck, status: 'fail', detail: (err as Error).message, fix: (err as { fix?: string }).fix });
      throw err;
    });
    if (flavor === 'PTRACK') {
      report.checks.push({ ...trackingCheck, status: 'pass', detail: sourceSide.tracker?.kind === 'ptrack' ? 'the ptrack extension is tracking' : `WAL summaries cover ${formatLsn(R)} up to the summarizer's position without a hole` });
    }
    logger.info(`source side: ${sourceSide.choice.method}, ${sourceSide.choice.reason}${targetChanges ? `; target side: ${targetChanges.record.method}, ${targetChanges.record.reason}` : ''}`);
    const protectedPaths = [...OWN_FILES, ...(opts.writeRecoveryConf ? [] : SIGNAL_FILES)];
    const makePlan = async (startLsn: bigint, replaying: boolean) => {
      const sourceListing = await source!.files.list();
      // The target's pg_wal is set aside before the stream starts; nothing of ours is planned there.
      const targetListing = listTarget(targetDir).filter((e) => !e.path.startsWith('pg_wal/'));
      const changes = await findSourceChanges(sourceSide, replaying, source!, sourceListing, targetListing, R, startLsn, logger);
      report.changeSources = targetChanges ? [changes.record, targetChanges.record] : [changes.record];
      const plan = planDelta({
        source: sourceListing, target: targetListing, blockSize: source!.blockSize,
        sourceChanged: changes.changed, targetChanged: targetChanges?.changed, protectedPaths, layout,
      });
      logPlan(plan, logger);
      recordPlan(report, plan);
      return plan;
    };

    if (opts.dryRun) {
      // No backup starts in a dry run: plan up to what the summarizer has reached (or the current WAL position).
      const horizon = sourceSide.tracker?.kind === 'wal-summaries' ? (await readSummarizerState(serverOf(source, 'PTRACK').control)).summarizedLsn : R;
      await makePlan(horizon > R ? horizon : R, sourceSide.replay !== null);
      report.status = 'dry-run';
      return report;
    }
    if (!opts.writeRecoveryConf && !SIGNAL_FILES.some((f) => fs.existsSync(path.join(targetDir, f)))) {
      report.warnings.push('the target has no standby.signal and -R was not given: after the sync it will start as a primary, not a standby');
    }

    if (keepDir) keepWalOfBranch(keepDir, target, decision, report, logger);

    // First write (rule 7): the job is recorded and pg_control set aside before any data changes.
    const owner = ownerForTarget(targetDir);
    beginMarkedRun(targetDir, {
      tool: 'pg-catchup', mode: flavor, referenceLsn: R, referenceReason: target.marker?.referenceReason ?? decision.reason,
      sourceSystemIdentifier: source.identity.systemIdentifier, startedAt: report.startedAt, pid: process.pid,
      diverged: decision.divergence.diverged, forkLsn: decision.divergence.forkLsn,
    }, owner);
    const walRemoval = setTargetWalAside(targetDir).catch((err: Error) => {
      report.warnings.push(`the target's old WAL in ${DISCARDED_WAL_DIR} could not be removed (${err.message}): PostgreSQL ignores it; delete it yourself`);
    });

    const writer = new TargetWriter({ root: targetDir, owner, sync, syncMethod: opts.syncMethod });
    const result = await copyFor(source)(source, writer, {
      label: `pg-catchup ${flavor} ${report.startedAt}`,
      sync,
      clock,
      recoveryConninfo: opts.writeRecoveryConf ? primaryConninfo(located.conn!.keywords, opts.storePassword ?? false) : null,
      logger,
      validateThreads: opts.validateThreads ?? 0,
      replay: sourceSide.replay ?? undefined,
      maxRateBytesPerSecond: opts.maxRateBytesPerSecond,
    }, async (startLsn, replaying) => {
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
    return report;
  } catch (err) {
    throw failReport(report, targetWriteError(err, targetDir) ?? (await explainLostSource(err, located, source)) ?? err);
  } finally {
    await closeSourceSession(source);
    lock?.release();
    clock.end();
    report.durationMs = Date.now() - started;
  }
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

function needsCrashRecovery(target: TargetState): boolean {
  return !target.postmaster && !target.marker && !target.backupLabel && !['shut down', 'shut down in recovery'].includes(target.control.state);
}

/** pg_rewind's ensureCleanShutdown: crash recovery in single-user mode, unless told not to. */
async function ensureCleanShutdown(target: TargetState, opts: RewindOptions, report: Report, logger: Logger): Promise<TargetState> {
  if (opts.ensureShutdown === false || opts.dryRun) {
    const why = opts.dryRun ? '--dry-run changes nothing, so it does not run crash recovery' : 'with --no-ensure-shutdown';
    throw new CatchupError('target-not-clean',
      `target server must be shut down cleanly: its pg_control says "${target.control.state}", and ${why}.`,
      opts.dryRun ? 'Run without --dry-run (crash recovery runs first), or start and stop the target cleanly yourself.'
        : 'Drop --no-ensure-shutdown to let pg-catchup run single-user crash recovery, or start and stop the target cleanly yourself.');
  }
  if (fs.existsSync(path.join(target.dir, 'standby.signal'))) {
    // Single-user mode cannot run standby recovery, and without the signal it would end recovery as a primary.
    throw new CatchupError('target-not-clean',
      `target server must be shut down cleanly: it is a standby (standby.signal) whose pg_control says "${target.control.state}".`,
      `Start it so it resumes recovery, then stop it cleanly (pg_ctl start -D ${target.dir}; pg_ctl stop -D ${target.dir} -m fast), and rerun.`);
  }
  if (!opts.runner) throw new CatchupError('no-runner', 'Crash recovery needs a command runner.', 'Internal: the adapter must pass one.');
  const postgres = await findPostgresBinary(target.majorVersion, opts.runner, opts.targetBinDir);
  logger.info(`target was not shut down cleanly ("${target.control.state}"): running single-user crash recovery with ${postgres}`);
  await runSingleUserRecovery(target.dir, postgres, ownerForTarget(target.dir), opts.runner);
  report.warnings.push(`ran single-user crash recovery on the target (it was "${target.control.state}")`);
  return inspectTarget(target.dir);
}

function checkHintLogging(target: TargetState): CheckResult {
  const base = { id: 'target-hint-logging', title: 'Target has data checksums or wal_log_hints' };
  if (targetLogsHints(target)) {
    return { ...base, status: 'pass', detail: target.control.dataChecksumVersion > 0 ? 'data checksums on' : 'wal_log_hints on' };
  }
  return { ...base, status: 'fail', detail: 'the target has neither data checksums nor wal_log_hints, so hint-bit-only changes on its own branch are invisible',
    fix: 'Rebuild the target with -b FULL; turn on wal_log_hints (or data checksums) on your clusters so rewinds are possible.' };
}

function recordDecision(report: Report, target: TargetState, d: ReferenceDecision): void {
  report.target.timeline = d.position.tli;
  report.target.position = formatLsn(d.position.lsn);
  report.target.state = target.control.state;
  report.lsn.reference = formatLsn(d.referenceLsn);
  report.reference = d.reason;
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
