import * as core from '@actions/core';
import type { Report } from '../engine/report/report';

/** The report as a job summary: the result first, then the checks that led to it. */
export async function writeJobSummary(report: Report): Promise<void> {
  const s = core.summary.addHeading(`pg-catchup ${report.mode}: ${report.status}`, 2);
  if (report.error) s.addRaw(`<p><b>Error:</b> ${escapeHtml(report.error.message)}</p>`, true);
  s.addTable([
    [{ data: 'item', header: true }, { data: 'value', header: true }],
    ['source', escapeHtml(report.source.connection)],
    ['server version', report.source.serverVersion ?? ''],
    ['system identifier', report.source.systemIdentifier ?? ''],
    ['target', escapeHtml(report.target.path)],
    ['backup start LSN', report.lsn.backupStart ?? ''],
    ['backup stop LSN', report.lsn.backupStop ?? ''],
    ['files copied', String(report.files.copied)],
    ['bytes copied', String(report.files.bytesCopied)],
    ['WAL segments', String(report.files.walSegments)],
    ['duration', `${(report.durationMs / 1000).toFixed(1)} s`],
  ]);
  s.addHeading('Preflight', 3);
  s.addTable([
    [{ data: 'check', header: true }, { data: 'status', header: true }, { data: 'detail', header: true }],
    ...report.checks.map((c) => [escapeHtml(c.title), c.status, escapeHtml(c.fix ? `${c.detail}. ${c.fix}` : c.detail)]),
  ]);
  await s.write();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
