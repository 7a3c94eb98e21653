/**
 * Opens the files a copy is about to write, in the order it will write them, a few ahead, on
 * libuv's thread pool. Creating a file is kernel work the size of its data on some file systems
 * (measured on this project's ext4 CI host: 0.3-0.4 ms a create, 979 creates 0.43 s of a 147 MB
 * FULL's 1.2 s); done on the main thread it stalls the network reads, COPY decoding and checksums
 * behind it, done here it runs beside them.
 *
 * A piece whose file is not open yet does not wait for it (pieces are written synchronously as
 * the bytes arrive): the writer opens it itself and `take` tells it to; the background open of
 * the same file, if still running, is then closed unused. Background opens never truncate, so
 * the two can never undo each other's writes.
 */

/** A file opened ahead: its descriptor, and whether it replaced an existing file (and that file's size). */
export interface OpenedAhead {
  fd: number;
  oldSize: number | null;
  /** Made by this open (nothing was there). */
  created: boolean;
}

type Opener = (relPath: string) => Promise<OpenedAhead>;

/** Files opened and not yet written into, at most: enough to keep the pool busy, few descriptors. */
const WINDOW = 32;

export class OpenAhead {
  private next = 0;
  private readonly started = new Set<string>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly ready = new Map<string, OpenedAhead>();
  /** Taken synchronously while still in flight: closed when the background open returns. */
  private readonly unwanted = new Set<string>();
  /** Not to be written at all (its source file vanished): closed, and removed if this open made it. */
  private readonly dropped = new Set<string>();
  private failure: unknown = null;

  constructor(
    private readonly order: readonly string[],
    private readonly openInBackground: Opener,
    private readonly closeUnused: (fd: number) => void,
    private readonly discard: (relPath: string, opened: OpenedAhead) => void,
  ) {
    this.fill();
  }

  /** The file if it was opened ahead, else null: the caller opens it. Either way, the next one is started. */
  take(relPath: string): OpenedAhead | null {
    if (this.failure) throw this.failure;
    const opened = this.ready.get(relPath) ?? null;
    if (opened) this.ready.delete(relPath);
    else if (this.inFlight.has(relPath)) this.unwanted.add(relPath);
    this.started.add(relPath);
    this.fill();
    return opened;
  }

  /** A file that will not be written after all: undone if it was opened ahead, never opened otherwise. */
  forget(relPath: string): void {
    this.started.add(relPath);
    const opened = this.ready.get(relPath);
    if (opened) {
      this.ready.delete(relPath);
      this.discard(relPath, opened);
    } else if (this.inFlight.has(relPath)) this.dropped.add(relPath);
    this.fill();
  }

  /** After a failure: close what was opened and never taken. */
  async closeAll(): Promise<void> {
    this.next = this.order.length;
    await Promise.allSettled([...this.inFlight.values()]);
    for (const { fd } of this.ready.values()) this.closeUnused(fd);
    this.ready.clear();
  }

  private fill(): void {
    while (this.failure === null && this.inFlight.size + this.ready.size < WINDOW && this.next < this.order.length) {
      const relPath = this.order[this.next++];
      if (this.started.has(relPath)) continue;
      this.started.add(relPath);
      this.start(relPath);
    }
  }

  private start(relPath: string): void {
    const done = this.openInBackground(relPath).then(
      (opened) => {
        this.inFlight.delete(relPath);
        if (this.unwanted.delete(relPath)) this.closeUnused(opened.fd);
        else if (this.dropped.delete(relPath)) this.discard(relPath, opened);
        else this.ready.set(relPath, opened);
        this.fill();
      },
      (err) => {
        this.inFlight.delete(relPath);
        // A file the writer opened itself meanwhile no longer needs this open; any other failure is the copy's.
        if (!this.unwanted.delete(relPath) && !this.dropped.delete(relPath)) this.failure ??= err;
      },
    );
    this.inFlight.set(relPath, done);
  }
}
