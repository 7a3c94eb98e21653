/** The bench's command line. */
import { parseArgs } from 'util';
import { LinkRate, parseLinkRate } from './wan-link';

/**
 * Sections, in the order they run: delta and rewind change the source, so full and rate (which
 * only read it) go first; sync builds a source of its own.
 */
export const SECTIONS = ['full', 'rate', 'delta', 'rewind', 'sync'] as const;
export type Section = (typeof SECTIONS)[number];

/** Sides and methods of pg-catchup's hidden --change-source option (passed through, not checked further). */
const CHANGE_SOURCE = /^(source|target)=[a-z][a-z-]*$/;

export interface BenchFlags {
  sizeMb: number;
  /** full: the sizes to time FULL at, ascending (one new source each); null: --size-mb alone. */
  fullSizesMb: number[] | null;
  runs: number;
  pgVersion: number;
  only: Section[];
  /** delta: the share of pgbench_accounts' heap pages changed on the primary, ascending. */
  changedPct: number[];
  /** `SIDE=METHOD` for every pg-catchup DELTA, PTRACK and rewind run (the engine's --change-source). */
  changeSource: string[];
  /** sync: how many one-row tables the many-files source has. */
  syncTables: number;
  /** --link: FULL over a shaped link at each rate (the WAN section) instead of the loopback sections; null: loopback. */
  link: LinkRate[] | null;
  /** --cli: a bundled CLI file to time instead of dist/cli/index.js or tsx (e.g. a bundle of another commit); null: the usual choice. */
  cliFile: string | null;
  /** --baseline-cli: another bundle (e.g. an earlier commit's) timed in the same run, in alternation, on FULL, DELTA and rewind rows marked [baseline]. */
  baselineCliFile: string | null;
}

export const USAGE = `usage: npm run bench -- [--size-mb N] [--full-sizes-mb N,N...] [--runs N] [--pg-version N] [--only ${SECTIONS.join('|')}[,...]]
                      [--changed-pct P[,P...]] [--change-source SIDE=METHOD ...] [--sync-tables N] [--link RATE[,RATE...]]
                      [--cli FILE] [--baseline-cli FILE]
  --size-mb N             size of the database to build (default 1024)
  --full-sizes-mb N,...   full: time FULL at each size, building a new source for each (e.g. 150,1500,4500
                          for pgbench scale ~10/100/300); delta and rewind still use --size-mb, whose
                          source is kept when it is one of these sizes (default: --size-mb alone)
  --runs N                runs per tool; min and median are reported (default 2)
  --pg-version N          PostgreSQL major version (default 15: the one with pg_basebackup, pg_rewind and pgbench here;
                          17 or 18 time PTRACK from WAL summaries against our own FULL)
  --only SECTION,...      run these sections, in the usual order (default: all of ${SECTIONS.join(', ')})
  --changed-pct P,...     delta: percent of the big table's pages changed since the stale copy (default 3, where
                          the DELTA and PTRACK goals are; a list such as 1,3,10,30 runs each, cumulatively on the same primary)
  --change-source S=M     passed to every pg-catchup DELTA, PTRACK and rewind run as --change-source S=M (repeatable;
                          e.g. source=page-scan, target=target-wal, source=wal-replay): needs an engine that has the option
  --sync-tables N         sync: one-row tables in the source for --sync-method fsync against syncfs (default 20000)
  --link RATE,...         instead of the loopback sections: FULL over a link shaped to RATE (e.g. 100mbit, 1gbit) between
                          two network namespaces (root only), against pg_basebackup plain, server-lz4 and server-zstd
  --cli FILE              time this bundled CLI (node FILE) instead of dist/cli/index.js or tsx: e.g. a bundle of another commit
  --baseline-cli FILE     also time this bundle, in alternation with the other, on the FULL, DELTA and rewind rows ([baseline]):
                          two commits compared in one sitting, where the machine's drift cannot favour either
                          built with bash scripts/build-cli.sh DIR (older commits: npx ncc build src/cli/main.ts -o DIR), to compare two commits in one sitting`;

export class FlagError extends Error {}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new FlagError(`--${name} must be a positive integer, not "${raw}"`);
  return n;
}

function percentList(raw: string | undefined): number[] {
  if (raw === undefined) return [3];
  const list = raw.split(',').map((p) => p.trim());
  const nums = list.map(Number);
  nums.forEach((n, i) => {
    if (list[i] === '' || !Number.isFinite(n) || n <= 0 || n > 100) throw new FlagError(`--changed-pct: "${list[i]}" is not a percentage in (0, 100]`);
  });
  return [...new Set(nums)].sort((a, b) => a - b);
}

function sizeList(raw: string | undefined): number[] | null {
  if (raw === undefined) return null;
  const list = raw.split(',').map((p) => p.trim());
  const nums = list.map((s) => positiveInt('full-sizes-mb', s === '' ? 'empty' : s, 0));
  return [...new Set(nums)].sort((a, b) => a - b);
}

function changeSources(raw: string[] | undefined): string[] {
  for (const s of raw ?? []) {
    if (!CHANGE_SOURCE.test(s)) throw new FlagError(`--change-source ${s}: give SIDE=METHOD, SIDE source or target (e.g. source=page-scan)`);
  }
  return raw ?? [];
}

function linkRates(raw: string | undefined): LinkRate[] | null {
  if (raw === undefined) return null;
  try {
    return raw.split(',').map(parseLinkRate);
  } catch (err) {
    throw new FlagError(`--link: ${(err as Error).message}`);
  }
}

/** Parsed flags, or null for --help. Throws FlagError on bad usage. */
export function parseBenchFlags(argv: string[]): BenchFlags | null {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'size-mb': { type: 'string' },
        'full-sizes-mb': { type: 'string' },
        runs: { type: 'string' },
        'pg-version': { type: 'string' },
        only: { type: 'string' },
        'changed-pct': { type: 'string' },
        'change-source': { type: 'string', multiple: true },
        'sync-tables': { type: 'string' },
        link: { type: 'string' },
        cli: { type: 'string' },
        'baseline-cli': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new FlagError((err as Error).message);
  }
  if (values.help) return null;
  const only = (values.only as string | undefined)?.split(',').map((s) => s.trim());
  const notSection = only?.find((s) => !(SECTIONS as readonly string[]).includes(s));
  if (notSection !== undefined) throw new FlagError(`--only ${notSection}: not a section (there are ${SECTIONS.join(', ')})`);
  return {
    sizeMb: positiveInt('size-mb', values['size-mb'] as string | undefined, 1024),
    fullSizesMb: sizeList(values['full-sizes-mb'] as string | undefined),
    runs: positiveInt('runs', values.runs as string | undefined, 2),
    pgVersion: positiveInt('pg-version', values['pg-version'] as string | undefined, 15),
    only: only === undefined ? [...SECTIONS] : SECTIONS.filter((s) => only.includes(s)),
    changedPct: percentList(values['changed-pct'] as string | undefined),
    changeSource: changeSources(values['change-source'] as string[] | undefined),
    syncTables: positiveInt('sync-tables', values['sync-tables'] as string | undefined, 20_000),
    link: linkRates(values.link as string | undefined),
    cliFile: (values.cli as string | undefined) ?? null,
    baselineCliFile: (values['baseline-cli'] as string | undefined) ?? null,
  };
}
