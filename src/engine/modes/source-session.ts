import type { Client } from 'pg';
import { CatchupError } from '../errors';
import { newReport, Report } from '../report/report';
import { assertChecksPass, CheckResult } from '../preflight/check';
import { checkPrivileges } from '../preflight/privileges';
import { checkSourceVersion, readServerInfo, SourceServerInfo } from '../preflight/source-version';
import { checkWalLevel } from '../preflight/wal-level';
import { checkWalSenders } from '../preflight/wal-senders';
import { checkArchiving, checkChangeTracking, checkFullPageWrites, checkSourceHintLogging, readSourceSettings } from '../preflight/source-settings';
import * as path from 'path';
import { resolveConnection, ResolvedConnection, SourceConnectionOptions } from '../source/connection-options';
import { ReplicationConnection, SystemIdentity } from '../source/replication-connection';
import { connectSource } from '../source/source-connect';
import { explainSourceLoss } from '../source/connection-loss';
import { LocalSource, localSourceFiles, openLocalSource } from '../source/local-pgdata';
import { SourceFiles, sqlSourceFiles } from '../source/source-files';
import { formatLsn } from '../wal/lsn';
import { parseTimelineHistory, TimelineHistoryEntry } from '../wal/timeline-history';

/** A running source's connections: what only a server can answer (SQL, a backup session, WAL streaming). */
export interface ServerLink {
  conn: ResolvedConnection;
  /** The backup session lives on this one; it is also the first reader. */
  control: Client;
  readers: Client[];
  replication: ReplicationConnection;
}

/**
 * Everything a run holds on the source: what the checks found, its layout, its files, and
 * either the connections to a running server or a stopped data directory on this host. Code
 * that needs one kind says so by reading `server` or `local`; the rest does not care.
 */
export interface SourceSession {
  /** How reports and messages name the source. */
  display: string;
  server: ServerLink | null;
  local: LocalSource | null;
  /** The source's files: what planning and copying use. */
  files: SourceFiles;
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

/** A lost connection to a server source explained in one line (a stopped directory has none to lose). */
export async function explainLostSource(err: unknown, located: LocatedSource, session: SourceSession | undefined): Promise<CatchupError | null> {
  const conn = located.location.conn;
  return conn ? explainSourceLoss(err, conn, session?.info.postmasterStart ?? null) : null;
}

/** The running server behind a session, or a refusal naming what needs one. */
export function serverOf(source: SourceSession, what: string): ServerLink {
  if (source.server) return source.server;
  throw new CatchupError('source-not-running', `${what} needs a running source server, and the source is a stopped data directory (${source.display}).`,
    'Start the source and use --source-server instead of --source-pgdata.');
}

/** Where the source is: a server to connect to, or a stopped data directory on this host (--source-pgdata). */
export type SourceLocation = { conn: ResolvedConnection; pgdata?: undefined } | { pgdata: string; conn?: undefined };

export interface LocatedSource {
  location: SourceLocation;
  display: string;
  /** The server the target follows with -R (primary_conninfo); null for a stopped directory given alone. */
  conn: ResolvedConnection | null;
}

/**
 * The source the options name. With --source-pgdata the files come from the stopped directory,
 * and a connection given too (--source-server) is used only for -R's primary_conninfo, as
 * pg_rewind takes it; nothing connects to it.
 */
export function locateSource(opts: { source?: SourceConnectionOptions; sourcePgdata?: string; env?: Record<string, string | undefined>; writeRecoveryConf?: boolean }): LocatedSource {
  const env = opts.env ?? {};
  if (opts.sourcePgdata === undefined) {
    const conn = resolveConnection(opts.source ?? {}, env);
    return { location: { conn }, display: conn.display, conn };
  }
  const conn = opts.source ? resolveConnection(opts.source, env) : null;
  if (opts.writeRecoveryConf && !conn) {
    throw new CatchupError('recovery-conninfo-missing', '-R writes primary_conninfo, and --source-pgdata names a directory, not a server to connect to.',
      'Add --source-server=CONNSTR naming the server the target will follow (it is not connected to during the run), or drop -R and write primary_conninfo yourself.');
  }
  const pgdata = path.resolve(opts.sourcePgdata);
  return { location: { pgdata }, display: `stopped data directory ${pgdata}`, conn };
}

/** A run's report, naming its source (and the stopped directory, for --source-pgdata). */
export function newSourceReport(mode: Report['mode'], located: LocatedSource, targetDir: string, threads: number): Report {
  const report = newReport(mode, located.display, targetDir, threads);
  if (located.location.pgdata) report.source.pgdata = located.location.pgdata;
  return report;
}

/** Opens either kind of source, pushing each check's result into `checks`. */
export async function openSource(where: SourceLocation, targetDir: string, threads: number, checks: CheckResult[], opts: SourceCheckOptions = { mode: 'FULL' }): Promise<SourceSession> {
  return where.pgdata !== undefined ? openLocalSourceSession(where.pgdata, targetDir, threads, checks, opts) : openSourceSession(where.conn, threads, checks, opts);
}

/**
 * A stopped data directory on this host: identity, history and layout from its pg_control and
 * pg_wal; no connection, no backup session. PTRACK needs a server's change tracking.
 */
async function openLocalSourceSession(dir: string, targetDir: string, threads: number, checks: CheckResult[], opts: SourceCheckOptions): Promise<SourceSession> {
  const check = { id: 'source-reachable', title: 'Source is reachable' };
  let local: LocalSource;
  try {
    if (opts.mode === 'PTRACK') {
      throw new CatchupError('ptrack-unavailable', 'PTRACK reads the change tracking of a running server, and --source-pgdata names a stopped data directory.',
        'Use -b DELTA with --source-pgdata (it finds the changed blocks itself), or start the source and use PTRACK with a connection.');
    }
    local = await openLocalSource(dir, targetDir);
  } catch (err) {
    checks.push({ ...check, status: 'fail', detail: (err as Error).message, fix: (err as { fix?: string }).fix });
    throw err;
  }
  const c = local.control;
  checks.push({ ...check, status: 'pass', detail: `stopped data directory ${local.dir} ("${c.state}" at ${formatLsn(c.checkpointLsn)} on timeline ${local.timeline})` });
  const info: SourceServerInfo = {
    versionNum: local.majorVersion * 10000, major: local.majorVersion, versionText: `${local.majorVersion} (stopped data directory)`,
    inRecovery: c.state === 'shut down in recovery', postmasterStart: '',
  };
  checks.push(checkSourceVersion(info));
  assertChecksPass(checks, opts.failOnWarning);
  return {
    display: `stopped data directory ${local.dir}`, server: null, local, files: localSourceFiles(local.dir, threads), info,
    identity: { systemIdentifier: c.systemIdentifierText, timeline: local.timeline, walPosition: local.walEnd },
    history: local.history, segSize: c.walSegmentSize, blockSize: c.blockSize, relsegSize: c.relsegSize, dataChecksums: c.dataChecksumVersion > 0,
  };
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
      display: conn.display, server: { conn, control, readers: clients, replication }, local: null,
      files: sqlSourceFiles(control, clients), info, identity, history,
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
  if (!s?.server) return;
  await s.server.replication.close();
  await Promise.all(s.server.readers.map((c) => c.end().catch(() => undefined)));
}

export function assertThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
    throw new CatchupError('bad-threads', `-j/--threads must be a whole number from 1 to 64, not ${threads}.`, 'Pass e.g. -j 2.');
  }
}
