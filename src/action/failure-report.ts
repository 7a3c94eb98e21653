import fs from 'fs';
import { failReport, newReport, Report, resolveConnection } from '../engine';
import type { ActionInputs } from './inputs';

/**
 * A report for a failure that came before the engine made one (a failed stop-target, an error
 * the engine threw without its report): the outputs, summary and artifact need one on every path.
 */
export function reportWithoutRun(inputs: ActionInputs, err: unknown): Report {
  const report = newReport(inputs.command === 'rewind' ? 'rewind' : modeFor(inputs), sourceDisplay(inputs), inputs.targetPgdata, inputs.threads);
  if (inputs.command === 'preflight') report.command = 'preflight';
  if (inputs.command !== 'rewind') report.modeRequested = inputs.mode;
  failReport(report, err);
  return report;
}

/** AUTO's rule without touching the target: FULL for an absent or empty directory, else DELTA. */
function modeFor(inputs: ActionInputs): 'FULL' | 'DELTA' | 'PTRACK' {
  if (inputs.mode !== 'AUTO') return inputs.mode;
  try {
    return fs.readdirSync(inputs.targetPgdata).length === 0 ? 'FULL' : 'DELTA';
  } catch {
    return 'FULL';
  }
}

/** The source as reports name it (never with a password). */
function sourceDisplay(inputs: ActionInputs): string {
  try {
    return resolveConnection(inputs.source, process.env).display;
  } catch {
    return inputs.source.host ? `host ${inputs.source.host}` : 'the source given in the inputs';
  }
}
