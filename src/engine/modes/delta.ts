import * as fs from 'fs';
import * as path from 'path';
import { ownerForTarget } from '../copy/file-owner';
import { TargetWriter } from '../copy/target-writer';
import { CatchupError } from '../errors';
import { silentLogger } from '../log';
import { beginMarkedRun, endMarkedRun, OWN_FILES } from '../pgdata/catchup-marker';
import { primaryConninfo } from '../pgdata/recovery-conf';
import { listTarget } from '../pgdata/target-listing';
import { TargetLock } from '../pgdata/target-lock';
import { inspectTarget, TargetState } from '../pgdata/target-state';
import type { Plan } from '../plan/plan';
import { patchCandidates, planDelta } from '../plan/plan-delta';
import { failReport, newReport, Report } from '../report/report';
import { resolveConnection } from '../source/connection-options';
import { scanChangedBlocks } from '../source/changed-blocks-scan';
import { listSourceFiles } from '../source/file-listing';
import { formatLsn } from '../wal/lsn';
import { runBackupCopy } from './backup-copy';
import { decideReference, ReferenceDecision } from './divergence';
import { formatBytes } from './format-bytes';
import type { CommonCatchupOptions } from './full';
import { checkTargetMatchesSource, checkTargetStopped } from './target-checks';
import { assertThreads, closeSourceSession, openSourceSession, SourceSession } from './source-session';
import { assertChecksPass } from '../preflight/check';

export interface DeltaCatchupOptions extends CommonCatchupOptions {
  /** Build and report the plan; change nothing. */
  dryRun?: boolean;
}

// Without -R the target keeps its own recovery signal files, so a re-synced standby stays one.
const SIGNAL_FILES = ['standby.signal', 'recovery.signal'];

/**
 * DELTA: bring an existing copy of the source up to date (design rules 4-8). A lagging copy
 * gets the blocks the source changed since R; a diverged one also gets back every block it
 * changed on its own branch. The target is never startable while inconsistent (rule 7).
 */
export async function catchupDelta(opts: DeltaCatchupOptions): Promise<Report> {
  const logger = opts.logger ?? silentLogger;
  const threads = opts.threads ?? 1;
  const sync = opts.sync ?? true;
  const targetDir = path.resolve(opts.targetDir);
  const conn = resolveConnection(opts.source, opts.env ?? {});
  const report = newReport('DELTA', conn.display, targetDir, threads);
  const started = Date.now();
  let source: SourceSession | undefined;
  let lock: TargetLock | undefined;
  try {
    assertThreads(threads);
    const target = inspectTarget(targetDir);
    if (opts.dryRun) TargetLock.assertFree(targetDir);
    else lock = TargetLock.acquire(targetDir);
    report.checks.push(checkTargetStopped(target));
    assertChecksPass(report.checks);

    source = await openSourceSession(conn, threads, report.checks);
    report.source.serverVersion = source.info.versionText;
    report.source.systemIdentifier = source.identity.systemIdentifier;
    report.source.timeline = source.identity.timeline;
    report.checks.push(...checkTargetMatchesSource(target, source));
    assertChecksPass(report.checks);

    const decision = await decideReference(target, source, logger);
    recordDecision(report, target, decision);
    const R = decision.referenceLsn;
    const protectedPaths = [...OWN_FILES, ...(opts.writeRecoveryConf ? [] : SIGNAL_FILES)];
    const makePlan = async () => {
      const sourceListing = await listSourceFiles(source!.control);
      // The target's pg_wal is emptied before the stream starts; nothing of ours is planned there.
      const targetListing = listTarget(targetDir).filter((e) => !e.path.startsWith('pg_wal/'));
      const scanned = await scanChangedBlocks(source!.control, patchCandidates(sourceListing, targetListing, source!.blockSize), R, source!.blockSize);
      const plan = planDelta({
        source: sourceListing, target: targetListing, blockSize: source!.blockSize,
        sourceChanged: scanned, targetChanged: decision.targetChanged, protectedPaths,
      });
      logPlan(plan, logger);
      recordPlan(report, plan);
      return plan;
    };

    if (opts.dryRun) {
      await makePlan();
      report.status = 'dry-run';
      return report;
    }
    if (!opts.writeRecoveryConf && !SIGNAL_FILES.some((f) => fs.existsSync(path.join(targetDir, f)))) {
      report.warnings.push('the target has no standby.signal and -R was not given: after the sync it will start as a primary, not a standby');
    }

    // First write (rule 7): the job is recorded and pg_control set aside before any data changes.
    const owner = ownerForTarget(targetDir);
    beginMarkedRun(targetDir, {
      tool: 'pg-catchup', mode: 'DELTA', referenceLsn: R, referenceReason: target.marker?.referenceReason ?? decision.reason,
      sourceSystemIdentifier: source.identity.systemIdentifier, startedAt: report.startedAt, pid: process.pid,
      diverged: decision.divergence.diverged, forkLsn: decision.divergence.forkLsn,
    }, owner);
    emptyWalDirectory(targetDir);

    const writer = new TargetWriter({ root: targetDir, owner, sync });
    const result = await runBackupCopy(source, writer, {
      label: `pg-catchup DELTA ${report.startedAt}`,
      sync,
      recoveryConninfo: opts.writeRecoveryConf ? primaryConninfo(conn.keywords, opts.storePassword ?? false) : null,
      logger,
    }, async (startLsn) => {
      if (startLsn < R) {
        throw new CatchupError('target-ahead', `Current START LSN ${formatLsn(startLsn)} is lower than expected START LSN ${formatLsn(R)}.`,
          'The target is ahead of the source: point the run at the right source, or rebuild the target with -b FULL.');
      }
      return makePlan();
    });
    endMarkedRun(targetDir);
    report.lsn.backupStart = formatLsn(result.startLsn);
    report.lsn.backupStop = formatLsn(result.stopLsn);
    report.files.bytesCopied = result.copy.bytesCopied;
    report.files.walSegments = result.walSegments;
    report.files.walBytes = result.walBytes;
    report.wroteRecoveryConf = Boolean(opts.writeRecoveryConf);
    for (const w of report.warnings) logger.warn(w);
    report.status = 'success';
    return report;
  } catch (err) {
    throw failReport(report, err);
  } finally {
    await closeSourceSession(source);
    lock?.release();
    report.durationMs = Date.now() - started;
  }
}

/** Old WAL of the target (possibly of its own branch) must not be replayed after the sync. */
function emptyWalDirectory(targetDir: string): void {
  const walDir = path.join(targetDir, 'pg_wal');
  if (!fs.existsSync(walDir)) return;
  for (const name of fs.readdirSync(walDir)) {
    const p = path.join(walDir, name);
    if (name === 'archive_status' || name === 'summaries') {
      for (const f of fs.readdirSync(p)) fs.rmSync(path.join(p, f), { recursive: true, force: true });
    } else {
      fs.rmSync(p, { recursive: true, force: true });
    }
  }
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
