/** The Database resource manager's records (commands/dbcommands_xlog.h, 15+): a database's whole directory appears or goes. Pure. */

import { rmgrInfo, WalRecordFormatError, WalRecordHeader } from '../record-header';

export const XLOG_DBASE_CREATE_FILE_COPY = 0x00;
export const XLOG_DBASE_CREATE_WAL_LOG = 0x10;
export const XLOG_DBASE_DROP = 0x20;

/** Database create/drop records (15+): the whole directory of a database appears or goes. */
export type DbaseData =
  | { kind: 'create-file-copy'; dbOid: number; tsOid: number; srcDbOid: number; srcTsOid: number }
  | { kind: 'create-wal-log'; dbOid: number; tsOid: number }
  | { kind: 'drop'; dbOid: number; tsOids: number[] };

export function decodeDbase(header: Pick<WalRecordHeader, 'info'>, mainData: Buffer): DbaseData {
  const info = rmgrInfo(header);
  const d = mainData;
  const need = (bytes: number): void => {
    if (d.length < bytes) throw new WalRecordFormatError(`database record data is ${d.length} bytes, expected ${bytes}`);
  };
  if (info === XLOG_DBASE_CREATE_FILE_COPY) {
    need(16);
    return { kind: 'create-file-copy', dbOid: d.readUInt32LE(0), tsOid: d.readUInt32LE(4), srcDbOid: d.readUInt32LE(8), srcTsOid: d.readUInt32LE(12) };
  }
  if (info === XLOG_DBASE_CREATE_WAL_LOG) {
    need(8);
    return { kind: 'create-wal-log', dbOid: d.readUInt32LE(0), tsOid: d.readUInt32LE(4) };
  }
  if (info === XLOG_DBASE_DROP) {
    need(8);
    const n = d.readInt32LE(4);
    need(8 + 4 * n);
    const tsOids: number[] = [];
    for (let i = 0; i < n; i++) tsOids.push(d.readUInt32LE(8 + 4 * i));
    return { kind: 'drop', dbOid: d.readUInt32LE(0), tsOids };
  }
  throw new WalRecordFormatError(`unknown database record info 0x${info.toString(16)}`);
}
