/** What a run will do to the target, decided before any write (design: decide, then do). */
export interface FileCopy {
  path: string;
  /** Size on the source when listed; the file is read up to this size. */
  size: number;
}

export interface SkippedEntry {
  path: string;
  reason: string;
}

export interface Plan {
  mode: 'FULL';
  /** Directories to create, parents before children (excluded directories are kept empty). */
  directories: string[];
  /** Files copied whole. */
  files: FileCopy[];
  skipped: SkippedEntry[];
  /** Copied after everything else is durable (design rule 6). */
  controlFile: string;
  bytesToCopy: number;
}

export const CONTROL_FILE = 'global/pg_control';
