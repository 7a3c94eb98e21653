import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { localWalDirSource } from '../../../src/engine/wal/local-wal-source';
import { formatLsn, Lsn, parseLsn } from '../../../src/engine/wal/lsn';
import { parseTimelineHistory, timelineOfLsn } from '../../../src/engine/wal/timeline-history';
import { WalReader, WalReadError, WalRecord, WalScanEnd } from '../../../src/engine/wal/wal-reader';
import { computeWalRecordCrc, forkName } from '../../../src/engine/wal/wal-record';
import { decodeCheckPoint } from '../../../src/engine/wal/checkpoint';
import { formatTimestampTz } from '../../../src/engine/wal/timestamp-tz';
import { RM_SMGR_ID, RM_XLOG_ID } from '../../../src/engine/wal/rmgr/rmgr-ids';
import {
  decodeEndOfRecovery,
  decodeOverwriteContrecord,
  isCheckpointRecord,
  XLOG_CHECKPOINT_REDO,
  XLOG_END_OF_RECOVERY,
  XLOG_OVERWRITE_CONTRECORD,
} from '../../../src/engine/wal/rmgr/xlog';
import { decodeXactCompletion, isXactCompletionRecord } from '../../../src/engine/wal/rmgr/xact';
import { decodeSmgrCreate, decodeSmgrTruncate, XLOG_SMGR_CREATE, XLOG_SMGR_TRUNCATE } from '../../../src/engine/wal/rmgr/smgr';
import { XLOG_BLCKSZ, XLP_FIRST_IS_CONTRECORD, XLP_FIRST_IS_OVERWRITE_CONTRECORD } from '../../../src/engine/wal/wal-page';
import {
  ExpectedRecord,
  fact,
  factLsn,
  loadExpected15,
  loadExpected18,
  loadHistoryText,
  loadSegments,
  memorySource,
  SEG_SIZE,
} from './wal-fixtures';

const expected15 = loadExpected15();
const expected18 = loadExpected18();
const segments15 = loadSegments('pg15');
const segments18 = loadSegments('pg18');
const history = parseTimelineHistory(loadHistoryText());
const switchpoint = history[0].switchpoint;

/** Segments of one timeline only (a reader on timeline 1 must not see timeline 2's files). */
function onlyTimeline(segments: Map<string, Buffer>, tli: number): Map<string, Buffer> {
  const prefix = tli.toString(16).toUpperCase().padStart(8, '0');
  return new Map([...segments].filter(([name]) => name.startsWith(prefix)));
}

async function collect(reader: WalReader, start: Lsn, end?: Lsn): Promise<{ records: WalRecord[]; end: WalScanEnd }> {
  const scan = reader.readForward(start, end);
  const records: WalRecord[] = [];
  for await (const record of scan) records.push(record);
  if (!scan.end) throw new Error('scan finished without an end');
  return { records, end: scan.end };
}

/** Our record in the shape the capture script gave PostgreSQL's output. */
function comparable(record: WalRecord, withEnd: boolean): ExpectedRecord {
  return {
    lsn: formatLsn(record.lsn),
    ...(withEnd ? { end: formatLsn(record.endLsn) } : {}),
    prev: formatLsn(record.prev),
    rmgr: record.rmgrName,
    totLen: record.totLen,
    fpiLen: record.fpiLength,
    ...(withEnd ? { mainDataLen: record.mainData.length } : {}),
    xid: record.xid,
    desc: null,
    blocks: record.blocks.map((b) => ({
      id: b.id,
      spcOid: b.rel.spcOid,
      dbOid: b.rel.dbOid,
      relNumber: b.rel.relNumber,
      fork: forkName(b.forkNumber),
      blockNo: b.blockNo,
      image: b.image !== null,
      holeOffset: b.image ? b.image.holeOffset : null,
      holeLength: b.image ? b.image.holeLength : null,
    })),
  };
}

function withoutDescAndType(records: ExpectedRecord[]): ExpectedRecord[] {
  return records.map(({ type: _type, ...r }) => ({ ...r, desc: null }));
}

/** The fields pg_waldump prints in a checkpoint description. */
function checkpointDesc(desc: string): Record<string, string> {
  const m =
    /redo (\S+); tli (\d+); prev tli (\d+); fpw (\w+);(?: wal_level (\w+);)? xid (\d+):(\d+); oid (\d+); multi (\d+); offset (\d+); oldest xid (\d+) in DB (\d+); oldest multi (\d+) in DB (\d+)/.exec(
      desc,
    );
  if (!m) throw new Error(`not a checkpoint description: ${desc}`);
  const [, redo, tli, prevTli, fpw, walLevel, epoch, xid, oid, multi, offset, oldestXid, oldestXidDb, oldestMulti, oldestMultiDb] = m;
  return { redo, tli, prevTli, fpw, walLevel: walLevel ?? '', epoch, xid, oid, multi, offset, oldestXid, oldestXidDb, oldestMulti, oldestMultiDb };
}

function decodedCheckpointDesc(record: WalRecord): Record<string, string> {
  const cp = decodeCheckPoint(record.mainData, record.pgMajor);
  return {
    redo: formatLsn(cp.redo),
    tli: String(cp.timeline),
    prevTli: String(cp.prevTimeline),
    fpw: String(cp.fullPageWrites),
    walLevel: cp.walLevel === null ? '' : ['minimal', 'replica', 'logical'][cp.walLevel],
    epoch: String(cp.nextFullXid >> 32n),
    xid: String(cp.nextFullXid & 0xffffffffn),
    oid: String(cp.nextOid),
    multi: String(cp.nextMulti),
    offset: String(cp.nextMultiOffset),
    oldestXid: String(cp.oldestXid),
    oldestXidDb: String(cp.oldestXidDb),
    oldestMulti: String(cp.oldestMulti),
    oldestMultiDb: String(cp.oldestMultiDb),
  };
}

/** "2026-11-25 10:33:19.363365 UTC" (pg_waldump) or "...+00" (walinspect) -> ISO with microseconds. */
function isoFromDesc(desc: string): string {
  const m = /^(?:COMMIT |ABORT )?(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(\.\d+)?/.exec(desc);
  if (!m) throw new Error(`no timestamp in: ${desc}`);
  return `${m[1]}T${m[2]}${(m[3] ?? '.').padEnd(7, '0')}Z`;
}

describe('WalReader on PostgreSQL 15 WAL (checked against pg_waldump 15)', () => {
  const start = factLsn(expected15.facts, 'start');

  it('reads every record of timeline 1 exactly as pg_waldump does', async () => {
    const reader = new WalReader(memorySource(onlyTimeline(segments15, 1)), { timeline: 1 });
    const { records, end } = await collect(reader, start);
    expect(records.map((r) => comparable(r, false))).toEqual(withoutDescAndType(expected15.recordsTli1));
    expect(records.every((r) => r.pgMajor === 15 && r.tli === 1)).toBe(true);

    // pg_waldump stopped with "invalid record length at 0/900150: wanted 24, got 0".
    const last = expected15.recordsTli1[expected15.recordsTli1.length - 1];
    expect(formatLsn(end.lastRecordLsn!)).toBe(last.lsn);
    expect(end.reason).toBe('invalid-record');
    expect(formatLsn(end.lsn)).toBe(formatLsn(switchpoint));
    expect(end.message).toContain(`invalid record length at ${formatLsn(switchpoint)}: expected at least 24, got 0`);
    expect(end.error?.segmentFileName).toBe('000000010000000000000009');
  });

  it('reads the same records holding one segment in memory (segment 7 ends inside a record that segment 8 finishes)', async () => {
    const reader = new WalReader(memorySource(onlyTimeline(segments15, 1)), { timeline: 1, cachedSegments: 1 });
    const { records, end } = await collect(reader, start);
    expect(records.map((r) => comparable(r, false))).toEqual(withoutDescAndType(expected15.recordsTli1));
    expect(formatLsn(end.lsn)).toBe(formatLsn(switchpoint));
    const crossing = records.filter((r) => r.lsn / BigInt(SEG_SIZE) !== (r.endLsn - 1n) / BigInt(SEG_SIZE));
    expect(crossing.length).toBeGreaterThan(0);
  });

  it('gives every record an end where the next one starts', async () => {
    const reader = new WalReader(memorySource(onlyTimeline(segments15, 1)), { timeline: 1 });
    const { records } = await collect(reader, start);
    for (let i = 0; i + 1 < records.length; i++) {
      const { endLsn } = records[i];
      const next = records[i + 1].lsn;
      const pageStart = endLsn % BigInt(XLOG_BLCKSZ) === 0n;
      const headerSize = endLsn % BigInt(SEG_SIZE) === 0n ? 40n : 24n;
      expect(formatLsn(next)).toBe(formatLsn(pageStart ? endLsn + headerSize : endLsn));
      expect(records[i + 1].prev).toBe(records[i].lsn);
    }
  });

  it('decodes checkpoint records as pg_waldump describes them, and as pg_control_checkpoint() reported', async () => {
    const reader = new WalReader(memorySource(onlyTimeline(segments15, 1)), { timeline: 1 });
    const checkpoints = expected15.recordsTli1.filter((r) => r.rmgr === 'XLOG' && /^CHECKPOINT_/.test(r.desc ?? ''));
    expect(checkpoints.length).toBe(3); // two CHECKPOINTs and the shutdown
    for (const exp of checkpoints) {
      const record = await reader.readRecordAt(parseLsn(exp.lsn));
      expect(isCheckpointRecord(record)).toBe(true);
      expect(decodedCheckpointDesc(record)).toEqual(checkpointDesc(exp.desc!));
      expect(decodeCheckPoint(record.mainData, 15).walLevel).toBeNull();
    }
    for (const name of ['checkpoint1', 'checkpoint2']) {
      const record = await reader.readRecordAt(factLsn(expected15.facts, name, 'checkpoint_lsn'));
      const cp = decodeCheckPoint(record.mainData, record.pgMajor);
      expect(formatLsn(cp.redo)).toBe(fact(expected15.facts, name, 'redo_lsn'));
      expect(cp.timeline).toBe(Number(fact(expected15.facts, name, 'timeline_id')));
      expect(`${cp.nextFullXid >> 32n}:${cp.nextFullXid & 0xffffffffn}`).toBe(fact(expected15.facts, name, 'next_xid'));
      expect(cp.nextOid).toBe(Number(fact(expected15.facts, name, 'next_oid')));
      expect(cp.time).toBe(Number(fact(expected15.facts, name, 'checkpoint_time_epoch')));
      expect(cp.oldestActiveXid).toBe(Number(fact(expected15.facts, name, 'oldest_active_xid')));
    }
  });

  it('decodes commit and abort records: times match pg_waldump and pg_xact_commit_timestamp()', async () => {
    const reader = new WalReader(memorySource(onlyTimeline(segments15, 1)), { timeline: 1 });
    const xacts = expected15.recordsTli1.filter((r) => r.rmgr === 'Transaction');
    expect(xacts.length).toBeGreaterThanOrEqual(10);
    for (const exp of xacts) {
      const record = await reader.readRecordAt(parseLsn(exp.lsn));
      expect(isXactCompletionRecord(record)).toBe(true);
      const xact = decodeXactCompletion(record, record.mainData, record.pgMajor);
      expect(xact.kind).toBe(exp.desc!.startsWith('COMMIT') ? 'commit' : 'abort');
      expect(formatTimestampTz(xact.xactTime)).toBe(isoFromDesc(exp.desc!));
      expect(xact.parsedLength).toBe(record.mainData.length);
      const rels = /; rels: ([^;]+)/.exec(exp.desc!)?.[1].trim().split(' ') ?? [];
      expect(xact.droppedRelations.map((r) => `base/${r.dbOid}/${r.relNumber}`)).toEqual(rels);
      expect(xact.droppedStatsCount).toBe(/dropped stats: ([^;]+)/.exec(exp.desc!)?.[1].trim().split(' ').length ?? 0);
    }
    for (const [name, facts] of Object.entries(expected15.facts)) {
      if (facts.commitTsUs === undefined || !name.match(/^(create|insert|update|bigmessage|delete|drop|aftercross|afterswitch)$/)) continue;
      const commit = xacts.find((r) => r.xid === Number(facts.xid) && r.desc!.startsWith('COMMIT'))!;
      const record = await reader.readRecordAt(parseLsn(commit.lsn));
      expect(decodeXactCompletion(record, record.mainData, 15).xactTime).toBe(BigInt(facts.commitTsUs));
      expect(record.lsn).toBeGreaterThanOrEqual(factLsn(expected15.facts, name, 'before'));
      expect(record.endLsn).toBeLessThanOrEqual(factLsn(expected15.facts, name, 'after'));
    }
    const abort = xacts.find((r) => r.xid === Number(fact(expected15.facts, 'abort', 'xid')))!;
    expect(abort.desc).toMatch(/^ABORT /);
  });

  it('decodes smgr create and truncate records as pg_waldump describes them', async () => {
    const reader = new WalReader(memorySource(onlyTimeline(segments15, 1)), { timeline: 1 });
    const storage = expected15.recordsTli1.filter((r) => r.rmgr === 'Storage');
    expect(storage.some((r) => r.desc!.startsWith('TRUNCATE'))).toBe(true);
    for (const exp of storage) {
      const record = await reader.readRecordAt(parseLsn(exp.lsn));
      expect(record.rmid).toBe(RM_SMGR_ID);
      if ((record.info & 0xf0) === XLOG_SMGR_CREATE) {
        const c = decodeSmgrCreate(record.mainData);
        const suffix = c.forkNumber === 0 ? '' : `_${forkName(c.forkNumber)}`;
        expect(`CREATE base/${c.rel.dbOid}/${c.rel.relNumber}${suffix}`).toBe(exp.desc);
      } else {
        expect(record.info & 0xf0).toBe(XLOG_SMGR_TRUNCATE);
        const t = decodeSmgrTruncate(record.mainData);
        expect(`TRUNCATE base/${t.rel.dbOid}/${t.rel.relNumber} to ${t.blockNo} blocks flags ${t.flags}`).toBe(exp.desc);
        expect(t.rel.relNumber).toBe(Number(fact(expected15.facts, 'vacuumed', 'relfilenode')));
      }
    }
  });

  it('reassembles a record spanning pages and one spanning a segment boundary', async () => {
    const reader = new WalReader(memorySource(onlyTimeline(segments15, 1)), { timeline: 1 });
    const big = expected15.recordsTli1.find((r) => r.desc?.includes('prefix "big"'))!;
    const bigRecord = await reader.readRecordAt(parseLsn(big.lsn));
    expect(bigRecord.raw.length).toBe(20057);
    expect(Math.floor(Number(bigRecord.endLsn - 1n) / XLOG_BLCKSZ) - Math.floor(Number(bigRecord.lsn) / XLOG_BLCKSZ)).toBeGreaterThanOrEqual(2);
    expect(bigRecord.mainData.subarray(-20000).equals(Buffer.alloc(20000, 'y'))).toBe(true);

    const cross = expected15.recordsTli1.find((r) => r.desc?.includes('prefix "cross"'))!;
    const crossRecord = await reader.readRecordAt(parseLsn(cross.lsn));
    expect(crossRecord.lsn / BigInt(SEG_SIZE)).toBe(7n);
    expect(crossRecord.endLsn / BigInt(SEG_SIZE)).toBe(8n);
    expect(crossRecord.lsn).toBe(factLsn(expected15.facts, 'crossbefore'));
    expect(crossRecord.endLsn).toBe(factLsn(expected15.facts, 'crossafter'));
    expect(crossRecord.mainData.subarray(-30000).equals(Buffer.alloc(30000, 'z'))).toBe(true);
    // Segment 8 starts with the rest of it: there is no record to read at its start.
    await expect(reader.readRecordAt(8n * BigInt(SEG_SIZE))).rejects.toThrow(/contrecord is requested by 0\/800028/);
  });

  it('returns the record bytes exactly as they sit in the segment', async () => {
    const reader = new WalReader(memorySource(onlyTimeline(segments15, 1)), { timeline: 1 });
    const record = await reader.readRecordAt(start);
    const seg = segments15.get('000000010000000000000007')!;
    const offset = Number(start % BigInt(SEG_SIZE));
    expect(record.raw.equals(seg.subarray(offset, offset + record.totLen))).toBe(true);
  });

  it('reads the record after the page header when asked for a page boundary', async () => {
    const reader = new WalReader(memorySource(onlyTimeline(segments15, 1)), { timeline: 1 });
    const first = await reader.readRecordAt(7n * BigInt(SEG_SIZE));
    expect(formatLsn(first.lsn)).toBe('0/700028'); // after the 40-byte long header
    await expect(reader.readRecordAt(7n * BigInt(SEG_SIZE) + 16n)).rejects.toThrow(/invalid record offset at 0\/700010: expected at least 40, got 16/);
    await expect(reader.readRecordAt(first.lsn + 4n)).rejects.toThrow(/not a record boundary/);

    // On 18, a 20058-byte message ended exactly at a page end: the next record starts the page.
    const reader18 = new WalReader(memorySource(segments18), { timeline: 1 });
    const atPageStart = expected18.records.filter((r) => parseLsn(r.lsn) % BigInt(XLOG_BLCKSZ) === 24n);
    expect(atPageStart.length).toBeGreaterThan(0);
    for (const exp of atPageStart) {
      const record = await reader18.readRecordAt(parseLsn(exp.lsn) - 24n);
      expect(formatLsn(record.lsn)).toBe(exp.lsn);
      const before = expected18.records[expected18.records.indexOf(exp) - 1];
      expect(formatLsn((await reader18.readRecordAt(parseLsn(before.lsn))).endLsn)).toBe(formatLsn(parseLsn(exp.lsn) - 24n));
    }
  });

  it('reads records whose header is split over two pages', async () => {
    const reader18 = new WalReader(memorySource(segments18), { timeline: 1 });
    const split = expected18.records.filter((r) => parseLsn(r.lsn) % BigInt(XLOG_BLCKSZ) > BigInt(XLOG_BLCKSZ - 24));
    expect(split.length).toBeGreaterThan(0);
    for (const exp of split) {
      const record = await reader18.readRecordAt(parseLsn(exp.lsn));
      expect([formatLsn(record.endLsn), record.totLen, formatLsn(record.prev)]).toEqual([exp.end, exp.totLen, exp.prev]);
    }
  });

  it('stops a forward scan at endLsn', async () => {
    const reader = new WalReader(memorySource(onlyTimeline(segments15, 1)), { timeline: 1 });
    const stopAt = factLsn(expected15.facts, 'checkpoint2', 'checkpoint_lsn');
    const { records, end } = await collect(reader, start, stopAt);
    expect(end.reason).toBe('end-lsn');
    expect(end.lsn).toBe(stopAt);
    expect(records[records.length - 1].endLsn).toBe(stopAt);
    expect(records.length).toBe(expected15.recordsTli1.findIndex((r) => parseLsn(r.lsn) === stopAt));
  });

  it('follows the XLOG_SWITCH record to the next segment', async () => {
    const reader = new WalReader(memorySource(onlyTimeline(segments15, 1)), { timeline: 1 });
    const switchRecord = expected15.recordsTli1.find((r) => r.desc?.startsWith('SWITCH'))!;
    const record = await reader.readRecordAt(parseLsn(switchRecord.lsn));
    expect(formatLsn(record.endLsn)).toBe('0/900000');
  });
});

describe('WalReader across a timeline switch (PostgreSQL 15, promoted to timeline 2)', () => {
  const timelineForLsn = (lsn: Lsn): number => timelineOfLsn(history, 2, lsn);
  const start = factLsn(expected15.facts, 'start');

  it('reads timeline 1 then timeline 2 by segment file name, as pg_waldump saw each', async () => {
    const source = memorySource(segments15);
    const reader = new WalReader(source, { timelineForLsn });
    const { records, end } = await collect(reader, start);
    const expected = [
      ...expected15.recordsTli1.filter((r) => parseLsn(r.lsn) < switchpoint),
      ...expected15.recordsTli2.filter((r) => parseLsn(r.lsn) >= switchpoint),
    ];
    expect(records.map((r) => comparable(r, false))).toEqual(withoutDescAndType(expected));
    // The segment holding the switch point is read from timeline 2's copy, as recovery does.
    expect(source.reads).toEqual(['000000010000000000000007', '000000010000000000000008', '000000020000000000000009']);
    expect(end.reason).toBe('invalid-record');
    expect(end.error?.tli).toBe(2);
    expect(end.error?.segmentFileName).toBe('000000020000000000000009');

    const eor = records.find((r) => r.rmid === RM_XLOG_ID && (r.info & 0xf0) === XLOG_END_OF_RECOVERY)!;
    expect(eor.lsn).toBe(switchpoint);
    const data = decodeEndOfRecovery(eor.mainData, 15);
    expect([data.timeline, data.prevTimeline, data.walLevel]).toEqual([2, 1, null]);
    const eorDesc = expected15.recordsTli2.find((r) => r.desc?.startsWith('END_OF_RECOVERY'))!.desc!;
    expect(formatTimestampTz(data.endTime)).toBe(isoFromDesc(eorDesc.replace(/^END_OF_RECOVERY tli 2; prev tli 1; time /, '')));
  });

  it('finds the last checkpoint before the fork point, walking back from timeline 2 (pg_rewind findLastCheckpoint)', async () => {
    const reader = new WalReader(memorySource(segments15), { timelineForLsn });
    const last = await reader.findLastCheckpointBefore(switchpoint);
    expect(formatLsn(last.checkpointLsn)).toBe(expected15.shutdownCheckpointTli1);
    expect(formatLsn(last.redoLsn)).toBe(expected15.shutdownCheckpointTli1); // a shutdown checkpoint redoes from itself
    expect(last.timeline).toBe(1);
  });

  it('finds earlier checkpoints strictly before the LSN asked for', async () => {
    const reader = new WalReader(memorySource(segments15), { timelineForLsn });
    const cp2 = factLsn(expected15.facts, 'checkpoint2', 'checkpoint_lsn');
    const afterCp2 = await reader.findLastCheckpointBefore(factLsn(expected15.facts, 'bigmessage', 'before'));
    expect(afterCp2.checkpointLsn).toBe(cp2);
    expect(formatLsn(afterCp2.redoLsn)).toBe(fact(expected15.facts, 'checkpoint2', 'redo_lsn'));
    const beforeCp2 = await reader.findLastCheckpointBefore(cp2);
    expect(formatLsn(beforeCp2.checkpointLsn)).toBe(fact(expected15.facts, 'checkpoint1', 'checkpoint_lsn'));
    // Across the timeline switch: the last checkpoint on timeline 2 before its end.
    const tli2 = await reader.findLastCheckpointBefore(parseLsn(expected15.shutdownCheckpointTli2));
    expect(formatLsn(tli2.checkpointLsn)).toBe(fact(expected15.facts, 'tli2checkpoint', 'checkpoint_lsn'));
    expect(formatLsn(tli2.redoLsn)).toBe(fact(expected15.facts, 'tli2checkpoint', 'redo_lsn'));
    expect(tli2.timeline).toBe(2);
  });

  it('says which segment and timeline are missing when the walk needs older WAL', async () => {
    const reader = new WalReader(memorySource(segments15), { timelineForLsn });
    const cp1 = factLsn(expected15.facts, 'checkpoint1', 'checkpoint_lsn');
    const err = await reader.findLastCheckpointBefore(cp1).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WalReadError);
    const walErr = err as WalReadError;
    expect(walErr.kind).toBe('segment-missing');
    expect(walErr.segmentFileName).toBe('000000010000000000000006');
    expect(walErr.tli).toBe(1);
    expect(walErr.message).toMatch(
      /^could not find the last checkpoint before 0\/700060: walking back from 0\/700028: WAL segment 000000010000000000000006 is not available \(record at 0\/[0-9A-F]+, WAL segment 000000010000000000000006 on timeline 1\)$/,
    );
  });

  it('reports the invalid record where timeline 1 alone has no WAL past its shutdown checkpoint', async () => {
    const reader = new WalReader(memorySource(onlyTimeline(segments15, 1)), { timeline: 1 });
    await expect(reader.findLastCheckpointBefore(switchpoint)).rejects.toThrow(
      `could not find the last checkpoint before 0/900150: the record there cannot be read: invalid record length at 0/900150: expected at least 24, got 0 (record at 0/900150, WAL segment 000000010000000000000009 on timeline 1)`,
    );
  });
});

describe('WalReader end of WAL and damage', () => {
  const start = factLsn(expected15.facts, 'start');

  function damaged(name: string, offset: number, xor = 0xff): Map<string, Buffer> {
    const copy = new Map(onlyTimeline(segments15, 1));
    const buf = Buffer.from(copy.get(name)!);
    buf[offset] ^= xor;
    copy.set(name, buf);
    return copy;
  }

  it('ends at a record whose CRC does not match, and refuses it when asked for directly', async () => {
    const victim = expected15.recordsTli1[100];
    const lsn = parseLsn(victim.lsn);
    const segs = damaged('000000010000000000000007', Number(lsn % BigInt(SEG_SIZE)) + 24 + 1);
    const { records, end } = await collect(new WalReader(memorySource(segs), { timeline: 1 }), start);
    expect(records.length).toBe(100);
    expect(end.reason).toBe('invalid-record');
    expect(end.lsn).toBe(lsn);
    expect(end.message).toContain(`incorrect resource manager data checksum in record at ${victim.lsn}`);
    await expect(new WalReader(memorySource(segs), { timeline: 1 }).readRecordAt(lsn)).rejects.toThrow(WalReadError);
  });

  it('ends at a continuation page whose header is damaged', async () => {
    const big = expected15.recordsTli1.find((r) => r.desc?.includes('prefix "big"'))!;
    const nextPage = (parseLsn(big.lsn) / BigInt(XLOG_BLCKSZ) + 1n) * BigInt(XLOG_BLCKSZ);
    const segs = damaged('000000010000000000000007', Number(nextPage % BigInt(SEG_SIZE)) + 1);
    const { end } = await collect(new WalReader(memorySource(segs), { timeline: 1 }), start);
    expect(end.reason).toBe('invalid-page');
    expect(formatLsn(end.lsn)).toBe(big.lsn);
    expect(end.message).toContain(`invalid magic number 2E10 (expected D110) in the page at ${formatLsn(nextPage)}`);
  });

  it('skips a record whose rest was replaced by XLOG_OVERWRITE_CONTRECORD, as xlogreader does', async () => {
    // Rewrite the page after the 'big' message's first page the way a crashed server does:
    // no contrecord flag, XLP_FIRST_IS_OVERWRITE_CONTRECORD, and the overwrite record first.
    const bigIndex = expected15.recordsTli1.findIndex((r) => r.desc?.includes('prefix "big"'));
    const big = parseLsn(expected15.recordsTli1[bigIndex].lsn);
    const before = parseLsn(expected15.recordsTli1[bigIndex - 1].lsn);
    const page = (big / BigInt(XLOG_BLCKSZ) + 1n) * BigInt(XLOG_BLCKSZ);
    const segs = new Map(onlyTimeline(segments15, 1));
    const seg = Buffer.from(segs.get('000000010000000000000007')!);
    const at = Number(page % BigInt(SEG_SIZE));
    seg.writeUInt16LE((seg.readUInt16LE(at + 2) & ~XLP_FIRST_IS_CONTRECORD) | XLP_FIRST_IS_OVERWRITE_CONTRECORD, at + 2);
    seg.writeUInt32LE(0, at + 16);
    const overwrite = Buffer.alloc(42);
    overwrite.writeUInt32LE(42, 0);
    overwrite.writeBigUInt64LE(before, 8);
    overwrite[16] = XLOG_OVERWRITE_CONTRECORD;
    overwrite[17] = RM_XLOG_ID;
    overwrite[24] = 255;
    overwrite[25] = 16;
    overwrite.writeBigUInt64LE(big, 26);
    overwrite.writeBigInt64LE(123n, 34);
    overwrite.writeUInt32LE(computeWalRecordCrc(overwrite), 20);
    overwrite.copy(seg, at + 24);
    segs.set('000000010000000000000007', seg);

    const { records, end } = await collect(new WalReader(memorySource(segs), { timeline: 1 }), start);
    expect(records.length).toBe(bigIndex + 1);
    const replaced = records[bigIndex];
    expect([replaced.lsn, replaced.rmid, replaced.info, replaced.prev]).toEqual([page + 24n, RM_XLOG_ID, XLOG_OVERWRITE_CONTRECORD, before]);
    expect(decodeOverwriteContrecord(replaced.mainData)).toEqual({ overwrittenLsn: big, overwriteTime: 123n });
    expect(end.lsn).toBe(page + 24n + 48n); // then the old page's leftovers are no record
    await expect(new WalReader(memorySource(segs), { timeline: 1 }).readRecordAt(big)).rejects.toThrow(
      /there is no contrecord flag at 0\/[0-9A-F]+ \(the record was overwritten by XLOG_OVERWRITE_CONTRECORD\)/,
    );
  });

  it('ends where a needed segment is missing, naming it', async () => {
    const segs = onlyTimeline(segments15, 1);
    segs.delete('000000010000000000000008');
    const { end } = await collect(new WalReader(memorySource(segs), { timeline: 1 }), start);
    expect(end.reason).toBe('segment-missing');
    expect(end.lsn).toBe(factLsn(expected15.facts, 'crossbefore'));
    expect(end.error?.segmentFileName).toBe('000000010000000000000008');
    expect(end.message).toContain('WAL segment 000000010000000000000008 is not available');
  });

  it('throws when the first record of a forward scan cannot be read', async () => {
    const reader = new WalReader(memorySource(onlyTimeline(segments15, 1)), { timeline: 1 });
    await expect(collect(reader, 6n * BigInt(SEG_SIZE) + 40n)).rejects.toThrow(/WAL segment 000000010000000000000006 is not available/);
  });

  it('treats a recycled segment page as the end of WAL (unexpected pageaddr)', async () => {
    // Timeline 1's last segment was recycled: after the shutdown checkpoint's page come old pages.
    const reader = new WalReader(memorySource(onlyTimeline(segments15, 1)), { timeline: 1 });
    await expect(reader.readRecordAt(9n * BigInt(SEG_SIZE) + 4n * BigInt(XLOG_BLCKSZ))).rejects.toThrow(
      /unexpected pageaddr 0\/[0-9A-F]+ \(expected 0\/908000\) in the page at 0\/908000/,
    );
  });

  it('refuses segments of another cluster or version when told which to expect', async () => {
    const sysid = BigInt(fact(expected15.facts, 'start', 'systemIdentifier'));
    const other = new WalReader(memorySource(onlyTimeline(segments15, 1)), { timeline: 1, systemIdentifier: sysid + 1n });
    await expect(other.readRecordAt(start)).rejects.toThrow(/WAL file is from a different database system/);
    const v18 = new WalReader(memorySource(onlyTimeline(segments15, 1)), { timeline: 1, pgMajor: 18 });
    await expect(v18.readRecordAt(start)).rejects.toThrow(/invalid magic number D110 \(expected D118\)/);
    expect(() => new WalReader(memorySource(segments15), {})).toThrow(/needs a timeline/);
  });
});

describe('WalReader on PostgreSQL 18 WAL (checked against pg_walinspect and pg_control_checkpoint())', () => {
  const facts = expected18.facts;
  const start = factLsn(facts, 'start');

  it('reads every record as pg_get_wal_records_info() reported it', async () => {
    const reader = new WalReader(memorySource(segments18), { timeline: 1 });
    const { records, end } = await collect(reader, start);
    const n = expected18.records.length;
    expect(records.slice(0, n).map((r) => comparable(r, true))).toEqual(withoutDescAndType(expected18.records));
    expect(records.every((r) => r.pgMajor === 18)).toBe(true);
    // Past what pg_walinspect saw: the shutdown checkpoint, then the end of WAL.
    const shutdown = records[records.length - 1];
    expect(formatLsn(shutdown.lsn)).toBe(fact(facts, 'shutdowncheckpoint', 'checkpoint_lsn'));
    expect(end.reason).toBe('invalid-record');
    expect(end.lsn).toBe(shutdown.endLsn);
  });

  it('decodes 18 checkpoints (with wal_level) as pg_control_checkpoint() reported them', async () => {
    const reader = new WalReader(memorySource(segments18), { timeline: 1 });
    for (const name of ['checkpoint1', 'checkpoint2', 'shutdowncheckpoint']) {
      const record = await reader.readRecordAt(factLsn(facts, name, 'checkpoint_lsn'));
      expect(isCheckpointRecord(record)).toBe(true);
      const cp = decodeCheckPoint(record.mainData, record.pgMajor);
      expect(formatLsn(cp.redo)).toBe(fact(facts, name, 'redo_lsn'));
      expect(cp.timeline).toBe(Number(fact(facts, name, 'timeline_id')));
      expect(cp.prevTimeline).toBe(Number(fact(facts, name, 'prev_timeline_id')));
      expect(cp.fullPageWrites).toBe(fact(facts, name, 'full_page_writes') === 'true');
      expect(`${cp.nextFullXid >> 32n}:${cp.nextFullXid & 0xffffffffn}`).toBe(fact(facts, name, 'next_xid'));
      expect(cp.nextOid).toBe(Number(fact(facts, name, 'next_oid')));
      expect(cp.nextMulti).toBe(Number(fact(facts, name, 'next_multixact_id')));
      expect(cp.oldestXid).toBe(Number(fact(facts, name, 'oldest_xid')));
      expect(cp.oldestActiveXid).toBe(Number(fact(facts, name, 'oldest_active_xid')));
      expect(cp.time).toBe(Number(fact(facts, name, 'checkpoint_time_epoch')));
      expect(cp.walLevel).toBe(1); // replica
    }
    for (const exp of expected18.records.filter((r) => r.type?.startsWith('CHECKPOINT_') && r.type !== 'CHECKPOINT_REDO')) {
      const record = await reader.readRecordAt(parseLsn(exp.lsn));
      expect(decodedCheckpointDesc(record)).toEqual(checkpointDesc(exp.desc!));
    }
    // 17+ marks the redo point of an online checkpoint with its own record.
    const redo = await reader.readRecordAt(factLsn(facts, 'checkpoint2', 'redo_lsn'));
    expect([redo.rmid, redo.info & 0xf0]).toEqual([RM_XLOG_ID, XLOG_CHECKPOINT_REDO]);
  });

  it('finds the last checkpoint before an LSN', async () => {
    const reader = new WalReader(memorySource(segments18), { timeline: 1 });
    const last = await reader.findLastCheckpointBefore(factLsn(facts, 'update', 'after'));
    expect(formatLsn(last.checkpointLsn)).toBe(fact(facts, 'checkpoint2', 'checkpoint_lsn'));
    expect(formatLsn(last.redoLsn)).toBe(fact(facts, 'checkpoint2', 'redo_lsn'));
    expect(last.timeline).toBe(1);
  });

  it('decodes 18 commit records: 16-byte dropped-stats items, times from pg_xact_commit_timestamp()', async () => {
    const reader = new WalReader(memorySource(segments18), { timeline: 1 });
    const xacts = expected18.records.filter((r) => r.rmgr === 'Transaction');
    for (const exp of xacts) {
      const record = await reader.readRecordAt(parseLsn(exp.lsn));
      const xact = decodeXactCompletion(record, record.mainData, 18);
      expect(xact.kind).toBe(exp.type === 'COMMIT' ? 'commit' : 'abort');
      expect(formatTimestampTz(xact.xactTime)).toBe(isoFromDesc(exp.desc!));
      expect(xact.parsedLength).toBe(record.mainData.length);
    }
    const drop = xacts.find((r) => r.xid === Number(fact(facts, 'drop', 'xid')))!;
    const dropRecord = await reader.readRecordAt(parseLsn(drop.lsn));
    const dropped = decodeXactCompletion(dropRecord, dropRecord.mainData, 18);
    expect(dropped.droppedStatsCount).toBeGreaterThan(0);
    expect(dropped.droppedRelations.map((r) => `base/${r.dbOid}/${r.relNumber}`).join(' ')).toBe(/rels: ([^;]+)/.exec(drop.desc!)?.[1]);
    // With 15-17's 12-byte items the same record would not parse to its end.
    expect(() => {
      const as17 = decodeXactCompletion(dropRecord, dropRecord.mainData, 17);
      if (as17.parsedLength !== dropRecord.mainData.length) throw new Error('misparsed');
    }).toThrow();
    for (const name of ['create', 'insert', 'update', 'bigmessage', 'delete', 'drop', 'aftercross', 'afterswitch']) {
      const commit = xacts.find((r) => r.xid === Number(fact(facts, name, 'xid')) && r.type === 'COMMIT');
      if (!commit) continue; // past pg_walinspect's flush horizon
      const record = await reader.readRecordAt(parseLsn(commit.lsn));
      expect(decodeXactCompletion(record, record.mainData, 18).xactTime).toBe(BigInt(fact(facts, name, 'commitTsUs')));
    }
  });

  it('decodes 18 smgr records as pg_walinspect describes them', async () => {
    const reader = new WalReader(memorySource(segments18), { timeline: 1 });
    for (const exp of expected18.records.filter((r) => r.rmgr === 'Storage')) {
      const record = await reader.readRecordAt(parseLsn(exp.lsn));
      if (exp.type === 'CREATE') {
        const c = decodeSmgrCreate(record.mainData);
        expect(`base/${c.rel.dbOid}/${c.rel.relNumber}`).toBe(exp.desc);
      } else {
        const t = decodeSmgrTruncate(record.mainData);
        expect(`base/${t.rel.dbOid}/${t.rel.relNumber} to ${t.blockNo} blocks flags ${t.flags}`).toBe(exp.desc);
      }
    }
  });
});

describe('localWalDirSource', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pgcatchup-wal-'));
    for (const [name, buf] of onlyTimeline(segments15, 1)) writeFileSync(join(dir, name), buf);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads segments from a pg_wal directory and names the missing file', async () => {
    const source = localWalDirSource(dir, SEG_SIZE);
    expect(await source.read(1, 6n)).toBeNull();
    expect((await source.read(1, 7n))?.length).toBe(SEG_SIZE);
    const reader = new WalReader(source, { timeline: 1 });
    const record = await reader.readRecordAt(factLsn(expected15.facts, 'checkpoint1', 'checkpoint_lsn'));
    expect(isCheckpointRecord(record)).toBe(true);
    await expect(reader.readRecordAt(6n * BigInt(SEG_SIZE) + 40n)).rejects.toThrow(
      `WAL segment 000000010000000000000006 is not available (looked for ${join(dir, '000000010000000000000006')})`,
    );
  });
});

describe('WalReader rereading', () => {
  it('reads the same records on every pass over cached segments (its rate is printed; speed belongs to npm run bench)', async () => {
    // Every record of the fixture, many times over from a cached segment set.
    const reader = new WalReader(memorySource(onlyTimeline(segments15, 1)), { timeline: 1 });
    const start = factLsn(expected15.facts, 'start');
    const once = (await collect(reader, start)).records.length; // also warms up
    const began = process.hrtime.bigint();
    let count = 0;
    let bytes = 0;
    for (let i = 0; i < 10; i++) {
      for await (const record of reader.readForward(start)) {
        count++;
        bytes += record.totLen;
      }
    }
    const seconds = Number(process.hrtime.bigint() - began) / 1e9;
    // Printed for the record only: a timing assertion would fail on a busy machine, not on a slow reader.
    // eslint-disable-next-line no-console
    console.log(`${count} records (${(bytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(3)} s: ${Math.round(count / seconds)} records/s`);
    expect(once).toBeGreaterThan(0);
    expect(count).toBe(10 * once);
  });
});
