/**
 * The CopyData payloads of physical streaming replication (protocol-replication docs):
 * server -> client XLogData ('w') and keepalive ('k'); client -> server standby status ('r').
 * Pure codecs over Buffers.
 */

// PostgreSQL timestamps count microseconds from 2000-01-01 00:00 UTC.
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);

export interface XLogData {
  kind: 'xlogdata';
  walStart: bigint;
  serverWalEnd: bigint;
  data: Buffer;
}

export interface Keepalive {
  kind: 'keepalive';
  serverWalEnd: bigint;
  replyRequested: boolean;
}

export type ReplicationMessage = XLogData | Keepalive | { kind: 'unknown'; tag: number };

export function parseReplicationMessage(payload: Buffer): ReplicationMessage {
  const tag = payload[0];
  if (tag === 0x77 /* 'w' */) {
    return {
      kind: 'xlogdata',
      walStart: payload.readBigUInt64BE(1),
      serverWalEnd: payload.readBigUInt64BE(9),
      data: payload.subarray(25),
    };
  }
  if (tag === 0x6b /* 'k' */) {
    return { kind: 'keepalive', serverWalEnd: payload.readBigUInt64BE(1), replyRequested: payload[17] === 1 };
  }
  return { kind: 'unknown', tag };
}

export function encodeStandbyStatus(writtenLsn: bigint, flushedLsn: bigint, nowMs = Date.now()): Buffer {
  const buf = Buffer.alloc(34);
  buf[0] = 0x72; // 'r'
  buf.writeBigUInt64BE(writtenLsn, 1);
  buf.writeBigUInt64BE(flushedLsn, 9);
  buf.writeBigUInt64BE(0n, 17); // applied: we replay nothing
  buf.writeBigInt64BE(BigInt(nowMs - PG_EPOCH_MS) * 1000n, 25);
  buf[33] = 0;
  return buf;
}
