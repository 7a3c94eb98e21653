import type { Client } from 'pg';
import { CatchupError } from '../errors';
import { parseDataDirectoryMode } from '../pgdata/data-dir-modes';
import { parsePgControl, PG_CONTROL_FILE_SIZE } from '../pgdata/pg-control';
import type { SourceTablespace } from '../plan/tablespace-mapping';
import { listSourceFiles } from './server/file-listing';
import type { SourceEntry } from '../plan/plan';
import { RangeReader, readRanges } from '../copy/range-reader';
import { sqlRangeReader } from './server/file-reader';
import { SourceFileStat, statSourceFiles } from './server/file-stat';
import { listSourceTablespaces } from './server/tablespaces';

/**
 * The source's files, as every kind of source answers for them: a running server through SQL
 * functions, or a stopped data directory on this host (local-pgdata.ts). Planning and copying
 * read through this and do not know which one they have.
 */
export interface SourceFiles {
  /** Every entry of the data directory, tablespace links followed. */
  list(): Promise<SourceEntry[]>;
  /** User tablespaces: OID and where they are on the source host. */
  tablespaces(): Promise<SourceTablespace[]>;
  /** One range reader per parallel reader (-j). */
  readers: RangeReader[];
  /**
   * Sizes and modification times now, for a running source whose files can change during the
   * copy (absent for a stopped directory: its reader checks every file against the listing).
   */
  stat?(paths: string[]): Promise<Map<string, SourceFileStat | null>>;
  /** The mode of its data directory (a server's data_directory_mode): a FULL target gets PostgreSQL's modes for it, as pg_basebackup does. */
  dataDirectoryMode?(): Promise<number>;
}

export function sqlSourceFiles(control: Client, readers: Client[]): SourceFiles {
  return {
    list: () => listSourceFiles(control),
    tablespaces: () => listSourceTablespaces(control),
    readers: readers.map(sqlRangeReader),
    stat: (paths) => statSourceFiles(control, paths),
    dataDirectoryMode: async () => parseDataDirectoryMode((await control.query<{ m: string }>("SELECT current_setting('data_directory_mode') AS m")).rows[0].m),
  };
}

/** The source's global/pg_control, read like any other file. */
export async function readSourceControlFile(files: SourceFiles): Promise<Buffer> {
  let content: Buffer | null = null;
  await readRanges(files.readers[0], [{ path: 'global/pg_control', offset: 0, length: PG_CONTROL_FILE_SIZE }], async (_i, _o, data) => {
    content = data;
  });
  if (!content) throw new CatchupError('read-failed', "Could not read the source's global/pg_control.", 'Check the EXECUTE grant on pg_read_binary_file.');
  return content;
}

/** A torn or foreign pg_control must never become the target's: check CRC and identity first. */
export async function readControlFile(files: SourceFiles, systemIdentifier: string): Promise<Buffer> {
  const content = await readSourceControlFile(files);
  const parsed = parsePgControl(content, "the source's global/pg_control");
  if (parsed.systemIdentifierText !== systemIdentifier) {
    throw new CatchupError('identity-mismatch',
      `The source's pg_control has system identifier ${parsed.systemIdentifierText}, but its replication connection reports ${systemIdentifier}.`,
      'The connections reached different clusters (a load balancer or pooler in between?): point pg-catchup at one server directly.');
  }
  return content;
}
