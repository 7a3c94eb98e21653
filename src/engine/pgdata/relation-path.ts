/**
 * Relation data file names under PGDATA (relpath() in PostgreSQL's common/relpath.c):
 *   global/<relfilenode>                                   shared catalogs
 *   base/<dbOid>/<relfilenode>                             default tablespace
 *   pg_tblspc/<spcOid>/PG_<major>_<catversion>/<dbOid>/<relfilenode>
 * each optionally with a fork suffix (_fsm, _vm, _init) and a segment suffix (.N, N >= 1);
 * temporary relations are `t<backend>_<relfilenode>`.
 */

export type ForkName = 'main' | 'fsm' | 'vm' | 'init';

/** OIDs of the two built-in tablespaces (pg_default, pg_global). */
export const DEFAULTTABLESPACE_OID = 1663;
export const GLOBALTABLESPACE_OID = 1664;

/** A relation file as WAL names it. */
export interface RelationFileKey {
  spcOid: number;
  dbOid: number;
  relNumber: number;
}

export interface RelationFile {
  tablespaceOid: number;
  /** 0 for shared catalogs in global/. */
  databaseOid: number;
  relfilenode: number;
  fork: ForkName;
  /** 0 for the first 1 GB segment, which has no `.N` suffix. */
  segmentNo: number;
  isTemp: boolean;
  /** Backend (proc) number of a temporary relation's owner; null when not temporary. */
  tempBackend: number | null;
  /** `PG_<major>_<catversion>` for files in pg_tblspc, null otherwise. */
  tablespaceVersionDir: string | null;
}

// Numbers as PostgreSQL prints them (%u): no sign, no leading zeros.
const NUM = '(0|[1-9][0-9]*)';
const POS = '([1-9][0-9]*)';
const FILE_NAME = new RegExp(`^(?:t${NUM}_)?${POS}(?:_(fsm|vm|init))?(?:\\.${POS})?$`);
const TABLESPACE_VERSION_DIR = /^PG_[0-9]+_[0-9]{9}$/;
const MAX_OID = 0xffffffff;

export interface RelationFileName {
  relfilenode: number;
  fork: ForkName;
  segmentNo: number;
  isTemp: boolean;
  tempBackend: number | null;
}

/** Parses just the file name part (`16384_vm.1`, `t3_16384`); null if not a relation file. */
export function parseRelationFileName(fileName: string): RelationFileName | null {
  const match = FILE_NAME.exec(fileName);
  if (!match) return null;
  const relfilenode = Number(match[2]);
  const segmentNo = match[4] === undefined ? 0 : Number(match[4]);
  const tempBackend = match[1] === undefined ? null : Number(match[1]);
  if (relfilenode > MAX_OID || segmentNo > MAX_OID || (tempBackend !== null && tempBackend > MAX_OID)) {
    return null;
  }
  return {
    relfilenode,
    fork: (match[3] as ForkName | undefined) ?? 'main',
    segmentNo,
    isTemp: tempBackend !== null,
    tempBackend,
  };
}

function parseOid(text: string | undefined): number | null {
  if (text === undefined || !/^[1-9][0-9]*$/.test(text)) return null;
  const value = Number(text);
  return value <= MAX_OID ? value : null;
}

/**
 * Parses a path relative to PGDATA ('/' separated) into the relation file it holds, or
 * null for every other file (catalog metadata like PG_VERSION, pg_filenode.map, ...).
 */
export function parseRelationPath(relPath: string): RelationFile | null {
  const parts = relPath.split('/');
  let tablespaceOid: number | null;
  let databaseOid: number | null;
  let tablespaceVersionDir: string | null = null;
  let fileName: string;

  if (parts[0] === 'global' && parts.length === 2) {
    tablespaceOid = GLOBALTABLESPACE_OID;
    databaseOid = 0;
    fileName = parts[1];
  } else if (parts[0] === 'base' && parts.length === 3) {
    tablespaceOid = DEFAULTTABLESPACE_OID;
    databaseOid = parseOid(parts[1]);
    fileName = parts[2];
  } else if (parts[0] === 'pg_tblspc' && parts.length === 5 && TABLESPACE_VERSION_DIR.test(parts[2])) {
    tablespaceOid = parseOid(parts[1]);
    tablespaceVersionDir = parts[2];
    databaseOid = parseOid(parts[3]);
    fileName = parts[4];
  } else {
    return null;
  }
  if (tablespaceOid === null || databaseOid === null) return null;
  const name = parseRelationFileName(fileName);
  // Shared catalogs are never temporary.
  if (!name || (name.isTemp && databaseOid === 0)) return null;
  return { tablespaceOid, databaseOid, ...name, tablespaceVersionDir };
}

/** The file name part for a relation file: relfilenode, fork suffix, segment suffix. */
export function relationFileName(rel: Pick<RelationFile, 'relfilenode' | 'fork' | 'segmentNo' | 'tempBackend'>): string {
  const temp = rel.tempBackend === null ? '' : `t${rel.tempBackend}_`;
  const fork = rel.fork === 'main' ? '' : `_${rel.fork}`;
  const segment = rel.segmentNo === 0 ? '' : `.${rel.segmentNo}`;
  return `${temp}${rel.relfilenode}${fork}${segment}`;
}

/** Inverse of parseRelationPath: the path relative to PGDATA. */
export function relationFilePath(rel: RelationFile): string {
  const fileName = relationFileName(rel);
  if (rel.tablespaceOid === GLOBALTABLESPACE_OID) return `global/${fileName}`;
  if (rel.tablespaceOid === DEFAULTTABLESPACE_OID) return `base/${rel.databaseOid}/${fileName}`;
  if (rel.tablespaceVersionDir === null) {
    throw new Error(
      `relation ${rel.relfilenode} is in tablespace ${rel.tablespaceOid}, whose path needs the ` +
        'PG_<major>_<catversion> directory name (tablespaceVersionDir)',
    );
  }
  return `pg_tblspc/${rel.tablespaceOid}/${rel.tablespaceVersionDir}/${rel.databaseOid}/${fileName}`;
}

/**
 * Whether a directory (relative to PGDATA) is a database directory that holds relation
 * files: base/<db> or pg_tblspc/<spc>/PG_x_y/<db>.
 */
export function isDatabaseDirectory(dirPath: string): boolean {
  const parts = dirPath.split('/');
  if (parts[0] === 'base' && parts.length === 2) return parseOid(parts[1]) !== null;
  return (
    parts[0] === 'pg_tblspc' &&
    parts.length === 4 &&
    parseOid(parts[1]) !== null &&
    TABLESPACE_VERSION_DIR.test(parts[2]) &&
    parseOid(parts[3]) !== null
  );
}

/** The directory that holds a database's files in a tablespace: base/5, global, pg_tblspc/<spc>/<dir>/5. */
export function databaseDirectory(tablespaceOid: number, databaseOid: number, tablespaceVersionDir: string): string {
  if (tablespaceOid === GLOBALTABLESPACE_OID) return 'global';
  if (tablespaceOid === DEFAULTTABLESPACE_OID) return `base/${databaseOid}`;
  return `pg_tblspc/${tablespaceOid}/${tablespaceVersionDir}/${databaseOid}`;
}

/**
 * The path of one segment file of a permanent relation's fork, from the numbers WAL records
 * carry (RelFileLocator): base/5/16384, base/5/16384.2, global/1262, pg_tblspc/16500/PG_15_x/5/16390_vm.
 */
export function relationSegmentPath(
  tablespaceOid: number,
  databaseOid: number,
  relfilenode: number,
  fork: ForkName,
  segmentNo: number,
  tablespaceVersionDir: string,
): string {
  const fileName = relationFileName({ relfilenode, fork, segmentNo, tempBackend: null });
  return `${databaseDirectory(tablespaceOid, databaseOid, tablespaceVersionDir)}/${fileName}`;
}
