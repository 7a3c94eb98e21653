import type { ReadRange } from '../plan/read-batches';

/**
 * How the copy reads the source: ranges of its files, streamed in pieces into a sink. A server
 * source implements it through SQL, a stopped data directory by reading files here; the copy
 * does not know which.
 */

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

/**
 * The same read for small amounts (pg_control, re-read pages): each piece whole, null data when
 * the file vanished. Awaiting `onPiece` applies back-pressure.
 */
export async function readRanges(
  reader: RangeReader,
  ranges: ReadRange[],
  onPiece: (rangeIndex: number, offset: number, data: Buffer | null) => Promise<void>,
): Promise<void> {
  type Piece = { rangeIndex: number; offset: number; parts: Buffer[] | null };
  const done: Piece[] = [];
  let current: Piece | null = null;
  const deliver = async (): Promise<void> => {
    for (let piece = done.shift(); piece; piece = done.shift()) {
      const data = piece.parts === null ? null : piece.parts.length === 1 ? piece.parts[0] : Buffer.concat(piece.parts);
      await onPiece(piece.rangeIndex, piece.offset, data);
    }
  };
  await reader(ranges, {
    begin: (rangeIndex, offset, length) => {
      current = { rangeIndex, offset, parts: length === null ? null : [] };
    },
    data: (bytes) => current!.parts!.push(bytes),
    end: () => {
      done.push(current!);
      current = null;
    },
    ready: () => (done.length > 0 ? deliver() : null),
  });
  await deliver();
}
