import * as core from '@actions/core';
import type { Report } from '../engine/report/report';

const ICON: Record<string, string> = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', skip: '➖ skip' };

/** The report as a job summary: the result and next step, the checks, then the figures. */
export async function writeJobSummary(report: Report): Promise<void> {
  const s = core.summary.addHeading(`pg-catchup ${report.command} ${report.mode}: ${report.status}`, 2);
  if (report.error) s.addRaw(`<p><b>Error:</b> ${escapeHtml(report.error.message)}</p>`, true);
  if (report.nextStep) s.addRaw(`<p><b>Next step:</b> ${escapeHtml(report.nextStep)}</p>`, true);
  if (report.divergence) s.addRaw(`<p><b>Divergence:</b> ${escapeHtml(report.divergence.detail)}</p>`, true);
  s.addHeading('Checks', 3);
  s.addTable([
    [{ data: 'check', header: true }, { data: 'status', header: true }, { data: 'found', header: true }, { data: 'fix', header: true }],
    ...report.checks.map((c) => [escapeHtml(c.title), ICON[c.status] ?? c.status, escapeHtml(c.detail), escapeHtml(c.fix ?? '')]),
  ]);
  s.addHeading('Figures', 3);
  const f = report.files;
  s.addTable([
    [{ data: 'figure', header: true }, { data: 'value', header: true }],
    ['mode requested / used', `${report.modeRequested ?? report.mode} / ${report.mode}`],
    ['source', escapeHtml(report.source.connection)],
    ['source version, system identifier, timeline', `${report.source.serverVersion ?? ''}, ${report.source.systemIdentifier ?? ''}, ${report.source.timeline ?? ''}`],
    ['target', escapeHtml(report.target.path)],
    ['reference LSN (R)', report.lsn.reference ? `${report.lsn.reference} (${escapeHtml(report.reference ?? '')})` : ''],
    ['backup start / stop LSN', `${report.lsn.backupStart ?? ''} / ${report.lsn.backupStop ?? ''}`],
    ['files copied / patched / removed / skipped', `${f.copied} / ${f.patched} / ${f.deleted} / ${f.skipped}`],
    ['blocks copied', String(f.blocksCopied)],
    ['bytes planned / copied', `${f.bytesPlanned} / ${f.bytesCopied}`],
    ['WAL streamed', `${f.walSegments} segment(s), ${f.walBytes} bytes`],
    ...(report.changeSources ?? []).map((c) => [`changed blocks (${c.side})`, escapeHtml(`${c.method}: ${c.filesScanned} files scanned, ${c.blocksFound} blocks; ${c.detail}`)]),
    ...(report.tablespaces ?? []).map((t) => [`tablespace ${t.oid}`, escapeHtml(`${t.sourceLocation} → ${t.targetLocation} (${t.placement})`)]),
    ...(report.excludedPaths?.length ? [['kept untouched (exclude-path)', escapeHtml(report.excludedPaths.join(', '))]] : []),
    ...(report.pagesValidated !== undefined ? [['page checksums verified / corrupt', `${report.pagesValidated} / ${report.corruptPages?.length ?? 0}`]] : []),
    ['duration', `${(report.durationMs / 1000).toFixed(1)} s`],
  ]);
  if (report.corruptPages?.length) {
    s.addHeading('Corrupt pages on the source', 3);
    s.addTable([
      [{ data: 'file', header: true }, { data: 'block', header: true }, { data: 'LSN', header: true }, { data: 'problem', header: true }],
      ...report.corruptPages.map((c) => [escapeHtml(c.path), String(c.blockNo), c.lsn, escapeHtml(`${c.reason} (stored ${c.storedChecksum}, computed ${c.computedChecksum})`)]),
    ]);
  }
  if (report.discarded) addDiscarded(s, report.discarded, report.status === 'dry-run');
  if (report.warnings.length > 0) s.addList(report.warnings.map(escapeHtml));
  await s.write();
}

/** What the diverged target did after the fork and the sync throws away: its own table. */
function addDiscarded(s: typeof core.summary, d: NonNullable<Report['discarded']>, dryRun: boolean): void {
  s.addHeading(dryRun ? 'Work the sync would discard (the target after the fork)' : 'Work discarded (the target after the fork)', 3);
  if (!d.available) {
    s.addRaw(`<p>Not known: ${escapeHtml(d.detail)}</p>`, true);
    return;
  }
  const names = (xs: Array<string | null>) => escapeHtml(xs.map((x) => x ?? '(not known to the source)').join(', ')) || 'none';
  s.addTable([
    [{ data: 'item', header: true }, { data: 'value', header: true }],
    ['committed transactions', String(d.committedTransactions)],
    ['first / last commit', `${d.firstCommitAt ?? ''} / ${d.lastCommitAt ?? ''}`],
    ['aborted transactions', String(d.abortedTransactions)],
    ['WAL', `${d.fromLsn} .. ${d.toLsn} (${d.walBytes} bytes, ${d.records} records)`],
    ['databases', names(d.databases!.map((x) => x.name ?? `oid ${x.oid}`))],
    [`relations (${d.relationsTotal})`, names(d.relations!.map((r) => (r.name ? `${r.database ?? ''}.${r.name}` : `relfilenode ${r.relfilenode} in ${r.database ?? `database ${r.databaseOid}`}`)))],
    ['complete', d.complete ? 'yes' : escapeHtml(`no: ${d.detail}`)],
    ...(d.keptIn ? [['WAL kept in', escapeHtml(d.keptIn)]] : []),
  ]);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
