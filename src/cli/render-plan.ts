import { describeDiscarded, formatBytes } from '../engine';
import type { Report } from '../engine';
import { renderChecks } from './render-checks';

/** What a --dry-run would do, for a person reading a terminal. */
export function renderPlan(r: Report): string {
  if (r.mode === 'FULL') {
    return [
      `dry run (FULL): nothing was changed in ${r.target.path}`,
      renderChecks(r.checks),
      `would copy about ${formatBytes(r.files.bytesPlanned)} (the source's databases) plus the WAL written meanwhile`,
    ].join('\n');
  }
  return [
    `dry run (${r.mode}): nothing was changed in ${r.target.path}`,
    `target: timeline ${r.target.timeline}, position ${r.target.position}, state "${r.target.state}"`,
    `divergence: ${r.divergence?.detail ?? 'unknown'}`,
    ...(r.history ? [`history: ${r.history}`] : []),
    `reference LSN R: ${r.lsn.reference} (${r.reference})`,
    `would copy ${r.files.copied} files whole, patch ${r.files.patched} relation files (${r.files.blocksCopied} blocks), remove ${r.files.deleted} paths`,
    `bytes to copy: ${r.files.bytesPlanned} (${formatBytes(r.files.bytesPlanned)})`,
    ...(r.dryRun ? [`estimate: ${r.dryRun.detail}`] : []),
    ...(r.discarded ? [`discarded: ${describeDiscarded(r.discarded, true)}`] : []),
  ].join('\n');
}
