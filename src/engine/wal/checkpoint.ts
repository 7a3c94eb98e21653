/**
 * The CheckPoint struct (catalog/pg_control.h): the main data of checkpoint records, and the copy
 * of the last checkpoint that pg_control embeds. One decoder for both. Pure.
 */

import type { Lsn } from './lsn';

export class CheckPointFormatError extends Error {}

/** Size of CheckPoint in 15-18: 17 put wal_level into padding, so nothing moved. */
export const SIZE_OF_CHECKPOINT = 88;

/** The CheckPoint struct (catalog/pg_control.h), main data of checkpoint records. */
export interface CheckPointData {
  redo: Lsn;
  timeline: number;
  prevTimeline: number;
  fullPageWrites: boolean;
  /** 17+ only (0 minimal, 1 replica, 2 logical); null before. */
  walLevel: number | null;
  /** FullTransactionId: epoch in the high 32 bits. */
  nextFullXid: bigint;
  nextOid: number;
  nextMulti: number;
  nextMultiOffset: number;
  oldestXid: number;
  oldestXidDb: number;
  oldestMulti: number;
  oldestMultiDb: number;
  /** pg_time_t: seconds since the Unix epoch. */
  time: number;
  oldestCommitTsXid: number;
  newestCommitTsXid: number;
  oldestActiveXid: number;
}

export function decodeCheckPoint(mainData: Buffer, pgMajor: number): CheckPointData {
  if (mainData.length < SIZE_OF_CHECKPOINT) {
    throw new CheckPointFormatError(`checkpoint record data is ${mainData.length} bytes, expected ${SIZE_OF_CHECKPOINT}`);
  }
  const d = mainData;
  return {
    redo: d.readBigUInt64LE(0),
    timeline: d.readUInt32LE(8),
    prevTimeline: d.readUInt32LE(12),
    fullPageWrites: d[16] !== 0,
    walLevel: pgMajor >= 17 ? d.readInt32LE(20) : null,
    nextFullXid: d.readBigUInt64LE(24),
    nextOid: d.readUInt32LE(32),
    nextMulti: d.readUInt32LE(36),
    nextMultiOffset: d.readUInt32LE(40),
    oldestXid: d.readUInt32LE(44),
    oldestXidDb: d.readUInt32LE(48),
    oldestMulti: d.readUInt32LE(52),
    oldestMultiDb: d.readUInt32LE(56),
    time: Number(d.readBigInt64LE(64)),
    oldestCommitTsXid: d.readUInt32LE(72),
    newestCommitTsXid: d.readUInt32LE(76),
    oldestActiveXid: d.readUInt32LE(80),
  };
}
