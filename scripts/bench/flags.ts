/** The bench's command line. */
import { parseArgs } from 'util';

/** Sections that exist; delta and rewind get their own when they are written. */
export const SECTIONS = ['full'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchFlags {
  sizeMb: number;
  runs: number;
  pgVersion: number;
  only: Section[];
}

export const USAGE = `usage: npm run bench -- [--size-mb N] [--runs N] [--pg-version N] [--only ${SECTIONS.join('|')}]
  --size-mb N     size of the database to build (default 1024)
  --runs N        runs per tool; min and median are reported (default 2)
  --pg-version N  PostgreSQL major version (default 15: the one with pg_basebackup and pgbench here)
  --only SECTION  run one section (default: all of ${SECTIONS.join(', ')})`;

export class FlagError extends Error {}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new FlagError(`--${name} must be a positive integer, not "${raw}"`);
  return n;
}

/** Parsed flags, or null for --help. Throws FlagError on bad usage. */
export function parseBenchFlags(argv: string[]): BenchFlags | null {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'size-mb': { type: 'string' },
        runs: { type: 'string' },
        'pg-version': { type: 'string' },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new FlagError((err as Error).message);
  }
  if (values.help) return null;
  const only = values.only as string | undefined;
  if (only !== undefined && !(SECTIONS as readonly string[]).includes(only)) {
    throw new FlagError(`--only ${only}: not a section (there is ${SECTIONS.join(', ')}; delta and rewind are not written yet)`);
  }
  return {
    sizeMb: positiveInt('size-mb', values['size-mb'] as string | undefined, 1024),
    runs: positiveInt('runs', values.runs as string | undefined, 2),
    pgVersion: positiveInt('pg-version', values['pg-version'] as string | undefined, 15),
    only: only === undefined ? [...SECTIONS] : [only as Section],
  };
}
