import * as core from '@actions/core';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { execCommandRunner } from '../adapters/exec-command-runner';
import { catchup, formatBytes, parseConninfo, rewind, runPreflight, startTarget, stopTarget, waitForTargetStreaming } from '../engine';
import type { Logger, Report } from '../engine';
import { ActionSteps, engineStep, StepName } from './action-steps';
import { reportWithoutRun } from './failure-report';
import type { ActionInputs } from './inputs';
import { readServerLogTail, ServerLogTail } from './server-log';

/** Everything the action publishes about a run, whatever step it ended at. */
export interface ActionOutcome {
  report: Report & { error?: Report['error'] & { step?: StepName } };
  steps: ActionSteps;
  serverLog?: ServerLogTail;
  /** setFailed's message; undefined for a run that succeeded. */
  failure?: string;
}

/** Engine errors carry their report; anything else has none. */
function attachedReport(err: unknown): Report | undefined {
  return (err as { report?: Report } | null)?.report;
}

function errorText(err: unknown): string {
  return (err as { message?: string } | null)?.message ?? String(err);
}

/**
 * The run as a list of steps: stop, the engine (preflight checks, then copy or rewind), start,
 * verify. Never throws: a failure is recorded in the outcome with the step it happened in, so
 * the outputs, report and summary are written on every path.
 */
export async function runAction(inputs: ActionInputs, logger: Logger): Promise<ActionOutcome> {
  const steps = new ActionSteps();
  let report: Report | undefined;
  try {
    if (inputs.command === 'preflight') {
      report = await runPreflight({ ...engineOptions(inputs, logger), mode: inputs.mode });
      if (report.status === 'failed') steps.failed('preflight', report.error?.message ?? 'a check failed');
      else steps.done('preflight', `${report.checks.length} checks`);
      return finish(inputs, report, steps);
    }
    if (inputs.stopTarget) await stopStep(inputs, logger, steps);
    report = await copyStep(inputs, logger, steps);
    if (inputs.startTarget) await startAndVerify(inputs, report, logger, steps);
    return finish(inputs, report, steps);
  } catch (err) {
    return failed(inputs, report, steps, err);
  }
}

async function stopStep(inputs: ActionInputs, logger: Logger, steps: ActionSteps): Promise<void> {
  const major = targetMajor(inputs.targetPgdata);
  if (major === null) {
    steps.skipped('stop', 'no data directory to stop');
    return;
  }
  try {
    const stopped = await stopTarget(inputs.targetPgdata, { major, runner: execCommandRunner, binDir: inputs.pgBinDir });
    if (stopped) logger.info('target stopped (pg_ctl stop -m fast)');
    steps.done('stop', stopped ? 'pg_ctl stop -m fast' : 'the target was not running');
  } catch (err) {
    steps.failed('stop', errorText(err));
    throw err;
  }
}

async function copyStep(inputs: ActionInputs, logger: Logger, steps: ActionSteps): Promise<Report> {
  let report: Report;
  try {
    report = inputs.command === 'rewind' ? await rewind(engineOptions(inputs, logger)) : await catchup({ ...engineOptions(inputs, logger), mode: inputs.mode });
  } catch (err) {
    const attached = attachedReport(err);
    const step = attached ? engineStep(attached) : inputs.command === 'rewind' ? 'rewind' : 'copy';
    if (step !== 'preflight') steps.done('preflight', attached ? `${attached.checks.length} checks passed` : 'passed');
    steps.failed(step, errorText(err));
    throw err;
  }
  steps.done('preflight', `${report.checks.length} checks passed`);
  const what = inputs.command === 'rewind' ? 'rewind' : 'copy';
  if (report.status === 'no-op') steps.done(what, 'no rewind required: the target was left as it was');
  else if (report.status === 'dry-run') steps.done(what, `dry run: would copy ${formatBytes(report.files.bytesPlanned)}`);
  else steps.done(what, `${report.files.copied} files copied, ${report.files.patched} patched, ${formatBytes(report.files.bytesCopied)} written`);
  return report;
}

async function startAndVerify(inputs: ActionInputs, report: Report, logger: Logger, steps: ActionSteps): Promise<void> {
  if (report.status === 'no-op') {
    // Nothing was written, not even standby.signal: starting it could make a second primary.
    const why = 'no rewind was required and the target was left exactly as it was; configure it as a standby before starting it';
    core.notice(`start-target skipped: ${why}.`);
    steps.skipped('start', why);
    return;
  }
  if (report.status !== 'success') return;
  const log = path.join(os.tmpdir(), `pg-catchup-target-${process.pid}.log`);
  const started = Date.now();
  try {
    await startTarget(inputs.targetPgdata, log, { major: targetMajor(inputs.targetPgdata)!, runner: execCommandRunner, binDir: inputs.pgBinDir });
  } catch (err) {
    steps.failed('start', errorText(err));
    throw Object.assign(err as object, { serverLogFile: log });
  }
  report.phases.push({ phase: 'start target', durationMs: Date.now() - started });
  logger.info(`target started (log: ${log})`);
  steps.done('start', `started as a standby (server log ${log})`);
  report.nextStep = `Nothing more to do: this action started the target as a standby (server log ${log}).`;
  if (inputs.verify !== 'streaming') return;
  const waited = Date.now();
  try {
    const state = await waitForTargetStreaming(inputs.targetPgdata, inputs.verifyTimeoutSeconds * 1000);
    logger.info(`target is streaming: ${state}`);
    steps.done('verify', `streaming: ${state}`);
    report.nextStep = `Nothing more to do: this action started the target, and it streams from the primary (${state}).`;
  } catch (err) {
    steps.failed('verify', errorText(err));
    throw Object.assign(err as object, { serverLogFile: log });
  } finally {
    report.phases.push({ phase: 'verify', durationMs: Date.now() - waited });
  }
}

/** A run whose steps all succeeded, or a preflight whose checks failed (a result, not an error). */
function finish(inputs: ActionInputs, report: Report, steps: ActionSteps): ActionOutcome {
  markNotReached(inputs, steps);
  const outcome: ActionOutcome = { report, steps };
  if (report.status === 'failed') outcome.failure = report.error?.message ?? 'preflight failed';
  if (report.status === 'failed' && outcome.report.error) outcome.report.error.step = steps.failedStep;
  return outcome;
}

function failed(inputs: ActionInputs, engineReport: Report | undefined, steps: ActionSteps, err: unknown): ActionOutcome {
  const report: ActionOutcome['report'] = attachedReport(err) ?? engineReport ?? reportWithoutRun(inputs, err);
  const step = steps.failedStep ?? (inputs.command === 'preflight' ? 'preflight' : inputs.command === 'rewind' ? 'rewind' : 'copy');
  if (!steps.failedStep) steps.failed(step, errorText(err));
  markNotReached(inputs, steps);
  const e = err as { code?: string; fix?: string; name?: string; serverLogFile?: string };
  report.status = 'failed';
  report.error = { code: e.code ?? 'internal', message: errorText(err), ...(e.fix ? { fix: e.fix } : {}), step };
  if (!report.nextStep || step === 'start' || step === 'verify' || step === 'stop') report.nextStep = e.fix ?? 'See the error above.';
  const outcome: ActionOutcome = { report, steps, failure: `${step} failed: ${errorText(err)}` };
  // The message may lose its generic fix below: setFailed keeps the whole of it.
  if (e.serverLogFile) {
    outcome.serverLog = readServerLogTail(e.serverLogFile, inputs.targetPgdata, secretsOf(inputs));
    const cause = outcome.serverLog?.diagnosis;
    if (cause) {
      // The cause replaces the engine's generic advice (primary_conninfo, pg_hba.conf).
      if (e.fix && report.error.message.endsWith(e.fix)) {
        report.error.message = report.error.message.slice(0, -e.fix.length).trim();
        const failedStep = steps.steps.find((s) => s.name === step);
        if (failedStep) failedStep.detail = report.error.message;
      }
      report.error.fix = `${cause[0].toUpperCase()}${cause.slice(1)}.`;
      report.nextStep = step === 'verify'
        ? 'Fix the cause above: the running target retries its connection to the primary on its own.'
        : `The ${inputs.command === 'rewind' ? 'rewind' : 'copy'} is complete, but the target did not start: fix the cause above, then pg_ctl start -D ${inputs.targetPgdata}.`;
      outcome.failure = `${outcome.failure} Cause: ${cause}.`;
    } else if (step === 'start') {
      report.nextStep = `The ${inputs.command === 'rewind' ? 'rewind' : 'copy'} is complete, but the target did not start: see its server log, fix the cause, then pg_ctl start -D ${inputs.targetPgdata}.`;
    }
  }
  return outcome;
}

/** Steps the run meant to take but did not reach, so the summary lists every step. */
function markNotReached(inputs: ActionInputs, steps: ActionSteps): void {
  const planned: StepName[] = inputs.command === 'preflight' ? ['preflight'] : [
    ...(inputs.stopTarget ? ['stop' as const] : []), 'preflight', inputs.command === 'rewind' ? 'rewind' : 'copy',
    ...(inputs.startTarget ? ['start' as const] : []), ...(inputs.verify === 'streaming' ? ['verify' as const] : []),
  ];
  for (const name of planned) {
    if (!steps.steps.some((s) => s.name === name)) steps.skipped(name, 'not run: an earlier step failed or had nothing to do');
  }
  steps.steps.sort((a, b) => planned.indexOf(a.name) - planned.indexOf(b.name));
}

/** Passwords to mask in anything shown from the server log. */
function secretsOf(inputs: ActionInputs): string[] {
  const secrets = [inputs.source.password ?? ''];
  try {
    if (inputs.source.dbname) secrets.push(parseConninfo(inputs.source.dbname).password ?? '');
  } catch {
    // Not a conninfo: a database name holds no password.
  }
  return secrets.filter((s) => s !== '');
}

function engineOptions(inputs: ActionInputs, logger: Logger) {
  return {
    targetDir: inputs.targetPgdata, source: inputs.sourcePgdata && !inputs.sourceNamed ? undefined : inputs.source, sourcePgdata: inputs.sourcePgdata,
    env: process.env, threads: inputs.threads,
    tablespaceMapping: inputs.tablespaceMapping, excludePaths: inputs.excludePaths,
    writeRecoveryConf: inputs.writeRecoveryConf, storePassword: inputs.storePassword, sync: !inputs.noSync, logger, failOnWarning: inputs.failOnWarning,
    restoreTargetWal: inputs.restoreTargetWal, sourceRestoreCommand: inputs.sourceRestoreCommand, keepDiscardedWal: inputs.keepDiscardedWal,
    maxRateBytesPerSecond: inputs.maxRateBytesPerSecond, compress: inputs.compress, syncMethod: inputs.syncMethod, targetBinDir: inputs.pgBinDir, runner: execCommandRunner, dryRun: inputs.dryRun,
  };
}

function targetMajor(dir: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(dir, 'PG_VERSION'), 'utf8').trim());
  } catch {
    return null;
  }
}
