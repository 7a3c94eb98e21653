import { EventEmitter } from 'events';
import type { Client } from 'pg';
import { BaseBackupStreamHandler, runBaseBackup } from '../../../../src/engine/source/base-backup/base-backup-query';

/** A backend message: type, length (itself included), body. */
const message = (type: string, body: Buffer) => {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeUInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
};
const dataRow = (fields: Array<string | null>) => Buffer.concat([
  Buffer.from([0, fields.length]),
  ...fields.map((f) => {
    const len = Buffer.alloc(4);
    len.writeInt32BE(f === null ? -1 : Buffer.byteLength(f));
    return f === null ? len : Buffer.concat([len, Buffer.from(f)]);
  }),
]);
const copyData = (subtype: string, payload: Buffer) => message('d', Buffer.concat([Buffer.from(subtype, 'latin1'), payload]));

/** What the server sends up to the archive bytes: start position, tablespaces, COPY OUT, a new archive, two data messages. */
function stream(payloads: Buffer[]): Buffer {
  return Buffer.concat([
    message('T', Buffer.alloc(2)), message('D', dataRow(['0/1000028', '1'])), message('C', Buffer.from('SELECT\0')),
    message('T', Buffer.alloc(2)), message('D', dataRow([null, null, null])), message('C', Buffer.from('SELECT\0')),
    message('H', Buffer.from([0, 0, 0])),
    copyData('n', Buffer.from('base.tar\0\0')),
    ...payloads.map((p) => copyData('d', p)),
  ]);
}

/** Feeds `chunks` to a BASE_BACKUP query as node-postgres's socket would, and collects what the handler got. */
function feed(chunks: Buffer[]): { archives: string[]; data: Buffer; errors: string[] } {
  const socket = Object.assign(new EventEmitter(), { pause: () => undefined, resume: () => undefined });
  socket.on('data', () => undefined); // node-postgres's listener, taken out by the query
  const connection = { stream: socket, query: () => undefined };
  const got = { archives: [] as string[], parts: [] as Buffer[], errors: [] as string[] };
  const handler: BaseBackupStreamHandler = {
    onStart: () => undefined,
    onArchive: (name) => { got.archives.push(name); return null; },
    onArchiveData: (bytes) => { got.parts.push(Buffer.from(bytes)); return null; },
    onProgress: () => undefined,
    onCopyDone: () => null,
    onNotice: () => undefined,
  };
  const client = { query: (q: { submit(c: unknown): void }) => q.submit(connection) } as unknown as Client;
  runBaseBackup(client, 'BASE_BACKUP', handler).catch((err: Error) => got.errors.push(err.message));
  for (const c of chunks) socket.emit('data', c);
  return { archives: got.archives, data: Buffer.concat(got.parts), errors: got.errors };
}

describe('BASE_BACKUP stream framing', () => {
  test('archive bytes arrive whole and in order wherever the socket cuts the stream (a header ending a chunk included)', async () => {
    const payloads = [Buffer.from('first archive bytes'), Buffer.from('and the second message')];
    const whole = stream(payloads);
    for (let cut = 1; cut < whole.length; cut++) {
      const r = feed([whole.subarray(0, cut), whole.subarray(cut)]);
      await new Promise((resolve) => setImmediate(resolve));
      expect({ cut, errors: r.errors, archives: r.archives, data: r.data.toString() }).toEqual({ cut, errors: [], archives: ['base.tar'], data: Buffer.concat(payloads).toString() });
    }
  });
});
