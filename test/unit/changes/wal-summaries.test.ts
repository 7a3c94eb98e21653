import type { Client } from 'pg';
import { CatchupError } from '../../../src/engine/errors';
import {
  applyLimitBlocks, mapSummaryRows, planSummaryCoverage, walSummaryChanges, walSummaryUnavailableReason,
  WalSummaryFile, WalSummaryRow, WAL_SUMMARY_FUNCTIONS,
} from '../../../src/engine/changes/wal-summaries';
import { parseLsn } from '../../../src/engine/wal/lsn';

const layout = { blockSize: 8192, relsegSize: 131072, tablespaceVersionDir: 'PG_17_202406281' };
const SEG = layout.relsegSize;

function row(relfilenode: number, block: number, opts: Partial<WalSummaryRow> = {}): WalSummaryRow {
  return { relfilenode, reltablespace: 1663, reldatabase: 5, relforknumber: 0, relblocknumber: block, isLimitBlock: false, ...opts };
}

const lsn = parseLsn;
const summary = (tli: number, start: string, end: string): WalSummaryFile => ({ tli, startLsn: lsn(start), endLsn: lsn(end) });

describe('WAL summary rows -> changed blocks per segment file', () => {
  test('main fork blocks land in the segment file that holds them, numbered within it', () => {
    const { changed, limits } = mapSummaryRows(
      [row(16384, 7), row(16384, 0), row(16384, SEG - 1), row(16384, SEG), row(16384, SEG + 3), row(16384, 2 * SEG + 1), row(16384, 7)],
      layout,
    );
    expect(changed).toEqual(new Map([
      ['base/5/16384', [0, 7, SEG - 1]],
      ['base/5/16384.1', [0, 3]],
      ['base/5/16384.2', [1]],
    ]));
    expect(limits.size).toBe(0);
  });

  test('forks 1-3 are _fsm, _vm and _init; shared catalogs are in global/, other tablespaces under pg_tblspc', () => {
    const { changed } = mapSummaryRows([
      row(16384, 1, { relforknumber: 1 }),
      row(16384, 0, { relforknumber: 2 }),
      row(16390, 0, { relforknumber: 3 }),
      row(1262, 0, { reltablespace: 1664, reldatabase: 0 }),
      row(16400, 12, { reltablespace: 16390 }),
      row(16400, SEG + 1, { reltablespace: 16390, relforknumber: 2 }),
    ], layout);
    expect([...changed.keys()].sort()).toEqual([
      'base/5/16384_fsm', 'base/5/16384_vm', 'base/5/16390_init', 'global/1262',
      'pg_tblspc/16390/PG_17_202406281/5/16400', 'pg_tblspc/16390/PG_17_202406281/5/16400_vm.1',
    ]);
    expect(changed.get('pg_tblspc/16390/PG_17_202406281/5/16400')).toEqual([12]);
    expect(changed.get('pg_tblspc/16390/PG_17_202406281/5/16400_vm.1')).toEqual([1]);
  });

  test('limit blocks are kept per fork (absolute block numbers), the smallest over all summaries', () => {
    const { changed, limits } = mapSummaryRows([
      row(16384, 40, { isLimitBlock: true }),
      row(16384, 12, { isLimitBlock: true }),
      row(16384, 50, { isLimitBlock: true }),
      row(16384, 3, { relforknumber: 2, isLimitBlock: true }),
      row(16384, SEG + 5, { isLimitBlock: true, relfilenode: 16500 }),
      row(16384, 9),
    ], layout);
    expect(limits).toEqual(new Map([['base/5/16384', 12], ['base/5/16384_vm', 3], ['base/5/16500', SEG + 5]]));
    expect(changed).toEqual(new Map([['base/5/16384', [9]]]));
  });

  test('relfilenode 0 marks a whole database directory (created or dropped in the range)', () => {
    const { limits } = mapSummaryRows([
      row(0, 0, { reldatabase: 16401, isLimitBlock: true }),
      row(0, 0, { reldatabase: 16401, reltablespace: 16390, isLimitBlock: true }),
    ], layout);
    expect(limits).toEqual(new Map([['base/16401', 0], ['pg_tblspc/16390/PG_17_202406281/16401', 0]]));
  });

  test('an unknown fork number is an error, not a guess', () => {
    expect(() => mapSummaryRows([row(16384, 0, { relforknumber: 4 })], layout)).toThrow(/fork number 4/);
  });
});

describe('applyLimitBlocks against the source listing', () => {
  const B = layout.blockSize;
  const apply = (changed: Map<string, number[]>, limits: Map<string, number>, sizes: Record<string, number>) =>
    applyLimitBlocks(changed, limits, new Map(Object.entries(sizes)), B, SEG);

  test('without limits: named blocks of files the source still has, below their current size', () => {
    const result = apply(
      new Map([['base/5/16384', [1, 4, 9]], ['base/5/16999', [0]]]),
      new Map(),
      { 'base/5/16384': 5 * B, 'base/5/16385': 3 * B, PG_VERSION: 3 },
    );
    expect(result).toEqual(new Map([['base/5/16384', [1, 4]]]));
  });

  test('limit 0 (created, dropped or emptied in the range) makes the whole file changed', () => {
    const result = apply(new Map([['base/5/16384', [2]]]), new Map([['base/5/16384', 0]]), { 'base/5/16384': 4 * B });
    expect(result.get('base/5/16384')).toEqual([0, 1, 2, 3]);
  });

  test('a limit inside the fork adds everything from it up, in the right segment', () => {
    const result = apply(
      new Map([['base/5/16384', [1]], ['base/5/16384.1', [0]]]),
      new Map([['base/5/16384', SEG + 2]]),
      { 'base/5/16384': SEG * B, 'base/5/16384.1': 5 * B },
    );
    expect(result.get('base/5/16384')).toEqual([1]);
    expect(result.get('base/5/16384.1')).toEqual([0, 2, 3, 4]);
  });

  test('a limit in segment 0 covers every later segment whole', () => {
    const result = apply(new Map(), new Map([['base/5/16384', 10]]), { 'base/5/16384': 12 * B, 'base/5/16384.1': 2 * B });
    expect(result.get('base/5/16384')).toEqual([10, 11]);
    expect(result.get('base/5/16384.1')).toEqual([0, 1]);
  });

  test('a limit at or past the end of the file adds nothing', () => {
    const result = apply(new Map([['base/5/16384', [0]]]), new Map([['base/5/16384', 8]]), { 'base/5/16384': 8 * B });
    expect(result.get('base/5/16384')).toEqual([0]);
  });

  test('limits apply per fork: the vm limit does not touch the main fork', () => {
    const result = apply(new Map(), new Map([['base/5/16384_vm', 0]]), { 'base/5/16384': 3 * B, 'base/5/16384_vm': B });
    expect(result).toEqual(new Map([['base/5/16384_vm', [0]]]));
  });

  test('a database directory limit covers every relation file in it, in any tablespace', () => {
    const result = apply(new Map(), new Map([['base/16401', 0], ['pg_tblspc/16390/PG_17_202406281/16401', 0]]), {
      'base/16401/1259': 2 * B,
      'base/16401/1259_vm': B,
      'base/16401/PG_VERSION': 3,
      'base/5/1259': 2 * B,
      'pg_tblspc/16390/PG_17_202406281/16401/16500.1': B,
    });
    expect(result).toEqual(new Map([
      ['base/16401/1259', [0, 1]],
      ['base/16401/1259_vm', [0]],
      ['pg_tblspc/16390/PG_17_202406281/16401/16500.1', [0]],
    ]));
  });

  test('free space maps are never summarized, so they are always taken whole', () => {
    const result = apply(new Map(), new Map(), { 'base/5/16384_fsm': 3 * B, 'global/1262_fsm': 3 * B, 'base/5/16384': 3 * B });
    expect(result).toEqual(new Map([['base/5/16384_fsm', [0, 1, 2]], ['global/1262_fsm', [0, 1, 2]]]));
  });

  test('global/ files are matched to their forks too', () => {
    const result = apply(new Map([['global/1262', [0]]]), new Map([['global/1260', 1]]), { 'global/1262': 2 * B, 'global/1260': 3 * B });
    expect(result).toEqual(new Map([['global/1262', [0]], ['global/1260', [1, 2]]]));
  });
});

describe('which summaries cover [R, start)', () => {
  test('one timeline, continuous summaries, one of them starting before R', () => {
    const available = [
      summary(1, '0/1000028', '0/10C80C0'),
      summary(1, '0/10C80C0', '0/17146C0'),
      summary(1, '0/17146C0', '0/17147C0'),
      summary(1, '0/17147C0', '0/17211F8'),
      summary(1, '0/17211F8', '0/1800000'),
    ];
    const c = planSummaryCoverage({ history: [], currentTli: 1, fromLsn: lsn('0/1500000'), toLsn: lsn('0/17211F8'), available });
    expect(c.gap).toBeNull();
    expect(c.ranges).toEqual([{ tli: 1, start: lsn('0/1500000'), end: lsn('0/17211F8') }]);
    expect(c.summaries).toEqual([available[1], available[2], available[3]]);
  });

  test('summaries that only touch R or start do not count', () => {
    const available = [summary(1, '0/1000000', '0/2000000'), summary(1, '0/2000000', '0/3000000'), summary(1, '0/3000000', '0/4000000')];
    const c = planSummaryCoverage({ history: [], currentTli: 1, fromLsn: lsn('0/2000000'), toLsn: lsn('0/3000000'), available });
    expect(c.gap).toBeNull();
    expect(c.summaries).toEqual([available[1]]);
  });

  test('a hole in the middle is named, with the likely causes', () => {
    const available = [summary(1, '0/2000000', '0/3000028'), summary(1, '0/3400000', '0/4000000')];
    const c = planSummaryCoverage({ history: [], currentTli: 1, fromLsn: lsn('0/2000000'), toLsn: lsn('0/4000000'), available });
    expect(c.gap).toBe('no WAL summary covers 0/3000028..0/3400000 on timeline 1 (removed by wal_summary_keep_time, or summarize_wal was off then)');
  });

  test('summaries that begin after R (removed old ones) are a hole at the start', () => {
    const available = [summary(1, '0/3000000', '0/4000000')];
    const c = planSummaryCoverage({ history: [], currentTli: 1, fromLsn: lsn('0/2000000'), toLsn: lsn('0/4000000'), available });
    expect(c.gap).toMatch(/^no WAL summary covers 0\/2000000\.\.0\/3000000 on timeline 1 \(removed by wal_summary_keep_time/);
  });

  test('the not-yet-summarized tail of the current timeline is said to be just that', () => {
    const available = [summary(1, '0/2000000', '0/3000000')];
    const c = planSummaryCoverage({ history: [], currentTli: 1, fromLsn: lsn('0/2000000'), toLsn: lsn('0/4000000'), available });
    expect(c.gap).toBe('no WAL summary covers 0/3000000..0/4000000 on timeline 1 (the WAL summarizer has not summarized that far yet)');
  });

  test('no summaries at all', () => {
    const c = planSummaryCoverage({ history: [], currentTli: 1, fromLsn: lsn('0/2000000'), toLsn: lsn('0/4000000'), available: [] });
    expect(c.gap).toMatch(/0\/2000000\.\.0\/4000000 on timeline 1 \(removed by wal_summary_keep_time, or summarize_wal was off then\)/);
  });

  test('several timelines: each range is read from summaries of its own timeline, split at the switchpoints', () => {
    const history = [
      { tli: 1, switchpoint: lsn('0/3000000'), reason: 'no recovery target specified' },
      { tli: 2, switchpoint: lsn('0/5000000'), reason: 'no recovery target specified' },
    ];
    const available = [
      summary(1, '0/1000000', '0/2800000'),
      summary(1, '0/2800000', '0/3000000'),
      // Timeline 1 went on past its switchpoint elsewhere (the old primary): not our history.
      summary(1, '0/3000000', '0/3800000'),
      summary(2, '0/3000000', '0/5000000'),
      summary(3, '0/5000000', '0/6000000'),
      summary(3, '0/6000000', '0/7000000'),
      // A sibling timeline that is not on the history.
      summary(4, '0/3000000', '0/9000000'),
    ];
    const c = planSummaryCoverage({ history, currentTli: 3, fromLsn: lsn('0/2900000'), toLsn: lsn('0/6000000'), available });
    expect(c.gap).toBeNull();
    expect(c.ranges).toEqual([
      { tli: 1, start: lsn('0/2900000'), end: lsn('0/3000000') },
      { tli: 2, start: lsn('0/3000000'), end: lsn('0/5000000') },
      { tli: 3, start: lsn('0/5000000'), end: lsn('0/6000000') },
    ]);
    expect(c.summaries).toEqual([available[1], available[3], available[4]]);
  });

  test('a missing summary on a historic timeline is a hole on that timeline', () => {
    const history = [{ tli: 1, switchpoint: lsn('0/3000000'), reason: '' }];
    const available = [summary(1, '0/1000000', '0/2800000'), summary(2, '0/3000000', '0/4000000')];
    const c = planSummaryCoverage({ history, currentTli: 2, fromLsn: lsn('0/2000000'), toLsn: lsn('0/4000000'), available });
    expect(c.gap).toBe('no WAL summary covers 0/2800000..0/3000000 on timeline 1 (removed by wal_summary_keep_time, or summarize_wal was off then)');
  });

  test('R at or after start needs nothing', () => {
    const c = planSummaryCoverage({ history: [], currentTli: 1, fromLsn: lsn('0/4000000'), toLsn: lsn('0/4000000'), available: [] });
    expect(c).toEqual({ ranges: [], summaries: [], gap: null });
  });

  test('all holes are listed', () => {
    const available = [summary(1, '0/2000000', '0/2100000'), summary(1, '0/2200000', '0/2300000')];
    const c = planSummaryCoverage({ history: [], currentTli: 1, fromLsn: lsn('0/2000000'), toLsn: lsn('0/2400000'), available });
    expect(c.gap?.split('; ')).toHaveLength(2);
  });
});

describe('availability', () => {
  test('reasons', () => {
    expect(walSummaryUnavailableReason(16, null)).toBe('PostgreSQL 16 has no WAL summaries (they arrived in 17)');
    expect(walSummaryUnavailableReason(17, 'off')).toBe('summarize_wal is off on the source, so no WAL summaries are being written');
    expect(walSummaryUnavailableReason(18, 'on')).toBeNull();
  });

  test('the functions to grant, with their exact argument types', () => {
    expect(WAL_SUMMARY_FUNCTIONS).toEqual([
      'pg_catalog.pg_available_wal_summaries()',
      'pg_catalog.pg_wal_summary_contents(bigint, pg_lsn, pg_lsn)',
      'pg_catalog.pg_get_wal_summarizer_state()',
    ]);
  });
});

/** A stand-in for pg.Client answering the queries walSummaryChanges sends. */
function fakeClient(state: {
  versionNum?: string;
  summarizeWal?: string | null;
  summarized: () => string;
  pid?: number | null;
  available?: Array<[number, string, string]>;
  groups?: Array<Record<string, unknown>>;
}): { client: Client; queries: string[] } {
  const queries: string[] = [];
  const client = {
    query: async (sql: string) => {
      queries.push(sql);
      if (sql.includes('server_version_num')) {
        return { rows: [{ num: state.versionNum ?? '170010', summarize_wal: state.summarizeWal === undefined ? 'on' : state.summarizeWal }] };
      }
      if (sql.includes('pg_get_wal_summarizer_state')) {
        const s = state.summarized();
        return { rows: [{ tli: '1', summarized: s, pending: s, pid: state.pid === undefined ? 4242 : state.pid, summarize_wal: state.summarizeWal ?? 'on' }] };
      }
      if (sql.includes('pg_available_wal_summaries')) {
        return { rows: (state.available ?? []).map(([tli, start_lsn, end_lsn]) => ({ tli: String(tli), start_lsn, end_lsn })) };
      }
      if (sql.includes('pg_wal_summary_contents')) return { rows: state.groups ?? [] };
      throw new Error(`unexpected query: ${sql}`);
    },
  } as unknown as Client;
  return { client, queries };
}

describe('walSummaryChanges against a fake server', () => {
  const base = {
    fromLsn: lsn('0/2000000'), toLsn: lsn('0/3000000'), timeline: 1, history: [],
    blockSize: 8192, relsegSize: SEG, tablespaceVersionDir: 'PG_17_202406281', waitMs: 2000, pollMs: 5,
  };

  async function refusal(p: Promise<unknown>): Promise<CatchupError> {
    try {
      await p;
    } catch (err) {
      expect(err).toBeInstanceOf(CatchupError);
      expect((err as CatchupError).code).toBe('ptrack-unavailable');
      return err as CatchupError;
    }
    throw new Error('walSummaryChanges did not refuse');
  }

  test('PostgreSQL 16: refused, DELTA named', async () => {
    const { client } = fakeClient({ versionNum: '160004', summarizeWal: null, summarized: () => '0/0' });
    const err = await refusal(walSummaryChanges(client, base));
    expect(err.message).toMatch(/PostgreSQL 16 has no WAL summaries \(they arrived in 17\).*-b DELTA/);
  });

  test('summarize_wal off: refused, naming the setting and DELTA', async () => {
    const { client } = fakeClient({ summarizeWal: 'off', summarized: () => '0/0' });
    const err = await refusal(walSummaryChanges(client, base));
    expect(err.message).toMatch(/summarize_wal is off/);
    expect(err.fix).toMatch(/-b DELTA.*summarize_wal = on/);
  });

  test('a summarizer that does not reach the start LSN in time: refused after waitMs with where it is', async () => {
    const { client, queries } = fakeClient({ summarized: () => '0/2800000', pid: null });
    const started = Date.now();
    const err = await refusal(walSummaryChanges(client, { ...base, waitMs: 100 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(err.message).toMatch(/do not reach the backup start 0\/3000000 after 100 ms: no WAL summarizer process is running.*up to 0\/2800000/);
    expect(err.fix).toMatch(/-b DELTA/);
    expect(queries.filter((q) => q.includes('pg_get_wal_summarizer_state')).length).toBeGreaterThan(2);
  });

  test('waits while the summarizer catches up, then reads the summaries it needs', async () => {
    let polls = 0;
    const logged: string[] = [];
    const { client, queries } = fakeClient({
      summarized: () => (++polls < 3 ? '0/2800000' : '0/3000000'),
      available: [[1, '0/1000000', '0/2000000'], [1, '0/2000000', '0/2800000'], [1, '0/2800000', '0/3000000']],
      groups: [
        { relfilenode: '16384', reltablespace: '1663', reldatabase: '5', relforknumber: 0, limit_block: null, blocks: '3,1,3', rows: '3' },
        { relfilenode: '16384', reltablespace: '1663', reldatabase: '5', relforknumber: 0, limit_block: null, blocks: String(SEG + 2), rows: '1' },
        { relfilenode: '16385', reltablespace: '1663', reldatabase: '5', relforknumber: 0, limit_block: '0', blocks: null, rows: '2' },
      ],
    });
    const result = await walSummaryChanges(client, { ...base, logger: { info: (m) => logged.push(m) } });
    expect(polls).toBe(3);
    expect(result.summaries).toBe(2);
    expect(result.rows).toBe(6);
    expect(result.changed).toEqual(new Map([['base/5/16384', [1, 3]], ['base/5/16384.1', [2]]]));
    expect(result.limits).toEqual(new Map([['base/5/16385', 0]]));
    const contents = queries.find((q) => q.includes('pg_wal_summary_contents'));
    expect(contents).toMatch(/\(\$1::bigint, \$2::pg_lsn, \$3::pg_lsn\), \(\$4::bigint, \$5::pg_lsn, \$6::pg_lsn\)/);
    expect(logged[0]).toMatch(/waiting for the WAL summarizer to reach 0\/3000000/);
  });

  test('a hole in the summaries: refused with the hole and DELTA', async () => {
    const { client, queries } = fakeClient({
      summarized: () => '0/3000000',
      available: [[1, '0/2400000', '0/3000000']],
    });
    const err = await refusal(walSummaryChanges(client, base));
    expect(err.message).toMatch(/no WAL summary covers 0\/2000000\.\.0\/2400000 on timeline 1/);
    expect(err.fix).toMatch(/-b DELTA.*wal_summary_keep_time/);
    expect(queries.some((q) => q.includes('pg_wal_summary_contents'))).toBe(false);
  });
});
