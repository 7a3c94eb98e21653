import fs from 'fs';
import { CatchupError } from '../../errors';

/**
 * The servers a connection string names, in the order libpq tries them: `host`, `hostaddr` and
 * `port` are comma-separated lists of one length (one port may serve every host); an empty
 * entry means libpq's default (the Unix socket directory, port 5432).
 */
export interface HostTarget {
  /** The host name or socket directory: what TLS verification and the password file match. */
  host: string | null;
  /** A numeric address to connect to instead of resolving `host`. */
  hostaddr: string | null;
  port: number;
}

const DEFAULT_PORT = 5432;
/** Debian's libpq looks in /var/run/postgresql; upstream builds in /tmp. */
const SOCKET_DIRS = ['/var/run/postgresql', '/tmp'];

export function isSocketDir(host: string | null): boolean {
  return host !== null && (host.startsWith('/') || host.startsWith('@'));
}

/** Where a target is, for messages: `host "a" (10.0.0.1), port 5432` as libpq says it. */
export function describeTarget(t: HostTarget): string {
  if (isSocketDir(t.host) && !t.hostaddr) return `socket "${t.host}/.s.PGSQL.${t.port}"`;
  const name = t.host ?? t.hostaddr;
  const addr = t.host && t.hostaddr ? ` (${t.hostaddr})` : '';
  return `"${name}"${addr}, port ${t.port}`;
}

export function hostTargets(k: Record<string, string>): HostTarget[] {
  const hosts = splitList(k.host);
  const addrs = splitList(k.hostaddr);
  let count: number;
  if (addrs.length > 0) {
    if (hosts.length > 0 && hosts.length !== addrs.length) {
      throw listMismatch(`${hosts.length} host names (host=${k.host}) cannot be matched to ${addrs.length} addresses (hostaddr=${k.hostaddr})`);
    }
    count = addrs.length;
  } else {
    count = Math.max(hosts.length, 1);
  }
  const ports = splitList(k.port);
  if (ports.length > 1 && ports.length !== count) {
    throw listMismatch(`${ports.length} port numbers (port=${k.port}) cannot be matched to ${count} hosts`);
  }
  const targets: HostTarget[] = [];
  for (let i = 0; i < count; i++) {
    const portText = ports.length === 0 ? '' : ports.length === 1 ? ports[0] : ports[i];
    const port = portText === '' ? DEFAULT_PORT : parsePort(portText);
    const hostaddr = addrs[i] || null;
    let host = hosts[i] || null;
    if (!host && !hostaddr) host = defaultSocketDir(port);
    targets.push({ host, hostaddr, port });
  }
  return targets;
}

/** load_balance_hosts=random: libpq shuffles the hosts once per connection attempt. */
export function shuffled<T>(items: T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function splitList(value: string | undefined): string[] {
  if (value === undefined || value === '') return [];
  return value.split(',');
}

function parsePort(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
    throw new CatchupError('bad-port', `Source port "${text}" is not a TCP port number.`,
      'Give port (or -p/--port) as a number from 1 to 65535, or a comma-separated list with one number per host.');
  }
  return Number(text);
}

function listMismatch(what: string): CatchupError {
  return new CatchupError('conninfo-host-list', `The connection string's host lists do not match: ${what}.`,
    'Give one entry per host in each list (empty entries mean the default), or a single port for all hosts.');
}

/** The socket directory that has this port's socket; Debian's libpq default when none has it. */
function defaultSocketDir(port: number): string {
  return SOCKET_DIRS.find((dir) => fs.existsSync(`${dir}/.s.PGSQL.${port}`)) ?? SOCKET_DIRS[0];
}
