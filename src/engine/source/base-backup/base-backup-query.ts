/**
 * BASE_BACKUP on the wire (PostgreSQL 15+, protocol-replication): two result sets (the start
 * position and timeline; the tablespaces), one COPY OUT whose CopyData payloads each start with a
 * type byte ('n' a new archive: its name and tablespace path; 'd' archive or manifest bytes;
 * 'p' progress: bytes sent so far; 'm' the manifest follows), then a result set with the end
 * position. node-postgres cannot read a COPY that follows result sets, so this query takes the
 * socket from submit() until CopyDone, as copy-out.ts does, and gives node-postgres back the rest
 * (the last result set, CommandComplete, ReadyForQuery) through the usual query callbacks.
 *
 * Archive bytes are handed on as slices of the socket's chunks (no copy). A handler that returns
 * a promise stops the parse there and pauses the socket until it settles: strict order and
 * back-pressure, with at most the chunk being parsed held in memory.
 */
import type { Client } from 'pg';
import { parseLsn } from '../../wal/lsn';
import { DataListener, giveSocketBack, PgConnection, takeSocket } from '../pg-socket';

export interface BackupPosition {
  lsn: bigint;
  timeline: number;
}

export interface BackupTablespace {
  /** null for the main data directory (always last in the list). */
  oid: number | null;
  /** The tablespace's location on the source; null for the main data directory. */
  location: string | null;
  /** kB, when PROGRESS was asked for; else null. */
  sizeKb: number | null;
}

export interface ServerNotice {
  severity: string;
  code: string;
  message: string;
}

/** What the stream carries, in order. A returned promise holds the stream until it settles. */
export interface BaseBackupStreamHandler {
  onStart(start: BackupPosition, tablespaces: BackupTablespace[]): void;
  /** 'n': a new archive begins (the previous one, if any, has ended). */
  onArchive(name: string, tablespacePath: string): Promise<void> | null;
  /** 'd' after 'n': archive bytes, in order. */
  onArchiveData(bytes: Buffer): Promise<void> | null;
  /** 'm' then 'd': the backup manifest (only when asked for). */
  onManifestData?(bytes: Buffer): Promise<void> | null;
  /** 'p': bytes of archive data the server has sent so far (before compression). */
  onProgress(bytesDone: number): void;
  /** CopyDone: the last archive (or the manifest) has ended. */
  onCopyDone(): Promise<void> | null;
  /** NOTICE/WARNING messages, e.g. the server's page checksum failures. */
  onNotice(notice: ServerNotice): void;
}


// Backend message types we read ourselves (protocol-message-formats).
const ROW_DESCRIPTION = 0x54; // 'T'
const DATA_ROW = 0x44; // 'D'
const COMMAND_COMPLETE = 0x43; // 'C'
const COPY_OUT_RESPONSE = 0x48; // 'H'
const COPY_DATA = 0x64; // 'd'
const COPY_DONE = 0x63; // 'c'
const ERROR_RESPONSE = 0x45; // 'E'
const NOTICE_RESPONSE = 0x4e; // 'N'
// Sub-types of a CopyData payload in BASE_BACKUP's stream.
const NEW_ARCHIVE = 0x6e; // 'n'
const ARCHIVE_DATA = 0x64; // 'd'
const PROGRESS = 0x70; // 'p'
const MANIFEST = 0x6d; // 'm'

/** Runs `command` (a BASE_BACKUP) on a replication connection; resolves with the end position. */
export function runBaseBackup(client: Client, command: string, handler: BaseBackupStreamHandler): Promise<BackupPosition> {
  return new Promise((resolve, reject) => {
    void client.query(new BaseBackupQuery(command, handler, resolve, reject) as never);
  });
}

/** A DataRow's fields as text (null for SQL NULL). */
export function parseDataRow(body: Buffer): Array<string | null> {
  const n = body.readInt16BE(0);
  const out: Array<string | null> = [];
  let at = 2;
  for (let i = 0; i < n; i++) {
    const len = body.readInt32BE(at);
    at += 4;
    if (len < 0) {
      out.push(null);
    } else {
      out.push(body.toString('utf8', at, at + len));
      at += len;
    }
  }
  return out;
}

/** Fields of an ErrorResponse/NoticeResponse body: type byte, C string, ..., 0. */
export function parseNoticeFields(body: Buffer): ServerNotice {
  const f: Record<string, string> = {};
  let at = 0;
  while (at < body.length && body[at] !== 0) {
    const type = String.fromCharCode(body[at]);
    const end = body.indexOf(0, at + 1);
    if (end < 0) break;
    f[type] = body.toString('utf8', at + 1, end);
    at = end + 1;
  }
  return { severity: f.V ?? f.S ?? '', code: f.C ?? '', message: f.M ?? '' };
}

const DROP_ALL: BaseBackupStreamHandler = {
  onStart: () => undefined,
  onArchive: () => null,
  onArchiveData: () => null,
  onManifestData: () => null,
  onProgress: () => undefined,
  onCopyDone: () => null,
  onNotice: () => undefined,
};

type Stage = 'start-position' | 'tablespaces' | 'copy';

class BaseBackupQuery {
  private connection: PgConnection | null = null;
  private pgListener: DataListener | null = null;
  private readonly inbox: Buffer[] = [];
  private blocked = false;
  private handedBack = false;
  private failed = false;
  // The message being read.
  private readonly header = Buffer.alloc(6);
  private headerHave = 0;
  /** Bytes of the current message's body not read yet. */
  private left = 0;
  private type = 0;
  private subtype = 0;
  /** Small messages are gathered whole; archive bytes are streamed. */
  private gathered: Buffer[] = [];
  private stage: Stage = 'start-position';
  private start: BackupPosition | null = null;
  private readonly tablespaces: BackupTablespace[] = [];
  private inManifest = false;
  private end: BackupPosition | null = null;
  /** CopyDone was read while a handler held the stream: give the socket back once it lets go. */
  private handBackAfterHold = false;
  private readonly onSocketData = (chunk: Buffer) => {
    this.inbox.push(chunk);
    this.pump();
  };

  constructor(
    private readonly text: string,
    private readonly handler: BaseBackupStreamHandler,
    private readonly resolve: (end: BackupPosition) => void,
    private readonly reject: (err: Error) => void,
  ) {}

  /** Called by node-postgres when the query's turn comes. */
  submit(connection: PgConnection): void {
    this.connection = connection;
    this.pgListener = takeSocket(connection, this.onSocketData);
    connection.query(this.text);
  }

  private pump(): void {
    while (!this.blocked && !this.handedBack && this.inbox.length > 0) {
      const chunk = this.inbox.shift()!;
      const stoppedAt = this.parse(chunk);
      if (stoppedAt < chunk.length) this.inbox.unshift(chunk.subarray(stoppedAt));
    }
    if (this.handedBack && this.inbox.length > 0) {
      const rest = this.inbox.splice(0);
      for (const c of rest) this.pgListener!(c);
    }
  }

  /** Parses from the start of `chunk`; returns where it stopped (the end unless blocked or handed back). */
  private parse(chunk: Buffer): number {
    let at = 0;
    while (at < chunk.length && !this.blocked && !this.handedBack) {
      if (this.left === 0 && this.headerHave < 5) {
        if (this.headerHave === 0 && chunk[at] === ERROR_RESPONSE) {
          // node-postgres reads the error (and the ReadyForQuery after it) and calls handleError.
          this.handBack();
          return at;
        }
        const n = Math.min(5 - this.headerHave, chunk.length - at);
        chunk.copy(this.header, this.headerHave, at, at + n);
        this.headerHave += n;
        at += n;
        if (this.headerHave < 5) return at;
        this.type = this.header[0];
        this.left = this.header.readUInt32BE(1) - 4;
        this.subtype = -1;
        this.gathered = [];
        if (this.left === 0) {
          this.headerHave = 0;
          this.onWholeMessage(Buffer.alloc(0));
          continue;
        }
      }
      if (this.type === COPY_DATA && this.subtype < 0) {
        // A header can end exactly at the end of a chunk: the type byte is then the next chunk's first
        // (reading past the end took undefined for it and lost one byte of the stream; seen over a
        // shaped link on Node 24, whose socket chunks end elsewhere).
        if (at === chunk.length) return at;
        this.subtype = chunk[at++];
        this.left--;
        if (this.left === 0) {
          this.headerHave = 0;
          this.onWholeMessage(Buffer.alloc(0));
          continue;
        }
      }
      const n = Math.min(this.left, chunk.length - at);
      const piece = chunk.subarray(at, at + n);
      at += n;
      this.left -= n;
      if (this.type === COPY_DATA && this.subtype === ARCHIVE_DATA) {
        if (this.left === 0) this.headerHave = 0;
        this.hold(this.inManifest ? (this.h.onManifestData?.(piece) ?? null) : this.h.onArchiveData(piece));
        continue;
      }
      this.gathered.push(piece);
      if (this.left === 0) {
        this.headerHave = 0;
        this.onWholeMessage(this.gathered.length === 1 ? this.gathered[0] : Buffer.concat(this.gathered));
      }
    }
    return at;
  }

  private onWholeMessage(body: Buffer): void {
    try {
      this.dispatch(body);
    } catch (err) {
      this.fail(err as Error);
    }
  }

  private dispatch(body: Buffer): void {
    switch (this.type) {
      case ROW_DESCRIPTION:
        return;
      case DATA_ROW: {
        const row = parseDataRow(body);
        if (this.stage === 'start-position') {
          this.start = { lsn: parseLsn(row[0]!), timeline: Number(row[1]) };
        } else if (this.stage === 'tablespaces') {
          this.tablespaces.push({ oid: row[0] === null ? null : Number(row[0]), location: row[1], sizeKb: row[2] === null ? null : Number(row[2]) });
        }
        return;
      }
      case COMMAND_COMPLETE:
        if (this.stage === 'start-position') this.stage = 'tablespaces';
        return;
      case COPY_OUT_RESPONSE:
        if (this.start === null) throw new Error('BASE_BACKUP: the server began the COPY before sending the backup\'s start position');
        this.stage = 'copy';
        this.h.onStart(this.start, this.tablespaces);
        return;
      case NOTICE_RESPONSE:
        this.h.onNotice(parseNoticeFields(body));
        return;
      case COPY_DONE:
        this.hold(this.h.onCopyDone());
        // The end position and ReadyForQuery are node-postgres's to read (handleDataRow below).
        this.handBackAfterHold = true;
        if (!this.blocked) this.handBack();
        return;
      case COPY_DATA:
        return this.onCopyMessage(body);
      default:
        // ParameterStatus and anything else the protocol allows here: nothing for us.
        return;
    }
  }

  private onCopyMessage(body: Buffer): void {
    switch (this.subtype) {
      case NEW_ARCHIVE: {
        const nul = body.indexOf(0);
        const name = body.toString('utf8', 0, nul);
        const pathEnd = body.indexOf(0, nul + 1);
        const tablespacePath = body.toString('utf8', nul + 1, pathEnd < 0 ? body.length : pathEnd);
        this.inManifest = false;
        this.hold(this.h.onArchive(name, tablespacePath));
        return;
      }
      case PROGRESS:
        this.h.onProgress(Number(body.readBigInt64BE(0)));
        return;
      case MANIFEST:
        this.inManifest = true;
        return;
      case ARCHIVE_DATA:
        return; // an empty 'd' (streamed pieces never get here)
      default:
        throw new Error(`BASE_BACKUP sent a CopyData message of unknown type '${String.fromCharCode(this.subtype)}': a newer server protocol than this reader knows`);
    }
  }

  /** A handler's promise stops the parse and pauses the socket until it settles. */
  private hold(wait: Promise<void> | null): void {
    if (!wait) return;
    const stream = this.connection!.stream;
    this.blocked = true;
    stream.pause();
    wait.then(
      () => this.unblock(),
      (err: Error) => {
        this.fail(err);
        this.unblock();
      },
    );
  }

  private unblock(): void {
    this.blocked = false;
    if (this.handBackAfterHold && !this.handedBack) this.handBack();
    this.pump();
    if (!this.blocked) this.connection!.stream.resume();
  }

  /**
   * The handler failed: the query fails now with its error. The rest of the COPY is read and
   * dropped (handlers are no longer called); a caller that does not want to wait for it closes
   * the connection.
   */
  private fail(err: Error): void {
    if (!this.failed) this.reject(err);
    this.failed = true;
  }

  /** The handler, or one that drops everything once the query has failed. */
  private get h(): BaseBackupStreamHandler {
    return this.failed ? DROP_ALL : this.handler;
  }

  private handBack(): void {
    if (this.handedBack) return;
    this.handedBack = true;
    giveSocketBack(this.connection!, this.onSocketData, this.pgListener!);
  }

  // node-postgres calls these for what it parses after handBack().
  handleRowDescription(): void {}

  handleDataRow(msg: { fields: Array<string | null> }): void {
    if (msg.fields[0]) this.end = { lsn: parseLsn(msg.fields[0]), timeline: Number(msg.fields[1]) };
  }

  handleCommandComplete(): void {}

  handleEmptyQuery(): void {}

  handleError(err: Error): void {
    this.fail(err);
  }

  handleReadyForQuery(): void {
    if (this.failed) return;
    if (this.end === null) {
      this.fail(new Error('BASE_BACKUP ended without the backup\'s end position'));
      return;
    }
    this.resolve(this.end);
  }
}
