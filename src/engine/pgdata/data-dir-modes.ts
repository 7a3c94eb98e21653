import fs from 'fs';

/** The modes PostgreSQL gives what it creates in a data directory. */
export interface DataDirModes {
  dir: number;
  file: number;
}

// src/include/common/file_perm.h: PG_DIR_MODE_OWNER/PG_FILE_MODE_OWNER and the _GROUP pair.
export const OWNER_ONLY_MODES: DataDirModes = { dir: 0o700, file: 0o600 };
export const GROUP_READ_MODES: DataDirModes = { dir: 0o750, file: 0o640 };

/**
 * What PostgreSQL decides from the mode of PGDATA itself (common/file_perm.c
 * GetDataDirectoryCreatePerm): group read and execute on it (initdb -g, 0750) means every file
 * is created 0640 and every directory 0750; anything else means owner only. pg_rewind applies
 * the target's, pg_basebackup the source server's data_directory_mode.
 */
export function modesForDataDirMode(mode: number): DataDirModes {
  return (mode & GROUP_READ_MODES.dir) === GROUP_READ_MODES.dir ? GROUP_READ_MODES : OWNER_ONLY_MODES;
}

/** The modes for an existing data directory on this host (owner only when it does not exist yet). */
export function dataDirModes(dir: string): DataDirModes {
  const st = fs.statSync(dir, { throwIfNoEntry: false });
  return st ? modesForDataDirMode(st.mode) : OWNER_ONLY_MODES;
}

/** data_directory_mode as SHOW prints it ("0750"), or a stopped directory's stat mode. */
export function parseDataDirectoryMode(text: string): number {
  const mode = Number.parseInt(text, 8);
  if (!Number.isInteger(mode) || mode < 0 || mode > 0o7777) throw new Error(`data_directory_mode "${text}" is not an octal mode`);
  return mode;
}
