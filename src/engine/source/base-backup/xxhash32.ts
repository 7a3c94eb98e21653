/**
 * XXH32 (xxHash, 32-bit), the checksum of the LZ4 frame format: its header checksum always, and
 * block and content checksums when a frame asks for them (PostgreSQL's frames do not).
 */
const P1 = 0x9e3779b1;
const P2 = 0x85ebca77;
const P3 = 0xc2b2ae3d;
const P4 = 0x27d4eb2f;
const P5 = 0x165667b1;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

function round(acc: number, input: number): number {
  acc = (acc + Math.imul(input, P2)) | 0;
  acc = rotl(acc, 13);
  return Math.imul(acc, P1);
}

/** XXH32 of one buffer. */
export function xxhash32(data: Uint8Array, seed = 0): number {
  return new Xxhash32(seed).update(data).digest();
}

/** Incremental XXH32: update() with pieces in order, then digest(). */
export class Xxhash32 {
  private v1: number;
  private v2: number;
  private v3: number;
  private v4: number;
  private total = 0;
  /** Up to 15 bytes waiting for a full 16-byte stripe. */
  private readonly tail = new Uint8Array(16);
  private tailLen = 0;

  constructor(private readonly seed = 0) {
    this.v1 = (seed + P1 + P2) | 0;
    this.v2 = (seed + P2) | 0;
    this.v3 = seed | 0;
    this.v4 = (seed - P1) | 0;
  }

  update(data: Uint8Array): this {
    this.total += data.length;
    let p = 0;
    if (this.tailLen > 0) {
      const n = Math.min(16 - this.tailLen, data.length);
      this.tail.set(data.subarray(0, n), this.tailLen);
      this.tailLen += n;
      p = n;
      if (this.tailLen < 16) return this;
      this.stripe(this.tail, 0);
      this.tailLen = 0;
    }
    const end = data.length - 16;
    for (; p <= end; p += 16) this.stripe(data, p);
    if (p < data.length) {
      this.tail.set(data.subarray(p), 0);
      this.tailLen = data.length - p;
    }
    return this;
  }

  digest(): number {
    let h: number;
    if (this.total >= 16) h = (rotl(this.v1, 1) + rotl(this.v2, 7) + rotl(this.v3, 12) + rotl(this.v4, 18)) | 0;
    else h = (this.seed + P5) | 0;
    h = (h + this.total) | 0;
    const t = this.tail;
    let p = 0;
    for (; p + 4 <= this.tailLen; p += 4) {
      h = (h + Math.imul(readU32(t, p), P3)) | 0;
      h = Math.imul(rotl(h, 17), P4);
    }
    for (; p < this.tailLen; p++) {
      h = (h + Math.imul(t[p], P5)) | 0;
      h = Math.imul(rotl(h, 11), P1);
    }
    h ^= h >>> 15;
    h = Math.imul(h, P2);
    h ^= h >>> 13;
    h = Math.imul(h, P3);
    h ^= h >>> 16;
    return h >>> 0;
  }

  private stripe(d: Uint8Array, p: number): void {
    this.v1 = round(this.v1, readU32(d, p));
    this.v2 = round(this.v2, readU32(d, p + 4));
    this.v3 = round(this.v3, readU32(d, p + 8));
    this.v4 = round(this.v4, readU32(d, p + 12));
  }
}

const readU32 = (d: Uint8Array, p: number): number => (d[p] | (d[p + 1] << 8) | (d[p + 2] << 16) | (d[p + 3] << 24)) | 0;
