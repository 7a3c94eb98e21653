import fs from 'fs';
import { execCommandRunner } from '../../adapters/exec-command-runner';
import { runPreflight } from '../../engine';
import type { RequestedMode } from '../../engine';
import {
  CONNECTION_FLAGS, CONNECTION_HELP, LAYOUT_FLAGS, LAYOUT_HELP, layoutValues, parseFlags, SOURCE_PGDATA_FLAG, sourceValues, warnOfCommandLinePassword,
} from '../parse-flags';
import { terminalLogger } from '../progress-printer';
import { renderChecks } from '../render-checks';
import { renderJsonResult } from '../render-json';
import { UsageError } from '../usage-error';

export const PREFLIGHT_HELP = `pg-catchup preflight: run every check a catchup would run, and change nothing.

Usage:
  pg-catchup preflight -b FULL|DELTA|AUTO --destination-pgdata=DIR [OPTION]...

Options:
  -b, --backup-mode=MODE         FULL, DELTA, PTRACK, or AUTO (FULL for an empty target, else DELTA)
  -D, --destination-pgdata=DIR   the target data directory
      --source-pgdata=DIR        check a cleanly stopped data directory on this host as the
                                 source instead of connecting (FULL, DELTA, AUTO)
${LAYOUT_HELP}
      --fail-on-warning          a warning fails the preflight too
      --json                     print the report as JSON on stdout
      --report=FILE.json         write the report to a file
  -?, --help                     show this help

${CONNECTION_HELP}

Exit status: 0 when every check passes, 1 when one fails, 2 on bad usage.`;

export async function runPreflightCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags('preflight', argv, {
    ...CONNECTION_FLAGS,
    ...SOURCE_PGDATA_FLAG,
    ...LAYOUT_FLAGS,
    'backup-mode': { type: 'string', short: 'b' },
    'destination-pgdata': { type: 'string', short: 'D' },
    'fail-on-warning': { type: 'boolean' },
    json: { type: 'boolean' },
    report: { type: 'string' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: '?' },
  });
  if (values.help) {
    process.stdout.write(`${PREFLIGHT_HELP}\n`);
    return 0;
  }
  const mode = ((values['backup-mode'] as string | undefined) ?? 'AUTO').toUpperCase();
  if (!['FULL', 'DELTA', 'AUTO', 'PTRACK'].includes(mode)) throw new UsageError(`unknown backup mode "${values['backup-mode']}": use FULL, DELTA, PTRACK or AUTO`, 'preflight');
  const target = values['destination-pgdata'] as string | undefined;
  if (!target) throw new UsageError('--destination-pgdata is required', 'preflight');
  const logger = terminalLogger({ progress: false, debug: Boolean(values.debug) });
  warnOfCommandLinePassword(values.dbname as string | undefined, logger);
  const report = await runPreflight({
    mode: mode as RequestedMode,
    targetDir: target,
    ...sourceValues(values, 'preflight', mode),
    env: process.env,
    ...layoutValues(values),
    failOnWarning: Boolean(values['fail-on-warning']),
    runner: execCommandRunner,
    logger,
  });
  if (values.report) fs.writeFileSync(values.report as string, `${JSON.stringify(report, null, 2)}\n`);
  if (values.json) process.stdout.write(renderJsonResult(report, report.status === 'success' ? 0 : 1));
  else {
    process.stdout.write(`${renderChecks(report.checks)}\n`);
    process.stdout.write(`preflight ${report.status === 'success' ? 'passed' : 'FAILED'} for ${report.mode}: ${report.nextStep}\n`);
  }
  return report.status === 'success' ? 0 : 1;
}
