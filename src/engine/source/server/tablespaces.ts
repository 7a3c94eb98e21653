import type { Client } from 'pg';
import type { SourceTablespace } from '../../plan/tablespace-mapping';

/** The source's user tablespaces (pg_tablespace is readable by every role). */
export async function listSourceTablespaces(client: Client): Promise<SourceTablespace[]> {
  const res = await client.query<{ oid: string; location: string }>(
    `SELECT oid::text AS oid, pg_tablespace_location(oid) AS location
       FROM pg_tablespace
      WHERE spcname NOT IN ('pg_default', 'pg_global')
      ORDER BY oid`);
  return res.rows.map((r) => ({ oid: Number(r.oid), location: r.location }));
}
