/**
 * The release as a DBA installs it: the .deb from `npm run release` is installed with dpkg, and
 * /usr/bin/pg-catchup clones a PostgreSQL 15 primary (FULL) with no Node on PATH and, where a
 * private mount namespace can hide it, no /usr/bin/node at all; the clone must start as a
 * standby holding the primary's data. Then release/pg-catchup (the bare single executable)
 * re-syncs the stopped clone (DELTA) the same way, and the package is removed. The npm tarball
 * is installed with npm and clones and re-syncs through node, the second run from the code cache
 * the first one left (src/cli/code-cache.ts).
 *
 * Reuses release/ when release/build-info.json matches the tree (scripts/release/build-info.ts),
 * else builds it (~3 min). Needs root: dpkg -i writes /usr/bin.
 */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freshBuildInfo } from '../../scripts/release/build-info';
import { debianVersion } from '../../scripts/release/debian-package';
import {
  Cluster, expectSameDataAtSameLsn, inMountNamespace, isRoot, mountNamespaceUnavailable, prepareSchema,
  startAsStandby, startWriteLoad, useClusters, waitForStreaming,
} from '../support';

useClusters();

const REPO = path.resolve(__dirname, '..', '..');
const RELEASE = path.join(REPO, 'release');
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
const INSTALLED = '/usr/bin/pg-catchup';

function skipReason(): string | null {
  if (!isRoot()) return 'needs root to install the .deb (dpkg -i writes /usr/bin)';
  try {
    execFileSync('dpkg-deb', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'needs dpkg-deb (a Debian-based host)';
  }
  return null;
}

const skip = skipReason();
const describeAsRoot = skip === null ? describe : describe.skip;

/** Builds release/ unless it was built from what the tree has now; the bundle as committed, stale or not. */
function ensureRelease(): void {
  const bundle = process.env.PG_CATCHUP_RELEASE_BUNDLE; // a bundle built elsewhere, to test one not yet in dist/
  if (freshBuildInfo(REPO, RELEASE, bundle)) return;
  const tsx = path.join(REPO, 'node_modules', '.bin', 'tsx');
  execFileSync(tsx, ['scripts/release.ts', '--allow-stale-bundle', ...(bundle ? [`--bundle=${bundle}`] : [])], {
    cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], timeout: 900_000,
  });
}

function isInstalled(): boolean {
  try {
    return execFileSync('dpkg-query', ['-W', '-f', '${Status}', 'pg-catchup'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes('installed');
  } catch {
    return false;
  }
}

/** A PATH with the few commands the CLI may spawn (sync, for --sync-method=syncfs) and no node. */
function pathWithoutNode(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgc-release-path-'));
  for (const tool of ['sync', 'sh']) fs.symlinkSync(execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim(), path.join(dir, tool));
  return dir;
}

interface Run { code: number | null; stdout: string; stderr: string }

/**
 * Runs an installed pg-catchup with an environment of PATH (no node) and HOME only; inside a
 * mount namespace where an empty file covers every node binary of this host, when one can be made.
 */
function runWithoutNode(executable: string, args: string[], pathDir: string): Promise<Run> {
  const nodes = ['/usr/bin/node', '/usr/local/bin/node', process.execPath].filter((p, i, all) => fs.existsSync(p) && all.indexOf(p) === i);
  const empty = path.join(pathDir, 'no-node');
  fs.writeFileSync(empty, '');
  // env -i: the program sees only this PATH and HOME; unshare and mount run with ours.
  const clean = ['-i', `PATH=${pathDir}`, `HOME=${os.homedir()}`, executable, ...args];
  const cmd = mountNamespaceUnavailable() === null
    ? inMountNamespace(nodes.map((to) => ({ from: empty, to })), 'env', clean, false)
    : { cmd: 'env', args: clean };
  return collect(cmd.cmd, cmd.args);
}

/** Runs a command to its end (killed after 5 min) and returns its exit status and output. */
function collect(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function expectSuccess(r: Run, what: string): void {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}:\n${r.stderr}${r.stdout}`);
}

describeAsRoot(`release packages${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let primary: Cluster;
  let pathDir: string;

  beforeAll(async () => {
    if (isInstalled()) throw new Error('a pg-catchup package is already installed here; this test installs and removes its own: run dpkg -r pg-catchup first');
    ensureRelease();
    pathDir = pathWithoutNode();
    primary = await Cluster.createPrimary(15);
    await prepareSchema(primary);
  }, 900_000);

  afterAll(() => {
    if (isInstalled()) execFileSync('dpkg', ['-r', 'pg-catchup'], { stdio: 'pipe' });
    if (pathDir) fs.rmSync(pathDir, { recursive: true, force: true });
  });

  test('the .deb installs the command, its man page and completion; FULL with no node clones a running primary; dpkg -r removes it', async () => {
    const deb = path.join(RELEASE, `pg-catchup_${debianVersion(VERSION)}_amd64.deb`);
    execFileSync('dpkg', ['-i', deb], { stdio: 'pipe' });
    expect(fs.statSync(INSTALLED).mode & 0o777).toBe(0o755);
    expect(execFileSync('sh', ['-c', 'command -v node || true'], { env: { PATH: pathDir }, encoding: 'utf8' }).trim()).toBe('');

    if (mountNamespaceUnavailable() === null) {
      const seen = await runWithoutNode('/bin/sh', ['-c', `test -s ${process.execPath} && echo visible || echo hidden`], pathDir);
      expect(seen.stdout).toBe('hidden\n');
    }
    const version = await runWithoutNode(INSTALLED, ['--version'], pathDir);
    expectSuccess(version, 'pg-catchup --version');
    expect(version.stdout).toBe(`pg-catchup ${VERSION}\n`);

    // The man page is the help of every command; the completion offers the commands' flags.
    const man = execFileSync('gzip', ['-dc', '/usr/share/man/man1/pg-catchup.1.gz'], { encoding: 'utf8' });
    expect(man).toContain('.TH PG\\-CATCHUP 1');
    for (const c of ['CATCHUP', 'PREFLIGHT', 'REWIND', 'PRINT\\-GRANTS']) expect(man).toContain(`.SH "PG\\-CATCHUP ${c}"`);
    expect(man).toContain('\\-\\-destination\\-pgdata');
    const complete = (words: string) => execFileSync('bash', ['-c',
      `source /usr/share/bash-completion/completions/pg-catchup; COMP_WORDS=(${words}); COMP_CWORD=$((\${#COMP_WORDS[@]}-1)); _pg_catchup; echo "\${COMPREPLY[*]}"`,
    ], { encoding: 'utf8' }).trim();
    expect(complete("pg-catchup catchup --backup-m")).toBe('--backup-mode=');
    expect(complete("pg-catchup catchup -b ''")).toBe('FULL DELTA PTRACK AUTO');
    expect(complete("pg-catchup ''")).toBe('catchup preflight print-grants rewind --help --version');

    const load = await startWriteLoad(primary);
    const target = primary.makeTargetDir();
    let full: Run;
    try {
      // --num-validate-threads: the page checks run in worker threads, which a single executable must start too.
      full = await runWithoutNode(INSTALLED, ['catchup', '-b', 'FULL', `--destination-pgdata=${target}`,
        '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-j', '2', '--num-validate-threads=2', '-R'], pathDir);
    } finally {
      await load.stop();
    }
    expectSuccess(full, 'pg-catchup catchup -b FULL');
    expect(full.stdout).toMatch(/^catchup FULL: success\n/);
    const standby = await startAsStandby(target);
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);

    // DELTA with the bare executable: the stopped clone catches up with what the primary wrote since.
    await standby.stop('fast');
    await primary.query('CREATE TABLE IF NOT EXISTS after_full AS SELECT g AS id, md5(g::text) AS v FROM generate_series(1, 20000) g');
    await primary.query('UPDATE accounts SET balance = balance + 1 WHERE id % 4 = 0', [], 'catchup_a');
    const delta = await runWithoutNode(path.join(RELEASE, 'pg-catchup'), ['catchup', '-b', 'DELTA', '-D', target,
      '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-R', '--sync-method=syncfs', '--json'], pathDir);
    expectSuccess(delta, 'release/pg-catchup catchup -b DELTA');
    expect(JSON.parse(delta.stdout)).toMatchObject({ mode: 'DELTA', status: 'success', tool: 'pg-catchup', version: VERSION });
    await standby.start();
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.cleanup();

    execFileSync('dpkg', ['-r', 'pg-catchup'], { stdio: 'pipe' });
    expect(fs.existsSync(INSTALLED)).toBe(false);
    expect(fs.existsSync('/usr/share/man/man1/pg-catchup.1.gz')).toBe(false);
  }, 600_000);

  test('the npm tarball installs with npm, runs on node, and its second catchup starts from the code cache the first one saved', async () => {
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'pgc-npm-prefix-'));
    const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'pgc-npm-cache-'));
    try {
      execFileSync('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(RELEASE, `pg-catchup-${VERSION}.tgz`)], { stdio: 'pipe' });
      const cli = path.join(prefix, 'bin', 'pg-catchup');
      const env = { PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`, HOME: os.homedir(), XDG_CACHE_HOME: cacheHome, PG_CATCHUP_CODE_CACHE: 'debug' };
      const run = (args: string[]) => collect(cli, args, env);
      const target = primary.makeTargetDir();
      const server = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-R'];

      const full = await run(['catchup', '-b', 'FULL', '-D', target, ...server]);
      expectSuccess(full, 'pg-catchup catchup -b FULL (npm)');
      expect(full.stderr).toContain('pg-catchup: code cache: missing');
      const saved = fs.readdirSync(path.join(cacheHome, 'pg-catchup', 'code-cache'));
      expect(saved).toEqual([expect.stringMatching(/^cli-[0-9a-f]{32}-v8-.*-catchup\.bin$/)]);

      await primary.query('CREATE TABLE IF NOT EXISTS after_npm_full AS SELECT g AS id, md5(g::text) AS v FROM generate_series(1, 20000) g');
      const delta = await run(['catchup', '-b', 'DELTA', '-D', target, ...server]);
      expectSuccess(delta, 'pg-catchup catchup -b DELTA (npm)');
      expect(delta.stderr).toContain('pg-catchup: code cache: used');
      const standby = await startAsStandby(target);
      await waitForStreaming(primary);
      await expectSameDataAtSameLsn(primary, standby);
      await standby.cleanup();
    } finally {
      fs.rmSync(prefix, { recursive: true, force: true });
      fs.rmSync(cacheHome, { recursive: true, force: true });
    }
  }, 600_000);
});
