import fs from 'fs';
import path from 'path';
import { CatchupError, errorMessage } from '../errors';
import { BackupLabel, parseBackupLabel } from './backup-label';
import { CatchupMarker, CONTROL_ASIDE, readMarker } from './catchup-marker';
import { parsePgControl, PgControl } from './pg-control';
import { LivePostmaster, livePostmaster } from './postmaster-pid';

/** What an existing target says about itself, read without changing anything. */
export interface TargetState {
  dir: string;
  majorVersion: number;
  control: PgControl;
  /** Where pg_control was read: global/pg_control, or the copy an interrupted run moved aside. */
  controlSource: 'global/pg_control' | typeof CONTROL_ASIDE;
  backupLabel: BackupLabel | null;
  marker: CatchupMarker | null;
  postmaster: LivePostmaster | null;
}

export function inspectTarget(targetDir: string): TargetState {
  const dir = path.resolve(targetDir);
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new CatchupError('target-missing', `The target ${dir} does not exist.`,
      'An incremental mode needs an existing copy of the source; to build a new one use -b FULL.');
  }
  if (!st.isDirectory()) {
    throw new CatchupError('target-not-directory', `The target ${dir} is not a directory.`, 'Point the target option at a data directory.');
  }
  const marker = readMarker(dir);
  if (marker?.mode === 'FULL') {
    throw new CatchupError('target-interrupted-full',
      `The target ${dir} holds a FULL copy that was interrupted (started ${marker.startedAt}, PID ${marker.pid}): only FULL can finish it.`,
      'Rerun pg-catchup catchup -b FULL with the same source and target: it resumes, keeping the files the interrupted run finished.');
  }
  const versionFile = path.join(dir, 'PG_VERSION');
  if (!fs.existsSync(versionFile)) {
    throw new CatchupError('target-not-pgdata', `The target ${dir} is not a PostgreSQL data directory (no PG_VERSION).`,
      fs.readdirSync(dir).length === 0 ? 'It is empty: use -b FULL.' : 'Point the target option at a data directory, or use -b FULL into an empty one.');
  }
  const majorVersion = Number(fs.readFileSync(versionFile, 'utf8').trim());
  const { control, controlSource } = readTargetControl(dir, marker);
  const labelPath = path.join(dir, 'backup_label');
  let backupLabel: BackupLabel | null = null;
  // With a marker, a backup_label is the interrupted run's own (maybe torn); R is in the marker.
  if (!marker && fs.existsSync(labelPath)) {
    try {
      backupLabel = parseBackupLabel(fs.readFileSync(labelPath, 'utf8'), labelPath);
    } catch (err) {
      throw new CatchupError('target-backup-label', `${errorMessage(err)}.`, 'Inspect the file; if the directory is not a usable copy, rebuild it with -b FULL.');
    }
  }
  return { dir, majorVersion, control, controlSource, backupLabel, marker, postmaster: livePostmaster(dir) };
}

function readTargetControl(dir: string, marker: CatchupMarker | null): Pick<TargetState, 'control' | 'controlSource'> {
  const main = path.join(dir, 'global', 'pg_control');
  const aside = path.join(dir, CONTROL_ASIDE);
  const pick = fs.existsSync(main) && !marker ? main : fs.existsSync(aside) ? aside : fs.existsSync(main) ? main : null;
  if (!pick) {
    throw new CatchupError('target-no-control', `The target ${dir} has no global/pg_control${marker ? ' and no copy of it set aside' : ''}.`,
      'Without it the target position is unknown and an incremental sync would be a guess: rebuild with -b FULL into an empty directory.');
  }
  try {
    return {
      control: parsePgControl(fs.readFileSync(pick), pick),
      controlSource: pick === aside ? CONTROL_ASIDE : 'global/pg_control',
    };
  } catch (err) {
    throw new CatchupError('target-bad-control', `${errorMessage(err)}.`,
      'The target position cannot be trusted: rebuild with -b FULL into an empty directory.');
  }
}

/** LSN-based selection misses hint-bit-only changes unless they are WAL-logged. */
export function targetLogsHints(target: TargetState): boolean {
  return target.control.dataChecksumVersion > 0 || target.control.walLogHints;
}
