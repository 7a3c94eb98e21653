/**
 * PTRACK from the `ptrack` extension (github.com/postgrespro/ptrack, 2.1+): a shared map of the
 * LSN at which each block was last written or extended, kept by hooks a patched PostgreSQL core
 * provides (stock servers cannot load it). `ptrack_get_pagemapset(start_lsn)` walks global/, base/
 * and pg_tblspc/ on the server and returns, per non-empty relation segment file whose blocks were
 * written at or after start_lsn:
 *   path      text    relative to PGDATA, one row per segment FILE: base/5/16384, base/5/16384.1,
 *                     base/5/16384_vm, global/1262, pg_tblspc/16390/PG_17_202406281/5/16400
 *   pagecount bigint  number of set bits (2.2+; 2.1 returns only path and pagemap)
 *   pagemap   bytea   bitmap of block numbers WITHIN that segment file: block b is bit (b % 8) of
 *                     byte (b / 8), least significant bit first (datapagemap_add); trailing zero
 *                     bytes are headroom, not blocks.
 * The map may report blocks that did not change (hash collisions), never miss one that did, but
 * it only sees a change once the page is written to disk: call it after pg_backup_start, whose
 * checkpoint writes every page dirtied before the start LSN.
 *
 * Privileges: USAGE on the extension's schema and EXECUTE on the functions in PTRACK_FUNCTIONS
 * (CREATE EXTENSION leaves them executable by PUBLIC; grant them where a site revoked that). The
 * function reads the data directory as the server, so no file-access functions are needed for it.
 */
import type { Client } from 'pg';
import { CatchupError } from '../errors';
import { parseRelationPath } from '../pgdata/relation-path';
import { formatLsn, Lsn, parseLsn } from '../wal/lsn';
import { quoteIdent } from '../sql-quote';

/** Signatures inside the extension's schema, for `GRANT EXECUTE ON FUNCTION <schema>.<sig> TO <role>`. */
export const PTRACK_FUNCTIONS: readonly string[] = ['ptrack_version()', 'ptrack_init_lsn()', 'ptrack_get_pagemapset(pg_lsn)'];

const USE_DELTA = 'Use -b DELTA instead: it finds the changed blocks by their page LSNs and needs no change tracking.';

export interface PtrackStatus {
  /** The extension is created in the connected database. */
  installed: boolean;
  /** pg_extension.extversion, e.g. '2.4'; null when not installed. */
  version: string | null;
  /** The schema that holds its functions; null when not installed. */
  schema: string | null;
  /** Why it cannot be used, or null when it can. */
  reason: string | null;
}

/** Whether ptrack 2.1+ is installed and tracking (shared_preload_libraries, ptrack.map_size > 0). */
export async function ptrackAvailable(client: Client): Promise<PtrackStatus> {
  const res = await client.query<{ version: string | null; schema: string | null; map_size: string | null }>(
    // pg_settings, not current_setting(): a ptrack.map_size line in postgresql.conf without the
    // library loaded is only a placeholder, which current_setting() shows and pg_settings does not.
    `SELECT e.extversion AS version, n.nspname AS schema,
            (SELECT setting FROM pg_settings WHERE name = 'ptrack.map_size') AS map_size
       FROM (SELECT 1) AS one
       LEFT JOIN pg_extension e ON e.extname = 'ptrack'
       LEFT JOIN pg_namespace n ON n.oid = e.extnamespace`,
  );
  const { version, schema, map_size: mapSize } = res.rows[0];
  return { installed: version !== null, version, schema, reason: ptrackUnavailableReason(version, mapSize) };
}

/**
 * Why ptrack cannot answer, or null. `version` is the extension version (null: not created),
 * `mapSize` pg_settings.setting of ptrack.map_size, in MB (null: the library is not preloaded).
 */
export function ptrackUnavailableReason(version: string | null, mapSize: string | null): string | null {
  if (version === null) return 'the ptrack extension is not installed in this database';
  const [major, minor] = version.split('.').map(Number);
  if (!(major > 2 || (major === 2 && minor >= 1))) {
    return `ptrack ${version} is too old (2.1 or later has ptrack_get_pagemapset)`;
  }
  if (mapSize === null) return "ptrack is not loaded (it must be in shared_preload_libraries, which needs a restart)";
  if (Number.parseInt(mapSize, 10) === 0) return 'ptrack is disabled (ptrack.map_size = 0)';
  return null;
}

/** One row of ptrack_get_pagemapset (pagecount only from 2.2 on). */
export interface PtrackPagemapRow {
  path: string;
  pagecount?: number | string | null;
  pagemap: Buffer;
}

/** The block numbers set in one pagemap, ascending. */
export function pagemapBlocks(pagemap: Buffer): number[] {
  const blocks: number[] = [];
  for (let byte = 0; byte < pagemap.length; byte++) {
    const bits = pagemap[byte];
    if (bits === 0) continue;
    for (let bit = 0; bit < 8; bit++) if (bits & (1 << bit)) blocks.push(byte * 8 + bit);
  }
  return blocks;
}

/** Rows -> changed blocks per segment file (block numbers within the file, sorted, unique). */
export function mapPtrackRows(rows: Iterable<PtrackPagemapRow>): Map<string, number[]> {
  const changed = new Map<string, number[]>();
  for (const row of rows) {
    if (!parseRelationPath(row.path)) {
      throw new Error(`ptrack_get_pagemapset returned "${row.path}", which is not a relation file path relative to PGDATA`);
    }
    const blocks = pagemapBlocks(row.pagemap);
    if (row.pagecount !== undefined && row.pagecount !== null && Number(row.pagecount) !== blocks.length) {
      throw new Error(`ptrack_get_pagemapset row for ${row.path} says ${row.pagecount} pages but its bitmap has ${blocks.length}`);
    }
    if (blocks.length === 0) continue;
    const old = changed.get(row.path);
    changed.set(row.path, old ? [...new Set([...old, ...blocks])].sort((a, b) => a - b) : blocks);
  }
  return changed;
}

export interface PtrackChangesResult {
  changed: Map<string, number[]>;
  /** The extension version used. */
  version: string;
  /** ptrack_init_lsn(): changes are tracked from here on. */
  initLsn: Lsn;
  /** Rows (segment files) returned. */
  rows: number;
}

/**
 * The blocks written on the source since `fromLsn` (R), per segment file. Refuses (CatchupError
 * 'ptrack-unavailable', DELTA as the way out) when ptrack is missing or off, or when its map was
 * (re)initialized after R (pg_probackup's check too): changes before init_lsn are not in it.
 */
export async function ptrackChanges(client: Client, fromLsn: Lsn): Promise<PtrackChangesResult> {
  const status = await ptrackAvailable(client);
  if (status.reason || status.version === null || status.schema === null) {
    throw new CatchupError('ptrack-unavailable', `PTRACK cannot use the ptrack extension: ${status.reason}.`, USE_DELTA);
  }
  const schema = quoteIdent(status.schema);
  const init = await client.query<{ lsn: string }>(`SELECT ${schema}.ptrack_init_lsn()::text AS lsn`);
  const initLsn = parseLsn(init.rows[0].lsn);
  if (initLsn === 0n) {
    throw new CatchupError('ptrack-unavailable',
      'The ptrack map on the source has not been initialized yet (ptrack_init_lsn() is 0/0), so it cannot tell what changed.',
      USE_DELTA);
  }
  if (initLsn > fromLsn) {
    throw new CatchupError('ptrack-unavailable',
      `The ptrack map on the source was initialized at ${formatLsn(initLsn)}, after the reference LSN ${formatLsn(fromLsn)}: ` +
        'changes made before that are not in it (the map is reset when ptrack.map_size changes or it is found damaged).',
      USE_DELTA);
  }
  // Only path and pagemap: 2.1 has no pagecount column.
  const res = await client.query<{ path: string; pagemap: Buffer }>(
    `SELECT path, pagemap FROM ${schema}.ptrack_get_pagemapset($1::pg_lsn)`,
    [formatLsn(fromLsn)],
  );
  return { changed: mapPtrackRows(res.rows), version: status.version, initLsn, rows: res.rows.length };
}
