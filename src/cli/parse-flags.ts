import { ChangeSourceError, ForcedChangeSources, parseChangeSources, parseConninfo, parseMaxRate } from '../engine';
import type { SourceConnectionOptions, SyncMethod } from '../engine';
import { parseArgs, ParseArgsConfig } from 'util';
import type { ProgressStyle } from './progress-printer';
import { UsageError } from './usage-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict flag parsing: an unknown flag or a stray argument is a usage error, never ignored. */
export function parseFlags(command: string, argv: string[], options: Options) {
  try {
    return parseArgs({ args: progressStyleArgs(argv, options), options, strict: true, allowPositionals: false });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify.*$/s, ''), command);
  }
}

/**
 * -P/--progress is a switch that also takes a style, which parseArgs cannot say: --progress=json,
 * and --progress json (no positional arguments exist, so a following json or text is its value).
 */
function progressStyleArgs(argv: string[], options: Options): string[] {
  if (!options['progress-style']) return argv;
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--progress=')) args.push(`--progress-style=${a.slice('--progress='.length)}`);
    else if ((a === '--progress' || a === '-P') && (argv[i + 1] === 'json' || argv[i + 1] === 'text')) args.push(`--progress-style=${argv[++i]}`);
    else args.push(a);
  }
  return args;
}

/** How a run moves data: its progress lines, its rate cap, how it makes writes durable. */
export const TRANSFER_FLAGS: Options = {
  progress: { type: 'boolean', short: 'P' },
  'progress-style': { type: 'string' },
  'max-rate': { type: 'string', short: 'r' },
  'sync-method': { type: 'string' },
};

export const TRANSFER_HELP = `  -P, --progress[=json|text]     progress on stderr: bytes, total, rate, ETA and phase, every 2 s
                                 on a terminal, every 10 s into a pipe or log; =json for one
                                 JSON object per line (every 5 s) for machines
  -r, --max-rate=RATE            cap the rate of file data read from the source, in kB/s or with
                                 k or M (as pg_basebackup's -r; 32k to 1024M); WAL is not capped
      --sync-method=METHOD       fsync (default): every written file is fsynced; syncfs: one
                                 syncfs per file system (Linux), much faster for many files`;

export function transferValues(values: Record<string, unknown>, command: string): {
  progress: ProgressStyle; maxRateBytesPerSecond?: number; syncMethod?: SyncMethod;
} {
  const styleText = values['progress-style'] as string | undefined;
  if (styleText !== undefined && styleText !== 'json' && styleText !== 'text') {
    throw new UsageError(`--progress takes json or text, not "${styleText}"`, command);
  }
  const progress: ProgressStyle = styleText === 'json' ? 'json' : styleText === 'text' || values.progress ? 'text' : 'off';
  let maxRateBytesPerSecond: number | undefined;
  if (values['max-rate'] !== undefined) {
    try {
      maxRateBytesPerSecond = parseMaxRate(values['max-rate'] as string);
    } catch (err) {
      throw new UsageError(`-r/--max-rate: ${(err as Error).message}`, command);
    }
  }
  const method = values['sync-method'] as string | undefined;
  if (method !== undefined && method !== 'fsync' && method !== 'syncfs') {
    throw new UsageError(`--sync-method takes fsync or syncfs, not "${method}"`, command);
  }
  return { progress, maxRateBytesPerSecond, syncMethod: method as SyncMethod | undefined };
}

/** The connection flags every PostgreSQL client has. */
export const CONNECTION_FLAGS: Options = {
  host: { type: 'string', short: 'h' },
  port: { type: 'string', short: 'p' },
  username: { type: 'string', short: 'U' },
  dbname: { type: 'string', short: 'd' },
};

/**
 * The source as catchup and preflight take it: the connection flags, or --source-pgdata (a
 * stopped data directory here), whose connection flags, if any, only name -R's server.
 */
export function sourceValues(values: Record<string, unknown>, command: string, mode: string): { source?: SourceConnectionOptions; sourcePgdata?: string } {
  const source: SourceConnectionOptions = {
    host: values.host as string | undefined, port: values.port as string | undefined,
    user: values.username as string | undefined, dbname: values.dbname as string | undefined,
  };
  const sourcePgdata = values['source-pgdata'] as string | undefined;
  if (sourcePgdata === undefined) return { source };
  if (mode === 'PTRACK') throw new UsageError('-b PTRACK reads the change tracking of a running server and cannot take --source-pgdata: use -b DELTA', command);
  const connectionGiven = Object.values(source).some((v) => v !== undefined);
  if (values['write-recovery-conf'] && !connectionGiven) {
    throw new UsageError('-R writes primary_conninfo, and --source-pgdata gives no server: add the connection options (-h, -p, -U or -d) of the server the target will follow', command);
  }
  return { source: connectionGiven ? source : undefined, sourcePgdata };
}

export const SOURCE_PGDATA_FLAG: Options = { 'source-pgdata': { type: 'string' } };

export const CONNECTION_HELP = `Connection options, as libpq takes them (PG* variables, service files and ~/.pgpass apply
too; TLS when the server offers it, sslmode=prefer; docs/connections.md):
  -h, --host=HOST          source server host or socket directory (a,b,c: tried in order)
  -p, --port=PORT          source server port (one, or one per host)
  -U, --username=NAME      connect as this role
  -d, --dbname=CONNSTR     database name, or a conninfo string / postgresql:// URI
                           (e.g. 'host=a,b target_session_attrs=read-write sslmode=verify-full')`;

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
