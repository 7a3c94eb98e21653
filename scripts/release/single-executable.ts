/**
 * The CLI bundle as one executable that needs no Node on the host: Node's single-executable
 * applications (https://nodejs.org/api/single-executable-applications.html). Node 24 writes the
 * bundle into a "preparation blob" (--experimental-sea-config); postject injects it into a copy
 * of the node binary, which then runs the bundle instead of reading its command line.
 *
 * The bundle's worker threads start from source text (`eval: true`) and require only Node's own
 * modules, which a single executable allows; `sync` (for --sync-method=syncfs) is spawned by name.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The string postject looks for to flip the "a blob is inside" fuse; fixed by Node. */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

export interface SingleExecutableInput {
  /** The CLI bundle (dist/cli/bundle/index.js), without the launcher: the executable has its own code cache. */
  bundle: string;
  /** Node 24's binary: it makes the blob and is the executable's body. */
  node: string;
  postject: string;
  /** The executable to write. */
  output: string;
  /** A scratch directory for the blob and its configuration. */
  workDir: string;
}

export function buildSingleExecutable(input: SingleExecutableInput): void {
  const main = path.join(input.workDir, 'main.js');
  // V8 reads a leading #! only at the start of a script file; the bundle is compiled as a function body.
  fs.writeFileSync(main, fs.readFileSync(input.bundle, 'utf8').replace(/^#!.*\n/, '\n'));
  const blob = path.join(input.workDir, 'sea.blob');
  const config = path.join(input.workDir, 'sea-config.json');
  fs.writeFileSync(config, JSON.stringify({
    main, output: blob,
    // The warning would be printed on every run, into every report a user pipes.
    disableExperimentalSEAWarning: true,
    // V8's compiled code ships in the blob: start-up without parsing 900 kB of JavaScript.
    useCodeCache: true,
  }, null, 2));
  execFileSync(input.node, ['--experimental-sea-config', config], { cwd: input.workDir, stdio: ['ignore', 'pipe', 'pipe'] });

  fs.rmSync(input.output, { force: true });
  // Node's published binary keeps its debug symbols (18 MB); a packaged program does not need them.
  execFileSync('strip', ['-o', input.output, input.node]);
  execFileSync(input.postject, [input.output, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE], { stdio: ['ignore', 'pipe', 'pipe'] });
  fs.chmodSync(input.output, 0o755);
}

/** Runs the executable with an empty environment (no PATH, so no node to fall back on) and returns its --version line. */
export function versionWithoutNode(executable: string): string {
  try {
    return execFileSync(executable, ['--version'], { env: {}, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`${executable} --version failed with an empty environment: ${(e.stderr || e.message).trim()}\n` +
      'If it reports require.cache, dist/cli/bundle/index.js predates src/cli/main.ts\'s single-executable entry: run npm run package.');
  }
}
