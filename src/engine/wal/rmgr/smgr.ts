/** The Storage resource manager's records (catalog/storage_xlog.h): a relation fork file created or truncated. Pure. */

import { WalRecordFormatError } from '../record-header';
import type { RelFileLocator } from '../rel-file-locator';

export const XLOG_SMGR_CREATE = 0x10;
export const XLOG_SMGR_TRUNCATE = 0x20;
export const SMGR_TRUNCATE_HEAP = 0x0001;
export const SMGR_TRUNCATE_VM = 0x0002;
export const SMGR_TRUNCATE_FSM = 0x0004;

/** xl_smgr_create: a relation fork file was created. */
export interface SmgrCreateData {
  rel: RelFileLocator;
  forkNumber: number;
}

export function decodeSmgrCreate(mainData: Buffer): SmgrCreateData {
  if (mainData.length < 16) throw new WalRecordFormatError(`smgr create record data is ${mainData.length} bytes, expected 16`);
  return {
    rel: { spcOid: mainData.readUInt32LE(0), dbOid: mainData.readUInt32LE(4), relNumber: mainData.readUInt32LE(8) },
    forkNumber: mainData.readInt32LE(12),
  };
}

/** xl_smgr_truncate: the relation's forks named by `flags` were cut to `blockNo` blocks. */
export interface SmgrTruncateData {
  blockNo: number;
  rel: RelFileLocator;
  flags: number;
}

export function decodeSmgrTruncate(mainData: Buffer): SmgrTruncateData {
  if (mainData.length < 20) throw new WalRecordFormatError(`smgr truncate record data is ${mainData.length} bytes, expected 20`);
  return {
    blockNo: mainData.readUInt32LE(0),
    rel: { spcOid: mainData.readUInt32LE(4), dbOid: mainData.readUInt32LE(8), relNumber: mainData.readUInt32LE(12) },
    flags: mainData.readInt32LE(16),
  };
}
