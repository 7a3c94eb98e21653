import type { CheckResult } from '../engine';

const MARK: Record<CheckResult['status'], string> = { pass: 'ok  ', warn: 'WARN', fail: 'FAIL', skip: 'skip' };

/**
 * Checks as a terminal table, one line each. A check that did not pass says what is wrong first
 * and names the check after it: "Title: what was found" would read as the title's opposite.
 */
export function renderChecks(checks: CheckResult[]): string {
  const lines: string[] = [];
  for (const c of checks) {
    lines.push(c.status === 'fail' || c.status === 'warn' ? `[${MARK[c.status]}] ${c.detail} (check: ${c.title})` : `[${MARK[c.status]}] ${c.title}: ${c.detail}`);
    if (c.fix && (c.status === 'fail' || c.status === 'warn')) lines.push(`       fix: ${c.fix}`);
  }
  return lines.join('\n');
}
