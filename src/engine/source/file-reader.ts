import type { Client } from 'pg';
import { CopyBinaryDecoder, CopyRowCollector } from './copy-binary-decoder';
import { copyOut } from './copy-out';
import { quoteLiteral } from './source-connect';

/** A byte range of one source file to read. */
export interface ReadRange {
  path: string;
  offset: number;
  length: number;
}

/** Rows come back in pieces of this size: big enough for throughput, small for memory. */
export const READ_PIECE_BYTES = 1024 * 1024;

/** Receives the pieces of a read as they arrive, without buffering them. */
export interface PieceSink {
  /** A piece of range `rangeIndex` starts at file `offset`; null length: the file vanished (missing_ok). */
  begin(rangeIndex: number, offset: number, length: number | null): void;
  /** The piece's next bytes, in order. */
  data(bytes: Buffer): void;
  end(): void;
  /** Polled between network chunks: a promise makes the read wait (back-pressure). */
  ready?(): Promise<void> | null;
}

/** Reads ranges of source files into a sink: through SQL from a server, or from a local directory. */
export type RangeReader = (ranges: ReadRange[], sink: PieceSink) => Promise<void>;

/** The range reader of one SQL connection. */
export function sqlRangeReader(client: Client): RangeReader {
  return (ranges, sink) => streamRanges(client, ranges, sink);
}

/**
 * Reads many ranges in one statement: COPY (binary) of pg_read_binary_file pieces streams at
 * several hundred MB/s through node-postgres, where bytea as text (hex) manages under 100.
 * Every range yields at least one piece, so empty and vanished files are seen.
 */
export async function streamRanges(client: Client, ranges: ReadRange[], sink: PieceSink): Promise<void> {
  if (ranges.length === 0) return;
  const values = ranges
    .map((r, i) => `(${i}, ${quoteLiteral(r.path)}, ${r.offset}::bigint, ${r.offset + r.length}::bigint)`)
    .join(',');
  const sql = `COPY (
    SELECT r.i, o.off, pg_read_binary_file(r.path, o.off, least(${READ_PIECE_BYTES}, r.stop - o.off), true)
      FROM (VALUES ${values}) AS r(i, path, start, stop),
           LATERAL generate_series(r.start, greatest(r.start, r.stop - 1), ${READ_PIECE_BYTES}) AS o(off)
  ) TO STDOUT (FORMAT binary)`;
  const decoder = new CopyBinaryDecoder({
    row: (head, length) => sink.begin(head[0]!.readInt32BE(0), Number(head[1]!.readBigInt64BE(0)), length),
    tail: (bytes) => sink.data(bytes),
    rowEnd: () => sink.end(),
  });
  await copyOut(client, sql, {
    data: (bytes) => {
      decoder.push(bytes);
      return sink.ready?.() ?? null;
    },
  });
  if (!decoder.complete) throw new Error('The source ended a file read before the end of the COPY stream');
}

/**
 * The same read for small amounts (pg_control, re-read pages): each piece whole, null data when
 * the file vanished. Awaiting `onPiece` applies back-pressure.
 */
export async function readRanges(
  reader: RangeReader,
  ranges: ReadRange[],
  onPiece: (rangeIndex: number, offset: number, data: Buffer | null) => Promise<void>,
): Promise<void> {
  const collector = new CopyRowCollector();
  const starts: Array<[number, number]> = [];
  await reader(ranges, {
    begin: (i, offset, length) => {
      starts.push([i, offset]);
      collector.row([], length);
    },
    data: (bytes) => collector.tail(bytes),
    end: () => collector.rowEnd(),
    ready: () => (collector.rows.length > 0 ? deliver() : null),
  });
  await deliver();

  async function deliver(): Promise<void> {
    for (const [row] of collector.take()) {
      const [i, offset] = starts.shift()!;
      await onPiece(i, offset, row);
    }
  }
}
