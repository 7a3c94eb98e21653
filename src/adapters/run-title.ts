import type { Report } from '../engine';

/** A run's name: "catchup FULL", "rewind" (its mode is the command), "preflight DELTA". */
export function runTitle(r: Report): string {
  const requested = r.modeRequested && r.modeRequested !== r.mode ? ` (requested ${r.modeRequested})` : '';
  return r.mode === 'rewind' ? r.command : `${r.command} ${r.mode}${requested}`;
}
