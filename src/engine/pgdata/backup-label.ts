import type { Lsn } from '../wal/lsn';
import { parseLsn } from '../wal/lsn';

/** The fields of a backup_label (written by pg_backup_stop, read by the server at startup). */
export interface BackupLabel {
  startWalLocation: Lsn;
  checkpointLocation: Lsn;
  startTimeline: number | null;
  backupFrom: string | null;
  label: string | null;
}

/**
 * A backup_label left in a target (a restored backup or a rewind that was never started) means
 * recovery will begin at its START WAL LOCATION, which can be older than pg_control's redo.
 */
export function parseBackupLabel(text: string, name = 'backup_label'): BackupLabel {
  const field = (key: string) => new RegExp(`^${key}: (.*)$`, 'm').exec(text)?.[1]?.trim() ?? null;
  const start = field('START WAL LOCATION');
  const checkpoint = field('CHECKPOINT LOCATION');
  if (start === null || checkpoint === null) {
    throw new Error(`${name} is malformed: it has no ${start === null ? 'START WAL LOCATION' : 'CHECKPOINT LOCATION'} line`);
  }
  const timeline = field('START TIMELINE');
  return {
    startWalLocation: parseLsn(start.split(' ')[0]),
    checkpointLocation: parseLsn(checkpoint),
    startTimeline: timeline === null ? null : Number(timeline),
    backupFrom: field('BACKUP FROM'),
    label: field('LABEL'),
  };
}
