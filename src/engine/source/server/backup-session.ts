import type { Client } from 'pg';
import { parseLsn } from '../../wal/lsn';

export interface BackupStop {
  stopLsn: bigint;
  backupLabel: string;
  tablespaceMap: string;
}

/**
 * A non-exclusive backup (design rule 1): it lives exactly as long as this one session,
 * so if we die the server aborts it and no stale backup_label is left on the source.
 */
export class BackupSession {
  private started = false;

  constructor(private readonly client: Client) {}

  async start(label: string, fastCheckpoint: boolean): Promise<bigint> {
    const res = await this.client.query<{ lsn: string }>('SELECT pg_backup_start($1, $2)::text AS lsn', [label, fastCheckpoint]);
    this.started = true;
    return parseLsn(res.rows[0].lsn);
  }

  async stop(): Promise<BackupStop> {
    // wait_for_archive=false: the WAL comes to the target over our own stream, not from an archive.
    const res = await this.client.query<{ lsn: string; labelfile: string; spcmapfile: string | null }>(
      'SELECT lsn::text AS lsn, labelfile, spcmapfile FROM pg_backup_stop(false)',
    );
    this.started = false;
    const row = res.rows[0];
    return { stopLsn: parseLsn(row.lsn), backupLabel: row.labelfile, tablespaceMap: row.spcmapfile ?? '' };
  }

  get isStarted(): boolean {
    return this.started;
  }
}
