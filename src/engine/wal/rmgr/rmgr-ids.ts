/**
 * Resource manager IDs (access/rmgrlist.h; the same list in 15-18): what a record's xl_rmid
 * says, and so which decoder in this folder reads its main data. Pure.
 */

export const RM_XLOG_ID = 0;
export const RM_XACT_ID = 1;
export const RM_SMGR_ID = 2;
export const RM_CLOG_ID = 3;
export const RM_DBASE_ID = 4;
export const RM_TBLSPC_ID = 5;
export const RM_MULTIXACT_ID = 6;
export const RM_RELMAP_ID = 7;
export const RM_STANDBY_ID = 8;
export const RM_HEAP2_ID = 9;
export const RM_HEAP_ID = 10;
export const RM_BTREE_ID = 11;
export const RM_HASH_ID = 12;
export const RM_GIN_ID = 13;
export const RM_GIST_ID = 14;
export const RM_SEQ_ID = 15;
export const RM_SPGIST_ID = 16;
export const RM_BRIN_ID = 17;
export const RM_COMMIT_TS_ID = 18;
export const RM_REPLORIGIN_ID = 19;
export const RM_GENERIC_ID = 20;
export const RM_LOGICALMSG_ID = 21;
export const RM_MAX_BUILTIN_ID = RM_LOGICALMSG_ID;
/** Custom (extension) resource managers use 128-255 (15+). */
export const RM_MIN_CUSTOM_ID = 128;

/** Names as pg_waldump --rmgr=list and pg_walinspect print them, indexed by rmgr ID. */
export const RMGR_NAMES: readonly string[] = [
  'XLOG',
  'Transaction',
  'Storage',
  'CLOG',
  'Database',
  'Tablespace',
  'MultiXact',
  'RelMap',
  'Standby',
  'Heap2',
  'Heap',
  'Btree',
  'Hash',
  'Gin',
  'Gist',
  'Sequence',
  'SPGist',
  'BRIN',
  'CommitTs',
  'ReplicationOrigin',
  'Generic',
  'LogicalMessage',
];

export function rmgrName(rmid: number): string {
  if (rmid <= RM_MAX_BUILTIN_ID) return RMGR_NAMES[rmid];
  return rmid >= RM_MIN_CUSTOM_ID ? `custom${String(rmid).padStart(3, '0')}` : `unknown${rmid}`;
}

/** RmgrIdIsValid: built-in or custom. */
export function isValidRmgrId(rmid: number): boolean {
  return rmid <= RM_MAX_BUILTIN_ID || (rmid >= RM_MIN_CUSTOM_ID && rmid <= 255);
}
