import fs from 'fs';
import path from 'path';

/**
 * libpq's password file (~/.pgpass, PGPASSFILE or passfile=): `host:port:database:user:password`
 * lines, `*` matching anything, `\` escaping `:` and `\`. We read it ourselves so that the
 * passfile= keyword works, replication connections match "replication" as libpq's do, and a
 * file that is ignored says why.
 */
export interface PasswordLookupKey {
  host: string;
  port: string;
  database: string;
  user: string;
}

export type PasswordLookup = { password: string; file: string } | { password: undefined; file: string; why: string };

/** Unix socket directories libpq treats as "localhost" when matching the file. */
const DEFAULT_SOCKET_DIRS = ['/var/run/postgresql', '/run/postgresql', '/tmp'];

export function passwordFilePath(passfile: string | undefined, env: Record<string, string | undefined>, home: string): string {
  if (passfile) return passfile;
  if (env.PGPASSFILE) return env.PGPASSFILE;
  return path.join(env.HOME || home, '.pgpass');
}

/** The password of the first line that matches, as libpq picks it. */
export function findPassword(text: string, key: PasswordLookupKey): string | undefined {
  const hosts = DEFAULT_SOCKET_DIRS.includes(key.host) ? [key.host, 'localhost'] : [key.host];
  const wanted = [hosts, [key.port], [key.database], [key.user]];
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    const fields = splitFields(line);
    if (fields.length < 5) continue;
    // Only an unescaped, lone `*` is a wildcard; `\*` is a literal star.
    const matches = wanted.every((values, i) => fields[i] === '*' || values.includes(unescape(fields[i])));
    if (matches) return unescape(fields[4]); // as libpq: the password ends at an unescaped ':'
  }
  return undefined;
}

/** Splits on unescaped ':'. */
function splitFields(line: string): string[] {
  const fields: string[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === ':') {
      fields.push(line.slice(start, i));
      start = i + 1;
    }
  }
  fields.push(line.slice(start));
  return fields;
}

function unescape(field: string): string {
  return field.replace(/\\(.)/g, '$1');
}

/** Reads the file and looks the key up; a missing or unsafe file gives no password and says why. */
export function lookupPassword(file: string, key: PasswordLookupKey): PasswordLookup {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return { password: undefined, file, why: `${file} does not exist` };
  }
  if (!st.isFile()) return { password: undefined, file, why: `${file} is not a plain file` };
  // libpq ignores a password file others can read; so do we, rather than leak a habit that it refuses.
  if (st.mode & 0o077) {
    return { password: undefined, file,
      why: `${file} was ignored: it has group or world access (mode 0${(st.mode & 0o777).toString(8)}); run chmod 0600 ${file}` };
  }
  const password = findPassword(fs.readFileSync(file, 'utf8'), key);
  if (password === undefined) {
    return { password: undefined, file, why: `${file} has no line for ${key.host}:${key.port}:${key.database}:${key.user}` };
  }
  return { password, file };
}
