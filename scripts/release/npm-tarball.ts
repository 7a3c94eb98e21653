/**
 * The npm tarball: the CLI (the launcher dist/cli/index.js and the bundle dist/cli/bundle/index.js
 * it starts with V8's code cache) with a package.json of its own. The bundle already holds every
 * dependency, so the tarball declares none (installing it fetches nothing), and it carries
 * neither the action nor the sources, tests and docs of the repository's package.
 *
 *   npm install -g ./pg-catchup-<version>.tgz    (needs Node 20 or later on the host)
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface NpmTarballInput {
  /** The repository's package.json: name, version, description, license, engines. */
  packageJson: { name: string; version: string; description?: string; license?: string; engines?: Record<string, string> };
  /** dist/cli/index.js: starts the bundle (src/cli/launcher.ts). */
  launcher: string;
  /** The CLI bundle, installed as dist/cli/bundle/index.js. */
  bundle: string;
  readme: string;
  workDir: string;
  /** Directory the tarball is written to; returns its path. */
  outDir: string;
}

export function buildNpmTarball(input: NpmTarballInput): string {
  const stage = path.join(input.workDir, 'npm');
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(path.join(stage, 'dist', 'cli', 'bundle'), { recursive: true });
  const { name, version, description, license, engines } = input.packageJson;
  const manifest = { name, version, description, license, engines, bin: { 'pg-catchup': 'dist/cli/index.js' }, files: ['dist/cli/'] };
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.copyFileSync(input.launcher, path.join(stage, 'dist', 'cli', 'index.js'));
  fs.chmodSync(path.join(stage, 'dist', 'cli', 'index.js'), 0o755);
  fs.copyFileSync(input.bundle, path.join(stage, 'dist', 'cli', 'bundle', 'index.js'));
  fs.copyFileSync(input.readme, path.join(stage, 'README.md'));
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', path.resolve(input.outDir)], { cwd: stage, encoding: 'utf8' });
  const file = path.join(input.outDir, out.trim().split('\n').pop()!.trim());
  if (!fs.existsSync(file)) throw new Error(`npm pack reported "${out.trim()}", but ${file} does not exist`);
  return file;
}
