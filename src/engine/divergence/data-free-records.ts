/**
 * Which WAL records leave every data page as it was: a target ahead of its source on the same
 * timeline only by such records (the shutdown checkpoint that crash recovery writes, a WAL
 * switch, running-xacts snapshots) holds nothing the source lacks. Pure.
 *
 * A record qualifies only when it references no block and its resource manager changes no
 * relation, commit status or catalog map: XLOG's bookkeeping records and Standby's
 * (lock, running-xacts and invalidation messages for hot standby). Everything else counts as
 * data, including XLOG's page images (FPI, FPI_FOR_HINT), commit and abort records (the
 * commit log), CLOG, MultiXact, RelMap and Sequence: when in doubt it is data, and the target
 * keeps being refused.
 */

import { rmgrInfo, WalRecordHeader } from '../wal/record-header';
import { RM_LOGICALMSG_ID, RM_STANDBY_ID, RM_XLOG_ID, rmgrName } from '../wal/rmgr/rmgr-ids';
import {
  XLOG_BACKUP_END,
  XLOG_CHECKPOINT_ONLINE,
  XLOG_CHECKPOINT_REDO,
  XLOG_CHECKPOINT_SHUTDOWN,
  XLOG_END_OF_RECOVERY,
  XLOG_FPI_FOR_HINT,
  XLOG_FPW_CHANGE,
  XLOG_NEXTOID,
  XLOG_NOOP,
  XLOG_OVERWRITE_CONTRECORD,
  XLOG_PARAMETER_CHANGE,
  XLOG_RESTORE_POINT,
  XLOG_SWITCH,
} from '../wal/rmgr/xlog';

const XLOG_NAMES: ReadonlyMap<number, string> = new Map([
  [XLOG_CHECKPOINT_SHUTDOWN, 'CHECKPOINT_SHUTDOWN'],
  [XLOG_CHECKPOINT_ONLINE, 'CHECKPOINT_ONLINE'],
  [XLOG_NOOP, 'NOOP'],
  // The next OID counter: a primary's bookkeeping, no page changes.
  [XLOG_NEXTOID, 'NEXTOID'],
  [XLOG_SWITCH, 'SWITCH'],
  [XLOG_BACKUP_END, 'BACKUP_END'],
  [XLOG_PARAMETER_CHANGE, 'PARAMETER_CHANGE'],
  [XLOG_RESTORE_POINT, 'RESTORE_POINT'],
  [XLOG_FPW_CHANGE, 'FPW_CHANGE'],
  [XLOG_END_OF_RECOVERY, 'END_OF_RECOVERY'],
  [XLOG_OVERWRITE_CONTRECORD, 'OVERWRITE_CONTRECORD'],
  [XLOG_CHECKPOINT_REDO, 'CHECKPOINT_REDO'],
]);

export interface RecordShape extends Pick<WalRecordHeader, 'rmid' | 'info'> {
  blocks: readonly unknown[];
}

/**
 * A page image logged because hint bits changed (data checksums or wal_log_hints): the rows and
 * their visibility are the same, but the page now carries an LSN past the source's position. A
 * target that kept it would skip the source's record at that LSN when it replays the source's
 * WAL (redo skips a page whose LSN is not older), so such blocks must be copied from the source.
 */
export function isHintPageImage(record: RecordShape): boolean {
  return record.rmid === RM_XLOG_ID && rmgrInfo(record) === XLOG_FPI_FOR_HINT;
}

/** The record's name when it changes no data (e.g. "XLOG/CHECKPOINT_SHUTDOWN"), null when it may. */
export function dataFreeRecordName(record: RecordShape): string | null {
  if (record.blocks.length > 0) return null;
  if (record.rmid === RM_XLOG_ID) {
    const name = XLOG_NAMES.get(rmgrInfo(record));
    return name === undefined ? null : `XLOG/${name}`;
  }
  // Standby: locks, running transactions and invalidations, for hot standby only.
  // LogicalMessage: a message for logical decoding, stored in no relation.
  if (record.rmid === RM_STANDBY_ID || record.rmid === RM_LOGICALMSG_ID) return rmgrName(record.rmid);
  return null;
}

/** How a record that may change data is named in messages: resource manager and info byte. */
export function recordKindName(record: Pick<WalRecordHeader, 'rmid' | 'info'>): string {
  return `${rmgrName(record.rmid)} (info 0x${rmgrInfo(record).toString(16).padStart(2, '0')})`;
}
