/**
 * Incremental decoder of PostgreSQL's binary COPY format (header, tuples of length-prefixed
 * fields, trailer). Pure: bytes in, rows out. Fields are returned as Buffers, NULL as null.
 */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

export type CopyRow = Array<Buffer | null>;

export class CopyBinaryDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private headerDone = false;
  private ended = false;
  private fieldsLeft = 0;
  private row: CopyRow = [];

  /** Feeds bytes; returns the rows completed by them. */
  push(chunk: Buffer): CopyRow[] {
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    const rows: CopyRow[] = [];
    while (!this.ended) {
      if (!this.headerDone) {
        if (!this.parseHeader()) break;
        continue;
      }
      if (this.fieldsLeft === 0) {
        const count = this.take(2);
        if (!count) break;
        const n = count.readInt16BE(0);
        if (n === -1) {
          this.ended = true;
          break;
        }
        this.fieldsLeft = n;
        this.row = [];
        if (n === 0) rows.push(this.row);
        continue;
      }
      const lenBuf = this.peek(4);
      if (!lenBuf) break;
      const len = lenBuf.readInt32BE(0);
      if (len === -1) {
        this.take(4);
        this.addField(null, rows);
        continue;
      }
      if (this.buffered < 4 + len) break;
      this.take(4);
      this.addField(this.take(len) as Buffer, rows);
    }
    return rows;
  }

  /** True once the trailer was seen: a stream that ends before it was cut short. */
  get complete(): boolean {
    return this.ended;
  }

  private addField(value: Buffer | null, rows: CopyRow[]): void {
    this.row.push(value);
    if (--this.fieldsLeft === 0) rows.push(this.row);
  }

  private parseHeader(): boolean {
    const fixed = this.peek(19);
    if (!fixed) return false;
    if (!fixed.subarray(0, 11).equals(SIGNATURE)) throw new Error('Not a binary COPY stream: bad signature');
    const extLen = fixed.readInt32BE(15);
    if (this.buffered < 19 + extLen) return false;
    this.take(19 + extLen);
    this.headerDone = true;
    return true;
  }

  private peek(n: number): Buffer | null {
    if (this.buffered < n) return null;
    if (this.chunks[0].length < n) this.coalesce(n);
    return this.chunks[0].subarray(0, n);
  }

  private take(n: number): Buffer | null {
    if (this.buffered < n) return null;
    if (n === 0) return Buffer.alloc(0);
    if (this.chunks[0].length < n) this.coalesce(n);
    const head = this.chunks[0];
    const out = head.subarray(0, n);
    if (head.length === n) this.chunks.shift();
    else this.chunks[0] = head.subarray(n);
    this.buffered -= n;
    return out;
  }

  /** Joins leading chunks until the first holds n bytes: one copy per field at most. */
  private coalesce(n: number): void {
    let count = 0;
    let size = 0;
    while (size < n) size += this.chunks[count++].length;
    const joined = Buffer.concat(this.chunks.slice(0, count), size);
    this.chunks.splice(0, count, joined);
  }
}
