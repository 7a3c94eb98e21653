#!/usr/bin/env node
/**
 * dist/cli/index.js: starts the CLI bundle (dist/cli/bundle/index.js) with V8's code cache of
 * earlier runs (code-cache.ts). Kept apart from the bundle because the cache must be in place
 * before the bundle is compiled. PG_CATCHUP_CODE_CACHE=off compiles it as plain `node` would;
 * =debug says on stderr what became of the cache.
 */
import path from 'path';
import { codeCacheDir, commandKey, loadBundle } from './code-cache';

const argv = process.argv.slice(2);
const bundle = loadBundle(path.join(__dirname, 'bundle', 'index.js'), codeCacheDir(), commandKey(argv));
if (bundle.save) process.once('exit', bundle.save);
if (process.env.PG_CATCHUP_CODE_CACHE === 'debug') process.stderr.write(`pg-catchup: code cache: ${bundle.cache}${bundle.file ? ` (${bundle.file})` : ''}\n`);
const main = bundle.exports.main as (args: string[]) => Promise<number>;
main(argv).then((code) => {
  process.exitCode = code;
});
