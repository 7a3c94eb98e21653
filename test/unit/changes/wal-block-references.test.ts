import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { randomBytes } from 'crypto';
import {
  changedBlocksByFile,
  collectRecord,
  mergeBlocks,
  splitBySegment,
  TargetChangeCollector,
  targetWalChanges,
  TargetWalChangesInput,
} from '../../../src/engine/changes/wal-block-references';
import { databaseDirectory, relationSegmentPath } from '../../../src/engine/pgdata/relation-path';
import { databaseDirectory as summaryDatabaseDirectory } from '../../../src/engine/changes/wal-summaries';
import { crc32cUpdate, CRC32C_INIT } from '../../../src/engine/checksums/crc32c';
import { crc32cUpdateWords } from '../../../src/engine/wal/wal-crc';
import { formatLsn, Lsn, parseLsn } from '../../../src/engine/wal/lsn';
import { parseTimelineHistory, timelineOfLsn } from '../../../src/engine/wal/timeline-history';
import { WalReader, WalRecord, WalRecordView } from '../../../src/engine/wal/wal-reader';
import {
  BKPBLOCK_HAS_IMAGE,
  forkName,
  RM_DBASE_ID,
  RM_HEAP_ID,
  RM_SMGR_ID,
  RM_XACT_ID,
  SMGR_TRUNCATE_HEAP,
  SMGR_TRUNCATE_VM,
  WalBlockHeaders,
  XLOG_DBASE_CREATE_FILE_COPY,
  XLOG_DBASE_CREATE_WAL_LOG,
  XLOG_DBASE_DROP,
  XLOG_SMGR_CREATE,
  XLOG_SMGR_TRUNCATE,
  XLOG_XACT_COMMIT,
  XLR_SPECIAL_REL_UPDATE,
} from '../../../src/engine/wal/wal-record';
import { loadExpected18, loadHistoryText, loadSegments, memorySource, SEG_SIZE } from '../wal/wal-fixtures';

const layout = { relsegSize: 131072, tablespaceVersionDir: 'PG_15_202209061' };

describe('paths and segments', () => {
  it('maps WAL relation numbers to main-fork segment files in every tablespace', () => {
    expect(relationSegmentPath(1663, 5, 16384, 'main', 0, 'PG_15_202209061')).toBe('base/5/16384');
    expect(relationSegmentPath(1663, 5, 16384, 'main', 2, 'PG_15_202209061')).toBe('base/5/16384.2');
    expect(relationSegmentPath(1664, 0, 1262, 'main', 0, 'PG_15_202209061')).toBe('global/1262');
    expect(relationSegmentPath(16500, 5, 16390, 'main', 1, 'PG_15_202209061')).toBe('pg_tblspc/16500/PG_15_202209061/5/16390.1');
    expect(relationSegmentPath(1663, 5, 16384, 'vm', 0, 'PG_15_202209061')).toBe('base/5/16384_vm');
  });

  it('names database directories; the summary module re-exports the same function', () => {
    expect(databaseDirectory(1663, 16400, 'PG_18_x')).toBe('base/16400');
    expect(databaseDirectory(1664, 0, 'PG_18_x')).toBe('global');
    expect(databaseDirectory(16500, 16400, 'PG_18_202406281')).toBe('pg_tblspc/16500/PG_18_202406281/16400');
    expect(summaryDatabaseDirectory).toBe(databaseDirectory);
  });

  it('splits sorted absolute block numbers into segment files and blocks within them', () => {
    expect(splitBySegment([0, 5, 131071, 131072, 131073, 393216], 131072)).toEqual([
      [0, [0, 5, 131071]],
      [1, [0, 1]],
      [3, [0]],
    ]);
    expect(splitBySegment([], 4)).toEqual([]);
    expect(splitBySegment([3, 4, 9], 4)).toEqual([[0, [3]], [1, [0]], [2, [1]]]);
    // Block numbers are unsigned 32-bit: no sign trouble at the top.
    expect(splitBySegment([0xfffffffe], 131072)).toEqual([[32767, [131070]]]);
    expect(() => splitBySegment([1], 0)).toThrow(/relsegSize/);
  });

  it('collects blocks per relation and file, sorted and unique', () => {
    const c = new TargetChangeCollector();
    c.addBlock(1663, 5, 16384, 7);
    c.addBlock(1663, 5, 16384, 131073);
    c.addBlock(1663, 5, 16384, 7);
    c.addBlock(1663, 5, 16384, 2);
    c.addBlock(1663, 6, 16384, 1); // the same relfilenode in another database
    c.addBlock(16500, 5, 16384, 0); // and in a tablespace
    c.addBlock(1664, 0, 1262, 0);
    expect(changedBlocksByFile(c, layout)).toEqual(
      new Map([
        ['base/5/16384', [2, 7]],
        ['base/5/16384.1', [1]],
        ['base/6/16384', [1]],
        ['pg_tblspc/16500/PG_15_202209061/5/16384', [0]],
        ['global/1262', [0]],
      ]),
    );
  });

  it('merges blocks into a file entry, keeping it sorted and unique', () => {
    const m = new Map([['base/5/1', [1, 5]]]);
    mergeBlocks(m, 'base/5/1', [5, 2, 9]);
    mergeBlocks(m, 'base/5/2', [3, 3, 0]);
    mergeBlocks(m, 'base/5/3', []);
    expect(m).toEqual(new Map([['base/5/1', [1, 2, 5, 9]], ['base/5/2', [0, 3]]]));
  });
});

/** A record as scanForward hands it over, made by hand. */
function fakeRecord(rmid: number, info: number, mainData: Buffer, blocks: Array<{ fork: number; rel: [number, number, number]; block: number }> = []) {
  const h = new WalBlockHeaders();
  blocks.forEach((b, i) => {
    h.flags[i] = b.fork | (i === 0 ? BKPBLOCK_HAS_IMAGE : 0);
    [h.spcOid[i], h.dbOid[i], h.relNumber[i]] = b.rel;
    h.blockNo[i] = b.block;
  });
  h.count = blocks.length;
  return { rmid, info, blocks: h, mainData: () => mainData };
}

const u32s = (...values: number[]) => Buffer.from(new Uint32Array(values).buffer);

describe('collectRecord', () => {
  it('counts main-fork block references of any rmgr, custom ones included, and ignores other forks', () => {
    const c = new TargetChangeCollector();
    const refs = [
      { fork: 0, rel: [1663, 5, 16384] as [number, number, number], block: 3 },
      { fork: 2, rel: [1663, 5, 16384] as [number, number, number], block: 0 },
      { fork: 1, rel: [1663, 5, 16384] as [number, number, number], block: 9 },
    ];
    expect(collectRecord(fakeRecord(RM_HEAP_ID, 0x00, Buffer.alloc(0), refs), c)).toBeNull();
    expect(collectRecord(fakeRecord(130, 0x10, Buffer.alloc(0), [{ fork: 0, rel: [1663, 5, 16390], block: 4 }]), c)).toBeNull();
    expect(changedBlocksByFile(c, layout)).toEqual(new Map([['base/5/16384', [3]], ['base/5/16390', [4]]]));
  });

  it('records main-fork creations and truncations, database creations, and nothing for drops and commits', () => {
    const c = new TargetChangeCollector();
    const special = XLR_SPECIAL_REL_UPDATE;
    expect(collectRecord(fakeRecord(RM_SMGR_ID, XLOG_SMGR_CREATE | special, u32s(1663, 5, 16400, 0)), c)).toBeNull();
    expect(collectRecord(fakeRecord(RM_SMGR_ID, XLOG_SMGR_CREATE | special, u32s(1663, 5, 16401, 2)), c)).toBeNull(); // vm fork
    expect(collectRecord(fakeRecord(RM_SMGR_ID, XLOG_SMGR_TRUNCATE | special, u32s(10, 1663, 5, 16402, SMGR_TRUNCATE_HEAP | SMGR_TRUNCATE_VM)), c)).toBeNull();
    expect(collectRecord(fakeRecord(RM_SMGR_ID, XLOG_SMGR_TRUNCATE | special, u32s(0, 1663, 5, 16403, SMGR_TRUNCATE_VM)), c)).toBeNull();
    expect(collectRecord(fakeRecord(RM_DBASE_ID, XLOG_DBASE_CREATE_FILE_COPY | special, u32s(16410, 1663, 1, 1663)), c)).toBeNull();
    expect(collectRecord(fakeRecord(RM_DBASE_ID, XLOG_DBASE_CREATE_WAL_LOG | special, u32s(16411, 16500)), c)).toBeNull();
    expect(collectRecord(fakeRecord(RM_DBASE_ID, XLOG_DBASE_DROP | special, u32s(16412, 1, 1663)), c)).toBeNull();
    expect(collectRecord(fakeRecord(RM_XACT_ID, XLOG_XACT_COMMIT | special, Buffer.alloc(8)), c)).toBeNull();
    expect(c.createdRelations).toEqual([{ spcOid: 1663, dbOid: 5, relNumber: 16400 }]);
    expect(c.truncations).toEqual([{ spcOid: 1663, dbOid: 5, relNumber: 16402, fromBlock: 10 }]);
    expect(c.createdDatabases).toEqual([{ spcOid: 1663, dbOid: 16410 }, { spcOid: 16500, dbOid: 16411 }]);
  });

  it('refuses a relation update it cannot account for, and a malformed relation-level record', () => {
    const c = new TargetChangeCollector();
    expect(collectRecord(fakeRecord(130, 0x20 | XLR_SPECIAL_REL_UPDATE, Buffer.alloc(0)), c)).toMatch(/custom130 record \(info 0x21\) changes a relation in a way its block references do not show/);
    expect(collectRecord(fakeRecord(RM_HEAP_ID, 0x30 | XLR_SPECIAL_REL_UPDATE, Buffer.alloc(0)), c)).toMatch(/Heap record/);
    expect(collectRecord(fakeRecord(RM_SMGR_ID, XLOG_SMGR_CREATE, Buffer.alloc(4)), c)).toMatch(/Storage record \(info 0x10\) is malformed: smgr create record data is 4 bytes/);
  });
});

describe('the fast WAL path it rests on', () => {
  it('crc32cUpdateWords equals the byte-wise CRC at every alignment and length', () => {
    const data = randomBytes(4096 + 16);
    for (const shift of [0, 1, 2, 3, 4, 8]) {
      const buf = data.subarray(shift); // byteOffset not a multiple of 4 for some shifts
      for (const [start, end] of [[0, 4096], [24, 1000], [8, 8 + 64], [8, 8 + 63], [3, 4000], [0, 0], [16, 16 + 300]]) {
        expect(crc32cUpdateWords(CRC32C_INIT, buf, start, end)).toBe(crc32cUpdate(CRC32C_INIT, buf, start, end));
      }
    }
  });

  it('scanForward hands over the same records as readForward, across a timeline switch and multi-page records', async () => {
    const segments = loadSegments('pg15');
    const history = parseTimelineHistory(loadHistoryText());
    const timelineForLsn = (lsn: Lsn) => timelineOfLsn(history, 2, lsn);
    const start = parseLsn('0/700028');
    const full: WalRecord[] = [];
    const scan = new WalReader(memorySource(segments), { timelineForLsn }).readForward(start);
    for await (const r of scan) full.push(r);
    const fast: unknown[] = [];
    const shape = (r: WalRecord | WalRecordView) => {
      const blocks = r instanceof WalRecordView
        ? Array.from({ length: r.blocks.count }, (_, i) => [r.blocks.id[i], r.blocks.flags[i], r.blocks.spcOid[i], r.blocks.dbOid[i], r.blocks.relNumber[i], r.blocks.blockNo[i]])
        : r.blocks.map((b) => [b.id, b.flags, b.rel.spcOid, b.rel.dbOid, b.rel.relNumber, b.blockNo]);
      const mainData = r instanceof WalRecordView ? r.mainData() : r.mainData;
      return [formatLsn(r.lsn), formatLsn(r.endLsn), r.tli, r.totLen, r.rmid, r.info, r.xid, formatLsn(r.prev), mainData.toString('hex'), blocks];
    };
    const end = await new WalReader(memorySource(segments), { timelineForLsn }).scanForward(start, (r) => fast.push(shape(r)), { readAhead: true });
    expect(fast).toEqual(full.map(shape));
    expect(full.some((r) => r.tli === 2) && full.some((r) => r.raw.length > 8192)).toBe(true);
    expect(end).toMatchObject({ lsn: scan.end!.lsn, lastRecordLsn: scan.end!.lastRecordLsn, reason: scan.end!.reason, message: scan.end!.message });
  });

  it('scanForward stops before endLsn, and throws when the first record cannot be read', async () => {
    const segments = loadSegments('pg18');
    let n = 0;
    const end = await new WalReader(memorySource(segments), { timeline: 1 }).scanForward(parseLsn('0/900028'), () => n++, { endLsn: parseLsn('0/904038') });
    expect(end).toMatchObject({ lsn: parseLsn('0/904038'), reason: 'end-lsn' });
    expect(n).toBe(8);
    await expect(new WalReader(memorySource(segments), { timeline: 1 }).scanForward(parseLsn('0/700028'), () => undefined)).rejects.toThrow(
      /WAL segment 000000010000000000000007 is not available/,
    );
  });
});

describe('targetWalChanges on PostgreSQL 18 WAL (checked against pg_walinspect)', () => {
  const expected = loadExpected18();
  const segments = loadSegments('pg18');
  const systemIdentifier = BigInt(expected.facts.start.systemIdentifier as string);
  const R = parseLsn('0/900028');
  let pgdata: string;

  /** A PGDATA with only pg_wal (a symlink, as initdb --waldir makes it) and the relation files a test asks for. */
  function makePgdata(without: string[] = [], files: Record<string, number> = {}): string {
    pgdata = mkdtempSync(join(tmpdir(), 'target-wal-changes-'));
    const walDir = join(pgdata, 'wal-elsewhere');
    mkdirSync(walDir);
    symlinkSync(walDir, join(pgdata, 'pg_wal'));
    for (const [name, buf] of segments) if (!without.includes(name)) writeFileSync(join(walDir, name), buf);
    for (const [file, blocks] of Object.entries(files)) {
      mkdirSync(join(pgdata, file, '..'), { recursive: true });
      writeFileSync(join(pgdata, file), Buffer.alloc(blocks * 8192));
    }
    return pgdata;
  }
  afterEach(() => rmSync(pgdata, { recursive: true, force: true }));

  const input = (over: Partial<TargetWalChangesInput> = {}): TargetWalChangesInput => ({
    pgdata, fromLsn: R, timelineForLsn: () => 1, systemIdentifier, walSegmentSize: SEG_SIZE, blockSize: 8192,
    relsegSize: 131072, tablespaceVersionDir: 'PG_18_202506291', mustReach: parseLsn(expected.facts.shutdowncheckpoint.checkpoint_lsn as string), ...over,
  });

  it('finds every main-fork block the WAL references, whole files for relations created, and reads to the end', async () => {
    makePgdata([], { 'base/5/16391': 2, 'base/5/16391.1': 1, 'base/5/16399': 3 });
    const res = await targetWalChanges(input());
    if (!res.complete) throw new Error(res.reason);
    // The full decoder's main-fork block references from R to the end, as planDelta wants them.
    const want = new Map<string, Set<number>>();
    const add = (p: string, block: number) => (want.get(p) ?? want.set(p, new Set()).get(p)!).add(block);
    for await (const r of new WalReader(memorySource(segments), { timeline: 1 }).readForward(R)) {
      for (const b of r.blocks) if (b.forkNumber === 0) add(relationSegmentPath(b.rel.spcOid, b.rel.dbOid, b.rel.relNumber, 'main', 0, 'x'), b.blockNo);
    }
    expect(res.changed).toEqual(new Map([...want].map(([p, s]) => [p, [...s].sort((a, b) => a - b)])));
    expect(res.changed.size).toBeGreaterThan(5);
    // And every one pg_walinspect showed (its capture stops a few records before the shutdown checkpoint).
    for (const r of expected.records) {
      for (const b of r.blocks) {
        if (b.fork === 'main') expect(res.changed.get(relationSegmentPath(b.spcOid, b.dbOid, b.relNumber, 'main', 0, 'x'))).toContain(b.blockNo);
      }
    }
    // Storage CREATE base/5/16391 (and others whose files are gone): the files that exist, whole.
    expect(res.wholeFiles).toEqual(new Set(['base/5/16391', 'base/5/16391.1', 'base/5/16399']));
    expect(res.wholeDirectories).toEqual([]);
    expect(formatLsn(res.endLsn)).toBe('0/B03C60');
    expect(res.walBytes).toBe(Number(res.endLsn - R));
    expect(res.records).toBe(946);
    expect([...res.changed.keys()].every((p) => !/_(vm|fsm|init)/.test(p))).toBe(true);
    expect(expected.records.some((r) => r.blocks.some((b) => b.fork !== 'main'))).toBe(true);
  });

  it('counts every block from a truncation point up that the target file has now', async () => {
    // From just after base/5/16399 was created: its truncation to 1 block (0/978908) is in range, its creation is not.
    makePgdata([], { 'base/5/16399': 4 });
    const res = await targetWalChanges(input({ fromLsn: parseLsn('0/93D240') }));
    if (!res.complete) throw new Error(res.reason);
    expect(res.wholeFiles.has('base/5/16399')).toBe(false);
    expect(res.changed.get('base/5/16399')).toEqual(expect.arrayContaining([1, 2, 3]));
  });

  it('is incomplete, naming the segment, when a segment after R is missing', async () => {
    makePgdata(['00000001000000000000000A']);
    const res = await targetWalChanges(input());
    expect(res.complete).toBe(false);
    if (res.complete) return;
    // The last record of segment 9 continues in segment A: the WAL ends where it starts.
    expect(res.reason).toMatch(/^the target's WAL ends at 0\/9FB4E0, before 0\/B03BE8 that it must reach: WAL segment 00000001000000000000000A is not available/);
    expect(res.walBytes).toBe(0x9fb4e0 - 0x900028);
  });

  it('is incomplete when the WAL ends before mustReach, or R cannot be read, or the WAL is another cluster\'s', async () => {
    makePgdata();
    const short = await targetWalChanges(input({ mustReach: parseLsn('0/B04000') }));
    expect(short).toMatchObject({ complete: false, reason: expect.stringMatching(/ends at 0\/B03C60, before 0\/B04000 .*invalid record length at 0\/B03C60/) });
    const noR = await targetWalChanges(input({ fromLsn: parseLsn('0/800028') }));
    expect(noR).toMatchObject({ complete: false, walBytes: 0, reason: expect.stringMatching(/WAL at R \(0\/800028\) cannot be read: WAL segment 000000010000000000000008 is not available/) });
    const other = await targetWalChanges(input({ systemIdentifier: systemIdentifier + 1n }));
    expect(other).toMatchObject({ complete: false, reason: expect.stringMatching(/different database system/) });
  });

  it('reads the fixture with the block references pg_walinspect shows, fork names included', () => {
    // Guards the comparison above: the fixture has references outside the main fork to ignore.
    const forks = new Set(expected.records.flatMap((r) => r.blocks.map((b) => b.fork)));
    expect(forks.has('main')).toBe(true);
    expect([...forks].every((f) => [0, 1, 2, 3].map(forkName).includes(f))).toBe(true);
  });
});
