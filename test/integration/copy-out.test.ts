import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Client } from 'pg';
import { resolveConnection } from '../../src/engine/source/connection-options';
import { copyOut } from '../../src/engine/source/server/copy-out';
import { streamRanges } from '../../src/engine/source/server/file-reader';
import { connectSource } from '../../src/engine/source/source-connect';
import { Cluster, testVersions, useClusters } from '../support';

useClusters();

// Our own COPY OUT reader replaces pg-copy-streams on the data path: these prove it on a real
// server, where message boundaries fall anywhere in the socket's chunks.
describe.each(testVersions().slice(-1))('COPY OUT reader on PostgreSQL %i', (version) => {
  let primary: Cluster;
  let client: Client;
  beforeAll(async () => {
    primary = await Cluster.createPrimary(version);
    client = await connectSource(resolveConnection({ host: '127.0.0.1', port: primary.port, user: 'postgres' }, {}));
  });
  afterAll(async () => {
    await client?.end();
  });

  const text = (n: number) => `COPY (SELECT g, repeat(md5(g::text), 40) FROM generate_series(1, ${n}) g) TO STDOUT`;
  const expected = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}\t${crypto.createHash('md5').update(String(i + 1)).digest('hex').repeat(40)}\n`).join('');

  test('every payload byte arrives once and in order, with a sink that makes the socket wait', async () => {
    const parts: Buffer[] = [];
    let waits = 0;
    await copyOut(client, text(20000), {
      data: (bytes) => {
        parts.push(Buffer.from(bytes));
        // Every 50th slice pauses the socket for a moment: the stream must resume where it stopped.
        return parts.length % 50 === 0 ? new Promise((r) => setTimeout(() => { waits++; r(); }, 2)) : null;
      },
    });
    expect(waits).toBeGreaterThan(0);
    expect(Buffer.concat(parts).toString()).toBe(expected(20000));
    // node-postgres has the connection back, ready for the next statement.
    expect((await client.query('SELECT 41 + 1 AS n')).rows[0].n).toBe(42);
  });

  test('an error from the server mid-COPY fails the call with its message; the connection stays usable', async () => {
    let received = 0;
    await expect(copyOut(client, 'COPY (SELECT 1 / (5000 - g) FROM generate_series(1, 10000) g) TO STDOUT', {
      data: (bytes) => { received += bytes.length; return null; },
    })).rejects.toThrow(/division by zero/);
    expect(received).toBeGreaterThan(0);
    expect((await client.query('SELECT 1 AS n')).rows[0].n).toBe(1);
  });

  test('a sink that throws fails the call with its error; the rest is drained and the connection stays usable', async () => {
    let calls = 0;
    await expect(copyOut(client, text(20000), {
      data: () => {
        if (++calls === 3) throw new Error('disk full, say');
        return null;
      },
    })).rejects.toThrow('disk full, say');
    expect(calls).toBe(3);
    expect((await client.query('SELECT 2 AS n')).rows[0].n).toBe(2);
  });

  test('file ranges read through it equal the files on disk', async () => {
    await primary.query('CREATE TABLE t AS SELECT g, md5(g::text) FROM generate_series(1, 100000) g');
    await primary.query('CHECKPOINT');
    const rel = await primary.scalar<string>("SELECT pg_relation_filepath('t')");
    const onDisk = fs.readFileSync(path.join(primary.dataDir, rel));
    const ranges = [{ path: rel, offset: 0, length: onDisk.length }, { path: rel, offset: 8192 * 3, length: 8192 * 2 }, { path: 'no/such/file', offset: 0, length: 10 }];
    const got = ranges.map(() => [] as Buffer[]);
    const vanished: number[] = [];
    let current = -1;
    await streamRanges(client, ranges, {
      begin: (i, _offset, length) => {
        current = i;
        if (length === null) vanished.push(i);
      },
      data: (bytes) => got[current].push(Buffer.from(bytes)),
      end: () => undefined,
    });
    expect(Buffer.concat(got[0]).equals(onDisk)).toBe(true);
    expect(Buffer.concat(got[1]).equals(onDisk.subarray(8192 * 3, 8192 * 5))).toBe(true);
    expect(vanished).toEqual([2]);
  });
});
