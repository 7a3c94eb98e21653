import { Client, ClientConfig } from 'pg';
import { CatchupError, errorMessage, isCatchupError } from '../errors';
import { ResolvedConnection } from './connection-options';
import { ChosenServer, openConnection } from './connection/open-connection';
import { isUnknownAuthRequest } from './connection/unknown-auth-request';
import { quoteIdent } from '../sql-quote';

export { quoteIdent, quoteLiteral } from '../sql-quote';

/** node-postgres passes `replication` through as a startup parameter; its types omit it. */
export type SourceClientConfig = Partial<ClientConfig> & { replication?: 'true' };

let lastDrop: Error | null = null;

/** The error with which the server or the network last dropped one of our SQL connections. */
export function lastConnectionDrop(): Error | null {
  return lastDrop;
}

/** Opens a SQL (or replication) connection to the source, turning libpq-level failures into refusals. */
export async function connectSource(conn: ResolvedConnection, extra: SourceClientConfig = {}): Promise<Client> {
  let client: Client;
  try {
    ({ client } = await openConnection(conn, extra));
  } catch (err) {
    throw describeConnectError(err, conn, extra.replication !== undefined);
  }
  // An idle connection that the server or network drops must not crash the process; the cause
  // is kept, since the next query only says the client "is not queryable".
  client.on('error', (err) => {
    lastDrop = err;
  });
  // Set-returning functions are estimated at 1000 rows per call, so our listing and scan queries
  // look huge to the planner and JIT compiles them: 130 ms for a 1000-file listing that runs in 10.
  if (extra.replication === undefined) await client.query('SET jit = off');
  return client;
}

/** The server the run's connections go to (after the first connection), or null before it. */
export function chosenServer(conn: ResolvedConnection): ChosenServer | null {
  return conn.choice.server ?? null;
}

function describeConnectError(err: unknown, conn: ResolvedConnection, replication: boolean): CatchupError {
  if (isCatchupError(err)) return err; // already says what is wrong (no password found, no host reachable)
  const code = (err as { code?: string }).code;
  const msg = errorMessage(err);
  const where = `the source (${conn.display})`;
  if (isUnknownAuthRequest(err)) {
    return new CatchupError('auth-unsupported', `The source (${conn.display}) asks for ${err.method} authentication (Kerberos), which pg-catchup cannot do: node-postgres has no GSSAPI.`,
      'Add a pg_hba.conf line on the source for this host with scram-sha-256 or cert authentication.');
  }
  if (/certificate|SSL|TLS|self[- ]signed|altnames/i.test(msg) || /^ERR_TLS|CERT|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED/.test(code ?? '')) {
    return new CatchupError('ssl-failed', `The TLS connection to ${where} failed: ${msg}.`,
      'Check sslmode, sslrootcert (the CA that signed the server\'s certificate) and, for verify-full, that the host name is in the certificate.');
  }
  if (code === '53300' && replication) {
    return new CatchupError('no-wal-sender',
      `Cannot open a replication connection to ${where}: ${msg}.`,
      'All wal senders are in use: raise max_wal_senders on the source (restart needed) or stop an idle replication client.');
  }
  if (code === '28000' && replication) {
    return new CatchupError('replication-not-allowed',
      `The source refused a replication connection (${conn.display}): ${msg}.`,
      `Add a pg_hba.conf line for the "replication" database for user ${conn.keywords.user}, and make sure the role has REPLICATION (ALTER ROLE ${quoteIdent(conn.keywords.user)} REPLICATION;).`);
  }
  if (code === '28P01' || code === '28000') {
    return new CatchupError('auth-failed', `Authentication to ${where} failed: ${msg}.`,
      'Check the user and password (PGPASSWORD, ~/.pgpass or the connection string) and pg_hba.conf on the source.');
  }
  if (code === '3D000') {
    return new CatchupError('no-database', `Connecting to ${where} failed: ${msg}.`, 'Name an existing database with -d/--dbname.');
  }
  return new CatchupError('source-unreachable', `Cannot connect to ${where}: ${msg}.`,
    'Check that the source server is running and that -h/--host and -p/--port (or the connection string) point to it.');
}
