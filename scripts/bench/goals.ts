/**
 * Issue 7's goals, and the verdicts of one bench run against them. Each section records what it
 * measured here; the run ends with one summary line per goal, measured or not.
 */
import { formatTable } from './stats';

export type GoalId = 'full-j1' | 'full-j2' | 'delta' | 'ptrack' | 'rewind-wal' | 'rewind-no-wal' | 'stop-to-exit' | 'rss' | 'bytes';

export interface Goal {
  id: GoalId;
  text: string;
  /** The measured value must be at most this. */
  limit: number;
  unit: 'x' | 'ms' | 'MB';
  /** Why it may be missing from a run (printed in the summary when it is). */
  needs: string;
}

export const GOALS: Goal[] = [
  { id: 'full-j1', text: 'FULL -j 1 <= 0.9 x pg_basebackup -X stream -c fast', limit: 0.9, unit: 'x', needs: 'the full section with pg_basebackup (PostgreSQL 15)' },
  { id: 'full-j2', text: 'FULL -j 2 <= 0.8 x pg_basebackup -X stream -c fast', limit: 0.8, unit: 'x', needs: 'the full section with pg_basebackup (PostgreSQL 15)' },
  { id: 'delta', text: 'DELTA at ~3 % changed (page-LSN scan) <= 0.4 x a fresh pg_basebackup', limit: 0.4, unit: 'x', needs: 'the delta section on PostgreSQL 15 with a --changed-pct between 2 and 4' },
  { id: 'ptrack', text: 'PTRACK at ~3 % (WAL summaries) <= 0.1 x our FULL', limit: 0.1, unit: 'x', needs: 'the delta section on PostgreSQL 17/18 with a --changed-pct between 2 and 4' },
  { id: 'rewind-wal', text: "rewind, target's WAL present: <= 1.0 x pg_rewind", limit: 1.0, unit: 'x', needs: 'the rewind section (PostgreSQL 15: pg_rewind)' },
  { id: 'rewind-no-wal', text: "rewind, target's WAL gone: <= 0.5 x a fresh pg_basebackup", limit: 0.5, unit: 'x', needs: 'the rewind section (PostgreSQL 15: pg_basebackup)' },
  { id: 'stop-to-exit', text: 'no fixed waits: "backup stopped" to exit <= 200 ms', limit: 200, unit: 'ms', needs: 'a pg-catchup run that logs "backup stopped"' },
  { id: 'rss', text: 'peak RSS of pg-catchup <= 200 MB', limit: 200, unit: 'MB', needs: 'peak RSS (/usr/bin/time -v or /proc)' },
  { id: 'bytes', text: 'bytes written <= 1.05 x (changed pages + files copied whole + WAL)', limit: 1.05, unit: 'x', needs: 'the delta section' },
];

const goalById = (id: GoalId): Goal => GOALS.find((g) => g.id === id)!;

export interface Measurement {
  goal: GoalId;
  /** Where it was measured, e.g. "1500 MB" or "DELTA at 3 %". */
  at: string;
  /** null: no number; `why` says why, and `refused` whether pg-catchup failed the job (NOT met). */
  value: number | null;
  why?: string;
  refused?: boolean;
}

export const met = (goal: GoalId, value: number | null): boolean | null => (value === null ? null : value <= goalById(goal).limit);

export function formatValue(goal: GoalId, value: number | null): string {
  if (value === null) return '-';
  const unit = goalById(goal).unit;
  return unit === 'x' ? value.toFixed(2) : `${value.toFixed(0)} ${unit}`;
}

/** "<= 0.9", "<= 200 ms": the goal column of a table. */
export function limitText(goal: GoalId): string {
  const g = goalById(goal);
  return g.unit === 'x' ? `<= ${g.limit.toFixed(g.limit === 1.05 ? 2 : 1)}` : `<= ${g.limit} ${g.unit}`;
}

export const verdictText = (ok: boolean | null): string => (ok === null ? 'not measured' : ok ? 'met' : 'NOT met');

/** A refusal is a failed goal; a number the run could not take is an unmeasured one. */
const verdictOf = (m: Measurement): string => (m.refused ? 'NOT met' : verdictText(met(m.goal, m.value)));

/** The goal and verdict cells of a table row: ["<= 0.9", "met"]. */
export function goalCells(goal: GoalId, value: number | null): string[] {
  return [limitText(goal), verdictText(met(goal, value))];
}

/** Everything measured against a goal in this run, in order. */
export class GoalLedger {
  readonly measurements: Measurement[] = [];

  record(goal: GoalId, at: string, value: number | null, why?: string, refused = false): Measurement {
    const m: Measurement = { goal, at, value, ...(why ? { why } : {}), ...(refused ? { refused } : {}) };
    this.measurements.push(m);
    return m;
  }

  /** One line for one goal, as printed under a section's table. */
  line(m: Measurement): string {
    const g = goalById(m.goal);
    const value = m.value === null ? (m.why ?? 'no number') : formatValue(m.goal, m.value);
    return `goal: ${g.text} (${m.at}): ${value}, ${verdictOf(m)}`;
  }

  /** Per goal: the worst measurement decides (every measurement must meet it). */
  summary(): GoalSummary[] {
    return GOALS.map((g) => {
      const ms = this.measurements.filter((m) => m.goal === g.id);
      const measured = ms.filter((m) => m.value !== null);
      const worst = measured.reduce<Measurement | null>((w, m) => (w === null || m.value! > w.value! ? m : w), null);
      let result: string;
      if (ms.some((m) => m.refused) || (worst && !met(g.id, worst.value))) result = 'NOT met';
      else if (worst) result = ms.length === measured.length ? 'met' : 'met where measured';
      else result = 'not measured';
      const each = ms.map((m) => `${m.at}: ${m.value === null ? (m.why ?? 'no number') : formatValue(g.id, m.value)}`);
      return {
        goal: g.text,
        measured: worst ? formatValue(g.id, worst.value) : '-',
        result,
        detail: ms.length === 0 ? `needs ${g.needs}` : each.join('; '),
      };
    });
  }
}

export interface GoalSummary {
  goal: string;
  /** The worst measurement, formatted. */
  measured: string;
  result: string;
  /** Every measurement ("1500 MB: 1.24; ..."), or what the goal needs when it had none. */
  detail: string;
}

export function printGoalSummary(ledger: GoalLedger, say: (line: string) => void): GoalSummary[] {
  const rows = ledger.summary();
  const cut = (s: string) => (s.length > 150 ? `${s.slice(0, 147)}...` : s);
  say(formatTable(['goal (issue 7)', 'measured (worst)', 'result', 'measurements'], rows.map((r) => [r.goal, r.measured, r.result, cut(r.detail)]), [0, 2, 3]));
  say('  measured (worst): the largest value over every measurement of that goal in this run; a goal is met when all of them are');
  say('  a job pg-catchup refused counts as NOT met; "not measured": this run had no section, version or tool for it');
  return rows;
}
