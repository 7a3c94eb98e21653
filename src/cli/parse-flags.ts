import { parseConninfo } from '../engine/source/conninfo';
import { parseArgs, ParseArgsConfig } from 'util';
import { ChangeSourceError, ForcedChangeSources, parseChangeSources } from '../engine/plan/change-source-choice';
import { UsageError } from './usage-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict flag parsing: an unknown flag or a stray argument is a usage error, never ignored. */
export function parseFlags(command: string, argv: string[], options: Options) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify.*$/s, ''), command);
  }
}

/** The connection flags every PostgreSQL client has. */
export const CONNECTION_FLAGS: Options = {
  host: { type: 'string', short: 'h' },
  port: { type: 'string', short: 'p' },
  username: { type: 'string', short: 'U' },
  dbname: { type: 'string', short: 'd' },
};

export const CONNECTION_HELP = `Connection options (PG* environment variables and ~/.pgpass apply too):
  -h, --host=HOST          source server host or socket directory
  -p, --port=PORT          source server port
  -U, --username=NAME      connect as this role
  -d, --dbname=CONNSTR     database name, or a conninfo string / postgresql:// URI`;

export function parseIntFlag(command: string, name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`, command);
  }
  return Number(value);
}

/** Target layout flags: where tablespaces go, and what of the target stays untouched. */
export const LAYOUT_FLAGS: Options = {
  'tablespace-mapping': { type: 'string', short: 'T', multiple: true },
  'exclude-path': { type: 'string', short: 'x', multiple: true },
};

export const LAYOUT_HELP = `  -T, --tablespace-mapping=OLDDIR=NEWDIR
                                 put the source tablespace at OLDDIR into NEWDIR on the
                                 target (several pairs: OLDDIR1=NEWDIR1:OLDDIR2=NEWDIR2, or
                                 repeat -T); by default a tablespace keeps its path
  -x, --exclude-path=PATH        keep this target path (file or directory, relative to
                                 PGDATA) untouched: neither copied from the source nor removed
                                 (repeatable; e.g. postgresql.conf, pg_hba.conf)`;

export function layoutValues(values: Record<string, unknown>): { tablespaceMapping: string[]; excludePaths: string[] } {
  return {
    tablespaceMapping: (values['tablespace-mapping'] as string[] | undefined) ?? [],
    excludePaths: (values['exclude-path'] as string[] | undefined) ?? [],
  };
}

/**
 * Hidden (not in --help): `--change-source source=METHOD|target=METHOD`, repeatable, forces the
 * change source of a side, so tests and the bench can prove and measure each one on its own.
 */
export const CHANGE_SOURCE_FLAG: Options = {
  'change-source': { type: 'string', multiple: true },
};

export function changeSourceValues(values: Record<string, unknown>, command: string): { changeSources?: ForcedChangeSources } {
  const raw = values['change-source'] as string[] | undefined;
  if (!raw) return {};
  try {
    return { changeSources: parseChangeSources(raw) };
  } catch (err) {
    if (err instanceof ChangeSourceError) throw new UsageError(err.message, command);
    throw err;
  }
}

/**
 * A password inside a connection string on the command line is readable by every user of the
 * host (ps, /proc/PID/cmdline) for as long as the run lasts: said once, with the safer ways. The
 * password itself is never printed (the engine logs connections without it).
 */
export function warnOfCommandLinePassword(conninfo: string | undefined, logger: { warn(m: string): void }): void {
  if (!conninfo) return;
  let hasPassword = false;
  try {
    hasPassword = looksLikeConninfo(conninfo) && parseConninfo(conninfo).password !== undefined;
  } catch {
    return; // malformed: the engine refuses it with its own (redacted) message
  }
  if (hasPassword) {
    logger.warn('the connection string on the command line holds a password, which other users of this host can read (ps, /proc) while the run lasts: use PGPASSWORD, ~/.pgpass or a passfile= instead');
  }
}

function looksLikeConninfo(s: string): boolean {
  return s.includes('=') || /^postgres(ql)?:\/\//.test(s);
}
