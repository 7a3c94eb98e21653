import type { Client } from 'pg';
import { CatchupError } from '../../errors';
import { parsePgControl, PgControl, PG_CONTROL_FILE_SIZE } from '../../pgdata/pg-control';
import { parseLsn } from '../../wal/lsn';
import { parseTimelineHistory, TimelineHistoryEntry } from '../../wal/timeline-history';
import { historyFileName } from '../../wal/wal-segment';
import type { SystemIdentity } from '../replication-connection';

/** What IDENTIFY_SYSTEM and TIMELINE_HISTORY answer, for a role without REPLICATION. */
export interface FilesOnlyIdentity {
  identity: SystemIdentity;
  history: TimelineHistoryEntry[];
  /** The history file's name and bytes (timeline 1 has none): the target gets it. */
  historyFile: { fileName: string; content: Buffer } | null;
}

/** The source's global/pg_control through pg_read_binary_file, checked (CRC) before use. */
export async function readControlOverSql(client: Client): Promise<{ bytes: Buffer; control: PgControl }> {
  const res = await client.query<{ c: Buffer | null }>(`SELECT pg_read_binary_file('global/pg_control', 0, ${PG_CONTROL_FILE_SIZE}, true) AS c`);
  const bytes = res.rows[0].c;
  if (!bytes) throw new CatchupError('read-failed', "Could not read the source's global/pg_control.", 'Check the EXECUTE grant on pg_read_binary_file(text, bigint, bigint, boolean).');
  return { bytes, control: parsePgControl(bytes, "the source's global/pg_control") };
}

/**
 * The source's identity, timeline, WAL position and timeline history the way pg_rewind gets them
 * with its minimal role: pg_control and pg_wal's history files through pg_read_binary_file, plus
 * functions any role may call. A primary's timeline is that of its insert position's file name
 * (pg_control's would lag until the checkpoint after a promotion); a standby's is the newer of its
 * last restartpoint's and its minimum recovery point's. The position is a primary's flush LSN or
 * a standby's replay LSN: WAL at or before it is in pg_wal.
 */
export async function readIdentityOverSql(client: Client, inRecovery: boolean): Promise<FilesOnlyIdentity> {
  const { control } = await readControlOverSql(client);
  let timeline: number;
  let position: string;
  if (inRecovery) {
    const res = await client.query<{ lsn: string | null }>('SELECT pg_last_wal_replay_lsn()::text AS lsn');
    timeline = Math.max(control.timeline, control.minRecoveryPointTli);
    position = res.rows[0].lsn ?? '0/0';
  } else {
    const res = await client.query<{ file: string; lsn: string }>('SELECT pg_walfile_name(pg_current_wal_insert_lsn()) AS file, pg_current_wal_flush_lsn()::text AS lsn');
    timeline = parseInt(res.rows[0].file.slice(0, 8), 16);
    position = res.rows[0].lsn;
  }
  const historyFile = timeline > 1 ? await readHistoryFile(client, timeline) : null;
  const history = historyFile ? parseTimelineHistory(historyFile.content.toString('utf8'), historyFile.fileName) : [];
  return {
    identity: { systemIdentifier: control.systemIdentifierText, timeline, walPosition: parseLsn(position) },
    history, historyFile,
  };
}

async function readHistoryFile(client: Client, timeline: number): Promise<{ fileName: string; content: Buffer }> {
  const fileName = historyFileName(timeline);
  const res = await client.query<{ c: Buffer | null }>(
    'SELECT pg_read_binary_file(p, 0, (pg_stat_file(p, true)).size, true) AS c FROM (SELECT $1::text AS p) f', [`pg_wal/${fileName}`],
  );
  const content = res.rows[0].c;
  if (!content) {
    throw new CatchupError('source-history-missing', `The source is on timeline ${timeline}, but its pg_wal has no ${fileName}.`,
      'Restore the history file into the source\'s pg_wal (from its archive), or grant the role REPLICATION so the history is asked over the replication protocol.');
  }
  return { fileName, content };
}
