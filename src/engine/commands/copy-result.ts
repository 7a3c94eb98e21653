import type { ValidationResult } from '../copy/page-validation';
import { CatchupError } from '../errors';
import { recordValidation, Report } from '../report/report';
import type { SourceCopyResult } from '../source/source-copy';
import { formatLsn } from '../wal/lsn';

/**
 * What every mode reports of its copy (LSNs, bytes, WAL, validation); then a corrupt source page
 * fails the run, after the target is complete.
 */
export function recordCopyResult(report: Report, result: SourceCopyResult, wroteRecoveryConf: boolean): void {
  report.lsn.backupStart = formatLsn(result.startLsn);
  report.lsn.backupStop = formatLsn(result.stopLsn);
  report.files.bytesCopied = result.copy.bytesCopied;
  report.files.walSegments = result.walSegments;
  report.files.walBytes = result.walBytes;
  report.wroteRecoveryConf = wroteRecoveryConf;
  recordValidation(report, result.validation);
  assertNoSourceCorruption(result.validation);
}

/**
 * Rule 9's outcome for the run: the target is a faithful copy either way, but corruption on the
 * source must not pass as a success (pg_basebackup exits non-zero for it too).
 */
function assertNoSourceCorruption(validation: ValidationResult | null): void {
  if (!validation || validation.corrupt.length === 0) return;
  const shown = validation.corrupt.slice(0, 5).map((c) => `${c.path} block ${c.blockNo} (LSN ${c.lsn})`).join(', ');
  throw new CatchupError('source-corruption',
    `The sync completed, but ${validation.corrupt.length} page(s) on the source failed checksum verification: ${shown}${validation.corrupt.length > 5 ? ', ...' : ''}. ` +
      'The target holds the same pages as the source; the report lists every one.',
    'Investigate the source now (pg_checksums --check on a stopped copy, amcheck), and restore the affected relations from a backup; the target is startable but carries the same damage.');
}

