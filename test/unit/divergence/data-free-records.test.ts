import { dataFreeRecordName } from '../../../src/engine/divergence/data-free-records';

// rmgr IDs and info bytes as access/rmgrlist.h and catalog/pg_control.h define them.
const XLOG = 0;
const XACT = 1;
const CLOG = 3;
const STANDBY = 8;
const HEAP = 10;
const rec = (rmid: number, info: number, blocks = 0) => ({ rmid, info, blocks: new Array(blocks).fill({}) });

describe('records past the source that change no data (a target ahead only by them needs no rewind)', () => {
  test('XLOG bookkeeping and Standby records qualify, with their names', () => {
    expect(dataFreeRecordName(rec(XLOG, 0x00))).toBe('XLOG/CHECKPOINT_SHUTDOWN');
    expect(dataFreeRecordName(rec(XLOG, 0x10))).toBe('XLOG/CHECKPOINT_ONLINE');
    expect(dataFreeRecordName(rec(XLOG, 0x40))).toBe('XLOG/SWITCH');
    expect(dataFreeRecordName(rec(XLOG, 0x90))).toBe('XLOG/END_OF_RECOVERY');
    // Low four bits are generic flags (XLR_SPECIAL_REL_UPDATE, XLR_CHECK_CONSISTENCY): ignored.
    expect(dataFreeRecordName(rec(XLOG, 0x01))).toBe('XLOG/CHECKPOINT_SHUTDOWN');
    expect(dataFreeRecordName(rec(STANDBY, 0x10))).toBe('Standby');
  });

  test('page images, commits, commit log and heap records do not, nor anything referencing a block', () => {
    expect(dataFreeRecordName(rec(XLOG, 0xa0, 1))).toBeNull(); // FPI_FOR_HINT
    expect(dataFreeRecordName(rec(XLOG, 0xb0, 1))).toBeNull(); // FPI
    expect(dataFreeRecordName(rec(XLOG, 0xb0))).toBeNull();
    expect(dataFreeRecordName(rec(XACT, 0x00))).toBeNull(); // COMMIT
    expect(dataFreeRecordName(rec(CLOG, 0x00))).toBeNull();
    expect(dataFreeRecordName(rec(HEAP, 0x00, 1))).toBeNull();
    expect(dataFreeRecordName(rec(STANDBY, 0x10, 1))).toBeNull();
    expect(dataFreeRecordName(rec(130, 0x00))).toBeNull(); // a custom resource manager
  });
});
