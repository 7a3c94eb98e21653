import { describeDiscarded } from '../engine';
import type { Report } from '../engine';

type Discarded = NonNullable<Report['discarded']>;
type Relation = NonNullable<Discarded['relations']>[number];

/** The first OID (and relfilenode) of objects made after initdb (FirstNormalObjectId). */
const FIRST_NORMAL_OBJECT_ID = 16384;

/** A system catalog (or its TOAST or index), by schema, or by its relfilenode when it has no name. */
export function isSystemRelation(r: Relation): boolean {
  if (r.databaseOid === 0) return true; // the shared catalogs (pg_database, pg_authid, ...)
  if (r.name) return /^(pg_catalog|pg_toast|information_schema)\./.test(r.name);
  return r.relfilenode < FIRST_NORMAL_OBJECT_ID;
}

/** The user's tables first, then the system catalogs: what a DBA looks for comes first. Stable otherwise. */
export function userRelationsFirst(d: Discarded): Discarded {
  if (!d.relations) return d;
  const user = d.relations.filter((r) => !isSystemRelation(r));
  return { ...d, relations: [...user, ...d.relations.filter(isSystemRelation)] };
}

/** The discarded-work line, with the user's tables before the system catalogs. */
export function renderDiscarded(d: Discarded, dryRun: boolean): string {
  return describeDiscarded(userRelationsFirst(d), dryRun);
}
