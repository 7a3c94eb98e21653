import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ClientConfig } from 'pg';
import { CatchupError } from '../errors';
import { Conninfo, parseConninfo } from './conninfo';
import { lookupPassword } from './password-file';

/** How the user named the source, as PostgreSQL clients take it (-d conninfo plus -h/-p/-U). */
export interface SourceConnectionOptions {
  /** A conninfo string, a URI or a plain database name (pg_basebackup's -d). */
  dbname?: string;
  host?: string;
  port?: number | string;
  user?: string;
  password?: string;
}

/** The resolved libpq keywords; the source of truth for both our connections and primary_conninfo. */
export interface ResolvedConnection {
  keywords: Conninfo;
  /** For logs and reports: never contains the password. */
  display: string;
}

// libpq's environment variables for the keywords we honour.
const ENV_KEYWORDS: Array<[string, string]> = [
  ['PGHOST', 'host'],
  ['PGHOSTADDR', 'hostaddr'],
  ['PGPORT', 'port'],
  ['PGUSER', 'user'],
  ['PGPASSWORD', 'password'],
  ['PGDATABASE', 'dbname'],
  ['PGSSLMODE', 'sslmode'],
  ['PGSSLROOTCERT', 'sslrootcert'],
  ['PGSSLCERT', 'sslcert'],
  ['PGSSLKEY', 'sslkey'],
  ['PGCONNECT_TIMEOUT', 'connect_timeout'],
  ['PGAPPNAME', 'application_name'],
  ['PGPASSFILE', 'passfile'],
];

/**
 * Merges as libpq does: explicit -h/-p/-U win over what the -d conninfo says, which wins over
 * PG* environment variables, which win over built-in defaults.
 */
export function resolveConnection(
  opts: SourceConnectionOptions,
  env: Record<string, string | undefined>,
): ResolvedConnection {
  const keywords: Conninfo = {};
  for (const [variable, keyword] of ENV_KEYWORDS) {
    const value = env[variable];
    if (value !== undefined && value !== '') keywords[keyword] = value;
  }
  if (opts.dbname !== undefined && opts.dbname !== '') {
    const looksLikeConninfo = opts.dbname.includes('=') || /^postgres(ql)?:\/\//.test(opts.dbname);
    if (looksLikeConninfo) Object.assign(keywords, parseConninfo(opts.dbname));
    else keywords.dbname = opts.dbname;
  }
  if (opts.host) keywords.host = opts.host;
  if (opts.port !== undefined && opts.port !== '') keywords.port = String(opts.port);
  if (opts.user) keywords.user = opts.user;
  if (opts.password) keywords.password = opts.password;

  keywords.port ??= '5432';
  if (!/^\d+$/.test(keywords.port) || Number(keywords.port) < 1 || Number(keywords.port) > 65535) {
    throw new CatchupError('bad-port', `Source port "${keywords.port}" is not a TCP port number.`,
      'Pass -p/--port with a number from 1 to 65535.');
  }
  keywords.user ??= os.userInfo().username;
  keywords.host ??= defaultHost(keywords.port);
  const display = `host=${keywords.host} port=${keywords.port} user=${keywords.user}` +
    (keywords.dbname ? ` dbname=${keywords.dbname}` : '');
  return { keywords, display };
}

/** libpq's default is a Unix socket; Debian puts it in /var/run/postgresql, upstream in /tmp. */
function defaultHost(port: string): string {
  for (const dir of ['/var/run/postgresql', '/tmp']) {
    if (fs.existsSync(`${dir}/.s.PGSQL.${port}`)) return dir;
  }
  return 'localhost';
}

/** node-postgres configuration for one of our connections to the source. */
export function toClientConfig(conn: ResolvedConnection, extra: Partial<ClientConfig> = {}): ClientConfig {
  const k = conn.keywords;
  const config: ClientConfig = {
    host: k.hostaddr ?? k.host,
    port: Number(k.port),
    user: k.user,
    database: k.dbname ?? 'postgres',
    application_name: k.application_name ?? 'pg-catchup',
    // A long copy leaves the control connection idle; keepalives stop firewalls from dropping it.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...extra,
  };
  config.password = k.password ?? passwordFromFile(conn, 'replication' in extra);
  if (k.connect_timeout) config.connectionTimeoutMillis = Number(k.connect_timeout) * 1000;
  const ssl = sslConfig(k);
  if (ssl !== undefined) config.ssl = ssl;
  return config;
}

/**
 * Asked only when the server wants a password: the password file's line for this connection.
 * Physical replication connections match the database "replication", as libpq's callers do.
 */
function passwordFromFile(conn: ResolvedConnection, replication: boolean): () => Promise<string> {
  const k = conn.keywords;
  return async () => {
    const file = k.passfile ?? path.join(process.env.HOME || os.homedir(), '.pgpass');
    const key = { host: k.host, port: k.port, database: replication ? 'replication' : (k.dbname ?? 'postgres'), user: k.user };
    const found = lookupPassword(file, key);
    if (found.password !== undefined) return found.password;
    throw new CatchupError('no-password',
      `The source (${conn.display}) asks for a password and none was given: not in the connection string or PGPASSWORD, and ${found.why}.`,
      'Put it in PGPASSWORD or in a password file line host:port:database:user:password (mode 0600; ~/.pgpass, PGPASSFILE or passfile=), ' +
      'with database "replication" (or *) for the WAL stream.');
  };
}

function sslConfig(k: Conninfo): ClientConfig['ssl'] {
  const mode = k.sslmode ?? 'disable';
  if (mode === 'disable' || mode === 'allow' || mode === 'prefer') return undefined;
  const read = (p?: string) => (p ? fs.readFileSync(p, 'utf8') : undefined);
  return {
    rejectUnauthorized: mode === 'verify-ca' || mode === 'verify-full',
    ca: read(k.sslrootcert),
    cert: read(k.sslcert),
    key: read(k.sslkey),
    ...(mode === 'verify-ca' ? { checkServerIdentity: () => undefined } : {}),
  };
}
