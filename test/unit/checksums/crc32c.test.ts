import { crc32c, crc32cFinish, crc32cUpdate, CRC32C_INIT } from '../../../src/engine/checksums/crc32c';

// Bit-at-a-time definition, to check the table-driven code against.
function crc32cReference(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('crc32c', () => {
  it('matches the standard check value for "123456789"', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('matches the iSCSI test vectors of RFC 3720 (B.4)', () => {
    const inc = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
    const dec = Buffer.from(Array.from({ length: 32 }, (_, i) => 31 - i));
    expect(crc32c(Buffer.alloc(32, 0))).toBe(0x8a9136aa);
    expect(crc32c(Buffer.alloc(32, 0xff))).toBe(0x62a8ab43);
    expect(crc32c(inc)).toBe(0x46dd794e);
    expect(crc32c(dec)).toBe(0x113fdb5c);
  });

  it('is 0 for no bytes', () => {
    expect(crc32c(Buffer.alloc(0))).toBe(0);
  });

  it('agrees with the bitwise definition for every length and alignment', () => {
    const data = Buffer.from(Array.from({ length: 100 }, (_, i) => (i * 131 + 7) & 0xff));
    for (let start = 0; start < 9; start++) {
      for (let end = start; end <= data.length; end++) {
        expect(crc32c(data, start, end)).toBe(crc32cReference(data.subarray(start, end)));
      }
    }
  });

  it('gives the same result fed in pieces', () => {
    const page = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 2654435761) >>> 24));
    let running = CRC32C_INIT;
    for (let offset = 0; offset < page.length; offset += 1000) {
      running = crc32cUpdate(running, page, offset, Math.min(offset + 1000, page.length));
    }
    expect(crc32cFinish(running)).toBe(crc32c(page));
    expect(crc32c(page)).toBe(crc32cReference(page));
  });

  it('checksums 8 KB pages quickly', () => {
    const page = Buffer.alloc(8192, 0x5a);
    const started = process.hrtime.bigint();
    for (let i = 0; i < 2000; i++) crc32c(page);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // 16 MB; slice-by-8 does this in tens of ms, a generous bound keeps CI stable.
    expect(ms).toBeLessThan(1500);
  });
});
