import { CatchupError } from '../errors';

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** One preflight verification: what was checked, what was found, and how to fix a failure. */
export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
  fix?: string;
}

/**
 * Stops the run before any write when a check failed (design: refusals leave the target
 * untouched); with failOnWarning, a warning stops it too.
 */
export function assertChecksPass(results: CheckResult[], failOnWarning = false): void {
  const failed = results.find((r) => r.status === 'fail') ?? (failOnWarning ? results.find((r) => r.status === 'warn') : undefined);
  if (!failed) return;
  throw new CatchupError(`preflight-${failed.id}`, refusalMessage(failed), failed.fix);
}

/**
 * A failed check as a sentence: what is wrong first, then which check found it. Starting with the
 * title ("Target is cleanly shut down: a postmaster ... is running") reads as its opposite.
 */
export function refusalMessage(check: CheckResult): string {
  const why = check.status === 'warn' ? 'a warning of the check' : 'the check';
  const suffix = check.status === 'warn' ? ', and fail-on-warning is set' : '';
  return `${check.detail} (${why} "${check.title}"${suffix}).`;
}
