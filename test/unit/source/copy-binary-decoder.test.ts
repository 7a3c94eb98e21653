import { CopyBinaryDecoder } from '../../../src/engine/source/copy-binary-decoder';

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
    const d = new CopyBinaryDecoder();
    expect(d.push(stream)).toEqual(rows);
    expect(d.complete).toBe(true);
  });

  test.each([1, 3, 7, 19, 4096])('decodes the same rows from chunks of %i bytes', (size) => {
    const d = new CopyBinaryDecoder();
    const out = [];
    for (let i = 0; i < stream.length; i += size) out.push(...d.push(stream.subarray(i, i + size)));
    expect(out).toEqual(rows);
    expect(d.complete).toBe(true);
  });

  test('a stream cut before the trailer is not complete', () => {
    const d = new CopyBinaryDecoder();
    d.push(stream.subarray(0, stream.length - 2));
    expect(d.complete).toBe(false);
  });

  test('rejects data that is not binary COPY', () => {
    expect(() => new CopyBinaryDecoder().push(Buffer.from('id,name\n1,abc\n12345678901234567890'))).toThrow(/bad signature/);
  });
});
