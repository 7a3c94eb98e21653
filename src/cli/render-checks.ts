import type { CheckResult } from '../engine/preflight/check';

const MARK: Record<CheckResult['status'], string> = { pass: 'ok  ', warn: 'WARN', fail: 'FAIL', skip: 'skip' };

/** Checks as a terminal table: one line each, the fix under anything that did not pass. */
export function renderChecks(checks: CheckResult[]): string {
  const lines: string[] = [];
  for (const c of checks) {
    lines.push(`[${MARK[c.status]}] ${c.title}: ${c.detail}`);
    if (c.fix && (c.status === 'fail' || c.status === 'warn')) lines.push(`       fix: ${c.fix}`);
  }
  return lines.join('\n');
}
