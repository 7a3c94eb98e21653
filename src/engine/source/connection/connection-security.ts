import type { CheckResult } from '../../preflight/check';
import type { ResolvedConnection } from '../connection-options';
import { describeServer, isLocalPeer } from './connection-report';

/**
 * Whether the source's data crosses the network encrypted. Clear text over a non-loopback
 * address is a warning: the whole cluster and its WAL would be readable on the wire.
 */
export function checkConnectionSecurity(conn: ResolvedConnection): CheckResult {
  const base = { id: 'connection-security', title: 'Connection to the source is encrypted' };
  const s = conn.choice.server;
  const notes = conn.notices.length > 0 ? ` (${conn.notices.join('; ')})` : '';
  if (!s) return { ...base, status: 'skip', detail: 'no connection was made' };
  if (!s.tls && !isLocalPeer(s)) {
    return {
      ...base, status: 'warn',
      detail: `the source was reached in clear text at ${describeServer(s)}: the copied files and WAL would cross the network unencrypted${notes}`,
      fix: 'Turn ssl on at the source and connect with sslmode=verify-full (sslrootcert=the CA file), or at least sslmode=require.',
    };
  }
  return { ...base, status: 'pass', detail: `${describeServer(s)}${notes}` };
}
