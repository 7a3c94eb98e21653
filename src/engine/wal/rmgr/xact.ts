/**
 * The Transaction resource manager's records (access/xact.h): which records end a
 * transaction, and the main data of commits and aborts (ParseCommitRecord /
 * ParseAbortRecord). Pure.
 */

import type { Lsn } from '../lsn';
import { WalRecordFormatError, WalRecordHeader } from '../record-header';
import type { RelFileLocator } from '../rel-file-locator';
import { RM_XACT_ID } from './rmgr-ids';

export const XLOG_XACT_OPMASK = 0x70;
export const XLOG_XACT_COMMIT = 0x00;
export const XLOG_XACT_PREPARE = 0x10;
export const XLOG_XACT_ABORT = 0x20;
export const XLOG_XACT_COMMIT_PREPARED = 0x30;
export const XLOG_XACT_ABORT_PREPARED = 0x40;
export const XLOG_XACT_ASSIGNMENT = 0x50;
export const XLOG_XACT_INVALIDATIONS = 0x60;
export const XLOG_XACT_HAS_INFO = 0x80;

export const XACT_XINFO_HAS_DBINFO = 1 << 0;
export const XACT_XINFO_HAS_SUBXACTS = 1 << 1;
export const XACT_XINFO_HAS_RELFILELOCATORS = 1 << 2;
export const XACT_XINFO_HAS_INVALS = 1 << 3;
export const XACT_XINFO_HAS_TWOPHASE = 1 << 4;
export const XACT_XINFO_HAS_ORIGIN = 1 << 5;
export const XACT_XINFO_HAS_AE_LOCKS = 1 << 6;
export const XACT_XINFO_HAS_GID = 1 << 7;
export const XACT_XINFO_HAS_DROPPED_STATS = 1 << 8;

/** A commit or abort record (xl_xact_commit / xl_xact_abort and their xinfo parts). */
export interface XactCompletionData {
  kind: 'commit' | 'abort';
  /** COMMIT_PREPARED / ABORT_PREPARED. */
  prepared: boolean;
  /** TimestampTz of the commit or abort: µs since 2000-01-01 UTC. */
  xactTime: bigint;
  xinfo: number;
  dbOid: number | null;
  tsOid: number | null;
  subxacts: number[];
  /** Relations whose files are dropped at commit (or, for an abort, created by the transaction). */
  droppedRelations: RelFileLocator[];
  droppedStatsCount: number;
  invalidationCount: number;
  /** For COMMIT/ABORT PREPARED: the prepared transaction's xid; null otherwise. */
  twophaseXid: number | null;
  gid: string | null;
  originLsn: Lsn | null;
  originTimestamp: bigint | null;
  /** Bytes of main data consumed by the parse; equals mainData.length for a well-formed record. */
  parsedLength: number;
}

/** The xact opcode of a transaction record (xl_info & XLOG_XACT_OPMASK). */
export function xactOpcode(header: Pick<WalRecordHeader, 'info'>): number {
  return header.info & XLOG_XACT_OPMASK;
}

/** True for commit, commit-prepared, abort and abort-prepared records. */
export function isXactCompletionRecord(header: Pick<WalRecordHeader, 'info' | 'rmid'>): boolean {
  if (header.rmid !== RM_XACT_ID) return false;
  const op = xactOpcode(header);
  return (
    op === XLOG_XACT_COMMIT ||
    op === XLOG_XACT_COMMIT_PREPARED ||
    op === XLOG_XACT_ABORT ||
    op === XLOG_XACT_ABORT_PREPARED
  );
}

/**
 * Parses a commit or abort record's main data (ParseCommitRecord / ParseAbortRecord). The
 * dropped-stats item is 12 bytes in 15-17 and 16 bytes in 18 (64-bit object IDs).
 */
export function decodeXactCompletion(
  header: Pick<WalRecordHeader, 'info' | 'rmid'>,
  mainData: Buffer,
  pgMajor: number,
): XactCompletionData {
  if (!isXactCompletionRecord(header)) {
    throw new WalRecordFormatError(`not a commit or abort record (rmid ${header.rmid}, info 0x${header.info.toString(16)})`);
  }
  const op = xactOpcode(header);
  const isCommit = op === XLOG_XACT_COMMIT || op === XLOG_XACT_COMMIT_PREPARED;
  const r = new XactDataReader(mainData, isCommit ? 'commit' : 'abort');
  r.need(8, 'xact_time');
  const xactTime = mainData.readBigInt64LE(0);
  r.pos = 8;
  let xinfo = 0;
  if (header.info & XLOG_XACT_HAS_INFO) {
    r.need(4, 'xinfo');
    xinfo = mainData.readUInt32LE(r.pos);
    r.pos += 4;
  }
  const result: XactCompletionData = {
    kind: isCommit ? 'commit' : 'abort',
    prepared: op === XLOG_XACT_COMMIT_PREPARED || op === XLOG_XACT_ABORT_PREPARED,
    xactTime,
    xinfo,
    dbOid: null,
    tsOid: null,
    subxacts: [],
    droppedRelations: [],
    droppedStatsCount: 0,
    invalidationCount: 0,
    twophaseXid: null,
    gid: null,
    originLsn: null,
    originTimestamp: null,
    parsedLength: 0,
  };
  // The parts xinfo announces follow in the order of its bits.
  if (xinfo & XACT_XINFO_HAS_DBINFO) readDbInfo(r, result);
  if (xinfo & XACT_XINFO_HAS_SUBXACTS) readSubxacts(r, result.subxacts);
  if (xinfo & XACT_XINFO_HAS_RELFILELOCATORS) readRelations(r, result.droppedRelations);
  if (xinfo & XACT_XINFO_HAS_DROPPED_STATS) {
    result.droppedStatsCount = skipItems(r, 'dropped stats count', pgMajor >= 18 ? 16 : 12, 'dropped stats');
  }
  if (isCommit && xinfo & XACT_XINFO_HAS_INVALS) {
    // 16 bytes: sizeof(SharedInvalidationMessage).
    result.invalidationCount = skipItems(r, 'invalidation count', 16, 'invalidation messages');
  }
  if (xinfo & XACT_XINFO_HAS_TWOPHASE) readTwophase(r, xinfo, result);
  if (xinfo & XACT_XINFO_HAS_ORIGIN) readOrigin(r, result);
  result.parsedLength = r.pos;
  return result;
}

/** A commit or abort record's main data, read front to back: each step reads at `pos` and moves it past what it read. */
class XactDataReader {
  pos = 0;

  constructor(
    readonly d: Buffer,
    private readonly kind: 'commit' | 'abort',
  ) {}

  /** Throws unless `bytes` more bytes are there for `what`. */
  need(bytes: number, what: string): void {
    if (this.pos + bytes > this.d.length) {
      throw new WalRecordFormatError(`${this.kind} record too short for ${what}`);
    }
  }

  /** The int32 count in front of an array. */
  count(what: string): number {
    this.need(4, what);
    const n = this.d.readInt32LE(this.pos);
    this.pos += 4;
    return n;
  }
}

function readDbInfo(r: XactDataReader, result: XactCompletionData): void {
  r.need(8, 'dbinfo');
  result.dbOid = r.d.readUInt32LE(r.pos);
  result.tsOid = r.d.readUInt32LE(r.pos + 4);
  r.pos += 8;
}

function readSubxacts(r: XactDataReader, into: number[]): void {
  const n = r.count('subtransaction count');
  r.need(4 * n, 'subtransactions');
  for (let i = 0; i < n; i++) into.push(r.d.readUInt32LE(r.pos + 4 * i));
  r.pos += 4 * n;
}

function readRelations(r: XactDataReader, into: RelFileLocator[]): void {
  const n = r.count('relation count');
  r.need(12 * n, 'relations');
  for (let i = 0; i < n; i++) {
    const at = r.pos + 12 * i;
    into.push({ spcOid: r.d.readUInt32LE(at), dbOid: r.d.readUInt32LE(at + 4), relNumber: r.d.readUInt32LE(at + 8) });
  }
  r.pos += 12 * n;
}

/** Steps over an array of `itemSize`-byte items whose contents nothing here needs; returns how many there are. */
function skipItems(r: XactDataReader, countWhat: string, itemSize: number, what: string): number {
  const n = r.count(countWhat);
  r.need(itemSize * n, what);
  r.pos += itemSize * n;
  return n;
}

function readTwophase(r: XactDataReader, xinfo: number, result: XactCompletionData): void {
  r.need(4, 'prepared xid');
  result.twophaseXid = r.d.readUInt32LE(r.pos);
  r.pos += 4;
  if (xinfo & XACT_XINFO_HAS_GID) {
    const nul = r.d.indexOf(0, r.pos);
    if (nul < 0) throw new WalRecordFormatError('unterminated GID in a prepared-transaction record');
    result.gid = r.d.toString('utf8', r.pos, nul);
    r.pos = nul + 1;
  }
}

function readOrigin(r: XactDataReader, result: XactCompletionData): void {
  r.need(16, 'origin');
  result.originLsn = r.d.readBigUInt64LE(r.pos);
  result.originTimestamp = r.d.readBigInt64LE(r.pos + 8);
  r.pos += 16;
}
