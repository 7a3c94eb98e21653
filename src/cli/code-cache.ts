/**
 * V8's compiled code of the CLI bundle, kept between runs. Before any work a run parses 1.2 MB of
 * JavaScript and compiles every function it calls: 60–80 ms of CPU on a 150 MB rewind, as much
 * as some of its copying. A run that finds the bytecode of the same bundle from an earlier run
 * of the same command skips most of it. The single executable of the release has its own,
 * made at build time (sea-config's useCodeCache); this is for the bundle run by `node`.
 *
 * Bytecode is code: a file another user could write would run as whoever runs pg-catchup (often
 * root or postgres). So the cache lives only in a directory of the user's own, mode 0700, never
 * through a symlink, and a file is read only if that user owns it. A file is named by the hash
 * of the bundle's bytes (V8 itself checks only the length) and by V8's version; any doubt means
 * compiling as usual, never an error.
 */
import { createHash } from 'crypto';
import fs from 'fs';
import Module from 'module';
import os from 'os';
import path from 'path';
import vm from 'vm';

/** What became of the cache in this run: for tests, and PG_CATCHUP_CODE_CACHE=debug. */
export type CodeCacheUse =
  | 'used' // compiled from the cache
  | 'rejected' // V8 refused the file (another build of node, or damaged): compiled, rewritten at exit
  | 'missing' // no file yet: compiled, written at exit
  | 'off' // PG_CATCHUP_CODE_CACHE=off
  | 'unsafe'; // no private directory to keep it in: compiled, nothing written

export interface LoadedBundle {
  exports: Record<string, unknown>;
  cache: CodeCacheUse;
  /** The cache file for this bundle and command, or null (off, unsafe). */
  file: string | null;
  /**
   * Writes the code compiled so far into `file`, when the cache was missing or rejected (else
   * null). Call it as the process exits: by then it holds every function the command called.
   */
  save: (() => void) | null;
}

/** Where the cache may live: $XDG_CACHE_HOME/pg-catchup/code-cache, else ~/.cache/... of the effective user (not $HOME: sudo may keep another user's). */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env, userInfo: () => { homedir: string } = os.userInfo): string | null {
  if (env.PG_CATCHUP_CODE_CACHE === 'off') return null;
  let base = env.XDG_CACHE_HOME;
  if (!base) {
    try {
      base = path.join(userInfo().homedir, '.cache');
    } catch {
      return null; // a uid without a passwd entry (a container's arbitrary user): no home to keep it in
    }
  }
  return path.isAbsolute(base) ? path.join(base, 'pg-catchup', 'code-cache') : null;
}

/** Makes `dir` (mode 0700) when missing; true only when it is a real directory of ours that no one else can write. */
export function isPrivateDirectory(dir: string): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    return st.isDirectory() && st.uid === process.geteuid!() && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * Which cache a run uses: a rewind calls other functions than a catchup, and `--help` almost none
 * (a cache is written once, by the first run that finds none, and holds what that run compiled).
 */
export function commandKey(argv: string[]): string {
  const [command, ...rest] = argv;
  const onlyHelp = rest.some((a) => ['--help', '-?', '--version', '-V'].includes(a));
  return (command === 'catchup' || command === 'rewind') && !onlyHelp ? command : 'other';
}

function cacheFileName(source: string, command: string): string {
  const digest = createHash('sha256').update(source).digest('hex').slice(0, 32);
  return `cli-${digest}-v8-${process.versions.v8}-${command}.bin`;
}

/** The cached bytes, or undefined; only a regular file owned by us, not followed through a symlink. */
function readOwnFile(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.uid !== process.geteuid!() || (st.mode & 0o022) !== 0) return undefined;
    return fs.readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes the cache beside the others (temp file + rename: a concurrent run reads all or nothing) and drops files of other builds. */
function writeCache(dir: string, file: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data, { mode: 0o600, flag: 'wx' });
    fs.renameSync(tmp, file);
    // Earlier bundles' files for this command and node (an upgrade of pg-catchup) are garbage
    // now, and so are temp files of runs killed before their rename.
    const name = path.basename(file);
    const sameNodeAndCommand = name.slice(name.indexOf('-v8-'));
    for (const other of fs.readdirSync(dir)) {
      if (other !== name && other.startsWith('cli-') && other.includes(sameNodeAndCommand)) fs.rmSync(path.join(dir, other), { force: true });
    }
  } catch {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Loads the CommonJS bundle `file` as Node would (same wrapper, `require` relative to it), its
 * code from the cache in `dir` when there is a good one for this bundle, node and `command`.
 */
export function loadBundle(file: string, dir: string | null, command: string): LoadedBundle {
  // A leading #! is legal only at the start of a script, and the wrapper puts code before it.
  const source = fs.readFileSync(file, 'utf8').replace(/^#!.*/, '');
  const safe = dir !== null && isPrivateDirectory(dir);
  const cacheFile = safe ? path.join(dir, cacheFileName(source, command)) : null;
  const cachedData = cacheFile ? readOwnFile(cacheFile) : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const cache: CodeCacheUse = dir === null ? 'off' : !safe ? 'unsafe' : cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used';
  const save = cacheFile && cache !== 'used' ? () => writeCache(dir!, cacheFile, script.createCachedData()) : null;

  const mod = new Module(file);
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(d: string): string[] })._nodeModulePaths(path.dirname(file));
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return { exports: mod.exports as Record<string, unknown>, cache, file: cacheFile, save };
}
