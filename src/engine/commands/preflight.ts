import fs from 'fs';
import path from 'path';
import { Logger, silentLogger } from '../log';
import { checkDiskSpace } from '../preflight/disk-space';
import { assertChecksPass, CheckResult, refusalMessage } from '../preflight/check';
import { readMarker } from '../pgdata/catchup-marker';
import { checkTargetDirectory } from '../preflight/target-directory';
import { checkTargetEmpty } from '../preflight/target-empty';
import { failReport, Report } from '../report/report';
import { RequestedMode, resolveMode } from './auto-mode';
import type { DeltaCatchupOptions } from './options';
import { loadDelta, loadPtrack } from './load-mode';
import { resumableFullCheck } from './full-resume';
import { locateSource, openSource } from '../source/open-source';
import type { Source } from '../source/source';
import { newSourceReport, recordSource } from './run-source';
import { parseLayout, placeLayout } from './target-layout';

export interface PreflightOptions extends DeltaCatchupOptions {
  mode: RequestedMode;
}

/**
 * Every verification a run would make, and nothing else: no write anywhere. FULL checks the
 * source and an empty target; DELTA builds the whole plan as --dry-run does (identity, state,
 * divergence, R, bytes). The report's checks are the result; a failure does not throw.
 */
export async function runPreflight(opts: PreflightOptions): Promise<Report> {
  const logger: Logger = opts.logger ?? silentLogger;
  const targetDir = path.resolve(opts.targetDir);
  const { mode, why } = resolveMode(opts.mode, targetDir);
  logger.info(`preflight for ${mode} (${why})`);
  let report: Report;
  if (mode === 'DELTA' || mode === 'PTRACK') {
    const dryRun = mode === 'PTRACK' ? loadPtrack().catchupPtrack : loadDelta().catchupDelta;
    report = await dryRun({ ...opts, dryRun: true }).catch((err) => (err as { report: Report }).report ?? Promise.reject(err));
    if (report.status === 'dry-run') {
      report.checks.push(checkDiskSpace(targetDir, report.files.bytesPlanned + 2 * 16 * 1048576, 'the plan, plus WAL'));
    }
  } else {
    report = await preflightFull(opts, targetDir);
  }
  report.command = 'preflight';
  report.modeRequested = opts.mode;
  const failed = report.checks.some((c) => c.status === 'fail') || (opts.failOnWarning && report.checks.some((c) => c.status === 'warn')) || report.error;
  report.status = failed ? 'failed' : 'success';
  if (failed && !report.error) {
    const first = report.checks.find((c) => c.status === 'fail') ?? report.checks.find((c) => c.status === 'warn')!;
    report.error = { code: `preflight-${first.id}`, message: refusalMessage(first), fix: first.fix };
  }
  report.nextStep = failed
    ? report.error?.fix ?? 'Fix the failing checks and run preflight again.'
    : `Run pg-catchup catchup -b ${mode} with the same options.`;
  return report;
}

async function preflightFull(opts: PreflightOptions, targetDir: string): Promise<Report> {
  const located = locateSource(opts);
  const report = newSourceReport('FULL', located, targetDir, opts.threads ?? 1);
  const started = Date.now();
  let source: Source | undefined;
  try {
    const parsedLayout = parseLayout(opts, targetDir);
    report.checks.push(checkTargetDirectory(targetDir), interruptedFullCheck(targetDir) ?? checkTargetEmpty(targetDir));
    assertChecksPass(report.checks);
    source = await openSource(located.location, targetDir, 1, report.checks, { mode: 'FULL' });
    report.checks.push(await source.checkTargetApart(targetDir));
    recordSource(report, source);
    await placeLayout(parsedLayout, source, targetDir, new Map(), report);
    const bytes = await source.dataBytes();
    report.files.bytesPlanned = bytes;
    report.checks.push(checkDiskSpace(targetDir, bytes + 4 * source.segSize, 'the databases, plus WAL'));
    report.status = 'dry-run';
  } catch (err) {
    failReport(report, err);
  } finally {
    await source?.close();
    report.durationMs = Date.now() - started;
  }
  return report;
}

function interruptedFullCheck(targetDir: string): CheckResult | null {
  const marker = fs.statSync(targetDir, { throwIfNoEntry: false })?.isDirectory() ? readMarker(targetDir) : null;
  return marker?.mode === 'FULL' ? resumableFullCheck(marker) : null;
}
