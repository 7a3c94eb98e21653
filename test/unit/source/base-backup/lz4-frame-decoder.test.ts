import { spawnSync } from 'child_process';
import { Readable } from 'stream';
import { lz4WasmAvailable } from '../../../../src/engine/source/base-backup/lz4-block-wasm';
import { Lz4FrameDecoder, decodeBlock } from '../../../../src/engine/source/base-backup/lz4-frame-decoder';
import { xxhash32 } from '../../../../src/engine/source/base-backup/xxhash32';
import { bytes, chunked } from './tar-bytes';

let useWasm = true;

async function decode(pieces: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  const d = new Lz4FrameDecoder({ wasm: useWasm });
  const done = new Promise<void>((resolve, reject) => {
    d.on('data', (c: Buffer) => out.push(c));
    d.on('end', resolve);
    d.on('error', reject);
  });
  Readable.from(pieces).pipe(d);
  await done;
  return Buffer.concat(out);
}

/** A frame header: FLG, BD, optional content size, header checksum. */
function frameHeader(flg: number, bd: number, contentSize?: bigint): Buffer {
  const desc = [flg, bd];
  if (contentSize !== undefined) {
    const cs = Buffer.alloc(8);
    cs.writeBigUInt64LE(contentSize);
    desc.push(...cs);
  }
  const hc = (xxhash32(Buffer.from(desc)) >>> 8) & 0xff;
  return Buffer.from([0x04, 0x22, 0x4d, 0x18, ...desc, hc]);
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

// Version 1, independent blocks = 0x60; linked = 0x40. BD 0x40 = 64 KiB blocks.
const LINKED = 0x40;

/** "abcabcabcabc...": one literal run "abc" then a match of offset 3, overlapping itself. */
const OVERLAP_BLOCK = Buffer.from([0x3f, 0x61, 0x62, 0x63, 0x03, 0x00, 0x05, 0x10, 0x78]);
// token 0x3f: 3 literals, match length 15+5+4 = 24; then a last sequence of one literal "x".
const OVERLAP_TEXT = `${'abc'.repeat(9)}x`;

const lz4Available = spawnSync('lz4', ['--version']).status === 0;

function lz4Cli(args: string[], input: Buffer): Buffer {
  const r = spawnSync('lz4', [...args, '-c'], { input, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`lz4 ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Compressible but not trivial: repeated runs of pseudo-random bytes, as table pages are. */
function pageLike(n: number): Buffer {
  const out = Buffer.alloc(n);
  const words = bytes(4096, 7);
  for (let at = 0; at < n; at += 64) words.copy(out, at, (at * 7) % 4000, (at * 7) % 4000 + Math.min(64, n - at));
  return out;
}

describe.each([['WebAssembly', true], ['JavaScript', false]])('Lz4FrameDecoder, blocks decoded in %s', (_how, wasm) => {
  beforeAll(() => {
    useWasm = wasm as boolean;
  });

  test('decodes a hand-made frame: an overlapping match, a stored block, content size', async () => {
    const stored = Buffer.from('stored bytes');
    const frame = Buffer.concat([
      frameHeader(LINKED | 0x08, 0x40, BigInt(OVERLAP_TEXT.length + stored.length)),
      u32(OVERLAP_BLOCK.length), OVERLAP_BLOCK,
      u32(0x80000000 | stored.length), stored,
      u32(0),
    ]);
    for (const sizes of [[1], [3, 5], [frame.length]]) {
      expect((await decode(chunked(frame, sizes))).toString()).toBe(OVERLAP_TEXT + stored.toString());
    }
  });

  test('a match may reach into the previous block of a linked frame', async () => {
    // Block 2: 0 literals, a match of 8 bytes at offset 10 (into block 1), then literal "!".
    const block2 = Buffer.from([0x04, 0x0a, 0x00, 0x10, 0x21]);
    const frame = Buffer.concat([frameHeader(LINKED, 0x40), u32(0x80000000 | 10), Buffer.from('0123456789'), u32(block2.length), block2, u32(0)]);
    expect((await decode([frame])).toString()).toBe('0123456789' + '01234567' + '!');
  });

  test('skippable frames and concatenated frames', async () => {
    const one = Buffer.concat([frameHeader(0x60, 0x40), u32(0x80000000 | 3), Buffer.from('one'), u32(0)]);
    const two = Buffer.concat([frameHeader(0x60, 0x40), u32(0x80000000 | 3), Buffer.from('two'), u32(0)]);
    const skip = Buffer.concat([u32(0x184d2a53), u32(5), Buffer.from('12345')]);
    expect((await decode(chunked(Buffer.concat([one, skip, two]), [2]))).toString()).toBe('onetwo');
  });

  test.each([
    ['a bad header checksum', () => { const f = Buffer.concat([frameHeader(0x60, 0x40), u32(0)]); f[6] ^= 1; return f; }, /header checksum/],
    ['another format', () => Buffer.from('not lz4 at all'), /not lz4 frame data/],
    ['a cut-short frame', () => Buffer.concat([frameHeader(0x60, 0x40), u32(100), Buffer.alloc(10)]), /ends inside a frame/],
    ['a match before the start', () => Buffer.concat([frameHeader(0x60, 0x40), u32(4), Buffer.from([0x00, 0x05, 0x00, 0x00]), u32(0)]), /reaches 5 bytes back/],
    ['a wrong content size', () => Buffer.concat([frameHeader(0x68, 0x40, 5n), u32(0x80000000 | 3), Buffer.from('abc'), u32(0)]), /holds 5 bytes but decodes to 3/],
    ['a block larger than its maximum', () => Buffer.concat([frameHeader(0x60, 0x40), u32(0x80000000 | 70000)]), /larger than the frame's maximum/],
  ])('refuses %s', async (_what, make, message) => {
    await expect(decode([make()])).rejects.toThrow(message);
  });

  test('decodeBlock checks every bound', () => {
    const dst = Buffer.alloc(8);
    expect(() => decodeBlock(Buffer.from([0xf0]), dst, 0)).toThrow(/literal length runs past/);
    expect(() => decodeBlock(Buffer.from([0x90, 1, 2, 3]), dst, 0)).toThrow(/literals run past/);
    expect(() => decodeBlock(Buffer.from([0x1f, 0x61, 0x01, 0x00, 0x05]), dst, 0)).toThrow(/more than the frame's block size/);
  });

  (lz4Available ? describe : describe.skip)('frames written by the lz4 command', () => {
    const data = Buffer.concat([pageLike(3 * 1024 * 1024), bytes(300_000, 3), Buffer.alloc(500_000)]);
    test.each([
      ['linked 256 KiB blocks, as PostgreSQL writes them', ['-B5', '-BD', '--no-frame-crc']],
      ['linked 64 KiB blocks with block and content checksums', ['-B4', '-BD', '-BX']],
      ['independent 1 MiB blocks, content size', ['-B6', '--content-size']],
      ['4 MiB blocks, level 9', ['-B7', '-9']],
    ])('%s', async (_what, args) => {
      const frame = lz4Cli(args, data);
      const out = await decode(chunked(frame, [65_537, 1000, 7]));
      expect(out.length).toBe(data.length);
      expect(out.equals(data)).toBe(true);
    });

    test('a flipped bit in the content fails the content checksum', async () => {
      const frame = lz4Cli(['-B4', '-BI', '--content-size'], Buffer.alloc(100_000, 0x61));
      const stored = lz4Cli(['-B4', '-BI'], bytes(1000, 5));
      // bytes() does not compress: the block is stored, so flipping one of its bytes reaches the content checksum.
      stored[stored.length - 10] ^= 1;
      await expect(decode([stored])).rejects.toThrow(/content checksum/);
      expect((await decode([frame])).equals(Buffer.alloc(100_000, 0x61))).toBe(true);
    });
  });
});

test('WebAssembly runs here (else the WebAssembly rows above tested JavaScript twice)', () => {
  expect(lz4WasmAvailable()).toBe(true);
});

describe('xxhash32', () => {
  test('known values', () => {
    expect(xxhash32(Buffer.alloc(0))).toBe(0x02cc5d05);
    expect(xxhash32(Buffer.from('abc'))).toBe(0x32d153ff);
  });
});
