/**
 * Reading a query's result from node-postgres's socket ourselves (COPY OUT, BASE_BACKUP): its one
 * 'data' listener is taken out for the length of the stream and put back afterwards, so that
 * node-postgres parses the rest (CommandComplete, ReadyForQuery, an error) itself.
 */

import type { Client } from 'pg';

export type DataListener = (chunk: Buffer) => void;

/** What node-postgres hands a custom query's submit(). */
export interface PgConnection {
  stream: NodeJS.ReadableStream & { listeners(e: 'data'): DataListener[] };
  query(text: string): void;
}

/** Puts `ours` in place of node-postgres's data listener, which it returns for giveSocketBack. */
export function takeSocket(connection: PgConnection, ours: DataListener): DataListener {
  const listeners = connection.stream.listeners('data');
  if (listeners.length !== 1) throw new Error(`internal: expected node-postgres's one data listener on the socket, found ${listeners.length}`);
  const pgListener = listeners[0];
  connection.stream.removeListener('data', pgListener);
  connection.stream.on('data', ours);
  return pgListener;
}

/** node-postgres's listener back on the socket, in place of ours. */
export function giveSocketBack(connection: PgConnection, ours: DataListener, pgListener: DataListener): void {
  connection.stream.removeListener('data', ours);
  connection.stream.on('data', pgListener);
}

/**
 * Closes a connection by cutting its socket: a walsender in the middle of a backup reads nothing
 * we send, so client.end() would wait on it. Harmless on a socket already closed.
 */
export function cutConnection(client: Client): void {
  (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
}
