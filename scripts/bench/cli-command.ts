/**
 * How the bench runs pg-catchup: the bundled CLI (`node dist/cli/index.js`) when it is newer than
 * every file under src/ (so it is what the source says), else the source through tsx's require
 * hook in one node process (no tsx wrapper process, so RSS and signals are the tool's own).
 */
import * as fs from 'fs';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '..', '..');

export interface CliCommand {
  cmd: string;
  args: string[];
  /** For the printout: what runs and why. */
  describe: string;
}

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, ent.name);
    newest = Math.max(newest, ent.isDirectory() ? newestMtimeMs(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function pgCatchupCommand(): CliCommand {
  const bundle = path.join(REPO, 'dist', 'cli', 'index.js');
  const srcNewest = newestMtimeMs(path.join(REPO, 'src'));
  if (fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs > srcNewest) {
    return { cmd: process.execPath, args: [bundle], describe: 'node dist/cli/index.js (the bundle is newer than src/)' };
  }
  const why = fs.existsSync(bundle) ? 'src/ is newer than dist/cli/index.js' : 'no dist/cli/index.js';
  return {
    cmd: process.execPath,
    args: ['--require', require.resolve('tsx/cjs', { paths: [REPO] }), path.join(REPO, 'src', 'cli', 'main.ts')],
    describe: `tsx src/cli/main.ts (${why}; TypeScript is compiled at each start)`,
  };
}

/** Our environment without PG* variables, which could point the CLI at another server. */
export function cliEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PG')));
}
