import * as core from '@actions/core';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execCommandRunner } from '../adapters/exec-command-runner';
import { formatProgressLine, ProgressMeter, ProgressTicker } from '../adapters/progress-meter';
import type { Logger } from '../engine/log';
import { catchup } from '../engine/modes/catchup';
import { rewind } from '../engine/modes/delta';
import { runPreflight } from '../engine/modes/preflight';
import { startTarget, stopTarget, waitForTargetStreaming } from '../engine/pgdata/target-lifecycle';
import type { Report } from '../engine/report/report';
import { ActionInputs, InputError, readInputs } from './inputs';
import { writeJobSummary } from './job-summary';
import { reportCheckGroups, setOutputs } from './outputs';
import { uploadReportArtifact } from './report-artifact';

/** The job log gets a progress line every 10 s (bytes, total, rate, ETA, phase), and one per phase. */
function actionLogger(): Logger & { finish(): void } {
  const ticker = new ProgressTicker(new ProgressMeter(), (s) => core.info(`progress: ${formatProgressLine(s)}`), 10_000);
  ticker.start();
  return {
    info: (m) => core.info(m),
    warn: (m) => core.warning(m),
    debug: (m) => core.debug(m),
    phase: (name) => ticker.phase(name),
    progress: (p) => ticker.meter.copy(p),
    finish: () => ticker.stop(),
  };
}

async function execute(inputs: ActionInputs, logger: Logger): Promise<Report> {
  const common = {
    targetDir: inputs.targetPgdata, source: inputs.source, env: process.env, threads: inputs.threads,
    tablespaceMapping: inputs.tablespaceMapping, excludePaths: inputs.excludePaths,
    writeRecoveryConf: inputs.writeRecoveryConf, sync: !inputs.noSync, logger, failOnWarning: inputs.failOnWarning,
    restoreTargetWal: inputs.restoreTargetWal, keepDiscardedWal: inputs.keepDiscardedWal,
    maxRateBytesPerSecond: inputs.maxRateBytesPerSecond, syncMethod: inputs.syncMethod, targetBinDir: inputs.pgBinDir, runner: execCommandRunner, dryRun: inputs.dryRun,
  };
  if (inputs.command === 'preflight') return runPreflight({ ...common, mode: inputs.mode });
  const major = targetMajor(inputs.targetPgdata);
  if (inputs.stopTarget && major !== null) {
    if (await stopTarget(inputs.targetPgdata, { major, runner: execCommandRunner, binDir: inputs.pgBinDir })) logger.info('target stopped (pg_ctl stop -m fast)');
  }
  const report = inputs.command === 'rewind' ? await rewind(common) : await catchup({ ...common, mode: inputs.mode });
  if (inputs.startTarget && report.status === 'no-op') {
    // Nothing was written, not even standby.signal: starting it could make a second primary.
    core.notice('start-target skipped: no rewind was required and the target was left exactly as it was; configure it as a standby before starting it.');
  }
  if (inputs.startTarget && report.status === 'success') {
    const log = path.join(os.tmpdir(), `pg-catchup-target-${process.pid}.log`);
    await startTarget(inputs.targetPgdata, log, { major: targetMajor(inputs.targetPgdata)!, runner: execCommandRunner, binDir: inputs.pgBinDir });
    logger.info(`target started (log: ${log})`);
    if (inputs.verify === 'streaming') logger.info(`target is streaming: ${await waitForTargetStreaming(inputs.targetPgdata, inputs.verifyTimeoutSeconds * 1000)}`);
  }
  return report;
}

function targetMajor(dir: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(dir, 'PG_VERSION'), 'utf8').trim());
  } catch {
    return null;
  }
}

/** The action: inputs -> engine -> outputs, report artifact and job summary; one setFailed at the top. */
export async function run(): Promise<void> {
  let report: Report | undefined;
  let reportName = 'pg-catchup-report';
  let failure: string | undefined;
  try {
    const inputs = readInputs();
    reportName = inputs.reportName;
    if (inputs.backupSourceNotice) core.notice(inputs.backupSourceNotice);
    const logger = actionLogger();
    try {
      report = await execute(inputs, logger);
    } finally {
      logger.finish();
    }
    if (report.status === 'failed') failure = report.error?.message ?? 'preflight failed';
  } catch (err) {
    report = (err as { report?: Report }).report ?? report;
    failure = err instanceof InputError ? err.message : (err as Error).message;
  }
  if (report) {
    reportCheckGroups(report);
    const reportPath = path.resolve(process.env.RUNNER_TEMP ?? os.tmpdir(), `${reportName}.json`);
    fs.writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    setOutputs(report, reportPath);
    try {
      const uploaded = await uploadReportArtifact(reportPath, reportName);
      core.info('skipped' in uploaded ? `report artifact not uploaded: ${uploaded.skipped}` : `report uploaded as artifact ${reportName} (id ${uploaded.id})`);
    } catch (err) {
      core.warning(`report artifact not uploaded: ${(err as Error).message}`);
    }
    await writeJobSummary(report).catch((e) => core.warning(`job summary not written: ${(e as Error).message}`));
  }
  if (failure) core.setFailed(failure);
}

// The runner ignores exports; tests that load dist/index.js await this.
export const done: Promise<void> = run();
