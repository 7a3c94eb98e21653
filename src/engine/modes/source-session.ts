import type { Client } from 'pg';
import { CatchupError } from '../errors';
import { assertChecksPass, CheckResult } from '../preflight/check';
import { checkPrivileges } from '../preflight/privileges';
import { checkSourceVersion, readServerInfo, SourceServerInfo } from '../preflight/source-version';
import { checkWalLevel } from '../preflight/wal-level';
import { checkWalSenders } from '../preflight/wal-senders';
import { checkArchiving, checkChangeTracking, checkFullPageWrites, checkSourceHintLogging, readSourceSettings } from '../preflight/source-settings';
import type { ResolvedConnection } from '../source/connection-options';
import { ReplicationConnection, SystemIdentity } from '../source/replication-connection';
import { connectSource } from '../source/source-connect';
import { SourceFiles, sqlSourceFiles } from '../source/source-files';
import { parseTimelineHistory, TimelineHistoryEntry } from '../wal/timeline-history';

/** Everything a run holds on the source: the connections, what the checks found, its layout. */
export interface SourceSession {
  conn: ResolvedConnection;
  /** The backup session lives on this one; it is also the first reader. */
  control: Client;
  readers: Client[];
  /** The source's files, read through the readers: what planning and copying use. */
  files: SourceFiles;
  replication: ReplicationConnection;
  info: SourceServerInfo;
  identity: SystemIdentity;
  history: TimelineHistoryEntry[];
  segSize: number;
  blockSize: number;
  /** Blocks per relation segment file (RELSEG_SIZE). */
  relsegSize: number;
  /** Data checksums are on: every copied page can be verified (rule 9). */
  dataChecksums: boolean;
}

/**
 * Connects and runs the source-side preflight checks, pushing each result into `checks`
 * (so a refusal is reported with what led to it). Writes nothing anywhere.
 */
export interface SourceCheckOptions {
  /** PTRACK needs change tracking; other modes only report it. */
  mode: string;
  failOnWarning?: boolean;
}

export async function openSourceSession(conn: ResolvedConnection, threads: number, checks: CheckResult[], opts: SourceCheckOptions = { mode: 'FULL' }): Promise<SourceSession> {
  const clients: Client[] = [];
  let replication: ReplicationConnection | undefined;
  try {
    const control = await connectSource(conn).catch((err) => {
      checks.push({ id: 'source-reachable', title: 'Source is reachable', status: 'fail', detail: (err as Error).message, fix: (err as { fix?: string }).fix });
      throw err;
    });
    clients.push(control);
    checks.push({ id: 'source-reachable', title: 'Source is reachable', status: 'pass', detail: `connected to ${conn.display}` });
    const info = await readServerInfo(control);
    checks.push(checkSourceVersion(info));
    assertChecksPass(checks, opts.failOnWarning);
    const settings = await readSourceSettings(control);
    checks.push(
      await checkPrivileges(control), await checkWalLevel(control), ...(await checkWalSenders(control)),
      checkFullPageWrites(settings), checkSourceHintLogging(settings), checkChangeTracking(settings, info.major, opts.mode === 'PTRACK'),
      checkArchiving(settings),
    );
    assertChecksPass(checks, opts.failOnWarning);
    const layout = await control.query<{ seg: string; bs: string; relseg: string }>(
      `SELECT (SELECT setting FROM pg_settings WHERE name = 'wal_segment_size') AS seg, current_setting('block_size') AS bs,
              (SELECT setting FROM pg_settings WHERE name = 'segment_size') AS relseg`,
    );
    replication = await ReplicationConnection.open(conn);
    const identity = await replication.identifySystem();
    const historyFile = await replication.timelineHistory(identity.timeline);
    const history = historyFile ? parseTimelineHistory(historyFile.content.toString('utf8'), historyFile.fileName) : [];
    for (let i = 1; i < threads; i++) clients.push(await connectSource(conn));
    return {
      conn, control, readers: clients, files: sqlSourceFiles(control, clients), replication, info, identity, history,
      segSize: Number(layout.rows[0].seg), blockSize: Number(layout.rows[0].bs),
      relsegSize: Number(layout.rows[0].relseg), dataChecksums: settings.data_checksums === 'on',
    };
  } catch (err) {
    await replication?.close();
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    throw err;
  }
}

export async function closeSourceSession(s: SourceSession | undefined): Promise<void> {
  if (!s) return;
  await s.replication.close();
  await Promise.all(s.readers.map((c) => c.end().catch(() => undefined)));
}

export function assertThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
    throw new CatchupError('bad-threads', `-j/--threads must be a whole number from 1 to 64, not ${threads}.`, 'Pass e.g. -j 2.');
  }
}
