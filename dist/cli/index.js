#!/usr/bin/env node
/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 882:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.codeCacheDir = codeCacheDir;
exports.isPrivateDirectory = isPrivateDirectory;
exports.commandKey = commandKey;
exports.loadBundle = loadBundle;
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
const crypto_1 = __nccwpck_require__(982);
const fs_1 = __importDefault(__nccwpck_require__(896));
const module_1 = __importDefault(__nccwpck_require__(339));
const os_1 = __importDefault(__nccwpck_require__(857));
const path_1 = __importDefault(__nccwpck_require__(928));
const vm_1 = __importDefault(__nccwpck_require__(154));
/** Where the cache may live: $XDG_CACHE_HOME/pg-catchup/code-cache, else ~/.cache/... of the effective user (not $HOME: sudo may keep another user's). */
function codeCacheDir(env = process.env, userInfo = os_1.default.userInfo) {
    if (env.PG_CATCHUP_CODE_CACHE === 'off')
        return null;
    let base = env.XDG_CACHE_HOME;
    if (!base) {
        try {
            base = path_1.default.join(userInfo().homedir, '.cache');
        }
        catch {
            return null; // a uid without a passwd entry (a container's arbitrary user): no home to keep it in
        }
    }
    return path_1.default.isAbsolute(base) ? path_1.default.join(base, 'pg-catchup', 'code-cache') : null;
}
/** Makes `dir` (mode 0700) when missing; true only when it is a real directory of ours that no one else can write. */
function isPrivateDirectory(dir) {
    try {
        fs_1.default.mkdirSync(dir, { recursive: true, mode: 0o700 });
        const st = fs_1.default.lstatSync(dir);
        return st.isDirectory() && st.uid === process.geteuid() && (st.mode & 0o022) === 0;
    }
    catch {
        return false;
    }
}
/**
 * Which cache a run uses: a rewind calls other functions than a catchup, and `--help` almost none
 * (a cache is written once, by the first run that finds none, and holds what that run compiled).
 */
function commandKey(argv) {
    const [command, ...rest] = argv;
    const onlyHelp = rest.some((a) => ['--help', '-?', '--version', '-V'].includes(a));
    return (command === 'catchup' || command === 'rewind') && !onlyHelp ? command : 'other';
}
function cacheFileName(source, command) {
    const digest = (0, crypto_1.createHash)('sha256').update(source).digest('hex').slice(0, 32);
    return `cli-${digest}-v8-${process.versions.v8}-${command}.bin`;
}
/** The cached bytes, or undefined; only a regular file owned by us, not followed through a symlink. */
function readOwnFile(file) {
    let fd;
    try {
        fd = fs_1.default.openSync(file, fs_1.default.constants.O_RDONLY | fs_1.default.constants.O_NOFOLLOW);
    }
    catch {
        return undefined;
    }
    try {
        const st = fs_1.default.fstatSync(fd);
        if (!st.isFile() || st.uid !== process.geteuid() || (st.mode & 0o022) !== 0)
            return undefined;
        return fs_1.default.readFileSync(fd);
    }
    catch {
        return undefined;
    }
    finally {
        fs_1.default.closeSync(fd);
    }
}
/** Writes the cache beside the others (temp file + rename: a concurrent run reads all or nothing) and drops files of other builds. */
function writeCache(dir, file, data) {
    const tmp = `${file}.${process.pid}.tmp`;
    try {
        fs_1.default.writeFileSync(tmp, data, { mode: 0o600, flag: 'wx' });
        fs_1.default.renameSync(tmp, file);
        // Earlier bundles' files for this command and node (an upgrade of pg-catchup) are garbage
        // now, and so are temp files of runs killed before their rename.
        const name = path_1.default.basename(file);
        const sameNodeAndCommand = name.slice(name.indexOf('-v8-'));
        for (const other of fs_1.default.readdirSync(dir)) {
            if (other !== name && other.startsWith('cli-') && other.includes(sameNodeAndCommand))
                fs_1.default.rmSync(path_1.default.join(dir, other), { force: true });
        }
    }
    catch {
        fs_1.default.rmSync(tmp, { force: true });
    }
}
/**
 * Loads the CommonJS bundle `file` as Node would (same wrapper, `require` relative to it), its
 * code from the cache in `dir` when there is a good one for this bundle, node and `command`.
 */
function loadBundle(file, dir, command) {
    // A leading #! is legal only at the start of a script, and the wrapper puts code before it.
    const source = fs_1.default.readFileSync(file, 'utf8').replace(/^#!.*/, '');
    const safe = dir !== null && isPrivateDirectory(dir);
    const cacheFile = safe ? path_1.default.join(dir, cacheFileName(source, command)) : null;
    const cachedData = cacheFile ? readOwnFile(cacheFile) : undefined;
    const script = new vm_1.default.Script(module_1.default.wrap(source), { filename: file, cachedData });
    const cache = dir === null ? 'off' : !safe ? 'unsafe' : cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used';
    const save = cacheFile && cache !== 'used' ? () => writeCache(dir, cacheFile, script.createCachedData()) : null;
    const mod = new module_1.default(file);
    mod.filename = file;
    mod.paths = module_1.default._nodeModulePaths(path_1.default.dirname(file));
    const wrapper = script.runInThisContext();
    wrapper.call(mod.exports, mod.exports, module_1.default.createRequire(file), mod, file, path_1.default.dirname(file));
    mod.loaded = true;
    return { exports: mod.exports, cache, file: cacheFile, save };
}


/***/ }),

/***/ 644:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
/**
 * dist/cli/index.js: starts the CLI bundle (dist/cli/bundle/index.js) with V8's code cache of
 * earlier runs (code-cache.ts). Kept apart from the bundle because the cache must be in place
 * before the bundle is compiled. PG_CATCHUP_CODE_CACHE=off compiles it as plain `node` would;
 * =debug says on stderr what became of the cache.
 */
const path_1 = __importDefault(__nccwpck_require__(928));
const code_cache_1 = __nccwpck_require__(882);
const argv = process.argv.slice(2);
const bundle = (0, code_cache_1.loadBundle)(path_1.default.join(__dirname, 'bundle', 'index.js'), (0, code_cache_1.codeCacheDir)(), (0, code_cache_1.commandKey)(argv));
if (bundle.save)
    process.once('exit', bundle.save);
if (process.env.PG_CATCHUP_CODE_CACHE === 'debug')
    process.stderr.write(`pg-catchup: code cache: ${bundle.cache}${bundle.file ? ` (${bundle.file})` : ''}\n`);
const main = bundle.exports.main;
main(argv).then((code) => {
    process.exitCode = code;
});


/***/ }),

/***/ 982:
/***/ ((module) => {

module.exports = require("crypto");

/***/ }),

/***/ 896:
/***/ ((module) => {

module.exports = require("fs");

/***/ }),

/***/ 339:
/***/ ((module) => {

module.exports = require("module");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = require("os");

/***/ }),

/***/ 928:
/***/ ((module) => {

module.exports = require("path");

/***/ }),

/***/ 154:
/***/ ((module) => {

module.exports = require("vm");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/************************************************************************/
/******/ 	
/******/ 	// startup
/******/ 	// Load entry module and return exports
/******/ 	// This entry module is referenced by other modules so it can't be inlined
/******/ 	var __webpack_exports__ = __nccwpck_require__(644);
/******/ 	module.exports = __webpack_exports__;
/******/ 	
/******/ })()
;