/**
 * Timeline history files (`0000000N.history`), read as PostgreSQL's timeline.c does.
 * Each line is `<parentTLI>\t<switchpoint X/Y>\t<reason>`; the TLI here is DECIMAL even
 * though file names carry it in hex. `#` comments and blank lines are skipped.
 */

import { formatLsn, Lsn } from './lsn';

/** One line: WAL before `switchpoint` on this history belongs to timeline `tli`. */
export interface TimelineHistoryEntry {
  tli: number;
  switchpoint: Lsn;
  reason: string;
}

/** A timeline's stretch of one history: [begin, end), end null for the current tip. */
export interface TimelineSpan {
  tli: number;
  begin: Lsn;
  end: Lsn | null;
}

/** Where a timeline and its parent stop sharing WAL. */
export interface Divergence {
  /** Last timeline both histories share. */
  tli: number;
  /**
   * First LSN that is not common: WAL before it is the same on both sides. Null when
   * both are on that same timeline still, so nothing has diverged.
   */
  lsn: Lsn | null;
}

// The server writes tabs but reads with sscanf("%u\t%X/%X"), where any whitespace matches.
const LINE = /^(\d+)[ \t]+([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})(?:[ \t]+(.*))?$/;

/**
 * Parses history file text. `name` is only used in error messages. Throws on a syntax
 * error or on timeline IDs that do not increase, as the server refuses those files too.
 */
export function parseTimelineHistory(text: string, name = 'timeline history file'): TimelineHistoryEntry[] {
  const entries: TimelineHistoryEntry[] = [];
  const lines = text.split('\n');
  lines.forEach((rawLine, index) => {
    const line = rawLine.replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const match = LINE.exec(line.trimStart());
    if (!match) {
      throw new Error(
        `syntax error in ${name} line ${index + 1}: "${line}" ` +
          '(expected "<decimal parent timeline>\\t<switchpoint X/Y>\\t<reason>")',
      );
    }
    const tli = Number(match[1]);
    if (!Number.isSafeInteger(tli) || tli < 1 || tli > 0xffffffff) {
      throw new Error(`invalid timeline ID ${match[1]} in ${name} line ${index + 1}`);
    }
    const previous = entries[entries.length - 1];
    if (previous && tli <= previous.tli) {
      throw new Error(
        `invalid data in ${name} line ${index + 1}: timeline IDs must increase (${previous.tli} then ${tli})`,
      );
    }
    const switchpoint = (BigInt(`0x${match[2]}`) << 32n) | BigInt(`0x${match[3]}`);
    entries.push({ tli, switchpoint, reason: match[4] ?? '' });
  });
  return entries;
}

/** Renders entries as PostgreSQL writes them (for tests and for writing files we fetched). */
export function formatTimelineHistory(entries: readonly TimelineHistoryEntry[]): string {
  return entries.map((e) => `${e.tli}\t${formatLsn(e.switchpoint)}\t${e.reason}\n`).join('');
}

/** Every timeline on the history of `currentTli`, oldest first, with its LSN range. */
export function timelineSpans(history: readonly TimelineHistoryEntry[], currentTli: number): TimelineSpan[] {
  const spans: TimelineSpan[] = [];
  let begin = 0n;
  for (const entry of history) {
    spans.push({ tli: entry.tli, begin, end: entry.switchpoint });
    begin = entry.switchpoint;
  }
  spans.push({ tli: currentTli, begin, end: null });
  return spans;
}

/**
 * The timeline a WAL record starting at `lsn` belongs to on this history. A record at
 * exactly a switchpoint is on the child timeline (tliOfPointInHistory).
 */
export function timelineOfLsn(history: readonly TimelineHistoryEntry[], currentTli: number, lsn: Lsn): number {
  for (const entry of history) {
    if (lsn < entry.switchpoint) return entry.tli;
  }
  return currentTli;
}

/**
 * The LSN where `tli` ended on this history, null if `tli` is the current timeline,
 * undefined if `tli` is not on it at all (tliSwitchPoint).
 */
export function switchpointOf(
  history: readonly TimelineHistoryEntry[],
  currentTli: number,
  tli: number,
): Lsn | null | undefined {
  if (tli === currentTli) return null;
  return history.find((entry) => entry.tli === tli)?.switchpoint;
}

/**
 * Whether WAL written up to `lsn` (an end position: redo point, minRecoveryPoint, end of
 * WAL) on timeline `tli` is part of the history of `currentTli`: `tli` is current, or an
 * ancestor that went on at least until `lsn`.
 */
export function isOnHistory(
  history: readonly TimelineHistoryEntry[],
  currentTli: number,
  position: { tli: number; lsn: Lsn },
): boolean {
  const end = switchpointOf(history, currentTli, position.tli);
  if (end === undefined) return false;
  return end === null || position.lsn <= end;
}

/**
 * The last point two histories share, as pg_rewind finds it: walk both from the start
 * while they name the same timelines; the fork is the earlier end of the last shared one.
 * Null when they share no timeline (different clusters, or a history file is missing).
 */
export function findDivergence(
  a: { history: readonly TimelineHistoryEntry[]; tli: number },
  b: { history: readonly TimelineHistoryEntry[]; tli: number },
): Divergence | null {
  const spansA = timelineSpans(a.history, a.tli);
  const spansB = timelineSpans(b.history, b.tli);
  let shared = -1;
  while (
    shared + 1 < spansA.length &&
    shared + 1 < spansB.length &&
    spansA[shared + 1].tli === spansB[shared + 1].tli &&
    spansA[shared + 1].begin === spansB[shared + 1].begin
  ) {
    shared++;
  }
  if (shared < 0) return null;
  const endA = spansA[shared].end;
  const endB = spansB[shared].end;
  // A null end is the open tip: the other side's end (if any) is where they part.
  let lsn: Lsn | null;
  if (endA === null) lsn = endB;
  else if (endB === null) lsn = endA;
  else lsn = endA < endB ? endA : endB;
  return { tli: spansA[shared].tli, lsn };
}
