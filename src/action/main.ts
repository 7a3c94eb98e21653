import * as core from '@actions/core';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execCommandRunner } from '../adapters/exec-command-runner';
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

/** Progress at a steady interval for long phases: bytes, %, rate and ETA. */
function actionLogger(): Logger {
  let last = 0;
  const started = Date.now();
  return {
    info: (m) => core.info(m),
    warn: (m) => core.warning(m),
    debug: (m) => core.debug(m),
    progress: (p) => {
      const now = Date.now();
      if (now - last < 10_000) return;
      last = now;
      const secs = (now - started) / 1000;
      const rate = p.bytes / Math.max(secs, 0.001);
      const eta = rate > 0 ? Math.round((p.totalBytes - p.bytes) / rate) : 0;
      const pct = p.totalBytes > 0 ? Math.floor((p.bytes * 100) / p.totalBytes) : 100;
      core.info(`progress: ${(p.bytes / 1048576).toFixed(0)} of ${(p.totalBytes / 1048576).toFixed(0)} MB (${pct}%), ${(rate / 1048576).toFixed(0)} MB/s, ETA ${eta} s`);
    },
  };
}

async function execute(inputs: ActionInputs, logger: Logger): Promise<Report> {
  const common = {
    targetDir: inputs.targetPgdata, source: inputs.source, env: process.env, threads: inputs.threads,
    tablespaceMapping: inputs.tablespaceMapping, excludePaths: inputs.excludePaths,
    writeRecoveryConf: inputs.writeRecoveryConf, sync: !inputs.noSync, logger, failOnWarning: inputs.failOnWarning,
    restoreTargetWal: inputs.restoreTargetWal, keepDiscardedWal: inputs.keepDiscardedWal, targetBinDir: inputs.pgBinDir, runner: execCommandRunner, dryRun: inputs.dryRun,
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
    report = await execute(inputs, actionLogger());
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
