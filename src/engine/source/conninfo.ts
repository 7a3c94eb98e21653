import { CatchupError } from '../errors';

/** libpq connection keywords as a plain map (keyword -> value). */
export type Conninfo = Record<string, string>;

const URI_PREFIXES = ['postgresql://', 'postgres://'];

export function isConnectionUri(text: string): boolean {
  return URI_PREFIXES.some((p) => text.startsWith(p));
}

/**
 * Parses a libpq key=value string (`host=db1 port=5432 user='a b'`), with libpq's quoting:
 * single quotes around values, backslash escapes inside them.
 */
export function parseKeyValueConninfo(text: string): Conninfo {
  const result: Conninfo = {};
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  while (true) {
    skipSpace();
    if (i >= text.length) return result;
    const keyStart = i;
    while (i < text.length && text[i] !== '=' && !/\s/.test(text[i])) i++;
    const key = text.slice(keyStart, i);
    skipSpace();
    if (text[i] !== '=') {
      throw new CatchupError('conninfo-syntax', `Connection string is malformed: missing "=" after "${key}".`,
        'Write it as key=value pairs (host=... port=... user=... dbname=...) or as a postgresql:// URI.');
    }
    i++;
    skipSpace();
    let value = '';
    if (text[i] === "'") {
      i++;
      let closed = false;
      while (i < text.length) {
        const ch = text[i];
        if (ch === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
        } else if (ch === "'") {
          i++;
          closed = true;
          break;
        } else {
          value += ch;
          i++;
        }
      }
      if (!closed) {
        throw new CatchupError('conninfo-syntax', `Connection string is malformed: unterminated quoted value for "${key}".`,
          "Close the value with a single quote, or escape quotes inside it as \\'.");
      }
    } else {
      while (i < text.length && !/\s/.test(text[i])) {
        if (text[i] === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
        } else {
          value += text[i++];
        }
      }
    }
    result[key] = value;
  }
}

/** Parses a postgresql:// URI into libpq keywords (query parameters become keywords too). */
export function parseConnectionUri(text: string): Conninfo {
  let url: URL;
  try {
    // WHATWG URL does not know the postgres scheme's authority rules well; http parses the same shape.
    url = new URL(text.replace(/^postgres(ql)?:\/\//, 'http://'));
  } catch {
    throw new CatchupError('conninfo-syntax', `Connection URI is malformed: ${redactUri(text)}.`,
      'Use the form postgresql://user@host:port/dbname?sslmode=prefer.');
  }
  const result: Conninfo = {};
  if (url.hostname) result.host = decodeURIComponent(url.hostname.replace(/^\[|\]$/g, ''));
  if (url.port) result.port = url.port;
  if (url.username) result.user = decodeURIComponent(url.username);
  if (url.password) result.password = decodeURIComponent(url.password);
  const db = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (db) result.dbname = db;
  for (const [key, value] of url.searchParams) result[key] = value;
  return result;
}

export function parseConninfo(text: string): Conninfo {
  return isConnectionUri(text) ? parseConnectionUri(text) : parseKeyValueConninfo(text);
}

/** Quotes a value for a libpq key=value string (as primary_conninfo needs). */
export function quoteConninfoValue(value: string): string {
  if (value !== '' && /^[^\s'\\]+$/.test(value)) return value;
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function formatConninfo(info: Conninfo): string {
  return Object.entries(info)
    .map(([k, v]) => `${k}=${quoteConninfoValue(v)}`)
    .join(' ');
}

function redactUri(text: string): string {
  return text.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
