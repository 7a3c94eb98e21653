/**
 * release/build-info.json: what a release was built from, as one hash of its inputs (the bundle,
 * package.json's version, the CLI's flag tables, the release scripts, the Node version). A test
 * that needs the release reuses release/ when the hash still matches, instead of rebuilding.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { NODE24_VERSION, POSTJECT_VERSION } from './node-runtime';

export interface BuildInfo {
  inputsKey: string;
  version: string;
  node: string;
  files: Record<string, { bytes: number; sha256: string }>;
}

function filesIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort().map((f) => path.join(dir, f));
}

export function releaseInputsKey(repo: string, bundle = path.join(repo, 'dist/cli/bundle/index.js')): string {
  const hash = createHash('sha256');
  const version = (JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string }).version;
  hash.update(`version ${version}\0node ${NODE24_VERSION}\0postject ${POSTJECT_VERSION}\0`);
  hash.update(fs.readFileSync(bundle));
  hash.update(fs.readFileSync(path.join(repo, 'dist/cli/index.js'))); // the launcher, in the npm tarball
  const inputs = [
    'README.md', 'scripts/release.ts', 'src/cli/parse-flags.ts',
    ...filesIn(path.join(repo, 'scripts/release')), ...filesIn(path.join(repo, 'src/cli/commands')),
  ].map((f) => path.relative(repo, path.resolve(repo, f)));
  for (const f of inputs) {
    hash.update(`${f}\0`);
    hash.update(fs.readFileSync(path.join(repo, f)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The build info of release/ when it was built from the inputs the tree has now; else null. */
export function freshBuildInfo(repo: string, releaseDir: string, bundle?: string): BuildInfo | null {
  let info: BuildInfo;
  try {
    info = JSON.parse(fs.readFileSync(path.join(releaseDir, 'build-info.json'), 'utf8')) as BuildInfo;
  } catch {
    return null;
  }
  if (info.inputsKey !== releaseInputsKey(repo, bundle)) return null;
  for (const [name, f] of Object.entries(info.files)) {
    const p = path.join(releaseDir, name);
    if (!fs.existsSync(p) || fs.statSync(p).size !== f.bytes) return null;
  }
  return info;
}
