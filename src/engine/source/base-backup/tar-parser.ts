/**
 * An incremental tar reader (POSIX ustar, with pax extended headers and GNU long names): bytes
 * go in as they arrive, each entry comes out with a readable stream of its bytes, and memory stays
 * bounded (one 512-byte header and whatever the consumer has not read yet, up to its stream's
 * highWaterMark). PostgreSQL's BASE_BACKUP writes plain ustar (names < 100 bytes, sizes in octal,
 * base-256 above 8 GiB); pax and GNU records are read so that any well-formed tar works.
 *
 * Back-pressure: while an entry's stream is full, the parser does not take more input (its write
 * callback waits), so the decompressor and the socket above it pause too.
 */
import { Readable, Writable } from 'stream';

export const TAR_BLOCK = 512;

export type TarEntryType = 'file' | 'directory' | 'symlink';

export interface TarEntry {
  /** The path inside the archive, without a leading "./" and without a trailing "/" ("." for the root directory). */
  path: string;
  type: TarEntryType;
  /** Bytes of data (0 for directories and symlinks). */
  size: number;
  /** Permission bits (e.g. 0o600). */
  mode: number;
  /** Modification time, seconds since the epoch. */
  mtimeS: number;
  /** Symlinks: where the link points. */
  linkTarget: string | null;
}

/**
 * Called once per entry, in archive order. `body` is the entry's bytes (files only; null for
 * directories and symlinks). Resolve once done with the entry: bytes not read by then are skipped.
 * Rejecting fails the whole parse with that error.
 */
export type TarEntryHandler = (entry: TarEntry, body: Readable | null) => Promise<void>;

export class TarFormatError extends Error {}

export interface TarParserOptions {
  /** How many entry handlers may be unfinished at once (default 1: one entry at a time). */
  maxPendingEntries?: number;
  /** For messages: which archive this is. */
  archiveName?: string;
  /** highWaterMark of each entry's stream (default 256 KiB). */
  bodyHighWaterMark?: number;
}

/** An entry's bytes: the parser pushes, the handler reads; push() returning false pauses the parser. */
class EntryBody extends Readable {
  private wake: (() => void) | null = null;
  private wanted = true;

  override _read(): void {
    this.wanted = true;
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  /** Pushes a piece; false when the consumer is full and whenWanted() must be awaited. */
  offer(piece: Buffer): boolean {
    this.wanted = false;
    if (this.push(piece)) this.wanted = true;
    return this.wanted;
  }

  whenWanted(): Promise<void> {
    if (this.wanted || this.destroyed) return Promise.resolve();
    return new Promise((resolve) => (this.wake = resolve));
  }

  /** The handler is done or gone: let a waiting parser go on. */
  release(): void {
    this.wanted = true;
    const w = this.wake;
    this.wake = null;
    w?.();
  }
}

interface PaxOverrides {
  path?: string;
  linkpath?: string;
  size?: number;
}

/** Octal (NUL/space terminated) or, with the high bit of the first byte set, base-256 big-endian. */
export function parseTarNumber(field: Buffer, what: string): number {
  if (field[0] & 0x80) {
    if (field[0] !== 0x80) throw new TarFormatError(`tar header ${what} is a negative or huge base-256 number`);
    let n = 0;
    for (let i = 1; i < field.length; i++) n = n * 256 + field[i];
    if (!Number.isSafeInteger(n)) throw new TarFormatError(`tar header ${what} is too large`);
    return n;
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError(`tar header ${what} is not an octal number: ${JSON.stringify(text)}`);
  return parseInt(text, 8);
}

const cString = (b: Buffer): string => {
  const nul = b.indexOf(0);
  return (nul < 0 ? b : b.subarray(0, nul)).toString('utf8');
};

function headerChecksumOk(h: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < TAR_BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i];
  return sum === parseTarNumber(h.subarray(148, 156), 'checksum');
}

function normalizePath(p: string): string {
  let s = p;
  while (s.startsWith('./')) s = s.slice(2);
  while (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  // The archive's own root ("./" as GNU tar writes it).
  return s === '' || s === '.' || s === '/' ? '.' : s;
}

/** pax records: "<len> <key>=<value>\n", len counting the whole record. */
export function parsePaxRecords(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space < 0) break;
    const len = Number(data.toString('latin1', at, space));
    if (!Number.isInteger(len) || len <= 0 || at + len > data.length) throw new TarFormatError('tar pax header has a malformed record');
    const record = data.toString('utf8', space + 1, at + len - 1);
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    at += len;
  }
  return out;
}

/** Metadata entries (pax, GNU long names) are small; anything bigger is not a real one. */
const MAX_META_BYTES = 1024 * 1024;

type Phase = 'header' | 'body' | 'meta' | 'padding' | 'ended';

export class TarParser extends Writable {
  private phase: Phase = 'header';
  private readonly header = Buffer.alloc(TAR_BLOCK);
  private headerHave = 0;
  private bodyLeft = 0;
  /** Size of the entry whose body is being read (its padding follows). */
  private bodySize = 0;
  private padLeft = 0;
  private body: EntryBody | null = null;
  /** The handler let go of the current body: the rest of its bytes are skipped. */
  private bodyAbandoned = false;
  private meta: { kind: 'pax' | 'pax-global' | 'gnu-name' | 'gnu-link'; chunks: Buffer[]; size: number } | null = null;
  private pax: PaxOverrides = {};
  private gnuName: string | null = null;
  private gnuLink: string | null = null;
  private zeroBlocks = 0;
  private readonly pending = new Set<Promise<void>>();
  private handlerError: Error | null = null;
  private currentPath = '';
  private entries = 0;
  private readonly maxPending: number;
  private readonly name: string;
  private readonly bodyHighWaterMark: number;

  constructor(private readonly onEntry: TarEntryHandler, opts: TarParserOptions = {}) {
    super({ highWaterMark: 64 * 1024 });
    this.maxPending = Math.max(1, opts.maxPendingEntries ?? 1);
    this.name = opts.archiveName ?? 'tar archive';
    this.bodyHighWaterMark = opts.bodyHighWaterMark ?? 256 * 1024;
  }

  /** Entries handed to the handler so far. */
  get entryCount(): number {
    return this.entries;
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    this.consume(chunk).then(() => done(), (err: Error) => done(err));
  }

  override _final(done: (err?: Error | null) => void): void {
    this.finish().then(() => done(), (err: Error) => done(err));
  }

  override _destroy(err: Error | null, done: (err?: Error | null) => void): void {
    this.body?.destroy(err ?? undefined);
    done(err);
  }

  private async finish(): Promise<void> {
    if (this.phase !== 'ended' && !(this.phase === 'header' && this.headerHave === 0 && this.zeroBlocks > 0)) {
      const where = this.phase === 'header' && this.headerHave === 0 ? 'without its end-of-archive blocks' : `inside ${this.currentPath ? `"${this.currentPath}"` : 'a header'}`;
      throw new TarFormatError(`${this.name} ends ${where}: the stream was cut short`);
    }
    await Promise.all([...this.pending]);
    if (this.handlerError) throw this.handlerError;
  }

  private async consume(chunk: Buffer): Promise<void> {
    let at = 0;
    while (at < chunk.length) {
      if (this.handlerError) throw this.handlerError;
      switch (this.phase) {
        case 'ended':
          // After the two zero blocks: more zero padding (tar pads to a record size) is fine.
          for (; at < chunk.length; at++) if (chunk[at] !== 0) throw new TarFormatError(`${this.name} has data after its end-of-archive blocks`);
          return;
        case 'header': {
          const n = Math.min(TAR_BLOCK - this.headerHave, chunk.length - at);
          chunk.copy(this.header, this.headerHave, at, at + n);
          this.headerHave += n;
          at += n;
          if (this.headerHave === TAR_BLOCK) {
            this.headerHave = 0;
            await this.onHeader();
          }
          break;
        }
        case 'padding': {
          const n = Math.min(this.padLeft, chunk.length - at);
          this.padLeft -= n;
          at += n;
          if (this.padLeft === 0) this.phase = 'header';
          break;
        }
        case 'meta': {
          const n = Math.min(this.bodyLeft, chunk.length - at);
          this.meta!.chunks.push(Buffer.from(chunk.subarray(at, at + n)));
          this.bodyLeft -= n;
          at += n;
          if (this.bodyLeft === 0) this.onMetaDone();
          break;
        }
        case 'body': {
          const n = Math.min(this.bodyLeft, chunk.length - at);
          const piece = chunk.subarray(at, at + n);
          this.bodyLeft -= n;
          at += n;
          const body = this.body!;
          if (!this.bodyAbandoned && !body.destroyed && !body.offer(piece)) await body.whenWanted();
          if (this.bodyLeft === 0) this.endBody();
          break;
        }
      }
    }
  }

  private padAfter(size: number): void {
    this.padLeft = (TAR_BLOCK - (size % TAR_BLOCK)) % TAR_BLOCK;
    this.phase = this.padLeft > 0 ? 'padding' : 'header';
  }

  private async onHeader(): Promise<void> {
    const h = this.header;
    if (h.every((b) => b === 0)) {
      // Two zero blocks end the archive.
      if (++this.zeroBlocks === 2) this.phase = 'ended';
      return;
    }
    if (this.zeroBlocks > 0) throw new TarFormatError(`${this.name} has a lone zero block before more entries: corrupt archive`);
    if (!headerChecksumOk(h)) {
      throw new TarFormatError(`${this.name}: a tar header's checksum does not match after ${this.entries} entries${this.currentPath ? ` (last "${this.currentPath}")` : ''}: corrupt or misaligned data`);
    }
    if (this.startMeta(h)) return;
    const entry = this.entryOf(h);
    this.currentPath = entry.path;
    this.entries++;

    // Wait for a handler slot before starting another entry.
    while (this.pending.size >= this.maxPending) await Promise.race([...this.pending]);
    if (this.handlerError) throw this.handlerError;
    this.startEntry(entry);
  }

  /** A pax or GNU long-name header: its body names the next entry. True when `h` is one. */
  private startMeta(h: Buffer): boolean {
    const typeflag = String.fromCharCode(h[156]);
    const metaKind = ({ x: 'pax', g: 'pax-global', L: 'gnu-name', K: 'gnu-link' } as const)[typeflag as 'x' | 'g' | 'L' | 'K'];
    if (!metaKind) return false;
    const size = parseTarNumber(h.subarray(124, 136), 'size');
    if (size > MAX_META_BYTES) throw new TarFormatError(`${this.name}: a ${metaKind} header of ${size} bytes is too large`);
    this.meta = { kind: metaKind, chunks: [], size };
    this.bodyLeft = size;
    this.phase = size > 0 ? 'meta' : 'header';
    if (size === 0) this.onMetaDone();
    return true;
  }

  /** The entry a ustar header describes, with the names and size the meta headers before it gave. */
  private entryOf(h: Buffer): TarEntry {
    const typeflag = String.fromCharCode(h[156]);
    let size = parseTarNumber(h.subarray(124, 136), 'size');
    let name = cString(h.subarray(0, 100));
    if (h.toString('latin1', 257, 262) === 'ustar') {
      const prefix = cString(h.subarray(345, 500));
      if (prefix) name = `${prefix}/${name}`;
    }
    let linkTarget = cString(h.subarray(157, 257));
    if (this.gnuName !== null) name = this.gnuName;
    if (this.gnuLink !== null) linkTarget = this.gnuLink;
    if (this.pax.path !== undefined) name = this.pax.path;
    if (this.pax.linkpath !== undefined) linkTarget = this.pax.linkpath;
    if (this.pax.size !== undefined) size = this.pax.size;
    this.gnuName = null;
    this.gnuLink = null;
    this.pax = {};

    const type = this.entryType(typeflag, name);
    const entry: TarEntry = {
      path: normalizePath(name),
      type,
      size: type === 'file' ? size : 0,
      mode: parseTarNumber(h.subarray(100, 108), 'mode') & 0o7777,
      mtimeS: parseTarNumber(h.subarray(136, 148), 'mtime'),
      linkTarget: type === 'symlink' ? linkTarget : null,
    };
    if ((entry.path === '.' && type !== 'directory') || entry.path.split('/').includes('..') || entry.path.startsWith('/')) {
      throw new TarFormatError(`${this.name}: entry path ${JSON.stringify(name)} leaves the archive's directory`);
    }
    return entry;
  }

  private entryType(typeflag: string, name: string): TarEntryType {
    if (typeflag === '0' || typeflag === '\0' || typeflag === '7') return 'file';
    if (typeflag === '5') return 'directory';
    if (typeflag === '2') return 'symlink';
    const what = ({ '1': 'a hard link', '3': 'a character device', '4': 'a block device', '6': 'a FIFO' } as Record<string, string>)[typeflag] ?? `type "${typeflag}"`;
    throw new TarFormatError(`${this.name}: "${name}" is ${what}, which a data directory never holds`);
  }

  /** Hands the entry to the handler, and its body (a file's) to the bytes that follow. */
  private startEntry(entry: TarEntry): void {
    const body = entry.type === 'file' ? new EntryBody({ highWaterMark: this.bodyHighWaterMark }) : null;
    const settle = Promise.resolve()
      .then(() => this.onEntry(entry, body))
      .then(
        () => {
          // Done before reading everything: the rest is skipped.
          if (body && body === this.body) this.bodyAbandoned = true;
          body?.release();
        },
        (err: Error) => {
          this.handlerError ??= err;
          if (body && body === this.body) this.bodyAbandoned = true;
          body?.release();
        },
      )
      .finally(() => this.pending.delete(settle));
    this.pending.add(settle);

    if (body) {
      this.body = body;
      this.bodyAbandoned = false;
      this.bodyLeft = entry.size;
      this.bodySize = entry.size;
      this.phase = 'body';
      if (entry.size === 0) this.endBody();
    } else {
      this.padAfter(0);
    }
  }

  private endBody(): void {
    const body = this.body!;
    if (!body.destroyed) body.push(null);
    this.body = null;
    this.padAfter(this.bodySize);
  }

  private onMetaDone(): void {
    const meta = this.meta!;
    const data = Buffer.concat(meta.chunks);
    this.meta = null;
    if (meta.kind === 'pax') {
      const r = parsePaxRecords(data);
      if (r.path !== undefined) this.pax.path = r.path;
      if (r.linkpath !== undefined) this.pax.linkpath = r.linkpath;
      if (r.size !== undefined) {
        const n = Number(r.size);
        if (!Number.isSafeInteger(n) || n < 0) throw new TarFormatError(`${this.name}: pax size ${JSON.stringify(r.size)} is not a byte count`);
        this.pax.size = n;
      }
    } else if (meta.kind === 'gnu-name') {
      this.gnuName = cString(data);
    } else if (meta.kind === 'gnu-link') {
      this.gnuLink = cString(data);
    }
    this.padAfter(meta.size);
  }
}
