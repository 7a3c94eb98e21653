import type { Duplex } from 'stream';
import { CatchupError } from '../../errors';
import { formatLsn } from '../../wal/lsn';
import { encodeStandbyStatus, parseReplicationMessage } from '../../wal/replication-messages';
import { holdsSwitchPadding } from '../../wal/switch-padding';
import type { WalSink } from '../../copy/wal-segment-sink';

// Well inside the default wal_sender_timeout (60 s), so the source never drops us.
const STATUS_INTERVAL_MS = 10_000;
/**
 * How long reading waits at a switch's padding for the stop LSN. A backup's own stop tells it
 * within a round trip; a switch in mid-backup (archive_timeout, pg_switch_wal) costs this once.
 */
const PADDING_HOLD_MS = 3_000;

/**
 * Receives WAL from START_REPLICATION into a sink until told the LSN to stop at, then ends the
 * stream as soon as that LSN has arrived: no waiting for a keepalive on an idle source.
 *
 * At the padding after a switch (switch-padding.ts) it stops reading until the stop LSN is known:
 * the backup's stop switches segments, and the walsender would otherwise push up to 16 MB of
 * that padding across the link while the backup's last bytes are still on their way. Not read,
 * it fills the socket's small window and stops there.
 */
export class WalReceiver {
  private received: bigint;
  private stopLsn: bigint | null = null;
  private ending = false;
  private readonly done: Promise<void>;
  private resolveReached!: () => void;
  private statusTimer: NodeJS.Timeout | undefined;
  private releaseHold: (() => void) | null = null;
  /** Times reading waited at a switch's padding (tests read it). */
  paddingHolds = 0;

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

  /** The LSN to stop at, as soon as it is known: the stream ends once it has arrived. */
  stopAt(stopLsn: bigint): void {
    this.stopLsn = stopLsn;
    this.checkReached();
    this.releaseHold?.();
  }

  /** Stream until `stopLsn` is written, then end; resolves when the stream is closed. */
  async finish(stopLsn: bigint): Promise<void> {
    this.stopAt(stopLsn);
    await this.done;
  }

  /** Ends the stream now, e.g. on failure elsewhere; errors are swallowed. */
  async abort(): Promise<void> {
    this.endStream();
    this.resolveReached();
    this.releaseHold?.();
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
    if (this.stopLsn === null || this.received < this.stopLsn) {
      throw new CatchupError('wal-stream-ended',
        `The source ended the WAL stream at ${formatLsn(this.received)} before the backup's stop LSN` +
          (this.stopLsn === null ? '' : ` ${formatLsn(this.stopLsn)}`) + '.',
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
        if (this.stopLsn === null && !this.ending && holdsSwitchPadding(msg.walStart, msg.data)) await this.holdForStop();
      } else if (msg.kind === 'keepalive' && msg.replyRequested) {
        this.sendStatus();
      }
    }
  }

  /** Until the stop LSN is known (or the stream is aborted), at most PADDING_HOLD_MS. */
  private async holdForStop(): Promise<void> {
    this.paddingHolds++;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.releaseHold = resolve;
      timer = setTimeout(resolve, PADDING_HOLD_MS);
    });
    clearTimeout(timer);
    this.releaseHold = null;
  }

  private checkReached(): void {
    if (this.stopLsn !== null && this.received >= this.stopLsn) this.resolveReached();
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
