import { formatLsn, Lsn, parseLsn } from '../wal/lsn';
import { segmentFileName, segmentNoOf } from '../wal/wal-segment';

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

/**
 * The backup_label of a target that replays shipped WAL from R (pg_rewind's createBackupLabel):
 * recovery starts at the checkpoint whose redo is R; "BACKUP FROM: standby" makes it consistent
 * at pg_control's minimum recovery point instead of waiting for a backup-end record. The method
 * must not be "streamed", which would demand that record.
 */
export function formatReplayBackupLabel(opts: {
  redoLsn: Lsn; checkpointLsn: Lsn; timeline: number; segSize: number; startTime: Date; label: string;
}): string {
  const file = segmentFileName(opts.timeline, segmentNoOf(opts.redoLsn, opts.segSize), opts.segSize);
  const time = opts.startTime.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  return [
    `START WAL LOCATION: ${formatLsn(opts.redoLsn)} (file ${file})`,
    `CHECKPOINT LOCATION: ${formatLsn(opts.checkpointLsn)}`,
    'BACKUP METHOD: pg_catchup',
    'BACKUP FROM: standby',
    `START TIME: ${time}`,
    `LABEL: ${opts.label.replace(/\n/g, ' ')}`,
    `START TIMELINE: ${opts.timeline}`,
    '',
  ].join('\n');
}
