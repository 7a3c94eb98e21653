import type { Client } from 'pg';
import { both as copyBoth } from 'pg-copy-streams';
import type { Duplex } from 'stream';
import { CatchupError } from '../errors';
import { formatLsn, parseLsn } from '../wal/lsn';
import { ResolvedConnection } from './connection-options';
import { connectSource, quoteIdent } from './source-connect';

export interface SystemIdentity {
  systemIdentifier: string;
  timeline: number;
  walPosition: bigint;
}

/**
 * A physical replication connection (replication=true, as pg_basebackup uses, so the
 * "replication" lines of pg_hba.conf apply). One connection holds our temporary slot and
 * streams WAL: a temporary slot lives only as long as the session that created it.
 */
export class ReplicationConnection {
  private constructor(private readonly client: Client) {}

  static async open(conn: ResolvedConnection): Promise<ReplicationConnection> {
    const client = await connectSource(conn, { replication: 'true' });
    return new ReplicationConnection(client);
  }

  async identifySystem(): Promise<SystemIdentity> {
    const res = await this.client.query<{ systemid: string; timeline: number; xlogpos: string }>('IDENTIFY_SYSTEM');
    const row = res.rows[0];
    return { systemIdentifier: row.systemid, timeline: Number(row.timeline), walPosition: parseLsn(row.xlogpos) };
  }

  /** The history file of a timeline; timeline 1 has none. */
  async timelineHistory(timeline: number): Promise<{ fileName: string; content: Buffer } | null> {
    if (timeline <= 1) return null;
    const res = await this.client.query<{ filename: string; content: Buffer | string }>(`TIMELINE_HISTORY ${timeline}`);
    const row = res.rows[0];
    const content = Buffer.isBuffer(row.content) ? row.content : Buffer.from(row.content);
    return { fileName: row.filename, content };
  }

  /** Reserves WAL from now on: created before the backup starts, so nothing we need is recycled. */
  async createTemporarySlot(name: string): Promise<void> {
    try {
      await this.client.query(`CREATE_REPLICATION_SLOT ${quoteIdent(name)} TEMPORARY PHYSICAL RESERVE_WAL`);
    } catch (err) {
      if ((err as { code?: string }).code === '53400') {
        throw new CatchupError('no-replication-slot',
          `The source has no free replication slot: ${(err as Error).message}.`,
          'Raise max_replication_slots on the source (restart needed) or drop an unused slot (SELECT pg_drop_replication_slot(...)).');
      }
      throw err;
    }
  }

  /** Starts streaming (from our slot, or without one for a short read); one CopyData payload per chunk. */
  startStreaming(slot: string | null, startLsn: bigint, timeline: number): Duplex {
    const slotClause = slot === null ? '' : `SLOT ${quoteIdent(slot)} `;
    const sql = `START_REPLICATION ${slotClause}PHYSICAL ${formatLsn(startLsn)} TIMELINE ${timeline}`;
    // Object mode: one chunk is one CopyData frame. In byte mode a reader that falls behind gets
    // frames joined into one buffer, and the next frame's header would be taken for WAL bytes.
    const stream = this.client.query(copyBoth(sql, { alignOnCopyDataFrame: true, readableObjectMode: true }));
    // When the server reaches the end of an older timeline first, it answers our CopyDone with the
    // next timeline as a result set, for which the copy stream has no handlers (node-postgres
    // would throw in its socket handler and end the process).
    Object.assign(stream, { handleRowDescription: () => undefined, handleDataRow: () => undefined, cb_flush: () => undefined });
    return stream;
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
