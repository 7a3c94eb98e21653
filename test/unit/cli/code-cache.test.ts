import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { codeCacheDir, commandKey, CodeCacheUse, isPrivateDirectory, loadBundle } from '../../../src/cli/code-cache';

// Each load runs in a process of its own, as each CLI run does: within one process V8 compiles
// the same source once and then takes it from memory, whatever the file says.
const REPO = path.resolve(__dirname, '../../..');
const DRIVER = [
  "const { loadBundle } = require(process.argv[1]);",
  "const [bundle, dir, command] = process.argv.slice(2);",
  "const b = loadBundle(bundle, dir === '-' ? null : dir, command);",
  "if (b.save) b.save();",
  "const { value, where, helped } = b.exports;",
  "process.stdout.write(JSON.stringify({ cache: b.cache, file: b.file, saved: b.save !== null, exports: { value, where, helped } }));",
].join('\n');

interface Run { cache: CodeCacheUse; file: string | null; saved: boolean; exports: { value: number; where: string; helped: number } }
function load(bundle: string, dir: string | null, command: string): Run {
  const out = execFileSync(process.execPath, ['--require', require.resolve('tsx/cjs', { paths: [REPO] }), '-e', DRIVER,
    path.join(REPO, 'src/cli/code-cache.ts'), bundle, dir ?? '-', command], { encoding: 'utf8' });
  return JSON.parse(out) as Run;
}

// A bundle as ncc makes one: CommonJS, a shebang, requires beside it.
const bundleText = (value: number) => [
  '#!/usr/bin/env node',
  "const helper = require('./helper.js');",
  `exports.value = ${value};`,
  'exports.where = __dirname;',
  'exports.helped = helper.twice(21);',
  'exports.main = async (argv) => argv.length;',
  '',
].join('\n');

describe('code cache of the CLI bundle (src/cli/code-cache.ts)', () => {
  let root: string;
  let bundle: string;
  let cache: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'code-cache-'));
    fs.mkdirSync(path.join(root, 'cli', 'bundle'), { recursive: true });
    bundle = path.join(root, 'cli', 'bundle', 'index.js');
    fs.writeFileSync(bundle, bundleText(41));
    fs.writeFileSync(path.join(root, 'cli', 'bundle', 'helper.js'), 'exports.twice = (n) => 2 * n;\n');
    cache = path.join(root, 'home', '.cache', 'pg-catchup', 'code-cache');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const cacheFiles = () => fs.readdirSync(cache).sort();

  test('the first run compiles and saves; the next one is compiled from the file; the bundle works the same', () => {
    const first = load(bundle, cache, 'rewind');
    expect(first).toMatchObject({ cache: 'missing', saved: true });
    expect(first.exports).toEqual({ value: 41, where: path.dirname(bundle), helped: 42 });
    expect(cacheFiles()).toEqual([path.basename(first.file!)]);
    expect(path.basename(first.file!)).toMatch(new RegExp(`^cli-[0-9a-f]{32}-v8-${process.versions.v8.replace(/\./g, '\\.')}-rewind\\.bin$`));
    expect(fs.statSync(cache).mode & 0o777).toBe(0o700);
    expect(fs.statSync(first.file!).mode & 0o777).toBe(0o600);

    const second = load(bundle, cache, 'rewind');
    expect(second).toMatchObject({ cache: 'used', saved: false, file: first.file });
    expect(second.exports).toEqual({ value: 41, where: path.dirname(bundle), helped: 42 });
  });

  test('another bundle of the same length gets its own file (V8 checks only the length) and replaces the old one', () => {
    const old = load(bundle, cache, 'catchup');
    load(bundle, cache, 'rewind');
    fs.writeFileSync(`${old.file}.99999.tmp`, 'left by a run killed before its rename');
    fs.writeFileSync(bundle, bundleText(42));
    const upgraded = load(bundle, cache, 'catchup');
    expect(upgraded.cache).toBe('missing');
    expect(upgraded.exports.value).toBe(42);
    expect(load(bundle, cache, 'catchup')).toMatchObject({ cache: 'used', exports: { value: 42 } });
    // The old bundle's catchup file (and a temp file of it) is gone; its rewind file stays until a rewind replaces it.
    expect(cacheFiles().filter((f) => f.includes('-catchup.bin'))).toEqual([path.basename(upgraded.file!)]);
    expect(cacheFiles().filter((f) => f.endsWith('-rewind.bin'))).toHaveLength(1);
  });

  test('a damaged file is refused by V8, the bundle compiles as usual, and the file is written anew', () => {
    const first = load(bundle, cache, 'catchup');
    fs.writeFileSync(first.file!, Buffer.alloc(fs.statSync(first.file!).size, 0x5a), { mode: 0o600 });
    const damaged = load(bundle, cache, 'catchup');
    expect(damaged).toMatchObject({ cache: 'rejected', saved: true, exports: { helped: 42 } });
    expect(load(bundle, cache, 'catchup').cache).toBe('used');
  });

  test('a directory others can write, or a symlink, is not used and nothing is written there', () => {
    fs.mkdirSync(cache, { recursive: true });
    fs.chmodSync(cache, 0o777);
    const open = load(bundle, cache, 'catchup');
    expect(open).toMatchObject({ cache: 'unsafe', file: null, saved: false });
    expect(open.exports.helped).toBe(42);
    expect(cacheFiles()).toEqual([]);

    const elsewhere = path.join(root, 'private');
    fs.mkdirSync(elsewhere, { mode: 0o700 });
    const link = path.join(root, 'link');
    fs.symlinkSync(elsewhere, link);
    expect(isPrivateDirectory(link)).toBe(false);
    expect(loadBundle(bundle, link, 'catchup').cache).toBe('unsafe');
  });

  const asRoot = process.geteuid!() === 0 ? test : test.skip;
  asRoot('a file another user owns is never read, even with the right name', () => {
    const first = load(bundle, cache, 'catchup');
    fs.chownSync(first.file!, 12345, 12345);
    expect(load(bundle, cache, 'catchup').cache).toBe('missing');
  });

  test('PG_CATCHUP_CODE_CACHE=off: no directory; else XDG_CACHE_HOME, else the effective user\'s ~/.cache', () => {
    expect(codeCacheDir({ PG_CATCHUP_CODE_CACHE: 'off', XDG_CACHE_HOME: '/x' })).toBeNull();
    expect(loadBundle(bundle, null, 'catchup')).toMatchObject({ cache: 'off', file: null, save: null });
    expect(codeCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/pg-catchup/code-cache');
    expect(codeCacheDir({ XDG_CACHE_HOME: 'relative' })).toBeNull();
    expect(codeCacheDir({ HOME: '/somebody/else' })).toBe(path.join(os.userInfo().homedir, '.cache', 'pg-catchup', 'code-cache'));
  });

  test('a user without a passwd entry (a container\'s arbitrary uid) gets no cache, not a failure', () => {
    // os.userInfo() throws for a uid the passwd database does not know.
    const noPasswdEntry = () => {
      throw new Error('ENOENT: no such file or directory, uv_os_get_passwd');
    };
    expect(codeCacheDir({}, noPasswdEntry)).toBeNull();
    expect(codeCacheDir({ XDG_CACHE_HOME: '/x' }, noPasswdEntry)).toBe('/x/pg-catchup/code-cache');
  });

  test('one cache per command that does the work; help and version runs share another', () => {
    expect(commandKey(['catchup', '-b', 'FULL', '-h', 'db1'])).toBe('catchup');
    expect(commandKey(['rewind', '-D', '/d', '--source-server=host=x'])).toBe('rewind');
    expect(commandKey(['catchup', '--help'])).toBe('other');
    expect(commandKey(['rewind', '-V'])).toBe('other');
    expect(commandKey(['--version'])).toBe('other');
    expect(commandKey(['preflight', '-b', 'DELTA'])).toBe('other');
    expect(commandKey([])).toBe('other');
  });
});
