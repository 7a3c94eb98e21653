import type { Client } from 'pg';
import type { SourceEntry } from '../../plan/plan';

/**
 * Walks the source's PGDATA with pg_ls_dir/pg_stat_file (no superuser needed, only EXECUTE).
 * missing_ok everywhere: files come and go while the server runs; WAL replay covers that.
 * pg_ls_dir follows the pg_tblspc symlinks, so tablespace contents are listed below them.
 */
const LISTING_SQL = `
WITH RECURSIVE entries(path, size, isdir) AS (
  SELECT name, st.size, st.isdir
    FROM pg_ls_dir('.', true, false) AS name,
         LATERAL pg_stat_file(name, true) AS st
  UNION ALL
  SELECT e.path || '/' || name, st.size, st.isdir
    FROM entries e,
         LATERAL pg_ls_dir(e.path, true, false) AS name,
         LATERAL pg_stat_file(e.path || '/' || name, true) AS st
   WHERE e.isdir
)
SELECT e.path, e.size::text AS size, e.isdir,
       CASE WHEN e.path ~ '^pg_tblspc/[0-9]+$'
            THEN pg_tablespace_location(substr(e.path, 11)::oid) END AS link_target
  FROM entries e
 WHERE e.size IS NOT NULL`;

export async function listSourceFiles(client: Client): Promise<SourceEntry[]> {
  const res = await client.query<{ path: string; size: string; isdir: boolean; link_target: string | null }>(LISTING_SQL);
  return res.rows.map((r) => {
    const entry: SourceEntry = { path: r.path, size: Number(r.size), isDir: r.isdir };
    if (r.link_target) entry.linkTarget = r.link_target;
    return entry;
  });
}
