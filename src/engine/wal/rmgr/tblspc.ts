/** The Tablespace resource manager's records (commands/tablespace.h): a tablespace created or dropped. Pure. */

import { rmgrInfo, WalRecordFormatError, WalRecordHeader } from '../record-header';

export const XLOG_TBLSPC_CREATE = 0x00;
export const XLOG_TBLSPC_DROP = 0x10;

/** Tablespace create/drop records. */
export type TblspcData = { kind: 'create'; tsOid: number; path: string } | { kind: 'drop'; tsOid: number };

export function decodeTblspc(header: Pick<WalRecordHeader, 'info'>, mainData: Buffer): TblspcData {
  const info = rmgrInfo(header);
  if (mainData.length < 4) throw new WalRecordFormatError(`tablespace record data is ${mainData.length} bytes`);
  const tsOid = mainData.readUInt32LE(0);
  if (info === XLOG_TBLSPC_CREATE) {
    const nul = mainData.indexOf(0, 4);
    return { kind: 'create', tsOid, path: mainData.toString('utf8', 4, nul < 0 ? mainData.length : nul) };
  }
  if (info === XLOG_TBLSPC_DROP) return { kind: 'drop', tsOid };
  throw new WalRecordFormatError(`unknown tablespace record info 0x${info.toString(16)}`);
}
