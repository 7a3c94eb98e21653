import type { Client } from 'pg';

/** A file's size and modification time as pg_stat_file gives them (whole seconds), or null when it is gone. */
export interface SourceFileStat {
  size: number;
  modified: string;
}

/** pg_stat_file for many paths in one statement (EXECUTE on pg_stat_file(text, boolean) is all it needs). */
export async function statSourceFiles(client: Client, paths: string[]): Promise<Map<string, SourceFileStat | null>> {
  const out = new Map<string, SourceFileStat | null>();
  if (paths.length === 0) return out;
  const res = await client.query<{ path: string; size: string | null; modified: string | null }>(
    `SELECT p AS path, st.size::text AS size, st.modification::text AS modified
       FROM unnest($1::text[]) AS p, LATERAL pg_stat_file(p, true) AS st`, [paths]);
  for (const r of res.rows) out.set(r.path, r.size === null ? null : { size: Number(r.size), modified: r.modified ?? '' });
  return out;
}
