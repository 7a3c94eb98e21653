import { encodeStandbyStatus, parseReplicationMessage } from '../../../src/engine/wal/replication-messages';

describe('streaming replication messages', () => {
  test('XLogData: start, server end and the WAL bytes', () => {
    const msg = Buffer.alloc(25 + 3);
    msg[0] = 0x77;
    msg.writeBigUInt64BE(0x1_0000_0028n, 1);
    msg.writeBigUInt64BE(0x1_0000_1000n, 9);
    msg.set([1, 2, 3], 25);
    expect(parseReplicationMessage(msg)).toEqual({ kind: 'xlogdata', walStart: 0x1_0000_0028n, serverWalEnd: 0x1_0000_1000n, data: Buffer.from([1, 2, 3]) });
  });

  test('keepalive with and without a reply request', () => {
    const msg = Buffer.alloc(18);
    msg[0] = 0x6b;
    msg.writeBigUInt64BE(42n, 1);
    expect(parseReplicationMessage(msg)).toEqual({ kind: 'keepalive', serverWalEnd: 42n, replyRequested: false });
    msg[17] = 1;
    expect(parseReplicationMessage(msg)).toMatchObject({ replyRequested: true });
  });

  test('standby status update: positions and a PostgreSQL-epoch timestamp in microseconds', () => {
    const now = Date.UTC(2026, 0, 1);
    const buf = encodeStandbyStatus(100n, 90n, now);
    expect(buf.length).toBe(34);
    expect(String.fromCharCode(buf[0])).toBe('r');
    expect(buf.readBigUInt64BE(1)).toBe(100n);
    expect(buf.readBigUInt64BE(9)).toBe(90n);
    expect(buf.readBigInt64BE(25)).toBe(BigInt(now - Date.UTC(2000, 0, 1)) * 1000n);
  });
});
