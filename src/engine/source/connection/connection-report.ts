import net from 'net';
import type { ConnectionPlan, ChosenServer } from './open-connection';
import { sessionAttrsOf } from './session-attrs';
import { sslModeOf } from './tls-options';
import type { ConnectionReport } from '../../report/report';

export type { ConnectionReport };


export function connectionReport(plan: ConnectionPlan): ConnectionReport | undefined {
  const s = plan.choice.server;
  if (!s) return undefined;
  return {
    host: s.target.host, hostaddr: s.target.hostaddr, port: s.target.port, address: s.address,
    sslmode: sslModeOf(plan.keywords), targetSessionAttrs: sessionAttrsOf(plan.keywords), tls: s.tls,
  };
}

/** One line for the log: `db1 (10.0.0.1) port 5432 over TLSv1.3 (certificate and host name verified)` or `... in clear text`. */
export function describeServer(s: ChosenServer): string {
  return describeReached(s.target.host, s.target.hostaddr, s.target.port, s.address, s.tls);
}

/** The same line from a report's `connection` (for summaries). */
export function describeConnectionReport(c: ConnectionReport): string {
  return `${describeReached(c.host, c.hostaddr, c.port, c.address, c.tls)}, sslmode=${c.sslmode}`;
}

function describeReached(host: string | null, hostaddr: string | null, port: number, address: string | null, tls: ChosenServer['tls']): string {
  const where = address === null ? `socket ${host}/.s.PGSQL.${port}` : `${host ?? hostaddr} (${address}) port ${port}`;
  if (!tls) return `${where} in clear text`;
  const checks = tls.hostNameVerified ? 'certificate and host name verified' : tls.certificateVerified ? 'certificate verified, host name not checked' : 'certificate not verified';
  return `${where} over ${tls.protocol} (${checks})`;
}

/** Loopback addresses and Unix sockets never leave this host. */
export function isLocalPeer(s: ChosenServer): boolean {
  if (s.address === null) return true;
  const addr = s.address.replace(/^::ffff:/, '');
  if (net.isIPv4(addr)) return addr.startsWith('127.');
  return addr === '::1';
}
