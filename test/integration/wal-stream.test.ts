import * as fs from 'fs';
import * as path from 'path';
import { WalSegmentSink } from '../../src/engine/copy/wal-segment-sink';
import { resolveConnection } from '../../src/engine/source/connection-options';
import { ReplicationConnection } from '../../src/engine/source/replication-connection';
import { WalReceiver } from '../../src/engine/source/server/wal-receiver';
import { fetchSourceWal } from '../../src/engine/source/server/wal-fetch';
import { parseLsn } from '../../src/engine/wal/lsn';
import { segmentFileName, segmentNoOf, segmentStartLsn } from '../../src/engine/wal/wal-segment';
import { Cluster, makeScratchDir, testVersions, useClusters } from '../support';

useClusters();

const segSize = 16 * 1024 * 1024;

/** A replication connection to `primary`, its position's segment start, and a sink into a scratch pg_wal. */
async function streamFromSegmentStart(primary: Cluster) {
  const conn = resolveConnection({ host: '127.0.0.1', port: primary.port, user: 'postgres' }, {});
  const repl = await ReplicationConnection.open(conn);
  const id = await repl.identifySystem();
  const start = segmentStartLsn(segmentNoOf(id.walPosition, segSize), segSize);
  const dir = makeScratchDir('walstream');
  fs.mkdirSync(path.join(dir, 'archive_status'));
  const sink = new WalSegmentSink(dir, id.timeline, segSize, null, false);
  return { conn, repl, id, start, dir, sink };
}

describe.each(testVersions())('WAL streaming on PostgreSQL %i', (version) => {
  test('a slow sink under heavy WAL still writes exactly the primary\'s bytes (frames never run together)', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query('CREATE TABLE w (id int, v text)');
    const { conn, repl, id, start, dir, sink } = await streamFromSegmentStart(primary);
    // Each write waits, so frames pile up in the stream while the primary keeps writing.
    const slow = { write: async (lsn: bigint, data: Buffer) => { await new Promise((r) => setTimeout(r, 5)); await sink.write(lsn, data); } };
    const receiver = new WalReceiver(repl.startStreaming(null, start, id.timeline), start, slow);
    for (let i = 0; i < 20; i++) await primary.query("INSERT INTO w SELECT g, repeat(md5(g::text), 20) FROM generate_series(1, 2000) g");
    const stop = parseLsn(await primary.scalar<string>('SELECT pg_current_wal_flush_lsn()::text'));
    await receiver.finish(stop);
    await sink.close();
    await repl.close();
    await primary.query('CHECKPOINT');

    // Compare every received byte with the primary's own segment files.
    const tested = Number(stop - start);
    expect(tested).toBeGreaterThan(4 * 1024 * 1024);
    for (let off = 0; off < tested; off += segSize) {
      const segNo = segmentNoOf(start + BigInt(off), segSize);
      const name = segmentFileName(id.timeline, segNo, segSize);
      const n = Math.min(segSize, tested - off);
      const ours = fs.readFileSync(path.join(dir, name)).subarray(0, n);
      const theirs = fs.readFileSync(path.join(primary.dataDir, 'pg_wal', name)).subarray(0, n);
      expect(ours.equals(theirs)).toBe(true);
    }

    // The short fetch used by the same-timeline check gets the same bytes too.
    const fetched = await fetchSourceWal(conn, id.timeline, start, start + 2n * 1024n * 1024n);
    expect(fetched!.equals(fs.readFileSync(path.join(primary.dataDir, 'pg_wal', segmentFileName(id.timeline, segmentNoOf(start, segSize), segSize))).subarray(0, 2 * 1024 * 1024))).toBe(true);
  });

  test('the padding after a switch is not read until the stop LSN is known, then the stream ends', async () => {
    const primary = await Cluster.createPrimary(version);
    const { repl, id, start, dir, sink } = await streamFromSegmentStart(primary);
    const receiver = new WalReceiver(repl.startStreaming(null, start, id.timeline), start, sink);
    await primary.query('CREATE TABLE s AS SELECT g FROM generate_series(1, 1000) g');
    // As a backup's stop does: the switch's end is the stop, the rest of the segment padding.
    const stop = parseLsn(await primary.scalar<string>('SELECT pg_switch_wal()::text'));
    await new Promise((r) => setTimeout(r, 1000));
    const nextSegment = start + BigInt(segSize);
    // Without the hold the whole padding (up to the next segment) arrives on loopback within the second.
    expect(receiver.paddingHolds).toBe(1);
    expect(receiver.receivedLsn).toBeGreaterThanOrEqual(stop);
    expect(receiver.receivedLsn).toBeLessThan(nextSegment);
    await receiver.finish(stop);
    await sink.close();
    await repl.close();
    const name = segmentFileName(id.timeline, segmentNoOf(start, segSize), segSize);
    const n = Number(stop - start);
    expect(fs.readFileSync(path.join(dir, name)).subarray(0, n).equals(fs.readFileSync(path.join(primary.dataDir, 'pg_wal', name)).subarray(0, n))).toBe(true);
    // The segment is full size (PostgreSQL reads it whole); what was not received is zeros.
    expect(fs.statSync(path.join(dir, name)).size).toBe(segSize);
  });
});
