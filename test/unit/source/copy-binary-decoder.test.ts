import { CopyBinaryDecoder, CopyRowCollector } from '../../../src/engine/source/server/copy-binary-decoder';

/** A binary COPY stream as PostgreSQL writes it: signature, flags, extension, tuples, trailer. */
function copyStream(rows: Array<Array<Buffer | null>>): Buffer {
  const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(4), Buffer.alloc(4)];
  for (const row of rows) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(row.length);
    parts.push(count);
    for (const field of row) {
      const len = Buffer.alloc(4);
      len.writeInt32BE(field === null ? -1 : field.length);
      parts.push(len);
      if (field) parts.push(field);
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

const int4 = (n: number) => { const b = Buffer.alloc(4); b.writeInt32BE(n); return b; };

describe('binary COPY decoder', () => {
  const rows = [
    [int4(0), Buffer.from('hello')],
    [int4(1), null],
    [int4(2), Buffer.alloc(0)],
    [int4(3), Buffer.alloc(100_000, 7)],
  ];
  const stream = copyStream(rows);

  test('decodes rows from one chunk', () => {
    const c = new CopyRowCollector();
    const d = new CopyBinaryDecoder(c);
    d.push(stream);
    expect(c.take()).toEqual(rows);
    expect(d.complete).toBe(true);
  });

  test.each([1, 3, 7, 19, 4096])('decodes the same rows from chunks of %i bytes', (size) => {
    const c = new CopyRowCollector();
    const d = new CopyBinaryDecoder(c);
    const out = [];
    for (let i = 0; i < stream.length; i += size) {
      d.push(stream.subarray(i, i + size));
      out.push(...c.take());
    }
    expect(out).toEqual(rows);
    expect(d.complete).toBe(true);
  });

  test('a stream cut before the trailer is not complete', () => {
    const d = new CopyBinaryDecoder(new CopyRowCollector());
    d.push(stream.subarray(0, stream.length - 2));
    expect(d.complete).toBe(false);
  });

  test('rejects data that is not binary COPY', () => {
    expect(() => new CopyBinaryDecoder(new CopyRowCollector()).push(Buffer.from('id,name\n1,abc\n12345678901234567890'))).toThrow(/bad signature/);
  });

  test('hands the last field on as slices of the input, never joined', () => {
    const big = Buffer.alloc(10_000, 9);
    const input = copyStream([[int4(5), big]]);
    const seen: Buffer[] = [];
    const events: string[] = [];
    const d = new CopyBinaryDecoder({
      row: (head, len) => events.push(`row ${head[0]!.readInt32BE(0)} ${len}`),
      tail: (b) => seen.push(b),
      rowEnd: () => events.push('end'),
    });
    const chunks = [input.subarray(0, 100), input.subarray(100, 5000), input.subarray(5000)];
    for (const c of chunks) d.push(c);
    expect(events).toEqual(['row 5 10000', 'end']);
    expect(Buffer.concat(seen)).toEqual(big);
    // Each slice shares memory with an input chunk: nothing was copied on the way.
    for (const b of seen) expect(chunks.some((c) => c.buffer === b.buffer)).toBe(true);
  });

  test('a NULL last field is announced with no bytes', () => {
    const events: string[] = [];
    const d = new CopyBinaryDecoder({ row: (_h, len) => events.push(`row ${len}`), tail: () => events.push('tail'), rowEnd: () => events.push('end') });
    d.push(copyStream([[int4(1), null]]));
    expect(events).toEqual(['row null', 'end']);
  });
});
