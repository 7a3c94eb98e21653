import type { Client } from 'pg';
import { errorMessage } from '../../errors';
import type { RelationFileKey } from '../../pgdata/relation-path';
import type { ResolvedConnection } from '../connection-options';
import { connectSource } from '../source-connect';

/** Names the source still has for databases and relation files; what it no longer knows stays unnamed. */
export interface RelationFileNames {
  databases: Map<number, string>;
  /** By relationFileKey(). */
  relations: Map<string, string>;
  /** Why some names could not be looked up (a database refused the connection, say). */
  notes: string[];
}

export function relationFileKey(r: RelationFileKey): string {
  return `${r.spcOid}/${r.dbOid}/${r.relNumber}`;
}

// A relation file is only named inside its own database (pg_filenode_relation looks at that
// database's catalogs), so each database costs a connection: a few are enough for a report.
const MAX_DATABASES = 20;

const NAME_SQL = `
  SELECT r.spc::int8 AS spc, r.rel::int8 AS rel, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
    FROM unnest($1::oid[], $2::oid[]) AS r(spc, rel)
    JOIN pg_class c ON c.oid = pg_filenode_relation(r.spc, r.rel)
    JOIN pg_namespace n ON n.oid = c.relnamespace`;

export async function nameRelationFiles(conn: ResolvedConnection, control: Client, files: RelationFileKey[], dbOids: number[]): Promise<RelationFileNames> {
  const names: RelationFileNames = { databases: new Map(), relations: new Map(), notes: [] };
  const dbs = await control.query<{ oid: string; datname: string; datallowconn: boolean }>(
    'SELECT oid::int8 AS oid, datname, datallowconn FROM pg_database WHERE oid = ANY($1::oid[])', [dbOids.filter((o) => o !== 0)]);
  const byOid = new Map(dbs.rows.map((d) => [Number(d.oid), d]));
  for (const d of dbs.rows) names.databases.set(Number(d.oid), d.datname);

  const byDb = new Map<number, RelationFileKey[]>();
  for (const f of files) {
    const list = byDb.get(f.dbOid);
    if (list) list.push(f);
    else byDb.set(f.dbOid, [f]);
  }
  // Shared catalogs (database 0) are named from any database: the control connection's.
  if (byDb.has(0)) await nameIn(control, 0, byDb.get(0)!, names);
  let visited = 0;
  for (const [dbOid, rels] of byDb) {
    if (dbOid === 0) continue;
    const db = byOid.get(dbOid);
    if (!db) continue; // dropped on the source, or created on the target's branch only
    if (!db.datallowconn) {
      names.notes.push(`database ${db.datname} does not allow connections, so its relations are not named`);
      continue;
    }
    if (++visited > MAX_DATABASES) {
      names.notes.push(`relations are named in the first ${MAX_DATABASES} databases only`);
      break;
    }
    let client: Client | null = null;
    try {
      client = await connectSource({ ...conn, keywords: { ...conn.keywords, dbname: db.datname } });
      await nameIn(client, dbOid, rels, names);
    } catch (err) {
      names.notes.push(`relations of database ${db.datname} are not named: ${errorMessage(err)}`);
    } finally {
      await client?.end().catch(() => undefined);
    }
  }
  return names;
}

async function nameIn(client: Client, dbOid: number, rels: RelationFileKey[], names: RelationFileNames): Promise<void> {
  const res = await client.query<{ spc: string; rel: string; name: string }>(NAME_SQL, [rels.map((r) => r.spcOid), rels.map((r) => r.relNumber)]);
  for (const row of res.rows) {
    names.relations.set(relationFileKey({ spcOid: Number(row.spc), dbOid, relNumber: Number(row.rel) }), row.name);
  }
}
