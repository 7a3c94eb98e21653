import { CatchupError } from '../../errors';
import { formatLsn, Lsn } from '../../wal/lsn';
import { parseReplicationMessage } from '../../wal/replication-messages';
import type { ResolvedConnection } from '../connection-options';
import { ReplicationConnection } from '../replication-connection';

/**
 * Bytes of the source's WAL on timeline `tli` from `fromLsn` (the start of a segment or page) up
 * to `toLsn`, fetched with a short START_REPLICATION; null when the source no longer has that
 * WAL (removed or recycled). Used to check that a record of the target exists, byte for byte,
 * in the source's WAL.
 */
export async function fetchSourceWal(via: ResolvedConnection | ReplicationConnection, tli: number, fromLsn: Lsn, toLsn: Lsn): Promise<Buffer | null> {
  // An idle replication connection of the run is reused: a second one would need a second wal sender.
  const own = !(via instanceof ReplicationConnection);
  const repl = via instanceof ReplicationConnection ? via : await ReplicationConnection.open(via);
  const size = Number(toLsn - fromLsn);
  const out = Buffer.alloc(size);
  let have = 0n;
  try {
    const stream = repl.startStreaming(null, fromLsn, tli);
    let ended = false;
    try {
      for await (const payload of stream as AsyncIterable<Buffer>) {
        const msg = parseReplicationMessage(payload);
        if (msg.kind !== 'xlogdata') continue;
        const start = msg.walStart - fromLsn;
        const end = start + BigInt(msg.data.length);
        if (end > 0n && start < BigInt(size)) {
          const from = start < 0n ? Number(-start) : 0;
          const to = Math.min(msg.data.length, Number(BigInt(size) - start));
          msg.data.copy(out, Number(start) + from, from, to);
        }
        if (end > have) have = end;
        if (have >= BigInt(size) && !ended) {
          ended = true;
          stream.end();
        }
      }
      // The server ended first (the end of an older timeline): it waits for our CopyDone. The next
      // command on this connection is queued by node-postgres until the server is ready again.
      if (!ended) {
        ended = true;
        stream.end();
      }
    } catch (err) {
      if (/has already been removed|requested starting point .* is ahead/.test((err as Error).message)) return null;
      throw err;
    }
    if (have < BigInt(size)) {
      throw new CatchupError('source-wal-short', `The source streamed WAL only up to ${formatLsn(fromLsn + have)}, not ${formatLsn(toLsn)}.`, 'Run the command again.');
    }
    return out;
  } finally {
    if (own) await repl.close();
  }
}
