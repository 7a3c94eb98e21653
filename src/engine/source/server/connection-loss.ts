import { CatchupError, errorMessage } from '../../errors';
import type { ResolvedConnection } from '../connection-options';
import { connectSource, lastConnectionDrop } from '../source-connect';

// SQLSTATEs of a server going away under a session: admin_shutdown (fast or smart stop,
// pg_terminate_backend), crash_shutdown, and the "starting up / shutting down" refusal.
const SHUTDOWN_CODES = new Set(['57P01', '57P02', '57P03']);
const NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/**
 * A lost source connection (network cut, source stopped or restarted) in one line that says
 * what happened and what to do, instead of a socket error and its stack; null for anything
 * else. What happened is asked of the source itself, once: a later postmaster start time than
 * the run saw means it restarted, no answer means it is down, the same one means the
 * connection alone was cut (network, proxy, pg_terminate_backend).
 */
export async function explainSourceLoss(err: unknown, conn: ResolvedConnection, postmasterStart: string | null): Promise<CatchupError | null> {
  if (err instanceof CatchupError) return null;
  // node-postgres reports a query on a dropped client as "not queryable": the cause came earlier.
  const cause = /not queryable/.test(errorMessage(err)) ? lastConnectionDrop() ?? err : err;
  const code = (cause as { code?: string })?.code ?? '';
  const msg = errorMessage(cause);
  const lost = SHUTDOWN_CODES.has(code) || NETWORK_CODES.has(code) || /Connection terminated|connection (was )?(closed|lost|ended)|server closed the connection|not queryable/i.test(msg);
  if (!lost) return null;
  const what = await askTheSource(conn, postmasterStart);
  return new CatchupError('source-lost', `The connection to the source (${conn.display}) was lost mid-run: ${what} (${msg}).`,
    'Check that the source is up and reachable, then run the same command again: an interrupted target is marked (PostgreSQL refuses to start it) and the rerun resumes.');
}

async function askTheSource(conn: ResolvedConnection, postmasterStart: string | null): Promise<string> {
  try {
    const client = await connectSource(conn, { connectionTimeoutMillis: 3000 });
    try {
      const res = await client.query<{ started: string }>('SELECT pg_postmaster_start_time()::text AS started');
      if (postmasterStart !== null && res.rows[0].started !== postmasterStart) return `the source restarted (up again since ${res.rows[0].started})`;
      return 'the source is up and did not restart, so the connection itself was cut (network, proxy, or a terminated backend)';
    } finally {
      await client.end().catch(() => undefined);
    }
  } catch (probe) {
    return `the source does not answer now (${errorMessage(probe)}): it is down or restarting`;
  }
}
