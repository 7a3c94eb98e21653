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

/** Stops the run before any write when a check failed (design: refusals leave the target untouched). */
export function assertChecksPass(results: CheckResult[]): void {
  const failed = results.find((r) => r.status === 'fail');
  if (failed) throw new CatchupError(`preflight-${failed.id}`, `${failed.title}: ${failed.detail}.`, failed.fix);
}
