import * as core from '@actions/core';
import { formatProgressLine, ProgressMeter, ProgressTicker } from '../adapters/progress-meter';
import type { Logger } from '../engine';
import { ActionOutcome, runAction } from './action-run';
import { ActionInputs, InputError, readInputs } from './inputs';
import { publishOutcome } from './publish-outcome';

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

/**
 * The action: inputs, then the run's steps, then outputs, report, artifact and job summary on
 * every path after the inputs were read; one setFailed at the top.
 */
export async function run(): Promise<void> {
  let inputs: ActionInputs;
  try {
    inputs = readInputs();
  } catch (err) {
    core.setFailed(err instanceof InputError ? err.message : `inputs: ${(err as Error).message}`);
    return;
  }
  if (inputs.backupSourceNotice) core.notice(inputs.backupSourceNotice);
  const logger = actionLogger();
  let outcome: ActionOutcome;
  try {
    outcome = await runAction(inputs, logger);
  } finally {
    logger.finish();
  }
  await publishOutcome(outcome, inputs.reportName).catch((e) => core.warning(`report not published: ${(e as Error).message}`));
  if (outcome.failure) core.setFailed(outcome.failure);
}

// The runner ignores exports; tests that load dist/index.js await this.
export const done: Promise<void> = run();
