/** One entry of the source's data directory, paths relative to PGDATA with '/' separators. */
export interface SourceEntry {
  path: string;
  size: number;
  isDir: boolean;
  /** For pg_tblspc/<oid> entries: where the tablespace lives on the source host. */
  linkTarget?: string;
}

/** What a run will do to the target, decided before any write (design: decide, then do). */
export interface FileCopy {
  path: string;
  /** Size on the source when listed; the file is read up to this size. */
  size: number;
}

/** An existing target relation file brought to the source's content block by block. */
export interface BlockPatch {
  path: string;
  sourceSize: number;
  targetSize: number;
  /** Byte ranges to copy from the source (whole blocks, merged when adjacent). */
  ranges: Array<{ offset: number; length: number }>;
  /** Blocks copied because the source changed them, the target changed them, or the target lacks them. */
  blocks: { sourceChanged: number; targetChanged: number; beyondTarget: number };
}

export interface SkippedEntry {
  path: string;
  reason: string;
}

export type PlanMode = 'FULL' | 'DELTA';

/** A tablespace link the run creates: pg_tblspc/<oid> pointing at a directory it makes. */
export interface TablespaceLink {
  oid: number;
  linkPath: string;
  /** Absolute directory on the target host. */
  location: string;
}

export interface Plan {
  mode: PlanMode;
  /** Tablespace links to create, before the directories below them. */
  tablespaceLinks: TablespaceLink[];
  /** Directories to create, parents before children (excluded directories are kept empty). */
  directories: string[];
  /** Files copied whole (created or overwritten). */
  files: FileCopy[];
  /** DELTA: relation files patched in place. */
  patches: BlockPatch[];
  /** Paths only on the target, removed: files first, then directories deepest first. */
  deletions: string[];
  skipped: SkippedEntry[];
  /** Copied after everything else is durable (design rule 6). */
  controlFile: string;
  bytesToCopy: number;
}

export const CONTROL_FILE = 'global/pg_control';

export function planBytes(files: FileCopy[], patches: BlockPatch[]): number {
  const whole = files.reduce((n, f) => n + f.size, 0);
  return patches.reduce((n, p) => n + p.ranges.reduce((m, r) => m + r.length, 0), whole);
}

/** A plan that only copies these files whole (into directories that exist). */
export function wholeFilesPlan(files: FileCopy[]): Plan {
  return {
    mode: 'DELTA', tablespaceLinks: [], directories: [], files, patches: [], deletions: [], skipped: [],
    controlFile: CONTROL_FILE, bytesToCopy: planBytes(files, []),
  };
}
