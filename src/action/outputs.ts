import * as core from '@actions/core';
import type { Report } from '../engine';

/** The action's outputs, from the report (action.yml documents each); report-path is empty when the file could not be written. */
export function setOutputs(report: Report, reportPath: string): void {
  core.setOutput('status', report.status);
  core.setOutput('mode', report.mode);
  core.setOutput('bytes-copied', report.files.bytesCopied);
  core.setOutput('files-copied', report.files.copied);
  core.setOutput('blocks-copied', report.files.blocksCopied);
  core.setOutput('start-lsn', report.lsn.backupStart ?? '');
  core.setOutput('stop-lsn', report.lsn.backupStop ?? '');
  core.setOutput('divergence-lsn', report.divergence?.forkLsn ?? '');
  core.setOutput('discarded-commits', report.discarded?.committedTransactions ?? '');
  core.setOutput('duration-seconds', (report.durationMs / 1000).toFixed(1));
  core.setOutput('report-path', reportPath);
  core.setOutput('failed-step', (report.error as { step?: string } | undefined)?.step ?? '');
}

/** Each preflight check as its own log group: status in the title, what was found and the fix inside. */
export function reportCheckGroups(report: Report): void {
  for (const c of report.checks) {
    core.startGroup(`check ${c.id}: ${c.status.toUpperCase()} - ${c.title}`);
    core.info(c.detail);
    if (c.fix) core.info(`fix: ${c.fix}`);
    core.endGroup();
  }
}
