/**
 * How the bench runs pg-catchup: the bundled CLI (`node dist/cli/index.js`) when dist/cli/ is what
 * a fresh build of the work tree makes (bundle-freshness.ts, the question check-dist.sh asks), else
 * the source through tsx's require hook in one node process (no tsx wrapper process, so RSS and
 * signals are the tool's own). The printout says which ran and why.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { checkBundle } from './bundle-freshness';

export const REPO = path.resolve(__dirname, '..', '..');

export interface CliCommand {
  cmd: string;
  args: string[];
  /** For the printout: what runs and why. */
  describe: string;
  /** Whether the bundle runs (false: tsx, which compiles TypeScript at each start). */
  bundle: boolean;
}

/**
 * `file`: a bundle given with --cli (e.g. another commit's, to compare two commits in one sitting),
 * run as is: the freshness check is about dist/cli/ and does not apply.
 */
export function pgCatchupCommand(file: string | null = null): CliCommand {
  if (file !== null) {
    const abs = path.resolve(file);
    if (!fs.existsSync(abs)) throw new Error(`--cli ${file}: no such file (build one with bash scripts/build-cli.sh DIR, or npx ncc build src/cli/main.ts -o DIR before that script, and give DIR/index.js)`);
    return { cmd: process.execPath, args: [abs], describe: `node ${abs} (given with --cli)`, bundle: true };
  }
  const verdict = checkBundle(REPO);
  const why = `${verdict.reason}${verdict.cached ? ', checked earlier for the same files' : ''}`;
  if (verdict.fresh) {
    return { cmd: process.execPath, args: [path.join(REPO, 'dist', 'cli', 'index.js')], describe: `node dist/cli/index.js (the bundle: ${why})`, bundle: true };
  }
  return {
    cmd: process.execPath,
    args: ['--require', require.resolve('tsx/cjs', { paths: [REPO] }), path.join(REPO, 'src', 'cli', 'main.ts')],
    describe: `tsx src/cli/main.ts (${why}; TypeScript is compiled at each start: rebuild with npm run package to time the bundle)`,
    bundle: false,
  };
}

/** Rows of the --baseline-cli bundle: printed beside ours, counted for no goal. */
export const BASELINE = ' [baseline]';

/** Our environment without PG* variables, which could point the CLI at another server. */
export function cliEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PG')));
}

/** Whether `pg-catchup catchup` takes `flag` (an older bundle given with --cli may not): its --help says. */
export function cliTakesFlag(cli: CliCommand, flag: string): boolean {
  const help = spawnSync(cli.cmd, [...cli.args, 'catchup', '--help'], { encoding: 'utf8', env: cliEnv() });
  return `${help.stdout}${help.stderr}`.includes(flag);
}
