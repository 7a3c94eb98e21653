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
  const suffix = failed.status === 'warn' ? ' (a warning, and fail-on-warning is set)' : '';
  throw new CatchupError(`preflight-${failed.id}`, `${failed.title}: ${failed.detail}${suffix}.`, failed.fix);
}
