import fs from 'fs';
import path from 'path';
import { CatchupError } from '../../errors';
import { isLibpqKeyword } from './keywords';

/**
 * libpq's connection service file: `[name]` sections of `keyword=value` lines. The user's file
 * (PGSERVICEFILE, else ~/.pg_service.conf) is searched first and, only when it lacks the
 * service, the system one (PGSYSCONFDIR/pg_service.conf; Debian's libpq is built with
 * /etc/postgresql-common). A service found nowhere is an error, as in libpq.
 */
export const DEBIAN_SYSCONFDIR = '/etc/postgresql-common';

export function serviceFiles(env: Record<string, string | undefined>, home: string): string[] {
  const user = env.PGSERVICEFILE ?? path.join(home, '.pg_service.conf');
  const system = path.join(env.PGSYSCONFDIR ?? DEBIAN_SYSCONFDIR, 'pg_service.conf');
  return [user, system];
}

export function lookupService(name: string, env: Record<string, string | undefined>, home: string): Record<string, string> {
  const files = serviceFiles(env, home);
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue; // libpq skips a file it cannot stat
    }
    const found = parseServiceFile(text, name, file);
    if (found) return found;
  }
  throw new CatchupError('service-not-found', `Connection service "${name}" is not defined in ${files.join(' or ')}.`,
    `Add a [${name}] section to one of them (or point PGSERVICEFILE at the file that has it), or drop service=/PGSERVICE.`);
}

/** The keywords of one service in a file's text, or null when the file has no such section. */
export function parseServiceFile(text: string, name: string, file: string): Record<string, string> | null {
  let inGroup = false;
  let found: Record<string, string> | null = null;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].replace(/\s+$/, '').replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const where = `${file}, line ${n + 1}`;
    if (line.startsWith('[')) {
      // A second section of the same name ends the search, as libpq stops at the next group.
      if (found) return found;
      inGroup = line.slice(1, line.indexOf(']') < 0 ? undefined : line.indexOf(']')) === name;
      if (inGroup) found = {};
      continue;
    }
    if (!inGroup || !found) continue;
    const eq = line.indexOf('=');
    if (eq < 0) throw serviceSyntax(where, `"${line}" is not keyword=value`);
    const key = line.slice(0, eq);
    if (key === 'service') throw serviceSyntax(where, 'a service cannot name another service');
    if (!isLibpqKeyword(key)) throw serviceSyntax(where, `"${key}" is not a connection option`);
    // The first setting of a keyword wins.
    if (!(key in found)) found[key] = line.slice(eq + 1);
  }
  return found;
}

function serviceSyntax(where: string, what: string): CatchupError {
  return new CatchupError('service-file-syntax', `Service file ${where} is malformed: ${what}.`,
    'Fix that line: service files hold [name] sections of keyword=value lines, with # comments.');
}
