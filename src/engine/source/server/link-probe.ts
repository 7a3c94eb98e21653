/**
 * What the link to the source carries, measured before a FULL from another host chooses between
 * compressed BASE_BACKUP and uncompressed COPY reads (compression-choice.ts): the server sends
 * rows of known size (no file read, no privilege needed), once to open TCP's window and once
 * timed. Costs ~2.3 MB on the wire: 0.2 s at 100 Mbit/s, 0.02 s at 1 Gbit/s. Through the COPY
 * reader the file reads use (copy-out.ts), which takes ~1 GB/s here: one big text value through
 * node-postgres measured 66-90 MB/s on loopback, its own ceiling, not the link's.
 */
import type { Client } from 'pg';
import { copyOut } from './copy-out';

const WARM_BYTES = 256 * 1024;
const TIMED_BYTES = 2 * 1024 * 1024;

export interface LinkRate {
  bytesPerSecond: number;
  /** The timed transfer's size and duration, for the log and the report. */
  bytes: number;
  ms: number;
}

const ROW_BYTES = 8192;
const rows = (bytes: number) => `COPY (SELECT repeat('x', ${ROW_BYTES}) FROM generate_series(1, ${bytes / ROW_BYTES})) TO STDOUT`;

export async function measureLinkRate(client: Client): Promise<LinkRate> {
  const discard = { data: () => null };
  await copyOut(client, rows(WARM_BYTES), discard);
  const started = process.hrtime.bigint();
  await copyOut(client, rows(TIMED_BYTES), discard);
  // At least a microsecond: a loopback answer can come back within the clock's resolution.
  const ms = Math.max(Number(process.hrtime.bigint() - started) / 1e6, 0.001);
  return { bytesPerSecond: TIMED_BYTES / (ms / 1000), bytes: TIMED_BYTES, ms };
}
