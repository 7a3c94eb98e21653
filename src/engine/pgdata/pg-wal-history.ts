import fs from 'fs';
import path from 'path';
import { parseTimelineHistory, TimelineHistoryEntry } from '../wal/timeline-history';
import { historyFileName } from '../wal/wal-segment';

/** A local data directory's history for timeline `tli`, from its pg_wal; null when the file is missing. */
export function readPgWalHistory(dir: string, tli: number): TimelineHistoryEntry[] | null {
  if (tli <= 1) return [];
  const file = path.join(dir, 'pg_wal', historyFileName(tli));
  if (!fs.existsSync(file)) return null;
  return parseTimelineHistory(fs.readFileSync(file, 'utf8'), file);
}
