/** TimestampTz, the time in commit and end-of-recovery records: microseconds since 2000-01-01 UTC. Pure. */

/** Microseconds between the Unix epoch and PostgreSQL's (2000-01-01 UTC). */
const PG_EPOCH_OFFSET_US = 946684800000000n;

/** A TimestampTz (µs since 2000-01-01 UTC) as a Date (millisecond precision). */
export function timestampTzToDate(timestampUs: bigint): Date {
  return new Date(Number((timestampUs + PG_EPOCH_OFFSET_US) / 1000n));
}

/** A TimestampTz as ISO 8601 UTC text with all six fractional digits. */
export function formatTimestampTz(timestampUs: bigint): string {
  const unixUs = timestampUs + PG_EPOCH_OFFSET_US;
  const floorMs = unixUs >= 0n ? unixUs / 1000n : (unixUs - 999n) / 1000n;
  const micros = Number(unixUs - floorMs * 1000n);
  const iso = new Date(Number(floorMs)).toISOString(); // 2026-11-25T10:33:19.363Z
  return `${iso.slice(0, 23)}${String(micros).padStart(3, '0')}Z`;
}
