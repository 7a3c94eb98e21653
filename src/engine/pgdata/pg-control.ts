/**
 * `global/pg_control` (ControlFileData, src/include/catalog/pg_control.h) for PostgreSQL
 * 15-18, read little-endian with x86-64/aarch64 alignment. Pure: takes the file's bytes.
 *
 * Layouts by pg_control_version (checked against real files, test/fixtures/pg_control):
 * - 1300 (13-16): the base layout below.
 * - 1700 (17): CheckPoint gains `wal_level` in what was padding after fullPageWrites;
 *   no other offset moves and the CRC stays at 288.
 * - 1800 (18): ControlFileData gains `default_char_signedness` after
 *   data_checksum_version, pushing the mock auth nonce and the CRC to 292.
 */

import { crc32c } from '../checksums/crc32c';
import { CheckPointData, decodeCheckPoint, SIZE_OF_CHECKPOINT } from '../wal/checkpoint';
import { Lsn } from '../wal/lsn';

export const PG_CONTROL_FILE_SIZE = 8192;

export type DbState =
  | 'starting up'
  | 'shut down'
  | 'shut down in recovery'
  | 'shutting down'
  | 'in crash recovery'
  | 'in archive recovery'
  | 'in production';

export type WalLevelName = 'minimal' | 'replica' | 'logical';

// DBState enum order; pg_controldata prints these same words.
const DB_STATES: readonly DbState[] = [
  'starting up',
  'shut down',
  'shut down in recovery',
  'shutting down',
  'in crash recovery',
  'in archive recovery',
  'in production',
];

const WAL_LEVELS: readonly WalLevelName[] = ['minimal', 'replica', 'logical'];

export interface PgControl {
  systemIdentifier: bigint;
  /** Decimal text of systemIdentifier, for JSON and messages. */
  systemIdentifierText: string;
  pgControlVersion: number;
  catalogVersionNo: number;
  /** Major version the catalog version points to; a hint, not a check. */
  majorVersionHint: number | null;
  state: DbState;
  stateCode: number;
  /** Last update of the file, seconds since the Unix epoch. */
  time: number;
  /** Where the last checkpoint (or restartpoint) record starts. */
  checkpointLsn: Lsn;

  /** The copy of the last checkpoint record, decoded as the WAL record's CheckPoint is. */
  checkPointCopy: CheckPointData;
  /** Its redo point and timeline, which nearly every caller needs. */
  redoLsn: Lsn;
  timeline: number;

  unloggedLsn: Lsn;
  minRecoveryPoint: Lsn;
  minRecoveryPointTli: number;
  backupStartPoint: Lsn;
  backupEndPoint: Lsn;
  backupEndRequired: boolean;

  // Settings as of the last startup (XLogReportParameters).
  walLevel: number;
  walLevelName: WalLevelName | 'unknown';
  walLogHints: boolean;
  maxConnections: number;
  maxWorkerProcesses: number;
  maxWalSenders: number;
  maxPreparedXacts: number;
  maxLocksPerXact: number;
  trackCommitTimestamp: boolean;

  // Build-time constants the server checks on startup.
  maxAlign: number;
  floatFormat: number;
  blockSize: number;
  /** Blocks per relation segment file (RELSEG_SIZE). */
  relsegSize: number;
  walBlockSize: number;
  walSegmentSize: number;
  nameDataLen: number;
  indexMaxKeys: number;
  toastMaxChunkSize: number;
  loblksize: number;
  float8ByVal: boolean;
  /** 0 when data checksums are off. */
  dataChecksumVersion: number;
  /** 18+ only, null before. */
  defaultCharSignedness: boolean | null;
  crc: number;
}

// Offsets shared by every supported version. CheckPoint starts at 40 and is 88 bytes.
const OFF = {
  systemIdentifier: 0,
  pgControlVersion: 8,
  catalogVersionNo: 12,
  state: 16,
  time: 24,
  checkPoint: 32,
  checkPointCopy: 40,
  unloggedLsn: 128,
  minRecoveryPoint: 136,
  minRecoveryPointTli: 144,
  backupStartPoint: 152,
  backupEndPoint: 160,
  backupEndRequired: 168,
  walLevel: 172,
  walLogHints: 176,
  maxConnections: 180,
  maxWorkerProcesses: 184,
  maxWalSenders: 188,
  maxPreparedXacts: 192,
  maxLocksPerXact: 196,
  trackCommitTimestamp: 200,
  maxAlign: 204,
  floatFormat: 208,
  blcksz: 216,
  relsegSize: 220,
  xlogBlcksz: 224,
  xlogSegSize: 228,
  nameDataLen: 232,
  indexMaxKeys: 236,
  toastMaxChunkSize: 240,
  loblksize: 244,
  float8ByVal: 248,
  dataChecksumVersion: 252,
} as const;

interface Layout {
  /** 17+: CheckPoint carries wal_level (in what was padding; no offset moves). */
  checkpointHasWalLevel: boolean;
  defaultCharSignedness: number | null;
  crc: number;
}

const LAYOUTS: ReadonlyMap<number, Layout> = new Map([
  [1300, { checkpointHasWalLevel: false, defaultCharSignedness: null, crc: 288 }],
  [1700, { checkpointHasWalLevel: true, defaultCharSignedness: null, crc: 288 }],
  [1800, { checkpointHasWalLevel: true, defaultCharSignedness: 256, crc: 292 }],
]);

/** pg_control_version values this parser reads. */
export const SUPPORTED_PG_CONTROL_VERSIONS: readonly number[] = [...LAYOUTS.keys()];

// Catalog versions of the x.0 releases sharing pg_control_version 1300: a catversion
// above release N's is N+1 (final or a development build of it).
const CATVERSION_1300: ReadonlyArray<[number, number]> = [
  [202209061, 16],
  [202107181, 15],
  [202007201, 14],
];

// Checked on every startup by the server to catch foreign architectures.
const FLOAT_FORMAT = 1234567.0;

/** Byte offset of the CRC field for a pg_control_version; the CRC covers bytes before it. */
export function pgControlCrcOffset(pgControlVersion: number): number {
  const layout = LAYOUTS.get(pgControlVersion);
  if (!layout) throw new Error(unsupportedVersionMessage('pg_control', pgControlVersion));
  return layout.crc;
}

/** Stored and computed CRC of a pg_control image of a supported version. */
export function pgControlCrc(buf: Buffer): { stored: number; computed: number } {
  const offset = pgControlCrcOffset(readVersion(buf, 'pg_control'));
  if (buf.length < offset + 4) {
    throw new Error(`pg_control is truncated: ${buf.length} bytes, the CRC alone ends at byte ${offset + 4}`);
  }
  return { stored: buf.readUInt32LE(offset), computed: crc32c(buf, 0, offset) };
}

/** Best guess of the PostgreSQL major version that wrote this file. */
export function majorVersionHint(pgControlVersion: number, catalogVersionNo: number): number | null {
  if (pgControlVersion === 1800) return 18;
  if (pgControlVersion === 1700) return 17;
  if (pgControlVersion !== 1300) return null;
  for (const [releaseCatversion, next] of CATVERSION_1300) {
    if (catalogVersionNo > releaseCatversion) return next;
  }
  return 13;
}

/**
 * Parses and verifies pg_control. `name` (e.g. the file's path) prefixes error messages.
 * Throws when the version is unknown, the file is short, the CRC does not match, or the
 * file comes from a different architecture.
 */
export function parsePgControl(buf: Buffer, name = 'pg_control'): PgControl {
  const { version, layout, stored, floatFormat } = verifyPgControl(buf, name);

  const u32 = (offset: number): number => buf.readUInt32LE(offset);
  const i32 = (offset: number): number => buf.readInt32LE(offset);
  const u64 = (offset: number): bigint => buf.readBigUInt64LE(offset);
  const bool = (offset: number): boolean => buf[offset] !== 0;
  const seconds = (offset: number): number => Number(buf.readBigInt64LE(offset));

  const systemIdentifier = u64(OFF.systemIdentifier);
  const catalogVersionNo = u32(OFF.catalogVersionNo);
  const stateCode = u32(OFF.state);
  const state = DB_STATES[stateCode];
  if (state === undefined) {
    throw new Error(`${name} has an unknown cluster state ${stateCode}; the file is not from PostgreSQL 15-18`);
  }
  const walLevel = i32(OFF.walLevel);
  // pg_control embeds a copy of the last checkpoint record's CheckPoint; wal_level is in it from 17 on.
  const ckpt = decodeCheckPoint(buf.subarray(OFF.checkPointCopy, OFF.checkPointCopy + SIZE_OF_CHECKPOINT), layout.checkpointHasWalLevel ? 17 : 16);

  return {
    systemIdentifier,
    systemIdentifierText: systemIdentifier.toString(),
    pgControlVersion: version,
    catalogVersionNo,
    majorVersionHint: majorVersionHint(version, catalogVersionNo),
    state,
    stateCode,
    time: seconds(OFF.time),
    checkpointLsn: u64(OFF.checkPoint),

    checkPointCopy: ckpt,
    redoLsn: ckpt.redo,
    timeline: ckpt.timeline,

    unloggedLsn: u64(OFF.unloggedLsn),
    minRecoveryPoint: u64(OFF.minRecoveryPoint),
    minRecoveryPointTli: u32(OFF.minRecoveryPointTli),
    backupStartPoint: u64(OFF.backupStartPoint),
    backupEndPoint: u64(OFF.backupEndPoint),
    backupEndRequired: bool(OFF.backupEndRequired),

    walLevel,
    walLevelName: WAL_LEVELS[walLevel] ?? 'unknown',
    walLogHints: bool(OFF.walLogHints),
    maxConnections: i32(OFF.maxConnections),
    maxWorkerProcesses: i32(OFF.maxWorkerProcesses),
    maxWalSenders: i32(OFF.maxWalSenders),
    maxPreparedXacts: i32(OFF.maxPreparedXacts),
    maxLocksPerXact: i32(OFF.maxLocksPerXact),
    trackCommitTimestamp: bool(OFF.trackCommitTimestamp),

    maxAlign: u32(OFF.maxAlign),
    floatFormat,
    blockSize: u32(OFF.blcksz),
    relsegSize: u32(OFF.relsegSize),
    walBlockSize: u32(OFF.xlogBlcksz),
    walSegmentSize: u32(OFF.xlogSegSize),
    nameDataLen: u32(OFF.nameDataLen),
    indexMaxKeys: u32(OFF.indexMaxKeys),
    toastMaxChunkSize: u32(OFF.toastMaxChunkSize),
    loblksize: u32(OFF.loblksize),
    float8ByVal: bool(OFF.float8ByVal),
    dataChecksumVersion: u32(OFF.dataChecksumVersion),
    defaultCharSignedness: layout.defaultCharSignedness === null ? null : bool(layout.defaultCharSignedness),
    crc: stored,
  };
}

/** The checks before any field is trusted: a known version, the whole file, its CRC, our architecture. */
function verifyPgControl(buf: Buffer, name: string): { version: number; layout: NonNullable<ReturnType<typeof LAYOUTS.get>>; stored: number; floatFormat: number } {
  const version = readVersion(buf, name);
  const layout = LAYOUTS.get(version);
  if (!layout) throw new Error(unsupportedVersionMessage(name, version));
  if (buf.length < layout.crc + 4) {
    throw new Error(
      `${name} is truncated: ${buf.length} bytes where pg_control version ${version} needs ${layout.crc + 4} ` +
        `(the file is normally ${PG_CONTROL_FILE_SIZE}); copy it again from a stopped server or a backup`,
    );
  }
  const stored = buf.readUInt32LE(layout.crc);
  const computed = crc32c(buf, 0, layout.crc);
  if (stored !== computed) {
    throw new Error(
      `${name} is corrupt: CRC-32C mismatch (stored ${hex(stored)}, computed ${hex(computed)}). ` +
        'It was damaged, or copied while the server was writing it; copy it again, ' +
        'or take it from a backup',
    );
  }
  const floatFormat = buf.readDoubleLE(OFF.floatFormat);
  if (floatFormat !== FLOAT_FORMAT) {
    throw new Error(
      `${name} was written by a server of a different architecture (float format ${floatFormat}); ` +
        'pg-catchup reads little-endian 64-bit clusters only',
    );
  }
  return { version, layout, stored, floatFormat };
}

function readVersion(buf: Buffer, name: string): number {
  if (buf.length < 16) {
    throw new Error(`${name} is truncated: ${buf.length} bytes, too short to hold a pg_control version`);
  }
  return buf.readUInt32LE(OFF.pgControlVersion);
}

function unsupportedVersionMessage(name: string, version: number): string {
  // The server's own hint: a version that reads as N*65536 is a byte-swapped small number.
  const swapped = version % 65536 === 0 && version !== 0;
  return (
    `${name} has pg_control version ${version}, which pg-catchup does not read ` +
    `(PostgreSQL 15/16 use 1300, 17 uses 1700, 18 uses 1800)` +
    (swapped ? '; it looks byte-swapped: was it written on a big-endian machine?' : '') +
    '; check that the file belongs to a supported PostgreSQL release'
  );
}

function hex(value: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(8, '0')}`;
}

/**
 * A copy of pg_control set up as pg_rewind leaves it for a target that must replay WAL before it
 * is consistent: in archive recovery, consistent no earlier than `minRecoveryPoint`. With a
 * backup_label saying "BACKUP FROM: standby", that point is where the backup ends.
 */
export function pgControlForReplay(buf: Buffer, minRecoveryPoint: Lsn, minRecoveryPointTli: number): Buffer {
  const out = Buffer.from(buf);
  const crcAt = pgControlCrcOffset(readVersion(out, 'pg_control'));
  out.writeUInt32LE(DB_STATES.indexOf('in archive recovery'), OFF.state);
  out.writeBigUInt64LE(minRecoveryPoint, OFF.minRecoveryPoint);
  out.writeUInt32LE(minRecoveryPointTli, OFF.minRecoveryPointTli);
  out.writeUInt32LE(crc32c(out, 0, crcAt), crcAt);
  return out;
}
