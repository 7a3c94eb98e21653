/**
 * Reads WAL records from segments, as PostgreSQL's xlogreader.c does: records spanning
 * pages and segments are reassembled, every page header and record CRC is checked, and
 * segments are found by timeline the way pg_rewind and recovery find them. The reader
 * does no I/O itself; a WalSegmentSource hands it whole segments.
 */

import { formatLsn, Lsn } from './lsn';
import { CheckPointData, decodeCheckPoint } from './checkpoint';
import { SIZE_OF_XLOG_RECORD, WalRecordFormatError, WalRecordHeader, XLOG_RECORD_MAX_SIZE, XLR_RMGR_INFO_MASK } from './record-header';
import { isValidRmgrId, RM_XLOG_ID, rmgrName } from './rmgr/rmgr-ids';
import { isCheckpointRecord, XLOG_SWITCH } from './rmgr/xlog';
import { computeWalRecordCrcAt, decodeWalBlockHeaders, WalBlockHeaders, walRecordBodyFrom, WalRecordBody } from './wal-record';
import {
  parseWalPageHeader,
  walPageHeaderProblem,
  WalPageHeader,
  WAL_PAGE_MAGIC,
  XLOG_BLCKSZ,
  XLP_FIRST_IS_OVERWRITE_CONTRECORD,
} from './wal-page';
import { isValidSegmentSize, segmentFileName } from './wal-segment';

/** Where segments come from: a pg_wal directory, an archive, a replication stream. */
export interface WalSegmentSource {
  segSize: number;
  /** The whole segment file, or null when it is not available. A shorter buffer is a partial segment. */
  read(tli: number, segNo: bigint): Promise<Buffer | null>;
  /** Where the segment was looked for (a path), for error messages. */
  describe?(tli: number, segNo: bigint): string;
}

export interface WalReaderOptions {
  /**
   * The timeline whose file holds the WAL at an LSN, from the reader's timeline history
   * (timelineOfLsn). Called with the last LSN of a segment: a segment holding a switch
   * point is read from the new timeline's file, which starts with a copy of the old one.
   */
  timelineForLsn?: (lsn: Lsn) => number;
  /** A single timeline, when no history is involved. */
  timeline?: number;
  /** Accept only this version's WAL; by default the first page read decides. */
  pgMajor?: number;
  /** Accept only segments of this cluster; by default the first long page header decides. */
  systemIdentifier?: bigint;
  /** Segments kept in memory (default 4). */
  cachedSegments?: number;
}

/** A decoded record: header fields, body, and where it sits. */
export interface WalRecord extends WalRecordHeader, WalRecordBody {
  /** Start of the record (after the page header when it starts a page). */
  lsn: Lsn;
  /** Where the next record starts: MAXALIGN'd end, or the next segment after XLOG_SWITCH. */
  endLsn: Lsn;
  /** Timeline of the segment file the record's first byte was read from. */
  tli: number;
  pgMajor: number;
  rmgrName: string;
  /** The record's xl_tot_len bytes without page headers, for byte-for-byte comparison. */
  raw: Buffer;
}

export type WalReadErrorKind = 'segment-missing' | 'invalid-page' | 'invalid-record';

/** WAL could not be read: which record, which segment file on which timeline, and why. */
export class WalReadError extends Error {
  constructor(
    readonly kind: WalReadErrorKind,
    /** What went wrong, without the location. */
    readonly reason: string,
    /** The record being read. */
    readonly lsn: Lsn,
    /** Timeline of the segment file where it went wrong. */
    readonly tli: number,
    readonly segmentFileName: string,
    /** The exact position of the problem (a page or segment address, or the record). */
    readonly position: Lsn,
    context?: string,
  ) {
    super(
      `${context ? `${context}: ` : ''}${reason} ` +
        `(record at ${formatLsn(lsn)}, WAL segment ${segmentFileName} on timeline ${tli})`,
    );
    this.name = 'WalReadError';
  }

  /** The same error with a leading explanation of what the caller was doing. */
  withContext(context: string): WalReadError {
    return new WalReadError(this.kind, this.reason, this.lsn, this.tli, this.segmentFileName, this.position, context);
  }
}

/** The last checkpoint before an LSN, as pg_rewind's findLastCheckpoint returns it. */
export interface LastCheckpoint {
  checkpointLsn: Lsn;
  redoLsn: Lsn;
  /** ThisTimeLineID of the checkpoint. */
  timeline: number;
  checkpoint: CheckPointData;
  record: WalRecord;
}

/** Why a forward scan stopped. */
export interface WalScanEnd {
  /** First position not read: the end of the last valid record (or the start position). */
  lsn: Lsn;
  /** LSN of the last record read, null when none was. */
  lastRecordLsn: Lsn | null;
  /** 'end-lsn' when the requested end was reached; otherwise the WAL ended there. */
  reason: 'end-lsn' | WalReadErrorKind;
  /** Why the WAL ended (empty for 'end-lsn'). */
  message: string;
  /** Where the WAL ended (null for 'end-lsn'). */
  error: WalReadError | null;
}

export interface ScanForwardOptions {
  /** Stop before the first record starting at or after this LSN. */
  endLsn?: Lsn;
  /**
   * Read the next segment while decoding one. For local directories; a source with side
   * effects (restore_command) would be asked for one segment past the end of WAL.
   */
  readAhead?: boolean;
}

/** Records in order; `end` is set once iteration has finished. */
export interface WalScan extends AsyncIterable<WalRecord> {
  readonly end: WalScanEnd | null;
}

const EMPTY = Buffer.alloc(0);

/**
 * One record as scanForward hands it over. The same object is reused for every record and is
 * valid only during the callback: copy what you keep. Nothing is allocated per record; the
 * LSN getters make a bigint only when asked.
 */
export class WalRecordView {
  /** The record's xl_tot_len bytes are buf[start, start + totLen): a view into the segment, or a reassembled copy when it spans pages. */
  buf: Buffer = EMPTY;
  start = 0;
  totLen = 0;
  info = 0;
  rmid = 0;
  /** Timeline of the segment file the record's first byte was read from. */
  tli = 0;
  /** Block references and where the payloads are (decodeWalBlockHeaders). */
  readonly blocks = new WalBlockHeaders();
  // Where the record starts and the next one starts, as a segment's first LSN plus an offset.
  recordSegStart: Lsn = 0n;
  recordOffset = 0;
  endSegStart: Lsn = 0n;
  endOffset = 0;
  /** Whether buf is the reassembly buffer (the record spans pages). */
  reassembled = false;
  private scratchBuf: Buffer = EMPTY;

  get lsn(): Lsn {
    return this.recordSegStart + BigInt(this.recordOffset);
  }

  /** Where the next record starts: MAXALIGN'd end, or the next segment after XLOG_SWITCH. */
  get endLsn(): Lsn {
    return this.endSegStart + BigInt(this.endOffset);
  }

  get xid(): number {
    return this.buf.readUInt32LE(this.start + 4);
  }

  get prev(): Lsn {
    return this.buf.readBigUInt64LE(this.start + 8);
  }

  /** The record's main data (a view into buf). */
  mainData(): Buffer {
    const end = this.start + this.totLen;
    return this.buf.subarray(end - this.blocks.mainDataLength, end);
  }

  /** A buffer of at least `bytes` for reassembling a record that spans pages. */
  scratch(bytes: number): Buffer {
    if (this.scratchBuf.length < bytes) {
      this.scratchBuf = Buffer.allocUnsafe(bytes > 1 << 20 ? bytes : Math.max(bytes, 2 * this.scratchBuf.length, 64 * 1024));
    }
    return this.scratchBuf;
  }

  /** Lets go of a reassembly buffer larger than `maxBytes` (after a huge record). */
  trimScratch(maxBytes: number): void {
    if (this.scratchBuf.length > maxBytes) this.scratchBuf = EMPTY;
  }
}

interface LoadedSegment {
  tli: number;
  segNo: bigint;
  name: string;
  buf: Buffer;
  /** LSN of the segment's first byte, and its 32-bit halves: a segment never straddles a 4 GB boundary. */
  start: Lsn;
  startHi: number;
  startLo: number;
}

interface LoadedPage {
  segment: LoadedSegment;
  /** Offset of the page in segment.buf. */
  offset: number;
  header: WalPageHeader;
  pageAddr: Lsn;
}

const PAGE_MASK = XLOG_BLCKSZ - 1;
/** How much WAL a read-ahead scan decodes between turns of the event loop. */
const YIELD_BYTES = 1024 * 1024;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function lsnOfHalves(hi: number, lo: number): Lsn {
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** How a multi-page record was gathered: whole, or lost in a crash with an XLOG_OVERWRITE_CONTRECORD in its place. */
type Reassembly = 'done' | 'overwritten';

/**
 * Where a scan (WalReader.scanRecords) stands between records: the next record's position as a
 * segment and an offset in it, what that record's xl_prev must be, and the last record read.
 */
class ScanState {
  /** The next record's segment, and its offset there (segSize: the next segment's start). */
  segNo: bigint;
  off: number;
  /** Segment `segNo` once loaded. */
  seg: LoadedSegment | null = null;
  /** Stop at this offset of the current segment (recomputed when the segment changes). */
  stopOff: number;
  /**
   * While a read-ahead is under way, the loop lets the event loop run when it reaches this
   * offset: the read's steps (open, read, close) each wait for it. Infinity without read-ahead.
   */
  yieldAt: number;
  /** The next record's xl_prev must be prevHi:prevLo, or only lower for random access (the first record of a random read). */
  randomAccess: boolean;
  prevHi: number;
  prevLo: number;
  /** The last record read (none while lastSeg is null), and how many were read. */
  lastSeg: LoadedSegment | null = null;
  lastOff = 0;
  count = 0;
  /** Reading goes on at an XLOG_OVERWRITE_CONTRECORD in place of a record whose rest was lost: it is read whatever the stop. */
  resumed = false;
  private readonly hasEnd: boolean;
  private readonly endSegNo: bigint;
  private readonly endOff: number;

  constructor(startLsn: Lsn, firstPrev: Lsn | null, endLsn: Lsn | undefined, segSizeBig: bigint, readonly readAhead: boolean) {
    this.segNo = startLsn / segSizeBig;
    this.off = Number(startLsn - this.segNo * segSizeBig);
    this.hasEnd = endLsn !== undefined;
    this.endSegNo = endLsn === undefined ? -1n : endLsn / segSizeBig;
    this.endOff = endLsn === undefined ? 0 : Number(endLsn - this.endSegNo * segSizeBig);
    this.stopOff = this.stopOffsetIn(this.segNo);
    this.yieldAt = readAhead ? this.off + YIELD_BYTES : Infinity;
    this.randomAccess = firstPrev === null;
    this.prevHi = firstPrev === null ? 0 : Number(firstPrev >> 32n);
    this.prevLo = firstPrev === null ? 0 : Number(firstPrev & 0xffffffffn);
  }

  /** Where to stop in segment `segNo`: nowhere before the end's segment, at once after it. */
  stopOffsetIn(segNo: bigint): number {
    return !this.hasEnd || segNo < this.endSegNo ? Infinity : segNo > this.endSegNo ? -1 : this.endOff;
  }

  /** The scan is now in segment `segNo` (`seg`, if loaded), at offset `off` (already set). */
  enterSegment(segNo: bigint, seg: LoadedSegment | null, off: number): void {
    this.segNo = segNo;
    this.seg = seg;
    this.stopOff = this.stopOffsetIn(segNo);
    if (this.readAhead) this.yieldAt = off + YIELD_BYTES;
  }

  /** The record at `off` of `seg` was read: the next one must point back at it. */
  recordRead(seg: LoadedSegment, off: number): void {
    this.prevHi = seg.startHi;
    this.prevLo = seg.startLo + off;
    this.randomAccess = false;
    this.lastSeg = seg;
    this.lastOff = off;
    this.count++;
  }

  /** How the scan ended at `lsn`: at the requested end (no error), or where the WAL ends. */
  endAt(lsn: Lsn, error: WalReadError | null): WalScanEnd {
    return {
      lsn,
      lastRecordLsn: this.lastSeg === null ? null : this.lastSeg.start + BigInt(this.lastOff),
      reason: error === null ? 'end-lsn' : error.kind,
      message: error === null ? '' : error.message,
      error,
    };
  }
}

export class WalReader {
  readonly segSize: number;
  private readonly segSizeBig: bigint;
  private readonly tliOf: (lsn: Lsn) => number;
  private magic: number | undefined;
  private major: number | null = null;
  private systemIdentifier: bigint | undefined;
  private readonly cacheLimit: number;
  private readonly cache = new Map<string, LoadedSegment>();
  private lastPage: LoadedPage | null = null;
  /** Views for readRecord, so concurrent reads on one reader never share one. */
  private readonly spareViews: WalRecordView[] = [];
  /** The next segment of a forward scan, being read while the current one is decoded. */
  private ahead: { tli: number; segNo: bigint; settled: boolean; result: Promise<{ buf: Buffer | null } | { error: unknown }> } | null = null;

  constructor(
    private readonly source: WalSegmentSource,
    options: WalReaderOptions,
  ) {
    if (!isValidSegmentSize(source.segSize)) {
      throw new Error(`invalid WAL segment size ${source.segSize}: PostgreSQL uses a power of two from 1 MiB to 1 GiB`);
    }
    this.segSize = source.segSize;
    this.segSizeBig = BigInt(source.segSize);
    if (options.timelineForLsn) {
      this.tliOf = options.timelineForLsn;
    } else if (options.timeline !== undefined) {
      const tli = options.timeline;
      this.tliOf = () => tli;
    } else {
      throw new Error('WalReader needs a timeline or a timelineForLsn function: WAL file names depend on it');
    }
    if (options.pgMajor !== undefined) {
      const magic = WAL_PAGE_MAGIC[options.pgMajor];
      if (magic === undefined) throw new Error(`PostgreSQL ${options.pgMajor} WAL is not supported (15-18 are)`);
      this.magic = magic;
      this.major = options.pgMajor;
    }
    this.systemIdentifier = options.systemIdentifier;
    this.cacheLimit = Math.max(1, options.cachedSegments ?? 4);
  }

  /** The major version of the WAL read so far (null before the first page). */
  get pgMajor(): number | null {
    return this.major;
  }

  /**
   * The record starting at `lsn`; at a page boundary, the one after the page header.
   * Throws WalReadError when its segment is missing or it is not a valid record.
   */
  async readRecordAt(lsn: Lsn): Promise<WalRecord> {
    return this.readRecord(lsn, null);
  }

  /**
   * Walks back through xl_prev from the record at `lsn` to the first checkpoint record
   * that starts before `lsn` (pg_rewind's findLastCheckpoint, with `lsn` the fork point).
   */
  async findLastCheckpointBefore(lsn: Lsn): Promise<LastCheckpoint> {
    const context = `could not find the last checkpoint before ${formatLsn(lsn)}`;
    let record: WalRecord;
    try {
      record = await this.readRecordAt(lsn);
    } catch (err) {
      throw err instanceof WalReadError ? err.withContext(`${context}: the record there cannot be read`) : err;
    }
    const start = record.lsn;
    for (;;) {
      if (record.lsn < start && isCheckpointRecord(record)) {
        const checkpoint = decodeCheckPoint(record.mainData, record.pgMajor);
        return { checkpointLsn: record.lsn, redoLsn: checkpoint.redo, timeline: checkpoint.timeline, checkpoint, record };
      }
      if (record.prev === 0n) {
        const where = this.locate(record.lsn);
        throw new WalReadError(
          'invalid-record',
          `reached the first WAL record at ${formatLsn(record.lsn)} without a checkpoint`,
          record.lsn,
          where.tli,
          where.name,
          record.lsn,
          context,
        );
      }
      try {
        record = await this.readRecord(record.prev, null);
      } catch (err) {
        throw err instanceof WalReadError ? err.withContext(`${context}: walking back from ${formatLsn(record.lsn)}`) : err;
      }
    }
  }

  /**
   * Records from `startLsn` on, each one's xl_prev checked against the one before. Stops
   * before the first record starting at or after `endLsn`, or where the WAL ends: a missing
   * segment, an invalid page header (zeroed or recycled page) or an invalid record (bad
   * length, CRC or prev-link), as recovery treats them. `end` then says which and where.
   * A record whose continuation was replaced by XLOG_OVERWRITE_CONTRECORD is skipped and
   * the overwrite record returned in its place, as xlogreader does.
   * The record at `startLsn` itself must be readable: otherwise iteration throws.
   */
  readForward(startLsn: Lsn, endLsn?: Lsn): WalScan {
    const reader = this;
    const scan = {
      end: null as WalScanEnd | null,
      async *[Symbol.asyncIterator](): AsyncGenerator<WalRecord> {
        let lsn = startLsn;
        let prev: Lsn | null = null;
        for (;;) {
          if (endLsn !== undefined && lsn >= endLsn) {
            scan.end = { lsn, lastRecordLsn: prev, reason: 'end-lsn', message: '', error: null };
            return;
          }
          let record: WalRecord;
          try {
            record = await reader.readRecord(lsn, prev);
          } catch (err) {
            if (!(err instanceof WalReadError) || prev === null) throw err;
            scan.end = { lsn, lastRecordLsn: prev, reason: err.kind, message: err.message, error: err };
            return;
          }
          yield record;
          prev = record.lsn;
          lsn = record.endLsn;
        }
      },
    };
    return scan;
  }

  /**
   * readForward for bulk work: the same records, checks and end of WAL, but each record is
   * handed to `onRecord` as a reused WalRecordView with only its block headers decoded (no
   * images, data or raw copies; multi-page records are reassembled into one reused buffer).
   * Resolves with where and why the scan ended. The record at `startLsn` must be readable:
   * otherwise it rejects with the WalReadError. An exception from `onRecord` ends the scan
   * and rejects with it.
   */
  async scanForward(startLsn: Lsn, onRecord: (record: WalRecordView) => void, options: ScanForwardOptions = {}): Promise<WalScanEnd> {
    return this.scanRecords(startLsn, null, options.endLsn, Infinity, new WalRecordView(), onRecord, options.readAhead ?? false);
  }

  // ------------------------------------------------------------------ internals

  private locate(lsn: Lsn): { tli: number; segNo: bigint; name: string } {
    const segNo = lsn / this.segSizeBig;
    const tli = this.tliOf((segNo + 1n) * this.segSizeBig - 1n);
    return { tli, segNo, name: segmentFileName(tli, segNo, this.segSize) };
  }

  /** The segment `segNo` (on the timeline its last byte belongs to) if it is in memory, else null. */
  private cachedSegment(segNo: bigint): LoadedSegment | null {
    const tli = this.tliOf((segNo + 1n) * this.segSizeBig - 1n);
    const last = this.lastPage?.segment;
    if (last && last.segNo === segNo && last.tli === tli) return last;
    const key = `${tli}/${segNo}`;
    const cached = this.cache.get(key);
    if (!cached) return null;
    this.cache.delete(key); // re-insert: most recently used last
    this.cache.set(key, cached);
    return cached;
  }

  /** Loads segment `segNo`; errors name the record being read and the page wanted (`position`). */
  private async loadSegment(segNo: bigint, recordLsn: Lsn, position: Lsn, readAhead = false): Promise<LoadedSegment> {
    const start = segNo * this.segSizeBig;
    const { tli, name } = this.locate(start);
    let buf: Buffer | null;
    const ahead = this.ahead;
    if (ahead && ahead.segNo === segNo && ahead.tli === tli) {
      this.ahead = null;
      const result = await ahead.result;
      if ('error' in result) throw result.error;
      buf = result.buf;
    } else {
      buf = await this.source.read(tli, segNo);
    }
    if (readAhead && buf) this.readAhead(segNo + 1n);
    if (!buf) {
      const where = this.source.describe ? ` (looked for ${this.source.describe(tli, segNo)})` : '';
      throw new WalReadError('segment-missing', `WAL segment ${name} is not available${where}`, recordLsn, tli, name, position);
    }
    const loaded: LoadedSegment = {
      tli, segNo, name, buf, start, startHi: Number(start >> 32n), startLo: Number(start & 0xffffffffn),
    };
    this.cache.set(`${tli}/${segNo}`, loaded);
    while (this.cache.size > this.cacheLimit) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
    return loaded;
  }

  /** Starts reading segment `segNo`; loadSegment picks the result up. Errors wait until then. */
  private readAhead(segNo: bigint): void {
    const tli = this.tliOf((segNo + 1n) * this.segSizeBig - 1n);
    if (this.cache.has(`${tli}/${segNo}`) || (this.ahead && this.ahead.segNo === segNo && this.ahead.tli === tli)) return;
    const ahead = { tli, segNo, settled: false, result: Promise.resolve({ buf: null } as { buf: Buffer | null } | { error: unknown }) };
    ahead.result = this.source.read(tli, segNo).then(
      (buf) => ((ahead.settled = true), { buf }),
      (error: unknown) => ((ahead.settled = true), { error }),
    );
    this.ahead = ahead;
  }

  /** The validated page at `offset` of `segment`; errors name the record at `recordOffset` of segment `recordSegNo`. */
  private pageAt(segment: LoadedSegment, offset: number, recordSegNo: bigint, recordOffset: number): LoadedPage {
    const last = this.lastPage;
    if (last && last.segment === segment && last.offset === offset) return last;
    return this.validatePage(segment, offset, recordSegNo * this.segSizeBig + BigInt(recordOffset));
  }

  private validatePage(segment: LoadedSegment, offset: number, recordLsn: Lsn): LoadedPage {
    const pageAddr = segment.start + BigInt(offset);
    if (segment.buf.length < offset + XLOG_BLCKSZ) {
      throw new WalReadError(
        'segment-missing',
        `WAL segment ${segment.name} ends at byte ${segment.buf.length}, before the page at ${formatLsn(pageAddr)}`,
        recordLsn,
        segment.tli,
        segment.name,
        pageAddr,
      );
    }
    const header = parseWalPageHeader(segment.buf, offset);
    const problem = walPageHeaderProblem(header, {
      pageAddr,
      segSize: this.segSize,
      magic: this.magic,
      systemIdentifier: this.systemIdentifier,
    });
    if (problem) {
      throw new WalReadError(
        'invalid-page',
        `${problem} in the page at ${formatLsn(pageAddr)} (offset ${offset})`,
        recordLsn,
        segment.tli,
        segment.name,
        pageAddr,
      );
    }
    if (this.magic === undefined) {
      this.magic = header.magic;
      this.major = header.pgMajor;
    }
    if (this.systemIdentifier === undefined && header.systemIdentifier !== null) {
      this.systemIdentifier = header.systemIdentifier;
    }
    const page = { segment, offset, header, pageAddr };
    this.lastPage = page;
    return page;
  }

  private invalidRecord(page: LoadedPage | null, reason: string, position: Lsn, recordLsn: Lsn): WalReadError {
    const where = page ? { tli: page.segment.tli, name: page.segment.name } : this.locate(position);
    return new WalReadError('invalid-record', reason, recordLsn, where.tli, where.name, position);
  }

  /**
   * ValidXLogRecordHeader for the header at buf[at]: a known rmgr, and a prev-link that fits
   * how we got here (the scan's `prevHi:prevLo` exactly, or only lower for random access). The
   * record starts at `offset` of `segment`.
   */
  private checkRecordHeader(buf: Buffer, at: number, segment: LoadedSegment, offset: number, scan: ScanState, page: LoadedPage): void {
    const { randomAccess, prevHi, prevLo } = scan;
    const rmid = buf[at + 17];
    if (!isValidRmgrId(rmid)) {
      const lsn = segment.start + BigInt(offset);
      throw this.invalidRecord(page, `invalid resource manager ID ${rmid} at ${formatLsn(lsn)}`, lsn, lsn);
    }
    const lo = buf.readUInt32LE(at + 8);
    const hi = buf.readUInt32LE(at + 12);
    const lsnHi = segment.startHi;
    const lsnLo = segment.startLo + offset;
    if (randomAccess ? hi > lsnHi || (hi === lsnHi && lo >= lsnLo) : hi !== prevHi || lo !== prevLo) {
      const lsn = segment.start + BigInt(offset);
      throw this.invalidRecord(
        page,
        `record with incorrect prev-link ${formatLsn(lsnOfHalves(hi, lo))} at ${formatLsn(lsn)}` +
          (randomAccess ? '' : ` (expected ${formatLsn(lsnOfHalves(prevHi, prevLo))})`),
        lsn,
        lsn,
      );
    }
  }

  /** One record as a WalRecord that owns its bytes (or shares the segment buffer, never a reused one). */
  private recordFrom(view: WalRecordView): WalRecord {
    let raw: Buffer;
    if (view.reassembled) {
      raw = Buffer.allocUnsafe(view.totLen);
      view.buf.copy(raw, 0, 0, view.totLen);
    } else {
      raw = view.buf.subarray(view.start, view.start + view.totLen);
    }
    const body = walRecordBodyFrom(raw, view.blocks);
    return {
      totLen: view.totLen,
      xid: raw.readUInt32LE(4),
      prev: raw.readBigUInt64LE(8),
      info: view.info,
      rmid: view.rmid,
      crc: raw.readUInt32LE(20),
      blocks: body.blocks,
      mainData: body.mainData,
      origin: body.origin,
      toplevelXid: body.toplevelXid,
      fpiLength: body.fpiLength,
      lsn: view.lsn,
      endLsn: view.endLsn,
      tli: view.tli,
      pgMajor: this.major ?? 0,
      rmgrName: rmgrName(view.rmid),
      raw,
    };
  }

  /** Reads one record; `expectedPrev` null means random access (xl_prev must only be lower). */
  private async readRecord(requested: Lsn, expectedPrev: Lsn | null): Promise<WalRecord> {
    const view = this.spareViews.pop() ?? new WalRecordView();
    try {
      let record: WalRecord | null = null;
      await this.scanRecords(requested, expectedPrev, undefined, 1, view, (v) => {
        record = this.recordFrom(v);
      });
      return record as unknown as WalRecord;
    } finally {
      view.trimScratch(1 << 20);
      this.spareViews.push(view);
    }
  }

  /**
   * The one loop that reads records, behind every public method, as xlogreader.c reads them:
   * records from `startLsn` (the first with `firstPrev` as its expected xl_prev, null for
   * random access: xl_prev must only be lower), each handed to `onRecord` through `view`,
   * until `maxRecords` were read, the next one starts at or after `endLsn`, or the WAL ends.
   * A WalReadError at the first record is thrown; a later one ends the scan, as readForward
   * documents. Offsets are numbers and LSNs are only made into bigints per segment or page,
   * and pages come from memory without awaiting while their segment is cached.
   */
  private async scanRecords(
    startLsn: Lsn, firstPrev: Lsn | null, endLsn: Lsn | undefined, maxRecords: number,
    view: WalRecordView, onRecord: (view: WalRecordView) => void, readAhead = false,
  ): Promise<WalScanEnd> {
    if ((startLsn & 7n) !== 0n) {
      throw this.invalidRecord(null, `${formatLsn(startLsn)} is not a record boundary (records start at multiples of 8)`, startLsn, startLsn);
    }
    const scan = new ScanState(startLsn, firstPrev, endLsn, this.segSizeBig, readAhead);
    for (;;) {
      if (scan.off >= this.segSize) {
        scan.off -= this.segSize;
        scan.enterSegment(scan.segNo + 1n, null, scan.off);
      }
      if (scan.off >= scan.yieldAt) {
        scan.yieldAt = scan.off + YIELD_BYTES;
        if (this.ahead && !this.ahead.settled) await nextTurn();
      }
      if (!scan.resumed && (scan.off >= scan.stopOff || scan.count >= maxRecords)) {
        return scan.endAt(this.lsnAt(scan.segNo, scan.off), null);
      }
      scan.resumed = false;
      const atSegNo = scan.segNo;
      const atOff = scan.off;
      let recSeg: LoadedSegment;
      try {
        const seg = (scan.seg ??=
          this.cachedSegment(atSegNo) ??
          (await this.loadSegment(atSegNo, this.lsnAt(atSegNo, atOff), this.lsnAt(atSegNo, atOff - (atOff & PAGE_MASK)), readAhead)));
        const page = this.pageOfRecord(scan, seg);
        recSeg = seg;
        const recOff = scan.off;
        const totLen = this.recordLength(page, recOff);
        if (totLen <= XLOG_BLCKSZ - (recOff - page.offset)) {
          this.viewOnPage(scan, view, page, recOff, totLen);
        } else {
          // Synchronous while the record's pages are in memory: an await per multi-page record (every
          // full-page image) cost a promise and a turn of the event loop each, ~25 % of a WAL scan.
          let gathered = this.reassemble(scan, view, page, recOff, totLen, null);
          if (typeof gathered === 'bigint') gathered = await this.reassembleLoading(scan, view, page, recOff, totLen, gathered);
          if (gathered === 'overwritten') continue; // reading goes on at the XLOG_OVERWRITE_CONTRECORD
        }
        this.checkCrcAndDecode(view, page, recOff, totLen);
        this.fillView(scan, view, recSeg, recOff, totLen);
      } catch (err) {
        // The first record must be readable; after it, an unreadable one is where the WAL ends.
        if (!(err instanceof WalReadError) || scan.count === 0) throw err;
        return scan.endAt(this.lsnAt(atSegNo, atOff), err);
      }
      scan.recordRead(recSeg, view.recordOffset);
      onRecord(view);
    }
  }

  /** The LSN at `offset` of segment `segNo`. */
  private lsnAt(segNo: bigint, offset: number): Lsn {
    return segNo * this.segSizeBig + BigInt(offset);
  }

  /**
   * The page of `seg` that the scan's next record starts on. At the page's start the scan moves
   * past the page header; inside the header, or on a page that starts with the rest of an
   * earlier record, no record starts.
   */
  private pageOfRecord(scan: ScanState, seg: LoadedSegment): LoadedPage {
    const off = scan.off;
    const pageOff = off - (off & PAGE_MASK);
    const page = this.pageAt(seg, pageOff, scan.segNo, off);
    const headerSize = page.header.headerSize;
    let inPage = off - pageOff;
    if (inPage === 0) {
      scan.off += headerSize;
      inPage = headerSize;
    } else if (inPage < headerSize) {
      const lsn = this.lsnAt(scan.segNo, off);
      throw this.invalidRecord(page, `invalid record offset at ${formatLsn(lsn)}: expected at least ${headerSize}, got ${inPage}`, lsn, lsn);
    }
    if (page.header.firstIsContRecord && inPage === headerSize) {
      const lsn = seg.start + BigInt(scan.off);
      throw this.invalidRecord(page, `contrecord is requested by ${formatLsn(lsn)}: the page starts with the rest of an earlier record`, lsn, lsn);
    }
    return page;
  }

  /** xl_tot_len of the record at `recOff` of the page's segment, refused when no record can be that long. */
  private recordLength(page: LoadedPage, recOff: number): number {
    const totLen = page.segment.buf.readUInt32LE(recOff);
    if (totLen < SIZE_OF_XLOG_RECORD) {
      const lsn = page.segment.start + BigInt(recOff);
      throw this.invalidRecord(page, `invalid record length at ${formatLsn(lsn)}: expected at least ${SIZE_OF_XLOG_RECORD}, got ${totLen}`, lsn, lsn);
    }
    if (totLen > XLOG_RECORD_MAX_SIZE) {
      const lsn = page.segment.start + BigInt(recOff);
      throw this.invalidRecord(page, `record length ${totLen} at ${formatLsn(lsn)} too long`, lsn, lsn);
    }
    return totLen;
  }

  /** A record that fits on its page: the view points into the segment, and the scan moves past the record. */
  private viewOnPage(scan: ScanState, view: WalRecordView, page: LoadedPage, recOff: number, totLen: number): void {
    const seg = page.segment;
    this.checkRecordHeader(seg.buf, recOff, seg, recOff, scan, page);
    view.buf = seg.buf;
    view.start = recOff;
    view.reassembled = false;
    scan.off = recOff + ((totLen + 7) & ~7);
  }

  /**
   * reassemble for a record that goes on in segment `missing`, not yet in memory: load it (and
   * any after it the record needs), keeping each for the retries, and gather again.
   */
  private async reassembleLoading(
    scan: ScanState, view: WalRecordView, page: LoadedPage, recOff: number, totLen: number, missing: bigint,
  ): Promise<Reassembly> {
    const loaded = new Map<bigint, LoadedSegment>();
    const recSeg = page.segment;
    for (let next: Reassembly | bigint = missing; ;) {
      if (typeof next !== 'bigint') return next;
      loaded.set(next, await this.loadSegment(next, recSeg.start + BigInt(recOff), next * this.segSizeBig, scan.readAhead));
      next = this.reassemble(scan, view, page, recOff, totLen, loaded);
    }
  }

  /**
   * A record that spans pages, gathered into the view's scratch buffer with every continuation
   * page checked as xlogreader checks it; the scan moves to the record's end, maybe in a later
   * segment. 'overwritten' when the rest was lost in a crash and an XLOG_OVERWRITE_CONTRECORD
   * stands in its place: the scan then resumes there. A segment number when the record goes on
   * in a segment that is neither cached nor in `loaded`: nothing of the scan has moved yet.
   */
  private reassemble(
    scan: ScanState, view: WalRecordView, page: LoadedPage, recOff: number, totLen: number, loaded: ReadonlyMap<bigint, LoadedSegment> | null,
  ): Reassembly | bigint {
    const recSeg = page.segment;
    const onPage = XLOG_BLCKSZ - (recOff - page.offset);
    // Check the header before trusting its length with more pages, as xlogreader does.
    if (onPage >= SIZE_OF_XLOG_RECORD) this.checkRecordHeader(recSeg.buf, recOff, recSeg, recOff, scan, page);
    const raw = view.scratch(totLen);
    recSeg.buf.copy(raw, 0, recOff, recOff + onPage);
    let got = onPage;
    let contSeg = recSeg;
    let contSegNo = scan.segNo;
    let contOff = page.offset;
    let endOfRecord = 0;
    let overwritten = false;
    while (got < totLen) {
      contOff += XLOG_BLCKSZ;
      if (contOff >= this.segSize) {
        contSegNo += 1n;
        contOff = 0;
        const next = loaded?.get(contSegNo) ?? this.cachedSegment(contSegNo);
        if (!next) return contSegNo;
        contSeg = next;
      }
      const cont = this.continuationPage(contSeg, contOff, recSeg, recOff, totLen - got, scan.randomAccess);
      if (cont === null) {
        overwritten = true;
        break;
      }
      const headerSize = cont.header.headerSize;
      const n = Math.min(XLOG_BLCKSZ - headerSize, totLen - got);
      const from = contOff + headerSize;
      contSeg.buf.copy(raw, got, from, from + n);
      const hadHeader = got >= SIZE_OF_XLOG_RECORD;
      got += n;
      if (!hadHeader && got >= SIZE_OF_XLOG_RECORD) this.checkRecordHeader(raw, 0, recSeg, recOff, scan, cont);
      endOfRecord = from + ((n + 7) & ~7);
    }
    if (contSegNo !== scan.segNo) scan.enterSegment(contSegNo, contSeg, 0);
    if (overwritten) {
      scan.off = contOff;
      scan.resumed = true;
      return 'overwritten';
    }
    scan.off = endOfRecord;
    view.buf = raw;
    view.start = 0;
    view.reassembled = true;
    return 'done';
  }

  /**
   * The page at `offset` of `segment` that continues the record at `recOff` of `recSeg`, still
   * `missing` bytes short. Null where the rest was lost in a crash and the server wrote an
   * XLOG_OVERWRITE_CONTRECORD there instead, which forward reading goes on with.
   */
  private continuationPage(
    segment: LoadedSegment, offset: number, recSeg: LoadedSegment, recOff: number, missing: number, randomAccess: boolean,
  ): LoadedPage | null {
    const cont = this.pageAt(segment, offset, recSeg.segNo, recOff);
    const h = cont.header;
    if (!h.firstIsContRecord) {
      if (h.info & XLP_FIRST_IS_OVERWRITE_CONTRECORD && !randomAccess) return null;
      const overwrittenNote = h.info & XLP_FIRST_IS_OVERWRITE_CONTRECORD ? ' (the record was overwritten by XLOG_OVERWRITE_CONTRECORD)' : '';
      throw this.invalidRecord(cont, `there is no contrecord flag at ${formatLsn(cont.pageAddr)}${overwrittenNote}`, cont.pageAddr, recSeg.start + BigInt(recOff));
    }
    if (h.remLen === 0 || h.remLen !== missing) {
      throw this.invalidRecord(cont, `invalid contrecord length ${h.remLen} (expected ${missing}) at ${formatLsn(cont.pageAddr)}`, cont.pageAddr, recSeg.start + BigInt(recOff));
    }
    return cont;
  }

  /** ValidXLogRecord's CRC check of the record in the view, then its block headers into view.blocks. */
  private checkCrcAndDecode(view: WalRecordView, page: LoadedPage, recOff: number, totLen: number): void {
    const rb = view.buf;
    const rs = view.start;
    if (computeWalRecordCrcAt(rb, rs, totLen) !== rb.readUInt32LE(rs + 20)) {
      const lsn = page.segment.start + BigInt(recOff);
      throw this.invalidRecord(page, `incorrect resource manager data checksum in record at ${formatLsn(lsn)}`, lsn, lsn);
    }
    try {
      decodeWalBlockHeaders(rb, rs, totLen, view.blocks);
    } catch (err) {
      if (!(err instanceof WalRecordFormatError)) throw err;
      const lsn = page.segment.start + BigInt(recOff);
      throw this.invalidRecord(page, `${err.message} in record at ${formatLsn(lsn)}`, lsn, lsn);
    }
  }

  /** The view's header fields and positions for the record just read (at `recOff` of `recSeg`). */
  private fillView(scan: ScanState, view: WalRecordView, recSeg: LoadedSegment, recOff: number, totLen: number): void {
    const info = view.buf[view.start + 16];
    const rmid = view.buf[view.start + 17];
    // After XLOG_SWITCH the rest of the segment is unused: the next record starts the next segment.
    if (rmid === RM_XLOG_ID && (info & XLR_RMGR_INFO_MASK) === XLOG_SWITCH && scan.off > 0) scan.off = this.segSize;
    view.totLen = totLen;
    view.info = info;
    view.rmid = rmid;
    view.tli = recSeg.tli;
    view.recordSegStart = recSeg.start;
    view.recordOffset = recOff;
    view.endSegStart = (scan.seg as LoadedSegment).start;
    view.endOffset = scan.off;
  }
}
