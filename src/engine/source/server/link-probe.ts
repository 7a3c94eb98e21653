/**
 * What the link to the source carries, measured before a copy from another host chooses how to
 * cross it (compression-choice.ts): the server sends rows of known size (no file read, no
 * privilege needed) through the COPY reader the file reads use (copy-out.ts, ~1 GB/s here; one
 * big text value through node-postgres measured 66-90 MB/s on loopback, its ceiling, not the
 * link's). A small transfer opens TCP's window, 2 MB are timed (0.2 s at 100 Mbit/s); a link
 * that looks fast is timed again over 8 MB at once, since a shaper's or a switch's burst lets
 * the first megabytes through faster than the link's rate (a 1 Gbit/s tbf link read 230 MB/s
 * over 2 MB).
 */
import type { Client } from 'pg';
import { copyOut } from './copy-out';

const WARM_BYTES = 256 * 1024;
const FIRST_BYTES = 2 * 1024 * 1024;
const CONFIRM_BYTES = 8 * 1024 * 1024;
const ROW_BYTES = 8192;

export interface LinkRate {
  bytesPerSecond: number;
  /** The timed transfer's size and duration, for the log and the report. */
  bytes: number;
  ms: number;
}

const rows = (bytes: number) => `COPY (SELECT repeat('x', ${ROW_BYTES}) FROM generate_series(1, ${bytes / ROW_BYTES})) TO STDOUT`;

async function timed(client: Client, bytes: number): Promise<LinkRate> {
  const started = process.hrtime.bigint();
  await copyOut(client, rows(bytes), { data: () => null });
  // At least a microsecond: a loopback answer can come back within the clock's resolution.
  const ms = Math.max(Number(process.hrtime.bigint() - started) / 1e6, 0.001);
  return { bytesPerSecond: bytes / (ms / 1000), bytes, ms };
}

/** `confirmAbove`: a first rate at or above it is measured again over 8 MB (bytes per second). */
export async function measureLinkRate(client: Client, confirmAbove: number): Promise<LinkRate> {
  await copyOut(client, rows(WARM_BYTES), { data: () => null });
  const first = await timed(client, FIRST_BYTES);
  return first.bytesPerSecond >= confirmAbove ? timed(client, CONFIRM_BYTES) : first;
}
