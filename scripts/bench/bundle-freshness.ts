/**
 * Is dist/cli/ what a fresh build of the work tree produces? The same question scripts/check-dist.sh
 * asks (for the CLI's half of dist/), answered without touching dist/: scripts/build-cli.sh builds
 * the CLI into a temp dir and every file is compared byte for byte. File times cannot answer it: git does
 * not keep them, so in a fresh clone src/ or dist/ looks newer by chance.
 *
 * A build costs ~25 s of CPU here, so the verdict is kept in .bench/ under a hash of everything the
 * build reads that we can name (src/, package-lock.json, tsconfig.json) and of dist/cli/ itself:
 * the next bench on an unchanged tree reuses it.
 */
import { createHash } from 'crypto';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface BundleVerdict {
  fresh: boolean;
  /** Why, in a few words, for the bench's printout. */
  reason: string;
  /** The verdict came from .bench/ (same inputs as an earlier check). */
  cached: boolean;
}

/** Every regular file under `dir`, as paths relative to it, sorted (stable hashing and comparing). */
function filesUnder(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const ent of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = path.join(rel, ent.name);
    if (ent.isDirectory()) out.push(...filesUnder(dir, p));
    else if (ent.isFile()) out.push(p);
  }
  return out.sort();
}

function hashTree(hash: ReturnType<typeof createHash>, dir: string, label: string): void {
  if (!fs.existsSync(dir)) {
    hash.update(`${label}: absent\0`);
    return;
  }
  for (const f of filesUnder(dir)) {
    hash.update(`${label}/${f}\0`);
    hash.update(fs.readFileSync(path.join(dir, f)));
    hash.update('\0');
  }
}

function inputsKey(repo: string): string {
  const hash = createHash('sha256');
  hashTree(hash, path.join(repo, 'src'), 'src');
  hashTree(hash, path.join(repo, 'dist', 'cli'), 'dist/cli');
  for (const f of ['package-lock.json', 'tsconfig.json']) {
    const p = path.join(repo, f);
    hash.update(`${f}\0`);
    if (fs.existsSync(p)) hash.update(fs.readFileSync(p));
  }
  return hash.digest('hex');
}

/** The first difference between two directory trees, or null when they hold the same files and bytes. */
export function firstTreeDifference(built: string, committed: string): string | null {
  if (!fs.existsSync(committed)) return 'no dist/cli/';
  const a = filesUnder(built);
  const b = filesUnder(committed);
  const onlyBuilt = a.filter((f) => !b.includes(f));
  if (onlyBuilt.length) return `a fresh build has ${onlyBuilt[0]}, which dist/cli/ lacks`;
  const onlyCommitted = b.filter((f) => !a.includes(f));
  if (onlyCommitted.length) return `dist/cli/ has ${onlyCommitted[0]}, which a fresh build does not make`;
  for (const f of a) {
    if (!fs.readFileSync(path.join(built, f)).equals(fs.readFileSync(path.join(committed, f)))) return `dist/cli/${f} differs from a fresh build`;
  }
  return null;
}

/** Builds the CLI as `npm run package` does (scripts/build-cli.sh), into a temp dir, and compares it with dist/cli/. */
function buildAndCompare(repo: string): Omit<BundleVerdict, 'cached'> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pgc-bundle-check-'));
  try {
    const r = spawnSync('bash', [path.join(repo, 'scripts', 'build-cli.sh'), out], { cwd: repo, encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) {
      const why = (r.stderr || r.stdout || r.error?.message || '').trim().split('\n').slice(-3).join(' | ');
      return { fresh: false, reason: `scripts/build-cli.sh could not build src/cli/ (${why})` };
    }
    const diff = firstTreeDifference(out, path.join(repo, 'dist', 'cli'));
    return diff === null ? { fresh: true, reason: 'dist/cli/ matches a fresh build' } : { fresh: false, reason: diff };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

export function checkBundle(repo: string): BundleVerdict {
  if (!fs.existsSync(path.join(repo, 'dist', 'cli', 'index.js'))) return { fresh: false, reason: 'no dist/cli/index.js', cached: false };
  const key = inputsKey(repo);
  const cacheFile = path.join(repo, '.bench', 'bundle-check.json');
  try {
    const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { key: string; fresh: boolean; reason: string };
    if (cached.key === key) return { fresh: cached.fresh, reason: cached.reason, cached: true };
  } catch {
    // no verdict kept yet: build
  }
  const verdict = buildAndCompare(repo);
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  fs.writeFileSync(cacheFile, `${JSON.stringify({ key, ...verdict })}\n`);
  return { ...verdict, cached: false };
}
