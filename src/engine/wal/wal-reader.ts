/**
 * Reads WAL records from segments, as PostgreSQL's xlogreader.c does: records spanning
 * pages and segments are reassembled, every page header and record CRC is checked, and
 * segments are found by timeline the way pg_rewind and recovery find them. The reader
 * does no I/O itself; a WalSegmentSource hands it whole segments.
 */

import { formatLsn, Lsn } from './lsn';
import {
  decodeCheckPoint,
  decodeWalRecordBody,
  CheckPointData,
  isCheckpointRecord,
  isSwitchRecord,
  isValidRmgrId,
  parseWalRecordHeader,
  rmgrName,
  SIZE_OF_XLOG_RECORD,
  walRecordCrcMatches,
  WalRecordBody,
  WalRecordFormatError,
  WalRecordHeader,
  XLOG_RECORD_MAX_SIZE,
} from './wal-record';
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

/** Records in order; `end` is set once iteration has finished. */
export interface WalScan extends AsyncIterable<WalRecord> {
  readonly end: WalScanEnd | null;
}

interface LoadedSegment {
  tli: number;
  segNo: bigint;
  name: string;
  buf: Buffer;
}

interface LoadedPage {
  segment: LoadedSegment;
  /** Offset of the page in segment.buf. */
  offset: number;
  header: WalPageHeader;
  pageAddr: Lsn;
}

const BLCKSZ = BigInt(XLOG_BLCKSZ);
const BLCKSZ_MASK = BLCKSZ - 1n;

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

  // ------------------------------------------------------------------ internals

  private locate(lsn: Lsn): { tli: number; segNo: bigint; name: string } {
    const segNo = lsn / this.segSizeBig;
    const tli = this.tliOf((segNo + 1n) * this.segSizeBig - 1n);
    return { tli, segNo, name: segmentFileName(tli, segNo, this.segSize) };
  }

  /** The segment holding `pageAddr` if it is in memory (no I/O), else null. */
  private cachedSegment(pageAddr: Lsn): LoadedSegment | null {
    const segNo = pageAddr / this.segSizeBig;
    const last = this.lastPage?.segment;
    if (last && last.segNo === segNo && last.tli === this.tliOf((segNo + 1n) * this.segSizeBig - 1n)) return last;
    const tli = this.tliOf((segNo + 1n) * this.segSizeBig - 1n);
    const key = `${tli}/${segNo}`;
    const cached = this.cache.get(key);
    if (!cached) return null;
    this.cache.delete(key); // re-insert: most recently used last
    this.cache.set(key, cached);
    return cached;
  }

  private async loadSegment(pageAddr: Lsn, recordLsn: Lsn): Promise<LoadedSegment> {
    const { tli, segNo, name } = this.locate(pageAddr);
    const buf = await this.source.read(tli, segNo);
    if (!buf) {
      const where = this.source.describe ? ` (looked for ${this.source.describe(tli, segNo)})` : '';
      throw new WalReadError('segment-missing', `WAL segment ${name} is not available${where}`, recordLsn, tli, name, pageAddr);
    }
    const loaded = { tli, segNo, name, buf };
    this.cache.set(`${tli}/${segNo}`, loaded);
    while (this.cache.size > this.cacheLimit) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
    return loaded;
  }

  /** The validated page at `pageAddr`, or null when its segment must be loaded first. */
  private cachedPage(pageAddr: Lsn, recordLsn: Lsn): LoadedPage | null {
    const last = this.lastPage;
    if (last && last.pageAddr === pageAddr) return last;
    const segment = this.cachedSegment(pageAddr);
    return segment ? this.validatePage(segment, pageAddr, recordLsn) : null;
  }

  private async loadPage(pageAddr: Lsn, recordLsn: Lsn): Promise<LoadedPage> {
    return this.validatePage(await this.loadSegment(pageAddr, recordLsn), pageAddr, recordLsn);
  }

  private validatePage(segment: LoadedSegment, pageAddr: Lsn, recordLsn: Lsn): LoadedPage {
    const offset = Number(pageAddr % this.segSizeBig);
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

  /** ValidXLogRecordHeader: a known rmgr, and a prev-link that fits how we got here. */
  private checkRecordHeader(raw: Buffer, lsn: Lsn, expectedPrev: Lsn | null, page: LoadedPage): void {
    const rmid = raw[17];
    if (!isValidRmgrId(rmid)) {
      throw this.invalidRecord(page, `invalid resource manager ID ${rmid} at ${formatLsn(lsn)}`, lsn, lsn);
    }
    const prev = raw.readBigUInt64LE(8);
    if (expectedPrev === null ? prev >= lsn : prev !== expectedPrev) {
      throw this.invalidRecord(
        page,
        `record with incorrect prev-link ${formatLsn(prev)} at ${formatLsn(lsn)}` +
          (expectedPrev === null ? '' : ` (expected ${formatLsn(expectedPrev)})`),
        lsn,
        lsn,
      );
    }
  }

  /**
   * Reads one record; `expectedPrev` null means random access (xl_prev must only be lower).
   * Pages come from memory without awaiting when their segment is cached, so reading a run
   * of records costs no I/O round trips.
   */
  private async readRecord(requested: Lsn, expectedPrev: Lsn | null): Promise<WalRecord> {
    if ((requested & 7n) !== 0n) {
      throw this.invalidRecord(null, `${formatLsn(requested)} is not a record boundary (records start at multiples of 8)`, requested, requested);
    }
    let lsn = requested;
    let off = Number(lsn & BLCKSZ_MASK);
    let pageAddr = lsn - BigInt(off);
    let page = this.cachedPage(pageAddr, requested) ?? (await this.loadPage(pageAddr, requested));
    const headerSize = page.header.headerSize;
    if (off === 0) {
      lsn += BigInt(headerSize);
      off = headerSize;
    } else if (off < headerSize) {
      throw this.invalidRecord(page, `invalid record offset at ${formatLsn(lsn)}: expected at least ${headerSize}, got ${off}`, lsn, lsn);
    }
    if (page.header.firstIsContRecord && off === headerSize) {
      throw this.invalidRecord(page, `contrecord is requested by ${formatLsn(lsn)}: the page starts with the rest of an earlier record`, lsn, lsn);
    }

    const buf = page.segment.buf;
    const start = page.offset + off;
    const onPage = XLOG_BLCKSZ - off;
    const totLen = buf.readUInt32LE(start);
    if (totLen < SIZE_OF_XLOG_RECORD) {
      throw this.invalidRecord(page, `invalid record length at ${formatLsn(lsn)}: expected at least ${SIZE_OF_XLOG_RECORD}, got ${totLen}`, lsn, lsn);
    }
    if (totLen > XLOG_RECORD_MAX_SIZE) {
      throw this.invalidRecord(page, `record length ${totLen} at ${formatLsn(lsn)} too long`, lsn, lsn);
    }
    const firstPage = page;

    let raw: Buffer;
    let endLsn: Lsn;
    if (totLen <= onPage) {
      raw = buf.subarray(start, start + totLen);
      this.checkRecordHeader(raw, lsn, expectedPrev, page);
      endLsn = lsn + BigInt((totLen + 7) & ~7);
    } else {
      // Check the header before trusting its length with more pages, as xlogreader does.
      if (onPage >= SIZE_OF_XLOG_RECORD) this.checkRecordHeader(buf.subarray(start, start + SIZE_OF_XLOG_RECORD), lsn, expectedPrev, page);
      raw = Buffer.allocUnsafe(totLen);
      buf.copy(raw, 0, start, start + onPage);
      let got = onPage;
      endLsn = lsn;
      while (got < totLen) {
        pageAddr += BLCKSZ;
        page = this.cachedPage(pageAddr, lsn) ?? (await this.loadPage(pageAddr, lsn));
        const h = page.header;
        if (!h.firstIsContRecord) {
          if (h.info & XLP_FIRST_IS_OVERWRITE_CONTRECORD && expectedPrev !== null) {
            // The rest of this record was lost in a crash and the server wrote an
            // XLOG_OVERWRITE_CONTRECORD here instead: reading goes on with that record.
            return this.readRecord(pageAddr, expectedPrev);
          }
          const overwritten = h.info & XLP_FIRST_IS_OVERWRITE_CONTRECORD ? ' (the record was overwritten by XLOG_OVERWRITE_CONTRECORD)' : '';
          throw this.invalidRecord(page, `there is no contrecord flag at ${formatLsn(pageAddr)}${overwritten}`, pageAddr, lsn);
        }
        if (h.remLen === 0 || h.remLen !== totLen - got) {
          throw this.invalidRecord(page, `invalid contrecord length ${h.remLen} (expected ${totLen - got}) at ${formatLsn(pageAddr)}`, pageAddr, lsn);
        }
        const n = Math.min(XLOG_BLCKSZ - h.headerSize, totLen - got);
        const from = page.offset + h.headerSize;
        page.segment.buf.copy(raw, got, from, from + n);
        const hadHeader = got >= SIZE_OF_XLOG_RECORD;
        got += n;
        if (!hadHeader && got >= SIZE_OF_XLOG_RECORD) this.checkRecordHeader(raw, lsn, expectedPrev, page);
        endLsn = pageAddr + BigInt(h.headerSize + ((n + 7) & ~7));
      }
    }

    if (!walRecordCrcMatches(raw)) {
      throw this.invalidRecord(firstPage, `incorrect resource manager data checksum in record at ${formatLsn(lsn)}`, lsn, lsn);
    }
    const header = parseWalRecordHeader(raw);
    let body: WalRecordBody;
    try {
      body = decodeWalRecordBody(raw);
    } catch (err) {
      if (!(err instanceof WalRecordFormatError)) throw err;
      throw this.invalidRecord(firstPage, `${err.message} in record at ${formatLsn(lsn)}`, lsn, lsn);
    }
    if (isSwitchRecord(header)) {
      // The rest of the segment is unused: the next record starts the next segment.
      endLsn += this.segSizeBig - 1n;
      endLsn -= endLsn % this.segSizeBig;
    }
    return {
      totLen: header.totLen,
      xid: header.xid,
      prev: header.prev,
      info: header.info,
      rmid: header.rmid,
      crc: header.crc,
      blocks: body.blocks,
      mainData: body.mainData,
      origin: body.origin,
      toplevelXid: body.toplevelXid,
      fpiLength: body.fpiLength,
      lsn,
      endLsn,
      tli: firstPage.segment.tli,
      pgMajor: this.major ?? 0,
      rmgrName: rmgrName(header.rmid),
      raw,
    };
  }
}
