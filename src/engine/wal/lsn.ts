/**
 * Log sequence numbers. Inside the engine an LSN is a `bigint` byte position in the WAL;
 * at the edges (logs, JSON, SQL) it is PostgreSQL's `X/Y` text: two 32-bit hex halves.
 */

export type Lsn = bigint;

/** PostgreSQL's InvalidXLogRecPtr: no position (0/0). */
export const InvalidLsn: Lsn = 0n;

const MAX_LSN = (1n << 64n) - 1n;
// pg_lsn input accepts 1-8 hex digits per half; we also tolerate surrounding whitespace (psql output).
const LSN_TEXT = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/;

/** Parses `16/B374D848` into a bigint; throws on anything pg_lsn would reject. */
export function parseLsn(text: string): Lsn {
  const match = LSN_TEXT.exec(text.trim());
  if (!match) {
    throw new Error(`invalid LSN "${text}": expected two hexadecimal halves like "16/B374D848"`);
  }
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** Formats as PostgreSQL prints it: upper-case hex, no zero padding (`0/1773908`). */
export function formatLsn(lsn: Lsn): string {
  if (lsn < 0n || lsn > MAX_LSN) {
    throw new Error(`LSN ${lsn} is outside the 64-bit range PostgreSQL uses`);
  }
  const high = (lsn >> 32n).toString(16).toUpperCase();
  const low = (lsn & 0xffffffffn).toString(16).toUpperCase();
  return `${high}/${low}`;
}

/** True when `text` is valid `X/Y` LSN text. */
export function isLsnText(text: string): boolean {
  return LSN_TEXT.test(text.trim());
}
