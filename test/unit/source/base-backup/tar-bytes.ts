/**
 * Tar archives made in the tests, byte by byte: ustar headers (with prefix), pax extended
 * headers, GNU long names, base-256 sizes, 512-byte padding and the two end blocks.
 */
export interface TarSpec {
  name: string;
  type?: '0' | '5' | '2' | 'x' | 'g' | 'L' | 'K' | '1';
  data?: Buffer;
  mode?: number;
  mtimeS?: number;
  linkname?: string;
  /** ustar prefix field (name is then the part after it). */
  prefix?: string;
  /** Write the size field in base-256 instead of octal. */
  base256Size?: boolean;
  /** Override the size field (e.g. for a pax size). */
  sizeField?: number;
  /** Corrupt the header checksum. */
  badChecksum?: boolean;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

export function tarHeader(s: TarSpec): Buffer {
  const h = Buffer.alloc(512);
  h.write(s.name, 0, 100, 'utf8');
  h.write(octal(s.mode ?? 0o600, 8), 100, 'latin1');
  h.write(octal(0, 8), 108, 'latin1');
  h.write(octal(0, 8), 116, 'latin1');
  const size = s.sizeField ?? s.data?.length ?? 0;
  if (s.base256Size) {
    h[124] = 0x80;
    let v = size;
    for (let i = 135; i > 124; i--) {
      h[i] = v % 256;
      v = Math.floor(v / 256);
    }
  } else {
    h.write(octal(size, 12), 124, 'latin1');
  }
  h.write(octal(s.mtimeS ?? 1700000000, 12), 136, 'latin1');
  h.write(s.type ?? '0', 156, 'latin1');
  if (s.linkname) h.write(s.linkname, 157, 100, 'utf8');
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  h.write('postgres', 265, 'latin1');
  h.write('postgres', 297, 'latin1');
  if (s.prefix) h.write(s.prefix, 345, 155, 'utf8');
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  if (s.badChecksum) sum += 1;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

const pad = (n: number) => Buffer.alloc((512 - (n % 512)) % 512);

export function tarEntry(s: TarSpec): Buffer {
  const data = s.data ?? Buffer.alloc(0);
  return Buffer.concat([tarHeader(s), data, pad(data.length)]);
}

export function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = body.length + 1;
  while (`${len}${body}`.length !== len) len = `${len}${body}`.length;
  return `${len}${body}`;
}

export const END_OF_ARCHIVE = Buffer.alloc(1024);

export function tarArchive(entries: TarSpec[]): Buffer {
  return Buffer.concat([...entries.map(tarEntry), END_OF_ARCHIVE]);
}

/** Deterministic pseudo-random bytes. */
export function bytes(n: number, seed = 1): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

/** `buf` cut into pieces of the given sizes, cycling. */
export function chunked(buf: Buffer, sizes: number[]): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < buf.length; i++) {
    const n = sizes[i % sizes.length];
    out.push(buf.subarray(at, at + n));
    at += n;
  }
  return out;
}
