import { targetLogsHints, TargetState } from '../pgdata/target-state';
import type { CheckResult } from './check';

/** rewind's rule, as pg_rewind's: the target's own changes are found by page LSN, so hint bits must be WAL-logged. */
export function checkHintLogging(target: TargetState): CheckResult {
  const base = { id: 'target-hint-logging', title: 'Target has data checksums or wal_log_hints' };
  if (targetLogsHints(target)) {
    return { ...base, status: 'pass', detail: target.control.dataChecksumVersion > 0 ? 'data checksums on' : 'wal_log_hints on' };
  }
  return { ...base, status: 'fail', detail: 'the target has neither data checksums nor wal_log_hints, so hint-bit-only changes on its own branch are invisible',
    fix: 'Rebuild the target with -b FULL; turn on wal_log_hints (or data checksums) on your clusters so rewinds are possible.' };
}
