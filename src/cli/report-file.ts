import fs from 'fs';
import type { Report } from '../engine';

/**
 * Runs a command that yields a Report, prints it, and writes it to --report FILE however the run
 * ends (a failed run's report rides on its error), after the progress line is finished.
 */
export async function runKeepingReport(
  run: () => Promise<Report>, reportPath: string | undefined, logger: { finish(): void }, print: (report: Report) => void,
): Promise<number> {
  let report: Report | undefined;
  try {
    report = await run();
    logger.finish();
    print(report);
    return 0;
  } catch (err) {
    report = (err as { report?: Report }).report;
    throw err;
  } finally {
    logger.finish();
    if (reportPath && report) fs.writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  }
}
