import * as core from '@actions/core';
import { describeConnectionReport, formatBytes, refusalMessage, userRelationsFirst } from '../engine';
import type { Report } from '../engine';
import { runTitle } from '../adapters/run-title';
import type { StepRecord } from './action-steps';
import { escapeHtml, htmlTable } from './html-table';
import type { ServerLogTail } from './server-log';

const ICON: Record<string, string> = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', skip: '➖ skip', done: '✅ done', failed: '❌ failed', skipped: '➖ not run' };

export interface SummaryContext {
  steps?: StepRecord[];
  serverLog?: ServerLogTail;
}

type StepError = Report['error'] & { step?: string };

/** The report as a job summary: the result, what failed and what to do, the steps, the checks, the figures. */
export async function writeJobSummary(report: Report, context: SummaryContext = {}): Promise<void> {
  await core.summary.addRaw(jobSummaryHtml(report, context), true).write();
}

export function jobSummaryHtml(report: Report, context: SummaryContext = {}): string {
  const error = report.error as StepError | undefined;
  const parts: string[] = [];
  const status = error?.step ? `${report.status} at ${error.step}` : report.status;
  parts.push(`<h2>${escapeHtml(`pg-catchup ${runTitle(report)}: ${status}`)}</h2>`);
  if (error) parts.push(`<p><b>${escapeHtml(error.step ? `Failed step: ${error.step}.` : 'Error:')}</b> ${escapeHtml(errorText(report, error))}</p>`);
  if (context.serverLog?.diagnosis) parts.push(`<p><b>Cause:</b> ${escapeHtml(context.serverLog.diagnosis)}</p>`);
  if (report.nextStep) parts.push(`<p><b>Next step:</b> ${escapeHtml(report.nextStep)}</p>`);
  if (report.divergence) parts.push(`<p><b>Divergence:</b> ${escapeHtml(report.divergence.detail)}</p>`);
  if (context.steps?.length) {
    parts.push('<h3>Steps</h3>', htmlTable(['step', 'status', 'what happened'], context.steps.map((s) => [s.name, ICON[s.status], s.detail])));
  }
  if (context.serverLog) {
    parts.push(`<h3>The target's server log (last ${context.serverLog.lines.length} lines of ${escapeHtml(context.serverLog.path)})</h3>`,
      `<pre>${escapeHtml(context.serverLog.lines.join('\n'))}</pre>`);
  }
  parts.push('<h3>Checks</h3>', htmlTable(['status', 'found', 'fix', 'check'], report.checks.map((c) => [ICON[c.status] ?? c.status, c.detail, c.fix ?? '', c.title])));
  parts.push('<h3>Figures</h3>', htmlTable(['figure', 'value'], figures(report)));
  if (report.corruptPages?.length) {
    parts.push('<h3>Corrupt pages on the source</h3>', htmlTable(['file', 'block', 'LSN', 'problem'],
      report.corruptPages.map((c) => [c.path, String(c.blockNo), c.lsn, `${c.reason} (stored ${c.storedChecksum}, computed ${c.computedChecksum})`])));
  }
  if (report.discarded) parts.push(...discarded(report.discarded, report.status === 'dry-run'));
  if (report.warnings.length > 0) parts.push(`<ul>${report.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`);
  return parts.join('\n');
}

/** A failed check's refusal says what is wrong first, whichever part of the engine wrote the message. */
function errorText(report: Report, error: StepError): string {
  const check = error.code.startsWith('preflight-') ? report.checks.find((c) => `preflight-${c.id}` === error.code) : undefined;
  return check ? refusalMessage(check) : error.message;
}

/** Bytes for people, with the exact count after them. */
function bytes(n: number): string {
  return n < 1024 ? `${n} B` : `${formatBytes(n)} (${n} bytes)`;
}

function figures(report: Report): string[][] {
  const f = report.files;
  return [
    ['mode requested / used', `${report.modeRequested ?? report.mode} / ${report.mode}`],
    ['source', report.source.connection],
    ...(report.connection ? [['server chosen, encryption', describeConnectionReport(report.connection)]] : []),
    ['source version, system identifier, timeline', [report.source.serverVersion, report.source.systemIdentifier, report.source.timeline].filter((x) => x !== undefined).join(', ') || 'not reached'],
    ['target', report.target.path],
    ['reference LSN (R)', report.lsn.reference ? `${report.lsn.reference} (${report.reference ?? ''})` : 'none'],
    ...(report.history ? [["target's history on the source", report.history.startsWith('unverified') ? `⚠️ ${report.history}: synced as possibly diverged (docs/safety.md)` : report.history]] : []),
    ['backup start / stop LSN', `${report.lsn.backupStart ?? 'none'} / ${report.lsn.backupStop ?? 'none'}`],
    ['files copied / patched / removed / skipped', `${f.copied} / ${f.patched} / ${f.deleted} / ${f.skipped}`],
    ['blocks copied', String(f.blocksCopied)],
    ['planned / copied', `${bytes(f.bytesPlanned)} / ${bytes(f.bytesCopied)}`],
    ['WAL streamed', `${f.walSegments} segment(s), ${bytes(f.walBytes)}`],
    ...(report.changeSources ?? []).map((c) => [`changed blocks (${c.side})`, `${c.method}: ${c.filesScanned} files scanned, ${c.blocksFound} blocks; ${c.detail}`]),
    ...(report.tablespaces ?? []).map((t) => [`tablespace ${t.oid}`, `${t.sourceLocation} → ${t.targetLocation} (${t.placement})`]),
    ...(report.excludedPaths?.length ? [['kept untouched (exclude-path)', report.excludedPaths.join(', ')]] : []),
    ...(report.pagesValidated !== undefined ? [['page checksums verified / corrupt', `${report.pagesValidated} / ${report.corruptPages?.length ?? 0}`]] : []),
    ...(report.phases.length ? [['phases', report.phases.map((p) => `${p.phase} ${(p.durationMs / 1000).toFixed(1)} s`).join(', ')]] : []),
    ['duration', `${(report.durationMs / 1000).toFixed(1)} s`],
  ];
}

/** What the diverged target did after the fork and the sync throws away: its own table, the user's tables first. */
function discarded(all: NonNullable<Report['discarded']>, dryRun: boolean): string[] {
  const heading = `<h3>${dryRun ? 'Work the sync would discard (the target after the fork)' : 'Work discarded (the target after the fork)'}</h3>`;
  if (!all.available) return [heading, `<p>Not known: ${escapeHtml(all.detail)}</p>`];
  const d = { ...all, relations: userRelationsFirst(all.relations ?? []) };
  const names = (xs: Array<string | null>) => xs.map((x) => x ?? '(not known to the source)').join(', ') || 'none';
  return [heading, htmlTable(['item', 'value'], [
    ['committed transactions', String(d.committedTransactions)],
    ['first / last commit', `${d.firstCommitAt ?? 'none'} / ${d.lastCommitAt ?? 'none'}`],
    ['aborted transactions', String(d.abortedTransactions)],
    ['WAL', `${d.fromLsn} .. ${d.toLsn} (${bytes(d.walBytes ?? 0)}, ${d.records} records)`],
    ['databases', names(d.databases!.map((x) => x.name ?? `oid ${x.oid}`))],
    [`relations (${d.relationsTotal})`, names(d.relations!.map((r) => (r.name ? `${r.database ?? ''}.${r.name}` : `relfilenode ${r.relfilenode} in ${r.database ?? `database ${r.databaseOid}`}`)))],
    ['complete', d.complete ? 'yes' : `no: ${d.detail}`],
    ...(d.keptIn ? [['WAL kept in', d.keptIn]] : []),
  ])];
}
