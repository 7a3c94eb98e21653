/**
 * A streaming decoder of the LZ4 frame format (lz4_Frame_format.md of the LZ4 project), as
 * PostgreSQL's server-side lz4 writes it: 256 KiB blocks, linked (a match may reach 64 KiB back
 * into earlier blocks), no checksums but the header's. Independent blocks, block and content
 * checksums (verified), content size, concatenated and skippable frames are handled too.
 *
 * Bounded memory: one block of input and one of output (plus 64 KiB of history) at a time.
 * Node has no lz4 in zlib, and no maintained pure-JS package decodes frames as a stream. Blocks
 * are decoded in WebAssembly (lz4-block.wat, about twice as fast) where it runs, else by
 * decodeBlock below, which also names what is wrong with a corrupt block.
 */
import { Transform, TransformCallback, TransformOptions } from 'stream';
import { decodeBlockWasm, lz4WasmAvailable } from './lz4-block-wasm';
import { Xxhash32, xxhash32 } from './xxhash32';

const FRAME_MAGIC = 0x184d2204;
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
const HISTORY = 64 * 1024;
const BLOCK_MAX: Record<number, number> = { 4: 64 * 1024, 5: 256 * 1024, 6: 1024 * 1024, 7: 4 * 1024 * 1024 };

export class Lz4FormatError extends Error {}

type State = 'magic' | 'descriptor' | 'descriptor-rest' | 'block-size' | 'block' | 'content-checksum' | 'skip-size' | 'skip';

export interface Lz4FrameDecoderOptions extends TransformOptions {
  /** Decode blocks in WebAssembly when it is available (default true); false: JavaScript only. */
  wasm?: boolean;
}

export class Lz4FrameDecoder extends Transform {
  private readonly useWasm: boolean;
  private readonly queue: Buffer[] = [];
  private queued = 0;
  private state: State = 'magic';
  private need = 4;
  private skipLeft = 0;
  private framesSeen = 0;
  // The current frame's descriptor.
  private flg = 0;
  /** FLG and BD, kept for the header checksum. */
  private descriptorBytes: Buffer = Buffer.alloc(0);
  private blockMax = 0;
  private linked = true;
  private blockChecksum = false;
  private contentChecksum: Xxhash32 | null = null;
  private contentSize: bigint | null = null;
  private produced = 0n;
  // The current block.
  private blockLen = 0;
  private blockStored = false;
  private history: Buffer = Buffer.alloc(0);

  constructor(opts: Lz4FrameDecoderOptions = {}) {
    const { wasm, ...streamOpts } = opts;
    super(streamOpts);
    this.useWasm = wasm !== false && lz4WasmAvailable();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.queue.push(chunk);
    this.queued += chunk.length;
    try {
      this.decodeQueued();
      done();
    } catch (err) {
      done(err as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    if (this.state === 'skip' && this.skipLeft === 0) this.state = 'magic';
    if (this.state !== 'magic' || this.queued > 0) {
      done(new Lz4FormatError(`lz4 data ends inside a frame (${this.state === 'magic' ? `${this.queued} stray bytes` : `reading its ${this.state}`}): the stream was cut short`));
      return;
    }
    if (this.framesSeen === 0) {
      done(new Lz4FormatError('lz4 data is empty: no frame at all'));
      return;
    }
    done();
  }

  /** The next n queued bytes, consumed: a slice when one chunk holds them, else a copy. */
  private takeBytes(n: number): Buffer {
    this.queued -= n;
    const first = this.queue[0];
    if (first.length >= n) {
      if (first.length === n) this.queue.shift();
      else this.queue[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let at = 0;
    while (at < n) {
      const c = this.queue[0];
      const k = Math.min(c.length, n - at);
      c.copy(out, at, 0, k);
      at += k;
      if (k === c.length) this.queue.shift();
      else this.queue[0] = c.subarray(k);
    }
    return out;
  }

  private decodeQueued(): void {
    for (;;) {
      if (this.state === 'skip') {
        while (this.skipLeft > 0 && this.queued > 0) {
          const n = Math.min(this.skipLeft, this.queue[0].length);
          this.takeBytes(n);
          this.skipLeft -= n;
        }
        if (this.skipLeft > 0) return;
        this.expect('magic', 4);
        continue;
      }
      if (this.queued < this.need) return;
      const bytes = this.takeBytes(this.need);
      switch (this.state) {
        case 'magic': this.onMagic(bytes.readUInt32LE(0)); break;
        case 'skip-size': this.skipLeft = bytes.readUInt32LE(0); this.state = 'skip'; break;
        case 'descriptor': this.onDescriptorStart(bytes); break;
        case 'descriptor-rest': this.onDescriptorRest(bytes); break;
        case 'block-size': this.onBlockSize(bytes.readUInt32LE(0)); break;
        case 'block': this.onBlock(bytes); break;
        case 'content-checksum': this.onContentChecksum(bytes.readUInt32LE(0)); break;
      }
    }
  }

  private expect(state: State, need: number): void {
    this.state = state;
    this.need = need;
  }

  private onMagic(magic: number): void {
    if (magic === FRAME_MAGIC) {
      this.expect('descriptor', 2);
      return;
    }
    if (((magic & SKIPPABLE_MASK) >>> 0) === SKIPPABLE_MAGIC) {
      this.expect('skip-size', 4);
      return;
    }
    throw new Lz4FormatError(`not lz4 frame data: magic number 0x${magic.toString(16)}, expected 0x${FRAME_MAGIC.toString(16)}`);
  }

  private onDescriptorStart(b: Buffer): void {
    const flg = b[0];
    const bd = b[1];
    if (flg >> 6 !== 1) throw new Lz4FormatError(`lz4 frame version ${flg >> 6} is not supported (only version 1 exists)`);
    if (flg & 0x01) throw new Lz4FormatError('lz4 frame needs a dictionary (dictID): not supported');
    const max = BLOCK_MAX[(bd >> 4) & 7];
    if (max === undefined || (bd & 0x8f) !== 0) throw new Lz4FormatError(`lz4 frame has an invalid block descriptor byte 0x${bd.toString(16)}`);
    this.flg = flg;
    this.blockMax = max;
    this.descriptorBytes = Buffer.from(b);
    // content size (8) if C.Size, then the header checksum byte
    this.expect('descriptor-rest', (flg & 0x08 ? 8 : 0) + 1);
  }

  private onDescriptorRest(b: Buffer): void {
    const descriptor = Buffer.concat([this.descriptorBytes, b.subarray(0, b.length - 1)]);
    const hc = (xxhash32(descriptor) >>> 8) & 0xff;
    if (hc !== b[b.length - 1]) throw new Lz4FormatError(`lz4 frame header checksum is 0x${b[b.length - 1].toString(16)}, computed 0x${hc.toString(16)}: corrupt data`);
    const flg = this.flg;
    this.linked = (flg & 0x20) === 0;
    this.blockChecksum = (flg & 0x10) !== 0;
    this.contentChecksum = flg & 0x04 ? new Xxhash32() : null;
    this.contentSize = flg & 0x08 ? b.readBigUInt64LE(0) : null;
    this.produced = 0n;
    this.history = Buffer.alloc(0);
    this.framesSeen++;
    this.expect('block-size', 4);
  }

  private onBlockSize(word: number): void {
    if (word === 0) {
      if (this.contentSize !== null && this.contentSize !== this.produced) {
        throw new Lz4FormatError(`lz4 frame says it holds ${this.contentSize} bytes but decodes to ${this.produced}`);
      }
      if (this.contentChecksum) this.expect('content-checksum', 4);
      else this.expect('magic', 4);
      return;
    }
    this.blockStored = (word & 0x80000000) !== 0;
    this.blockLen = word & 0x7fffffff;
    if (this.blockLen > this.blockMax) throw new Lz4FormatError(`lz4 block of ${this.blockLen} bytes is larger than the frame's maximum of ${this.blockMax}`);
    this.expect('block', this.blockLen + (this.blockChecksum ? 4 : 0));
  }

  private onBlock(b: Buffer): void {
    const data = b.subarray(0, this.blockLen);
    if (this.blockChecksum) {
      const want = b.readUInt32LE(this.blockLen);
      if (xxhash32(data) !== want) throw new Lz4FormatError('lz4 block checksum does not match: corrupt data');
    }
    let out: Buffer;
    if (this.blockStored) {
      out = data;
      if (this.linked) this.history = keepHistory(this.history, data);
    } else if (this.useWasm) {
      const history = this.linked ? this.history : EMPTY;
      const decoded = decodeBlockWasm(data, history, this.blockMax);
      if (decoded === null) {
        // Corrupt: let the JavaScript decoder say how.
        const dst = Buffer.alloc(history.length + this.blockMax);
        history.copy(dst, 0);
        decodeBlock(data, dst, history.length);
        throw corrupt('the WebAssembly decoder refused it');
      }
      out = decoded;
      if (this.linked) this.history = keepHistory(history, out);
    } else {
      const h = this.linked ? this.history.length : 0;
      const dst = Buffer.allocUnsafe(h + this.blockMax);
      if (h > 0) this.history.copy(dst, 0);
      const end = decodeBlock(data, dst, h);
      out = dst.subarray(h, end);
      if (this.linked) this.history = dst.subarray(Math.max(0, end - HISTORY), end);
    }
    this.produced += BigInt(out.length);
    this.contentChecksum?.update(out);
    if (out.length > 0) this.push(out);
    this.expect('block-size', 4);
  }

  private onContentChecksum(want: number): void {
    const got = this.contentChecksum!.digest();
    if (got !== want) throw new Lz4FormatError('lz4 content checksum does not match: corrupt data');
    this.expect('magic', 4);
  }
}

const EMPTY = Buffer.alloc(0);

/** The last 64 KiB of history followed by `data`. */
function keepHistory(history: Buffer, data: Buffer): Buffer {
  if (data.length >= HISTORY) return data.subarray(data.length - HISTORY);
  const keep = Math.min(history.length, HISTORY - data.length);
  return Buffer.concat([history.subarray(history.length - keep), data]);
}

const corrupt = (why: string) => new Lz4FormatError(`lz4 block is corrupt: ${why}`);

/**
 * Decodes one LZ4 block from `src` into `dst` at `start` (dst[0, start) is history a match may
 * reach into); returns where the output ends. Every read and write is bounds-checked.
 */
export function decodeBlock(src: Uint8Array, dst: Buffer, start: number): number {
  const srcEnd = src.length;
  const dstEnd = dst.length;
  let ip = 0;
  let op = start;
  for (;;) {
    if (ip >= srcEnd) throw corrupt('it ends before its last literals');
    const token = src[ip++];
    let lit = token >>> 4;
    if (lit === 15) {
      let b: number;
      do {
        if (ip >= srcEnd) throw corrupt('a literal length runs past its end');
        b = src[ip++];
        lit += b;
      } while (b === 255);
    }
    if (lit > 0) {
      if (ip + lit > srcEnd) throw corrupt('literals run past its end');
      if (op + lit > dstEnd) throw corrupt('it decodes to more than the frame\'s block size');
      if (lit > 32) {
        dst.set(src.subarray(ip, ip + lit), op);
      } else {
        for (let i = 0; i < lit; i++) dst[op + i] = src[ip + i];
      }
      ip += lit;
      op += lit;
    }
    if (ip === srcEnd) return op; // the last sequence has literals only
    if (ip + 2 > srcEnd) throw corrupt('a match offset runs past its end');
    const offset = src[ip] | (src[ip + 1] << 8);
    ip += 2;
    if (offset === 0 || offset > op) throw corrupt(`a match reaches ${offset} bytes back, before the start of the data`);
    let len = token & 15;
    if (len === 15) {
      let b: number;
      do {
        if (ip >= srcEnd) throw corrupt('a match length runs past its end');
        b = src[ip++];
        len += b;
      } while (b === 255);
    }
    len += 4;
    if (op + len > dstEnd) throw corrupt('it decodes to more than the frame\'s block size');
    let m = op - offset;
    if (len <= 32) {
      // Short: a byte loop beats a native call. In order, so an overlapping match repeats its bytes.
      const end = op + len;
      while (op < end) dst[op++] = dst[m++];
    } else if (offset >= len) {
      dst.copyWithin(op, m, m + len);
      op += len;
    } else if (offset === 1) {
      // A run of one byte (the zeros of a page's free space): the commonest long match in table files.
      dst.fill(dst[m], op, op + len);
      op += len;
    } else {
      // An overlapping match repeats the last `offset` bytes: copy whole periods, doubling each time.
      let done = 0;
      while (done < len) {
        const n = Math.min(offset + done, len - done);
        dst.copyWithin(op + done, m, m + n);
        done += n;
      }
      op += len;
    }
  }
}
