import fs from 'fs';
import path from 'path';
import { formatLsn, parseLsn } from '../wal/lsn';
import type { Lsn } from '../wal/lsn';
import type { FileOwner } from './file-owner';

/** Files of ours inside a target; a sync never deletes or overwrites them. */
export const MARKER_FILE = 'pg_catchup.marker';
export const LOCK_FILE = 'pg_catchup.lock';
export const CONTROL_ASIDE = 'global/pg_control.pg_catchup';
/** The files an interrupted FULL finished (completed-files.ts). */
export const COMPLETED_FILES = 'pg_catchup.done';
export const OWN_FILES = [MARKER_FILE, LOCK_FILE, CONTROL_ASIDE, COMPLETED_FILES];

/** What an interrupted run needs to resume safely (design rule 7). */
export interface CatchupMarker {
  tool: 'pg-catchup';
  mode: string;
  referenceLsn: Lsn;
  sourceSystemIdentifier: string;
  startedAt: string;
  pid: number;
  /** Why R is what it is, for the report of a resumed run. */
  referenceReason: string;
  /** A diverged target also needs its own changed blocks back (rule 4); a rerun must know. */
  diverged: boolean;
  forkLsn?: string;
}

export function readMarker(targetDir: string): CatchupMarker | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(targetDir, MARKER_FILE), 'utf8');
  } catch {
    return null;
  }
  const raw = JSON.parse(text) as Record<string, unknown>;
  if (raw.tool !== 'pg-catchup' || typeof raw.referenceLsn !== 'string' || typeof raw.sourceSystemIdentifier !== 'string') {
    throw new Error(`${path.join(targetDir, MARKER_FILE)} is not a pg-catchup marker`);
  }
  return { ...(raw as unknown as CatchupMarker), referenceLsn: parseLsn(raw.referenceLsn) };
}

/**
 * Records the job, then moves pg_control aside: from here on PostgreSQL refuses to start the
 * directory until a run completes. Both steps are made durable before any data is written.
 */
export function beginMarkedRun(targetDir: string, marker: CatchupMarker, owner: FileOwner | null): void {
  const markerPath = path.join(targetDir, MARKER_FILE);
  const tmp = `${markerPath}.tmp`;
  writeDurably(tmp, `${JSON.stringify({ ...marker, referenceLsn: formatLsn(marker.referenceLsn) }, null, 2)}\n`, owner);
  fs.renameSync(tmp, markerPath);
  fsyncDir(targetDir);
  const control = path.join(targetDir, 'global', 'pg_control');
  const aside = path.join(targetDir, CONTROL_ASIDE);
  if (fs.existsSync(control)) {
    // A resumed run keeps the original aside copy; a pg_control written by the interrupted run goes.
    if (fs.existsSync(aside)) fs.unlinkSync(control);
    else fs.renameSync(control, aside);
    fsyncDir(path.dirname(control));
  }
}

/** After the final pg_control is durable: the run is complete. */
export function endMarkedRun(targetDir: string): void {
  fs.rmSync(path.join(targetDir, CONTROL_ASIDE), { force: true });
  fsyncDir(path.join(targetDir, 'global'));
  fs.rmSync(path.join(targetDir, MARKER_FILE), { force: true });
  fsyncDir(targetDir);
}

function writeDurably(file: string, content: string, owner: FileOwner | null): void {
  const fd = fs.openSync(file, 'w', 0o600);
  try {
    fs.writeSync(fd, content);
    if (owner) fs.fchownSync(fd, owner.uid, owner.gid);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
