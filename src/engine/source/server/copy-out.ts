import type { Client } from 'pg';
import { DataListener, giveSocketBack, PgConnection, takeSocket } from '../pg-socket';

/** Where the payload of a COPY ... TO STDOUT goes, as slices of the socket's chunks. */
export interface CopyOutSink {
  /** The next payload bytes; a promise pauses the socket until it settles (back-pressure). */
  data(bytes: Buffer): Promise<void> | null;
}

// Backend message types (protocol-message-formats): the ones that may arrive during COPY OUT.
const COPY_DATA = 0x64; // 'd'
const COPY_DONE = 0x63; // 'c'
const ERROR_RESPONSE = 0x45; // 'E'


/**
 * Runs `COPY (...) TO STDOUT` and hands its payload to `sink` without copying it: the socket's
 * chunks are cut at message boundaries and passed on as slices. pg-copy-streams joins every
 * CopyData message (a megabyte each for our file pieces) into a fresh zero-filled buffer and then
 * joins the messages again, two copies that cost a FULL as much CPU as the checksums.
 * node-postgres takes the connection back at CopyDone (or an error) and completes the query.
 */
export function copyOut(client: Client, sql: string, sink: CopyOutSink): Promise<void> {
  return new Promise((resolve, reject) => {
    void client.query(new CopyOutQuery(sql, sink, resolve, reject) as never);
  });
}

class CopyOutQuery {
  private connection: PgConnection | null = null;
  private pgListener: DataListener | null = null;
  private header = Buffer.alloc(5);
  private headerHave = 0;
  private messageType = 0;
  private messageLeft = 0;
  private failed = false;
  private done = false;
  /** Sink waits not yet over; the socket stays paused until none is left. */
  private waiting = 0;
  private readonly onData = (chunk: Buffer) => this.parse(chunk);

  constructor(
    private readonly text: string,
    private readonly sink: CopyOutSink,
    private readonly resolve: () => void,
    private readonly reject: (err: Error) => void,
  ) {}

  /** Called by node-postgres when the query's turn comes. */
  submit(connection: PgConnection): void {
    this.connection = connection;
    this.pgListener = takeSocket(connection, this.onData);
    connection.query(this.text);
  }

  private parse(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.messageLeft === 0 && this.headerHave < 5) {
        if (this.headerHave === 0 && (chunk[at] === ERROR_RESPONSE || this.done)) {
          // node-postgres parses the rest (CommandComplete, ReadyForQuery, or the error) itself.
          this.handBack(chunk.subarray(at));
          return;
        }
        const n = Math.min(5 - this.headerHave, chunk.length - at);
        chunk.copy(this.header, this.headerHave, at, at + n);
        this.headerHave += n;
        at += n;
        if (this.headerHave < 5) return;
        this.messageType = this.header[0];
        this.messageLeft = this.header.readUInt32BE(1) - 4;
        if (this.messageType === COPY_DONE) this.done = true;
        if (this.messageLeft > 0) continue;
      }
      const n = Math.min(this.messageLeft, chunk.length - at);
      if (this.messageType === COPY_DATA && n > 0 && !this.failed) this.deliver(chunk.subarray(at, at + n));
      // Anything else during COPY OUT (CopyOutResponse, notices, parameter changes) is skipped.
      this.messageLeft -= n;
      at += n;
      if (this.messageLeft === 0) this.headerHave = 0;
    }
  }

  private deliver(bytes: Buffer): void {
    let wait: Promise<void> | null;
    try {
      wait = this.sink.data(bytes);
    } catch (err) {
      this.fail(err as Error);
      return;
    }
    if (wait) this.pauseFor(wait);
  }

  /** The sink failed: the query's promise fails now, and the rest of the COPY is read and dropped so the connection stays usable. */
  private fail(err: Error): void {
    if (!this.failed) this.reject(err);
    this.failed = true;
  }

  private pauseFor(wait: Promise<void>): void {
    const stream = this.connection!.stream;
    stream.pause();
    // One chunk can carry many messages, each with its own wait: the socket resumes only when
    // all of them are over, or the shortest would let the reader run ahead of the others.
    this.waiting++;
    const over = () => {
      if (--this.waiting === 0) stream.resume();
    };
    wait.then(over, (err: Error) => {
      this.fail(err);
      over();
    });
  }

  private handBack(rest: Buffer): void {
    giveSocketBack(this.connection!, this.onData, this.pgListener!);
    if (rest.length > 0) this.pgListener!(rest);
  }

  handleError(err: Error): void {
    this.fail(err);
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    if (!this.failed) this.resolve();
  }
}
