import { describeConnectionReport, describeDiscarded, formatBytes } from '../engine';
import type { Report } from '../engine';
import { runTitle } from '../adapters/run-title';

/** The end of a run for a person at a terminal: what happened, the figures, what to do next. */
export function renderSummary(r: Report): string {
  const f = r.files;
  const lines = [
    `${runTitle(r)}: ${r.status}`,
    `source: ${r.source.connection}${r.source.serverVersion ? `, PostgreSQL ${r.source.serverVersion}` : ''}${r.source.timeline ? `, timeline ${r.source.timeline}` : ''}`,
    `target: ${r.target.path}`,
  ];
  if (r.connection) lines.splice(2, 0, `server: ${describeConnectionReport(r.connection)}`);
  if (r.divergence) lines.push(`divergence: ${r.divergence.detail}`);
  if (r.history) lines.push(`history: ${r.history}`);
  if (r.discarded) lines.push(`discarded: ${describeDiscarded(r.discarded, r.status === 'dry-run')}${r.discarded.keptIn ? `; its WAL is kept in ${r.discarded.keptIn}` : ''}`);
  if (r.lsn.reference) lines.push(`reference LSN R: ${r.lsn.reference} (${r.reference})`);
  if (r.lsn.backupStart) lines.push(`WAL: ${r.lsn.backupStart}..${r.lsn.backupStop ?? '?'}, ${f.walSegments} segment(s)`);
  lines.push(`files: ${f.copied} copied whole, ${f.patched} patched (${f.blocksCopied} blocks, ${f.truncated} truncated), ${f.deleted} removed; ${formatBytes(f.bytesCopied)} written`);
  for (const c of r.changeSources ?? []) lines.push(`changed blocks, ${c.side} side: ${c.method}, ${c.filesScanned} files scanned, ${c.blocksFound} blocks (${c.detail})`);
  for (const t of r.tablespaces ?? []) lines.push(`tablespace ${t.oid}: ${t.sourceLocation} -> ${t.targetLocation} (${t.placement})`);
  if (r.excludedPaths?.length) lines.push(`kept untouched (--exclude-path): ${r.excludedPaths.join(', ')}`);
  if (r.pagesValidated !== undefined) lines.push(`page checksums verified: ${r.pagesValidated}${r.corruptPages?.length ? `, CORRUPT on the source: ${r.corruptPages.length}` : ''}`);
  for (const c of r.corruptPages ?? []) lines.push(`corrupt page: ${c.path} block ${c.blockNo}, LSN ${c.lsn}, ${c.reason} (stored ${c.storedChecksum}, computed ${c.computedChecksum})`);
  if (r.phases.length > 0) lines.push(`phases: ${r.phases.map((p) => `${p.phase} ${(p.durationMs / 1000).toFixed(2)} s`).join(', ')}`);
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  if (r.nextStep) lines.push(`next: ${r.nextStep}`);
  return lines.join('\n');
}
