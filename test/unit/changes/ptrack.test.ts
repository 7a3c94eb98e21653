import { Client, types } from 'pg';
import { CatchupError } from '../../../src/engine/errors';
import {
  mapPtrackRows, pagemapBlocks, ptrackChanges, ptrackUnavailableReason, PTRACK_FUNCTIONS,
} from '../../../src/engine/changes/ptrack';
import { parseLsn } from '../../../src/engine/wal/lsn';

/** bytea text output -> Buffer, exactly as node-postgres decodes a result column of type bytea (OID 17). */
const bytea = (text: string): Buffer => types.getTypeParser(17, 'text')(text) as Buffer;

/**
 * datapagemap_add() from ptrack's datapagemap.c, rewritten: bit (blkno % 8) of byte (blkno / 8),
 * the bitmap grown to offset + 1 + 10 bytes of headroom whenever a block falls past its end.
 */
function ptrackBitmap(blocks: number[]): Buffer {
  let map = Buffer.alloc(0);
  for (const blkno of blocks) {
    const offset = Math.floor(blkno / 8);
    if (map.length <= offset) map = Buffer.concat([map, Buffer.alloc(offset + 1 + 10 - map.length)]);
    map[offset] |= 1 << blkno % 8;
  }
  return map;
}

describe('ptrack pagemaps', () => {
  // The example output in ptrack's README (SELECT * FROM ptrack_get_pagemapset('0/185C8C0') on 2.4).
  // The byte counts match datapagemap_add's growth (first block's byte + 1 + 10), so these are real rows.
  const recorded = [
    { path: 'base/16384/1255', pagecount: '3', pagemap: bytea('\\x001000000005000000000000') },
    { path: 'base/16384/2674', pagecount: '3', pagemap: bytea('\\x0000000900010000000000000000') },
    { path: 'base/16384/2691', pagecount: '1', pagemap: bytea('\\x00004000000000000000000000') },
    { path: 'base/16384/2608', pagecount: '1', pagemap: bytea('\\x000000000000000400000000000000000000') },
    { path: 'base/16384/2690', pagecount: '1', pagemap: bytea('\\x000400000000000000000000') },
  ];

  test('recorded rows decode least significant bit first, bit = block within the file', () => {
    expect(mapPtrackRows(recorded)).toEqual(new Map([
      ['base/16384/1255', [12, 40, 42]],
      ['base/16384/2674', [24, 27, 40]],
      ['base/16384/2691', [22]],
      ['base/16384/2608', [58]],
      ['base/16384/2690', [10]],
    ]));
  });

  test('the bitmap of the extension round-trips for any block set, headroom bytes included', () => {
    const blocks = [0, 1, 7, 8, 9, 63, 64, 1000, 131071];
    const map = ptrackBitmap(blocks);
    expect(map.length).toBe(Math.floor(131071 / 8) + 1 + 10);
    expect(pagemapBlocks(map)).toEqual(blocks);
    expect(pagemapBlocks(Buffer.from([0x81]))).toEqual([0, 7]);
    expect(pagemapBlocks(Buffer.alloc(12))).toEqual([]);
  });

  test('one row per segment file, forks, global and tablespace paths are taken as they are', () => {
    const rows = [
      { path: 'base/5/16384.1', pagemap: ptrackBitmap([0, 3]) },
      { path: 'base/5/16384_vm', pagemap: ptrackBitmap([0]) },
      { path: 'base/5/16384_fsm', pagemap: ptrackBitmap([2]) },
      { path: 'global/1262', pagemap: ptrackBitmap([0]) },
      { path: 'pg_tblspc/16390/PG_17_202406281/5/16400', pagemap: ptrackBitmap([5, 6]) },
      { path: 'base/5/16385', pagemap: Buffer.alloc(0) },
    ];
    expect(mapPtrackRows(rows)).toEqual(new Map([
      ['base/5/16384.1', [0, 3]],
      ['base/5/16384_vm', [0]],
      ['base/5/16384_fsm', [2]],
      ['global/1262', [0]],
      ['pg_tblspc/16390/PG_17_202406281/5/16400', [5, 6]],
    ]));
  });

  test('a pagecount that disagrees with the bitmap, or a path that is not a relation file, is an error', () => {
    expect(() => mapPtrackRows([{ path: 'base/5/16384', pagecount: 2, pagemap: ptrackBitmap([1]) }])).toThrow(/says 2 pages.*has 1/);
    expect(() => mapPtrackRows([{ path: '/data/base/5/16384', pagemap: ptrackBitmap([1]) }])).toThrow(/not a relation file path/);
  });

  test('availability reasons', () => {
    expect(ptrackUnavailableReason(null, null)).toMatch(/not installed/);
    expect(ptrackUnavailableReason('2.0', '64')).toMatch(/ptrack 2.0 is too old/);
    expect(ptrackUnavailableReason('2.4', null)).toMatch(/shared_preload_libraries/);
    expect(ptrackUnavailableReason('2.4', '0')).toMatch(/ptrack.map_size = 0/);
    expect(ptrackUnavailableReason('2.1', '64')).toBeNull();
    expect(ptrackUnavailableReason('2.4', '1024')).toBeNull();
    expect(PTRACK_FUNCTIONS).toEqual(['ptrack_version()', 'ptrack_init_lsn()', 'ptrack_get_pagemapset(pg_lsn)']);
  });
});

function fakeClient(opts: { version?: string | null; schema?: string; mapSize?: string | null; initLsn?: string; rows?: unknown[] }) {
  const queries: Array<{ sql: string; params?: unknown[] }> = [];
  const client = {
    query: async (sql: string, params?: unknown[]) => {
      queries.push({ sql, params });
      if (sql.includes('pg_extension')) {
        return { rows: [{ version: opts.version === undefined ? '2.4' : opts.version, schema: opts.schema ?? 'ptrack', map_size: opts.mapSize === undefined ? '64' : opts.mapSize }] };
      }
      if (sql.includes('ptrack_init_lsn')) return { rows: [{ lsn: opts.initLsn ?? '0/1000000' }] };
      if (sql.includes('ptrack_get_pagemapset')) return { rows: opts.rows ?? [] };
      throw new Error(`unexpected query: ${sql}`);
    },
  } as unknown as Client;
  return { client, queries };
}

describe('ptrackChanges against a fake server', () => {
  async function refusal(p: Promise<unknown>): Promise<CatchupError> {
    try {
      await p;
    } catch (err) {
      expect(err).toBeInstanceOf(CatchupError);
      expect((err as CatchupError).code).toBe('ptrack-unavailable');
      expect((err as CatchupError).fix).toMatch(/-b DELTA/);
      return err as CatchupError;
    }
    throw new Error('ptrackChanges did not refuse');
  }

  test('calls the functions in the extension schema, with R as start_lsn', async () => {
    const { client, queries } = fakeClient({ schema: 'Ptrack "x"', rows: [{ path: 'base/5/16384', pagemap: bytea('\\x0500000000000000000000') }] });
    const result = await ptrackChanges(client, parseLsn('0/3000000'));
    expect(result).toEqual({ changed: new Map([['base/5/16384', [0, 2]]]), version: '2.4', initLsn: parseLsn('0/1000000'), rows: 1 });
    const last = queries[queries.length - 1];
    expect(last.sql).toBe('SELECT path, pagemap FROM "Ptrack ""x""".ptrack_get_pagemapset($1::pg_lsn)');
    expect(last.params).toEqual(['0/3000000']);
  });

  test('not installed, or disabled: refused', async () => {
    expect((await refusal(ptrackChanges(fakeClient({ version: null }).client, 1n))).message).toMatch(/not installed/);
    expect((await refusal(ptrackChanges(fakeClient({ mapSize: '0' }).client, 1n))).message).toMatch(/disabled/);
  });

  test('a map initialized after R has not seen every change since R: refused', async () => {
    const err = await refusal(ptrackChanges(fakeClient({ initLsn: '0/5000000' }).client, parseLsn('0/3000000')));
    expect(err.message).toMatch(/initialized at 0\/5000000, after the reference LSN 0\/3000000/);
    await refusal(ptrackChanges(fakeClient({ initLsn: '0/0' }).client, parseLsn('0/3000000')));
  });
});
