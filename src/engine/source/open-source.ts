import path from 'path';
import { CatchupError } from '../errors';
import type { CheckResult } from '../preflight/check';
import { resolveConnection, ResolvedConnection, SourceConnectionOptions } from './connection-options';
import type { Source, SourceOpenOptions } from './source';
import { openServerSource } from './server/server-source';
import { openStoppedSource } from './stopped/stopped-source';

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

/**
 * Opens either kind of source, pushing each check's result into `checks`: the one place that
 * knows there are two.
 */
export async function openSource(where: SourceLocation, targetDir: string, threads: number, checks: CheckResult[], opts: SourceOpenOptions = { mode: 'FULL' }): Promise<Source> {
  return where.pgdata !== undefined ? openStoppedSource(where.pgdata, targetDir, threads, checks, opts) : openServerSource(where.conn, threads, checks, opts);
}
