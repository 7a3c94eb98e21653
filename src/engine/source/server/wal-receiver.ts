import type { Duplex } from 'stream';
import { CatchupError } from '../../errors';
import { formatLsn } from '../../wal/lsn';
import { encodeStandbyStatus, parseReplicationMessage } from '../../wal/replication-messages';
import type { WalSink } from '../../copy/wal-segment-sink';

// Well inside the default wal_sender_timeout (60 s), so the source never drops us.
const STATUS_INTERVAL_MS = 10_000;

/**
 * Receives WAL from START_REPLICATION into a sink until told the LSN to stop at, then ends the
 * stream as soon as that LSN has arrived: no waiting for a keepalive on an idle source.
 */
export class WalReceiver {
  private received: bigint;
  private stopAt: bigint | null = null;
  private ending = false;
  private readonly done: Promise<void>;
  private resolveReached!: () => void;
  private statusTimer: NodeJS.Timeout | undefined;

  constructor(private readonly stream: Duplex, startLsn: bigint, private readonly sink: WalSink) {
    this.received = startLsn;
    const reached = new Promise<void>((resolve) => (this.resolveReached = resolve));
    this.done = this.run(reached);
    // Until finish() is called nobody awaits `done`; keep a rejection from going unhandled.
    this.done.catch(() => undefined);
  }

  /** How far WAL has been written to the sink. */
  get receivedLsn(): bigint {
    return this.received;
  }

  /** Stream until `stopLsn` is written, then end; resolves when the stream is closed. */
  async finish(stopLsn: bigint): Promise<void> {
    this.stopAt = stopLsn;
    this.checkReached();
    await this.done;
  }

  /** Ends the stream now, e.g. on failure elsewhere; errors are swallowed. */
  async abort(): Promise<void> {
    this.endStream();
    this.resolveReached();
    await this.done.catch(() => undefined);
  }

  private async run(reached: Promise<void>): Promise<void> {
    this.statusTimer = setInterval(() => this.sendStatus(), STATUS_INTERVAL_MS);
    try {
      const consume = this.consume();
      await Promise.race([consume, reached]);
      this.endStream();
      await consume;
    } finally {
      clearInterval(this.statusTimer);
    }
    if (this.stopAt === null || this.received < this.stopAt) {
      throw new CatchupError('wal-stream-ended',
        `The source ended the WAL stream at ${formatLsn(this.received)} before the backup's stop LSN` +
          (this.stopAt === null ? '' : ` ${formatLsn(this.stopAt)}`) + '.',
        'The source may have been promoted, restarted or shut down during the run; run the command again.');
    }
  }

  private async consume(): Promise<void> {
    for await (const payload of this.stream as AsyncIterable<Buffer>) {
      const msg = parseReplicationMessage(payload);
      if (msg.kind === 'xlogdata') {
        await this.sink.write(msg.walStart, msg.data);
        const end = msg.walStart + BigInt(msg.data.length);
        if (end > this.received) this.received = end;
        this.checkReached();
      } else if (msg.kind === 'keepalive' && msg.replyRequested) {
        this.sendStatus();
      }
    }
  }

  private checkReached(): void {
    if (this.stopAt !== null && this.received >= this.stopAt) this.resolveReached();
  }

  private sendStatus(): void {
    if (this.ending) return;
    this.stream.write(encodeStandbyStatus(this.received, this.received));
  }

  private endStream(): void {
    if (this.ending) return;
    this.ending = true;
    // Ending the writable side sends CopyDone; the server answers with its own and closes the copy.
    this.stream.end();
  }
}
