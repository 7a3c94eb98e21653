import { CatchupError } from '../errors';
import { isConnectionUri, parseConnectionUri } from './connection/conninfo-uri';
import { isLibpqKeyword } from './connection/keywords';

export { isConnectionUri, parseConnectionUri };

/** libpq connection keywords as a plain map (keyword -> value). */
export type Conninfo = Record<string, string>;

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
    if (!isLibpqKeyword(key)) {
      throw new CatchupError('conninfo-syntax', `Connection string has an invalid connection option "${key}".`,
        'Use libpq\'s keywords (host, hostaddr, port, dbname, user, sslmode, service, target_session_attrs, ...); see the connection section of the docs.');
    }
    result[key] = value;
  }
}

/** Whether libpq would take this dbname as a connection string rather than a database name. */
export function looksLikeConninfo(text: string): boolean {
  return text.includes('=') || isConnectionUri(text);
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

