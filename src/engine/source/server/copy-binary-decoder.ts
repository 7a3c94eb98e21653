/**
 * Incremental decoder of PostgreSQL's binary COPY format (header, tuples of length-prefixed
 * fields, trailer). Pure: bytes in, calls out. A row's last field is handed on as slices of the
 * input as it arrives, never joined: file pieces of a megabyte would otherwise be copied once
 * more in memory, which cost as much CPU as the rest of a FULL copy together.
 */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

export type CopyRow = Array<Buffer | null>;

export interface CopyRowHandler {
  /** A row begins: its leading fields (all but the last, NULL as null) and the last one's length (null: NULL). */
  row(head: CopyRow, lastLength: number | null): void;
  /** The next bytes of the row's last field: a slice of the input (the input is never reused). */
  tail(bytes: Buffer): void;
  /** The row is complete. */
  rowEnd(): void;
}

type State = 'header' | 'count' | 'head-length' | 'last-length' | 'last-data' | 'ended';

export class CopyBinaryDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private state: State = 'header';
  private fields = 0;
  private head: CopyRow = [];
  private tailLeft = 0;

  constructor(private readonly handler: CopyRowHandler) {}

  /** Feeds bytes; the handler is called for everything they complete. */
  push(chunk: Buffer): void {
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    while (this.step());
  }

  /** True once the trailer was seen: a stream that ends before it was cut short. */
  get complete(): boolean {
    return this.state === 'ended';
  }

  /** One state transition; false when more input is needed (or the stream ended). */
  private step(): boolean {
    switch (this.state) {
      case 'header':
        return this.parseHeader();
      case 'count': {
        const count = this.take(2);
        if (!count) return false;
        const n = count.readInt16BE(0);
        if (n === -1) {
          this.state = 'ended';
          return false;
        }
        if (n < 1) throw new Error(`Binary COPY row with ${n} fields: at least one expected`);
        this.fields = n;
        this.head = [];
        this.state = n === 1 ? 'last-length' : 'head-length';
        return true;
      }
      case 'head-length': {
        const lenBuf = this.peek(4);
        if (!lenBuf) return false;
        const len = lenBuf.readInt32BE(0);
        if (len !== -1 && this.buffered < 4 + len) return false;
        this.take(4);
        this.head.push(len === -1 ? null : this.take(len));
        if (this.head.length === this.fields - 1) this.state = 'last-length';
        return true;
      }
      case 'last-length': {
        const lenBuf = this.take(4);
        if (!lenBuf) return false;
        const len = lenBuf.readInt32BE(0);
        this.handler.row(this.head, len === -1 ? null : len);
        this.tailLeft = Math.max(0, len);
        this.state = 'last-data';
        return true;
      }
      case 'last-data': {
        while (this.tailLeft > 0 && this.buffered > 0) {
          const first = this.chunks[0];
          const n = Math.min(first.length, this.tailLeft);
          this.handler.tail(n === first.length ? first : first.subarray(0, n));
          this.drop(n);
          this.tailLeft -= n;
        }
        if (this.tailLeft > 0) return false;
        this.handler.rowEnd();
        this.state = 'count';
        return true;
      }
      default:
        return false;
    }
  }

  private parseHeader(): boolean {
    const fixed = this.peek(19);
    if (!fixed) return false;
    if (!fixed.subarray(0, 11).equals(SIGNATURE)) throw new Error('Not a binary COPY stream: bad signature');
    const extLen = fixed.readInt32BE(15);
    if (this.buffered < 19 + extLen) return false;
    this.take(19 + extLen);
    this.state = 'count';
    return true;
  }

  private peek(n: number): Buffer | null {
    if (this.buffered < n) return null;
    if (n === 0) return Buffer.alloc(0);
    if (this.chunks[0].length < n) this.coalesce(n);
    return this.chunks[0].subarray(0, n);
  }

  private take(n: number): Buffer | null {
    const out = this.peek(n);
    if (out) this.drop(n);
    return out;
  }

  /** Forgets the first n bytes, which lie in the first chunk. */
  private drop(n: number): void {
    const head = this.chunks[0];
    if (head.length === n) this.chunks.shift();
    else this.chunks[0] = head.subarray(n);
    this.buffered -= n;
  }

  /** Joins leading chunks until the first holds n bytes (only for the small leading fields). */
  private coalesce(n: number): void {
    let count = 0;
    let size = 0;
    while (size < n) size += this.chunks[count++].length;
    const joined = Buffer.concat(this.chunks.slice(0, count), size);
    this.chunks.splice(0, count, joined);
  }
}

/** Whole rows, for small results and tests: the last field is joined once per row. */
export class CopyRowCollector implements CopyRowHandler {
  readonly rows: CopyRow[] = [];
  private head: CopyRow = [];
  private parts: Buffer[] | null = null;

  row(head: CopyRow, lastLength: number | null): void {
    this.head = head;
    this.parts = lastLength === null ? null : [];
  }

  tail(bytes: Buffer): void {
    this.parts!.push(bytes);
  }

  rowEnd(): void {
    const last = this.parts === null ? null : this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
    this.rows.push([...this.head, last]);
  }

  /** The rows completed since the last call. */
  take(): CopyRow[] {
    return this.rows.splice(0);
  }
}
