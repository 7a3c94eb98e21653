/** Proof that a half-written target cannot start: a real `pg_ctl start`, which must fail. */
import * as fs from 'fs';
import * as path from 'path';
import { Cluster } from './cluster';
import { freePort } from './ports';
import { run, tail } from './run';
import { makeScratchDir } from './scratch';

/**
 * What pg_ctl or PostgreSQL says about a directory a cut run left: no pg_control (written last),
 * or, for a FULL cut early, not even PG_VERSION yet.
 */
export const INCOMPLETE_DATA_DIR = /could not find the database system[\s\S]*global\/pg_control|is not a database cluster directory/;

/**
 * Runs `pg_ctl start` on `dataDir` and returns the server's log; fails the test (after stopping
 * it) if the server came up. Its log and socket go to a scratch dir, so a refusal writes nothing
 * into the target.
 */
export async function expectStartRefused(binDir: string, dataDir: string): Promise<string> {
  const scratch = makeScratchDir('must-not-start');
  const logFile = path.join(scratch, 'server.log');
  const pgCtl = path.join(binDir, 'pg_ctl');
  const options = `-p ${await freePort()} -c listen_addresses=127.0.0.1 -k ${scratch}`;
  const r = await run(pgCtl, ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '30', '-o', options], { allowFailure: true, timeoutMs: 45_000, cwd: scratch });
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  if (r.code === 0 || Cluster.isRunningAt(dataDir)) {
    await run(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w'], { allowFailure: true });
    throw new Error(`pg_ctl start brought up ${dataDir}, which a killed run left half-written; it must refuse.\n${tail(log, 20)}`);
  }
  return log + r.stdout + r.stderr;
}
