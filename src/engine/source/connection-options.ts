import os from 'os';
import { Conninfo, looksLikeConninfo, parseConninfo } from './conninfo';
import { allowedAuthMethods, channelBindingOf } from './connection/auth-guard';
import { hostTargets } from './connection/host-list';
import { LIBPQ_KEYWORDS } from './connection/keywords';
import type { ConnectionPlan } from './connection/open-connection';
import { lookupService } from './connection/service-file';
import { sessionAttrsOf } from './connection/session-attrs';
import { checkTlsKeywords, sslModeOf } from './connection/tls-options';
import { connectionNotices, refuseUnsupported } from './connection/unsupported';

/** How the user named the source, as PostgreSQL clients take it (-d conninfo plus -h/-p/-U). */
export interface SourceConnectionOptions {
  /** A conninfo string, a URI or a plain database name (pg_basebackup's -d). */
  dbname?: string;
  host?: string;
  port?: number | string;
  user?: string;
  password?: string;
}

/**
 * The resolved libpq keywords (the source of truth for both our connections and
 * primary_conninfo) and the plan every connection of the run follows. Copies made with
 * `{...conn}` share `choice`, so they reach the server the first connection chose.
 */
export interface ResolvedConnection extends ConnectionPlan {
  keywords: Conninfo;
  /** For logs and reports: never contains the password. */
  display: string;
  /** Settings Node cannot apply, said once in the log. */
  notices: string[];
}

/**
 * Merges as pg_basebackup does, with libpq's layers under it: explicit -h/-p/-U win over what the
 * -d conninfo says; then the service's settings (service=, PGSERVICE) fill what is unset; then
 * the PG* environment variables; built-in defaults apply at connect time.
 */
export function resolveConnection(
  opts: SourceConnectionOptions,
  env: Record<string, string | undefined>,
  home: string = env.HOME || os.homedir(),
): ResolvedConnection {
  const keywords: Conninfo = {};
  if (opts.dbname !== undefined && opts.dbname !== '') {
    if (looksLikeConninfo(opts.dbname)) Object.assign(keywords, parseConninfo(opts.dbname));
    else keywords.dbname = opts.dbname;
  }
  if (opts.host) keywords.host = opts.host;
  if (opts.port !== undefined && opts.port !== '') keywords.port = String(opts.port);
  if (opts.user) keywords.user = opts.user;
  if (opts.password) keywords.password = opts.password;

  const service = keywords.service || env.PGSERVICE;
  if (service) {
    for (const [key, value] of Object.entries(lookupService(service, env, home))) {
      if (!(key in keywords)) keywords[key] = value;
    }
  }
  for (const [keyword, spec] of Object.entries(LIBPQ_KEYWORDS)) {
    const value = spec.env ? env[spec.env] : undefined;
    if (!(keyword in keywords) && value !== undefined && value !== '') keywords[keyword] = value;
  }
  keywords.user ||= os.userInfo().username;

  // Everything libpq would refuse before connecting is refused here, before any work.
  refuseUnsupported(keywords);
  sslModeOf(keywords);
  checkTlsKeywords(keywords);
  sessionAttrsOf(keywords);
  channelBindingOf(keywords);
  allowedAuthMethods(keywords);
  const targets = hostTargets(keywords);
  if (!keywords.host && !keywords.hostaddr) keywords.host = targets[0].host!;

  const display = describeConnection({ port: [...new Set(targets.map((t) => t.port))].join(','), ...keywords });
  return { keywords, display, targets, home, env, choice: {}, notices: connectionNotices(keywords) };
}

/** host, port, user and database, plus what changes where or how we connect; never a password. */
function describeConnection(k: Conninfo): string {
  const shown = ['service', 'host', 'hostaddr', 'port', 'user', 'dbname', 'sslmode', 'target_session_attrs', 'load_balance_hosts'];
  return shown.filter((key) => k[key] !== undefined && k[key] !== '').map((key) => `${key}=${k[key]}`).join(' ');
}
