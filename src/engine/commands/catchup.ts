import path from 'path';
import type { Report } from '../report/report';
import { RequestedMode, resolveMode } from './auto-mode';
import { loadDelta, loadFull, loadPtrack } from './load-mode';
import type { DeltaCatchupOptions, FullCatchupOptions } from './options';
import { runPreflight } from './preflight';

export interface CatchupOptions extends DeltaCatchupOptions, Pick<FullCatchupOptions, 'startOver' | 'spaceCheck' | 'compress'> {
  mode: RequestedMode;
}

/** The catchup command: AUTO resolved to FULL or DELTA, then that mode; the report says both. */
export async function catchup(opts: CatchupOptions): Promise<Report> {
  const { mode, why } = resolveMode(opts.mode, path.resolve(opts.targetDir));
  if (opts.mode !== mode) opts.logger?.info(`mode ${mode} (${why})`);
  const tag = (r: Report) => Object.assign(r, { modeRequested: opts.mode });
  try {
    if (mode === 'FULL' && opts.dryRun) {
      // FULL has no blocks to choose: its dry run is the preflight and the bytes it would copy.
      const report = await runPreflight({ ...opts, mode: 'FULL' });
      if (report.status === 'success') report.status = 'dry-run';
      report.command = 'catchup';
      return tag(report);
    }
    const run = mode === 'FULL' ? loadFull().catchupFull : mode === 'PTRACK' ? loadPtrack().catchupPtrack : loadDelta().catchupDelta;
    return tag(await run(opts));
  } catch (err) {
    const report = (err as { report?: Report }).report;
    if (report) tag(report);
    throw err;
  }
}
