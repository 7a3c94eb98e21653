/**
 * Each mode's code is required when that mode runs, not when the engine loads: a FULL then never
 * evaluates the WAL decoding, change detection and divergence modules that DELTA, PTRACK and
 * rewind need (a third of the engine), and a rewind no FULL planning. The preflight command
 * loads the mode it dry-runs the same way. Node caches a module once required, so a second
 * call costs a lookup.
 */
import type * as Full from './full';
import type * as Delta from './delta';
import type * as Ptrack from './ptrack';
import type * as Rewind from './rewind';

export const loadFull = (): typeof Full => require('./full');
export const loadDelta = (): typeof Delta => require('./delta');
export const loadPtrack = (): typeof Ptrack => require('./ptrack');
export const loadRewind = (): typeof Rewind => require('./rewind');
