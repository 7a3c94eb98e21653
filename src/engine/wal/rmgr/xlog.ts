/**
 * The XLOG resource manager's records (catalog/pg_control.h): which ones a reader must
 * recognize (checkpoint, switch) and the main data of end of recovery and overwrite
 * contrecord. A checkpoint's main data is ../checkpoint.ts, which pg_control shares. Pure.
 */

import type { Lsn } from '../lsn';
import { rmgrInfo, WalRecordFormatError, WalRecordHeader } from '../record-header';
import { RM_XLOG_ID } from './rmgr-ids';

export const XLOG_CHECKPOINT_SHUTDOWN = 0x00;
export const XLOG_CHECKPOINT_ONLINE = 0x10;
export const XLOG_NOOP = 0x20;
export const XLOG_NEXTOID = 0x30;
export const XLOG_SWITCH = 0x40;
export const XLOG_BACKUP_END = 0x50;
export const XLOG_PARAMETER_CHANGE = 0x60;
export const XLOG_RESTORE_POINT = 0x70;
export const XLOG_FPW_CHANGE = 0x80;
export const XLOG_END_OF_RECOVERY = 0x90;
export const XLOG_FPI_FOR_HINT = 0xa0;
export const XLOG_FPI = 0xb0;
export const XLOG_OVERWRITE_CONTRECORD = 0xd0;
/** 17+: marks the redo point of an online checkpoint. */
export const XLOG_CHECKPOINT_REDO = 0xe0;

export function isCheckpointRecord(header: Pick<WalRecordHeader, 'info' | 'rmid'>): boolean {
  const info = rmgrInfo(header);
  return header.rmid === RM_XLOG_ID && (info === XLOG_CHECKPOINT_SHUTDOWN || info === XLOG_CHECKPOINT_ONLINE);
}

export function isSwitchRecord(header: Pick<WalRecordHeader, 'info' | 'rmid'>): boolean {
  return header.rmid === RM_XLOG_ID && rmgrInfo(header) === XLOG_SWITCH;
}

/** xl_end_of_recovery: written when a promotion starts a new timeline. */
export interface EndOfRecoveryData {
  /** TimestampTz: microseconds since 2000-01-01 00:00 UTC. */
  endTime: bigint;
  timeline: number;
  prevTimeline: number;
  /** 17+ only; null before. */
  walLevel: number | null;
}

export function decodeEndOfRecovery(mainData: Buffer, pgMajor: number): EndOfRecoveryData {
  const size = pgMajor >= 17 ? 20 : 16;
  if (mainData.length < size) {
    throw new WalRecordFormatError(`end-of-recovery record data is ${mainData.length} bytes, expected ${size}`);
  }
  return {
    endTime: mainData.readBigInt64LE(0),
    timeline: mainData.readUInt32LE(8),
    prevTimeline: mainData.readUInt32LE(12),
    walLevel: pgMajor >= 17 ? mainData.readInt32LE(16) : null,
  };
}

/** xl_overwrite_contrecord: replaces the lost rest of a record after a crash (14+). */
export interface OverwriteContrecordData {
  overwrittenLsn: Lsn;
  /** TimestampTz: microseconds since 2000-01-01 00:00 UTC. */
  overwriteTime: bigint;
}

export function decodeOverwriteContrecord(mainData: Buffer): OverwriteContrecordData {
  if (mainData.length < 16) {
    throw new WalRecordFormatError(`overwrite-contrecord record data is ${mainData.length} bytes, expected 16`);
  }
  return { overwrittenLsn: mainData.readBigUInt64LE(0), overwriteTime: mainData.readBigInt64LE(8) };
}
