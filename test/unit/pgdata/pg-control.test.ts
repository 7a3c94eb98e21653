import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import {
  majorVersionHint,
  parsePgControl,
  pgControlCrc,
  pgControlCrcOffset,
  PgControl,
  pgControlForReplay,
  SUPPORTED_PG_CONTROL_VERSIONS,
} from '../../../src/engine/pgdata/pg-control';
import { formatLsn } from '../../../src/engine/wal/lsn';
import { segmentFileName, segmentNoOf } from '../../../src/engine/wal/wal-segment';

// Captured from real clusters by test/fixtures/pg_control/capture.sh; the expected values
// come from PostgreSQL itself (SQL functions, SHOW, pg_controldata), not from this parser.
const FIXTURES = join(__dirname, '../../fixtures/pg_control');
const fixtureNames = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.bin'))
  .map((f) => f.slice(0, -'.bin'.length))
  .sort();

type Expected = Record<string, string | number | boolean>;

function load(name: string): { buf: Buffer; expected: Expected } {
  const buf = readFileSync(join(FIXTURES, `${name}.bin`));
  const json = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as { expected: Expected };
  return { buf, expected: json.expected };
}

/** The parser's output in the vocabulary of the expected JSON. */
function asExpected(c: PgControl): Expected {
  const out: Expected = {
    majorVersion: c.majorVersionHint ?? -1,
    systemIdentifier: c.systemIdentifierText,
    pgControlVersion: c.pgControlVersion,
    catalogVersionNo: c.catalogVersionNo,
    state: c.state,
    time: c.time,
    checkpointLsn: formatLsn(c.checkpointLsn),
    redoLsn: formatLsn(c.redoLsn),
    redoWalFile: segmentFileName(c.timeline, segmentNoOf(c.redoLsn, c.walSegmentSize), c.walSegmentSize),
    timeline: c.timeline,
    prevTimeline: c.checkPointCopy.prevTimeline,
    fullPageWrites: c.checkPointCopy.fullPageWrites,
    nextFullXid: c.checkPointCopy.nextFullXid.toString(),
    nextOid: c.checkPointCopy.nextOid,
    nextMulti: c.checkPointCopy.nextMulti,
    nextMultiOffset: c.checkPointCopy.nextMultiOffset,
    oldestXid: c.checkPointCopy.oldestXid,
    oldestXidDb: c.checkPointCopy.oldestXidDb,
    oldestActiveXid: c.checkPointCopy.oldestActiveXid,
    oldestMulti: c.checkPointCopy.oldestMulti,
    oldestMultiDb: c.checkPointCopy.oldestMultiDb,
    oldestCommitTsXid: c.checkPointCopy.oldestCommitTsXid,
    newestCommitTsXid: c.checkPointCopy.newestCommitTsXid,
    checkpointTime: c.checkPointCopy.time,
    minRecoveryPoint: formatLsn(c.minRecoveryPoint),
    minRecoveryPointTli: c.minRecoveryPointTli,
    backupStartPoint: formatLsn(c.backupStartPoint),
    backupEndPoint: formatLsn(c.backupEndPoint),
    backupEndRequired: c.backupEndRequired,
    walLevelName: c.walLevelName,
    walLogHints: c.walLogHints,
    maxConnections: c.maxConnections,
    maxWorkerProcesses: c.maxWorkerProcesses,
    maxWalSenders: c.maxWalSenders,
    maxPreparedXacts: c.maxPreparedXacts,
    maxLocksPerXact: c.maxLocksPerXact,
    trackCommitTimestamp: c.trackCommitTimestamp,
    maxAlign: c.maxAlign,
    blockSize: c.blockSize,
    relsegSize: c.relsegSize,
    walBlockSize: c.walBlockSize,
    walSegmentSize: c.walSegmentSize,
    nameDataLen: c.nameDataLen,
    indexMaxKeys: c.indexMaxKeys,
    toastMaxChunkSize: c.toastMaxChunkSize,
    loblksize: c.loblksize,
    float8ByVal: c.float8ByVal,
    dataChecksumVersion: c.dataChecksumVersion,
  };
  if (c.defaultCharSignedness !== null) out.defaultCharSignedness = c.defaultCharSignedness;
  return out;
}

describe('parsePgControl on real pg_control files', () => {
  it('has fixtures for every supported major version', () => {
    for (const major of [15, 16, 17, 18]) {
      expect(fixtureNames.filter((n) => n.startsWith(`pg${major}-`)).length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(fixtureNames)('%s matches what PostgreSQL reports', (name) => {
    const { buf, expected } = load(name);
    expect(asExpected(parsePgControl(buf))).toEqual(expected);
  });

  it.each(fixtureNames)('%s: the checkpoint copy carries wal_level from 17 on', (name) => {
    const c = parsePgControl(load(name).buf);
    if (c.pgControlVersion >= 1700) expect(c.checkPointCopy.walLevel).toBe(c.walLevel);
    else expect(c.checkPointCopy.walLevel).toBeNull();
  });

  it.each(fixtureNames)('%s: any flipped byte under the CRC is refused', (name) => {
    const { buf } = load(name);
    const crcOffset = pgControlCrcOffset(buf.readUInt32LE(8));
    // every byte except the version field (which would change the layout instead)
    for (const offset of [0, 16, 32, 40, 100, 136, 204, 252, crcOffset - 1, crcOffset]) {
      const damaged = Buffer.from(buf);
      damaged[offset] ^= 0x01;
      expect(() => parsePgControl(damaged, 'target/global/pg_control')).toThrow(
        /target\/global\/pg_control is corrupt: CRC-32C mismatch/,
      );
    }
  });

  it('ignores bytes after the CRC, which PostgreSQL leaves zero', () => {
    const { buf } = load('pg17-running');
    const padded = Buffer.from(buf);
    padded[4000] = 0xff;
    expect(() => parsePgControl(padded)).not.toThrow();
  });
});

describe('pg_control layouts', () => {
  it('reads versions 1300, 1700 and 1800, with the CRC at 288, 288 and 292', () => {
    expect(SUPPORTED_PG_CONTROL_VERSIONS).toEqual([1300, 1700, 1800]);
    expect([1300, 1700, 1800].map(pgControlCrcOffset)).toEqual([288, 288, 292]);
  });

  it('reports stored and computed CRC', () => {
    const { stored, computed } = pgControlCrc(load('pg18-running').buf);
    expect(stored).toBe(computed);
  });

  it('refuses an unknown pg_control version and says which ones it reads', () => {
    const buf = Buffer.from(load('pg15-running').buf);
    buf.writeUInt32LE(1201, 8);
    expect(() => parsePgControl(buf, 'pg_control')).toThrow(/pg_control version 1201.*1300, 17 uses 1700, 18 uses 1800/);
  });

  it('hints at byte order when the version looks byte-swapped', () => {
    const buf = Buffer.from(load('pg15-running').buf);
    buf.writeUInt32BE(1300, 8);
    expect(() => parsePgControl(buf)).toThrow(/byte-swapped/);
  });

  it('refuses a truncated file', () => {
    const { buf } = load('pg18-running');
    expect(() => parsePgControl(buf.subarray(0, 200))).toThrow(/truncated: 200 bytes/);
    expect(() => parsePgControl(buf.subarray(0, 10))).toThrow(/truncated/);
  });
});

describe('majorVersionHint', () => {
  it('derives the major version from pg_control and catalog versions', () => {
    expect(majorVersionHint(1300, 202209061)).toBe(15);
    expect(majorVersionHint(1300, 202307071)).toBe(16);
    expect(majorVersionHint(1300, 202107181)).toBe(14);
    expect(majorVersionHint(1700, 202406281)).toBe(17);
    expect(majorVersionHint(1800, 202506291)).toBe(18);
    expect(majorVersionHint(1201, 201909212)).toBeNull();
  });
});

describe('pgControlForReplay', () => {
  it.each(fixtureNames)('%s: in archive recovery until the given point, with a valid CRC and nothing else changed', (name) => {
    const { buf } = load(name);
    const before = parsePgControl(buf);
    const out = pgControlForReplay(buf, 0x12345678abcn, 7);
    const after = parsePgControl(out);
    expect(after.state).toBe('in archive recovery');
    expect(after.minRecoveryPoint).toBe(0x12345678abcn);
    expect(after.minRecoveryPointTli).toBe(7);
    expect({ ...after, state: before.state, stateCode: before.stateCode, minRecoveryPoint: before.minRecoveryPoint, minRecoveryPointTli: before.minRecoveryPointTli, crc: before.crc })
      .toEqual(before);
    expect(buf.equals(load(name).buf)).toBe(true);
  });
});
