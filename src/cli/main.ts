#!/usr/bin/env node
// First: it must run before node-postgres loads.
import './node-navigator';
import { isCatchupError, TOOL_VERSION } from '../engine';
import { runCatchup } from './commands/catchup';
import { runPreflightCommand } from './commands/preflight';
import { runPrintGrants } from './commands/print-grants';
import { runRewind } from './commands/rewind';
import { renderJsonFailure } from './render-json';
import { UsageError } from './usage-error';

const HELP = `pg-catchup: clone, re-sync and rewind PostgreSQL standbys.

Usage:
  pg-catchup catchup -b FULL|DELTA --destination-pgdata=DIR [OPTION]...
  pg-catchup preflight -b FULL|DELTA|AUTO --destination-pgdata=DIR [OPTION]...
  pg-catchup rewind -D DIR --source-server=CONNSTR [OPTION]...
  pg-catchup print-grants --role=NAME
  pg-catchup COMMAND --help

Commands:
  catchup        copy a running primary into a local data directory (FULL) or bring
                 an existing copy up to date (DELTA)
  preflight      run every check a catchup would run, change nothing
  rewind         pg_rewind's command line: resynchronize an old primary after failover
  print-grants   print the GRANTs a non-superuser role needs

Options:
  -V, --version  print the version
  -?, --help     show this help`;

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  catchup: runCatchup,
  'print-grants': runPrintGrants,
  preflight: runPreflightCommand,
  rewind: runRewind,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-?' || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-V') {
    process.stdout.write(`pg-catchup ${TOOL_VERSION}\n`);
    return 0;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UsageError(`unknown command "${command}"`);
    return await run(rest);
  } catch (err) {
    const code = err instanceof UsageError ? 2 : 1;
    // --json: stdout gets an object on a refusal too (the error, its fix, the exit status).
    if (rest.includes('--json')) process.stdout.write(renderJsonFailure(command in COMMANDS ? command : undefined, err, code));
    if (err instanceof UsageError) {
      const hint = err.command ? `pg-catchup ${err.command} --help` : 'pg-catchup --help';
      process.stderr.write(`pg-catchup: error: ${err.message}\nTry "${hint}" for more information.\n`);
      return code;
    }
    const message = isCatchupError(err) ? err.message : `unexpected failure: ${(err as Error).stack ?? err}`;
    process.stderr.write(`pg-catchup: error: ${message.replace(/\n/g, ' ')}\n`);
    return code;
  }
}

/**
 * Inside a single executable (scripts/release.ts) the bundle is always the program, and the
 * check below cannot run there: the bundler turns it into a module-cache lookup, and a single
 * executable has no module cache. `node:sea` is missing before Node 20.12; outside one, false.
 */
function insideSingleExecutable(): boolean {
  try {
    return (require('node:sea') as { isSea(): boolean }).isSea();
  } catch {
    return false;
  }
}

if (insideSingleExecutable() || require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
