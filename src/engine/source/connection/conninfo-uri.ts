import { CatchupError } from '../../errors';
import { isLibpqKeyword } from './keywords';

/**
 * A postgresql:// URI as libpq reads it (RFC 3986 shape plus libpq's extensions): several
 * comma-separated hosts, each with its own port (`postgresql://a:5432,b:5433/db`), IPv6 in
 * brackets, percent-encoded socket directories, query parameters that are libpq keywords.
 */
const URI_PREFIX = /^postgres(ql)?:\/\//;

export function isConnectionUri(text: string): boolean {
  return URI_PREFIX.test(text);
}

export function parseConnectionUri(text: string): Record<string, string> {
  const bad: Bad = (what) =>
    new CatchupError('conninfo-syntax', `Connection URI is malformed: ${what} (${redactUri(text)}).`,
      'Use the form postgresql://user@host1:port1,host2:port2/dbname?sslmode=verify-full.');
  const result: Record<string, string> = {};
  const rest = takeUserinfo(text.replace(URI_PREFIX, ''), result, bad);
  let i = takeHosts(rest, result, bad);
  if (rest[i] === '/') {
    const start = ++i;
    while (i < rest.length && rest[i] !== '?') i++;
    const db = decode(rest.slice(start, i), bad);
    if (db !== '') result.dbname = db;
  }
  if (rest[i] === '?') takeQuery(rest.slice(i + 1), result, bad);
  return result;
}

type Bad = (what: string) => Error;

/** As libpq: credentials are whatever comes before an '@' that precedes the first '/'. Returns the rest. */
function takeUserinfo(rest: string, result: Record<string, string>, bad: Bad): string {
  const slash = rest.indexOf('/');
  const at = rest.slice(0, slash < 0 ? undefined : slash).indexOf('@');
  if (at < 0) return rest;
  const userinfo = rest.slice(0, at);
  const colon = userinfo.indexOf(':');
  const user = decode(colon < 0 ? userinfo : userinfo.slice(0, colon), bad);
  if (user !== '') result.user = user;
  if (colon >= 0) {
    const password = decode(userinfo.slice(colon + 1), bad);
    if (password !== '') result.password = password;
  }
  return rest.slice(at + 1);
}

/** host[:port] entries separated by ',' (IPv6 in brackets), as host and port lists; returns where they end. */
function takeHosts(rest: string, result: Record<string, string>, bad: Bad): number {
  const hosts: string[] = [];
  const ports: string[] = [];
  let i = 0;
  for (;;) {
    let host: string;
    if (rest[i] === '[') {
      const close = rest.indexOf(']', i);
      if (close < 0) throw bad('an IPv6 host address is missing its "]"');
      host = rest.slice(i + 1, close);
      if (host === '') throw bad('an IPv6 host address is empty');
      i = close + 1;
    } else {
      const start = i;
      while (i < rest.length && !':/?,'.includes(rest[i])) i++;
      host = rest.slice(start, i);
    }
    let port = '';
    if (rest[i] === ':') {
      const start = ++i;
      while (i < rest.length && !'/?,'.includes(rest[i])) i++;
      port = rest.slice(start, i);
    } else if (i < rest.length && !'/?,'.includes(rest[i])) {
      throw bad(`unexpected "${rest[i]}" after host "${host}"`);
    }
    hosts.push(decode(host, bad));
    ports.push(decode(port, bad));
    if (rest[i] !== ',') break;
    i++;
  }
  const hostText = hosts.join(',');
  const portText = ports.join(',');
  if (hostText !== '') result.host = hostText;
  if (portText.replace(/,/g, '') !== '') result.port = portText;
  return i;
}

/** key=value&... parameters: each a libpq keyword (and libpq's JDBC-compatible ssl=true). */
function takeQuery(query: string, result: Record<string, string>, bad: Bad): void {
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const parts = pair.split('=');
    if (parts.length !== 2) throw bad(parts.length < 2 ? `missing "=" in query parameter "${pair}"` : `extra "=" in query parameter "${pair}"`);
    let key = decode(parts[0], bad);
    let value = decode(parts[1], bad);
    if (key === 'ssl' && value === 'true') {
      key = 'sslmode';
      value = 'require';
    }
    if (!isLibpqKeyword(key)) throw bad(`"${key}" is not a connection option`);
    result[key] = value;
  }
}

function decode(text: string, bad: Bad): string {
  if (/%(?![0-9a-fA-F]{2})/.test(text)) throw bad(`invalid percent-encoding in "${text}"`);
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    throw bad(`"${text}" does not decode to UTF-8`);
  }
  if (decoded.includes('\0')) throw bad('a percent-encoded NUL byte');
  return decoded;
}

export function redactUri(text: string): string {
  return text.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/, '$1:***@').replace(/([?&](?:ssl)?password=)[^&]*/g, '$1***');
}
