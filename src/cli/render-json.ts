import { CatchupError, TOOL_VERSION } from '../engine';
import type { Report } from '../engine';
import { UsageError } from './usage-error';

/** --json's stdout: the report and the exit status, one object, whether the run succeeded or not. */
export function renderJsonResult(report: Report, exitCode: number): string {
  return `${JSON.stringify({ ...report, exitCode }, null, 2)}\n`;
}

/**
 * --json's stdout for a run that was refused or failed: its report when it got that far (the
 * error and its fix are in it), else an object with what is known, so a caller parsing stdout
 * always gets the error, its fix and the exit status.
 */
export function renderJsonFailure(command: string | undefined, err: unknown, exitCode: number): string {
  const report = (err as { report?: Report } | null)?.report;
  if (report) return renderJsonResult(report, exitCode);
  const message = (err as { message?: string } | null)?.message ?? String(err);
  const error = err instanceof UsageError
    ? { code: 'usage', message, fix: `See pg-catchup ${err.command ?? ''} --help`.replace('  ', ' ') }
    : err instanceof CatchupError
      ? { code: err.code, message, ...(err.fix ? { fix: err.fix } : {}) }
      : { code: 'internal', message };
  return `${JSON.stringify({ tool: 'pg-catchup', version: TOOL_VERSION, ...(command ? { command } : {}), status: 'failed', error, exitCode }, null, 2)}\n`;
}
