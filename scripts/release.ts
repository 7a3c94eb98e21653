/**
 * `npm run release`: from the committed CLI (dist/cli/: the bundle bundle/index.js and the launcher
 * index.js that starts it with V8's code cache), into release/ (not in git):
 *
 *   pg-catchup                         one executable, Node 24 inside: runs on a host without Node
 *   pg-catchup_<version>_amd64.deb     it as /usr/bin/pg-catchup, with man page and bash completion
 *   pg-catchup-<version>.tgz           launcher and bundle as an npm package (for hosts with Node 20+)
 *   SHA256SUMS, build-info.json
 *
 *   npm run release [-- --allow-stale-bundle] [-- --bundle=FILE]
 *
 * The bundle must be what `npm run package` makes of the work tree (a release of a stale bundle
 * ships code the sources no longer have); --allow-stale-bundle skips that check (for tests that
 * only exercise the packaging). --bundle=FILE packages another build of src/cli/main.ts (one made
 * into a temp dir, say) with the committed launcher, and skips the check. The single executable
 * holds the bundle alone: it carries its code cache inside. Node 24 and postject come from npm into a cache directory
 * (scripts/release/node-runtime.ts). Needs dpkg-deb, strip (binutils) and tar.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { checkBundle } from './bench/bundle-freshness';
import { bashCompletion } from './release/bash-completion';
import { BuildInfo, releaseInputsKey, sha256Of } from './release/build-info';
import { readCliFlags } from './release/cli-flags';
import { Help, parseHelp } from './release/cli-help';
import { buildDebianPackage, debianVersion } from './release/debian-package';
import { manPage } from './release/man-page';
import { ensureNode, ensurePostject, NODE24_VERSION, nodeLicense } from './release/node-runtime';
import { buildNpmTarball } from './release/npm-tarball';
import { buildSingleExecutable, versionWithoutNode } from './release/single-executable';

const REPO = path.resolve(__dirname, '..');
const OUT = path.join(REPO, 'release');
const COMMITTED_BUNDLE = path.join(REPO, 'dist', 'cli', 'bundle', 'index.js');
const LAUNCHER = path.join(REPO, 'dist', 'cli', 'index.js');

const started = Date.now();
function step<T>(name: string, fn: () => T): T {
  const t = Date.now();
  const result = fn();
  process.stdout.write(`release: ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)\n`);
  return result;
}

/** The --help text of the top level (no command) or of one command, from the built executable. */
function helpOf(executable: string, command?: string): Help {
  return parseHelp(execFileSync(executable, [...(command ? [command] : []), '--help'], { env: {}, encoding: 'utf8' }));
}

/** The time of the release's commit, in seconds (reproducible man page and package); now outside a git checkout. */
function releaseTime(): number {
  try {
    return Number(execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    return Math.floor(Date.now() / 1000);
  }
}

function maintainer(pkg: { author?: string | { name: string; email?: string } }): string {
  if (process.env.PG_CATCHUP_MAINTAINER) return process.env.PG_CATCHUP_MAINTAINER;
  if (typeof pkg.author === 'string' && pkg.author.includes('<')) return pkg.author;
  if (typeof pkg.author === 'object' && pkg.author.email) return `${pkg.author.name} <${pkg.author.email}>`;
  // The author of the release's commit: whoever cuts a release from this tree.
  return execFileSync('git', ['log', '-1', '--format=%an <%ae>'], { cwd: REPO, encoding: 'utf8' }).trim();
}

function copyright(pkg: { license?: string }): string {
  return [
    'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/',
    'Upstream-Name: pg-catchup',
    '',
    'Files: *',
    `License: ${pkg.license ?? 'UNLICENSED'}`,
    '',
    'Files: usr/bin/pg-catchup',
    'Comment: the executable contains Node.js and the npm packages bundled into the CLI',
    ' (node-postgres, pg-copy-streams). The Node.js license, with those of its own',
    ' dependencies, follows.',
    '',
    ...fs.readFileSync(nodeLicense(), 'utf8').split('\n').map((l) => (l.trim() === '' ? ' .' : ` ${l}`)),
    '',
  ].join('\n');
}

function main(): void {
  const { values } = parseArgs({ options: { 'allow-stale-bundle': { type: 'boolean' }, bundle: { type: 'string' } }, strict: true });
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const version: string = pkg.version;
  const BUNDLE = path.resolve(values.bundle ?? COMMITTED_BUNDLE);
  for (const f of [BUNDLE, LAUNCHER]) if (!fs.existsSync(f)) throw new Error(`${f} is missing: run npm run package first`);
  if (!values['allow-stale-bundle'] && values.bundle === undefined) {
    const verdict = step('bundle check', () => checkBundle(REPO));
    if (!verdict.fresh) {
      throw new Error(`dist/cli/ is not what the sources build (${verdict.reason}): run npm run package and commit dist/, ` +
        'or pass --allow-stale-bundle to package it as it is');
    }
  }
  const inputsKey = releaseInputsKey(REPO, BUNDLE);
  fs.rmSync(OUT, { recursive: true, force: true });
  const work = path.join(OUT, '.work');
  fs.mkdirSync(work, { recursive: true });

  const node = step(`Node ${NODE24_VERSION} and postject from npm (cached)`, () => ({ node: ensureNode(), postject: ensurePostject() }));
  const executable = path.join(OUT, 'pg-catchup');
  step('single executable', () => buildSingleExecutable({ bundle: BUNDLE, ...node, output: executable, workDir: work }));
  const reported = versionWithoutNode(executable);
  if (reported !== `pg-catchup ${version}`) {
    throw new Error(`the executable says "${reported}", package.json says ${version}: make TOOL_VERSION (src/engine/report/report.ts) and package.json agree`);
  }

  const commands = readCliFlags(REPO);
  const helps = [...commands.keys()].map((name) => ({ name, help: helpOf(executable, name) }));
  const manFile = path.join(work, 'pg-catchup.1');
  fs.writeFileSync(manFile, manPage({ version, date: new Date(releaseTime() * 1000).toISOString().slice(0, 10), top: helpOf(executable), commands: helps }));
  const completion = bashCompletion(helps.map((h) => ({ ...h, flags: commands.get(h.name)! })), version);
  for (const [c, flags] of completion.undocumented) process.stdout.write(`release: not completed (the parser takes them, ${c} --help does not say): ${flags.join(' ')}\n`);
  const completionFile = path.join(work, 'pg-catchup.bash-completion');
  fs.writeFileSync(completionFile, completion.script);

  const deb = path.join(OUT, `pg-catchup_${debianVersion(version)}_amd64.deb`);
  step('Debian package', () => buildDebianPackage({
    version, maintainer: maintainer(pkg), executable, manPage: manFile, bashCompletion: completionFile,
    copyright: copyright(pkg), sourceDateEpoch: releaseTime(), workDir: work, output: deb,
  }));
  const tarball = step('npm tarball', () => buildNpmTarball({ packageJson: pkg, launcher: LAUNCHER, bundle: BUNDLE, readme: path.join(REPO, 'README.md'), workDir: work, outDir: OUT }));

  fs.rmSync(work, { recursive: true, force: true });
  const names = [executable, deb, tarball].map((f) => path.basename(f));
  const files: BuildInfo['files'] = {};
  for (const n of names) files[n] = { bytes: fs.statSync(path.join(OUT, n)).size, sha256: sha256Of(path.join(OUT, n)) };
  fs.writeFileSync(path.join(OUT, 'SHA256SUMS'), names.map((n) => `${files[n].sha256}  ${n}\n`).join(''));
  const info: BuildInfo = { inputsKey, version, node: NODE24_VERSION, files };
  fs.writeFileSync(path.join(OUT, 'build-info.json'), `${JSON.stringify(info, null, 2)}\n`);
  for (const n of names) process.stdout.write(`  release/${n}  ${(files[n].bytes / 1e6).toFixed(1)} MB\n`);
  process.stdout.write(`release: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`release: error: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
