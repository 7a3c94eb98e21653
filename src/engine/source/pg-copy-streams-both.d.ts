// @types/pg-copy-streams lacks the CopyBoth stream the package ships (used for replication).
import type { Submittable } from 'pg';
import type { Duplex, DuplexOptions } from 'stream';

declare module 'pg-copy-streams' {
  export class CopyBothQueryStream extends Duplex implements Submittable {
    submit(connection: unknown): void;
  }
  export function both(txt: string, options?: DuplexOptions & { alignOnCopyDataFrame?: boolean }): CopyBothQueryStream;
}
