/** The bench's command line. */
import { parseArgs } from 'util';

/** Sections, in the order they run: delta and rewind change the source, so full goes first. */
export const SECTIONS = ['full', 'delta', 'rewind'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchFlags {
  sizeMb: number;
  runs: number;
  pgVersion: number;
  only: Section[];
  /** delta: the share of pgbench_accounts' heap pages changed on the primary, ascending. */
  changedPct: number[];
}

export const USAGE = `usage: npm run bench -- [--size-mb N] [--runs N] [--pg-version N] [--only ${SECTIONS.join('|')}] [--changed-pct P[,P...]]
  --size-mb N          size of the database to build (default 1024)
  --runs N             runs per tool; min and median are reported (default 2)
  --pg-version N       PostgreSQL major version (default 15: the one with pg_basebackup, pg_rewind and pgbench here)
  --only SECTION       run one section (default: all of ${SECTIONS.join(', ')})
  --changed-pct P,...  delta: percent of the big table's pages changed since the stale copy (default 2;
                       a list such as 1,3,10,30 runs each, cumulatively on the same primary)`;

export class FlagError extends Error {}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new FlagError(`--${name} must be a positive integer, not "${raw}"`);
  return n;
}

function percentList(raw: string | undefined): number[] {
  if (raw === undefined) return [2];
  const list = raw.split(',').map((p) => p.trim());
  const nums = list.map(Number);
  nums.forEach((n, i) => {
    if (list[i] === '' || !Number.isFinite(n) || n <= 0 || n > 100) throw new FlagError(`--changed-pct: "${list[i]}" is not a percentage in (0, 100]`);
  });
  return [...new Set(nums)].sort((a, b) => a - b);
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
        'changed-pct': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new FlagError((err as Error).message);
  }
  if (values.help) return null;
  const only = values.only as string | undefined;
  if (only !== undefined && !(SECTIONS as readonly string[]).includes(only)) {
    throw new FlagError(`--only ${only}: not a section (there are ${SECTIONS.join(', ')})`);
  }
  return {
    sizeMb: positiveInt('size-mb', values['size-mb'] as string | undefined, 1024),
    runs: positiveInt('runs', values.runs as string | undefined, 2),
    pgVersion: positiveInt('pg-version', values['pg-version'] as string | undefined, 15),
    only: only === undefined ? [...SECTIONS] : [only as Section],
    changedPct: percentList(values['changed-pct'] as string | undefined),
  };
}
