import type { Report } from '../engine';

/** The steps of an action run, in order; the one that failed is named in the report and summary. */
export type StepName = 'stop' | 'preflight' | 'copy' | 'rewind' | 'start' | 'verify';

export interface StepRecord {
  name: StepName;
  status: 'done' | 'failed' | 'skipped';
  /** What the step did, or why it failed or was skipped, in words. */
  detail: string;
}

/** The run as the action saw it: each step's outcome, the first failure, the server log. */
export class ActionSteps {
  readonly steps: StepRecord[] = [];

  done(name: StepName, detail: string): void {
    this.steps.push({ name, status: 'done', detail });
  }

  failed(name: StepName, detail: string): void {
    this.steps.push({ name, status: 'failed', detail });
  }

  skipped(name: StepName, detail: string): void {
    this.steps.push({ name, status: 'skipped', detail });
  }

  get failedStep(): StepName | undefined {
    return this.steps.find((s) => s.status === 'failed')?.name;
  }

  has(name: StepName): boolean {
    return this.steps.some((s) => s.name === name && s.status === 'done');
  }
}

/**
 * Which engine step refused or failed: a failed check is the preflight; anything after the
 * checks passed is the copy (catchup) or the rewind.
 */
export function engineStep(report: Report): StepName {
  const checkFailed = report.error?.code.startsWith('preflight-') || report.error?.code === 'target-directory' || report.checks.some((c) => c.status === 'fail');
  if (report.command === 'preflight' || checkFailed) return 'preflight';
  return report.command === 'rewind' ? 'rewind' : 'copy';
}
