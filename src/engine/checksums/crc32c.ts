/**
 * CRC-32C (Castagnoli), the checksum PostgreSQL uses for pg_control, WAL records and
 * backup manifests (pg_crc32c: init 0xFFFFFFFF, reflected polynomial 0x82F63B78, final xor).
 * Slice-by-8 tables (eight bytes per step): Node has no built-in CRC-32C, and a byte-wise
 * loop would be the slowest part of verifying WAL.
 */

const POLY_REFLECTED = 0x82f63b78;

/** The slice-by-8 tables, shared with the word-wise WAL CRC (wal/wal-crc). */
export const CRC32C_TABLES: Uint32Array = buildTables();
const TABLES = CRC32C_TABLES;

function buildTables(): Uint32Array {
  const tables = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY_REFLECTED : c >>> 1;
    tables[n] = c;
  }
  // Table k advances a byte that sits k positions before the end of an 8-byte block.
  for (let k = 1; k < 8; k++) {
    for (let n = 0; n < 256; n++) {
      const prev = tables[(k - 1) * 256 + n];
      tables[k * 256 + n] = (prev >>> 8) ^ tables[prev & 0xff];
    }
  }
  return tables;
}

/** The running value before any byte (INIT_CRC32C). */
export const CRC32C_INIT = 0xffffffff;

/** Feeds `data[start, end)` into a running CRC (COMP_CRC32C); returns the new running value. */
export function crc32cUpdate(crc: number, data: Uint8Array, start = 0, end = data.length): number {
  const t = TABLES;
  let c = crc >>> 0;
  let i = start;
  for (; i + 8 <= end; i += 8) {
    c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    c =
      t[7 * 256 + (c & 0xff)] ^
      t[6 * 256 + ((c >>> 8) & 0xff)] ^
      t[5 * 256 + ((c >>> 16) & 0xff)] ^
      t[4 * 256 + (c >>> 24)] ^
      t[3 * 256 + data[i + 4]] ^
      t[2 * 256 + data[i + 5]] ^
      t[256 + data[i + 6]] ^
      t[data[i + 7]];
  }
  for (; i < end; i++) c = (c >>> 8) ^ t[(c ^ data[i]) & 0xff];
  return c >>> 0;
}

/** Turns a running value into the stored checksum (FIN_CRC32C). */
export function crc32cFinish(crc: number): number {
  return (crc ^ 0xffffffff) >>> 0;
}

/** CRC-32C of `data[start, end)` as PostgreSQL stores it (unsigned 32-bit). */
export function crc32c(data: Uint8Array, start = 0, end = data.length): number {
  return crc32cFinish(crc32cUpdate(CRC32C_INIT, data, start, end));
}
