#!/usr/bin/env node
/******/ (() => { // webpackBootstrap
/******/ 	var __webpack_modules__ = ({

/***/ 5236:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.exec = exec;
exports.getExecOutput = getExecOutput;
const string_decoder_1 = __nccwpck_require__(3193);
const tr = __importStar(__nccwpck_require__(6665));
/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return __awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return __awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new string_decoder_1.StringDecoder('utf8');
        const stderrDecoder = new string_decoder_1.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map

/***/ }),

/***/ 6665:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ToolRunner = void 0;
exports.argStringToArray = argStringToArray;
const os = __importStar(__nccwpck_require__(857));
const events = __importStar(__nccwpck_require__(4434));
const child = __importStar(__nccwpck_require__(5317));
const path = __importStar(__nccwpck_require__(6928));
const io = __importStar(__nccwpck_require__(4994));
const ioUtil = __importStar(__nccwpck_require__(5207));
const timers_1 = __nccwpck_require__(3557);
/* eslint-disable @typescript-eslint/unbound-method */
const IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends events.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(os.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + os.EOL.length);
                n = s.indexOf(os.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return __awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!ioUtil.isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = path.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield io.which(this.toolPath, true);
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield ioUtil.exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = child.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
exports.ToolRunner = ToolRunner;
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends events.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0, timers_1.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map

/***/ }),

/***/ 5207:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var _a;
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.READONLY = exports.UV_FS_O_EXLOCK = exports.IS_WINDOWS = exports.unlink = exports.symlink = exports.stat = exports.rmdir = exports.rm = exports.rename = exports.readdir = exports.open = exports.mkdir = exports.lstat = exports.copyFile = exports.chmod = void 0;
exports.readlink = readlink;
exports.exists = exists;
exports.isDirectory = isDirectory;
exports.isRooted = isRooted;
exports.tryGetExecutablePath = tryGetExecutablePath;
exports.getCmdPath = getCmdPath;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
_a = fs.promises
// export const {open} = 'fs'
, exports.chmod = _a.chmod, exports.copyFile = _a.copyFile, exports.lstat = _a.lstat, exports.mkdir = _a.mkdir, exports.open = _a.open, exports.readdir = _a.readdir, exports.rename = _a.rename, exports.rm = _a.rm, exports.rmdir = _a.rmdir, exports.stat = _a.stat, exports.symlink = _a.symlink, exports.unlink = _a.unlink;
// export const {open} = 'fs'
exports.IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (exports.IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
exports.UV_FS_O_EXLOCK = 0x10000000;
exports.READONLY = fs.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield (0, exports.stat)(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield (0, exports.stat)(fsPath) : yield (0, exports.lstat)(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (exports.IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield (0, exports.stat)(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (exports.IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = path.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield (0, exports.stat)(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (exports.IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = path.dirname(filePath);
                        const upperName = path.basename(filePath).toUpperCase();
                        for (const actualName of yield (0, exports.readdir)(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = path.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (exports.IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map

/***/ }),

/***/ 4994:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.cp = cp;
exports.mv = mv;
exports.rmRF = rmRF;
exports.mkdirP = mkdirP;
exports.which = which;
exports.findInPath = findInPath;
const assert_1 = __nccwpck_require__(2613);
const path = __importStar(__nccwpck_require__(6928));
const ioUtil = __importStar(__nccwpck_require__(5207));
/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return __awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return __awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return __awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        (0, assert_1.ok)(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (ioUtil.IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (ioUtil.IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(path.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (ioUtil.isRooted(tool)) {
            const filePath = yield ioUtil.tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(path.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(path.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield ioUtil.tryGetExecutablePath(path.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return __awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function copyFile(srcFile, destFile, force) {
    return __awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map

/***/ }),

/***/ 785:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
// This is an empty module that is served up when outside of a workerd environment
// See the `exports` field in package.json
exports["default"] = {};
//# sourceMappingURL=empty.js.map

/***/ }),

/***/ 6122:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";


//Parse method copied from https://github.com/brianc/node-postgres
//Copyright (c) 2010-2014 Brian Carlson (brian.m.carlson@gmail.com)
//MIT License

//parses a connection string
function parse(str, options = {}) {
  //unix socket
  if (str.charAt(0) === '/') {
    const config = str.split(' ')
    return { host: config[0], database: config[1] }
  }

  // Check for empty host in URL

  const config = Object.create(null)
  let result
  let dummyHost = false
  if (/ |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(str)) {
    // Ensure spaces are encoded as %20
    str = encodeURI(str).replace(/%25(\d\d)/g, '%$1')
  }

  try {
    try {
      result = new URL(str, 'postgres://base')
    } catch (e) {
      // The URL is invalid so try again with a dummy host
      result = new URL(str.replace('@/', '@___DUMMY___/'), 'postgres://base')
      dummyHost = true
    }
  } catch (err) {
    // Remove the input from the error message to avoid leaking sensitive information
    err.input && (err.input = '*****REDACTED*****')
    throw err
  }

  // We'd like to use Object.fromEntries() here but Node.js 10 does not support it
  for (const entry of result.searchParams.entries()) {
    config[entry[0]] = entry[1]
  }

  config.user = config.user || decodeURIComponent(result.username)
  config.password = config.password || decodeURIComponent(result.password)

  if (result.protocol == 'socket:') {
    config.host = decodeURI(result.pathname)
    config.database = result.searchParams.get('db')
    config.client_encoding = result.searchParams.get('encoding')
    return config
  }
  const hostname = (dummyHost ? '' : result.hostname).replace(/^\[(.+)\]$/, '$1')
  if (!config.host) {
    // Only set the host if there is no equivalent query param.
    config.host = decodeURIComponent(hostname)
  } else if (hostname && /^%2f/i.test(hostname)) {
    // Only prepend the hostname to the pathname if it is not a URL encoded Unix socket host.
    result.pathname = hostname + result.pathname
  }
  if (!config.port) {
    // Only set the port if there is no equivalent query param.
    config.port = result.port
  }

  const pathname = result.pathname.slice(1) || null
  config.database = pathname ? decodeURI(pathname) : null

  if (config.ssl === 'true' || config.ssl === '1') {
    config.ssl = true
  }

  if (config.ssl === '0') {
    config.ssl = false
  }

  if (config.sslcert || config.sslkey || config.sslrootcert || config.sslmode) {
    config.ssl = {}
  }

  // sslnegotiation=direct implies SSL is in use (libpq requires sslmode>=require),
  // so enable SSL if the connection string did not otherwise configure it.
  if (config.sslnegotiation === 'direct' && config.ssl === undefined) {
    config.ssl = true
  }

  // Only try to load fs if we expect to read from the disk
  const fs = config.sslcert || config.sslkey || config.sslrootcert ? __nccwpck_require__(9896) : null

  if (config.sslcert) {
    config.ssl.cert = fs.readFileSync(config.sslcert).toString()
  }

  if (config.sslkey) {
    config.ssl.key = fs.readFileSync(config.sslkey).toString()
  }

  if (config.sslrootcert) {
    config.ssl.ca = fs.readFileSync(config.sslrootcert).toString()
  }

  if (options.useLibpqCompat && config.uselibpqcompat) {
    throw new Error('Both useLibpqCompat and uselibpqcompat are set. Please use only one of them.')
  }

  if (config.uselibpqcompat === 'true' || options.useLibpqCompat) {
    switch (config.sslmode) {
      case 'disable': {
        config.ssl = false
        break
      }
      case 'prefer': {
        config.ssl.rejectUnauthorized = false
        break
      }
      case 'require': {
        if (config.sslrootcert) {
          // If a root CA is specified, behavior of `sslmode=require` will be the same as that of `verify-ca`
          config.ssl.checkServerIdentity = function () {}
        } else {
          config.ssl.rejectUnauthorized = false
        }
        break
      }
      case 'verify-ca': {
        if (!config.ssl.ca) {
          throw new Error(
            'SECURITY WARNING: Using sslmode=verify-ca requires specifying a CA with sslrootcert. If a public CA is used, verify-ca allows connections to a server that somebody else may have registered with the CA, making you vulnerable to Man-in-the-Middle attacks. Either specify a custom CA certificate with sslrootcert parameter or use sslmode=verify-full for proper security.'
          )
        }
        config.ssl.checkServerIdentity = function () {}
        break
      }
      case 'verify-full': {
        break
      }
    }
  } else {
    switch (config.sslmode) {
      case 'disable': {
        config.ssl = false
        break
      }
      case 'prefer':
      case 'require':
      case 'verify-ca':
      case 'verify-full': {
        if (config.sslmode !== 'verify-full') {
          deprecatedSslModeWarning(config.sslmode)
        }
        break
      }
      case 'no-verify': {
        config.ssl.rejectUnauthorized = false
        break
      }
    }
  }

  return config
}

// convert pg-connection-string ssl config to a ClientConfig.ConnectionOptions
function toConnectionOptions(sslConfig) {
  const connectionOptions = Object.entries(sslConfig).reduce((c, [key, value]) => {
    // we explicitly check for undefined and null instead of `if (value)` because some
    // options accept falsy values. Example: `ssl.rejectUnauthorized = false`
    if (value !== undefined && value !== null) {
      c[key] = value
    }

    return c
  }, Object.create(null))

  return connectionOptions
}

// convert pg-connection-string config to a ClientConfig
function toClientConfig(config) {
  const poolConfig = Object.entries(config).reduce((c, [key, value]) => {
    if (key === 'ssl') {
      const sslConfig = value

      if (typeof sslConfig === 'boolean') {
        c[key] = sslConfig
      }

      if (typeof sslConfig === 'object') {
        c[key] = toConnectionOptions(sslConfig)
      }
    } else if (value !== undefined && value !== null) {
      if (key === 'port') {
        // when port is not specified, it is converted into an empty string
        // we want to avoid NaN or empty string as a values in ClientConfig
        if (value !== '') {
          const v = parseInt(value, 10)
          if (isNaN(v)) {
            throw new Error(`Invalid ${key}: ${value}`)
          }

          c[key] = v
        }
      } else {
        c[key] = value
      }
    }

    return c
  }, Object.create(null))

  return poolConfig
}

// parses a connection string into ClientConfig
function parseIntoClientConfig(str) {
  return toClientConfig(parse(str))
}

function deprecatedSslModeWarning(sslmode) {
  if (!deprecatedSslModeWarning.warned && typeof process !== 'undefined' && process.emitWarning) {
    deprecatedSslModeWarning.warned = true
    process.emitWarning(`SECURITY WARNING: The SSL modes 'prefer', 'require', and 'verify-ca' are treated as aliases for 'verify-full'.
In the next major version (pg-connection-string v3.0.0 and pg v9.0.0), these modes will adopt standard libpq semantics, which have weaker security guarantees.

To prepare for this change:
- If you want the current behavior, explicitly use 'sslmode=verify-full'
- If you want libpq compatibility now, use 'uselibpqcompat=true&sslmode=${sslmode}'

See https://www.postgresql.org/docs/current/libpq-ssl.html for libpq SSL mode definitions.`)
  }
}

module.exports = parse

parse.parse = parse
parse.toClientConfig = toClientConfig
parse.parseIntoClientConfig = parseIntoClientConfig


/***/ }),

/***/ 3874:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";


module.exports = function (txt, options) {
  return new CopyStreamQuery(txt, options)
}

const { Duplex } = __nccwpck_require__(2203)
const assert = __nccwpck_require__(2613)
const BufferList = __nccwpck_require__(1147)
const code = __nccwpck_require__(5983)

// Readable decoder states
const PG_CODE = 0
const PG_LENGTH = 1
const PG_MESSAGE = 2

class CopyStreamQuery extends Duplex {
  constructor(text, options) {
    super(options)
    this.text = text

    // Readable side
    this._state = PG_CODE
    this._buffer = new BufferList()
    this._unreadMessageContentLength = 0
    this._copyDataChunks = new BufferList()
    this._pgDataHandler = null
    this._drained = false
    this._forwarding = false
    this._onReadableEvent = this._onReadable.bind(this)
    this.alignOnCopyDataFrame = options ? options.alignOnCopyDataFrame === true : false

    // Writable side
    this._gotCopyInResponse = false
    this.chunks = []
    this.cb = null
    this.cork()
  }

  submit(connection) {
    this.connection = connection
    this._attach()
    connection.query(this.text)
  }

  /* Readable implementation */
  _attach() {
    const connectionStream = this.connection.stream
    const pgDataListeners = connectionStream.listeners('data')
    assert(pgDataListeners.length == 1)
    this._pgDataHandler = pgDataListeners.pop()
    connectionStream.removeListener('data', this._pgDataHandler)
    connectionStream.pause()
    this._forward()
    connectionStream.on('readable', this._onReadableEvent)
  }

  _detach() {
    const connectionStream = this.connection.stream
    const unreadBuffer = this._buffer.take(this._buffer.size)
    connectionStream.removeListener('readable', this._onReadableEvent)
    connectionStream.addListener('data', this._pgDataHandler)
    this._pgDataHandler(unreadBuffer)

    // unpipe can pause the stream but also underlying onData event can potentially pause the stream because of hitting
    // the highWaterMark and pausing the stream, so we resume the stream in the next tick after the underlying onData
    // event has finished
    process.nextTick(function () {
      connectionStream.resume()
    })
  }

  _cleanup() {
    this._buffer = null
    this._copyDataChunks = null
    this._pgDataHandler = null
    this._onReadableEvent = null
  }

  _onReadable() {
    this._forward()
  }

  _read() {
    this._drained = true
    this._forward()
  }

  _forward() {
    if (this._forwarding || !this._drained || !this.connection) return
    this._forwarding = true
    const connectionStream = this.connection.stream
    let chunk
    while (this._drained && (chunk = connectionStream.read()) !== null) {
      this._drained = this._parse(chunk)
    }
    this._forwarding = false
  }

  _parse(chunk) {
    let done = false
    let drained = true
    this._buffer.push(chunk)

    while (!done && this._buffer.size > 0) {
      if (PG_CODE === this._state) {
        if (!this._buffer.has(1)) break
        this._code = this._buffer.peekUInt8()
        if (this._code === code.ErrorResponse) {
          // ErrorResponse Interception
          // We must let pg parse future messages and handle their consequences on
          // the ActiveQuery
          this._detach()
          return
        }
        this._buffer.readUInt8()
        this._state = PG_LENGTH
      }

      if (PG_LENGTH === this._state) {
        if (!this._buffer.has(4)) break
        this._unreadMessageContentLength = this._buffer.readUInt32BE() - 4
        this._state = PG_MESSAGE
      }

      if (PG_MESSAGE === this._state) {
        if (this._unreadMessageContentLength > 0 && this._buffer.size > 0) {
          const n = Math.min(this._buffer.size, this._unreadMessageContentLength)
          const messageContentChunk = this._buffer.take(n)
          this._unreadMessageContentLength -= n
          if (this._code === code.CopyData) {
            this._copyDataChunks.push(messageContentChunk)
          }
        }

        if (this._unreadMessageContentLength === 0) {
          // a full message has been captured
          switch (this._code) {
            case code.CopyBothResponse:
              this._startCopyIn()
              break
            case code.CopyData:
              if (this.alignOnCopyDataFrame) {
                drained = this._flushCopyData()
              }
              break
            // standard interspersed messages.
            // see https://www.postgresql.org/docs/9.6/protocol-flow.html#PROTOCOL-COPY
            case code.ParameterStatus:
            case code.NoticeResponse:
            case code.NotificationResponse:
              break
            case code.CopyDone:
            default:
              done = true
              break
          }
          this._state = PG_CODE
        }
      }
    }

    // When we are not in alignOnCopyDataFrame, copyData payload is not buffered
    // Forward payload bytes as they arrive
    if (!this.alignOnCopyDataFrame) {
      drained = this._flushCopyData()
    }

    if (done) {
      this._detach()
      this.push(null)
      this._cleanup()
    }

    return drained
  }

  _flushCopyData() {
    let drained = true
    const len = this._copyDataChunks.size
    if (len > 0) {
      drained = this.push(this._copyDataChunks.take(len))
    }
    return drained
  }

  /* Writable implementation */
  _write(chunk, enc, cb) {
    this.chunks.push({ chunk: chunk, encoding: enc })
    if (this._gotCopyInResponse) {
      return this.flush(cb)
    }
    this.cb = cb
  }

  _writev(chunks, cb) {
    this.chunks.push(...chunks)
    if (this._gotCopyInResponse) {
      return this.flush(cb)
    }
    this.cb = cb
  }

  _final(cb) {
    this.flush()
    const Int32Len = 4
    const finBuffer = Buffer.from([code.CopyDone, 0, 0, 0, Int32Len])
    this.connection.stream.write(finBuffer)
    this.cb_flush = cb
  }

  flush(callback) {
    let chunk
    let ok = true
    while (ok && (chunk = this.chunks.shift())) {
      ok = this.flushChunk(chunk.chunk)
    }
    if (callback) {
      if (ok) {
        callback()
      } else {
        if (this.chunks.length) {
          this.connection.stream.once('drain', this.flush.bind(this, callback))
        } else {
          this.connection.stream.once('drain', callback)
        }
      }
    }
  }

  flushChunk(chunk) {
    const Int32Len = 4
    const lenBuffer = Buffer.from([code.CopyData, 0, 0, 0, 0])
    lenBuffer.writeUInt32BE(chunk.length + Int32Len, 1)
    this.connection.stream.write(lenBuffer)
    return this.connection.stream.write(chunk)
  }

  _startCopyIn() {
    this._gotCopyInResponse = true
    this.uncork()
    this.flush()
    if (this.cb) {
      const { cb } = this
      this.cb = null
      cb()
    }
  }

  handleError(err) {
    this.emit('error', err)
    this._cleanup()
  }

  handleCopyData(chunk) {
    // an out of band copyData message
    // is received after copyDone
    // this is currently discarded
  }

  handleCommandComplete() {}

  handleReadyForQuery() {
    this.connection = null
    this.cb_flush()
  }
}


/***/ }),

/***/ 6473:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";


module.exports = function (txt, options) {
  return new CopyStreamQuery(txt, options)
}

const { Writable } = __nccwpck_require__(2203)
const code = __nccwpck_require__(5983)

class CopyStreamQuery extends Writable {
  constructor(text, options) {
    super(options)
    this.text = text
    this.rowCount = 0
    this._gotCopyInResponse = false
    this.chunks = []
    this.cb_CopyInResponse = null
    this.cb_ReadyForQuery = null
    this.cb_destroy = null
    this.cork()
  }

  submit(connection) {
    this.connection = connection
    connection.query(this.text)
  }

  callback() {
    // this callback is empty but defining it allows
    // `pg` to discover it and overwrite it
    // with its timeout mechanism when query_timeout config is set
  }

  _write(chunk, enc, cb) {
    this.chunks.push({ chunk: chunk, encoding: enc })
    if (this._gotCopyInResponse) {
      return this.flush(cb)
    }
    this.cb_CopyInResponse = cb
  }

  _writev(chunks, cb) {
    // this.chunks.push(...chunks)
    // => issue #136, RangeError: Maximum call stack size exceeded
    // Using hybrid approach as advised on https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Function/apply
    if (this.chunks.length == 0) {
      this.chunks = chunks
    } else {
      // https://stackoverflow.com/questions/22747068/is-there-a-max-number-of-arguments-javascript-functions-can-accept
      // 100K seems to be a reasonable size for v8
      const QUANTUM = 125000
      for (let i = 0; i < chunks.length; i += QUANTUM) {
        this.chunks.push(...chunks.slice(i, Math.min(i + QUANTUM, chunks.length)))
      }
    }
    if (this._gotCopyInResponse) {
      return this.flush(cb)
    }
    this.cb_CopyInResponse = cb
  }

  _destroy(err, cb) {
    // writable.destroy([error]) was called.
    // send a CopyFail message that will rollback the COPY operation.
    // the cb will be called only after the ErrorResponse message is received
    // from the backend
    if (this.cb_ReadyForQuery) return cb(err)
    this.cb_destroy = cb
    const msg = err ? err.message : 'NODE-PG-COPY-STREAMS destroy() was called'
    const self = this
    const done = function () {
      self.connection.sendCopyFail(msg)
    }

    this.chunks = []
    if (this._gotCopyInResponse) {
      return this.flush(done)
    }
    this.cb_CopyInResponse = done
  }

  _final(cb) {
    this.cb_ReadyForQuery = cb
    const self = this
    const done = function () {
      const Int32Len = 4
      const finBuffer = Buffer.from([code.CopyDone, 0, 0, 0, Int32Len])
      self.connection.stream.write(finBuffer)
    }

    if (this._gotCopyInResponse) {
      return this.flush(done)
    }
    this.cb_CopyInResponse = done
  }

  flush(callback) {
    let chunk
    let ok = true
    while (ok && (chunk = this.chunks.shift())) {
      ok = this.flushChunk(chunk.chunk)
    }
    if (callback) {
      if (ok) {
        callback()
      } else {
        if (this.chunks.length) {
          this.connection.stream.once('drain', this.flush.bind(this, callback))
        } else {
          this.connection.stream.once('drain', callback)
        }
      }
    }
  }

  flushChunk(chunk) {
    const Int32Len = 4
    const lenBuffer = Buffer.from([code.CopyData, 0, 0, 0, 0])
    lenBuffer.writeUInt32BE(chunk.length + Int32Len, 1)
    this.connection.stream.write(lenBuffer)
    return this.connection.stream.write(chunk)
  }

  handleError(e) {
    // clear `pg` timeout mechanism
    this.callback()

    if (this.cb_destroy) {
      const cb = this.cb_destroy
      this.cb_destroy = null
      cb(e)
    } else {
      this.emit('error', e)
    }
    this.connection = null
  }

  handleCopyInResponse(connection) {
    this._gotCopyInResponse = true
    if (!this.destroyed) {
      this.uncork()
    }
    const cb = this.cb_CopyInResponse || function () {}
    this.cb_CopyInResponse = null
    this.flush(cb)
  }

  handleCommandComplete(msg) {
    // Parse affected row count as in
    // https://github.com/brianc/node-postgres/blob/35e5567f86774f808c2a8518dd312b8aa3586693/lib/result.js#L37
    const match = /COPY (\d+)/.exec((msg || {}).text)
    if (match) {
      this.rowCount = parseInt(match[1], 10)
    }
  }

  handleReadyForQuery() {
    // triggered after ReadyForQuery
    // we delay the _final callback so that the 'finish' event is
    // sent only when the ingested data is visible inside postgres and
    // after the postgres connection is ready for a new query

    // Note: `pg` currently does not call this callback when the backend
    // sends an ErrorResponse message during the query (for example during
    // a CopyFail)

    // clear `pg` timeout mechanism
    this.callback()

    this.cb_ReadyForQuery()
    this.connection = null
  }
}


/***/ }),

/***/ 4820:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";


module.exports = function (txt, options) {
  return new CopyStreamQuery(txt, options)
}

const { Readable } = __nccwpck_require__(2203)
const assert = __nccwpck_require__(2613)
const BufferList = __nccwpck_require__(1147)
const code = __nccwpck_require__(5983)

// decoder states
const PG_CODE = 0
const PG_LENGTH = 1
const PG_MESSAGE = 2

class CopyStreamQuery extends Readable {
  constructor(text, options) {
    super(options)
    this.text = text
    this.rowCount = 0
    this._state = PG_CODE
    this._buffer = new BufferList()
    this._unreadMessageContentLength = 0
    this._copyDataChunks = new BufferList()
    this._pgDataHandler = null
    this._drained = false
    this._forwarding = false
    this._onReadableEvent = this._onReadable.bind(this)
  }

  submit(connection) {
    this.connection = connection
    this._attach()
    connection.query(this.text)
  }

  _attach() {
    const connectionStream = this.connection.stream
    const pgDataListeners = connectionStream.listeners('data')
    assert(pgDataListeners.length == 1)
    this._pgDataHandler = pgDataListeners.pop()
    connectionStream.removeListener('data', this._pgDataHandler)
    connectionStream.pause()
    this._forward()
    connectionStream.on('readable', this._onReadableEvent)
  }

  _detach() {
    const connectionStream = this.connection.stream
    const unreadBuffer = this._buffer.take(this._buffer.size)
    //connectionStream.unpipe(this)
    connectionStream.removeListener('readable', this._onReadableEvent)
    connectionStream.addListener('data', this._pgDataHandler)
    this._pgDataHandler(unreadBuffer)

    // unpipe can pause the stream but also underlying onData event can potentially pause the stream because of hitting
    // the highWaterMark and pausing the stream, so we resume the stream in the next tick after the underlying onData
    // event has finished
    process.nextTick(function () {
      connectionStream.resume()
    })
  }

  _cleanup() {
    this._buffer = null
    this._copyDataChunks = null
    this._pgDataHandler = null
    this._onReadableEvent = null
  }

  _onReadable() {
    this._forward()
  }

  _read() {
    this._drained = true
    this._forward()
  }

  _forward() {
    if (this._forwarding || !this._drained || !this.connection) return
    this._forwarding = true
    const connectionStream = this.connection.stream
    let chunk
    while (this._drained && (chunk = connectionStream.read()) !== null) {
      this._drained = this._parse(chunk)
    }
    this._forwarding = false
  }

  _parse(chunk) {
    let done = false
    let drained = true
    this._buffer.push(chunk)

    while (!done && this._buffer.size > 0) {
      if (PG_CODE === this._state) {
        if (!this._buffer.has(1)) break
        this._code = this._buffer.peekUInt8()
        if (this._code === code.ErrorResponse) {
          // ErrorResponse Interception
          // We must let pg parse future messages and handle their consequences on
          // the ActiveQuery
          this._detach()
          return
        }
        this._buffer.readUInt8()
        this._state = PG_LENGTH
      }

      if (PG_LENGTH === this._state) {
        if (!this._buffer.has(4)) break
        this._unreadMessageContentLength = this._buffer.readUInt32BE() - 4
        this._state = PG_MESSAGE
      }

      if (PG_MESSAGE === this._state) {
        if (this._unreadMessageContentLength > 0 && this._buffer.size > 0) {
          const n = Math.min(this._buffer.size, this._unreadMessageContentLength)
          const messageContentChunk = this._buffer.take(n)
          this._unreadMessageContentLength -= n
          if (this._code === code.CopyData) {
            this._copyDataChunks.push(messageContentChunk)
          }
        }

        if (this._unreadMessageContentLength === 0) {
          // a full message has been captured
          switch (this._code) {
            case code.CopyOutResponse:
            case code.CopyData:
            // standard interspersed messages.
            // see https://www.postgresql.org/docs/9.6/protocol-flow.html#PROTOCOL-COPY
            case code.ParameterStatus:
            case code.NoticeResponse:
            case code.NotificationResponse:
              break
            case code.CopyDone:
            default:
              done = true
              break
          }
          this._state = PG_CODE
        }
      }
    }

    // flush data if any data has been captured
    const len = this._copyDataChunks.size
    if (len > 0) {
      drained = this.push(this._copyDataChunks.take(len))
    }

    if (done) {
      this._detach()
      this.push(null)
      this._cleanup()
    }

    return drained
  }

  handleError(err) {
    this.emit('error', err)
    this._cleanup()
  }

  handleCommandComplete(msg) {
    const match = /COPY (\d+)/.exec((msg || {}).text)
    if (match) {
      this.rowCount = parseInt(match[1], 10)
    }
  }

  handleReadyForQuery() {}
}


/***/ }),

/***/ 6901:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";


const CopyToQueryStream = __nccwpck_require__(4820)
const CopyFromQueryStream = __nccwpck_require__(6473)
const CopyBothQueryStream = __nccwpck_require__(3874)

exports.to = function copyTo(txt, options) {
  return new CopyToQueryStream(txt, options)
}

exports.from = function copyFrom(txt, options) {
  return new CopyFromQueryStream(txt, options)
}

exports.both = function copyBoth(txt, options) {
  return new CopyBothQueryStream(txt, options)
}


/***/ }),

/***/ 5983:
/***/ ((module) => {

/**
 * The COPY feature uses the following protocol codes.
 * The codes for the most recent protocol version are documented on
 * https://www.postgresql.org/docs/current/static/protocol-message-formats.html
 *
 * The protocol flow itself is described on
 * https://www.postgresql.org/docs/current/static/protocol-flow.html
 */
module.exports = {
  ErrorResponse: 0x45, // E
  CopyInResponse: 0x47, // G
  CopyOutResponse: 0x48, // H
  CopyBothResponse: 0x57, // W
  CopyDone: 0x63, // c
  CopyData: 0x64, // d
  CopyFail: 0x66, // f
  CommandComplete: 0x43, // C
  ReadyForQuery: 0x5a, // Z

  // It is possible for NoticeResponse and ParameterStatus messages to be interspersed between CopyData messages;
  // frontends must handle these cases, and should be prepared for other asynchronous message types as well
  // (see Section 50.2.6).
  // Otherwise, any message type other than CopyData or CopyDone may be treated as terminating copy-out mode.
  NotificationResponse: 0x41, // A
  NoticeResponse: 0x4e, // N
  ParameterStatus: 0x53, // S
}


/***/ }),

/***/ 1147:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const Buffer = (__nccwpck_require__(181).Buffer)

function OffsetBuffer() {
  this.offset = 0
  this.size = 0
  this.buffers = []
}
module.exports = OffsetBuffer

OffsetBuffer.prototype.isEmpty = function isEmpty() {
  return this.size === 0
}

OffsetBuffer.prototype.clone = function clone(size) {
  const r = new OffsetBuffer()
  r.offset = this.offset
  r.size = size
  r.buffers = this.buffers.slice()
  return r
}

OffsetBuffer.prototype.toChunks = function toChunks() {
  if (this.size === 0) return []

  // We are going to slice it anyway
  if (this.offset !== 0) {
    this.buffers[0] = this.buffers[0].slice(this.offset)
    this.offset = 0
  }

  const chunks = []
  let off = 0
  let i
  for (i = 0; off <= this.size && i < this.buffers.length; i++) {
    let buf = this.buffers[i]
    off += buf.length

    // Slice off last buffer
    if (off > this.size) {
      buf = buf.slice(0, buf.length - (off - this.size))
      this.buffers[i] = buf
    }

    chunks.push(buf)
  }

  // If some buffers were skipped - trim length
  if (i < this.buffers.length) this.buffers.length = i

  return chunks
}

OffsetBuffer.prototype.toString = function toString(enc) {
  return this.toChunks()
    .map(function (c) {
      return c.toString(enc)
    })
    .join('')
}

OffsetBuffer.prototype.use = function use(buf, off, n) {
  this.buffers = [buf]
  this.offset = off
  this.size = n
}

OffsetBuffer.prototype.push = function push(data) {
  // Ignore empty writes
  if (data.length === 0) return

  this.size += data.length
  this.buffers.push(data)
}

OffsetBuffer.prototype.has = function has(n) {
  return this.size >= n
}

OffsetBuffer.prototype.skip = function skip(n) {
  if (this.size === 0) return

  this.size -= n

  // Fast case, skip bytes in a first buffer
  if (this.offset + n < this.buffers[0].length) {
    this.offset += n
    return
  }

  let left = n - (this.buffers[0].length - this.offset)
  this.offset = 0
  let shift
  for (shift = 1; left > 0 && shift < this.buffers.length; shift++) {
    const buf = this.buffers[shift]
    if (buf.length > left) {
      this.offset = left
      break
    }
    left -= buf.length
  }
  this.buffers = this.buffers.slice(shift)
}

OffsetBuffer.prototype.copy = function copy(target, targetOff, off, n) {
  if (this.size === 0) return
  if (off !== 0) throw new Error('Unsupported offset in .copy()')

  let toff = targetOff
  const first = this.buffers[0]
  const toCopy = Math.min(n, first.length - this.offset)
  first.copy(target, toff, this.offset, this.offset + toCopy)

  toff += toCopy
  let left = n - toCopy
  for (let i = 1; left > 0 && i < this.buffers.length; i++) {
    const buf = this.buffers[i]
    const toCopy = Math.min(left, buf.length)

    buf.copy(target, toff, 0, toCopy)

    toff += toCopy
    left -= toCopy
  }
}

OffsetBuffer.prototype.take = function take(n) {
  if (n === 0) return Buffer.alloc(0)

  this.size -= n

  // Fast cases
  const first = this.buffers[0].length - this.offset
  if (first === n) {
    let r = this.buffers.shift()
    if (this.offset !== 0) {
      r = r.slice(this.offset)
      this.offset = 0
    }
    return r
  } else if (first > n) {
    const r = this.buffers[0].slice(this.offset, this.offset + n)
    this.offset += n
    return r
  }

  // Allocate and fill buffer
  const out = Buffer.alloc(n)
  let toOff = 0
  let startOff = this.offset
  let i
  for (i = 0; toOff !== n && i < this.buffers.length; i++) {
    const buf = this.buffers[i]
    const toCopy = Math.min(buf.length - startOff, n - toOff)

    buf.copy(out, toOff, startOff, startOff + toCopy)
    if (startOff + toCopy < buf.length) {
      this.offset = startOff + toCopy
      break
    } else {
      toOff += toCopy
      startOff = 0
    }
  }

  this.buffers = this.buffers.slice(i)
  if (this.buffers.length === 0) this.offset = 0

  return out
}

OffsetBuffer.prototype.peekUInt8 = function peekUInt8() {
  return this.buffers[0][this.offset]
}

OffsetBuffer.prototype.readUInt8 = function readUInt8() {
  this.size -= 1
  const first = this.buffers[0]
  const r = first[this.offset]
  if (++this.offset === first.length) {
    this.offset = 0
    this.buffers.shift()
  }

  return r
}

OffsetBuffer.prototype.readUInt16LE = function readUInt16LE() {
  const first = this.buffers[0]
  this.size -= 2

  let r
  let shift

  // Fast case - first buffer has all bytes
  if (first.length - this.offset >= 2) {
    r = first.readUInt16LE(this.offset)
    shift = 0
    this.offset += 2

    // One byte here - one byte there
  } else {
    r = first[this.offset] | (this.buffers[1][0] << 8)
    shift = 1
    this.offset = 1
  }

  if (this.offset === this.buffers[shift].length) {
    this.offset = 0
    shift++
  }
  if (shift !== 0) this.buffers = this.buffers.slice(shift)

  return r
}

OffsetBuffer.prototype.readUInt24LE = function readUInt24LE() {
  const first = this.buffers[0]

  let r
  let shift
  const firstHas = first.length - this.offset

  // Fast case - first buffer has all bytes
  if (firstHas >= 3) {
    r = first.readUInt16LE(this.offset) | (first[this.offset + 2] << 16)
    shift = 0
    this.offset += 3

    // First buffer has 2 of 3 bytes
  } else if (firstHas >= 2) {
    r = first.readUInt16LE(this.offset) | (this.buffers[1][0] << 16)
    shift = 1
    this.offset = 1

    // Slow case: First buffer has 1 of 3 bytes
  } else {
    r = first[this.offset]
    this.offset = 0
    this.buffers.shift()
    this.size -= 1

    r |= this.readUInt16LE() << 8
    return r
  }

  this.size -= 3
  if (this.offset === this.buffers[shift].length) {
    this.offset = 0
    shift++
  }
  if (shift !== 0) this.buffers = this.buffers.slice(shift)

  return r
}

OffsetBuffer.prototype.readUInt32LE = function readUInt32LE() {
  const first = this.buffers[0]

  let r
  let shift
  const firstHas = first.length - this.offset

  // Fast case - first buffer has all bytes
  if (firstHas >= 4) {
    r = first.readUInt32LE(this.offset)
    shift = 0
    this.offset += 4

    // First buffer has 3 of 4 bytes
  } else if (firstHas >= 3) {
    r = (first.readUInt16LE(this.offset) | (first[this.offset + 2] << 16)) + this.buffers[1][0] * 0x1000000
    shift = 1
    this.offset = 1

    // Slow case: First buffer has 2 of 4 bytes
  } else if (firstHas >= 2) {
    r = first.readUInt16LE(this.offset)
    this.offset = 0
    this.buffers.shift()
    this.size -= 2

    r += this.readUInt16LE() * 0x10000
    return r

    // Slow case: First buffer has 1 of 4 bytes
  } else {
    r = first[this.offset]
    this.offset = 0
    this.buffers.shift()
    this.size -= 1

    r += this.readUInt24LE() * 0x100
    return r
  }

  this.size -= 4
  if (this.offset === this.buffers[shift].length) {
    this.offset = 0
    shift++
  }
  if (shift !== 0) this.buffers = this.buffers.slice(shift)

  return r
}

OffsetBuffer.prototype.readUInt16BE = function readUInt16BE() {
  const r = this.readUInt16LE()

  return ((r & 0xff) << 8) | (r >> 8)
}

OffsetBuffer.prototype.readUInt24BE = function readUInt24BE() {
  const r = this.readUInt24LE()

  return ((r & 0xff) << 16) | (((r >> 8) & 0xff) << 8) | (r >> 16)
}

OffsetBuffer.prototype.readUInt32BE = function readUInt32BE() {
  const r = this.readUInt32LE()

  return (((r & 0xff) << 24) | (((r >>> 8) & 0xff) << 16) | (((r >>> 16) & 0xff) << 8) | (r >>> 24)) >>> 0
}

// Signed number APIs

function signedInt8(num) {
  if (num >= 0x80) return -(0xff ^ num) - 1
  else return num
}

OffsetBuffer.prototype.peekInt8 = function peekInt8() {
  return signedInt8(this.peekUInt8())
}

OffsetBuffer.prototype.readInt8 = function readInt8() {
  return signedInt8(this.readUInt8())
}

function signedInt16(num) {
  if (num >= 0x8000) return -(0xffff ^ num) - 1
  else return num
}

OffsetBuffer.prototype.readInt16BE = function readInt16BE() {
  return signedInt16(this.readUInt16BE())
}

OffsetBuffer.prototype.readInt16LE = function readInt16LE() {
  return signedInt16(this.readUInt16LE())
}

function signedInt24(num) {
  if (num >= 0x800000) return -(0xffffff ^ num) - 1
  else return num
}

OffsetBuffer.prototype.readInt24BE = function readInt24BE() {
  return signedInt24(this.readUInt24BE())
}

OffsetBuffer.prototype.readInt24LE = function readInt24LE() {
  return signedInt24(this.readUInt24LE())
}

function signedInt32(num) {
  if (num >= 0x80000000) return -(0xffffffff ^ num) - 1
  else return num
}

OffsetBuffer.prototype.readInt32BE = function readInt32BE() {
  return signedInt32(this.readUInt32BE())
}

OffsetBuffer.prototype.readInt32LE = function readInt32LE() {
  return signedInt32(this.readUInt32LE())
}


/***/ }),

/***/ 2299:
/***/ ((module) => {

"use strict";


// selected so (BASE - 1) * 0x100000000 + 0xffffffff is a safe integer
var BASE = 1000000;

function readInt8(buffer) {
	var high = buffer.readInt32BE(0);
	var low = buffer.readUInt32BE(4);
	var sign = '';

	if (high < 0) {
		high = ~high + (low === 0);
		low = (~low + 1) >>> 0;
		sign = '-';
	}

	var result = '';
	var carry;
	var t;
	var digits;
	var pad;
	var l;
	var i;

	{
		carry = high % BASE;
		high = high / BASE >>> 0;

		t = 0x100000000 * carry + low;
		low = t / BASE >>> 0;
		digits = '' + (t - BASE * low);

		if (low === 0 && high === 0) {
			return sign + digits + result;
		}

		pad = '';
		l = 6 - digits.length;

		for (i = 0; i < l; i++) {
			pad += '0';
		}

		result = pad + digits + result;
	}

	{
		carry = high % BASE;
		high = high / BASE >>> 0;

		t = 0x100000000 * carry + low;
		low = t / BASE >>> 0;
		digits = '' + (t - BASE * low);

		if (low === 0 && high === 0) {
			return sign + digits + result;
		}

		pad = '';
		l = 6 - digits.length;

		for (i = 0; i < l; i++) {
			pad += '0';
		}

		result = pad + digits + result;
	}

	{
		carry = high % BASE;
		high = high / BASE >>> 0;

		t = 0x100000000 * carry + low;
		low = t / BASE >>> 0;
		digits = '' + (t - BASE * low);

		if (low === 0 && high === 0) {
			return sign + digits + result;
		}

		pad = '';
		l = 6 - digits.length;

		for (i = 0; i < l; i++) {
			pad += '0';
		}

		result = pad + digits + result;
	}

	{
		carry = high % BASE;
		t = 0x100000000 * carry + low;
		digits = '' + t % BASE;

		return sign + digits + result;
	}
}

module.exports = readInt8;


/***/ }),

/***/ 7558:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";

const EventEmitter = (__nccwpck_require__(4434).EventEmitter)

const NOOP = function () {}

const removeWhere = (list, predicate) => {
  const i = list.findIndex(predicate)

  return i === -1 ? undefined : list.splice(i, 1)[0]
}

class IdleItem {
  constructor(client, idleListener, timeoutId) {
    this.client = client
    this.idleListener = idleListener
    this.timeoutId = timeoutId
  }
}

class PendingItem {
  constructor(callback) {
    this.callback = callback
  }
}

function throwOnDoubleRelease() {
  throw new Error('Release called on client which has already been released to the pool.')
}

function promisify(Promise, callback) {
  if (callback) {
    return { callback: callback, result: undefined }
  }
  let rej
  let res
  const cb = function (err, client) {
    err ? rej(err) : res(client)
  }
  const result = new Promise(function (resolve, reject) {
    res = resolve
    rej = reject
  }).catch((err) => {
    // replace the stack trace that leads to `TCP.onStreamRead` with one that leads back to the
    // application that created the query
    Error.captureStackTrace(err)
    throw err
  })
  return { callback: cb, result: result }
}

function makeIdleListener(pool, client) {
  return function idleListener(err) {
    err.client = client

    client.removeListener('error', idleListener)
    client.on('error', () => {
      pool.log('additional client error after disconnection due to error', err)
    })
    pool._remove(client)
    // TODO - document that once the pool emits an error
    // the client has already been closed & purged and is unusable
    pool.emit('error', err, client)
  }
}

class Pool extends EventEmitter {
  constructor(options, Client) {
    super()
    this.options = Object.assign({}, options)

    if (options != null && 'password' in options) {
      // "hiding" the password so it doesn't show up in stack traces
      // or if the client is console.logged
      Object.defineProperty(this.options, 'password', {
        configurable: true,
        enumerable: false,
        writable: true,
        value: options.password,
      })
    }
    if (options != null && options.ssl && options.ssl.key) {
      // "hiding" the ssl->key so it doesn't show up in stack traces
      // or if the client is console.logged
      Object.defineProperty(this.options.ssl, 'key', {
        enumerable: false,
      })
    }

    this.options.max = this.options.max || this.options.poolSize || 10
    this.options.min = this.options.min || 0
    this.options.maxUses = this.options.maxUses || Infinity
    this.options.allowExitOnIdle = this.options.allowExitOnIdle || false
    this.options.maxLifetimeSeconds = this.options.maxLifetimeSeconds || 0
    this.log = this.options.log || function () {}
    this.Client = this.options.Client || Client || (__nccwpck_require__(3273).Client)
    this.Promise = this.options.Promise || global.Promise

    if (typeof this.options.idleTimeoutMillis === 'undefined') {
      this.options.idleTimeoutMillis = 10000
    }

    this._clients = []
    this._idle = []
    this._expired = new WeakSet()
    this._pendingQueue = []
    this._endCallback = undefined
    this.ending = false
    this.ended = false
  }

  _promiseTry(f) {
    const Promise = this.Promise
    if (typeof Promise.try === 'function') {
      return Promise.try(f)
    }
    return new Promise((resolve) => resolve(f()))
  }

  _isFull() {
    return this._clients.length >= this.options.max
  }

  _isAboveMin() {
    return this._clients.length > this.options.min
  }

  _pulseQueue() {
    this.log('pulse queue')
    if (this.ended) {
      this.log('pulse queue ended')
      return
    }
    if (this.ending) {
      this.log('pulse queue on ending')
      if (this._idle.length) {
        this._idle.slice().map((item) => {
          this._remove(item.client)
        })
      }
      if (!this._clients.length) {
        this.ended = true
        this._endCallback()
      }
      return
    }

    // if we don't have any waiting, do nothing
    if (!this._pendingQueue.length) {
      this.log('no queued requests')
      return
    }
    // if we don't have any idle clients and we have no more room do nothing
    if (!this._idle.length && this._isFull()) {
      return
    }
    const pendingItem = this._pendingQueue.shift()
    if (this._idle.length) {
      const idleItem = this._idle.pop()
      clearTimeout(idleItem.timeoutId)
      const client = idleItem.client
      client.ref && client.ref()
      const idleListener = idleItem.idleListener

      return this._acquireClient(client, pendingItem, idleListener, false)
    }
    if (!this._isFull()) {
      return this.newClient(pendingItem)
    }
    throw new Error('unexpected condition')
  }

  _remove(client, callback) {
    const removed = removeWhere(this._idle, (item) => item.client === client)

    if (removed !== undefined) {
      clearTimeout(removed.timeoutId)
    }

    this._clients = this._clients.filter((c) => c !== client)
    const context = this
    client.end(() => {
      context.emit('remove', client)

      if (typeof callback === 'function') {
        callback()
      }
    })
  }

  connect(cb) {
    if (this.ending) {
      const err = new Error('Cannot use a pool after calling end on the pool')
      return cb ? cb(err) : this.Promise.reject(err)
    }

    const response = promisify(this.Promise, cb)
    const result = response.result

    // if we don't have to connect a new client, don't do so
    if (this._isFull() || this._idle.length) {
      // if we have idle clients schedule a pulse immediately
      if (this._idle.length) {
        process.nextTick(() => this._pulseQueue())
      }

      if (!this.options.connectionTimeoutMillis) {
        this._pendingQueue.push(new PendingItem(response.callback))
        return result
      }

      const queueCallback = (err, res, done) => {
        clearTimeout(tid)
        response.callback(err, res, done)
      }

      const pendingItem = new PendingItem(queueCallback)

      // set connection timeout on checking out an existing client
      const tid = setTimeout(() => {
        // remove the callback from pending waiters because
        // we're going to call it with a timeout error
        removeWhere(this._pendingQueue, (i) => i.callback === queueCallback)
        pendingItem.timedOut = true
        response.callback(new Error('timeout exceeded when trying to connect'))
      }, this.options.connectionTimeoutMillis)

      if (tid.unref) {
        tid.unref()
      }

      this._pendingQueue.push(pendingItem)
      return result
    }

    this.newClient(new PendingItem(response.callback))

    return result
  }

  newClient(pendingItem) {
    const client = new this.Client(this.options)
    this._clients.push(client)
    const idleListener = makeIdleListener(this, client)

    this.log('checking client timeout')

    // connection timeout logic
    let tid
    let timeoutHit = false
    if (this.options.connectionTimeoutMillis) {
      tid = setTimeout(() => {
        if (client.connection) {
          this.log('ending client due to timeout')
          timeoutHit = true
          client.connection.stream.destroy()
        } else if (!client.isConnected()) {
          this.log('ending client due to timeout')
          timeoutHit = true
          // force kill the node driver, and let libpq do its teardown
          client.end()
        }
      }, this.options.connectionTimeoutMillis)
    }

    this.log('connecting new client')
    client.connect((err) => {
      if (tid) {
        clearTimeout(tid)
      }
      client.on('error', idleListener)
      if (err) {
        this.log('client failed to connect', err)
        // remove the dead client from our list of clients
        this._clients = this._clients.filter((c) => c !== client)
        if (timeoutHit) {
          err = new Error('Connection terminated due to connection timeout', { cause: err })
        }

        // this client won’t be released, so move on immediately
        this._pulseQueue()

        if (!pendingItem.timedOut) {
          pendingItem.callback(err, undefined, NOOP)
        }
      } else {
        this.log('new client connected')

        if (this.options.onConnect) {
          this._promiseTry(() => this.options.onConnect(client)).then(
            () => {
              this._afterConnect(client, pendingItem, idleListener)
            },
            (hookErr) => {
              this._clients = this._clients.filter((c) => c !== client)
              client.end(() => {
                this._pulseQueue()
                if (!pendingItem.timedOut) {
                  pendingItem.callback(hookErr, undefined, NOOP)
                }
              })
            }
          )
          return
        }

        return this._afterConnect(client, pendingItem, idleListener)
      }
    })
  }

  _afterConnect(client, pendingItem, idleListener) {
    if (this.options.maxLifetimeSeconds !== 0) {
      const maxLifetimeTimeout = setTimeout(() => {
        this.log('ending client due to expired lifetime')
        this._expired.add(client)
        const idleIndex = this._idle.findIndex((idleItem) => idleItem.client === client)
        if (idleIndex !== -1) {
          this._acquireClient(
            client,
            new PendingItem((err, client, clientRelease) => clientRelease()),
            idleListener,
            false
          )
        }
      }, this.options.maxLifetimeSeconds * 1000)

      maxLifetimeTimeout.unref()
      client.once('end', () => clearTimeout(maxLifetimeTimeout))
    }

    return this._acquireClient(client, pendingItem, idleListener, true)
  }

  // acquire a client for a pending work item
  _acquireClient(client, pendingItem, idleListener, isNew) {
    if (isNew) {
      this.emit('connect', client)
    }

    this.emit('acquire', client)

    client.release = this._releaseOnce(client, idleListener)

    client.removeListener('error', idleListener)

    if (!pendingItem.timedOut) {
      if (isNew && this.options.verify) {
        this.options.verify(client, (err) => {
          if (err) {
            client.release(err)
            return pendingItem.callback(err, undefined, NOOP)
          }

          pendingItem.callback(undefined, client, client.release)
        })
      } else {
        pendingItem.callback(undefined, client, client.release)
      }
    } else {
      if (isNew && this.options.verify) {
        this.options.verify(client, client.release)
      } else {
        client.release()
      }
    }
  }

  // returns a function that wraps _release and throws if called more than once
  _releaseOnce(client, idleListener) {
    let released = false

    return (err) => {
      if (released) {
        throwOnDoubleRelease()
      }

      released = true
      this._release(client, idleListener, err)
    }
  }

  // release a client back to the poll, include an error
  // to remove it from the pool
  _release(client, idleListener, err) {
    client.on('error', idleListener)

    client._poolUseCount = (client._poolUseCount || 0) + 1

    this.emit('release', err, client)

    // TODO(bmc): expose a proper, public interface _queryable and _ending
    if (err || this.ending || !client._queryable || client._ending || client._poolUseCount >= this.options.maxUses) {
      if (client._poolUseCount >= this.options.maxUses) {
        this.log('remove expended client')
      }

      return this._remove(client, this._pulseQueue.bind(this))
    }

    const isExpired = this._expired.has(client)
    if (isExpired) {
      this.log('remove expired client')
      this._expired.delete(client)
      return this._remove(client, this._pulseQueue.bind(this))
    }

    // idle timeout
    let tid
    if (this.options.idleTimeoutMillis && this._isAboveMin()) {
      tid = setTimeout(() => {
        if (this._isAboveMin()) {
          this.log('remove idle client')
          this._remove(client, this._pulseQueue.bind(this))
        }
      }, this.options.idleTimeoutMillis)

      if (this.options.allowExitOnIdle) {
        // allow Node to exit if this is all that's left
        tid.unref()
      }
    }

    if (this.options.allowExitOnIdle) {
      client.unref()
    }

    this._idle.push(new IdleItem(client, idleListener, tid))
    this._pulseQueue()
  }

  query(text, values, cb) {
    // guard clause against passing a function as the first parameter
    if (typeof text === 'function') {
      const response = promisify(this.Promise, text)
      setImmediate(function () {
        return response.callback(new Error('Passing a function as the first parameter to pool.query is not supported'))
      })
      return response.result
    }

    // allow plain text query without values, but callback
    if (typeof values === 'function') {
      cb = values
      values = undefined
    }
    const response = promisify(this.Promise, cb)
    cb = response.callback

    this.connect((err, client) => {
      if (err) {
        return cb(err)
      }

      let clientReleased = false
      const onError = (err) => {
        if (clientReleased) {
          return
        }
        clientReleased = true
        client.release(err)
        cb(err)
      }

      client.once('error', onError)
      this.log('dispatching query')
      try {
        client.query(text, values, (err, res) => {
          this.log('query dispatched')
          client.removeListener('error', onError)
          if (clientReleased) {
            return
          }
          clientReleased = true
          client.release(err)
          if (err) {
            return cb(err)
          }
          return cb(undefined, res)
        })
      } catch (err) {
        client.release(err)
        return cb(err)
      }
    })
    return response.result
  }

  end(cb) {
    this.log('ending')
    if (this.ending) {
      const err = new Error('Called end on pool more than once')
      return cb ? cb(err) : this.Promise.reject(err)
    }
    this.ending = true
    const promised = promisify(this.Promise, cb)
    this._endCallback = promised.callback
    this._pulseQueue()
    return promised.result
  }

  get waitingCount() {
    return this._pendingQueue.length
  }

  get idleCount() {
    return this._idle.length
  }

  get expiredCount() {
    return this._clients.reduce((acc, client) => acc + (this._expired.has(client) ? 1 : 0), 0)
  }

  get totalCount() {
    return this._clients.length
  }
}
module.exports = Pool


/***/ }),

/***/ 9971:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BufferReader = void 0;
class BufferReader {
    constructor(offset = 0) {
        this.offset = offset;
        this.buffer = Buffer.allocUnsafe(0);
        // TODO(bmc): support non-utf8 encoding?
        this.encoding = 'utf-8';
    }
    setBuffer(offset, buffer) {
        this.offset = offset;
        this.buffer = buffer;
    }
    int16() {
        const result = this.buffer.readInt16BE(this.offset);
        this.offset += 2;
        return result;
    }
    byte() {
        const result = this.buffer[this.offset];
        this.offset++;
        return result;
    }
    int32() {
        const result = this.buffer.readInt32BE(this.offset);
        this.offset += 4;
        return result;
    }
    uint32() {
        const result = this.buffer.readUInt32BE(this.offset);
        this.offset += 4;
        return result;
    }
    string(length) {
        const result = this.buffer.toString(this.encoding, this.offset, this.offset + length);
        this.offset += length;
        return result;
    }
    cstring() {
        const start = this.offset;
        let end = start;
        // eslint-disable-next-line no-empty
        while (this.buffer[end++]) { }
        this.offset = end;
        return this.buffer.toString(this.encoding, start, end - 1);
    }
    bytes(length) {
        const result = this.buffer.slice(this.offset, this.offset + length);
        this.offset += length;
        return result;
    }
}
exports.BufferReader = BufferReader;
//# sourceMappingURL=buffer-reader.js.map

/***/ }),

/***/ 9315:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

//binary data writer tuned for encoding binary specific to the postgres binary protocol
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Writer = void 0;
class Writer {
    constructor(size = 256) {
        this.size = size;
        this.offset = 5;
        this.headerPosition = 0;
        this.buffer = Buffer.allocUnsafe(size);
    }
    ensure(size) {
        const remaining = this.buffer.length - this.offset;
        if (remaining < size) {
            const oldBuffer = this.buffer;
            // exponential growth factor of around ~ 1.5
            // https://stackoverflow.com/questions/2269063/buffer-growth-strategy
            const newSize = oldBuffer.length + (oldBuffer.length >> 1) + size;
            this.buffer = Buffer.allocUnsafe(newSize);
            oldBuffer.copy(this.buffer, 0, 0, this.offset);
        }
    }
    addInt32(num) {
        this.ensure(4);
        this.buffer[this.offset++] = (num >>> 24) & 0xff;
        this.buffer[this.offset++] = (num >>> 16) & 0xff;
        this.buffer[this.offset++] = (num >>> 8) & 0xff;
        this.buffer[this.offset++] = (num >>> 0) & 0xff;
        return this;
    }
    addInt16(num) {
        this.ensure(2);
        this.buffer[this.offset++] = (num >>> 8) & 0xff;
        this.buffer[this.offset++] = (num >>> 0) & 0xff;
        return this;
    }
    addCString(string) {
        if (!string) {
            this.ensure(1);
        }
        else {
            const len = Buffer.byteLength(string);
            this.ensure(len + 1); // +1 for null terminator
            this.buffer.write(string, this.offset, 'utf-8');
            this.offset += len;
        }
        this.buffer[this.offset++] = 0; // null terminator
        return this;
    }
    addString(string = '') {
        const len = Buffer.byteLength(string);
        this.ensure(len);
        this.buffer.write(string, this.offset);
        this.offset += len;
        return this;
    }
    // Write an Int32 byte-length prefix immediately followed by the string's UTF-8
    // bytes. Postgres' Bind wire format prefixes every parameter with its length,
    // and doing it in one method computes Buffer.byteLength ONCE — the previous
    // `addInt32(Buffer.byteLength(s)).addString(s)` pairing scanned the string
    // three times (byteLength for the prefix, byteLength again inside addString,
    // then the encode), which is costly for large text parameters.
    addInt32PrefixedString(string) {
        const len = Buffer.byteLength(string);
        this.ensure(4 + len);
        const buffer = this.buffer;
        let offset = this.offset;
        buffer[offset++] = (len >>> 24) & 0xff;
        buffer[offset++] = (len >>> 16) & 0xff;
        buffer[offset++] = (len >>> 8) & 0xff;
        buffer[offset++] = (len >>> 0) & 0xff;
        buffer.write(string, offset, 'utf-8');
        this.offset = offset + len;
        return this;
    }
    add(otherBuffer) {
        this.ensure(otherBuffer.length);
        otherBuffer.copy(this.buffer, this.offset);
        this.offset += otherBuffer.length;
        return this;
    }
    /**
     * Appends an uninitialized block of {@link size} bytes to the buffer and returns its offset.
     */
    reserveUnsafe(size) {
        const offset = this.offset;
        this.ensure(size);
        this.offset += size;
        return offset;
    }
    join(code) {
        if (code) {
            this.buffer[this.headerPosition] = code;
            //length is everything in this packet minus the code
            const length = this.offset - (this.headerPosition + 1);
            this.buffer.writeInt32BE(length, this.headerPosition + 1);
        }
        return this.buffer.slice(code ? 0 : 5, this.offset);
    }
    flush(code) {
        const result = this.join(code);
        this.offset = 5;
        this.headerPosition = 0;
        this.buffer = Buffer.allocUnsafe(this.size);
        return result;
    }
    clear() {
        this.offset = 5;
        this.headerPosition = 0;
    }
}
exports.Writer = Writer;
//# sourceMappingURL=buffer-writer.js.map

/***/ }),

/***/ 4233:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DatabaseError = exports.serialize = void 0;
exports.parse = parse;
const messages_1 = __nccwpck_require__(5809);
Object.defineProperty(exports, "DatabaseError", ({ enumerable: true, get: function () { return messages_1.DatabaseError; } }));
const serializer_1 = __nccwpck_require__(6513);
Object.defineProperty(exports, "serialize", ({ enumerable: true, get: function () { return serializer_1.serialize; } }));
const parser_1 = __nccwpck_require__(3318);
function parse(stream, callback) {
    const parser = new parser_1.Parser();
    stream.on('data', (buffer) => parser.parse(buffer, callback));
    return new Promise((resolve) => stream.on('end', () => resolve()));
}
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 5809:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NoticeMessage = exports.DataRowMessage = exports.CommandCompleteMessage = exports.ReadyForQueryMessage = exports.NotificationResponseMessage = exports.BackendKeyDataMessage = exports.AuthenticationMD5Password = exports.ParameterStatusMessage = exports.ParameterDescriptionMessage = exports.RowDescriptionMessage = exports.Field = exports.CopyResponse = exports.CopyDataMessage = exports.DatabaseError = exports.copyDone = exports.emptyQuery = exports.replicationStart = exports.portalSuspended = exports.noData = exports.closeComplete = exports.bindComplete = exports.parseComplete = void 0;
exports.parseComplete = {
    name: 'parseComplete',
    length: 5,
};
exports.bindComplete = {
    name: 'bindComplete',
    length: 5,
};
exports.closeComplete = {
    name: 'closeComplete',
    length: 5,
};
exports.noData = {
    name: 'noData',
    length: 5,
};
exports.portalSuspended = {
    name: 'portalSuspended',
    length: 5,
};
exports.replicationStart = {
    name: 'replicationStart',
    length: 4,
};
exports.emptyQuery = {
    name: 'emptyQuery',
    length: 4,
};
exports.copyDone = {
    name: 'copyDone',
    length: 4,
};
class DatabaseError extends Error {
    constructor(message, length, name) {
        super(message);
        this.length = length;
        this.name = name;
    }
}
exports.DatabaseError = DatabaseError;
class CopyDataMessage {
    constructor(length, chunk) {
        this.length = length;
        this.chunk = chunk;
        this.name = 'copyData';
    }
}
exports.CopyDataMessage = CopyDataMessage;
class CopyResponse {
    constructor(length, name, binary, columnCount) {
        this.length = length;
        this.name = name;
        this.binary = binary;
        this.columnTypes = new Array(columnCount);
    }
}
exports.CopyResponse = CopyResponse;
class Field {
    constructor(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, format) {
        this.name = name;
        this.tableID = tableID;
        this.columnID = columnID;
        this.dataTypeID = dataTypeID;
        this.dataTypeSize = dataTypeSize;
        this.dataTypeModifier = dataTypeModifier;
        this.format = format;
    }
}
exports.Field = Field;
class RowDescriptionMessage {
    constructor(length, fieldCount) {
        this.length = length;
        this.fieldCount = fieldCount;
        this.name = 'rowDescription';
        this.fields = new Array(this.fieldCount);
    }
}
exports.RowDescriptionMessage = RowDescriptionMessage;
class ParameterDescriptionMessage {
    constructor(length, parameterCount) {
        this.length = length;
        this.parameterCount = parameterCount;
        this.name = 'parameterDescription';
        this.dataTypeIDs = new Array(this.parameterCount);
    }
}
exports.ParameterDescriptionMessage = ParameterDescriptionMessage;
class ParameterStatusMessage {
    constructor(length, parameterName, parameterValue) {
        this.length = length;
        this.parameterName = parameterName;
        this.parameterValue = parameterValue;
        this.name = 'parameterStatus';
    }
}
exports.ParameterStatusMessage = ParameterStatusMessage;
class AuthenticationMD5Password {
    constructor(length, salt) {
        this.length = length;
        this.salt = salt;
        this.name = 'authenticationMD5Password';
    }
}
exports.AuthenticationMD5Password = AuthenticationMD5Password;
class BackendKeyDataMessage {
    constructor(length, processID, secretKey) {
        this.length = length;
        this.processID = processID;
        this.secretKey = secretKey;
        this.name = 'backendKeyData';
    }
}
exports.BackendKeyDataMessage = BackendKeyDataMessage;
class NotificationResponseMessage {
    constructor(length, processId, channel, payload) {
        this.length = length;
        this.processId = processId;
        this.channel = channel;
        this.payload = payload;
        this.name = 'notification';
    }
}
exports.NotificationResponseMessage = NotificationResponseMessage;
class ReadyForQueryMessage {
    constructor(length, status) {
        this.length = length;
        this.status = status;
        this.name = 'readyForQuery';
    }
}
exports.ReadyForQueryMessage = ReadyForQueryMessage;
class CommandCompleteMessage {
    constructor(length, text) {
        this.length = length;
        this.text = text;
        this.name = 'commandComplete';
    }
}
exports.CommandCompleteMessage = CommandCompleteMessage;
class DataRowMessage {
    constructor(length, fields) {
        this.length = length;
        this.fields = fields;
        this.name = 'dataRow';
        this.fieldCount = fields.length;
    }
}
exports.DataRowMessage = DataRowMessage;
class NoticeMessage {
    constructor(length, message) {
        this.length = length;
        this.message = message;
        this.name = 'notice';
    }
}
exports.NoticeMessage = NoticeMessage;
//# sourceMappingURL=messages.js.map

/***/ }),

/***/ 3318:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Parser = void 0;
const messages_1 = __nccwpck_require__(5809);
const buffer_reader_1 = __nccwpck_require__(9971);
// every message is prefixed with a single byte
const CODE_LENGTH = 1;
// every message has an int32 length which includes itself but does
// NOT include the code in the length
const LEN_LENGTH = 4;
const HEADER_LENGTH = CODE_LENGTH + LEN_LENGTH;
// A placeholder for a `BackendMessage`’s length value that will be set after construction.
const LATEINIT_LENGTH = -1;
const emptyBuffer = Buffer.allocUnsafe(0);
class Parser {
    constructor(opts) {
        this.buffer = emptyBuffer;
        this.bufferLength = 0;
        this.bufferOffset = 0;
        this.reader = new buffer_reader_1.BufferReader();
        if ((opts === null || opts === void 0 ? void 0 : opts.mode) === 'binary') {
            throw new Error('Binary mode not supported yet');
        }
        this.mode = (opts === null || opts === void 0 ? void 0 : opts.mode) || 'text';
    }
    parse(buffer, callback) {
        this.mergeBuffer(buffer);
        const bufferFullLength = this.bufferOffset + this.bufferLength;
        let offset = this.bufferOffset;
        while (offset + HEADER_LENGTH <= bufferFullLength) {
            // code is 1 byte long - it identifies the message type
            const code = this.buffer[offset];
            // length is 1 Uint32BE - it is the length of the message EXCLUDING the code
            const length = this.buffer.readUInt32BE(offset + CODE_LENGTH);
            const fullMessageLength = CODE_LENGTH + length;
            if (fullMessageLength + offset <= bufferFullLength) {
                const message = this.handlePacket(offset + HEADER_LENGTH, code, length, this.buffer);
                callback(message);
                offset += fullMessageLength;
            }
            else {
                break;
            }
        }
        if (offset === bufferFullLength) {
            // No more use for the buffer
            this.buffer = emptyBuffer;
            this.bufferLength = 0;
            this.bufferOffset = 0;
        }
        else {
            // Adjust the cursors of remainingBuffer
            this.bufferLength = bufferFullLength - offset;
            this.bufferOffset = offset;
        }
    }
    mergeBuffer(buffer) {
        if (this.bufferLength > 0) {
            const newLength = this.bufferLength + buffer.byteLength;
            const newFullLength = newLength + this.bufferOffset;
            if (newFullLength > this.buffer.byteLength) {
                // We can't concat the new buffer with the remaining one
                let newBuffer;
                if (newLength <= this.buffer.byteLength && this.bufferOffset >= this.bufferLength) {
                    // We can move the relevant part to the beginning of the buffer instead of allocating a new buffer
                    newBuffer = this.buffer;
                }
                else {
                    // Allocate a new larger buffer
                    let newBufferLength = this.buffer.byteLength * 2;
                    while (newLength >= newBufferLength) {
                        newBufferLength *= 2;
                    }
                    newBuffer = Buffer.allocUnsafe(newBufferLength);
                }
                // Move the remaining buffer to the new one
                this.buffer.copy(newBuffer, 0, this.bufferOffset, this.bufferOffset + this.bufferLength);
                this.buffer = newBuffer;
                this.bufferOffset = 0;
            }
            // Concat the new buffer with the remaining one
            buffer.copy(this.buffer, this.bufferOffset + this.bufferLength);
            this.bufferLength = newLength;
        }
        else {
            this.buffer = buffer;
            this.bufferOffset = 0;
            this.bufferLength = buffer.byteLength;
        }
    }
    handlePacket(offset, code, length, bytes) {
        const { reader } = this;
        // NOTE: This undesirably retains the buffer in `this.reader` if the `parse*Message` calls below throw. However, those should only throw in the case of a protocol error, which normally results in the reader being discarded.
        reader.setBuffer(offset, bytes);
        let message;
        switch (code) {
            case 50 /* MessageCodes.BindComplete */:
                message = messages_1.bindComplete;
                break;
            case 49 /* MessageCodes.ParseComplete */:
                message = messages_1.parseComplete;
                break;
            case 51 /* MessageCodes.CloseComplete */:
                message = messages_1.closeComplete;
                break;
            case 110 /* MessageCodes.NoData */:
                message = messages_1.noData;
                break;
            case 115 /* MessageCodes.PortalSuspended */:
                message = messages_1.portalSuspended;
                break;
            case 99 /* MessageCodes.CopyDone */:
                message = messages_1.copyDone;
                break;
            case 87 /* MessageCodes.ReplicationStart */:
                message = messages_1.replicationStart;
                break;
            case 73 /* MessageCodes.EmptyQuery */:
                message = messages_1.emptyQuery;
                break;
            case 68 /* MessageCodes.DataRow */:
                message = parseDataRowMessage(reader);
                break;
            case 67 /* MessageCodes.CommandComplete */:
                message = parseCommandCompleteMessage(reader);
                break;
            case 90 /* MessageCodes.ReadyForQuery */:
                message = parseReadyForQueryMessage(reader);
                break;
            case 65 /* MessageCodes.NotificationResponse */:
                message = parseNotificationMessage(reader);
                break;
            case 82 /* MessageCodes.AuthenticationResponse */:
                message = parseAuthenticationResponse(reader, length);
                break;
            case 83 /* MessageCodes.ParameterStatus */:
                message = parseParameterStatusMessage(reader);
                break;
            case 75 /* MessageCodes.BackendKeyData */:
                message = parseBackendKeyData(reader);
                break;
            case 69 /* MessageCodes.ErrorMessage */:
                message = parseErrorMessage(reader, 'error');
                break;
            case 78 /* MessageCodes.NoticeMessage */:
                message = parseErrorMessage(reader, 'notice');
                break;
            case 84 /* MessageCodes.RowDescriptionMessage */:
                message = parseRowDescriptionMessage(reader);
                break;
            case 116 /* MessageCodes.ParameterDescriptionMessage */:
                message = parseParameterDescriptionMessage(reader);
                break;
            case 71 /* MessageCodes.CopyIn */:
                message = parseCopyInMessage(reader);
                break;
            case 72 /* MessageCodes.CopyOut */:
                message = parseCopyOutMessage(reader);
                break;
            case 100 /* MessageCodes.CopyData */:
                message = parseCopyData(reader, length);
                break;
            default:
                return new messages_1.DatabaseError('received invalid response: ' + code.toString(16), length, 'error');
        }
        reader.setBuffer(0, emptyBuffer);
        message.length = length;
        return message;
    }
}
exports.Parser = Parser;
const parseReadyForQueryMessage = (reader) => {
    const status = reader.string(1);
    return new messages_1.ReadyForQueryMessage(LATEINIT_LENGTH, status);
};
const parseCommandCompleteMessage = (reader) => {
    const text = reader.cstring();
    return new messages_1.CommandCompleteMessage(LATEINIT_LENGTH, text);
};
const parseCopyData = (reader, length) => {
    const chunk = reader.bytes(length - 4);
    return new messages_1.CopyDataMessage(LATEINIT_LENGTH, chunk);
};
const parseCopyInMessage = (reader) => parseCopyMessage(reader, 'copyInResponse');
const parseCopyOutMessage = (reader) => parseCopyMessage(reader, 'copyOutResponse');
const parseCopyMessage = (reader, messageName) => {
    const isBinary = reader.byte() !== 0;
    const columnCount = reader.int16();
    const message = new messages_1.CopyResponse(LATEINIT_LENGTH, messageName, isBinary, columnCount);
    for (let i = 0; i < columnCount; i++) {
        message.columnTypes[i] = reader.int16();
    }
    return message;
};
const parseNotificationMessage = (reader) => {
    const processId = reader.int32();
    const channel = reader.cstring();
    const payload = reader.cstring();
    return new messages_1.NotificationResponseMessage(LATEINIT_LENGTH, processId, channel, payload);
};
const parseRowDescriptionMessage = (reader) => {
    const fieldCount = reader.int16();
    const message = new messages_1.RowDescriptionMessage(LATEINIT_LENGTH, fieldCount);
    for (let i = 0; i < fieldCount; i++) {
        message.fields[i] = parseField(reader);
    }
    return message;
};
const parseField = (reader) => {
    const name = reader.cstring();
    const tableID = reader.uint32();
    const columnID = reader.int16();
    const dataTypeID = reader.uint32();
    const dataTypeSize = reader.int16();
    const dataTypeModifier = reader.int32();
    const mode = reader.int16() === 0 ? 'text' : 'binary';
    return new messages_1.Field(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, mode);
};
const parseParameterDescriptionMessage = (reader) => {
    const parameterCount = reader.int16();
    const message = new messages_1.ParameterDescriptionMessage(LATEINIT_LENGTH, parameterCount);
    for (let i = 0; i < parameterCount; i++) {
        // OIDs are unsigned, same as dataTypeID in parseField above
        message.dataTypeIDs[i] = reader.uint32();
    }
    return message;
};
const parseDataRowMessage = (reader) => {
    const fieldCount = reader.int16();
    const fields = new Array(fieldCount);
    for (let i = 0; i < fieldCount; i++) {
        const len = reader.int32();
        // a -1 for length means the value of the field is null
        fields[i] = len === -1 ? null : reader.string(len);
    }
    return new messages_1.DataRowMessage(LATEINIT_LENGTH, fields);
};
const parseParameterStatusMessage = (reader) => {
    const name = reader.cstring();
    const value = reader.cstring();
    return new messages_1.ParameterStatusMessage(LATEINIT_LENGTH, name, value);
};
const parseBackendKeyData = (reader) => {
    const processID = reader.int32();
    const secretKey = reader.int32();
    return new messages_1.BackendKeyDataMessage(LATEINIT_LENGTH, processID, secretKey);
};
const parseAuthenticationResponse = (reader, length) => {
    const code = reader.int32();
    // TODO(bmc): maybe better types here
    const message = {
        name: 'authenticationOk',
        length,
    };
    switch (code) {
        case 0: // AuthenticationOk
            break;
        case 3: // AuthenticationCleartextPassword
            if (message.length === 8) {
                message.name = 'authenticationCleartextPassword';
            }
            break;
        case 5: // AuthenticationMD5Password
            if (message.length === 12) {
                message.name = 'authenticationMD5Password';
                const salt = reader.bytes(4);
                return new messages_1.AuthenticationMD5Password(LATEINIT_LENGTH, salt);
            }
            break;
        case 10: // AuthenticationSASL
            {
                message.name = 'authenticationSASL';
                message.mechanisms = [];
                let mechanism;
                do {
                    mechanism = reader.cstring();
                    if (mechanism) {
                        message.mechanisms.push(mechanism);
                    }
                } while (mechanism);
            }
            break;
        case 11: // AuthenticationSASLContinue
            message.name = 'authenticationSASLContinue';
            message.data = reader.string(length - 8);
            break;
        case 12: // AuthenticationSASLFinal
            message.name = 'authenticationSASLFinal';
            message.data = reader.string(length - 8);
            break;
        default:
            throw new Error('Unknown authenticationOk message type ' + code);
    }
    return message;
};
const parseErrorMessage = (reader, name) => {
    const fields = {};
    let fieldType = reader.string(1);
    while (fieldType !== '\0') {
        fields[fieldType] = reader.cstring();
        fieldType = reader.string(1);
    }
    const messageValue = fields.M;
    const message = name === 'notice'
        ? new messages_1.NoticeMessage(LATEINIT_LENGTH, messageValue)
        : new messages_1.DatabaseError(messageValue, LATEINIT_LENGTH, name);
    message.severity = fields.S;
    message.code = fields.C;
    message.detail = fields.D;
    message.hint = fields.H;
    message.position = fields.P;
    message.internalPosition = fields.p;
    message.internalQuery = fields.q;
    message.where = fields.W;
    message.schema = fields.s;
    message.table = fields.t;
    message.column = fields.c;
    message.dataType = fields.d;
    message.constraint = fields.n;
    message.file = fields.F;
    message.line = fields.L;
    message.routine = fields.R;
    return message;
};
//# sourceMappingURL=parser.js.map

/***/ }),

/***/ 6513:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.serialize = void 0;
const buffer_writer_1 = __nccwpck_require__(9315);
const writer = new buffer_writer_1.Writer();
const startup = (opts) => {
    // protocol version
    writer.addInt16(3).addInt16(0);
    for (const key of Object.keys(opts)) {
        writer.addCString(key).addCString(opts[key]);
    }
    writer.addCString('client_encoding').addCString('UTF8');
    const bodyBuffer = writer.addCString('').flush();
    // this message is sent without a code
    const length = bodyBuffer.length + 4;
    return new buffer_writer_1.Writer().addInt32(length).add(bodyBuffer).flush();
};
const requestSsl = () => {
    const response = Buffer.allocUnsafe(8);
    response.writeInt32BE(8, 0);
    response.writeInt32BE(80877103, 4);
    return response;
};
const password = (password) => {
    return writer.addCString(password).flush(112 /* code.startup */);
};
const sendSASLInitialResponseMessage = function (mechanism, initialResponse) {
    // 0x70 = 'p'
    writer.addCString(mechanism).addInt32PrefixedString(initialResponse);
    return writer.flush(112 /* code.startup */);
};
const sendSCRAMClientFinalMessage = function (additionalData) {
    return writer.addString(additionalData).flush(112 /* code.startup */);
};
const query = (text) => {
    return writer.addCString(text).flush(81 /* code.query */);
};
const emptyArray = [];
const parse = (query) => {
    // expect something like this:
    // { name: 'queryName',
    //   text: 'select * from blah',
    //   types: ['int8', 'bool'] }
    // normalize missing query names to allow for null
    const name = query.name || '';
    if (name.length > 63) {
        console.error('Warning! Postgres only supports 63 characters for query names.');
        console.error('You supplied %s (%s)', name, name.length);
        console.error('This can cause conflicts and silent errors executing queries');
    }
    const types = query.types || emptyArray;
    const len = types.length;
    const buffer = writer
        .addCString(name) // name of query
        .addCString(query.text) // actual query text
        .addInt16(len);
    for (let i = 0; i < len; i++) {
        buffer.addInt32(types[i]);
    }
    return writer.flush(80 /* code.parse */);
};
const writeValues = function (values, valueMapper, formatsOffset) {
    const len = values.length;
    for (let i = 0; i < len; i++) {
        const mappedVal = valueMapper ? valueMapper(values[i], i) : values[i];
        let formatByte = 0 /* ParamType.STRING */;
        if (mappedVal == null) {
            // write -1 to indicate null
            writer.addInt32(-1);
        }
        else if (mappedVal instanceof Buffer) {
            formatByte = 1 /* ParamType.BINARY */;
            // add the buffer to the param writer
            writer.addInt32(mappedVal.length);
            writer.add(mappedVal);
        }
        else {
            // length prefix + UTF-8 bytes in one pass (Buffer.byteLength computed once)
            writer.addInt32PrefixedString(mappedVal);
        }
        // beware: `writer` operations can replace `writer.buffer` with a new buffer
        const buf = writer.buffer;
        buf[formatsOffset++] = 0;
        buf[formatsOffset++] = formatByte;
    }
};
const bind = (config = {}) => {
    // normalize config
    const portal = config.portal || '';
    const statement = config.statement || '';
    const binary = config.binary || false;
    const values = config.values || emptyArray;
    const len = values.length;
    writer.addCString(portal).addCString(statement);
    // number of parameter format codes
    writer.addInt16(len);
    // space for those codes, filled by `writeValues`
    const formatsOffset = writer.reserveUnsafe(len * 2);
    // number of parameter values
    writer.addInt16(len);
    try {
        writeValues(values, config.valueMapper, formatsOffset);
    }
    catch (err) {
        writer.clear();
        throw err;
    }
    // all results use the same format code
    writer.addInt16(1);
    // format code
    writer.addInt16(binary ? 1 /* ParamType.BINARY */ : 0 /* ParamType.STRING */);
    return writer.flush(66 /* code.bind */);
};
const emptyExecute = Buffer.from([69 /* code.execute */, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00]);
const execute = (config) => {
    // this is the happy path for most queries
    if (!config || (!config.portal && !config.rows)) {
        return emptyExecute;
    }
    const portal = config.portal || '';
    const rows = config.rows || 0;
    const portalLength = Buffer.byteLength(portal);
    const len = 4 + portalLength + 1 + 4;
    // one extra bit for code
    const buff = Buffer.allocUnsafe(1 + len);
    buff[0] = 69 /* code.execute */;
    buff.writeInt32BE(len, 1);
    buff.write(portal, 5, 'utf-8');
    buff[portalLength + 5] = 0; // null terminate portal cString
    buff.writeUInt32BE(rows, buff.length - 4);
    return buff;
};
const cancel = (processID, secretKey) => {
    const buffer = Buffer.allocUnsafe(16);
    buffer.writeInt32BE(16, 0);
    buffer.writeInt16BE(1234, 4);
    buffer.writeInt16BE(5678, 6);
    buffer.writeInt32BE(processID, 8);
    buffer.writeInt32BE(secretKey, 12);
    return buffer;
};
const cstringMessage = (code, string) => {
    const stringLen = Buffer.byteLength(string);
    const len = 4 + stringLen + 1;
    // one extra bit for code
    const buffer = Buffer.allocUnsafe(1 + len);
    buffer[0] = code;
    buffer.writeInt32BE(len, 1);
    buffer.write(string, 5, 'utf-8');
    buffer[len] = 0; // null terminate cString
    return buffer;
};
const emptyDescribePortal = writer.addCString('P').flush(68 /* code.describe */);
const emptyDescribeStatement = writer.addCString('S').flush(68 /* code.describe */);
const describe = (msg) => {
    return msg.name
        ? cstringMessage(68 /* code.describe */, `${msg.type}${msg.name || ''}`)
        : msg.type === 'P'
            ? emptyDescribePortal
            : emptyDescribeStatement;
};
const close = (msg) => {
    const text = `${msg.type}${msg.name || ''}`;
    return cstringMessage(67 /* code.close */, text);
};
const copyData = (chunk) => {
    return writer.add(chunk).flush(100 /* code.copyFromChunk */);
};
const copyFail = (message) => {
    return cstringMessage(102 /* code.copyFail */, message);
};
const codeOnlyBuffer = (code) => Buffer.from([code, 0x00, 0x00, 0x00, 0x04]);
const flushBuffer = codeOnlyBuffer(72 /* code.flush */);
const syncBuffer = codeOnlyBuffer(83 /* code.sync */);
const endBuffer = codeOnlyBuffer(88 /* code.end */);
const copyDoneBuffer = codeOnlyBuffer(99 /* code.copyDone */);
const serialize = {
    startup,
    password,
    requestSsl,
    sendSASLInitialResponseMessage,
    sendSCRAMClientFinalMessage,
    query,
    parse,
    bind,
    execute,
    describe,
    close,
    flush: () => flushBuffer,
    sync: () => syncBuffer,
    end: () => endBuffer,
    copyData,
    copyDone: () => copyDoneBuffer,
    copyFail,
    cancel,
};
exports.serialize = serialize;
//# sourceMappingURL=serializer.js.map

/***/ }),

/***/ 1549:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var textParsers = __nccwpck_require__(4784);
var binaryParsers = __nccwpck_require__(7522);
var arrayParser = __nccwpck_require__(6471);
var builtinTypes = __nccwpck_require__(6345);

exports.getTypeParser = getTypeParser;
exports.setTypeParser = setTypeParser;
exports.arrayParser = arrayParser;
exports.builtins = builtinTypes;

var typeParsers = {
  text: {},
  binary: {}
};

//the empty parse function
function noParse (val) {
  return String(val);
};

//returns a function used to convert a specific type (specified by
//oid) into a result javascript type
//note: the oid can be obtained via the following sql query:
//SELECT oid FROM pg_type WHERE typname = 'TYPE_NAME_HERE';
function getTypeParser (oid, format) {
  format = format || 'text';
  if (!typeParsers[format]) {
    return noParse;
  }
  return typeParsers[format][oid] || noParse;
};

function setTypeParser (oid, format, parseFn) {
  if(typeof format == 'function') {
    parseFn = format;
    format = 'text';
  }
  typeParsers[format][oid] = parseFn;
};

textParsers.init(function(oid, converter) {
  typeParsers.text[oid] = converter;
});

binaryParsers.init(function(oid, converter) {
  typeParsers.binary[oid] = converter;
});


/***/ }),

/***/ 6471:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var array = __nccwpck_require__(3879);

module.exports = {
  create: function (source, transform) {
    return {
      parse: function() {
        return array.parse(source, transform);
      }
    };
  }
};


/***/ }),

/***/ 7522:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var parseInt64 = __nccwpck_require__(2299);

var parseBits = function(data, bits, offset, invert, callback) {
  offset = offset || 0;
  invert = invert || false;
  callback = callback || function(lastValue, newValue, bits) { return (lastValue * Math.pow(2, bits)) + newValue; };
  var offsetBytes = offset >> 3;

  var inv = function(value) {
    if (invert) {
      return ~value & 0xff;
    }

    return value;
  };

  // read first (maybe partial) byte
  var mask = 0xff;
  var firstBits = 8 - (offset % 8);
  if (bits < firstBits) {
    mask = (0xff << (8 - bits)) & 0xff;
    firstBits = bits;
  }

  if (offset) {
    mask = mask >> (offset % 8);
  }

  var result = 0;
  if ((offset % 8) + bits >= 8) {
    result = callback(0, inv(data[offsetBytes]) & mask, firstBits);
  }

  // read bytes
  var bytes = (bits + offset) >> 3;
  for (var i = offsetBytes + 1; i < bytes; i++) {
    result = callback(result, inv(data[i]), 8);
  }

  // bits to read, that are not a complete byte
  var lastBits = (bits + offset) % 8;
  if (lastBits > 0) {
    result = callback(result, inv(data[bytes]) >> (8 - lastBits), lastBits);
  }

  return result;
};

var parseFloatFromBits = function(data, precisionBits, exponentBits) {
  var bias = Math.pow(2, exponentBits - 1) - 1;
  var sign = parseBits(data, 1);
  var exponent = parseBits(data, exponentBits, 1);

  if (exponent === 0) {
    return 0;
  }

  // parse mantissa
  var precisionBitsCounter = 1;
  var parsePrecisionBits = function(lastValue, newValue, bits) {
    if (lastValue === 0) {
      lastValue = 1;
    }

    for (var i = 1; i <= bits; i++) {
      precisionBitsCounter /= 2;
      if ((newValue & (0x1 << (bits - i))) > 0) {
        lastValue += precisionBitsCounter;
      }
    }

    return lastValue;
  };

  var mantissa = parseBits(data, precisionBits, exponentBits + 1, false, parsePrecisionBits);

  // special cases
  if (exponent == (Math.pow(2, exponentBits + 1) - 1)) {
    if (mantissa === 0) {
      return (sign === 0) ? Infinity : -Infinity;
    }

    return NaN;
  }

  // normale number
  return ((sign === 0) ? 1 : -1) * Math.pow(2, exponent - bias) * mantissa;
};

var parseInt16 = function(value) {
  if (parseBits(value, 1) == 1) {
    return -1 * (parseBits(value, 15, 1, true) + 1);
  }

  return parseBits(value, 15, 1);
};

var parseInt32 = function(value) {
  if (parseBits(value, 1) == 1) {
    return -1 * (parseBits(value, 31, 1, true) + 1);
  }

  return parseBits(value, 31, 1);
};

var parseFloat32 = function(value) {
  return parseFloatFromBits(value, 23, 8);
};

var parseFloat64 = function(value) {
  return parseFloatFromBits(value, 52, 11);
};

var parseNumeric = function(value) {
  var sign = parseBits(value, 16, 32);
  if (sign == 0xc000) {
    return NaN;
  }

  var weight = Math.pow(10000, parseBits(value, 16, 16));
  var result = 0;

  var digits = [];
  var ndigits = parseBits(value, 16);
  for (var i = 0; i < ndigits; i++) {
    result += parseBits(value, 16, 64 + (16 * i)) * weight;
    weight /= 10000;
  }

  var scale = Math.pow(10, parseBits(value, 16, 48));
  return ((sign === 0) ? 1 : -1) * Math.round(result * scale) / scale;
};

var parseDate = function(isUTC, value) {
  var sign = parseBits(value, 1);
  var rawValue = parseBits(value, 63, 1);

  // discard usecs and shift from 2000 to 1970
  var result = new Date((((sign === 0) ? 1 : -1) * rawValue / 1000) + 946684800000);

  if (!isUTC) {
    result.setTime(result.getTime() + result.getTimezoneOffset() * 60000);
  }

  // add microseconds to the date
  result.usec = rawValue % 1000;
  result.getMicroSeconds = function() {
    return this.usec;
  };
  result.setMicroSeconds = function(value) {
    this.usec = value;
  };
  result.getUTCMicroSeconds = function() {
    return this.usec;
  };

  return result;
};

var parseArray = function(value) {
  var dim = parseBits(value, 32);

  var flags = parseBits(value, 32, 32);
  var elementType = parseBits(value, 32, 64);

  var offset = 96;
  var dims = [];
  for (var i = 0; i < dim; i++) {
    // parse dimension
    dims[i] = parseBits(value, 32, offset);
    offset += 32;

    // ignore lower bounds
    offset += 32;
  }

  var parseElement = function(elementType) {
    // parse content length
    var length = parseBits(value, 32, offset);
    offset += 32;

    // parse null values
    if (length == 0xffffffff) {
      return null;
    }

    var result;
    if ((elementType == 0x17) || (elementType == 0x14)) {
      // int/bigint
      result = parseBits(value, length * 8, offset);
      offset += length * 8;
      return result;
    }
    else if (elementType == 0x19) {
      // string
      result = value.toString(this.encoding, offset >> 3, (offset += (length << 3)) >> 3);
      return result;
    }
    else {
      console.log("ERROR: ElementType not implemented: " + elementType);
    }
  };

  var parse = function(dimension, elementType) {
    var array = [];
    var i;

    if (dimension.length > 1) {
      var count = dimension.shift();
      for (i = 0; i < count; i++) {
        array[i] = parse(dimension, elementType);
      }
      dimension.unshift(count);
    }
    else {
      for (i = 0; i < dimension[0]; i++) {
        array[i] = parseElement(elementType);
      }
    }

    return array;
  };

  return parse(dims, elementType);
};

var parseText = function(value) {
  return value.toString('utf8');
};

var parseBool = function(value) {
  if(value === null) return null;
  return (parseBits(value, 8) > 0);
};

var init = function(register) {
  register(20, parseInt64);
  register(21, parseInt16);
  register(23, parseInt32);
  register(26, parseInt32);
  register(1700, parseNumeric);
  register(700, parseFloat32);
  register(701, parseFloat64);
  register(16, parseBool);
  register(1114, parseDate.bind(null, false));
  register(1184, parseDate.bind(null, true));
  register(1000, parseArray);
  register(1007, parseArray);
  register(1016, parseArray);
  register(1008, parseArray);
  register(1009, parseArray);
  register(25, parseText);
};

module.exports = {
  init: init
};


/***/ }),

/***/ 6345:
/***/ ((module) => {

/**
 * Following query was used to generate this file:

 SELECT json_object_agg(UPPER(PT.typname), PT.oid::int4 ORDER BY pt.oid)
 FROM pg_type PT
 WHERE typnamespace = (SELECT pgn.oid FROM pg_namespace pgn WHERE nspname = 'pg_catalog') -- Take only builting Postgres types with stable OID (extension types are not guaranted to be stable)
 AND typtype = 'b' -- Only basic types
 AND typelem = 0 -- Ignore aliases
 AND typisdefined -- Ignore undefined types
 */

module.exports = {
    BOOL: 16,
    BYTEA: 17,
    CHAR: 18,
    INT8: 20,
    INT2: 21,
    INT4: 23,
    REGPROC: 24,
    TEXT: 25,
    OID: 26,
    TID: 27,
    XID: 28,
    CID: 29,
    JSON: 114,
    XML: 142,
    PG_NODE_TREE: 194,
    SMGR: 210,
    PATH: 602,
    POLYGON: 604,
    CIDR: 650,
    FLOAT4: 700,
    FLOAT8: 701,
    ABSTIME: 702,
    RELTIME: 703,
    TINTERVAL: 704,
    CIRCLE: 718,
    MACADDR8: 774,
    MONEY: 790,
    MACADDR: 829,
    INET: 869,
    ACLITEM: 1033,
    BPCHAR: 1042,
    VARCHAR: 1043,
    DATE: 1082,
    TIME: 1083,
    TIMESTAMP: 1114,
    TIMESTAMPTZ: 1184,
    INTERVAL: 1186,
    TIMETZ: 1266,
    BIT: 1560,
    VARBIT: 1562,
    NUMERIC: 1700,
    REFCURSOR: 1790,
    REGPROCEDURE: 2202,
    REGOPER: 2203,
    REGOPERATOR: 2204,
    REGCLASS: 2205,
    REGTYPE: 2206,
    UUID: 2950,
    TXID_SNAPSHOT: 2970,
    PG_LSN: 3220,
    PG_NDISTINCT: 3361,
    PG_DEPENDENCIES: 3402,
    TSVECTOR: 3614,
    TSQUERY: 3615,
    GTSVECTOR: 3642,
    REGCONFIG: 3734,
    REGDICTIONARY: 3769,
    JSONB: 3802,
    REGNAMESPACE: 4089,
    REGROLE: 4096
};


/***/ }),

/***/ 4784:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var array = __nccwpck_require__(3879)
var arrayParser = __nccwpck_require__(6471);
var parseDate = __nccwpck_require__(2690);
var parseInterval = __nccwpck_require__(8755);
var parseByteA = __nccwpck_require__(463);

function allowNull (fn) {
  return function nullAllowed (value) {
    if (value === null) return value
    return fn(value)
  }
}

function parseBool (value) {
  if (value === null) return value
  return value === 'TRUE' ||
    value === 't' ||
    value === 'true' ||
    value === 'y' ||
    value === 'yes' ||
    value === 'on' ||
    value === '1';
}

function parseBoolArray (value) {
  if (!value) return null
  return array.parse(value, parseBool)
}

function parseBaseTenInt (string) {
  return parseInt(string, 10)
}

function parseIntegerArray (value) {
  if (!value) return null
  return array.parse(value, allowNull(parseBaseTenInt))
}

function parseBigIntegerArray (value) {
  if (!value) return null
  return array.parse(value, allowNull(function (entry) {
    return parseBigInteger(entry).trim()
  }))
}

var parsePointArray = function(value) {
  if(!value) { return null; }
  var p = arrayParser.create(value, function(entry) {
    if(entry !== null) {
      entry = parsePoint(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseFloatArray = function(value) {
  if(!value) { return null; }
  var p = arrayParser.create(value, function(entry) {
    if(entry !== null) {
      entry = parseFloat(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseStringArray = function(value) {
  if(!value) { return null; }

  var p = arrayParser.create(value);
  return p.parse();
};

var parseDateArray = function(value) {
  if (!value) { return null; }

  var p = arrayParser.create(value, function(entry) {
    if (entry !== null) {
      entry = parseDate(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseIntervalArray = function(value) {
  if (!value) { return null; }

  var p = arrayParser.create(value, function(entry) {
    if (entry !== null) {
      entry = parseInterval(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseByteAArray = function(value) {
  if (!value) { return null; }

  return array.parse(value, allowNull(parseByteA));
};

var parseInteger = function(value) {
  return parseInt(value, 10);
};

var parseBigInteger = function(value) {
  var valStr = String(value);
  if (/^\d+$/.test(valStr)) { return valStr; }
  return value;
};

var parseJsonArray = function(value) {
  if (!value) { return null; }

  return array.parse(value, allowNull(JSON.parse));
};

var parsePoint = function(value) {
  if (value[0] !== '(') { return null; }

  value = value.substring( 1, value.length - 1 ).split(',');

  return {
    x: parseFloat(value[0])
  , y: parseFloat(value[1])
  };
};

var parseCircle = function(value) {
  if (value[0] !== '<' && value[1] !== '(') { return null; }

  var point = '(';
  var radius = '';
  var pointParsed = false;
  for (var i = 2; i < value.length - 1; i++){
    if (!pointParsed) {
      point += value[i];
    }

    if (value[i] === ')') {
      pointParsed = true;
      continue;
    } else if (!pointParsed) {
      continue;
    }

    if (value[i] === ','){
      continue;
    }

    radius += value[i];
  }
  var result = parsePoint(point);
  result.radius = parseFloat(radius);

  return result;
};

var init = function(register) {
  register(20, parseBigInteger); // int8
  register(21, parseInteger); // int2
  register(23, parseInteger); // int4
  register(26, parseInteger); // oid
  register(700, parseFloat); // float4/real
  register(701, parseFloat); // float8/double
  register(16, parseBool);
  register(1082, parseDate); // date
  register(1114, parseDate); // timestamp without timezone
  register(1184, parseDate); // timestamp
  register(600, parsePoint); // point
  register(651, parseStringArray); // cidr[]
  register(718, parseCircle); // circle
  register(1000, parseBoolArray);
  register(1001, parseByteAArray);
  register(1005, parseIntegerArray); // _int2
  register(1007, parseIntegerArray); // _int4
  register(1028, parseIntegerArray); // oid[]
  register(1016, parseBigIntegerArray); // _int8
  register(1017, parsePointArray); // point[]
  register(1021, parseFloatArray); // _float4
  register(1022, parseFloatArray); // _float8
  register(1231, parseFloatArray); // _numeric
  register(1014, parseStringArray); //char
  register(1015, parseStringArray); //varchar
  register(1008, parseStringArray);
  register(1009, parseStringArray);
  register(1040, parseStringArray); // macaddr[]
  register(1041, parseStringArray); // inet[]
  register(1115, parseDateArray); // timestamp without time zone[]
  register(1182, parseDateArray); // _date
  register(1185, parseDateArray); // timestamp with time zone[]
  register(1186, parseInterval);
  register(1187, parseIntervalArray);
  register(17, parseByteA);
  register(114, JSON.parse.bind(JSON)); // json
  register(3802, JSON.parse.bind(JSON)); // jsonb
  register(199, parseJsonArray); // json[]
  register(3807, parseJsonArray); // jsonb[]
  register(3907, parseStringArray); // numrange[]
  register(2951, parseStringArray); // uuid[]
  register(791, parseStringArray); // money[]
  register(1183, parseStringArray); // time[]
  register(1270, parseStringArray); // timetz[]
};

module.exports = {
  init: init
};


/***/ }),

/***/ 5042:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const EventEmitter = (__nccwpck_require__(4434).EventEmitter)
const utils = __nccwpck_require__(9652)
const nodeUtils = __nccwpck_require__(9023)
const sasl = __nccwpck_require__(948)
const TypeOverrides = __nccwpck_require__(365)

const ConnectionParameters = __nccwpck_require__(646)
const Query = __nccwpck_require__(4473)
const defaults = __nccwpck_require__(8995)
const Connection = __nccwpck_require__(9809)
const crypto = __nccwpck_require__(4150)

const activeQueryDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Client.activeQuery is deprecated and will be removed in pg@9.0'
)

const queryQueueDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Client.queryQueue is deprecated and will be removed in pg@9.0.'
)

const pgPassDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'pgpass support is deprecated and will be removed in pg@9.0. ' +
    'You can provide an async function as the password property to the Client/Pool constructor that returns a password instead. Within this function you can call the pgpass module in your own code.'
)

const byoPromiseDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Passing a custom Promise implementation to the Client/Pool constructor is deprecated and will be removed in pg@9.0.'
)

const queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead.'
)

function coerceNumberOrDefault(value, defaultValue) {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : defaultValue
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value)
    return Number.isFinite(n) ? n : defaultValue
  }
  return defaultValue
}

class Client extends EventEmitter {
  constructor(config) {
    super()

    this.connectionParameters = new ConnectionParameters(config)
    this.user = this.connectionParameters.user
    this.database = this.connectionParameters.database
    this.port = this.connectionParameters.port
    this.host = this.connectionParameters.host

    // "hiding" the password so it doesn't show up in stack traces
    // or if the client is console.logged
    Object.defineProperty(this, 'password', {
      configurable: true,
      enumerable: false,
      writable: true,
      value: this.connectionParameters.password,
    })

    this.replication = this.connectionParameters.replication

    const c = config || {}

    if (c.Promise) {
      byoPromiseDeprecationNotice()
    }
    this._Promise = c.Promise || global.Promise
    this._types = new TypeOverrides(c.types)
    this._ending = false
    this._ended = false
    this._connecting = false
    this._connected = false
    this._connectionError = false
    this._queryable = true
    this._activeQuery = null
    this._txStatus = null

    this.enableChannelBinding = Boolean(c.enableChannelBinding) // set true to use SCRAM-SHA-256-PLUS when offered
    this.scramMaxIterations = coerceNumberOrDefault(c.scramMaxIterations, sasl.DEFAULT_MAX_SCRAM_ITERATIONS)
    this.connection =
      c.connection ||
      new Connection({
        stream: c.stream,
        ssl: this.connectionParameters.ssl,
        sslNegotiation: this.connectionParameters.sslnegotiation,
        keepAlive: c.keepAlive || false,
        keepAliveInitialDelayMillis: c.keepAliveInitialDelayMillis || 0,
        encoding: this.connectionParameters.client_encoding || 'utf8',
      })
    this._queryQueue = []
    this._sentQueryQueue = []
    this.pipeline = Boolean(c.pipeline)
    this.binary = c.binary || defaults.binary
    this.processID = null
    this.secretKey = null
    this.ssl = this.connectionParameters.ssl || false
    this.sslNegotiation = this.connectionParameters.sslnegotiation || 'postgres'
    // As with Password, make SSL->Key (the private key) non-enumerable.
    // It won't show up in stack traces
    // or if the client is console.logged
    if (this.ssl && this.ssl.key) {
      Object.defineProperty(this.ssl, 'key', {
        enumerable: false,
      })
    }

    this._connectionTimeoutMillis = c.connectionTimeoutMillis || 0
  }

  get activeQuery() {
    activeQueryDeprecationNotice()
    return this._activeQuery
  }

  set activeQuery(val) {
    activeQueryDeprecationNotice()
    this._activeQuery = val
  }

  _getActiveQuery() {
    return this._activeQuery
  }

  _errorAllQueries(err) {
    const enqueueError = (query) => {
      process.nextTick(() => {
        query.handleError(err, this.connection)
      })
    }

    const activeQuery = this._getActiveQuery()
    if (activeQuery) {
      enqueueError(activeQuery)
      this._activeQuery = null
    }

    this._sentQueryQueue.forEach(enqueueError)
    this._sentQueryQueue.length = 0

    this._queryQueue.forEach(enqueueError)
    this._queryQueue.length = 0
  }

  _connect(callback) {
    const self = this
    const con = this.connection
    this._connectionCallback = callback

    if (this._connecting || this._connected) {
      const err = new Error('Client has already been connected. You cannot reuse a client.')
      process.nextTick(() => {
        callback(err)
      })
      return
    }
    this._connecting = true

    if (this._connectionTimeoutMillis > 0) {
      this.connectionTimeoutHandle = setTimeout(() => {
        con._ending = true
        con.stream.destroy(new Error('timeout expired'))
      }, this._connectionTimeoutMillis)

      if (this.connectionTimeoutHandle.unref) {
        this.connectionTimeoutHandle.unref()
      }
    }

    if (this.host && this.host.indexOf('/') === 0) {
      con.connect(this.host + '/.s.PGSQL.' + this.port)
    } else {
      con.connect(this.port, this.host)
    }

    // once connection is established send startup message
    con.on('connect', function () {
      if (self.ssl) {
        // With direct SSL negotiation the connection upgrades to TLS without an
        // SSLRequest packet, so the startup message is sent after 'sslconnect'.
        if (self.sslNegotiation !== 'direct') {
          con.requestSsl()
        }
      } else {
        con.startup(self.getStartupConf())
      }
    })

    con.on('sslconnect', function () {
      con.startup(self.getStartupConf())
    })

    this._attachListeners(con)

    con.once('end', () => {
      const error = this._ending ? new Error('Connection terminated') : new Error('Connection terminated unexpectedly')

      clearTimeout(this.connectionTimeoutHandle)
      this._errorAllQueries(error)
      this._ended = true

      if (!this._ending) {
        // if the connection is ended without us calling .end()
        // on this client then we have an unexpected disconnection
        // treat this as an error unless we've already emitted an error
        // during connection.
        if (this._connecting && !this._connectionError) {
          if (this._connectionCallback) {
            this._connectionCallback(error)
          } else {
            this._handleErrorEvent(error)
          }
        } else if (!this._connectionError) {
          this._handleErrorEvent(error)
        }
      }

      process.nextTick(() => {
        this.emit('end')
      })
    })
  }

  connect(callback) {
    if (callback) {
      this._connect(callback)
      return
    }

    return new this._Promise((resolve, reject) => {
      this._connect((error) => {
        if (error) {
          reject(error)
        } else {
          resolve(this)
        }
      })
    })
  }

  _attachListeners(con) {
    // password request handling
    con.on('authenticationCleartextPassword', this._handleAuthCleartextPassword.bind(this))
    // password request handling
    con.on('authenticationMD5Password', this._handleAuthMD5Password.bind(this))
    // password request handling (SASL)
    con.on('authenticationSASL', this._handleAuthSASL.bind(this))
    con.on('authenticationSASLContinue', this._handleAuthSASLContinue.bind(this))
    con.on('authenticationSASLFinal', this._handleAuthSASLFinal.bind(this))
    con.on('backendKeyData', this._handleBackendKeyData.bind(this))
    con.on('error', this._handleErrorEvent.bind(this))
    con.on('errorMessage', this._handleErrorMessage.bind(this))
    con.on('readyForQuery', this._handleReadyForQuery.bind(this))
    con.on('notice', this._handleNotice.bind(this))
    con.on('rowDescription', this._handleRowDescription.bind(this))
    con.on('dataRow', this._handleDataRow.bind(this))
    con.on('portalSuspended', this._handlePortalSuspended.bind(this))
    con.on('emptyQuery', this._handleEmptyQuery.bind(this))
    con.on('commandComplete', this._handleCommandComplete.bind(this))
    con.on('parseComplete', this._handleParseComplete.bind(this))
    con.on('copyInResponse', this._handleCopyInResponse.bind(this))
    con.on('copyData', this._handleCopyData.bind(this))
    con.on('notification', this._handleNotification.bind(this))
  }

  _getPassword(cb) {
    const con = this.connection
    if (typeof this.password === 'function') {
      this._Promise
        .resolve()
        .then(() => this.password(this.connectionParameters))
        .then((pass) => {
          if (pass !== undefined) {
            if (typeof pass !== 'string') {
              con.emit('error', new TypeError('Password must be a string'))
              return
            }
            this.connectionParameters.password = this.password = pass
          } else {
            this.connectionParameters.password = this.password = null
          }
          cb()
        })
        .catch((err) => {
          con.emit('error', err)
        })
    } else if (this.password !== null) {
      cb()
    } else {
      try {
        const pgPass = __nccwpck_require__(3272)
        pgPass(this.connectionParameters, (pass) => {
          if (undefined !== pass) {
            pgPassDeprecationNotice()
            this.connectionParameters.password = this.password = pass
          }
          cb()
        })
      } catch (e) {
        this.emit('error', e)
      }
    }
  }

  _handleAuthCleartextPassword(msg) {
    this._getPassword(() => {
      this.connection.password(this.password)
    })
  }

  _handleAuthMD5Password(msg) {
    this._getPassword(async () => {
      try {
        const hashedPassword = await crypto.postgresMd5PasswordHash(this.user, this.password, msg.salt)
        this.connection.password(hashedPassword)
      } catch (e) {
        this.emit('error', e)
      }
    })
  }

  _handleAuthSASL(msg) {
    this._getPassword(() => {
      try {
        this.saslSession = sasl.startSession(
          msg.mechanisms,
          this.enableChannelBinding && this.connection.stream,
          this.scramMaxIterations
        )
        this.connection.sendSASLInitialResponseMessage(this.saslSession.mechanism, this.saslSession.response)
      } catch (err) {
        this.connection.emit('error', err)
      }
    })
  }

  async _handleAuthSASLContinue(msg) {
    try {
      await sasl.continueSession(
        this.saslSession,
        this.password,
        msg.data,
        this.enableChannelBinding && this.connection.stream
      )
      this.connection.sendSCRAMClientFinalMessage(this.saslSession.response)
    } catch (err) {
      this.connection.emit('error', err)
    }
  }

  _handleAuthSASLFinal(msg) {
    try {
      sasl.finalizeSession(this.saslSession, msg.data)
      this.saslSession = null
    } catch (err) {
      this.connection.emit('error', err)
    }
  }

  _handleBackendKeyData(msg) {
    this.processID = msg.processID
    this.secretKey = msg.secretKey
  }

  _handleReadyForQuery(msg) {
    if (this._connecting) {
      this._connecting = false
      this._connected = true
      clearTimeout(this.connectionTimeoutHandle)

      // process possible callback argument to Client#connect
      if (this._connectionCallback) {
        this._connectionCallback(null, this)
        // remove callback for proper error handling
        // after the connect event
        this._connectionCallback = null
      }
      this.emit('connect')
    }
    const activeQuery = this._getActiveQuery()
    this._activeQuery = null
    this._txStatus = msg?.status ?? null
    this.readyForQuery = true
    if (activeQuery) {
      activeQuery.handleReadyForQuery(this.connection)
    }
    this._pulseQueryQueue()
  }

  // if we receive an error event or error message
  // during the connection process we handle it here
  _handleErrorWhileConnecting(err) {
    if (this._connectionError) {
      // TODO(bmc): this is swallowing errors - we shouldn't do this
      return
    }
    this._connectionError = true
    clearTimeout(this.connectionTimeoutHandle)
    if (this._connectionCallback) {
      return this._connectionCallback(err)
    }
    this.emit('error', err)
  }

  // if we're connected and we receive an error event from the connection
  // this means the socket is dead - do a hard abort of all queries and emit
  // the socket error on the client as well
  _handleErrorEvent(err) {
    if (this._connecting) {
      return this._handleErrorWhileConnecting(err)
    }
    this._queryable = false
    this._errorAllQueries(err)
    this.emit('error', err)
  }

  // handle error messages from the postgres backend
  _handleErrorMessage(msg) {
    if (this._connecting) {
      return this._handleErrorWhileConnecting(msg)
    }
    const activeQuery = this._getActiveQuery()

    if (!activeQuery) {
      this._handleErrorEvent(msg)
      return
    }

    this._activeQuery = null
    if (activeQuery.name) {
      delete this.connection.submittedNamedStatements[activeQuery.name]
    }
    activeQuery.handleError(msg, this.connection)
  }

  _handleRowDescription(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected rowDescription message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate rowDescription to active query
    activeQuery.handleRowDescription(msg)
  }

  _handleDataRow(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected dataRow message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate dataRow to active query
    activeQuery.handleDataRow(msg)
  }

  _handlePortalSuspended(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected portalSuspended message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate portalSuspended to active query
    activeQuery.handlePortalSuspended(this.connection)
  }

  _handleEmptyQuery(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected emptyQuery message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate emptyQuery to active query
    activeQuery.handleEmptyQuery(this.connection)
  }

  _handleCommandComplete(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected commandComplete message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate commandComplete to active query
    activeQuery.handleCommandComplete(msg, this.connection)
  }

  _handleParseComplete() {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected parseComplete message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // if a prepared statement has a name and properly parses
    // we track that its already been executed so we don't parse
    // it again on the same client
    if (activeQuery.name) {
      this.connection.parsedStatements[activeQuery.name] = activeQuery.text
      delete this.connection.submittedNamedStatements[activeQuery.name]
    }
  }

  _handleCopyInResponse(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected copyInResponse message from backend.')
      this._handleErrorEvent(error)
      return
    }
    activeQuery.handleCopyInResponse(this.connection)
  }

  _handleCopyData(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected copyData message from backend.')
      this._handleErrorEvent(error)
      return
    }
    activeQuery.handleCopyData(msg, this.connection)
  }

  _handleNotification(msg) {
    this.emit('notification', msg)
  }

  _handleNotice(msg) {
    this.emit('notice', msg)
  }

  getStartupConf() {
    const params = this.connectionParameters

    const data = {
      user: params.user,
      database: params.database,
    }

    const appName = params.application_name || params.fallback_application_name
    if (appName) {
      data.application_name = appName
    }
    if (params.replication) {
      data.replication = '' + params.replication
    }
    if (params.statement_timeout) {
      data.statement_timeout = String(parseInt(params.statement_timeout, 10))
    }
    if (params.lock_timeout) {
      data.lock_timeout = String(parseInt(params.lock_timeout, 10))
    }
    if (params.idle_in_transaction_session_timeout) {
      data.idle_in_transaction_session_timeout = String(parseInt(params.idle_in_transaction_session_timeout, 10))
    }
    if (params.options) {
      data.options = params.options
    }

    return data
  }

  cancel(client, query) {
    if (client.activeQuery === query) {
      const con = this.connection

      if (this.host && this.host.indexOf('/') === 0) {
        con.connect(this.host + '/.s.PGSQL.' + this.port)
      } else {
        con.connect(this.port, this.host)
      }

      // once connection is established send cancel message
      con.on('connect', function () {
        con.cancel(client.processID, client.secretKey)
      })
    } else if (client._queryQueue.indexOf(query) !== -1) {
      client._queryQueue.splice(client._queryQueue.indexOf(query), 1)
    } else if (client._sentQueryQueue.indexOf(query) !== -1) {
      // Query already sent on wire — can't remove it without corrupting the
      // pipeline. No-op the callback so the result is silently discarded.
      query.callback = () => {}
    }
  }

  setTypeParser(oid, format, parseFn) {
    return this._types.setTypeParser(oid, format, parseFn)
  }

  getTypeParser(oid, format) {
    return this._types.getTypeParser(oid, format)
  }

  // escapeIdentifier and escapeLiteral moved to utility functions & exported
  // on PG
  // re-exported here for backwards compatibility
  escapeIdentifier(str) {
    return utils.escapeIdentifier(str)
  }

  escapeLiteral(str) {
    return utils.escapeLiteral(str)
  }

  _pulseQueryQueue() {
    if (this.pipeline) {
      this._pulsePipelinedQueryQueue()
      return
    }
    if (this.readyForQuery === true) {
      this._activeQuery = this._queryQueue.shift()
      const activeQuery = this._getActiveQuery()
      if (activeQuery) {
        this.readyForQuery = false
        this.hasExecuted = true

        const queryError = activeQuery.submit(this.connection)
        if (queryError) {
          process.nextTick(() => {
            activeQuery.handleError(queryError, this.connection)
            this.readyForQuery = true
            this._pulseQueryQueue()
          })
        }
      } else if (this.hasExecuted) {
        this._activeQuery = null
        this.emit('drain')
      }
    }
  }

  _pulsePipelinedQueryQueue() {
    if (!this._connected || !this._queryable) {
      return
    }
    while (this._queryQueue.length > 0) {
      const query = this._queryQueue.shift()
      this.hasExecuted = true
      const queryError = query.submit(this.connection)
      if (queryError) {
        process.nextTick(() => {
          query.handleError(queryError, this.connection)
        })
        continue
      }
      this._sentQueryQueue.push(query)
    }
    if (this.readyForQuery && !this._activeQuery && this._sentQueryQueue.length > 0) {
      this._activeQuery = this._sentQueryQueue.shift()
      this.readyForQuery = false
    }
    if (!this._activeQuery && this._sentQueryQueue.length === 0 && this._queryQueue.length === 0 && this.hasExecuted) {
      this.emit('drain')
    }
  }

  query(config, values, callback) {
    // can take in strings, config object or query object
    let query
    let result

    if (config == null) {
      throw new TypeError('Client was passed a null or undefined query')
    }

    if (typeof config.submit === 'function') {
      result = query = config
      if (!query.callback) {
        if (typeof values === 'function') {
          query.callback = values
        } else if (callback) {
          query.callback = callback
        }
      }
    } else {
      query = new Query(config, values, callback)
      if (!query.callback) {
        result = new this._Promise((resolve, reject) => {
          query.callback = (err, res) => (err ? reject(err) : resolve(res))
        }).catch((err) => {
          // replace the stack trace that leads to `TCP.onStreamRead` with one that leads back to the
          // application that created the query
          Error.captureStackTrace(err)
          throw err
        })
      } else if (typeof query.callback !== 'function') {
        throw new TypeError('callback is not a function')
      }
    }

    const readTimeout = config.query_timeout || this.connectionParameters.query_timeout
    if (readTimeout) {
      const queryCallback = query.callback || (() => {})

      const readTimeoutTimer = setTimeout(() => {
        const error = new Error('Query read timeout')

        process.nextTick(() => {
          query.handleError(error, this.connection)
        })

        queryCallback(error)

        // we already returned an error,
        // just do nothing if query completes
        query.callback = () => {}

        // Remove from queue (only safe if not yet sent)
        const index = this._queryQueue.indexOf(query)
        if (index > -1) {
          this._queryQueue.splice(index, 1)
        } else if (this.pipeline) {
          // Query already sent — the pipeline is blocked until it completes.
          // Destroy the connection to unblock all remaining pipelined queries.
          this.connection.stream.destroy()
          return
        }

        this._pulseQueryQueue()
      }, readTimeout)

      query.callback = (err, res) => {
        clearTimeout(readTimeoutTimer)
        queryCallback(err, res)
      }
    }

    if (this.binary && !query.binary) {
      query.binary = true
    }

    if (query._result && !query._result._types) {
      query._result._types = this._types
    }

    // A query that keeps a portal open across round trips cannot share a pipelined connection: the
    // queries written behind it are answered out of its portal, so rows land on the wrong query and
    // the reads that follow fail with 'portal does not exist'. Refuse it instead of corrupting.
    if (this.pipeline) {
      const portalQuery =
        typeof config.submit === 'function' && !(query instanceof Query)
          ? 'Custom query classes such as pg-cursor and pg-query-stream are'
          : query.rows
          ? 'The `rows` option is'
          : null
      if (portalQuery) {
        process.nextTick(() => {
          query.handleError(new Error(`${portalQuery} not supported in pipeline mode`), this.connection)
        })
        return result
      }
    }

    if (!this._queryable) {
      process.nextTick(() => {
        query.handleError(new Error('Client has encountered a connection error and is not queryable'), this.connection)
      })
      return result
    }

    if (this._ending) {
      process.nextTick(() => {
        query.handleError(new Error('Client was closed and is not queryable'), this.connection)
      })
      return result
    }

    if (this._queryQueue.length > 0 && !this.pipeline) {
      queryQueueLengthDeprecationNotice()
    }
    this._queryQueue.push(query)
    this._pulseQueryQueue()
    return result
  }

  ref() {
    this.connection.ref()
  }

  unref() {
    this.connection.unref()
  }

  getTransactionStatus() {
    return this._txStatus
  }

  end(cb) {
    this._ending = true

    // if we have never connected, then end is a noop, callback immediately
    if (!this.connection._connecting || this._ended) {
      if (cb) {
        cb()
        return
      } else {
        return this._Promise.resolve()
      }
    }

    if (!this._queryable) {
      // socket is dead — force close
      this.connection.stream.destroy()
    } else if (
      this.pipeline &&
      (this._getActiveQuery() || this._sentQueryQueue.length > 0 || this._queryQueue.length > 0)
    ) {
      // pipelined queries are already on the wire (or queued to send) and will
      // complete normally; wait for drain then do a graceful goodbye
      this.once('drain', () => this.connection.end())
    } else if (this._getActiveQuery()) {
      // non-pipeline: a hung query could block end forever — force disconnect
      this.connection.stream.destroy()
    } else {
      this.connection.end()
    }

    if (cb) {
      this.connection.once('end', cb)
    } else {
      return new this._Promise((resolve) => {
        this.connection.once('end', resolve)
      })
    }
  }
  get queryQueue() {
    queryQueueDeprecationNotice()
    return this._queryQueue
  }
}

// expose a Query constructor
Client.Query = Query

module.exports = Client


/***/ }),

/***/ 646:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";


const dns = __nccwpck_require__(2250)

const defaults = __nccwpck_require__(8995)

const parse = (__nccwpck_require__(6122).parse) // parses a connection string

const val = function (key, config, envVar) {
  if (config[key]) {
    return config[key]
  }

  if (envVar === undefined) {
    envVar = process.env['PG' + key.toUpperCase()]
  } else if (envVar === false) {
    // do nothing ... use false
  } else {
    envVar = process.env[envVar]
  }

  return envVar || defaults[key]
}

const readSSLConfigFromEnvironment = function () {
  switch (process.env.PGSSLMODE) {
    case 'disable':
      return false
    case 'prefer':
    case 'require':
    case 'verify-ca':
    case 'verify-full':
      return true
    case 'no-verify':
      return { rejectUnauthorized: false }
  }
  return defaults.ssl
}

// Convert arg to a string, surround in single quotes, and escape single quotes and backslashes
const quoteParamValue = function (value) {
  return "'" + ('' + value).replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'"
}

const add = function (params, config, paramName) {
  const value = config[paramName]
  if (value !== undefined && value !== null) {
    params.push(paramName + '=' + quoteParamValue(value))
  }
}

class ConnectionParameters {
  constructor(config) {
    // if a string is passed, it is a raw connection string so we parse it into a config
    config = typeof config === 'string' ? parse(config) : config || {}

    // if the config has a connectionString defined, parse IT into the config we use
    // this will override other default values with what is stored in connectionString
    if (config.connectionString) {
      config = Object.assign({}, config, parse(config.connectionString))
    }

    this.user = val('user', config)
    this.database = val('database', config)

    if (this.database === undefined) {
      this.database = this.user
    }

    this.port = parseInt(val('port', config), 10)
    this.host = val('host', config)

    // "hiding" the password so it doesn't show up in stack traces
    // or if the client is console.logged
    Object.defineProperty(this, 'password', {
      configurable: true,
      enumerable: false,
      writable: true,
      value: val('password', config),
    })

    this.binary = val('binary', config)
    this.options = val('options', config)

    this.ssl = typeof config.ssl === 'undefined' ? readSSLConfigFromEnvironment() : config.ssl

    if (typeof this.ssl === 'string') {
      if (this.ssl === 'true') {
        this.ssl = true
      }
    }
    // support passing in ssl=no-verify via connection string
    if (this.ssl === 'no-verify') {
      this.ssl = { rejectUnauthorized: false }
    }
    if (this.ssl && this.ssl.key) {
      Object.defineProperty(this.ssl, 'key', {
        enumerable: false,
      })
    }

    // How to negotiate SSL: 'postgres' (default, the traditional SSLRequest
    // handshake) or 'direct' (start the TLS handshake immediately on connect).
    this.sslnegotiation = val('sslnegotiation', config, 'PGSSLNEGOTIATION')
    if (this.sslnegotiation !== undefined && this.sslnegotiation !== 'postgres' && this.sslnegotiation !== 'direct') {
      throw new Error(
        `Invalid sslnegotiation value: "${this.sslnegotiation}". Valid values are "postgres" and "direct".`
      )
    }
    if (this.sslnegotiation === 'direct' && !this.ssl) {
      throw new Error('sslnegotiation=direct requires SSL to be enabled')
    }

    this.client_encoding = val('client_encoding', config)
    this.replication = val('replication', config)
    // a domain socket begins with '/'
    this.isDomainSocket = !(this.host || '').indexOf('/')

    this.application_name = val('application_name', config, 'PGAPPNAME')
    this.fallback_application_name = val('fallback_application_name', config, false)
    this.statement_timeout = val('statement_timeout', config, false)
    this.lock_timeout = val('lock_timeout', config, false)
    this.idle_in_transaction_session_timeout = val('idle_in_transaction_session_timeout', config, false)
    this.query_timeout = val('query_timeout', config, false)

    if (config.connectionTimeoutMillis === undefined) {
      this.connect_timeout = process.env.PGCONNECT_TIMEOUT || 0
    } else {
      this.connect_timeout = Math.floor(config.connectionTimeoutMillis / 1000)
    }

    if (config.keepAlive === false) {
      this.keepalives = 0
    } else if (config.keepAlive === true) {
      this.keepalives = 1
    }

    if (typeof config.keepAliveInitialDelayMillis === 'number') {
      this.keepalives_idle = Math.floor(config.keepAliveInitialDelayMillis / 1000)
    }
  }

  getLibpqConnectionString(cb) {
    const params = []
    add(params, this, 'user')
    add(params, this, 'password')
    add(params, this, 'port')
    add(params, this, 'application_name')
    add(params, this, 'fallback_application_name')
    add(params, this, 'connect_timeout')
    add(params, this, 'options')

    const ssl = typeof this.ssl === 'object' ? this.ssl : this.ssl ? { sslmode: this.ssl } : {}
    add(params, ssl, 'sslmode')
    add(params, ssl, 'sslca')
    add(params, ssl, 'sslkey')
    add(params, ssl, 'sslcert')
    add(params, ssl, 'sslrootcert')
    add(params, this, 'sslnegotiation')

    if (this.database) {
      params.push('dbname=' + quoteParamValue(this.database))
    }
    if (this.replication) {
      params.push('replication=' + quoteParamValue(this.replication))
    }
    if (this.host) {
      params.push('host=' + quoteParamValue(this.host))
    }
    if (this.isDomainSocket) {
      return cb(null, params.join(' '))
    }
    if (this.client_encoding) {
      params.push('client_encoding=' + quoteParamValue(this.client_encoding))
    }
    dns.lookup(this.host, function (err, address) {
      if (err) return cb(err, null)
      params.push('hostaddr=' + quoteParamValue(address))
      return cb(null, params.join(' '))
    })
  }
}

module.exports = ConnectionParameters


/***/ }),

/***/ 9809:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";


const EventEmitter = (__nccwpck_require__(4434).EventEmitter)

const { parse, serialize } = __nccwpck_require__(4233)
const stream = __nccwpck_require__(829)
const { getStream } = stream

const flushBuffer = serialize.flush()
const syncBuffer = serialize.sync()
const endBuffer = serialize.end()

// TODO(bmc) support binary mode at some point
class Connection extends EventEmitter {
  constructor(config) {
    super()
    config = config || {}

    this.stream = config.stream || getStream(config.ssl)
    if (typeof this.stream === 'function') {
      this.stream = this.stream(config)
    }

    this._keepAlive = config.keepAlive
    this._keepAliveInitialDelayMillis = config.keepAliveInitialDelayMillis
    this.parsedStatements = {}
    this.submittedNamedStatements = {}
    this.ssl = config.ssl || false
    this.sslNegotiation = config.sslNegotiation || 'postgres'
    this._ending = false
    this._emitMessage = false
    const self = this
    this.on('newListener', function (eventName) {
      if (eventName === 'message') {
        self._emitMessage = true
      }
    })
  }

  connect(port, host) {
    const self = this

    this._connecting = true
    this.stream.setNoDelay(true)
    this.stream.connect(port, host)

    this.stream.once('connect', function () {
      if (self._keepAlive) {
        self.stream.setKeepAlive(true, self._keepAliveInitialDelayMillis)
      }
      self.emit('connect')
    })

    const reportStreamError = function (error) {
      // errors about disconnections should be ignored during disconnect
      if (self._ending && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
        return
      }
      self.emit('error', error)
    }
    this.stream.on('error', reportStreamError)

    this.stream.on('close', function () {
      self.emit('end')
    })

    if (!this.ssl) {
      return this.attachListeners(this.stream)
    }

    // With direct SSL negotiation the TLS handshake starts immediately on the
    // raw socket, skipping the SSLRequest packet and the server's 'S'/'N' reply.
    if (this.sslNegotiation === 'direct') {
      return this.stream.once('connect', function () {
        self.upgradeToSSL(host, reportStreamError)
      })
    }

    this.stream.once('data', function (buffer) {
      const responseCode = buffer.toString('utf8')
      switch (responseCode) {
        case 'S': // Server supports SSL connections, continue with a secure connection
          break
        case 'N': // Server does not support SSL connections
          self.stream.end()
          return self.emit('error', new Error('The server does not support SSL connections'))
        default:
          // Any other response byte, including 'E' (ErrorResponse) indicating a server error
          self.stream.end()
          return self.emit('error', new Error('There was an error establishing an SSL connection'))
      }
      self.upgradeToSSL(host, reportStreamError)
    })
  }

  upgradeToSSL(host, reportStreamError) {
    const self = this
    const options = {
      socket: self.stream,
      // tls.connect checks the server identity against `servername`, falling
      // back to `host` and then to 'localhost'. `servername` must stay unset
      // for IP addresses (see below), so `host` is needed to keep certificate
      // validation working when connecting to an IP address.
      host,
    }

    if (self.ssl !== true) {
      Object.assign(options, self.ssl)

      if ('key' in self.ssl) {
        options.key = self.ssl.key
      }
    }

    // Direct SSL negotiation requires ALPN so the server can confirm it is
    // speaking the PostgreSQL protocol over the TLS connection.
    if (self.sslNegotiation === 'direct') {
      options.ALPNProtocols = ['postgresql']
    }

    // SNI must not be set to an IP address (RFC 6066 section 3)
    const net = __nccwpck_require__(9278)
    if (net.isIP && net.isIP(host) === 0) {
      options.servername = host
    }
    try {
      self.stream = stream.getSecureStream(options)
    } catch (err) {
      return self.emit('error', err)
    }
    self.attachListeners(self.stream)
    self.stream.on('error', reportStreamError)

    self.emit('sslconnect')
  }

  attachListeners(stream) {
    parse(stream, (msg) => {
      const eventName = msg.name === 'error' ? 'errorMessage' : msg.name
      if (this._emitMessage) {
        this.emit('message', msg)
      }
      this.emit(eventName, msg)
    })
  }

  requestSsl() {
    this.stream.write(serialize.requestSsl())
  }

  startup(config) {
    this.stream.write(serialize.startup(config))
  }

  cancel(processID, secretKey) {
    this._send(serialize.cancel(processID, secretKey))
  }

  password(password) {
    this._send(serialize.password(password))
  }

  sendSASLInitialResponseMessage(mechanism, initialResponse) {
    this._send(serialize.sendSASLInitialResponseMessage(mechanism, initialResponse))
  }

  sendSCRAMClientFinalMessage(additionalData) {
    this._send(serialize.sendSCRAMClientFinalMessage(additionalData))
  }

  _send(buffer) {
    if (!this.stream.writable) {
      return false
    }
    return this.stream.write(buffer)
  }

  query(text) {
    this._send(serialize.query(text))
  }

  // send parse message
  parse(query) {
    this._send(serialize.parse(query))
  }

  // send bind message
  bind(config) {
    this._send(serialize.bind(config))
  }

  // send execute message
  execute(config) {
    this._send(serialize.execute(config))
  }

  flush() {
    if (this.stream.writable) {
      this.stream.write(flushBuffer)
    }
  }

  sync() {
    // Sync is the extended-query protocol barrier, not a disconnect.
    // Only end()/Terminate (and connect-timeout teardown) should set _ending.
    this._send(syncBuffer)
  }

  ref() {
    this.stream.ref()
  }

  unref() {
    this.stream.unref()
  }

  end() {
    // 0x58 = 'X'
    this._ending = true
    if (!this._connecting || !this.stream.writable) {
      this.stream.end()
      return
    }
    return this.stream.write(endBuffer, () => {
      this.stream.end()
    })
  }

  close(msg) {
    this._send(serialize.close(msg))
  }

  describe(msg) {
    this._send(serialize.describe(msg))
  }

  sendCopyFromChunk(chunk) {
    this._send(serialize.copyData(chunk))
  }

  endCopyFrom() {
    this._send(serialize.copyDone())
  }

  sendCopyFail(msg) {
    this._send(serialize.copyFail(msg))
  }
}

module.exports = Connection


/***/ }),

/***/ 9765:
/***/ ((module) => {

function x509Error(msg, cert) {
  return new Error('SASL channel binding: ' + msg + ' when parsing public certificate ' + cert.toString('base64'))
}

function readASN1Length(data, index) {
  let length = data[index++]
  if (length < 0x80) return { length, index }

  const lengthBytes = length & 0x7f
  if (lengthBytes > 4) throw x509Error('bad length', data)

  length = 0
  for (let i = 0; i < lengthBytes; i++) {
    length = (length << 8) | data[index++]
  }

  return { length, index }
}

function readASN1OID(data, index) {
  if (data[index++] !== 0x6) throw x509Error('non-OID data', data) // 6 = OID

  const { length: OIDLength, index: indexAfterOIDLength } = readASN1Length(data, index)
  index = indexAfterOIDLength
  const lastIndex = index + OIDLength

  const byte1 = data[index++]
  let oid = ((byte1 / 40) >> 0) + '.' + (byte1 % 40)

  while (index < lastIndex) {
    // loop over numbers in OID
    let value = 0
    while (index < lastIndex) {
      // loop over bytes in number
      const nextByte = data[index++]
      value = (value << 7) | (nextByte & 0x7f)
      if (nextByte < 0x80) break
    }
    oid += '.' + value
  }

  return { oid, index }
}

function expectASN1Seq(data, index) {
  if (data[index++] !== 0x30) throw x509Error('non-sequence data', data) // 30 = Sequence
  return readASN1Length(data, index)
}

function signatureAlgorithmHashFromCertificate(data, index) {
  // read this thread: https://www.postgresql.org/message-id/17760-b6c61e752ec07060%40postgresql.org
  if (index === undefined) index = 0
  index = expectASN1Seq(data, index).index
  const { length: certInfoLength, index: indexAfterCertInfoLength } = expectASN1Seq(data, index)
  index = indexAfterCertInfoLength + certInfoLength // skip over certificate info
  index = expectASN1Seq(data, index).index // skip over signature length field
  const { oid, index: indexAfterOID } = readASN1OID(data, index)
  switch (oid) {
    // RSA
    case '1.2.840.113549.1.1.4':
      return 'MD5'
    case '1.2.840.113549.1.1.5':
      return 'SHA-1'
    case '1.2.840.113549.1.1.11':
      return 'SHA-256'
    case '1.2.840.113549.1.1.12':
      return 'SHA-384'
    case '1.2.840.113549.1.1.13':
      return 'SHA-512'
    case '1.2.840.113549.1.1.14':
      return 'SHA-224'
    case '1.2.840.113549.1.1.15':
      return 'SHA512-224'
    case '1.2.840.113549.1.1.16':
      return 'SHA512-256'
    // ECDSA
    case '1.2.840.10045.4.1':
      return 'SHA-1'
    case '1.2.840.10045.4.3.1':
      return 'SHA-224'
    case '1.2.840.10045.4.3.2':
      return 'SHA-256'
    case '1.2.840.10045.4.3.3':
      return 'SHA-384'
    case '1.2.840.10045.4.3.4':
      return 'SHA-512'
    // RSASSA-PSS: hash is indicated separately
    case '1.2.840.113549.1.1.10': {
      index = indexAfterOID
      index = expectASN1Seq(data, index).index
      if (data[index++] !== 0xa0) throw x509Error('non-tag data', data) // a0 = constructed tag 0
      index = readASN1Length(data, index).index // skip over tag length field
      index = expectASN1Seq(data, index).index // skip over sequence length field
      const { oid: hashOID } = readASN1OID(data, index)
      switch (hashOID) {
        // standalone hash OIDs
        case '1.2.840.113549.2.5':
          return 'MD5'
        case '1.3.14.3.2.26':
          return 'SHA-1'
        case '2.16.840.1.101.3.4.2.1':
          return 'SHA-256'
        case '2.16.840.1.101.3.4.2.2':
          return 'SHA-384'
        case '2.16.840.1.101.3.4.2.3':
          return 'SHA-512'
      }
      throw x509Error('unknown hash OID ' + hashOID, data)
    }
    // Ed25519 -- see https://github.com/openssl/openssl/issues/15477
    case '1.3.101.110':
    case '1.3.101.112': // ph
      return 'SHA-512'
    // Ed448 -- still not in pg 17.2 (if supported, digest would be SHAKE256 x 64 bytes)
    case '1.3.101.111':
    case '1.3.101.113': // ph
      throw x509Error('Ed448 certificate channel binding is not currently supported by Postgres')
  }
  throw x509Error('unknown OID ' + oid, data)
}

module.exports = { signatureAlgorithmHashFromCertificate }


/***/ }),

/***/ 948:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";

const crypto = __nccwpck_require__(4150)
const { signatureAlgorithmHashFromCertificate } = __nccwpck_require__(9765)

// SASLprep (RFC 4013) — minimal in-tree implementation.
//
// Per RFC 5802 §2.2, the SCRAM-SHA-256 client must normalize the password via
// SASLprep before feeding it into PBKDF2. PostgreSQL's server applies the same
// SASLprep when computing the stored verifier, and libpq does the same client
// side, so passwords whose NFKC form differs from the raw form
// would otherwise authenticate against psql/libpq but fail against pg with `28P01`.
//
// We deliberately implement only the three steps that change the byte content:
//   1. RFC 3454 Table C.1.2 (non-ASCII space) → U+0020 SPACE.
//   2. RFC 3454 Table B.1 (commonly mapped to nothing) → empty.
//   3. NFKC normalization.
// We skip the prohibition (RFC 4013 §2.3) and bidi (RFC 3454 §6) checks.
// libpq is forgiving on those paths and Postgres's own SASLprep matches that
// leniency for legacy roles, so omitting the rejection logic keeps existing
// roles working without adding complexity.
function saslprep(password) {
  // RFC 3454 Table C.1.2 — non-ASCII space characters, mapped to U+0020.
  const nonAsciiSpace = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g
  // RFC 3454 Table B.1 — "commonly mapped to nothing". The set intentionally
  // contains zero-width joiners and variation selectors — the very characters
  // ESLint's no-misleading-character-class warns about — because they combine
  // with their neighbors and the RFC strips them for that reason.
  // eslint-disable-next-line no-misleading-character-class
  const mappedToNothing = /[\u00AD\u034F\u1806\u180B\u180C\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g
  return password.replace(nonAsciiSpace, ' ').replace(mappedToNothing, '').normalize('NFKC')
}

const DEFAULT_MAX_SCRAM_ITERATIONS = 100000

function startSession(mechanisms, stream, scramMaxIterations = DEFAULT_MAX_SCRAM_ITERATIONS) {
  const candidates = ['SCRAM-SHA-256']
  if (stream) candidates.unshift('SCRAM-SHA-256-PLUS') // higher-priority, so placed first

  const mechanism = candidates.find((candidate) => mechanisms.includes(candidate))

  if (!mechanism) {
    throw new Error('SASL: Only mechanism(s) ' + candidates.join(' and ') + ' are supported')
  }

  if (mechanism === 'SCRAM-SHA-256-PLUS' && typeof stream.getPeerCertificate !== 'function') {
    // this should never happen if we are really talking to a Postgres server
    throw new Error('SASL: Mechanism SCRAM-SHA-256-PLUS requires a certificate')
  }

  const clientNonce = crypto.randomBytes(18).toString('base64')
  const gs2Header = mechanism === 'SCRAM-SHA-256-PLUS' ? 'p=tls-server-end-point' : stream ? 'y' : 'n'

  return {
    mechanism,
    clientNonce,
    response: gs2Header + ',,n=*,r=' + clientNonce,
    message: 'SASLInitialResponse',
    scramMaxIterations,
  }
}

async function continueSession(session, password, serverData, stream) {
  if (session.message !== 'SASLInitialResponse') {
    throw new Error('SASL: Last message was not SASLInitialResponse')
  }
  if (typeof password !== 'string') {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string')
  }
  if (password === '') {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a non-empty string')
  }
  if (typeof serverData !== 'string') {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: serverData must be a string')
  }

  const sv = parseServerFirstMessage(serverData)

  if (!sv.nonce.startsWith(session.clientNonce)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce does not start with client nonce')
  } else if (sv.nonce.length === session.clientNonce.length) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce is too short')
  }

  const scramMaxIterations =
    typeof session.scramMaxIterations === 'number' ? session.scramMaxIterations : DEFAULT_MAX_SCRAM_ITERATIONS
  // a value of 0 disables the iteration count check
  if (scramMaxIterations !== 0 && sv.iteration > scramMaxIterations) {
    throw new Error(
      'SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration count ' +
        sv.iteration +
        ' exceeds scramMaxIterations of ' +
        scramMaxIterations
    )
  }

  const clientFirstMessageBare = 'n=*,r=' + session.clientNonce
  const serverFirstMessage = 'r=' + sv.nonce + ',s=' + sv.salt + ',i=' + sv.iteration

  // without channel binding:
  let channelBinding = stream ? 'eSws' : 'biws' // 'y,,' or 'n,,', base64-encoded

  // override if channel binding is in use:
  if (session.mechanism === 'SCRAM-SHA-256-PLUS') {
    const peerCert = stream.getPeerCertificate().raw
    let hashName = signatureAlgorithmHashFromCertificate(peerCert)
    if (hashName === 'MD5' || hashName === 'SHA-1') hashName = 'SHA-256'
    const certHash = await crypto.hashByName(hashName, peerCert)
    const bindingData = Buffer.concat([Buffer.from('p=tls-server-end-point,,'), Buffer.from(certHash)])
    channelBinding = bindingData.toString('base64')
  }

  const clientFinalMessageWithoutProof = 'c=' + channelBinding + ',r=' + sv.nonce
  const authMessage = clientFirstMessageBare + ',' + serverFirstMessage + ',' + clientFinalMessageWithoutProof

  const saltBytes = Buffer.from(sv.salt, 'base64')
  const saltedPassword = await crypto.deriveKey(saslprep(password), saltBytes, sv.iteration)
  const clientKey = await crypto.hmacSha256(saltedPassword, 'Client Key')
  const storedKey = await crypto.sha256(clientKey)
  const clientSignature = await crypto.hmacSha256(storedKey, authMessage)
  const clientProof = xorBuffers(Buffer.from(clientKey), Buffer.from(clientSignature)).toString('base64')
  const serverKey = await crypto.hmacSha256(saltedPassword, 'Server Key')
  const serverSignatureBytes = await crypto.hmacSha256(serverKey, authMessage)

  session.message = 'SASLResponse'
  session.serverSignature = Buffer.from(serverSignatureBytes).toString('base64')
  session.response = clientFinalMessageWithoutProof + ',p=' + clientProof
}

function finalizeSession(session, serverData) {
  if (session.message !== 'SASLResponse') {
    throw new Error('SASL: Last message was not SASLResponse')
  }
  if (typeof serverData !== 'string') {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: serverData must be a string')
  }

  const { serverSignature } = parseServerFinalMessage(serverData)

  if (serverSignature !== session.serverSignature) {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature does not match')
  }
}

/**
 * printable       = %x21-2B / %x2D-7E
 *                   ;; Printable ASCII except ",".
 *                   ;; Note that any "printable" is also
 *                   ;; a valid "value".
 */
function isPrintableChars(text) {
  if (typeof text !== 'string') {
    throw new TypeError('SASL: text must be a string')
  }
  return text
    .split('')
    .map((_, i) => text.charCodeAt(i))
    .every((c) => (c >= 0x21 && c <= 0x2b) || (c >= 0x2d && c <= 0x7e))
}

/**
 * base64-char     = ALPHA / DIGIT / "/" / "+"
 *
 * base64-4        = 4base64-char
 *
 * base64-3        = 3base64-char "="
 *
 * base64-2        = 2base64-char "=="
 *
 * base64          = *base64-4 [base64-3 / base64-2]
 */
function isBase64(text) {
  return /^(?:[a-zA-Z0-9+/]{4})*(?:[a-zA-Z0-9+/]{2}==|[a-zA-Z0-9+/]{3}=)?$/.test(text)
}

function parseAttributePairs(text) {
  if (typeof text !== 'string') {
    throw new TypeError('SASL: attribute pairs text must be a string')
  }

  return new Map(
    text.split(',').map((attrValue) => {
      if (!/^.=/.test(attrValue)) {
        throw new Error('SASL: Invalid attribute pair entry')
      }
      const name = attrValue[0]
      const value = attrValue.substring(2)
      return [name, value]
    })
  )
}

function parseServerFirstMessage(data) {
  const attrPairs = parseAttributePairs(data)

  const nonce = attrPairs.get('r')
  if (!nonce) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce missing')
  } else if (!isPrintableChars(nonce)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce must only contain printable characters')
  }
  const salt = attrPairs.get('s')
  if (!salt) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: salt missing')
  } else if (!isBase64(salt)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: salt must be base64')
  }
  const iterationText = attrPairs.get('i')
  if (!iterationText) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration missing')
  } else if (!/^[1-9][0-9]*$/.test(iterationText)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: invalid iteration count')
  }
  const iteration = parseInt(iterationText, 10)

  return {
    nonce,
    salt,
    iteration,
  }
}

function parseServerFinalMessage(serverData) {
  const attrPairs = parseAttributePairs(serverData)
  const error = attrPairs.get('e')
  const serverSignature = attrPairs.get('v')

  if (error) {
    throw new Error(`SASL: SCRAM-SERVER-FINAL-MESSAGE: server returned error: "${error}"`)
  }

  if (!serverSignature) {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature is missing')
  } else if (!isBase64(serverSignature)) {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature must be base64')
  }
  return {
    serverSignature,
  }
}

function xorBuffers(a, b) {
  if (!Buffer.isBuffer(a)) {
    throw new TypeError('first argument must be a Buffer')
  }
  if (!Buffer.isBuffer(b)) {
    throw new TypeError('second argument must be a Buffer')
  }
  if (a.length !== b.length) {
    throw new Error('Buffer lengths must match')
  }
  if (a.length === 0) {
    throw new Error('Buffers cannot be empty')
  }
  return Buffer.from(a.map((_, i) => a[i] ^ b[i]))
}

module.exports = {
  startSession,
  continueSession,
  finalizeSession,
  DEFAULT_MAX_SCRAM_ITERATIONS,
}


/***/ }),

/***/ 4150:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const nodeCrypto = __nccwpck_require__(6982)

module.exports = {
  postgresMd5PasswordHash,
  randomBytes,
  deriveKey,
  sha256,
  hashByName,
  hmacSha256,
  md5,
}

/**
 * The Web Crypto API - grabbed from the Node.js library or the global
 * @type Crypto
 */
// eslint-disable-next-line no-undef
const webCrypto = nodeCrypto.webcrypto || globalThis.crypto
/**
 * The SubtleCrypto API for low level crypto operations.
 * @type SubtleCrypto
 */
const subtleCrypto = webCrypto.subtle
const textEncoder = new TextEncoder()

/**
 *
 * @param {*} length
 * @returns
 */
function randomBytes(length) {
  return webCrypto.getRandomValues(Buffer.alloc(length))
}

async function md5(string) {
  try {
    return nodeCrypto.createHash('md5').update(string, 'utf-8').digest('hex')
  } catch (e) {
    // `createHash()` failed so we are probably not in Node.js, use the WebCrypto API instead.
    // Note that the MD5 algorithm on WebCrypto is not available in Node.js.
    // This is why we cannot just use WebCrypto in all environments.
    const data = typeof string === 'string' ? textEncoder.encode(string) : string
    const hash = await subtleCrypto.digest('MD5', data)
    return Array.from(new Uint8Array(hash))
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('')
  }
}

// See AuthenticationMD5Password at https://www.postgresql.org/docs/current/static/protocol-flow.html
async function postgresMd5PasswordHash(user, password, salt) {
  const inner = await md5(password + user)
  const outer = await md5(Buffer.concat([Buffer.from(inner), salt]))
  return 'md5' + outer
}

/**
 * Create a SHA-256 digest of the given data
 * @param {Buffer} data
 */
async function sha256(text) {
  return await subtleCrypto.digest('SHA-256', text)
}

async function hashByName(hashName, text) {
  return await subtleCrypto.digest(hashName, text)
}

/**
 * Sign the message with the given key
 * @param {ArrayBuffer} keyBuffer
 * @param {string} msg
 */
async function hmacSha256(keyBuffer, msg) {
  const key = await subtleCrypto.importKey('raw', keyBuffer, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return await subtleCrypto.sign('HMAC', key, textEncoder.encode(msg))
}

/**
 * Derive a key from the password and salt
 * @param {string} password
 * @param {Uint8Array} salt
 * @param {number} iterations
 */
async function deriveKey(password, salt, iterations) {
  const key = await subtleCrypto.importKey('raw', textEncoder.encode(password), 'PBKDF2', false, ['deriveBits'])
  const params = { name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: iterations }
  return await subtleCrypto.deriveBits(params, key, 32 * 8, ['deriveBits'])
}


/***/ }),

/***/ 8995:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";


let user
try {
  user = process.platform === 'win32' ? process.env.USERNAME : process.env.USER
} catch {
  // ignore, e.g., Deno without --allow-env
}

module.exports = {
  // database host. defaults to localhost
  host: 'localhost',

  // database user's name
  user,

  // name of database to connect
  database: undefined,

  // database user's password
  password: null,

  // a Postgres connection string to be used instead of setting individual connection items
  // NOTE:  Setting this value will cause it to override any other value (such as database or user) defined
  // in the defaults object.
  connectionString: undefined,

  // database port
  port: 5432,

  // number of rows to return at a time from a prepared statement's
  // portal. 0 will return all rows at once
  rows: 0,

  // binary result mode
  binary: false,

  // Connection pool options - see https://github.com/brianc/node-pg-pool

  // number of connections to use in connection pool
  // 0 will disable connection pooling
  max: 10,

  // max milliseconds a client can go unused before it is removed
  // from the pool and destroyed
  idleTimeoutMillis: 30000,

  client_encoding: '',

  ssl: false,

  // SSL negotiation style: 'postgres' (traditional SSLRequest) or 'direct'
  sslnegotiation: undefined,

  application_name: undefined,

  fallback_application_name: undefined,

  options: undefined,

  parseInputDatesAsUTC: false,

  // max milliseconds any query using this connection will execute for before timing out in error.
  // false=unlimited
  statement_timeout: false,

  // Abort any statement that waits longer than the specified duration in milliseconds while attempting to acquire a lock.
  // false=unlimited
  lock_timeout: false,

  // Terminate any session with an open transaction that has been idle for longer than the specified duration in milliseconds
  // false=unlimited
  idle_in_transaction_session_timeout: false,

  // max milliseconds to wait for query to complete (client side)
  query_timeout: false,

  connect_timeout: 0,

  keepalives: 1,

  keepalives_idle: 0,
}

const pgTypes = __nccwpck_require__(1549)
// save default parsers
const parseBigInteger = pgTypes.getTypeParser(20, 'text')
const parseBigIntegerArray = pgTypes.getTypeParser(1016, 'text')

// parse int8 so you can get your count values as actual numbers
module.exports.__defineSetter__('parseInt8', function (val) {
  pgTypes.setTypeParser(20, 'text', val ? pgTypes.getTypeParser(23, 'text') : parseBigInteger)
  pgTypes.setTypeParser(1016, 'text', val ? pgTypes.getTypeParser(1007, 'text') : parseBigIntegerArray)
})


/***/ }),

/***/ 3273:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";


const Client = __nccwpck_require__(5042)
const defaults = __nccwpck_require__(8995)
const Connection = __nccwpck_require__(9809)
const Result = __nccwpck_require__(6424)
const utils = __nccwpck_require__(9652)
const Pool = __nccwpck_require__(7558)
const TypeOverrides = __nccwpck_require__(365)
const { DatabaseError } = __nccwpck_require__(4233)
const { escapeIdentifier, escapeLiteral } = __nccwpck_require__(9652)

const poolFactory = (Client) => {
  return class BoundPool extends Pool {
    constructor(options) {
      super(options, Client)
    }
  }
}

const PG = function (clientConstructor) {
  this.defaults = defaults
  this.Client = clientConstructor
  this.Query = this.Client.Query
  this.Pool = poolFactory(this.Client)
  this._pools = []
  this.Connection = Connection
  this.types = __nccwpck_require__(1549)
  this.DatabaseError = DatabaseError
  this.TypeOverrides = TypeOverrides
  this.escapeIdentifier = escapeIdentifier
  this.escapeLiteral = escapeLiteral
  this.Result = Result
  this.utils = utils
}

let clientConstructor = Client

let forceNative = false
try {
  forceNative = !!process.env.NODE_PG_FORCE_NATIVE
} catch {
  // ignore, e.g., Deno without --allow-env
}

if (forceNative) {
  clientConstructor = __nccwpck_require__(5301)
}

module.exports = new PG(clientConstructor)

// lazy require native module...the native module may not have installed
Object.defineProperty(module.exports, "native", ({
  configurable: true,
  enumerable: false,
  get() {
    let native = null
    try {
      native = new PG(__nccwpck_require__(5301))
    } catch (err) {
      if (err.code !== 'MODULE_NOT_FOUND') {
        throw err
      }
    }

    // overwrite module.exports.native so that getter is never called again
    Object.defineProperty(module.exports, "native", ({
      value: native,
    }))

    return native
  },
}))


/***/ }),

/***/ 8942:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const nodeUtils = __nccwpck_require__(9023)
// eslint-disable-next-line
var Native
// eslint-disable-next-line no-useless-catch
try {
  // Wrap this `require()` in a try-catch to avoid upstream bundlers from complaining that this might not be available since it is an optional import
  Native = __nccwpck_require__(4390)
} catch (e) {
  throw e
}
const TypeOverrides = __nccwpck_require__(365)
const EventEmitter = (__nccwpck_require__(4434).EventEmitter)
const util = __nccwpck_require__(9023)
const ConnectionParameters = __nccwpck_require__(646)

const NativeQuery = __nccwpck_require__(7581)

const queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead.'
)

const Client = (module.exports = function (config) {
  EventEmitter.call(this)
  config = config || {}

  this._Promise = config.Promise || global.Promise
  this._types = new TypeOverrides(config.types)

  this.native = new Native({
    types: this._types,
  })

  this._queryQueue = []
  this._ending = false
  this._connecting = false
  this._connected = false
  this._queryable = true
  this.pipeline = Boolean(config.pipeline)
  this._pipelineInFlight = false

  // keep these on the object for legacy reasons
  // for the time being. TODO: deprecate all this jazz
  const cp = (this.connectionParameters = new ConnectionParameters(config))
  if (config.nativeConnectionString) cp.nativeConnectionString = config.nativeConnectionString
  this.user = cp.user

  // "hiding" the password so it doesn't show up in stack traces
  // or if the client is console.logged
  Object.defineProperty(this, 'password', {
    configurable: true,
    enumerable: false,
    writable: true,
    value: cp.password,
  })
  this.database = cp.database
  this.host = cp.host
  this.port = cp.port

  // a hash to hold named queries
  this.namedQueries = {}
})

Client.Query = NativeQuery

util.inherits(Client, EventEmitter)

Client.prototype._errorAllQueries = function (err) {
  const enqueueError = (query) => {
    process.nextTick(() => {
      query.native = this.native
      query.handleError(err)
    })
  }

  if (this._hasActiveQuery()) {
    enqueueError(this._activeQuery)
    this._activeQuery = null
  }

  this._queryQueue.forEach(enqueueError)
  this._queryQueue.length = 0
}

// connect to the backend
// pass an optional callback to be called once connected
// or with an error if there was a connection error
Client.prototype._connect = function (cb) {
  const self = this

  if (this._connecting) {
    process.nextTick(() => cb(new Error('Client has already been connected. You cannot reuse a client.')))
    return
  }

  this._connecting = true

  this.connectionParameters.getLibpqConnectionString(function (err, conString) {
    if (self.connectionParameters.nativeConnectionString) conString = self.connectionParameters.nativeConnectionString
    if (err) return cb(err)
    self.native.connect(conString, function (err) {
      if (err) {
        self.native.end()
        return cb(err)
      }

      // set internal states to connected
      self._connected = true

      // handle connection errors from the native layer
      self.native.on('error', function (err) {
        self._queryable = false
        self._errorAllQueries(err)
        self.emit('error', err)
      })

      self.native.on('notification', function (msg) {
        self.emit('notification', {
          channel: msg.relname,
          payload: msg.extra,
        })
      })

      // signal we are connected now
      self.emit('connect')
      self._pulseQueryQueue(true)

      cb(null, this)
    })
  })
}

Client.prototype.connect = function (callback) {
  if (callback) {
    this._connect(callback)
    return
  }

  return new this._Promise((resolve, reject) => {
    this._connect((error) => {
      if (error) {
        reject(error)
      } else {
        resolve(this)
      }
    })
  })
}

// send a query to the server
// this method is highly overloaded to take
// 1) string query, optional array of parameters, optional function callback
// 2) object query with {
//    string query
//    optional array values,
//    optional function callback instead of as a separate parameter
//    optional string name to name & cache the query plan
//    optional string rowMode = 'array' for an array of results
//  }
Client.prototype.query = function (config, values, callback) {
  let query
  let result
  let readTimeout
  let readTimeoutTimer
  let queryCallback

  if (config === null || config === undefined) {
    throw new TypeError('Client was passed a null or undefined query')
  } else if (typeof config.submit === 'function') {
    readTimeout = config.query_timeout || this.connectionParameters.query_timeout
    result = query = config
    // accept query(new Query(...), (err, res) => { }) style
    if (typeof values === 'function') {
      config.callback = values
    }
  } else {
    readTimeout = config.query_timeout || this.connectionParameters.query_timeout
    query = new NativeQuery(config, values, callback)
    if (!query.callback) {
      let resolveOut, rejectOut
      result = new this._Promise((resolve, reject) => {
        resolveOut = resolve
        rejectOut = reject
      }).catch((err) => {
        Error.captureStackTrace(err)
        throw err
      })
      query.callback = (err, res) => (err ? rejectOut(err) : resolveOut(res))
    }
  }

  if (readTimeout) {
    queryCallback = query.callback || (() => {})

    readTimeoutTimer = setTimeout(() => {
      const error = new Error('Query read timeout')

      process.nextTick(() => {
        query.handleError(error, this.connection)
      })

      queryCallback(error)

      // we already returned an error,
      // just do nothing if query completes
      query.callback = () => {}

      // Remove from queue
      const index = this._queryQueue.indexOf(query)
      if (index > -1) {
        this._queryQueue.splice(index, 1)
      }

      this._pulseQueryQueue()
    }, readTimeout)

    query.callback = (err, res) => {
      clearTimeout(readTimeoutTimer)
      queryCallback(err, res)
    }
  }

  if (!this._queryable) {
    query.native = this.native
    process.nextTick(() => {
      query.handleError(new Error('Client has encountered a connection error and is not queryable'))
    })
    return result
  }

  if (this._ending) {
    query.native = this.native
    process.nextTick(() => {
      query.handleError(new Error('Client was closed and is not queryable'))
    })
    return result
  }

  if (this._queryQueue.length > 0 && !this.pipeline) {
    queryQueueLengthDeprecationNotice()
  }

  this._queryQueue.push(query)
  this._pulseQueryQueue()
  return result
}

// disconnect from the backend server
Client.prototype.end = function (cb) {
  const self = this

  this._ending = true

  if (this._connecting && !this._connected) {
    this.once('connect', () => {
      this.end(() => {})
    })
  }
  let result
  if (!cb) {
    result = new this._Promise(function (resolve, reject) {
      cb = (err) => (err ? reject(err) : resolve())
    })
  }

  const doEnd = function () {
    self.native.end(function () {
      self._connected = false

      self._errorAllQueries(new Error('Connection terminated'))

      process.nextTick(() => {
        self.emit('end')
        if (cb) cb()
      })
    })
  }

  // If pipeline has in-flight or queued queries, wait for them to drain before closing
  if (this.pipeline && (this._pipelineInFlight || this._queryQueue.length > 0)) {
    this.once('drain', doEnd)
  } else {
    doEnd()
  }
  return result
}

Client.prototype._hasActiveQuery = function () {
  return this._activeQuery && this._activeQuery.state !== 'error' && this._activeQuery.state !== 'end'
}

Client.prototype._pulseQueryQueue = function (initialConnection) {
  if (!this._connected) {
    return
  }
  if (this.pipeline && !initialConnection) {
    return this._pulsePipelinedQueryQueue()
  }
  if (this._hasActiveQuery()) {
    return
  }
  const query = this._queryQueue.shift()
  if (!query) {
    if (!initialConnection) {
      this.emit('drain')
    }
    return
  }
  this._activeQuery = query
  query.submit(this)
  const self = this
  query.once('_done', function () {
    self._pulseQueryQueue()
  })
}

Client.prototype._pulsePipelinedQueryQueue = function () {
  if (!this._connected || this._pipelineInFlight) {
    return
  }
  if (this._queryQueue.length === 0) {
    if (this.hasExecuted) {
      this.emit('drain')
    }
    return
  }

  this._pipelineInFlight = true
  const self = this
  const queries = []
  const nativeQueries = []
  const utils = __nccwpck_require__(9652)

  while (this._queryQueue.length > 0) {
    const query = this._queryQueue.shift()
    this.hasExecuted = true
    nativeQueries.push(query)

    const values = query.values ? query.values.map(utils.prepareValue) : null
    const pipelineEntry = { text: query.text, name: query.name, arrayMode: query._arrayMode }
    if (values) {
      pipelineEntry.values = values
    }
    if (query.name && this.namedQueries[query.name]) {
      pipelineEntry._alreadyPrepared = true
    }
    queries.push(pipelineEntry)
  }

  this.native.pipeline(queries, function (err, results) {
    self._pipelineInFlight = false

    if (err) {
      // Total pipeline failure. Per-query errors arrive on results[i].err, so reaching here means
      // the connection itself is gone: mark it unusable and say so, the way the JS client and the
      // non-pipelined native path both do. Without this the client looks healthy after losing its
      // backend, a Pool never discards it, and everything routed to it fails one query at a time
      // for the life of the process.
      self._connected = false
      self._queryable = false
      for (let i = 0; i < nativeQueries.length; i++) {
        const q = nativeQueries[i]
        q.native = self.native
        q.handleError(err)
      }
      self._errorAllQueries(err)
      self.emit('error', err)
      self.emit('end')
      return
    }

    // Deliver results to each query
    for (let i = 0; i < nativeQueries.length; i++) {
      const q = nativeQueries[i]
      const r = results[i]
      q.native = self.native

      if (r.err) {
        q.handleError(r.err)
      } else {
        // Track named queries on success
        if (q.name) {
          self.namedQueries[q.name] = q.text
        }
        q.state = 'end'
        q.emit('end', r.result)
        if (q.callback) {
          q.callback(null, r.result)
        }
      }

      setImmediate(function () {
        q.emit('_done')
      })
    }

    // Process any queries that arrived while we were reading
    self._pulsePipelinedQueryQueue()
  })
}

// attempt to cancel an in-progress query
Client.prototype.cancel = function (query) {
  if (this._activeQuery === query) {
    this.native.cancel(function () {})
  } else if (this._queryQueue.indexOf(query) !== -1) {
    this._queryQueue.splice(this._queryQueue.indexOf(query), 1)
  }
}

Client.prototype.ref = function () {}
Client.prototype.unref = function () {}

Client.prototype.setTypeParser = function (oid, format, parseFn) {
  return this._types.setTypeParser(oid, format, parseFn)
}

Client.prototype.getTypeParser = function (oid, format) {
  return this._types.getTypeParser(oid, format)
}

Client.prototype.isConnected = function () {
  return this._connected
}

Client.prototype.getTransactionStatus = function () {
  return this.native.getTransactionStatus()
}


/***/ }),

/***/ 5301:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";

module.exports = __nccwpck_require__(8942)


/***/ }),

/***/ 7581:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";


const EventEmitter = (__nccwpck_require__(4434).EventEmitter)
const util = __nccwpck_require__(9023)
const utils = __nccwpck_require__(9652)

const NativeQuery = (module.exports = function (config, values, callback) {
  EventEmitter.call(this)
  config = utils.normalizeQueryConfig(config, values, callback)
  this.text = config.text
  this.values = config.values
  this.name = config.name
  this.queryMode = config.queryMode
  this.callback = config.callback
  this.state = 'new'
  this._arrayMode = config.rowMode === 'array'

  // if the 'row' event is listened for
  // then emit them as they come in
  // without setting singleRowMode to true
  // this has almost no meaning because libpq
  // reads all rows into memory before returning any
  this._emitRowEvents = false
  this.on(
    'newListener',
    function (event) {
      if (event === 'row') this._emitRowEvents = true
    }.bind(this)
  )
})

util.inherits(NativeQuery, EventEmitter)

const errorFieldMap = {
  sqlState: 'code',
  statementPosition: 'position',
  messagePrimary: 'message',
  messageDetail: 'detail',
  messageHint: 'hint',
  context: 'where',
  schemaName: 'schema',
  tableName: 'table',
  columnName: 'column',
  dataTypeName: 'dataType',
  constraintName: 'constraint',
  sourceFile: 'file',
  sourceLine: 'line',
  sourceFunction: 'routine',
}

NativeQuery.prototype.handleError = function (err) {
  // copy pq error fields into the error object
  const fields = this.native && this.native.pq.resultErrorFields()
  if (fields) {
    for (const key in fields) {
      const normalizedFieldName = errorFieldMap[key] || key
      err[normalizedFieldName] = fields[key]
    }
  }
  if (this.callback) {
    this.callback(err)
  } else {
    this.emit('error', err)
  }
  this.state = 'error'
}

NativeQuery.prototype.then = function (onSuccess, onFailure) {
  return this._getPromise().then(onSuccess, onFailure)
}

NativeQuery.prototype.catch = function (callback) {
  return this._getPromise().catch(callback)
}

NativeQuery.prototype._getPromise = function () {
  if (this._promise) return this._promise
  this._promise = new Promise(
    function (resolve, reject) {
      this._once('end', resolve)
      this._once('error', reject)
    }.bind(this)
  )
  return this._promise
}

NativeQuery.prototype.submit = function (client) {
  this.state = 'running'
  const self = this
  this.native = client.native
  client.native.arrayMode = this._arrayMode

  let after = function (err, rows, results) {
    client.native.arrayMode = false
    setImmediate(function () {
      self.emit('_done')
    })

    // handle possible query error
    if (err) {
      return self.handleError(err)
    }

    // emit row events for each row in the result
    if (self._emitRowEvents) {
      if (results.length > 1) {
        rows.forEach((rowOfRows, i) => {
          rowOfRows.forEach((row) => {
            self.emit('row', row, results[i])
          })
        })
      } else {
        rows.forEach(function (row) {
          self.emit('row', row, results)
        })
      }
    }

    // handle successful result
    self.state = 'end'
    self.emit('end', results)
    if (self.callback) {
      self.callback(null, results)
    }
  }

  if (process.domain) {
    after = process.domain.bind(after)
  }

  // named query
  if (this.name) {
    if (this.name.length > 63) {
      console.error('Warning! Postgres only supports 63 characters for query names.')
      console.error('You supplied %s (%s)', this.name, this.name.length)
      console.error('This can cause conflicts and silent errors executing queries')
    }
    const values = (this.values || []).map(utils.prepareValue)

    // check if the client has already executed this named query
    // if so...just execute it again - skip the planning phase
    if (client.namedQueries[this.name] !== undefined) {
      if (this.text && client.namedQueries[this.name] !== this.text) {
        const err = new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`)
        return after(err)
      }
      return client.native.execute(this.name, values, after)
    }
    // plan the named query the first time, then execute it
    return client.native.prepare(this.name, this.text, values.length, function (err) {
      if (err) return after(err)
      client.namedQueries[self.name] = self.text
      return self.native.execute(self.name, values, after)
    })
  } else if (this.values) {
    if (!Array.isArray(this.values)) {
      const err = new Error('Query values must be an array')
      return after(err)
    }
    const vals = this.values.map(utils.prepareValue)
    client.native.query(this.text, vals, after)
  } else if (this.queryMode === 'extended') {
    client.native.query(this.text, [], after)
  } else {
    client.native.query(this.text, after)
  }
}


/***/ }),

/***/ 4473:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";


const { EventEmitter } = __nccwpck_require__(4434)

const Result = __nccwpck_require__(6424)
const utils = __nccwpck_require__(9652)

class Query extends EventEmitter {
  constructor(config, values, callback) {
    super()

    config = utils.normalizeQueryConfig(config, values, callback)

    this.text = config.text
    this.values = config.values
    this.rows = config.rows
    this.types = config.types
    this.name = config.name
    this.queryMode = config.queryMode
    this.binary = config.binary
    // use unique portal name each time
    this.portal = config.portal || ''
    this.callback = config.callback
    this._rowMode = config.rowMode
    if (process.domain && config.callback) {
      this.callback = process.domain.bind(config.callback)
    }
    this._result = new Result(this._rowMode, this.types)

    // potential for multiple results
    this._results = this._result
    this._canceledDueToError = false
  }

  requiresPreparation() {
    if (this.queryMode === 'extended') {
      return true
    }

    // named queries must always be prepared
    if (this.name) {
      return true
    }
    // always prepare if there are max number of rows expected per
    // portal execution
    if (this.rows) {
      return true
    }
    // don't prepare empty text queries
    if (!this.text) {
      return false
    }
    // prepare if there are values
    if (!this.values) {
      return false
    }
    return this.values.length > 0
  }

  _checkForMultirow() {
    // if we already have a result with a command property
    // then we've already executed one query in a multi-statement simple query
    // turn our results into an array of results
    if (this._result.command) {
      if (!Array.isArray(this._results)) {
        this._results = [this._result]
      }
      this._result = new Result(this._rowMode, this._result._types)
      this._results.push(this._result)
    }
  }

  // associates row metadata from the supplied
  // message with this query object
  // metadata used when parsing row results
  handleRowDescription(msg) {
    this._checkForMultirow()
    this._result.addFields(msg.fields)
    this._accumulateRows = this.callback || !this.listeners('row').length
  }

  handleDataRow(msg) {
    let row

    if (this._canceledDueToError) {
      return
    }

    try {
      row = this._result.parseRow(msg.fields)
    } catch (err) {
      this._canceledDueToError = err
      return
    }

    this.emit('row', row, this._result)
    if (this._accumulateRows) {
      this._result.addRow(row)
    }
  }

  handleCommandComplete(msg, connection) {
    this._checkForMultirow()
    this._result.addCommandComplete(msg)
    // need to sync after each command complete of a prepared statement
    // if we were using a row count which results in multiple calls to _getRows
    if (this.rows) {
      connection.sync()
    }
  }

  // if a named prepared statement is created with empty query text
  // the backend will send an emptyQuery message but *not* a command complete message
  // since we pipeline sync immediately after execute we don't need to do anything here
  // unless we have rows specified, in which case we did not pipeline the initial sync call
  handleEmptyQuery(connection) {
    if (this.rows) {
      connection.sync()
    }
  }

  handleError(err, connection) {
    // need to sync after error during a prepared statement
    if (this._canceledDueToError) {
      err = this._canceledDueToError
      this._canceledDueToError = false
    }
    // if callback supplied do not emit error event as uncaught error
    // events will bubble up to node process
    if (this.callback) {
      return this.callback(err)
    }
    this.emit('error', err)
  }

  handleReadyForQuery(con) {
    if (this._canceledDueToError) {
      return this.handleError(this._canceledDueToError, con)
    }
    if (this.callback) {
      try {
        this.callback(null, this._results)
      } catch (err) {
        process.nextTick(() => {
          throw err
        })
      }
    }
    this.emit('end', this._results)
  }

  submit(connection) {
    if (typeof this.text !== 'string' && typeof this.name !== 'string') {
      return new Error('A query must have either text or a name. Supplying neither is unsupported.')
    }
    const previous = connection.parsedStatements[this.name] || connection.submittedNamedStatements[this.name]
    if (this.text && previous && this.text !== previous) {
      return new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`)
    }
    if (this.values && !Array.isArray(this.values)) {
      return new Error('Query values must be an array')
    }
    if (this.requiresPreparation()) {
      // If we're using the extended query protocol we fire off several separate commands
      // to the backend. On some versions of node & some operating system versions
      // the network stack writes each message separately instead of buffering them together
      // causing the client & network to send more slowly. Corking & uncorking the stream
      // allows node to buffer up the messages internally before sending them all off at once.
      // note: we're checking for existence of cork/uncork because some versions of streams
      // might not have this (cloudflare?)
      connection.stream.cork && connection.stream.cork()
      try {
        this.prepare(connection)
      } finally {
        // while unlikely for this.prepare to throw, if it does & we don't uncork this stream
        // this client becomes unresponsive, so put in finally block "just in case"
        connection.stream.uncork && connection.stream.uncork()
      }
    } else {
      connection.query(this.text)
    }
    return null
  }

  hasBeenParsed(connection) {
    return (
      this.name &&
      (connection.parsedStatements[this.name] !== undefined ||
        connection.submittedNamedStatements[this.name] !== undefined)
    )
  }

  handlePortalSuspended(connection) {
    this._getRows(connection, this.rows)
  }

  _getRows(connection, rows) {
    connection.execute({
      portal: this.portal,
      rows: rows,
    })
    // if we're not reading pages of rows send the sync command
    // to indicate the pipeline is finished
    if (!rows) {
      connection.sync()
    } else {
      // otherwise flush the call out to read more rows
      connection.flush()
    }
  }

  // http://developer.postgresql.org/pgdocs/postgres/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY
  prepare(connection) {
    // TODO refactor this poor encapsulation
    if (!this.hasBeenParsed(connection)) {
      connection.parse({
        text: this.text,
        name: this.name,
        types: this.types,
      })
      if (this.name) {
        connection.submittedNamedStatements[this.name] = this.text
      }
    }

    // because we're mapping user supplied values to
    // postgres wire protocol compatible values it could
    // throw an exception, so try/catch this section
    try {
      connection.bind({
        portal: this.portal,
        statement: this.name,
        values: this.values,
        binary: this.binary,
        valueMapper: utils.prepareValue,
      })
    } catch (err) {
      // we should close parse to avoid leaking connections
      connection.close({ type: 'S', name: this.name })
      connection.sync()

      this.handleError(err, connection)
      return
    }

    connection.describe({
      type: 'P',
      name: this.portal || '',
    })

    this._getRows(connection, this.rows)
  }

  handleCopyInResponse(connection) {
    connection.sendCopyFail('No source stream defined')
  }

  handleCopyData(msg, connection) {
    // noop
  }
}

module.exports = Query


/***/ }),

/***/ 6424:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";


const types = __nccwpck_require__(1549)

const matchRegexp = /^([A-Za-z]+)(?: (\d+))?(?: (\d+))?/

// result object returned from query
// in the 'end' event and also
// passed as second argument to provided callback
class Result {
  constructor(rowMode, types) {
    this.command = null
    this.rowCount = null
    this.oid = null
    this.rows = []
    this.fields = []
    this._parsers = undefined
    this._types = types
    this.RowCtor = null
    this.rowAsArray = rowMode === 'array'
    if (this.rowAsArray) {
      this.parseRow = this._parseRowAsArray
    }
    this._prebuiltEmptyResultObject = null
  }

  // adds a command complete message
  addCommandComplete(msg) {
    let match
    if (msg.text) {
      // pure javascript
      match = matchRegexp.exec(msg.text)
    } else {
      // native bindings
      match = matchRegexp.exec(msg.command)
    }
    if (match) {
      this.command = match[1]
      if (match[3]) {
        // COMMAND OID ROWS
        this.oid = parseInt(match[2], 10)
        this.rowCount = parseInt(match[3], 10)
      } else if (match[2]) {
        // COMMAND ROWS
        this.rowCount = parseInt(match[2], 10)
      }
    }
  }

  _parseRowAsArray(rowData) {
    const row = new Array(rowData.length)
    for (let i = 0, len = rowData.length; i < len; i++) {
      const rawValue = rowData[i]
      if (rawValue !== null) {
        row[i] = this._parsers[i](rawValue)
      } else {
        row[i] = null
      }
    }
    return row
  }

  parseRow(rowData) {
    const row = { ...this._prebuiltEmptyResultObject }
    for (let i = 0, len = rowData.length; i < len; i++) {
      const rawValue = rowData[i]
      const field = this.fields[i].name
      if (rawValue !== null) {
        const v = this.fields[i].format === 'binary' ? Buffer.from(rawValue) : rawValue
        row[field] = this._parsers[i](v)
      } else {
        row[field] = null
      }
    }
    return row
  }

  addRow(row) {
    this.rows.push(row)
  }

  addFields(fieldDescriptions) {
    // clears field definitions
    // multiple query statements in 1 action can result in multiple sets
    // of rowDescriptions...eg: 'select NOW(); select 1::int;'
    // you need to reset the fields
    this.fields = fieldDescriptions
    if (this.fields.length) {
      this._parsers = new Array(fieldDescriptions.length)
    }

    const row = Object.create(null)

    for (let i = 0; i < fieldDescriptions.length; i++) {
      const desc = fieldDescriptions[i]
      row[desc.name] = null

      if (this._types) {
        this._parsers[i] = this._types.getTypeParser(desc.dataTypeID, desc.format || 'text')
      } else {
        this._parsers[i] = types.getTypeParser(desc.dataTypeID, desc.format || 'text')
      }
    }

    this._prebuiltEmptyResultObject = { ...row }
  }
}

module.exports = Result


/***/ }),

/***/ 829:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { getStream, getSecureStream } = getStreamFuncs()

module.exports = {
  /**
   * Get a socket stream compatible with the current runtime environment.
   * @returns {Duplex}
   */
  getStream,
  /**
   * Get a TLS secured socket, compatible with the current environment,
   * using the socket and other settings given in `options`.
   * @returns {Duplex}
   */
  getSecureStream,
}

/**
 * The stream functions that work in Node.js
 */
function getNodejsStreamFuncs() {
  function getStream(ssl) {
    const net = __nccwpck_require__(9278)
    return new net.Socket()
  }

  function getSecureStream(options) {
    const tls = __nccwpck_require__(4756)
    return tls.connect(options)
  }
  return {
    getStream,
    getSecureStream,
  }
}

/**
 * The stream functions that work in Cloudflare Workers
 */
function getCloudflareStreamFuncs() {
  function getStream(ssl) {
    const { CloudflareSocket } = __nccwpck_require__(785)
    return new CloudflareSocket(ssl)
  }

  function getSecureStream(options) {
    options.socket.startTls(options)
    return options.socket
  }
  return {
    getStream,
    getSecureStream,
  }
}

/**
 * Are we running in a Cloudflare Worker?
 *
 * @returns true if the code is currently running inside a Cloudflare Worker.
 */
function isCloudflareRuntime() {
  // Since 2022-03-21 the `global_navigator` compatibility flag is on for Cloudflare Workers
  // which means that `navigator.userAgent` will be defined.
  // eslint-disable-next-line no-undef
  if (typeof navigator === 'object' && navigator !== null && typeof navigator.userAgent === 'string') {
    // eslint-disable-next-line no-undef
    return navigator.userAgent === 'Cloudflare-Workers'
  }
  // In case `navigator` or `navigator.userAgent` is not defined then try a more sneaky approach
  if (typeof Response === 'function') {
    const resp = new Response(null, { cf: { thing: true } })
    if (typeof resp.cf === 'object' && resp.cf !== null && resp.cf.thing) {
      return true
    }
  }
  return false
}

function getStreamFuncs() {
  if (isCloudflareRuntime()) {
    return getCloudflareStreamFuncs()
  }
  return getNodejsStreamFuncs()
}


/***/ }),

/***/ 365:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";


const types = __nccwpck_require__(1549)

function TypeOverrides(userTypes) {
  this._types = userTypes || types
  this.text = {}
  this.binary = {}
}

TypeOverrides.prototype.getOverrides = function (format) {
  switch (format) {
    case 'text':
      return this.text
    case 'binary':
      return this.binary
    default:
      return {}
  }
}

TypeOverrides.prototype.setTypeParser = function (oid, format, parseFn) {
  if (typeof format === 'function') {
    parseFn = format
    format = 'text'
  }
  this.getOverrides(format)[oid] = parseFn
}

TypeOverrides.prototype.getTypeParser = function (oid, format) {
  format = format || 'text'
  return this.getOverrides(format)[oid] || this._types.getTypeParser(oid, format)
}

module.exports = TypeOverrides


/***/ }),

/***/ 9652:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";


const defaults = __nccwpck_require__(8995)
const nodeUtils = __nccwpck_require__(9023)

const { isDate } = __nccwpck_require__(8253)

const invalidDateDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Sending an invalid date to Postgres is deprecated and will throw an error in the next major version of pg. Ensure any Date object passed as a query parameter is valid.',
  'PG_INVALID_DATE'
)

function escapeElement(elementRepresentation) {
  const escaped = elementRepresentation.replace(/\\/g, '\\\\').replace(/"/g, '\\"')

  return '"' + escaped + '"'
}

// convert a JS array to a postgres array literal
// uses comma separator so won't work for types like box that use
// a different array separator.
function arrayString(val) {
  let result = '{'
  for (let i = 0; i < val.length; i++) {
    if (i > 0) {
      result += ','
    }
    let item = val[i]
    if (item == null) {
      result += 'NULL'
    } else if (Array.isArray(item)) {
      result += arrayString(item)
    } else if (ArrayBuffer.isView(item)) {
      if (!(item instanceof Buffer)) {
        item = Buffer.from(item.buffer, item.byteOffset, item.byteLength)
      }
      result += '\\\\x' + item.toString('hex')
    } else {
      result += escapeElement(prepareValue(item))
    }
  }
  result += '}'
  return result
}

// converts values from javascript types
// to their 'raw' counterparts for use as a postgres parameter
// note: you can override this function to provide your own conversion mechanism
// for complex types, etc...
const prepareValue = function (val, seen) {
  // null and undefined are both null for postgres
  if (val == null) {
    return null
  }
  if (typeof val === 'object') {
    if (val instanceof Buffer) {
      return val
    }
    if (ArrayBuffer.isView(val)) {
      return Buffer.from(val.buffer, val.byteOffset, val.byteLength)
    }
    if (isDate(val)) {
      if (isNaN(val.getTime())) {
        invalidDateDeprecationNotice()
      }
      if (defaults.parseInputDatesAsUTC) {
        return dateToStringUTC(val)
      } else {
        return dateToString(val)
      }
    }
    if (Array.isArray(val)) {
      return arrayString(val)
    }

    return prepareObject(val, seen)
  }
  return val.toString()
}

function prepareObject(val, seen) {
  if (val && typeof val.toPostgres === 'function') {
    seen = seen || []
    if (seen.indexOf(val) !== -1) {
      throw new Error('circular reference detected while preparing "' + val + '" for query')
    }
    seen.push(val)

    return prepareValue(val.toPostgres(prepareValue), seen)
  }
  return JSON.stringify(val)
}

function dateToString(date) {
  let offset = -date.getTimezoneOffset()

  let year = date.getFullYear()
  const isBCYear = year < 1
  if (isBCYear) year = Math.abs(year) + 1 // negative years are 1 off their BC representation

  let ret =
    String(year).padStart(4, '0') +
    '-' +
    String(date.getMonth() + 1).padStart(2, '0') +
    '-' +
    String(date.getDate()).padStart(2, '0') +
    'T' +
    String(date.getHours()).padStart(2, '0') +
    ':' +
    String(date.getMinutes()).padStart(2, '0') +
    ':' +
    String(date.getSeconds()).padStart(2, '0') +
    '.' +
    String(date.getMilliseconds()).padStart(3, '0')

  if (offset < 0) {
    ret += '-'
    offset *= -1
  } else {
    ret += '+'
  }

  ret += String(Math.floor(offset / 60)).padStart(2, '0') + ':' + String(offset % 60).padStart(2, '0')
  if (isBCYear) ret += ' BC'
  return ret
}

function dateToStringUTC(date) {
  let year = date.getUTCFullYear()
  const isBCYear = year < 1
  if (isBCYear) year = Math.abs(year) + 1 // negative years are 1 off their BC representation

  let ret =
    String(year).padStart(4, '0') +
    '-' +
    String(date.getUTCMonth() + 1).padStart(2, '0') +
    '-' +
    String(date.getUTCDate()).padStart(2, '0') +
    'T' +
    String(date.getUTCHours()).padStart(2, '0') +
    ':' +
    String(date.getUTCMinutes()).padStart(2, '0') +
    ':' +
    String(date.getUTCSeconds()).padStart(2, '0') +
    '.' +
    String(date.getUTCMilliseconds()).padStart(3, '0')

  ret += '+00:00'
  if (isBCYear) ret += ' BC'
  return ret
}

function normalizeQueryConfig(config, values, callback) {
  // can take in strings or config objects
  // Copy config so normalization does not mutate the caller's object.
  config = typeof config === 'string' ? { text: config } : cloneQueryConfig(config)
  if (values) {
    if (typeof values === 'function') {
      config.callback = values
    } else {
      config.values = values
    }
  }
  if (callback) {
    config.callback = callback
  }
  return config
}

function cloneQueryConfig(config) {
  if (config == null) {
    return config
  }
  return Object.defineProperties(Object.create(Object.getPrototypeOf(config)), Object.getOwnPropertyDescriptors(config))
}

// Ported from PostgreSQL 9.2.4 source code in src/interfaces/libpq/fe-exec.c
const escapeIdentifier = function (str) {
  return '"' + str.replace(/"/g, '""') + '"'
}

const escapeLiteral = function (str) {
  let hasBackslash = false
  let escaped = "'"

  if (str == null) {
    return "''"
  }

  if (typeof str !== 'string') {
    return "''"
  }

  for (let i = 0; i < str.length; i++) {
    const c = str[i]
    if (c === "'") {
      escaped += c + c
    } else if (c === '\\') {
      escaped += c + c
      hasBackslash = true
    } else {
      escaped += c
    }
  }

  escaped += "'"

  if (hasBackslash === true) {
    escaped = ' E' + escaped
  }

  return escaped
}

module.exports = {
  prepareValue: function prepareValueWrapper(value) {
    // this ensures that extra arguments do not get passed into prepareValue
    // by accident, eg: from calling values.map(utils.prepareValue)
    return prepareValue(value)
  },
  normalizeQueryConfig,
  escapeIdentifier,
  escapeLiteral,
}


/***/ }),

/***/ 8702:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";


var path = __nccwpck_require__(6928)
  , Stream = (__nccwpck_require__(2203).Stream)
  , split = __nccwpck_require__(5286)
  , util = __nccwpck_require__(9023)
  , defaultPort = 5432
  , isWin = (process.platform === 'win32')
  , warnStream = process.stderr
;


var S_IRWXG = 56     //    00070(8)
  , S_IRWXO = 7      //    00007(8)
  , S_IFMT  = 61440  // 00170000(8)
  , S_IFREG = 32768  //  0100000(8)
;
function isRegFile(mode) {
    return ((mode & S_IFMT) == S_IFREG);
}

var fieldNames = [ 'host', 'port', 'database', 'user', 'password' ];
var nrOfFields = fieldNames.length;
var passKey = fieldNames[ nrOfFields -1 ];


function warn() {
    var isWritable = (
        warnStream instanceof Stream &&
          true === warnStream.writable
    );

    if (isWritable) {
        var args = Array.prototype.slice.call(arguments).concat("\n");
        warnStream.write( util.format.apply(util, args) );
    }
}


Object.defineProperty(module.exports, "isWin", ({
    get : function() {
        return isWin;
    } ,
    set : function(val) {
        isWin = val;
    }
}));


module.exports.warnTo = function(stream) {
    var old = warnStream;
    warnStream = stream;
    return old;
};

module.exports.getFileName = function(rawEnv){
    var env = rawEnv || process.env;
    var file = env.PGPASSFILE || (
        isWin ?
          path.join( env.APPDATA || './' , 'postgresql', 'pgpass.conf' ) :
          path.join( env.HOME || './', '.pgpass' )
    );
    return file;
};

module.exports.usePgPass = function(stats, fname) {
    if (Object.prototype.hasOwnProperty.call(process.env, 'PGPASSWORD')) {
        return false;
    }

    if (isWin) {
        return true;
    }

    fname = fname || '<unkn>';

    if (! isRegFile(stats.mode)) {
        warn('WARNING: password file "%s" is not a plain file', fname);
        return false;
    }

    if (stats.mode & (S_IRWXG | S_IRWXO)) {
        /* If password file is insecure, alert the user and ignore it. */
        warn('WARNING: password file "%s" has group or world access; permissions should be u=rw (0600) or less', fname);
        return false;
    }

    return true;
};


var matcher = module.exports.match = function(connInfo, entry) {
    return fieldNames.slice(0, -1).reduce(function(prev, field, idx){
        if (idx == 1) {
            // the port
            if ( Number( connInfo[field] || defaultPort ) === Number( entry[field] ) ) {
                return prev && true;
            }
        }
        return prev && (
            entry[field] === '*' ||
              entry[field] === connInfo[field]
        );
    }, true);
};


module.exports.getPassword = function(connInfo, stream, cb) {
    var pass;
    var lineStream = stream.pipe(split());

    function onLine(line) {
        var entry = parseLine(line);
        if (entry && isValidEntry(entry) && matcher(connInfo, entry)) {
            pass = entry[passKey];
            lineStream.end(); // -> calls onEnd(), but pass is set now
        }
    }

    var onEnd = function() {
        stream.destroy();
        cb(pass);
    };

    var onErr = function(err) {
        stream.destroy();
        warn('WARNING: error on reading file: %s', err);
        cb(undefined);
    };

    stream.on('error', onErr);
    lineStream
        .on('data', onLine)
        .on('end', onEnd)
        .on('error', onErr)
    ;

};


var parseLine = module.exports.parseLine = function(line) {
    if (line.length < 11 || line.match(/^\s+#/)) {
        return null;
    }

    var curChar = '';
    var prevChar = '';
    var fieldIdx = 0;
    var startIdx = 0;
    var endIdx = 0;
    var obj = {};
    var isLastField = false;
    var addToObj = function(idx, i0, i1) {
        var field = line.substring(i0, i1);

        if (! Object.hasOwnProperty.call(process.env, 'PGPASS_NO_DEESCAPE')) {
            field = field.replace(/\\([:\\])/g, '$1');
        }

        obj[ fieldNames[idx] ] = field;
    };

    for (var i = 0 ; i < line.length-1 ; i += 1) {
        curChar = line.charAt(i+1);
        prevChar = line.charAt(i);

        isLastField = (fieldIdx == nrOfFields-1);

        if (isLastField) {
            addToObj(fieldIdx, startIdx);
            break;
        }

        if (i >= 0 && curChar == ':' && prevChar !== '\\') {
            addToObj(fieldIdx, startIdx, i+1);

            startIdx = i+2;
            fieldIdx += 1;
        }
    }

    obj = ( Object.keys(obj).length === nrOfFields ) ? obj : null;

    return obj;
};


var isValidEntry = module.exports.isValidEntry = function(entry){
    var rules = {
        // host
        0 : function(x){
            return x.length > 0;
        } ,
        // port
        1 : function(x){
            if (x === '*') {
                return true;
            }
            x = Number(x);
            return (
                isFinite(x) &&
                  x > 0 &&
                  x < 9007199254740992 &&
                  Math.floor(x) === x
            );
        } ,
        // database
        2 : function(x){
            return x.length > 0;
        } ,
        // username
        3 : function(x){
            return x.length > 0;
        } ,
        // password
        4 : function(x){
            return x.length > 0;
        }
    };

    for (var idx = 0 ; idx < fieldNames.length ; idx += 1) {
        var rule = rules[idx];
        var value = entry[ fieldNames[idx] ] || '';

        var res = rule(value);
        if (!res) {
            return false;
        }
    }

    return true;
};



/***/ }),

/***/ 3272:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";


var path = __nccwpck_require__(6928)
  , fs = __nccwpck_require__(9896)
  , helper = __nccwpck_require__(8702)
;


module.exports = function(connInfo, cb) {
    var file = helper.getFileName();
    
    fs.stat(file, function(err, stat){
        if (err || !helper.usePgPass(stat, file)) {
            return cb(undefined);
        }

        var st = fs.createReadStream(file);

        helper.getPassword(connInfo, st, cb);
    });
};

module.exports.warnTo = helper.warnTo;


/***/ }),

/***/ 3879:
/***/ ((__unused_webpack_module, exports) => {

"use strict";


exports.parse = function (source, transform) {
  return new ArrayParser(source, transform).parse()
}

class ArrayParser {
  constructor (source, transform) {
    this.source = source
    this.transform = transform || identity
    this.position = 0
    this.entries = []
    this.recorded = []
    this.dimension = 0
  }

  isEof () {
    return this.position >= this.source.length
  }

  nextCharacter () {
    var character = this.source[this.position++]
    if (character === '\\') {
      return {
        value: this.source[this.position++],
        escaped: true
      }
    }
    return {
      value: character,
      escaped: false
    }
  }

  record (character) {
    this.recorded.push(character)
  }

  newEntry (includeEmpty) {
    var entry
    if (this.recorded.length > 0 || includeEmpty) {
      entry = this.recorded.join('')
      if (entry === 'NULL' && !includeEmpty) {
        entry = null
      }
      if (entry !== null) entry = this.transform(entry)
      this.entries.push(entry)
      this.recorded = []
    }
  }

  consumeDimensions () {
    if (this.source[0] === '[') {
      while (!this.isEof()) {
        var char = this.nextCharacter()
        if (char.value === '=') break
      }
    }
  }

  parse (nested) {
    var character, parser, quote
    this.consumeDimensions()
    while (!this.isEof()) {
      character = this.nextCharacter()
      if (character.value === '{' && !quote) {
        this.dimension++
        if (this.dimension > 1) {
          parser = new ArrayParser(this.source.substr(this.position - 1), this.transform)
          this.entries.push(parser.parse(true))
          this.position += parser.position - 2
        }
      } else if (character.value === '}' && !quote) {
        this.dimension--
        if (!this.dimension) {
          this.newEntry()
          if (nested) return this.entries
        }
      } else if (character.value === '"' && !character.escaped) {
        if (quote) this.newEntry(true)
        quote = !quote
      } else if (character.value === ',' && !quote) {
        this.newEntry()
      } else {
        this.record(character.value)
      }
    }
    if (this.dimension !== 0) {
      throw new Error('array dimension not balanced')
    }
    return this.entries
  }
}

function identity (value) {
  return value
}


/***/ }),

/***/ 463:
/***/ ((module) => {

"use strict";


var bufferFrom = Buffer.from || Buffer

module.exports = function parseBytea (input) {
  if (/^\\x/.test(input)) {
    // new 'hex' style response (pg >9.0)
    return bufferFrom(input.substr(2), 'hex')
  }
  var output = ''
  var i = 0
  while (i < input.length) {
    if (input[i] !== '\\') {
      output += input[i]
      ++i
    } else {
      if (/[0-7]{3}/.test(input.substr(i + 1, 3))) {
        output += String.fromCharCode(parseInt(input.substr(i + 1, 3), 8))
        i += 4
      } else {
        var backslashes = 1
        while (i + backslashes < input.length && input[i + backslashes] === '\\') {
          backslashes++
        }
        for (var k = 0; k < Math.floor(backslashes / 2); ++k) {
          output += '\\'
        }
        i += Math.floor(backslashes / 2) * 2
      }
    }
  }
  return bufferFrom(output, 'binary')
}


/***/ }),

/***/ 2690:
/***/ ((module) => {

"use strict";


var DATE_TIME = /(\d{1,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,})?.*?( BC)?$/
var DATE = /^(\d{1,})-(\d{2})-(\d{2})( BC)?$/
var TIME_ZONE = /([Z+-])(\d{2})?:?(\d{2})?:?(\d{2})?/
var INFINITY = /^-?infinity$/

module.exports = function parseDate (isoDate) {
  if (INFINITY.test(isoDate)) {
    // Capitalize to Infinity before passing to Number
    return Number(isoDate.replace('i', 'I'))
  }
  var matches = DATE_TIME.exec(isoDate)

  if (!matches) {
    // Force YYYY-MM-DD dates to be parsed as local time
    return getDate(isoDate) || null
  }

  var isBC = !!matches[8]
  var year = parseInt(matches[1], 10)
  if (isBC) {
    year = bcYearToNegativeYear(year)
  }

  var month = parseInt(matches[2], 10) - 1
  var day = matches[3]
  var hour = parseInt(matches[4], 10)
  var minute = parseInt(matches[5], 10)
  var second = parseInt(matches[6], 10)

  var ms = matches[7]
  ms = ms ? 1000 * parseFloat(ms) : 0

  var date
  var offset = timeZoneOffset(isoDate)
  if (offset != null) {
    date = new Date(Date.UTC(year, month, day, hour, minute, second, ms))

    // Account for years from 0 to 99 being interpreted as 1900-1999
    // by Date.UTC / the multi-argument form of the Date constructor
    if (is0To99(year)) {
      date.setUTCFullYear(year)
    }

    if (offset !== 0) {
      date.setTime(date.getTime() - offset)
    }
  } else {
    date = new Date(year, month, day, hour, minute, second, ms)

    if (is0To99(year)) {
      date.setFullYear(year)
    }
  }

  return date
}

function getDate (isoDate) {
  var matches = DATE.exec(isoDate)
  if (!matches) {
    return
  }

  var year = parseInt(matches[1], 10)
  var isBC = !!matches[4]
  if (isBC) {
    year = bcYearToNegativeYear(year)
  }

  var month = parseInt(matches[2], 10) - 1
  var day = matches[3]
  // YYYY-MM-DD will be parsed as local time
  var date = new Date(year, month, day)

  if (is0To99(year)) {
    date.setFullYear(year)
  }

  return date
}

// match timezones:
// Z (UTC)
// -05
// +06:30
function timeZoneOffset (isoDate) {
  if (isoDate.endsWith('+00')) {
    return 0
  }

  var zone = TIME_ZONE.exec(isoDate.split(' ')[1])
  if (!zone) return
  var type = zone[1]

  if (type === 'Z') {
    return 0
  }
  var sign = type === '-' ? -1 : 1
  var offset = parseInt(zone[2], 10) * 3600 +
    parseInt(zone[3] || 0, 10) * 60 +
    parseInt(zone[4] || 0, 10)

  return offset * sign * 1000
}

function bcYearToNegativeYear (year) {
  // Account for numerical difference between representations of BC years
  // See: https://github.com/bendrucker/postgres-date/issues/5
  return -(year - 1)
}

function is0To99 (num) {
  return num >= 0 && num < 100
}


/***/ }),

/***/ 8755:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";


var extend = __nccwpck_require__(223)

module.exports = PostgresInterval

function PostgresInterval (raw) {
  if (!(this instanceof PostgresInterval)) {
    return new PostgresInterval(raw)
  }
  extend(this, parse(raw))
}
var properties = ['seconds', 'minutes', 'hours', 'days', 'months', 'years']
PostgresInterval.prototype.toPostgres = function () {
  var filtered = properties.filter(this.hasOwnProperty, this)

  // In addition to `properties`, we need to account for fractions of seconds.
  if (this.milliseconds && filtered.indexOf('seconds') < 0) {
    filtered.push('seconds')
  }

  if (filtered.length === 0) return '0'
  return filtered
    .map(function (property) {
      var value = this[property] || 0

      // Account for fractional part of seconds,
      // remove trailing zeroes.
      if (property === 'seconds' && this.milliseconds) {
        value = (value + this.milliseconds / 1000).toFixed(6).replace(/\.?0+$/, '')
      }

      return value + ' ' + property
    }, this)
    .join(' ')
}

var propertiesISOEquivalent = {
  years: 'Y',
  months: 'M',
  days: 'D',
  hours: 'H',
  minutes: 'M',
  seconds: 'S'
}
var dateProperties = ['years', 'months', 'days']
var timeProperties = ['hours', 'minutes', 'seconds']
// according to ISO 8601
PostgresInterval.prototype.toISOString = PostgresInterval.prototype.toISO = function () {
  var datePart = dateProperties
    .map(buildProperty, this)
    .join('')

  var timePart = timeProperties
    .map(buildProperty, this)
    .join('')

  return 'P' + datePart + 'T' + timePart

  function buildProperty (property) {
    var value = this[property] || 0

    // Account for fractional part of seconds,
    // remove trailing zeroes.
    if (property === 'seconds' && this.milliseconds) {
      value = (value + this.milliseconds / 1000).toFixed(6).replace(/0+$/, '')
    }

    return value + propertiesISOEquivalent[property]
  }
}

var NUMBER = '([+-]?\\d+)'
var YEAR = NUMBER + '\\s+years?'
var MONTH = NUMBER + '\\s+mons?'
var DAY = NUMBER + '\\s+days?'
var TIME = '([+-])?([\\d]*):(\\d\\d):(\\d\\d)\\.?(\\d{1,6})?'
var INTERVAL = new RegExp([YEAR, MONTH, DAY, TIME].map(function (regexString) {
  return '(' + regexString + ')?'
})
  .join('\\s*'))

// Positions of values in regex match
var positions = {
  years: 2,
  months: 4,
  days: 6,
  hours: 9,
  minutes: 10,
  seconds: 11,
  milliseconds: 12
}
// We can use negative time
var negatives = ['hours', 'minutes', 'seconds', 'milliseconds']

function parseMilliseconds (fraction) {
  // add omitted zeroes
  var microseconds = fraction + '000000'.slice(fraction.length)
  return parseInt(microseconds, 10) / 1000
}

function parse (interval) {
  if (!interval) return {}
  var matches = INTERVAL.exec(interval)
  var isNegative = matches[8] === '-'
  return Object.keys(positions)
    .reduce(function (parsed, property) {
      var position = positions[property]
      var value = matches[position]
      // no empty string
      if (!value) return parsed
      // milliseconds are actually microseconds (up to 6 digits)
      // with omitted trailing zeroes.
      value = property === 'milliseconds'
        ? parseMilliseconds(value)
        : parseInt(value, 10)
      // no zeros
      if (!value) return parsed
      if (isNegative && ~negatives.indexOf(property)) {
        value *= -1
      }
      parsed[property] = value
      return parsed
    }, {})
}


/***/ }),

/***/ 5286:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

"use strict";
/*
Copyright (c) 2014-2021, Matteo Collina <hello@matteocollina.com>

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR
IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
*/



const { Transform } = __nccwpck_require__(2203)
const { StringDecoder } = __nccwpck_require__(3193)
const kLast = Symbol('last')
const kDecoder = Symbol('decoder')

function transform (chunk, enc, cb) {
  let list
  if (this.overflow) { // Line buffer is full. Skip to start of next line.
    const buf = this[kDecoder].write(chunk)
    list = buf.split(this.matcher)

    if (list.length === 1) return cb() // Line ending not found. Discard entire chunk.

    // Line ending found. Discard trailing fragment of previous line and reset overflow state.
    list.shift()
    this.overflow = false
  } else {
    this[kLast] += this[kDecoder].write(chunk)
    list = this[kLast].split(this.matcher)
  }

  this[kLast] = list.pop()

  for (let i = 0; i < list.length; i++) {
    try {
      push(this, this.mapper(list[i]))
    } catch (error) {
      return cb(error)
    }
  }

  this.overflow = this[kLast].length > this.maxLength
  if (this.overflow && !this.skipOverflow) {
    cb(new Error('maximum buffer reached'))
    return
  }

  cb()
}

function flush (cb) {
  // forward any gibberish left in there
  this[kLast] += this[kDecoder].end()

  if (this[kLast]) {
    try {
      push(this, this.mapper(this[kLast]))
    } catch (error) {
      return cb(error)
    }
  }

  cb()
}

function push (self, val) {
  if (val !== undefined) {
    self.push(val)
  }
}

function noop (incoming) {
  return incoming
}

function split (matcher, mapper, options) {
  // Set defaults for any arguments not supplied.
  matcher = matcher || /\r?\n/
  mapper = mapper || noop
  options = options || {}

  // Test arguments explicitly.
  switch (arguments.length) {
    case 1:
      // If mapper is only argument.
      if (typeof matcher === 'function') {
        mapper = matcher
        matcher = /\r?\n/
      // If options is only argument.
      } else if (typeof matcher === 'object' && !(matcher instanceof RegExp) && !matcher[Symbol.split]) {
        options = matcher
        matcher = /\r?\n/
      }
      break

    case 2:
      // If mapper and options are arguments.
      if (typeof matcher === 'function') {
        options = mapper
        mapper = matcher
        matcher = /\r?\n/
      // If matcher and options are arguments.
      } else if (typeof mapper === 'object') {
        options = mapper
        mapper = noop
      }
  }

  options = Object.assign({}, options)
  options.autoDestroy = true
  options.transform = transform
  options.flush = flush
  options.readableObjectMode = true

  const stream = new Transform(options)

  stream[kLast] = ''
  stream[kDecoder] = new StringDecoder('utf8')
  stream.matcher = matcher
  stream.mapper = mapper
  stream.maxLength = options.maxLength
  stream.skipOverflow = options.skipOverflow || false
  stream.overflow = false
  stream._destroy = function (err, cb) {
    // Weird Node v12 bug that we need to work around
    this._writableState.errorEmitted = false
    cb(err)
  }

  return stream
}

module.exports = split


/***/ }),

/***/ 223:
/***/ ((module) => {

module.exports = extend

var hasOwnProperty = Object.prototype.hasOwnProperty;

function extend(target) {
    for (var i = 1; i < arguments.length; i++) {
        var source = arguments[i]

        for (var key in source) {
            if (hasOwnProperty.call(source, key)) {
                target[key] = source[key]
            }
        }
    }

    return target
}


/***/ }),

/***/ 9630:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.execCommandRunner = void 0;
const exec_1 = __nccwpck_require__(5236);
/** The engine's external commands, run through @actions/exec (quiet: the engine reports them). */
exports.execCommandRunner = {
    async run(command, args, opts = {}) {
        const res = await (0, exec_1.getExecOutput)(command, args, {
            input: opts.input,
            cwd: opts.cwd,
            env: opts.env ? { ...process.env, ...opts.env } : undefined,
            ignoreReturnCode: true,
            silent: true,
        });
        return { exitCode: res.exitCode, stdout: res.stdout, stderr: res.stderr };
    },
};


/***/ }),

/***/ 161:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ProgressTicker = exports.ProgressMeter = void 0;
exports.formatProgressLine = formatProgressLine;
exports.formatProgressJson = formatProgressJson;
const format_bytes_1 = __nccwpck_require__(9164);
/** Samples older than this leave the rate: it follows the copy's speed now, not its average. */
const RATE_WINDOW_MS = 10_000;
/**
 * The state progress lines are made of, fed by the engine's logger calls. Pure apart from the
 * clock, so the printing cadence (the adapters' business) is tested apart from the arithmetic.
 */
class ProgressMeter {
    nowMs;
    phaseName = 'starting';
    done = { bytes: 0, totalBytes: 0, files: 0, totalFiles: 0 };
    samples = [];
    startedMs;
    constructor(nowMs = () => Date.now()) {
        this.nowMs = nowMs;
        this.startedMs = nowMs();
    }
    phase(name) {
        this.phaseName = name;
    }
    copy(done) {
        this.done = done;
        const now = this.nowMs();
        this.samples.push({ atMs: now, bytes: done.bytes });
        while (this.samples.length > 2 && now - this.samples[0].atMs > RATE_WINDOW_MS)
            this.samples.shift();
    }
    snapshot() {
        const now = this.nowMs();
        const first = this.samples[0];
        const last = this.samples[this.samples.length - 1];
        // Counted up to now, so a stalled copy shows its rate falling instead of the last good one.
        const spanMs = first ? now - first.atMs : 0;
        const rate = first && last && spanMs > 0 && this.samples.length > 1 ? ((last.bytes - first.bytes) * 1000) / spanMs : null;
        const left = this.done.totalBytes - this.done.bytes;
        return {
            phase: this.phaseName,
            ...this.done,
            rateBytesPerSecond: rate,
            etaSeconds: rate && rate > 0 && this.done.totalBytes > 0 ? Math.max(0, Math.round(left / rate)) : null,
            elapsedSeconds: Math.round((now - this.startedMs) / 1000),
        };
    }
}
exports.ProgressMeter = ProgressMeter;
/** One line for people: `copy: 512.0 MB of 1.4 GB (36%), 40/120 files, 85.3 MB/s, ETA 11 s`. */
function formatProgressLine(s) {
    if (s.totalBytes === 0 && s.bytes === 0)
        return `${s.phase} (${s.elapsedSeconds} s elapsed)`;
    const pct = s.totalBytes > 0 ? Math.min(100, Math.floor((s.bytes * 100) / s.totalBytes)) : 100;
    const rate = s.rateBytesPerSecond === null ? '' : `, ${(0, format_bytes_1.formatBytes)(Math.round(s.rateBytesPerSecond))}/s`;
    const eta = s.etaSeconds === null ? '' : `, ETA ${formatDuration(s.etaSeconds)}`;
    return `${s.phase}: ${(0, format_bytes_1.formatBytes)(s.bytes)} of ${(0, format_bytes_1.formatBytes)(s.totalBytes)} (${pct}%), ${s.files}/${s.totalFiles} files${rate}${eta}`;
}
/** One JSON object per line for machines (--progress=json). */
function formatProgressJson(s) {
    return JSON.stringify({ type: 'progress', ...s, rateBytesPerSecond: s.rateBytesPerSecond === null ? null : Math.round(s.rateBytesPerSecond) });
}
function formatDuration(seconds) {
    if (seconds < 120)
        return `${seconds} s`;
    if (seconds < 7200)
        return `${Math.round(seconds / 60)} min`;
    return `${(seconds / 3600).toFixed(1)} h`;
}
/**
 * Prints the meter's line every `intervalMs` while a run lasts, and once at each phase change:
 * steady even through phases that report no bytes (a scan, a checkpoint), so a log never goes
 * quiet for long, and never more often than the interval between phase changes.
 */
class ProgressTicker {
    meter;
    print;
    intervalMs;
    timer = null;
    constructor(meter, print, intervalMs) {
        this.meter = meter;
        this.print = print;
        this.intervalMs = intervalMs;
    }
    start() {
        this.timer ??= setInterval(() => this.print(this.meter.snapshot()), this.intervalMs);
        this.timer.unref(); // never what keeps the process alive
    }
    phase(name) {
        this.meter.phase(name);
        this.print(this.meter.snapshot());
    }
    stop() {
        if (this.timer)
            clearInterval(this.timer);
        this.timer = null;
    }
}
exports.ProgressTicker = ProgressTicker;


/***/ }),

/***/ 6603:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CATCHUP_HELP = void 0;
exports.runCatchup = runCatchup;
const fs = __importStar(__nccwpck_require__(9896));
const exec_command_runner_1 = __nccwpck_require__(9630);
const catchup_1 = __nccwpck_require__(6295);
const full_1 = __nccwpck_require__(912);
const parse_flags_1 = __nccwpck_require__(8311);
const progress_printer_1 = __nccwpck_require__(590);
const render_plan_1 = __nccwpck_require__(606);
const render_summary_1 = __nccwpck_require__(3213);
const usage_error_1 = __nccwpck_require__(4226);
exports.CATCHUP_HELP = `pg-catchup catchup: copy a running PostgreSQL primary (or a stopped data directory on
this host) into a local data directory.

Usage:
  pg-catchup catchup -b FULL|DELTA|PTRACK|AUTO --destination-pgdata=DIR [OPTION]...

Options:
  -b, --backup-mode=MODE         FULL: copy everything into a new or empty directory
                                 DELTA: bring an existing, stopped copy of the source up to
                                 date (a lagging standby, or an old primary after failover)
                                 PTRACK: as DELTA, but the source's changed blocks come from
                                 its change tracking (WAL summaries on PostgreSQL 17+ with
                                 summarize_wal = on, or the ptrack extension): no data file
                                 of the source is scanned
                                 AUTO: FULL for an absent or empty target, else DELTA
  -D, --destination-pgdata=DIR   the target data directory
      --source-pgdata=DIR        FULL, DELTA, AUTO: read the source from this data directory on
                                 this host, of a cleanly stopped cluster (no connection, no
                                 backup session); connection options, if given, are only what
                                 -R writes into primary_conninfo
      --dry-run                  build and print the plan, change nothing (FULL: the checks
                                 and the bytes it would copy)
  -c, --restore-target-wal       DELTA: fetch target WAL that pg_wal no longer has through its
                                 restore_command (a diverged target is then synced from its last
                                 checkpoint before the fork, not from the fork point)
      --target-bindir=DIR        bin directory of the target's PostgreSQL (for -c)
      --keep-discarded-wal=DIR   DELTA into a diverged target: first keep its WAL from the fork
                                 on in DIR (new or empty), to read what was discarded with pg_waldump
      --no-space-check           FULL: skip the check that the target's file system has room
                                 for the databases plus WAL (a full disk then stops the run, and
                                 the same command resumes it once there is room)
      --start-over               FULL: an interrupted FULL that cannot be resumed safely (the
                                 source has neither data checksums nor wal_log_hints) is deleted
                                 and copied again; without it the run refuses
      --assume-diverged          when the source no longer has the WAL to verify that the
                                 target never wrote WAL of its own, sync it as possibly
                                 diverged after its last checkpoint (its changes are undone)
${parse_flags_1.LAYOUT_HELP}
  -j, --threads=N                parallel connections reading and writing (default 1)
      --num-write-threads=N      parallel connections reading and writing (overrides -j)
      --num-validate-threads=N   worker threads verifying the checksum of every copied page when
                                 the source has data checksums (default 0: in the main thread,
                                 where the SIMD check costs less than handing pages to a thread)
  -R, --write-recovery-conf      write standby.signal and primary_conninfo
      --store-password           also put the connection's password into primary_conninfo
                                 (by default the standby uses its ~/.pgpass)
      --fail-on-warning          a warning of the preflight checks stops the run too
  -N, --no-sync                  do not fsync what was written (faster, unsafe on a crash)
${parse_flags_1.TRANSFER_HELP}
      --report=FILE.json         write a JSON report of the run (also on failure)
      --json                     print the report as JSON on stdout instead of a summary
      --debug                    more output
  -?, --help                     show this help

${parse_flags_1.CONNECTION_HELP}

Exit status: 0 on success, 1 when the run failed or was refused, 2 on bad usage.`;
async function runCatchup(argv) {
    const { values } = (0, parse_flags_1.parseFlags)('catchup', argv, {
        ...parse_flags_1.CONNECTION_FLAGS,
        ...parse_flags_1.SOURCE_PGDATA_FLAG,
        ...parse_flags_1.LAYOUT_FLAGS,
        ...parse_flags_1.CHANGE_SOURCE_FLAG,
        'backup-mode': { type: 'string', short: 'b' },
        'destination-pgdata': { type: 'string', short: 'D' },
        threads: { type: 'string', short: 'j' },
        'num-write-threads': { type: 'string' },
        'num-validate-threads': { type: 'string' },
        'write-recovery-conf': { type: 'boolean', short: 'R' },
        'dry-run': { type: 'boolean' },
        'fail-on-warning': { type: 'boolean' },
        'restore-target-wal': { type: 'boolean', short: 'c' },
        'keep-discarded-wal': { type: 'string' },
        'assume-diverged': { type: 'boolean' },
        'target-bindir': { type: 'string' },
        'store-password': { type: 'boolean' },
        'start-over': { type: 'boolean' },
        'no-space-check': { type: 'boolean' },
        'no-sync': { type: 'boolean', short: 'N' },
        ...parse_flags_1.TRANSFER_FLAGS,
        report: { type: 'string' },
        debug: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: '?' },
    });
    if (values.help) {
        process.stdout.write(`${exports.CATCHUP_HELP}\n`);
        return 0;
    }
    const mode = values['backup-mode']?.toUpperCase();
    if (mode === undefined)
        throw new usage_error_1.UsageError('-b/--backup-mode is required (FULL, DELTA, PTRACK or AUTO)', 'catchup');
    if (!['FULL', 'DELTA', 'PTRACK', 'AUTO'].includes(mode))
        throw new usage_error_1.UsageError(`unknown backup mode "${values['backup-mode']}": use FULL, DELTA, PTRACK or AUTO`, 'catchup');
    const target = values['destination-pgdata'];
    if (!target)
        throw new usage_error_1.UsageError('--destination-pgdata is required', 'catchup');
    const where = (0, parse_flags_1.sourceValues)(values, 'catchup', mode);
    const jobs = (0, parse_flags_1.parseIntFlag)('catchup', 'threads', values.threads, 1, 64);
    const threads = (0, parse_flags_1.parseIntFlag)('catchup', 'num-write-threads', values['num-write-threads'], 1, 64) ?? jobs;
    const validateThreads = (0, parse_flags_1.parseIntFlag)('catchup', 'num-validate-threads', values['num-validate-threads'], 0, 64) ?? 0;
    const transfer = (0, parse_flags_1.transferValues)(values, 'catchup');
    const logger = (0, progress_printer_1.terminalLogger)({ progress: transfer.progress, debug: Boolean(values.debug) });
    (0, parse_flags_1.warnOfCommandLinePassword)(values.dbname, logger);
    const reportPath = values.report;
    let report;
    try {
        const common = {
            targetDir: target,
            ...where,
            env: process.env,
            ...(0, parse_flags_1.layoutValues)(values),
            threads,
            validateThreads,
            writeRecoveryConf: Boolean(values['write-recovery-conf']),
            storePassword: Boolean(values['store-password']),
            sync: !values['no-sync'],
            maxRateBytesPerSecond: transfer.maxRateBytesPerSecond,
            syncMethod: transfer.syncMethod,
            logger,
        };
        report = await (0, catchup_1.catchup)({
            ...common, mode: mode, failOnWarning: Boolean(values['fail-on-warning']), dryRun: Boolean(values['dry-run']), restoreTargetWal: Boolean(values['restore-target-wal']),
            assumeDiverged: Boolean(values['assume-diverged']),
            keepDiscardedWal: values['keep-discarded-wal'],
            startOver: Boolean(values['start-over']),
            spaceCheck: !values['no-space-check'],
            ...(0, parse_flags_1.changeSourceValues)(values, 'catchup'),
            targetBinDir: values['target-bindir'], runner: exec_command_runner_1.execCommandRunner,
        });
        logger.finish();
        if (values.json) {
            process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
            return 0;
        }
        if (report.status === 'dry-run') {
            process.stdout.write(`${(0, render_plan_1.renderPlan)(report)}\n`);
            return 0;
        }
        logger.info(`${report.mode} catchup done: ${report.files.copied} files copied, ${report.files.patched} patched, ` +
            `${(0, full_1.formatBytes)(report.files.bytesCopied)} written, WAL ${report.lsn.backupStart}..${report.lsn.backupStop}, ${(report.durationMs / 1000).toFixed(1)} s`);
        process.stdout.write(`${(0, render_summary_1.renderSummary)(report)}\n`);
        return 0;
    }
    catch (err) {
        report = err.report;
        throw err;
    }
    finally {
        logger.finish();
        if (reportPath && report)
            fs.writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    }
}


/***/ }),

/***/ 3854:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PREFLIGHT_HELP = void 0;
exports.runPreflightCommand = runPreflightCommand;
const fs = __importStar(__nccwpck_require__(9896));
const exec_command_runner_1 = __nccwpck_require__(9630);
const preflight_1 = __nccwpck_require__(194);
const parse_flags_1 = __nccwpck_require__(8311);
const progress_printer_1 = __nccwpck_require__(590);
const render_checks_1 = __nccwpck_require__(4836);
const usage_error_1 = __nccwpck_require__(4226);
exports.PREFLIGHT_HELP = `pg-catchup preflight: run every check a catchup would run, and change nothing.

Usage:
  pg-catchup preflight -b FULL|DELTA|AUTO --destination-pgdata=DIR [OPTION]...

Options:
  -b, --backup-mode=MODE         FULL, DELTA, PTRACK, or AUTO (FULL for an empty target, else DELTA)
  -D, --destination-pgdata=DIR   the target data directory
      --source-pgdata=DIR        check a cleanly stopped data directory on this host as the
                                 source instead of connecting (FULL, DELTA, AUTO)
${parse_flags_1.LAYOUT_HELP}
      --fail-on-warning          a warning fails the preflight too
      --json                     print the report as JSON on stdout
      --report=FILE.json         write the report to a file
  -?, --help                     show this help

${parse_flags_1.CONNECTION_HELP}

Exit status: 0 when every check passes, 1 when one fails, 2 on bad usage.`;
async function runPreflightCommand(argv) {
    const { values } = (0, parse_flags_1.parseFlags)('preflight', argv, {
        ...parse_flags_1.CONNECTION_FLAGS,
        ...parse_flags_1.SOURCE_PGDATA_FLAG,
        ...parse_flags_1.LAYOUT_FLAGS,
        'backup-mode': { type: 'string', short: 'b' },
        'destination-pgdata': { type: 'string', short: 'D' },
        'fail-on-warning': { type: 'boolean' },
        json: { type: 'boolean' },
        report: { type: 'string' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: '?' },
    });
    if (values.help) {
        process.stdout.write(`${exports.PREFLIGHT_HELP}\n`);
        return 0;
    }
    const mode = (values['backup-mode'] ?? 'AUTO').toUpperCase();
    if (!['FULL', 'DELTA', 'AUTO', 'PTRACK'].includes(mode))
        throw new usage_error_1.UsageError(`unknown backup mode "${values['backup-mode']}": use FULL, DELTA, PTRACK or AUTO`, 'preflight');
    const target = values['destination-pgdata'];
    if (!target)
        throw new usage_error_1.UsageError('--destination-pgdata is required', 'preflight');
    const logger = (0, progress_printer_1.terminalLogger)({ progress: false, debug: Boolean(values.debug) });
    (0, parse_flags_1.warnOfCommandLinePassword)(values.dbname, logger);
    const report = await (0, preflight_1.runPreflight)({
        mode: mode,
        targetDir: target,
        ...(0, parse_flags_1.sourceValues)(values, 'preflight', mode),
        env: process.env,
        ...(0, parse_flags_1.layoutValues)(values),
        failOnWarning: Boolean(values['fail-on-warning']),
        runner: exec_command_runner_1.execCommandRunner,
        logger,
    });
    if (values.report)
        fs.writeFileSync(values.report, `${JSON.stringify(report, null, 2)}\n`);
    if (values.json)
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
        process.stdout.write(`${(0, render_checks_1.renderChecks)(report.checks)}\n`);
        process.stdout.write(`preflight ${report.status === 'success' ? 'passed' : 'FAILED'} for ${report.mode}: ${report.nextStep}\n`);
    }
    return report.status === 'success' ? 0 : 1;
}


/***/ }),

/***/ 8356:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PRINT_GRANTS_HELP = void 0;
exports.runPrintGrants = runPrintGrants;
const privileges_1 = __nccwpck_require__(9576);
const parse_flags_1 = __nccwpck_require__(8311);
const usage_error_1 = __nccwpck_require__(4226);
exports.PRINT_GRANTS_HELP = `pg-catchup print-grants: print the statements that let a role run pg-catchup without superuser.

Usage:
  pg-catchup print-grants --role=NAME

Run the output as a superuser on the source (e.g. pipe it into psql).`;
async function runPrintGrants(argv) {
    const { values } = (0, parse_flags_1.parseFlags)('print-grants', argv, {
        role: { type: 'string' },
        help: { type: 'boolean', short: '?' },
    });
    if (values.help) {
        process.stdout.write(`${exports.PRINT_GRANTS_HELP}\n`);
        return 0;
    }
    if (!values.role)
        throw new usage_error_1.UsageError('--role is required', 'print-grants');
    process.stdout.write(`${(0, privileges_1.grantStatements)(values.role).join('\n')}\n`);
    return 0;
}


/***/ }),

/***/ 6378:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.REWIND_HELP = void 0;
exports.runRewind = runRewind;
const fs = __importStar(__nccwpck_require__(9896));
const exec_command_runner_1 = __nccwpck_require__(9630);
const delta_1 = __nccwpck_require__(4667);
const format_bytes_1 = __nccwpck_require__(9164);
const parse_flags_1 = __nccwpck_require__(8311);
const progress_printer_1 = __nccwpck_require__(590);
const render_plan_1 = __nccwpck_require__(606);
const render_summary_1 = __nccwpck_require__(3213);
const usage_error_1 = __nccwpck_require__(4226);
exports.REWIND_HELP = `pg-catchup rewind: synchronize a data directory with another copy of the same cluster
after their timelines diverged (an old primary after failover), as pg_rewind does.

Usage:
  pg-catchup rewind -D DIR { --source-server=CONNSTR | --source-pgdata=DIR } [OPTION]...

Options:
  -D, --target-pgdata=DIR        existing data directory to modify
      --source-server=CONNSTR    source server to synchronize with (conninfo or URI)
      --source-pgdata=DIR        source data directory on this host, of a cleanly stopped
                                 cluster, read directly; with --source-server too, the server
                                 is only what -R writes into primary_conninfo
  -R, --write-recovery-conf      write standby.signal and primary_conninfo (from --source-server)
  -n, --dry-run                  show the plan, change nothing
  -N, --no-sync                  do not wait for changes to be written safely to disk
${parse_flags_1.TRANSFER_HELP}
  -c, --restore-target-wal       use restore_command in the target configuration to
                                 retrieve WAL files from archives
      --no-ensure-shutdown       do not run single-user crash recovery on a target that was
                                 not shut down cleanly; refuse instead
      --target-bindir=DIR        bin directory of the target's PostgreSQL (for crash recovery, -c)
      --keep-discarded-wal=DIR   first keep the target's WAL from the fork on in DIR (new or
                                 empty): the work the rewind discards, for pg_waldump
      --assume-diverged          when the source no longer has the WAL to verify the target's
                                 history, rewind it as if it diverged after its last checkpoint
  -j, --threads=N                parallel connections reading the source (default 1)
  -x, --exclude-path=PATH        keep this target path (relative to PGDATA) untouched, e.g.
                                 postgresql.conf (repeatable; pg_rewind has no such option and
                                 overwrites the target's configuration files)
      --report=FILE.json         write a JSON report of the run
      --json                     print the report as JSON on stdout instead of a summary
      --debug                    write a lot of debug messages
  -V, --version                  output version information, then exit
  -?, --help                     show this help, then exit

Exit status: 0 on success (also when no rewind is required), 1 on failure or refusal, 2 on bad usage.`;
async function runRewind(argv) {
    const { values } = (0, parse_flags_1.parseFlags)('rewind', argv, {
        'target-pgdata': { type: 'string', short: 'D' },
        'source-server': { type: 'string' },
        'source-pgdata': { type: 'string' },
        'write-recovery-conf': { type: 'boolean', short: 'R' },
        'dry-run': { type: 'boolean', short: 'n' },
        'no-sync': { type: 'boolean', short: 'N' },
        ...parse_flags_1.TRANSFER_FLAGS,
        'restore-target-wal': { type: 'boolean', short: 'c' },
        'assume-diverged': { type: 'boolean' },
        'keep-discarded-wal': { type: 'string' },
        'no-ensure-shutdown': { type: 'boolean' },
        'target-bindir': { type: 'string' },
        threads: { type: 'string', short: 'j' },
        'exclude-path': { type: 'string', short: 'x', multiple: true },
        ...parse_flags_1.CHANGE_SOURCE_FLAG,
        report: { type: 'string' },
        debug: { type: 'boolean' },
        json: { type: 'boolean' },
        version: { type: 'boolean', short: 'V' },
        help: { type: 'boolean', short: '?' },
    });
    if (values.help) {
        process.stdout.write(`${exports.REWIND_HELP}\n`);
        return 0;
    }
    if (values.version) {
        process.stdout.write('pg-catchup rewind (pg-catchup) 0.1.0\n');
        return 0;
    }
    const target = values['target-pgdata'];
    if (!target)
        throw new usage_error_1.UsageError('no target data directory specified (--target-pgdata)', 'rewind');
    const server = values['source-server'];
    const sourcePgdata = values['source-pgdata'];
    if (!server && !sourcePgdata)
        throw new usage_error_1.UsageError('no source specified (--source-pgdata or --source-server)', 'rewind');
    if (sourcePgdata && !server && values['write-recovery-conf']) {
        throw new usage_error_1.UsageError('no source server information (--source-server) specified for --write-recovery-conf: with --source-pgdata, give the server the target will follow as --source-server too', 'rewind');
    }
    const transfer = (0, parse_flags_1.transferValues)(values, 'rewind');
    const logger = (0, progress_printer_1.terminalLogger)({ progress: transfer.progress, debug: Boolean(values.debug) });
    if (server)
        (0, parse_flags_1.warnOfCommandLinePassword)(server, logger);
    let report;
    try {
        report = await (0, delta_1.rewind)({
            targetDir: target,
            source: server === undefined ? undefined : { dbname: server },
            sourcePgdata,
            env: process.env,
            threads: (0, parse_flags_1.parseIntFlag)('rewind', 'threads', values.threads, 1, 64),
            writeRecoveryConf: Boolean(values['write-recovery-conf']),
            sync: !values['no-sync'],
            maxRateBytesPerSecond: transfer.maxRateBytesPerSecond,
            syncMethod: transfer.syncMethod,
            dryRun: Boolean(values['dry-run']),
            ensureShutdown: !values['no-ensure-shutdown'],
            restoreTargetWal: Boolean(values['restore-target-wal']),
            assumeDiverged: Boolean(values['assume-diverged']),
            keepDiscardedWal: values['keep-discarded-wal'],
            excludePaths: values['exclude-path'] ?? [],
            ...(0, parse_flags_1.changeSourceValues)(values, 'rewind'),
            targetBinDir: values['target-bindir'],
            runner: exec_command_runner_1.execCommandRunner,
            logger,
        });
        logger.finish();
        if (values.json)
            process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else if (report.status === 'no-op')
            process.stdout.write('pg-catchup: no rewind required\n');
        else if (report.status === 'dry-run')
            process.stdout.write(`${(0, render_plan_1.renderPlan)(report)}\n`);
        else {
            logger.info(`rewind done: diverged at ${report.divergence?.forkLsn}, ${report.files.patched} files patched, ${report.files.copied} copied, ` +
                `${(0, format_bytes_1.formatBytes)(report.files.bytesCopied)} written, ${(report.durationMs / 1000).toFixed(1)} s`);
            process.stdout.write(`${(0, render_summary_1.renderSummary)(report)}\npg-catchup: Done!\n`);
        }
        return 0;
    }
    catch (err) {
        report = err.report;
        throw err;
    }
    finally {
        logger.finish();
        const reportPath = values.report;
        if (reportPath && report)
            fs.writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    }
}


/***/ }),

/***/ 9668:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
/**
 * node-postgres asks at load time whether it runs in a Cloudflare Worker: through
 * navigator.userAgent where there is a navigator (Node 21+), else by constructing a fetch
 * Response, which loads Node's bundled undici, 20 ms of every start on Node 20. Imported first by
 * the CLI, this gives Node 20 the navigator later versions have, so the cheap question is asked.
 */
const g = globalThis;
g.navigator ??= { userAgent: `Node.js/${process.versions.node.split('.')[0]}` };


/***/ }),

/***/ 8311:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CHANGE_SOURCE_FLAG = exports.LAYOUT_HELP = exports.LAYOUT_FLAGS = exports.CONNECTION_HELP = exports.SOURCE_PGDATA_FLAG = exports.CONNECTION_FLAGS = exports.TRANSFER_HELP = exports.TRANSFER_FLAGS = void 0;
exports.parseFlags = parseFlags;
exports.transferValues = transferValues;
exports.sourceValues = sourceValues;
exports.parseIntFlag = parseIntFlag;
exports.layoutValues = layoutValues;
exports.changeSourceValues = changeSourceValues;
exports.warnOfCommandLinePassword = warnOfCommandLinePassword;
const conninfo_1 = __nccwpck_require__(6450);
const util_1 = __nccwpck_require__(9023);
const change_source_choice_1 = __nccwpck_require__(8164);
const rate_limit_1 = __nccwpck_require__(6560);
const usage_error_1 = __nccwpck_require__(4226);
/** Strict flag parsing: an unknown flag or a stray argument is a usage error, never ignored. */
function parseFlags(command, argv, options) {
    try {
        // -P/--progress is a switch that also takes =json or =text, which parseArgs cannot say.
        const args = argv.map((a) => (a.startsWith('--progress=') && options['progress-style'] ? `--progress-style=${a.slice('--progress='.length)}` : a));
        return (0, util_1.parseArgs)({ args, options, strict: true, allowPositionals: false });
    }
    catch (err) {
        throw new usage_error_1.UsageError(err.message.replace(/\. To specify.*$/s, ''), command);
    }
}
/** How a run moves data: its progress lines, its rate cap, how it makes writes durable. */
exports.TRANSFER_FLAGS = {
    progress: { type: 'boolean', short: 'P' },
    'progress-style': { type: 'string' },
    'max-rate': { type: 'string', short: 'r' },
    'sync-method': { type: 'string' },
};
exports.TRANSFER_HELP = `  -P, --progress[=json]          progress on stderr: bytes, total, rate, ETA and phase, every 2 s
                                 on a terminal, every 10 s into a pipe or log; =json for one
                                 JSON object per line (every 5 s) for machines
  -r, --max-rate=RATE            cap the rate of file data read from the source, in kB/s or with
                                 k or M (as pg_basebackup's -r; 32k to 1024M); WAL is not capped
      --sync-method=METHOD       fsync (default): every written file is fsynced; syncfs: one
                                 syncfs per file system (Linux), much faster for many files`;
function transferValues(values, command) {
    const styleText = values['progress-style'];
    if (styleText !== undefined && styleText !== 'json' && styleText !== 'text') {
        throw new usage_error_1.UsageError(`--progress takes json or text, not "${styleText}"`, command);
    }
    const progress = styleText === 'json' ? 'json' : styleText === 'text' || values.progress ? 'text' : 'off';
    let maxRateBytesPerSecond;
    if (values['max-rate'] !== undefined) {
        try {
            maxRateBytesPerSecond = (0, rate_limit_1.parseMaxRate)(values['max-rate']);
        }
        catch (err) {
            throw new usage_error_1.UsageError(`-r/--max-rate: ${err.message}`, command);
        }
    }
    const method = values['sync-method'];
    if (method !== undefined && method !== 'fsync' && method !== 'syncfs') {
        throw new usage_error_1.UsageError(`--sync-method takes fsync or syncfs, not "${method}"`, command);
    }
    return { progress, maxRateBytesPerSecond, syncMethod: method };
}
/** The connection flags every PostgreSQL client has. */
exports.CONNECTION_FLAGS = {
    host: { type: 'string', short: 'h' },
    port: { type: 'string', short: 'p' },
    username: { type: 'string', short: 'U' },
    dbname: { type: 'string', short: 'd' },
};
/**
 * The source as catchup and preflight take it: the connection flags, or --source-pgdata (a
 * stopped data directory here), whose connection flags, if any, only name -R's server.
 */
function sourceValues(values, command, mode) {
    const source = {
        host: values.host, port: values.port,
        user: values.username, dbname: values.dbname,
    };
    const sourcePgdata = values['source-pgdata'];
    if (sourcePgdata === undefined)
        return { source };
    if (mode === 'PTRACK')
        throw new usage_error_1.UsageError('-b PTRACK reads the change tracking of a running server and cannot take --source-pgdata: use -b DELTA', command);
    const connectionGiven = Object.values(source).some((v) => v !== undefined);
    if (values['write-recovery-conf'] && !connectionGiven) {
        throw new usage_error_1.UsageError('-R writes primary_conninfo, and --source-pgdata gives no server: add the connection options (-h, -p, -U or -d) of the server the target will follow', command);
    }
    return { source: connectionGiven ? source : undefined, sourcePgdata };
}
exports.SOURCE_PGDATA_FLAG = { 'source-pgdata': { type: 'string' } };
exports.CONNECTION_HELP = `Connection options (PG* environment variables and ~/.pgpass apply too):
  -h, --host=HOST          source server host or socket directory
  -p, --port=PORT          source server port
  -U, --username=NAME      connect as this role
  -d, --dbname=CONNSTR     database name, or a conninfo string / postgresql:// URI`;
function parseIntFlag(command, name, value, min, max) {
    if (value === undefined)
        return undefined;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
        throw new usage_error_1.UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`, command);
    }
    return Number(value);
}
/** Target layout flags: where tablespaces go, and what of the target stays untouched. */
exports.LAYOUT_FLAGS = {
    'tablespace-mapping': { type: 'string', short: 'T', multiple: true },
    'exclude-path': { type: 'string', short: 'x', multiple: true },
};
exports.LAYOUT_HELP = `  -T, --tablespace-mapping=OLDDIR=NEWDIR
                                 put the source tablespace at OLDDIR into NEWDIR on the
                                 target (several pairs: OLDDIR1=NEWDIR1:OLDDIR2=NEWDIR2, or
                                 repeat -T); by default a tablespace keeps its path
  -x, --exclude-path=PATH        keep this target path (file or directory, relative to
                                 PGDATA) untouched: neither copied from the source nor removed
                                 (repeatable; e.g. postgresql.conf, pg_hba.conf)`;
function layoutValues(values) {
    return {
        tablespaceMapping: values['tablespace-mapping'] ?? [],
        excludePaths: values['exclude-path'] ?? [],
    };
}
/**
 * Hidden (not in --help): `--change-source source=METHOD|target=METHOD`, repeatable, forces the
 * change source of a side, so tests and the bench can prove and measure each one on its own.
 */
exports.CHANGE_SOURCE_FLAG = {
    'change-source': { type: 'string', multiple: true },
};
function changeSourceValues(values, command) {
    const raw = values['change-source'];
    if (!raw)
        return {};
    try {
        return { changeSources: (0, change_source_choice_1.parseChangeSources)(raw) };
    }
    catch (err) {
        if (err instanceof change_source_choice_1.ChangeSourceError)
            throw new usage_error_1.UsageError(err.message, command);
        throw err;
    }
}
/**
 * A password inside a connection string on the command line is readable by every user of the
 * host (ps, /proc/PID/cmdline) for as long as the run lasts: said once, with the safer ways. The
 * password itself is never printed (the engine logs connections without it).
 */
function warnOfCommandLinePassword(conninfo, logger) {
    if (!conninfo)
        return;
    let hasPassword = false;
    try {
        hasPassword = looksLikeConninfo(conninfo) && (0, conninfo_1.parseConninfo)(conninfo).password !== undefined;
    }
    catch {
        return; // malformed: the engine refuses it with its own (redacted) message
    }
    if (hasPassword) {
        logger.warn('the connection string on the command line holds a password, which other users of this host can read (ps, /proc) while the run lasts: use PGPASSWORD, ~/.pgpass or a passfile= instead');
    }
}
function looksLikeConninfo(s) {
    return s.includes('=') || /^postgres(ql)?:\/\//.test(s);
}


/***/ }),

/***/ 590:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.terminalLogger = terminalLogger;
const progress_meter_1 = __nccwpck_require__(161);
// A terminal gets a line every 2 s; a log file or pipe every 10 s (no line more often than it is
// read); machines every 5 s. Each phase change is one line more.
const TERMINAL_INTERVAL_MS = 2_000;
const PIPE_INTERVAL_MS = 10_000;
const JSON_INTERVAL_MS = 5_000;
/** Logger for a terminal: messages to stderr, progress lines on stderr at a steady pace. */
function terminalLogger(opts) {
    const style = opts.progress === true ? 'text' : opts.progress === false ? 'off' : opts.progress;
    const ticker = style === 'off' ? null : new progress_meter_1.ProgressTicker(new progress_meter_1.ProgressMeter(), (s) => process.stderr.write(`${style === 'json' ? (0, progress_meter_1.formatProgressJson)(s) : `pg-catchup: progress: ${(0, progress_meter_1.formatProgressLine)(s)}`}\n`), style === 'json' ? JSON_INTERVAL_MS : process.stderr.isTTY ? TERMINAL_INTERVAL_MS : PIPE_INTERVAL_MS);
    ticker?.start();
    let finished = false;
    return {
        info: (m) => process.stderr.write(`pg-catchup: ${m}\n`),
        warn: (m) => process.stderr.write(`pg-catchup: warning: ${m}\n`),
        debug: (m) => {
            if (opts.debug)
                process.stderr.write(`pg-catchup: debug: ${m}\n`);
        },
        phase: ticker ? (name) => ticker.phase(name) : undefined,
        progress: ticker ? (p) => ticker.meter.copy(p) : undefined,
        finish: () => {
            if (!ticker || finished)
                return;
            finished = true;
            ticker.stop();
            ticker.phase('done');
        },
    };
}


/***/ }),

/***/ 4836:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.renderChecks = renderChecks;
const MARK = { pass: 'ok  ', warn: 'WARN', fail: 'FAIL', skip: 'skip' };
/** Checks as a terminal table: one line each, the fix under anything that did not pass. */
function renderChecks(checks) {
    const lines = [];
    for (const c of checks) {
        lines.push(`[${MARK[c.status]}] ${c.title}: ${c.detail}`);
        if (c.fix && (c.status === 'fail' || c.status === 'warn'))
            lines.push(`       fix: ${c.fix}`);
    }
    return lines.join('\n');
}


/***/ }),

/***/ 606:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.renderPlan = renderPlan;
const discarded_report_1 = __nccwpck_require__(5661);
const format_bytes_1 = __nccwpck_require__(9164);
const render_checks_1 = __nccwpck_require__(4836);
/** What a --dry-run would do, for a person reading a terminal. */
function renderPlan(r) {
    if (r.mode === 'FULL') {
        return [
            `dry run (FULL): nothing was changed in ${r.target.path}`,
            (0, render_checks_1.renderChecks)(r.checks),
            `would copy about ${(0, format_bytes_1.formatBytes)(r.files.bytesPlanned)} (the source's databases) plus the WAL written meanwhile`,
        ].join('\n');
    }
    return [
        `dry run (${r.mode}): nothing was changed in ${r.target.path}`,
        `target: timeline ${r.target.timeline}, position ${r.target.position}, state "${r.target.state}"`,
        `divergence: ${r.divergence?.detail ?? 'unknown'}`,
        `reference LSN R: ${r.lsn.reference} (${r.reference})`,
        `would copy ${r.files.copied} files whole, patch ${r.files.patched} relation files (${r.files.blocksCopied} blocks), remove ${r.files.deleted} paths`,
        `bytes to copy: ${r.files.bytesPlanned} (${(0, format_bytes_1.formatBytes)(r.files.bytesPlanned)})`,
        ...(r.discarded ? [`discarded: ${(0, discarded_report_1.describeDiscarded)(r.discarded, true)}`] : []),
    ].join('\n');
}


/***/ }),

/***/ 3213:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.renderSummary = renderSummary;
const discarded_report_1 = __nccwpck_require__(5661);
const format_bytes_1 = __nccwpck_require__(9164);
/** The end of a run for a person at a terminal: what happened, the figures, what to do next. */
function renderSummary(r) {
    const f = r.files;
    const lines = [
        `${r.command} ${r.mode}${r.modeRequested && r.modeRequested !== r.mode ? ` (requested ${r.modeRequested})` : ''}: ${r.status}`,
        `source: ${r.source.connection}${r.source.serverVersion ? `, PostgreSQL ${r.source.serverVersion}` : ''}${r.source.timeline ? `, timeline ${r.source.timeline}` : ''}`,
        `target: ${r.target.path}`,
    ];
    if (r.divergence)
        lines.push(`divergence: ${r.divergence.detail}`);
    if (r.discarded)
        lines.push(`discarded: ${(0, discarded_report_1.describeDiscarded)(r.discarded, r.status === 'dry-run')}${r.discarded.keptIn ? `; its WAL is kept in ${r.discarded.keptIn}` : ''}`);
    if (r.lsn.reference)
        lines.push(`reference LSN R: ${r.lsn.reference} (${r.reference})`);
    if (r.lsn.backupStart)
        lines.push(`WAL: ${r.lsn.backupStart}..${r.lsn.backupStop ?? '?'}, ${f.walSegments} segment(s)`);
    lines.push(`files: ${f.copied} copied whole, ${f.patched} patched (${f.blocksCopied} blocks, ${f.truncated} truncated), ${f.deleted} removed; ${(0, format_bytes_1.formatBytes)(f.bytesCopied)} written`);
    for (const c of r.changeSources ?? [])
        lines.push(`changed blocks, ${c.side} side: ${c.method}, ${c.filesScanned} files scanned, ${c.blocksFound} blocks (${c.detail})`);
    for (const t of r.tablespaces ?? [])
        lines.push(`tablespace ${t.oid}: ${t.sourceLocation} -> ${t.targetLocation} (${t.placement})`);
    if (r.excludedPaths?.length)
        lines.push(`kept untouched (--exclude-path): ${r.excludedPaths.join(', ')}`);
    if (r.pagesValidated !== undefined)
        lines.push(`page checksums verified: ${r.pagesValidated}${r.corruptPages?.length ? `, CORRUPT on the source: ${r.corruptPages.length}` : ''}`);
    for (const c of r.corruptPages ?? [])
        lines.push(`corrupt page: ${c.path} block ${c.blockNo}, LSN ${c.lsn}, ${c.reason} (stored ${c.storedChecksum}, computed ${c.computedChecksum})`);
    if (r.phases.length > 0)
        lines.push(`phases: ${r.phases.map((p) => `${p.phase} ${(p.durationMs / 1000).toFixed(2)} s`).join(', ')}`);
    for (const w of r.warnings)
        lines.push(`warning: ${w}`);
    if (r.nextStep)
        lines.push(`next: ${r.nextStep}`);
    return lines.join('\n');
}


/***/ }),

/***/ 4226:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.UsageError = void 0;
/** Bad command-line input: exit code 2 and a hint to --help, like PostgreSQL's tools. */
class UsageError extends Error {
    command;
    constructor(message, command) {
        super(message);
        this.command = command;
        this.name = 'UsageError';
    }
}
exports.UsageError = UsageError;


/***/ }),

/***/ 4635:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.executeCopy = executeCopy;
const fs = __importStar(__nccwpck_require__(9896));
const read_batches_1 = __nccwpck_require__(9679);
/**
 * Carries out a plan: removals, directories, then whole files and block patches read from the
 * source. Each reader (a connection, or the local directory) takes the next batch from a shared queue, so -j N keeps N
 * connections busy until the queue is empty.
 */
async function executeCopy(plan, readers, writer, logger, validation, opts = {}) {
    for (const p of plan.deletions) {
        fs.rmSync(writer.abs(p), { recursive: true, force: true });
        writer.noteChanged(p, 'removed');
    }
    for (const t of plan.tablespaceLinks)
        await writer.makeTablespaceLink(t.linkPath, t.location);
    for (const dir of plan.directories)
        await writer.makeDirectory(dir);
    // Truncation and extension first: the patch ranges then fill the file to the source's size.
    for (const p of plan.patches) {
        if (p.sourceSize === p.targetSize)
            continue;
        fs.truncateSync(writer.abs(p.path), p.sourceSize);
        writer.noteChanged(p.path, 'file');
    }
    const schedule = (0, read_batches_1.scheduleReads)([...(0, read_batches_1.wholeFileRanges)(plan.files), ...(0, read_batches_1.patchRanges)(plan.patches)]);
    const patched = new Set(plan.patches.map((p) => p.path));
    for (const [path, pieces] of schedule.piecesPerFile)
        writer.expect(path, pieces, patched.has(path) ? 'patch' : 'create');
    const totalFiles = plan.files.length + plan.patches.length;
    let next = 0;
    let failed = false;
    const report = () => logger.progress?.({ bytes: writer.bytesWritten, totalBytes: plan.bytesToCopy, files: writer.filesWritten, totalFiles });
    const limiter = opts.rateLimiter;
    const worker = async (read) => {
        while (!failed && next < schedule.batches.length) {
            const batch = schedule.batches[next++];
            let piece = null;
            // Each piece goes to disk (and to the checksum workers) as its bytes arrive, unbuffered.
            await read(batch, {
                begin: (index, offset, length) => {
                    const path = batch[index].path;
                    piece = length === null
                        ? { path, file: null, pages: null }
                        : { path, file: writer.beginPiece(path, offset), pages: validation?.startPiece(path, offset) ?? null };
                },
                data: (bytes) => {
                    piece.file.write(bytes);
                    piece.pages?.(bytes);
                    limiter?.take(bytes.length);
                },
                end: () => {
                    if (piece.file)
                        piece.file.end();
                    else
                        writer.skipPiece(piece.path);
                    piece = null;
                    report();
                },
                ready: () => {
                    const rate = limiter?.wait() ?? null;
                    const checks = validation?.ready() ?? null;
                    return rate && checks ? Promise.all([rate, checks]).then(() => undefined) : rate ?? checks;
                },
            });
        }
    };
    try {
        await Promise.all(readers.map((c) => worker(c).catch((err) => { failed = true; throw err; })));
        // A caller with more to write may leave the fsyncs to its own, later flush.
        if (opts.flush !== false)
            await writer.flush();
    }
    catch (err) {
        await writer.abandon();
        throw err;
    }
    report();
    return {
        filesCopied: plan.files.length,
        bytesCopied: writer.bytesWritten,
        filesPatched: plan.patches.length,
        pathsDeleted: plan.deletions.length,
    };
}


/***/ }),

/***/ 6616:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ownerForTarget = ownerForTarget;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
/**
 * PostgreSQL refuses to start a data directory it does not own, so when we run as root the
 * files must belong to the directory's owner (or, for a new directory, its parent's owner).
 */
function ownerForTarget(targetDir) {
    if (typeof process.getuid !== 'function' || process.getuid() !== 0)
        return null;
    let dir = path.resolve(targetDir);
    while (true) {
        try {
            const st = fs.statSync(dir);
            return { uid: st.uid, gid: st.gid };
        }
        catch {
            const parent = path.dirname(dir);
            if (parent === dir)
                return null;
            dir = parent;
        }
    }
}


/***/ }),

/***/ 2380:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.fileSystemsOf = fileSystemsOf;
exports.syncFileSystems = syncFileSystems;
const child_process_1 = __nccwpck_require__(5317);
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
const errors_1 = __nccwpck_require__(7679);
/** The target directory, its pg_wal and its tablespaces: one path per file system among them. */
function fileSystemsOf(root) {
    const candidates = [root, path.join(root, 'pg_wal')];
    const tblspc = path.join(root, 'pg_tblspc');
    if (fs.existsSync(tblspc))
        for (const name of fs.readdirSync(tblspc))
            candidates.push(path.join(tblspc, name));
    const byDevice = new Map();
    for (const p of candidates) {
        const st = fs.statSync(p, { throwIfNoEntry: false }); // follows the links to where the files are
        if (st && !byDevice.has(st.dev))
            byDevice.set(st.dev, p);
    }
    return [...byDevice.values()];
}
async function syncFileSystems(root) {
    await Promise.all(fileSystemsOf(root).map((p) => new Promise((resolve, reject) => {
        (0, child_process_1.execFile)('sync', ['--file-system', p], (err, _stdout, stderr) => {
            if (!err)
                return resolve();
            reject(new errors_1.CatchupError('syncfs-failed', `syncfs of the file system holding ${p} failed: ${stderr.trim() || err.message}.`, 'Run the same command again with --sync-method=fsync (every file is then fsynced one by one).'));
        });
    })));
}


/***/ }),

/***/ 8331:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CopyValidation = void 0;
const page_checksum_1 = __nccwpck_require__(8103);
const relation_path_1 = __nccwpck_require__(2770);
const file_reader_1 = __nccwpck_require__(8092);
const lsn_1 = __nccwpck_require__(2524);
const page_validator_1 = __nccwpck_require__(6720);
/**
 * Design rule 9 during a copy: every relation page read from a source with data checksums is
 * checked in worker threads beside the copy. At the end, each bad page is read once more: a page
 * caught mid-write reads good the second time (and that copy is kept); one still bad with an LSN
 * before the backup start is corruption on the source and is reported with its location.
 */
class CopyValidation {
    blockSize;
    relsegSize;
    validator;
    relations = new Map();
    pages = 0;
    constructor(threads, blockSize, relsegSize) {
        this.blockSize = blockSize;
        this.relsegSize = relsegSize;
        this.validator = page_validator_1.PageValidator.start(threads, blockSize);
    }
    /** Pages handed to the validator so far. */
    get pagesChecked() {
        return this.pages;
    }
    /**
     * The pages of a piece starting at `offset` of `path`, as its bytes arrive: whole pages are
     * handed over where they lie, and a page split between two network chunks is joined first.
     * Null when the file holds no checksummed pages (or the piece does not start on a page).
     */
    startPiece(path, offset) {
        const rel = this.relationOf(path);
        const bs = this.blockSize;
        if (!rel || offset % bs !== 0)
            return null;
        let block = rel.firstBlock + offset / bs;
        let carry = null;
        let carried = 0;
        const submit = (pages) => {
            this.validator.validate(path, block, pages);
            block += pages.length / bs;
            this.pages += pages.length / bs;
        };
        return (bytes) => {
            let i = 0;
            if (carried > 0) {
                i = Math.min(bs - carried, bytes.length);
                bytes.copy(carry, carried, 0, i);
                carried += i;
                if (carried < bs)
                    return;
                submit(carry);
                carried = 0;
            }
            const whole = Math.floor((bytes.length - i) / bs) * bs;
            if (whole > 0)
                submit(bytes.subarray(i, i + whole));
            i += whole;
            if (i < bytes.length) {
                carry ??= Buffer.allocUnsafe(bs);
                carried = bytes.copy(carry, 0, i);
            }
        };
    }
    /** A promise to await before reading on while the workers are behind; null when they are not. */
    ready() {
        return this.validator.full ? this.validator.backpressure() : null;
    }
    /** A whole piece just read (a trailing partial page is ignored). */
    async check(path, offset, data) {
        this.startPiece(path, offset)?.(data);
        await this.validator.backpressure();
    }
    relationOf(path) {
        let rel = this.relations.get(path);
        if (rel === undefined) {
            const parsed = (0, relation_path_1.parseRelationPath)(path);
            rel = parsed && !parsed.isTemp ? { firstBlock: parsed.segmentNo * this.relsegSize } : null;
            this.relations.set(path, rel);
        }
        return rel;
    }
    /** Waits for the workers, re-reads every bad page once through `reader`, and classifies them. */
    async finish(reader, writer, startLsn) {
        const bad = await this.validator.drain();
        const result = { pagesValidated: this.pages, corrupt: [], rereadFixed: 0, tornAfterStart: 0 };
        if (bad.length === 0)
            return result;
        const ranges = bad.map((b) => {
            const rel = this.relations.get(b.path);
            return { path: b.path, offset: (b.blockNo - rel.firstBlock) * this.blockSize, length: this.blockSize };
        });
        const again = new Map();
        await (0, file_reader_1.readRanges)(reader, ranges, async (i, _off, data) => {
            again.set(i, data);
        });
        for (let i = 0; i < bad.length; i++) {
            const page = again.get(i);
            const verdict = page && page.length === this.blockSize ? (0, page_checksum_1.verifyPage)(page, 0, bad[i].blockNo, this.blockSize) : null;
            if (verdict?.ok) {
                writer.expect(ranges[i].path, 1, 'patch');
                await writer.writePiece(ranges[i].path, ranges[i].offset, page);
                result.rereadFixed++;
                continue;
            }
            const seen = verdict && !verdict.ok ? verdict : bad[i];
            if (seen.lsn >= startLsn) {
                result.tornAfterStart++;
                continue;
            }
            result.corrupt.push({
                path: bad[i].path, blockNo: bad[i].blockNo, lsn: (0, lsn_1.formatLsn)(seen.lsn), reason: seen.reason,
                storedChecksum: seen.stored, computedChecksum: seen.computed,
            });
        }
        return result;
    }
    async close() {
        await this.validator.close();
    }
}
exports.CopyValidation = CopyValidation;


/***/ }),

/***/ 6720:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PageValidator = void 0;
/**
 * Checks the checksums of copied pages in worker threads, so that verifying runs beside the copy
 * instead of inside it. The copier hands over each run of pages it wrote (`validate`), awaits
 * `backpressure()` now and then so that unverified data cannot pile up in memory, and collects
 * the bad pages with `drain()` at the end.
 */
const worker_threads_1 = __nccwpck_require__(8167);
const page_checksum_1 = __nccwpck_require__(8103);
const DEFAULT_MAX_IN_FLIGHT_BYTES = 32 * 1024 * 1024;
/** Pages per message to a worker, in bytes. */
const JOB_BYTES = 1024 * 1024;
/** The worker's program: the checksum functions, by their source text, and a message loop. */
function workerSource() {
    // findBadPages by its runtime name: a minifier may rename it, and its source text with it.
    return [
        (0, page_checksum_1.pageChecksumSource)(),
        `const { parentPort, workerData } = require('worker_threads');`,
        `parentPort.on('message', (job) => {`,
        `  try {`,
        `    const bad = [];`,
        `    let at = 0;`,
        `    for (const [first, pages] of job.runs) {`,
        `      const bytes = pages * workerData.blockSize;`,
        `      bad.push(...${page_checksum_1.findBadPages.name}(Buffer.from(job.buffer, at, bytes), first, workerData.blockSize));`,
        `      at += bytes;`,
        `    }`,
        `    parentPort.postMessage({ id: job.id, bad, buffer: job.buffer }, [job.buffer]);`,
        `  } catch (e) {`,
        `    parentPort.postMessage({ id: job.id, error: String((e && e.stack) || e) });`,
        `  }`,
        `});`,
    ].join('\n');
}
class PageValidator {
    blockSize;
    maxInFlightBytes;
    lanes = [];
    found = [];
    drainWaiters = [];
    roomWaiters = [];
    /** Buffers the workers handed back, at most maxInFlightBytes of them. */
    spare = [];
    spareBytes = 0;
    nextJobId = 1;
    inFlightBytes = 0;
    inFlightJobs = 0;
    failure;
    closed = false;
    /** Pages gathered for the next job, not sent yet. */
    pending = null;
    constructor(blockSize, maxInFlightBytes) {
        this.blockSize = blockSize;
        this.maxInFlightBytes = maxInFlightBytes;
    }
    /**
     * `threads` workers checking pages of `blockSize` bytes; 0 checks them in the calling thread,
     * inside `validate`.
     */
    static start(threads, blockSize, opts = {}) {
        if (!Number.isInteger(threads) || threads < 0)
            throw new RangeError(`page validator threads must be an integer >= 0, not ${threads}`);
        const maxInFlightBytes = opts.maxInFlightBytes ?? DEFAULT_MAX_IN_FLIGHT_BYTES;
        if (!(maxInFlightBytes >= 0))
            throw new RangeError(`page validator maxInFlightBytes must be >= 0, not ${maxInFlightBytes}`);
        // Fails early, in the caller, on a block size the checksum cannot handle.
        (0, page_checksum_1.findBadPages)(Buffer.alloc(0), 0, blockSize);
        const v = new PageValidator(blockSize, maxInFlightBytes);
        if (threads > 0) {
            const source = workerSource();
            for (let i = 0; i < threads; i++)
                v.lanes.push(v.startLane(source));
        }
        return v;
    }
    /**
     * Queue the whole pages of `data` (block `firstBlockNo` first; a trailing partial page is
     * ignored) of relation file `relPath`. Never blocks and never drops work; the pages are copied,
     * so `data` may be reused as soon as this returns.
     */
    validate(relPath, firstBlockNo, data) {
        if (this.closed)
            throw new Error('page validator: validate() after close()');
        if (this.failure)
            throw this.failure;
        const pages = Math.floor(data.length / this.blockSize);
        // Checked here, not in the worker, so that a caller's mistake throws at the call that made it.
        if (!Number.isInteger(firstBlockNo) || firstBlockNo < 0 || firstBlockNo + pages - 1 > 0xfffffffe) {
            throw new RangeError(`page validator: ${relPath}: ${pages} pages from block ${firstBlockNo} are not all valid block numbers`);
        }
        const bytes = pages * this.blockSize;
        if (bytes === 0)
            return;
        if (this.lanes.length === 0) {
            for (const bad of (0, page_checksum_1.findBadPages)(data, firstBlockNo, this.blockSize))
                this.found.push({ ...bad, path: relPath });
            return;
        }
        // Pages of one file are gathered into one job, in runs of consecutive blocks: a message per
        // network chunk, or per scattered block of a DELTA, would cost more than checking the pages.
        let job = this.pending;
        if (job && (job.path !== relPath || job.bytes + bytes > job.buffer.byteLength)) {
            this.post();
            job = null;
        }
        job ??= this.pending = { path: relPath, runs: [], buffer: this.takeBuffer(Math.max(JOB_BYTES, bytes)), bytes: 0 };
        data.copy(Buffer.from(job.buffer, job.bytes, bytes), 0, 0, bytes);
        const last = job.runs[job.runs.length - 1];
        if (last && last[0] + last[1] === firstBlockNo)
            last[1] += pages;
        else
            job.runs.push([firstBlockNo, pages]);
        job.bytes += bytes;
        if (job.bytes + this.blockSize > job.buffer.byteLength)
            this.post();
    }
    /** Sends the job being gathered to the least busy worker. */
    post() {
        const pending = this.pending;
        if (!pending)
            return;
        this.pending = null;
        const lane = this.lanes.reduce((a, b) => (b.bytes < a.bytes ? b : a));
        const job = { id: this.nextJobId++, runs: pending.runs, buffer: pending.buffer, bytes: pending.bytes };
        if (lane.jobs.size === 0)
            lane.worker.ref();
        lane.jobs.set(job.id, { path: pending.path, bytes: job.bytes });
        lane.bytes += job.bytes;
        this.inFlightBytes += job.bytes;
        this.inFlightJobs++;
        lane.worker.postMessage(job, [job.buffer]);
    }
    /** Bytes handed to `validate` and not verified yet (always 0 with 0 threads). */
    get queuedBytes() {
        return this.inFlightBytes + (this.pending?.bytes ?? 0);
    }
    /** True when the caller should await backpressure() before handing over more. */
    get full() {
        return this.inFlightBytes > this.maxInFlightBytes;
    }
    /** Resolves once no more than maxInFlightBytes are waiting to be verified. */
    backpressure() {
        if (this.failure)
            return Promise.reject(this.failure);
        if (this.inFlightBytes <= this.maxInFlightBytes)
            return Promise.resolve();
        return new Promise((resolve, reject) => this.roomWaiters.push({ resolve, reject }));
    }
    /**
     * Waits for every queued page to be verified; returns the bad pages found since the last
     * drain, by path then block number. Rejects if a worker failed.
     */
    async drain() {
        if (this.failure)
            throw this.failure;
        if (this.closed && this.inFlightJobs > 0)
            throw closedEarly(this.inFlightJobs);
        this.post();
        if (this.inFlightJobs > 0)
            await new Promise((resolve, reject) => this.drainWaiters.push({ resolve, reject }));
        const found = this.found.splice(0);
        return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.blockNo - b.blockNo));
    }
    /** Stops the workers; pages still queued are not verified (drain first). */
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        if (this.pending) {
            this.pending = null;
            this.inFlightJobs++;
        }
        const lanes = this.lanes.splice(0);
        this.spare.length = 0;
        await Promise.all(lanes.map((l) => l.worker.terminate()));
        if (this.inFlightJobs > 0)
            this.rejectWaiters(closedEarly(this.inFlightJobs));
    }
    startLane(source) {
        // eval: ncc bundles the app into one file, so there is no worker script on disk to start.
        const worker = new worker_threads_1.Worker(source, { eval: true, workerData: { blockSize: this.blockSize } });
        const lane = { worker, jobs: new Map(), bytes: 0 };
        // Idle workers must not keep the process alive; validate() refs a worker while it has work.
        worker.unref();
        worker.on('message', (reply) => this.onReply(lane, reply));
        worker.on('error', (e) => this.fail(new Error(`page validator worker failed: ${e.message}`)));
        worker.on('exit', (code) => {
            // close() terminates the workers; any other exit loses the jobs the worker held.
            if (!this.closed)
                this.fail(new Error(`page validator worker exited unexpectedly (code ${code})`));
        });
        return lane;
    }
    onReply(lane, reply) {
        const job = lane.jobs.get(reply.id);
        if (!job)
            return;
        lane.jobs.delete(reply.id);
        if (lane.jobs.size === 0)
            lane.worker.unref();
        lane.bytes -= job.bytes;
        this.inFlightBytes -= job.bytes;
        this.inFlightJobs--;
        if (reply.error !== undefined) {
            this.fail(new Error(`page validator: checking ${job.path} failed: ${reply.error}`));
            return;
        }
        if (reply.buffer && !this.closed && this.spareBytes + reply.buffer.byteLength <= this.maxInFlightBytes) {
            this.spare.push(reply.buffer);
            this.spareBytes += reply.buffer.byteLength;
        }
        for (const bad of reply.bad ?? [])
            this.found.push({ ...bad, path: job.path });
        if (this.inFlightBytes <= this.maxInFlightBytes)
            for (const w of this.roomWaiters.splice(0))
                w.resolve();
        if (this.inFlightJobs === 0)
            for (const w of this.drainWaiters.splice(0))
                w.resolve();
    }
    /**
     * A buffer of at least `bytes` to transfer to a worker. Reusing the ones workers hand back
     * roughly halves the main thread's cost per page: fresh memory has to be faulted in by the kernel.
     */
    takeBuffer(bytes) {
        const i = this.spare.findIndex((b) => b.byteLength >= bytes);
        if (i >= 0) {
            const [buffer] = this.spare.splice(i, 1);
            this.spareBytes -= buffer.byteLength;
            return buffer;
        }
        // Its own ArrayBuffer (not Buffer's shared pool), so it can be transferred; not zero-filled,
        // since the pages overwrite it at once.
        return Buffer.allocUnsafeSlow(bytes).buffer;
    }
    /** The first failure sticks: every waiter and every later call sees it. */
    fail(e) {
        this.failure ??= e;
        this.rejectWaiters(this.failure);
    }
    rejectWaiters(e) {
        for (const w of [...this.roomWaiters.splice(0), ...this.drainWaiters.splice(0)])
            w.reject(e);
    }
}
exports.PageValidator = PageValidator;
function closedEarly(jobs) {
    return new Error(`page validator closed with ${jobs} run(s) of pages not verified yet; await drain() before close()`);
}


/***/ }),

/***/ 6560:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RateLimiter = void 0;
exports.parseMaxRate = parseMaxRate;
/**
 * --max-rate: caps how fast file data is read from the source (pg_basebackup's -r), so a clone
 * does not starve production of I/O or network. A token bucket shared by every reader
 * connection; holding back a reader makes TCP hold back the server, which then reads no faster.
 * WAL is not capped (as with pg_basebackup -X stream): it must keep up with the source.
 */
class RateLimiter {
    bytesPerSecond;
    nowMs;
    tokens;
    lastMs;
    /** At most this much may go at once after an idle moment: a quarter second of the rate. */
    burstBytes;
    constructor(bytesPerSecond, nowMs = () => performance.now()) {
        this.bytesPerSecond = bytesPerSecond;
        this.nowMs = nowMs;
        this.burstBytes = Math.max(64 * 1024, bytesPerSecond / 4);
        this.tokens = this.burstBytes;
        this.lastMs = nowMs();
    }
    /** Counts bytes that arrived. */
    take(bytes) {
        this.refill();
        this.tokens -= bytes;
    }
    /** How long the readers must pause before reading on (0: not ahead of the rate). */
    pauseMs() {
        this.refill();
        return this.tokens >= 0 ? 0 : (-this.tokens * 1000) / this.bytesPerSecond;
    }
    /** A promise to wait on when the readers are ahead of the rate, else null. */
    wait() {
        const ms = this.pauseMs();
        return ms < 1 ? null : new Promise((resolve) => setTimeout(resolve, Math.ceil(ms)));
    }
    refill() {
        const now = this.nowMs();
        this.tokens = Math.min(this.burstBytes, this.tokens + ((now - this.lastMs) * this.bytesPerSecond) / 1000);
        this.lastMs = now;
    }
}
exports.RateLimiter = RateLimiter;
/**
 * pg_basebackup's RATE: kilobytes per second, or with a suffix k (kB) or M (MB); between 32 kB/s
 * and 1 GB/s. Returns bytes per second.
 */
function parseMaxRate(text) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*$/.exec(text);
    if (!m)
        throw new Error(`invalid transfer rate "${text}": give kilobytes per second, or a number with k or M (e.g. 512k, 20M)`);
    const kb = Number(m[1]) * (m[2].toLowerCase() === 'm' ? 1024 : 1);
    if (kb < 32 || kb > 1024 * 1024)
        throw new Error(`transfer rate "${text}" is out of range: it must be between 32 kB/s and 1 GB/s`);
    return Math.round(kb * 1024);
}


/***/ }),

/***/ 6773:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TargetWriter = exports.FILE_MODE = exports.DIR_MODE = void 0;
exports.fsyncPath = fsyncPath;
const fs = __importStar(__nccwpck_require__(9896));
const fsp = __importStar(__nccwpck_require__(1943));
const path = __importStar(__nccwpck_require__(6928));
const file_system_sync_1 = __nccwpck_require__(2380);
// PostgreSQL's own modes for a data directory without group access.
exports.DIR_MODE = 0o700;
exports.FILE_MODE = 0o600;
/** Pieces start on block boundaries; writes are cut on them too (PostgreSQL's default block size). */
const WRITE_ALIGN = 8192;
// Parallel fsyncs keep the disk's queue full; one at a time is what makes a sync pass slow.
const SYNC_CONCURRENCY = 16;
/** With syncfs, completed large files are made durable (and journaled) in batches of this size. */
const SYNCFS_BATCH_BYTES = 1024 * 1024 * 1024;
/**
 * Writes pieces of files into the target at their offsets, as the bytes arrive.
 * - Writes are synchronous and positional, straight from the network buffers. Measured on a
 *   FULL copy: asynchronous writes on libuv's thread pool cost more CPU and time (a round trip
 *   and a callback per network chunk, four threads contending for the cores the server needs);
 *   buffering to batch them costs a copy. The page cache does the batching.
 * - A file stays open until its last piece is written (announced with `expect`).
 * - A large file is fsynced and closed in the background when complete, overlapping the copy;
 *   small files are fsynced together at the end, in parallel. With syncfs, one syncfs per file
 *   system replaces all of those, every GB of completed files and at the end.
 */
class TargetWriter {
    opts;
    open = new Map();
    expected = new Map();
    toSync = [];
    /** Completion callbacks of small files, due once the flush has synced them. */
    doneAtFlush = [];
    dirsToSync = new Set();
    background = new Set();
    failure;
    /** syncfs: completed large files waiting for the next syncfs, and their bytes. */
    awaitingSyncfs = [];
    bytesAwaitingSyncfs = 0;
    bytesWritten = 0;
    filesWritten = 0;
    constructor(opts) {
        this.opts = opts;
    }
    get owner() {
        return this.opts.owner;
    }
    abs(relPath) {
        return path.join(this.opts.root, relPath);
    }
    async makeDirectory(relPath) {
        const abs = this.abs(relPath);
        await fsp.mkdir(abs, { mode: exports.DIR_MODE, recursive: true });
        await fsp.chmod(abs, exports.DIR_MODE);
        if (this.opts.owner)
            await fsp.chown(abs, this.opts.owner.uid, this.opts.owner.gid);
        this.dirsToSync.add(abs);
        this.dirsToSync.add(path.dirname(abs));
    }
    /**
     * A tablespace: its directory outside PGDATA (made if missing, owned like PGDATA) and the
     * pg_tblspc/<oid> link to it, as pg_basebackup's plain format leaves them.
     */
    async makeTablespaceLink(linkPath, location) {
        // Every directory made on the way belongs to the PGDATA owner, or the server could not reach the tablespace.
        const firstMade = await fsp.mkdir(location, { mode: exports.DIR_MODE, recursive: true });
        await fsp.chmod(location, exports.DIR_MODE);
        const link = this.abs(linkPath);
        await fsp.mkdir(path.dirname(link), { mode: exports.DIR_MODE, recursive: true });
        await fsp.symlink(location, link);
        if (this.opts.owner) {
            const { uid, gid } = this.opts.owner;
            if (firstMade) {
                for (let dir = location;; dir = path.dirname(dir)) {
                    await fsp.chown(dir, uid, gid);
                    if (dir === firstMade || dir === path.dirname(dir))
                        break;
                }
            }
            await fsp.chown(location, uid, gid);
            await fsp.lchown(link, uid, gid);
        }
        this.dirsToSync.add(location);
        this.dirsToSync.add(path.dirname(location));
        this.dirsToSync.add(path.dirname(link));
    }
    /** A change made outside the piece writes (a truncation, a removal): sync that file and/or its directory too. */
    noteChanged(relPath, kind) {
        const abs = this.abs(relPath);
        if (kind === 'file')
            this.toSync.push(abs);
        this.dirsToSync.add(path.dirname(abs));
    }
    /** Announces a file that will arrive in `pieces` pieces (so we know when it is complete). */
    expect(relPath, pieces, mode = 'create') {
        this.expected.set(relPath, { pieces, mode });
    }
    /** Starts a piece of an announced file at `offset`; the file is opened by its first piece. */
    beginPiece(relPath, offset) {
        if (this.failure)
            throw this.failure;
        const file = this.open.get(relPath) ?? this.openFile(relPath);
        let position = offset;
        // Network chunks end anywhere; a block is written by one call, so that a run killed between
        // two writes never leaves a block half old, half new (its header would then lie about it).
        let carry = null;
        let carried = 0;
        const put = (bytes) => {
            writeAllSync(file.fd, bytes, position);
            position += bytes.length;
            if (position > file.end)
                file.end = position;
            this.bytesWritten += bytes.length;
        };
        return {
            write: (bytes) => {
                let i = 0;
                if (carried > 0) {
                    i = Math.min(WRITE_ALIGN - carried, bytes.length);
                    carried += bytes.copy(carry, carried, 0, i);
                    if (carried < WRITE_ALIGN)
                        return;
                    put(carry);
                    carried = 0;
                }
                const whole = Math.floor((bytes.length - i) / WRITE_ALIGN) * WRITE_ALIGN;
                if (whole > 0)
                    put(bytes.subarray(i, i + whole));
                if (i + whole < bytes.length)
                    carried = bytes.copy((carry ??= Buffer.allocUnsafe(WRITE_ALIGN)), 0, i + whole);
            },
            end: () => {
                if (carried > 0)
                    put(carry.subarray(0, carried));
                this.pieceDone(relPath, file);
            },
        };
    }
    /** A piece whose source file vanished: nothing is written, and no file is created for it. */
    skipPiece(relPath) {
        const file = this.open.get(relPath);
        if (file) {
            this.pieceDone(relPath, file);
            return;
        }
        const expected = this.expected.get(relPath);
        if (expected === undefined)
            throw new Error(`internal: unexpected piece for ${relPath}`);
        if (--expected.pieces === 0)
            this.expected.delete(relPath);
    }
    /** One whole piece (null data: the source file vanished). */
    async writePiece(relPath, offset, data) {
        if (data === null)
            return this.skipPiece(relPath);
        const piece = this.beginPiece(relPath, offset);
        piece.write(data);
        piece.end();
    }
    /**
     * A whole small file written in place, made durable by the next flush(): for files written
     * while the target cannot start anyway (pg_control is not there yet), where atomic
     * replacement would only add two fsyncs each to the end of the run.
     */
    writeWhole(relPath, content) {
        this.expect(relPath, 1);
        const piece = this.beginPiece(relPath, 0);
        piece.write(Buffer.isBuffer(content) ? content : Buffer.from(content));
        piece.end();
    }
    /**
     * A whole small file (pg_control), replaced atomically and durable before returning: a crash
     * leaves the old file or the new one, never a torn one.
     */
    async writeFile(relPath, content) {
        const tmp = this.abs(`${relPath}.pg_catchup.tmp`);
        const fd = fs.openSync(tmp, 'w', exports.FILE_MODE);
        try {
            if (this.opts.owner)
                fs.fchownSync(fd, this.opts.owner.uid, this.opts.owner.gid);
            writeAllSync(fd, Buffer.isBuffer(content) ? content : Buffer.from(content), 0);
        }
        finally {
            fs.closeSync(fd);
        }
        if (this.opts.sync)
            await fsyncPath(tmp);
        await fsp.rename(tmp, this.abs(relPath));
        if (this.opts.sync)
            await fsyncPath(path.dirname(this.abs(relPath)));
    }
    /** Waits for the writes, background syncs and closes, then fsyncs the small files and directories. */
    async flush() {
        await this.settle();
        if (this.failure)
            throw this.failure;
        if (!this.opts.sync) {
            for (const done of this.doneAtFlush.splice(0))
                done();
            return;
        }
        if (this.opts.syncMethod === 'syncfs') {
            this.toSync.length = 0;
            this.dirsToSync.clear();
            const done = [...this.awaitingSyncfs.splice(0), ...this.doneAtFlush.splice(0)];
            this.bytesAwaitingSyncfs = 0;
            await (0, file_system_sync_1.syncFileSystems)(this.opts.root);
            for (const d of done)
                d();
            return;
        }
        await inParallel(this.toSync.splice(0), SYNC_CONCURRENCY, fsyncPath);
        for (const done of this.doneAtFlush.splice(0))
            done();
        // A directory noted for a removal inside it may itself have been removed since.
        const dirs = [...this.dirsToSync].filter((d) => fs.existsSync(d));
        this.dirsToSync.clear();
        await inParallel(dirs, SYNC_CONCURRENCY, fsyncPath);
    }
    /** After a failure: let background work settle and close what is open, without syncing. */
    async abandon() {
        this.failure ??= new Error('copy abandoned');
        await this.settle();
        for (const file of this.open.values())
            fs.closeSync(file.fd);
        this.open.clear();
    }
    async settle() {
        while (this.background.size > 0)
            await Promise.allSettled([...this.background]);
    }
    openFile(relPath) {
        if (this.failure)
            throw this.failure;
        const expected = this.expected.get(relPath);
        if (expected === undefined)
            throw new Error(`internal: unexpected piece for ${relPath}`);
        this.expected.delete(relPath);
        const abs = this.abs(relPath);
        // A file replaced whole is overwritten in place and cut to size at its end, not opened with
        // O_TRUNC: on ext4 that frees the old blocks and makes close() start writeback (auto_da_alloc),
        // 250 µs a file that a rewind of 250 small files waited for.
        const old = expected.mode === 'create' ? fs.lstatSync(abs, { throwIfNoEntry: false }) : undefined;
        const replacing = old?.isFile() === true;
        const fd = fs.openSync(abs, expected.mode === 'patch' || replacing ? 'r+' : 'w', exports.FILE_MODE);
        if (this.opts.owner && expected.mode === 'create')
            fs.fchownSync(fd, this.opts.owner.uid, this.opts.owner.gid);
        const file = { fd, abs, piecesLeft: expected.pieces, large: expected.pieces > 1, oldSize: replacing ? old.size : null, end: 0, whole: expected.mode === 'create' };
        this.open.set(relPath, file);
        this.dirsToSync.add(path.dirname(abs));
        return file;
    }
    pieceDone(relPath, file) {
        if (--file.piecesLeft > 0)
            return;
        this.open.delete(relPath);
        if (file.oldSize !== null && file.oldSize > file.end)
            fs.ftruncateSync(file.fd, file.end);
        this.filesWritten++;
        const done = file.whole && this.opts.onFileDone ? () => this.opts.onFileDone(relPath, file.end) : null;
        if (file.large && this.opts.sync && this.opts.syncMethod === 'syncfs') {
            fs.closeSync(file.fd);
            if (done)
                this.awaitingSyncfs.push(done);
            this.bytesAwaitingSyncfs += file.end;
            // A FULL's journal must not wait for the end: every GB or so, one syncfs makes the finished files count.
            if (this.bytesAwaitingSyncfs >= SYNCFS_BATCH_BYTES) {
                const batch = this.awaitingSyncfs.splice(0);
                this.bytesAwaitingSyncfs = 0;
                this.track((0, file_system_sync_1.syncFileSystems)(this.opts.root).then(() => batch.forEach((d) => d())));
            }
            return;
        }
        if (file.large && this.opts.sync) {
            this.track(syncAndClose(file.fd).then(done ?? undefined));
            return;
        }
        fs.closeSync(file.fd);
        this.toSync.push(file.abs);
        if (done)
            this.doneAtFlush.push(done);
    }
    track(p) {
        const tracked = p.catch((err) => {
            this.failure ??= err;
        });
        this.background.add(tracked);
        void tracked.finally(() => this.background.delete(tracked));
    }
}
exports.TargetWriter = TargetWriter;
function writeAllSync(fd, data, position) {
    let written = 0;
    while (written < data.length)
        written += fs.writeSync(fd, data, written, data.length - written, position + written);
}
function syncAndClose(fd) {
    return new Promise((resolve, reject) => {
        fs.fsync(fd, (syncErr) => {
            fs.close(fd, (closeErr) => {
                const err = syncErr ?? closeErr;
                if (err)
                    reject(err);
                else
                    resolve();
            });
        });
    });
}
async function fsyncPath(absPath) {
    const fh = await fsp.open(absPath, fs.constants.O_RDONLY);
    try {
        await fh.sync();
    }
    finally {
        await fh.close();
    }
}
async function inParallel(items, concurrency, fn) {
    let next = 0;
    const worker = async () => {
        while (next < items.length)
            await fn(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}


/***/ }),

/***/ 6804:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.WalSegmentSink = void 0;
const fsp = __importStar(__nccwpck_require__(1943));
const path = __importStar(__nccwpck_require__(6928));
const wal_segment_1 = __nccwpck_require__(3925);
const target_writer_1 = __nccwpck_require__(6773);
/**
 * Writes streamed WAL into the target's pg_wal as full-size segment files, as the server
 * expects them, and marks each complete segment as archived (.done) like pg_basebackup does,
 * so the new standby does not archive WAL that the primary already did.
 */
class WalSegmentSink {
    walDir;
    timeline;
    segSize;
    owner;
    sync;
    current = null;
    segments = [];
    bytesWritten = 0;
    constructor(walDir, timeline, segSize, owner, sync) {
        this.walDir = walDir;
        this.timeline = timeline;
        this.segSize = segSize;
        this.owner = owner;
        this.sync = sync;
    }
    async write(lsn, data) {
        let pos = lsn;
        let offset = 0;
        while (offset < data.length) {
            const segNo = (0, wal_segment_1.segmentNoOf)(pos, this.segSize);
            const fh = await this.segment(segNo);
            const inSegment = Number(pos - (0, wal_segment_1.segmentStartLsn)(segNo, this.segSize));
            const n = Math.min(data.length - offset, this.segSize - inSegment);
            await fh.write(data, offset, n, inSegment);
            offset += n;
            pos += BigInt(n);
            this.bytesWritten += n;
        }
    }
    /** Closes the last segment; call after the stream ended. */
    async close() {
        if (this.current)
            await this.closeCurrent();
    }
    /** After a failure: closes the open segment without syncing it (a rerun streams its own WAL). */
    async abandon() {
        const open = this.current;
        this.current = null;
        await open?.fh.close().catch(() => undefined);
    }
    async segment(segNo) {
        if (this.current && this.current.segNo === segNo)
            return this.current.fh;
        if (this.current)
            await this.closeCurrent();
        const name = (0, wal_segment_1.segmentFileName)(this.timeline, segNo, this.segSize);
        const fh = await fsp.open(path.join(this.walDir, name), 'w', target_writer_1.FILE_MODE);
        await fh.truncate(this.segSize);
        if (this.owner)
            await fh.chown(this.owner.uid, this.owner.gid);
        this.current = { segNo, fh };
        this.segments.push(name);
        return fh;
    }
    async closeCurrent() {
        const { segNo, fh } = this.current;
        this.current = null;
        if (this.sync)
            await fh.sync();
        await fh.close();
        const done = path.join(this.walDir, 'archive_status', `${(0, wal_segment_1.segmentFileName)(this.timeline, segNo, this.segSize)}.done`);
        await fsp.writeFile(done, '', { mode: target_writer_1.FILE_MODE });
        if (this.owner)
            await fsp.chown(done, this.owner.uid, this.owner.gid);
    }
}
exports.WalSegmentSink = WalSegmentSink;


/***/ }),

/***/ 7679:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CatchupError = void 0;
exports.isCatchupError = isCatchupError;
exports.errorMessage = errorMessage;
/**
 * Every refusal names the problem and the way out (style: pg_rewind's messages).
 * Adapters print `message`; `fix` is the next thing the user should do.
 */
class CatchupError extends Error {
    code;
    fix;
    constructor(code, problem, fix) {
        super(fix ? `${problem} ${fix}` : problem);
        this.name = 'CatchupError';
        this.code = code;
        this.fix = fix;
    }
}
exports.CatchupError = CatchupError;
function isCatchupError(err) {
    return err instanceof CatchupError;
}
/** The message of anything thrown, for logs and reports. */
function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}


/***/ }),

/***/ 4760:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.silentLogger = void 0;
exports.silentLogger = {
    info: () => undefined,
    warn: () => undefined,
    debug: () => undefined,
};


/***/ }),

/***/ 3560:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.resolveMode = resolveMode;
const fs = __importStar(__nccwpck_require__(9896));
const catchup_marker_1 = __nccwpck_require__(3711);
const target_checks_1 = __nccwpck_require__(4408);
/**
 * AUTO: FULL for a target that is absent or empty, or holds an interrupted FULL (which FULL
 * resumes), otherwise DELTA (it needs nothing from the source; PTRACK is chosen only when asked
 * for, since it refuses without change tracking).
 */
function resolveMode(requested, targetDir) {
    if (requested !== 'AUTO')
        return { mode: requested, why: `${requested} requested` };
    (0, target_checks_1.assertTargetOwnership)(targetDir); // we could not look inside to choose
    const empty = !fs.existsSync(targetDir) || (fs.statSync(targetDir).isDirectory() && fs.readdirSync(targetDir).length === 0);
    if (empty)
        return { mode: 'FULL', why: 'AUTO: the target is absent or empty' };
    if (interruptedFull(targetDir))
        return { mode: 'FULL', why: 'AUTO: the target holds an interrupted FULL, which FULL resumes' };
    return { mode: 'DELTA', why: 'AUTO: the target holds a data directory' };
}
function interruptedFull(targetDir) {
    try {
        return (0, catchup_marker_1.readMarker)(targetDir)?.mode === 'FULL';
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 1749:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.runBackupCopy = runBackupCopy;
exports.diskFullError = diskFullError;
exports.logValidation = logValidation;
exports.recordCopyResult = recordCopyResult;
exports.readControlFile = readControlFile;
exports.writeRecoveryConf = writeRecoveryConf;
const fs = __importStar(__nccwpck_require__(9896));
const copy_executor_1 = __nccwpck_require__(4635);
const page_validation_1 = __nccwpck_require__(8331);
const rate_limit_1 = __nccwpck_require__(6560);
const target_writer_1 = __nccwpck_require__(6773);
const wal_segment_sink_1 = __nccwpck_require__(6804);
const errors_1 = __nccwpck_require__(7679);
const log_1 = __nccwpck_require__(4760);
const backup_label_1 = __nccwpck_require__(4805);
const pg_control_1 = __nccwpck_require__(9737);
const recovery_conf_1 = __nccwpck_require__(5754);
const plan_1 = __nccwpck_require__(9121);
const report_1 = __nccwpck_require__(9863);
const backup_session_1 = __nccwpck_require__(2803);
const source_files_1 = __nccwpck_require__(1791);
const wal_receiver_1 = __nccwpck_require__(2614);
const source_wal_files_1 = __nccwpck_require__(4014);
const wal_insert_position_1 = __nccwpck_require__(1092);
const lsn_1 = __nccwpck_require__(2524);
const wal_segment_1 = __nccwpck_require__(3925);
const source_session_1 = __nccwpck_require__(6769);
/**
 * The part every mode shares (design rules 1-3, 6): a temporary slot, a non-exclusive backup,
 * WAL streamed from its start while the plan is built and carried out, then backup_label and
 * finally pg_control. `makePlan` runs after the backup started, so every page it selects is
 * read after the start checkpoint and any later change is in the WAL we ship. A target that
 * replays the source's WAL from R may not need the backup session (see sessionlessReplayStart).
 */
async function runBackupCopy(source, writer, opts, makePlan) {
    const { control, replication } = (0, source_session_1.serverOf)(source, 'A backup session');
    const { identity, segSize } = source;
    const slot = `pg_catchup_${process.pid}_${Date.now().toString(36)}`;
    await replication.createTemporarySlot(slot);
    await writer.makeDirectory('pg_wal');
    await writer.makeDirectory('pg_wal/archive_status');
    // Replaying: the WAL before what our slot holds is copied now, before the backup's checkpoint can recycle it.
    const shipped = opts.replay ? await copyWalFromReference(source, writer, opts.replay, slot, opts.logger) : null;
    const replayWalStart = shipped?.streamFrom ?? null;
    // A replaying target may need no backup session (and so no checkpoint) at all, as with pg_rewind.
    const replayFrom = replayWalStart !== null ? await sessionlessReplayStart(source, opts.replay, opts.logger) : null;
    const backup = replayFrom === null ? new backup_session_1.BackupSession(control) : null;
    opts.clock?.next(backup ? 'backup start (checkpoint)' : 'replay window');
    const startLsn = backup ? await backup.start(opts.label, true) : replayFrom;
    if (backup)
        opts.logger.info(`backup started at ${(0, lsn_1.formatLsn)(startLsn)} on timeline ${identity.timeline}`);
    const walStart = replayWalStart ?? (0, wal_segment_1.segmentStartLsn)((0, wal_segment_1.segmentNoOf)(startLsn, segSize), segSize);
    const sink = new wal_segment_sink_1.WalSegmentSink(writer.abs('pg_wal'), identity.timeline, segSize, writer.owner, opts.sync);
    const receiver = new wal_receiver_1.WalReceiver(replication.startStreaming(slot, walStart, identity.timeline), walStart, sink);
    const validation = source.dataChecksums ? new page_validation_1.CopyValidation(opts.validateThreads, source.blockSize, source.relsegSize) : null;
    let plan = null;
    try {
        opts.clock?.next('plan (listing, changed blocks)');
        plan = await makePlan(startLsn, replayWalStart !== null);
        opts.clock?.next('copy');
        const rateLimiter = opts.maxRateBytesPerSecond ? new rate_limit_1.RateLimiter(opts.maxRateBytesPerSecond) : undefined;
        const copy = await (0, copy_executor_1.executeCopy)(plan, source.files.readers, writer, opts.logger, validation ?? undefined, { rateLimiter });
        const validated = validation ? await validation.finish(source.files.readers[0], writer, startLsn) : null;
        if (validated)
            logValidation(validated, opts.logger);
        opts.clock?.next(backup ? 'backup stop and WAL' : 'WAL to the end of the copy');
        const controlFile = await readControlFile(source.files, identity.systemIdentifier);
        const stop = backup ? await backup.stop() : { stopLsn: await (0, wal_insert_position_1.lastInsertedRecordEnd)(control, segSize), backupLabel: '' };
        await receiver.finish(stop.stopLsn);
        await sink.close();
        opts.logger.info(`${backup ? 'backup stopped' : 'WAL complete'} at ${(0, lsn_1.formatLsn)(stop.stopLsn)}; ${sink.segments.length} WAL segment(s) received`);
        opts.clock?.next('finish (backup_label, fsync, pg_control)');
        if (source.history.length > 0) {
            const history = await replication.timelineHistory(identity.timeline);
            if (history)
                writer.writeWhole(`pg_wal/${history.fileName}`, history.content);
        }
        // Plain writes and one fsync pass: until pg_control is written, PostgreSQL refuses to start
        // the directory, so none of these needs an atomic replacement of its own.
        writer.writeWhole('backup_label', replayWalStart !== null
            ? (0, backup_label_1.formatReplayBackupLabel)({ ...opts.replay, segSize, startTime: new Date(), label: opts.label })
            : stop.backupLabel);
        // No tablespace_map: the pg_tblspc links already point where the target keeps each
        // tablespace (mapped or not), as pg_basebackup's plain format leaves them.
        if (opts.recoveryConninfo !== null)
            writeRecoveryConf(writer, opts.recoveryConninfo);
        await writer.flush();
        // Last (rule 6): until pg_control exists, PostgreSQL refuses to start the directory.
        await writer.writeFile(plan.controlFile, replayWalStart !== null ? (0, pg_control_1.pgControlForReplay)(controlFile, stop.stopLsn, identity.timeline) : controlFile);
        if (opts.sync) {
            await (0, target_writer_1.fsyncPath)(writer.abs('global'));
            await (0, target_writer_1.fsyncPath)(writer.abs('.'));
        }
        opts.clock?.end();
        return {
            startLsn, stopLsn: stop.stopLsn, plan, copy, validation: validated, replaying: replayWalStart !== null,
            walSegments: sink.segments.length + (shipped?.segments ?? 0), walBytes: sink.bytesWritten + (shipped?.segments ?? 0) * segSize,
        };
    }
    catch (err) {
        throw diskFullError(err, writer, plan) ?? err;
    }
    finally {
        await receiver.abort();
        await sink.abandon();
        await validation?.close();
    }
}
/**
 * A write that found the target's file system full, said with what was written, what is still
 * to come and what is free; the target is left marked (not startable), and a rerun resumes.
 */
function diskFullError(err, writer, plan) {
    if (err?.code !== 'ENOSPC')
        return null;
    const mb = (n) => `${(n / 1048576).toFixed(0)} MB`;
    let free = '?';
    try {
        const st = fs.statfsSync(writer.abs('.'));
        free = mb(st.bavail * st.bsize);
    }
    catch {
        // the message still names the rest
    }
    const planned = plan?.bytesToCopy ?? 0;
    return new errors_1.CatchupError('disk-full', `The target's file system is full: ${mb(writer.bytesWritten)} of ${mb(planned)} written, ${mb(Math.max(0, planned - writer.bytesWritten))} still to write plus the WAL, ${free} free (${err.message}).`, 'Free space on the target file system (or grow it), then run the same command again: the target is marked, PostgreSQL refuses to start it, and the rerun resumes.');
}
/**
 * Where a replaying target's copy window starts when it needs no backup session, or null when it
 * does. The target replays every source record from R, so a page read torn during the copy is
 * repaired if its change has a full-page image in that WAL: true when the source's latest
 * checkpoint (its redo) is at or past R, since the first change to each page after a checkpoint
 * logs the whole page (full_page_writes is on: a preflight check). That checkpoint also wrote
 * out everything before its redo, SLRUs included. A standby source has no insert position to
 * end the window at, so it keeps the backup session.
 */
async function sessionlessReplayStart(source, replay, logger) {
    if (source.info.inRecovery)
        return null;
    const redo = (0, pg_control_1.parsePgControl)(await readControlFile(source.files, source.identity.systemIdentifier), "the source's global/pg_control").redoLsn;
    if (redo < replay.redoLsn) {
        logger.info(`backup session needed: the source's last checkpoint (redo ${(0, lsn_1.formatLsn)(redo)}) is before R (${(0, lsn_1.formatLsn)(replay.redoLsn)}), so its start checkpoint is what guarantees full-page images`);
        return null;
    }
    logger.info(`no backup session needed: the target replays from R, and the source's last checkpoint (redo ${(0, lsn_1.formatLsn)(redo)}) is past it`);
    return redo;
}
/**
 * Copies the source's WAL segment files from R's segment up to the segment where our slot's
 * reservation starts (the stream takes over there), and returns that start and how many were
 * copied; null when the source no longer has one of them: the run then finds the source's
 * changes another way.
 */
async function copyWalFromReference(source, writer, replay, slot, logger) {
    const { segSize } = source;
    const reserved = await slotRestartLsn((0, source_session_1.serverOf)(source, 'A replication slot').control, slot);
    const streamFrom = (0, wal_segment_1.segmentStartLsn)((0, wal_segment_1.segmentNoOf)(reserved, segSize), segSize);
    const files = (0, source_wal_files_1.walFilesBetween)(replay.redoLsn, streamFrom, source.history, source.identity.timeline, segSize);
    const plan = (0, plan_1.wholeFilesPlan)(files.map((f) => ({ path: f.path, size: segSize })));
    // Made durable with everything else before pg_control; no fsync pass of its own.
    await (0, copy_executor_1.executeCopy)(plan, [source.files.readers[0]], writer, log_1.silentLogger, undefined, { flush: false });
    const missing = files.filter((f) => (fs.statSync(writer.abs(f.path), { throwIfNoEntry: false })?.size ?? 0) !== segSize);
    if (missing.length > 0) {
        for (const f of files)
            fs.rmSync(writer.abs(f.path), { force: true });
        logger.warn(`the source recycled WAL segment ${missing[0].path} before it was copied: the source's changes are found from its pages instead of by replaying its WAL from ${(0, lsn_1.formatLsn)(replay.redoLsn)}`);
        return null;
    }
    logger.info(`shipped ${files.length} WAL segment(s) from ${(0, lsn_1.formatLsn)(replay.redoLsn)} (R) for the target to replay; the stream continues at ${(0, lsn_1.formatLsn)(streamFrom)}`);
    return { streamFrom, segments: files.length };
}
async function slotRestartLsn(client, slot) {
    const res = await client.query('SELECT restart_lsn FROM pg_replication_slots WHERE slot_name = $1', [slot]);
    const lsn = res.rows[0]?.restart_lsn;
    if (!lsn)
        throw new errors_1.CatchupError('slot-missing', `Our temporary replication slot ${slot} has no reserved WAL on the source.`, 'Check that the replication and SQL connections reach the same server (no pooler or load balancer in between).');
    return (0, lsn_1.parseLsn)(lsn);
}
function logValidation(v, logger) {
    const extra = [
        v.rereadFixed ? `${v.rereadFixed} read mid-write and read again` : '',
        v.tornAfterStart ? `${v.tornAfterStart} torn after the backup start (replay repairs them)` : '',
    ].filter(Boolean).join(', ');
    logger.info(`validated ${v.pagesValidated} page checksums${extra ? ` (${extra})` : ''}`);
    for (const c of v.corrupt) {
        logger.warn(`corrupt page on the source: ${c.path} block ${c.blockNo}, LSN ${c.lsn}: ${c.reason} (stored checksum ${c.storedChecksum}, computed ${c.computedChecksum})`);
    }
}
/**
 * What every mode reports of its copy (LSNs, bytes, WAL, validation); then a corrupt source page
 * fails the run, after the target is complete.
 */
function recordCopyResult(report, result, wroteRecoveryConf) {
    report.lsn.backupStart = (0, lsn_1.formatLsn)(result.startLsn);
    report.lsn.backupStop = (0, lsn_1.formatLsn)(result.stopLsn);
    report.files.bytesCopied = result.copy.bytesCopied;
    report.files.walSegments = result.walSegments;
    report.files.walBytes = result.walBytes;
    report.wroteRecoveryConf = wroteRecoveryConf;
    (0, report_1.recordValidation)(report, result.validation);
    assertNoSourceCorruption(result.validation);
}
/**
 * Rule 9's outcome for the run: the target is a faithful copy either way, but corruption on the
 * source must not pass as a success (pg_basebackup exits non-zero for it too).
 */
function assertNoSourceCorruption(validation) {
    if (!validation || validation.corrupt.length === 0)
        return;
    const shown = validation.corrupt.slice(0, 5).map((c) => `${c.path} block ${c.blockNo} (LSN ${c.lsn})`).join(', ');
    throw new errors_1.CatchupError('source-corruption', `The sync completed, but ${validation.corrupt.length} page(s) on the source failed checksum verification: ${shown}${validation.corrupt.length > 5 ? ', ...' : ''}. ` +
        'The target holds the same pages as the source; the report lists every one.', 'Investigate the source now (pg_checksums --check on a stopped copy, amcheck), and restore the affected relations from a backup; the target is startable but carries the same damage.');
}
/** A torn or foreign pg_control must never become the target's: check CRC and identity first. */
async function readControlFile(files, systemIdentifier) {
    const content = await (0, source_files_1.readSourceControlFile)(files);
    const parsed = (0, pg_control_1.parsePgControl)(content, "the source's global/pg_control");
    if (parsed.systemIdentifierText !== systemIdentifier) {
        throw new errors_1.CatchupError('identity-mismatch', `The source's pg_control has system identifier ${parsed.systemIdentifierText}, but its replication connection reports ${systemIdentifier}.`, 'The connections reached different clusters (a load balancer or pooler in between?): point pg-catchup at one server directly.');
    }
    return content;
}
function writeRecoveryConf(writer, conninfo) {
    writer.writeWhole('standby.signal', '');
    const existing = fs.existsSync(writer.abs('postgresql.auto.conf')) ? fs.readFileSync(writer.abs('postgresql.auto.conf'), 'utf8') : '';
    const sep = existing === '' || existing.endsWith('\n') ? '' : '\n';
    writer.writeWhole('postgresql.auto.conf', existing + sep + (0, recovery_conf_1.autoConfLines)(conninfo));
}


/***/ }),

/***/ 6295:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.catchup = catchup;
const path = __importStar(__nccwpck_require__(6928));
const auto_mode_1 = __nccwpck_require__(3560);
const delta_1 = __nccwpck_require__(4667);
const full_1 = __nccwpck_require__(912);
const preflight_1 = __nccwpck_require__(194);
/** The catchup command: AUTO resolved to FULL or DELTA, then that mode; the report says both. */
async function catchup(opts) {
    const { mode, why } = (0, auto_mode_1.resolveMode)(opts.mode, path.resolve(opts.targetDir));
    if (opts.mode !== mode)
        opts.logger?.info(`mode ${mode} (${why})`);
    const tag = (r) => Object.assign(r, { modeRequested: opts.mode });
    try {
        if (mode === 'FULL' && opts.dryRun) {
            // FULL has no blocks to choose: its dry run is the preflight and the bytes it would copy.
            const report = await (0, preflight_1.runPreflight)({ ...opts, mode: 'FULL' });
            if (report.status === 'success')
                report.status = 'dry-run';
            report.command = 'catchup';
            return tag(report);
        }
        const run = mode === 'FULL' ? full_1.catchupFull : mode === 'PTRACK' ? delta_1.catchupPtrack : delta_1.catchupDelta;
        return tag(await run(opts));
    }
    catch (err) {
        const report = err.report;
        if (report)
            tag(report);
        throw err;
    }
}


/***/ }),

/***/ 5079:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TrackingUnavailable = exports.countBlocks = exports.SUMMARIZER_WAIT_MS = void 0;
exports.chooseTracker = chooseTracker;
exports.chooseSourceSide = chooseSourceSide;
exports.findSourceChanges = findSourceChanges;
const errors_1 = __nccwpck_require__(7679);
const listing_relations_1 = __nccwpck_require__(7798);
const change_source_choice_1 = __nccwpck_require__(8164);
const plan_delta_1 = __nccwpck_require__(7126);
const ptrack_changes_1 = __nccwpck_require__(9463);
const source_wal_files_1 = __nccwpck_require__(4014);
const wal_summary_changes_1 = __nccwpck_require__(3847);
const lsn_1 = __nccwpck_require__(2524);
const timeline_history_1 = __nccwpck_require__(8279);
const format_bytes_1 = __nccwpck_require__(9164);
const source_session_1 = __nccwpck_require__(6769);
const source_reads_1 = __nccwpck_require__(9096);
const source_wal_changes_1 = __nccwpck_require__(7933);
/** How long PTRACK waits for the WAL summarizer to reach the backup start before refusing. */
exports.SUMMARIZER_WAIT_MS = 30_000;
/** Blocks in a changed-block map. */
const countBlocks = (m) => [...m.values()].reduce((n, b) => n + b.length, 0);
exports.countBlocks = countBlocks;
/**
 * Before the first write: can PTRACK answer for changes since R? The ptrack extension must be
 * tracking; WAL summaries must exist without a hole from R up to where the summarizer is now
 * (the rest, up to the backup start, is waited for later). Refuses with the reason and DELTA.
 */
async function chooseTracker(source, referenceLsn) {
    if (!source.server) {
        throw new TrackingUnavailable('a stopped data directory has no change tracking to ask', 'PTRACK reads the change tracking of a running server, and the source is a stopped data directory.', 'Use -b DELTA with --source-pgdata: it finds the changed blocks itself.');
    }
    const { control } = source.server;
    const ptrack = await (0, ptrack_changes_1.ptrackAvailable)(control);
    if (ptrack.installed && !ptrack.reason)
        return { kind: 'ptrack' };
    const summariesUnavailable = await (0, wal_summary_changes_1.checkWalSummaries)(control);
    if (summariesUnavailable) {
        const why = [summariesUnavailable, ptrack.reason].filter(Boolean).join('; and ');
        throw new TrackingUnavailable(why, `PTRACK needs change tracking on the source, and it has none: ${why}.`, source.info.major >= 17
            ? 'Use -b DELTA (it finds changed blocks by their page LSNs and needs no tracking), or turn on WAL summaries for later runs: ALTER SYSTEM SET summarize_wal = on; SELECT pg_reload_conf();'
            : 'Use -b DELTA: it finds changed blocks by their page LSNs and needs no change tracking.');
    }
    const state = await (0, wal_summary_changes_1.readSummarizerState)(control);
    if (state.summarizedLsn > referenceLsn) {
        const coverage = (0, wal_summary_changes_1.planSummaryCoverage)({
            history: source.history, currentTli: source.identity.timeline, fromLsn: referenceLsn, toLsn: state.summarizedLsn,
            available: await (0, wal_summary_changes_1.listWalSummaries)(control),
        });
        if (coverage.gap) {
            throw new TrackingUnavailable(`the WAL summaries have a hole: ${coverage.gap}`, `The WAL summaries on the source do not cover every change since the reference LSN ${(0, lsn_1.formatLsn)(referenceLsn)}: ${coverage.gap}.`, 'Use -b DELTA (it needs no tracking); raise wal_summary_keep_time on the source so later PTRACK runs find their summaries.');
        }
    }
    return { kind: 'wal-summaries' };
}
/** Change tracking cannot answer; `reason` says why without PTRACK's advice (DELTA just uses something else). */
class TrackingUnavailable extends errors_1.CatchupError {
    reason;
    constructor(reason, problem, fix) {
        super('ptrack-unavailable', problem, fix);
        this.reason = reason;
    }
}
exports.TrackingUnavailable = TrackingUnavailable;
/**
 * Design rule 4, source half, chosen by cost before anything is written: a page-LSN scan on the
 * server, change tracking (WAL summaries or ptrack), or shipping the source's WAL from R for the
 * target to replay. PTRACK allows only tracking, and refuses when it cannot answer.
 */
async function chooseSourceSide(flavor, source, decision, targetListing, forced) {
    const R = decision.referenceLsn;
    const candidates = [];
    const relationBytes = (0, listing_relations_1.relationMainForkBytes)(targetListing);
    candidates.push(flavor === 'PTRACK'
        ? { method: 'page-scan', estimate: null, unavailable: 'PTRACK reads change tracking and never the data files (use -b DELTA for the other methods)' }
        : { method: 'page-scan', estimate: source.server ? (0, change_source_choice_1.serverPageScanEstimate)(relationBytes) : (0, change_source_choice_1.localPageScanEstimate)(relationBytes) });
    let tracker = null;
    let trackerError = null;
    try {
        tracker = await chooseTracker(source, R);
    }
    catch (err) {
        if (!(err instanceof TrackingUnavailable))
            throw err;
        trackerError = err;
    }
    if (flavor === 'PTRACK' && trackerError)
        throw trackerError;
    for (const kind of ['wal-summaries', 'ptrack']) {
        if (tracker?.kind === kind)
            candidates.push({ method: kind, estimate: (0, change_source_choice_1.trackerEstimate)() });
        else
            candidates.push({ method: kind, estimate: null, unavailable: tracker ? `not checked: ${tracker.kind} answers` : trackerError.reason });
    }
    const replay = await replayCandidate(flavor, source, decision);
    candidates.push(replay.candidate, sourceWalCandidate(source, R));
    try {
        const choice = (0, change_source_choice_1.chooseChangeSource)('source', candidates, forced);
        return { choice, tracker: choice.method === tracker?.kind ? tracker : null, replay: choice.method === 'wal-replay' ? replay.start : null };
    }
    catch (err) {
        if (err instanceof change_source_choice_1.ChangeSourceError)
            throw new errors_1.CatchupError('change-source', err.message, 'Drop --change-source to let pg-catchup choose.');
        throw err;
    }
}
/** Shipping the source's WAL from R: only where the source still has every segment of it. */
async function replayCandidate(flavor, source, decision) {
    const method = 'wal-replay';
    const R = decision.referenceLsn;
    if (flavor === 'PTRACK')
        return { candidate: { method, estimate: null, unavailable: 'PTRACK reads change tracking only' }, start: null };
    if (!source.server) {
        return { candidate: { method, estimate: null, unavailable: "a stopped source's pages are final: the target starts at its shutdown checkpoint and needs none of its WAL from R" }, start: null };
    }
    if (decision.checkpointLsn === undefined) {
        return { candidate: { method, estimate: null, unavailable: `no checkpoint is known whose redo is R (${(0, lsn_1.formatLsn)(R)}; R is the fork point itself, or was recorded by an interrupted run), and replay must start at one` }, start: null };
    }
    const now = source.identity.walPosition;
    const files = (0, source_wal_files_1.walFilesBetween)(R, now, source.history, source.identity.timeline, source.segSize);
    const missing = await (0, source_wal_files_1.missingWalFiles)(source.server.control, files, source.segSize);
    if (missing)
        return { candidate: { method, estimate: null, unavailable: missing }, start: null };
    return {
        candidate: { method, estimate: (0, change_source_choice_1.walReplayEstimate)(Number(now - R)) },
        start: { redoLsn: R, checkpointLsn: decision.checkpointLsn, timeline: (0, timeline_history_1.timelineOfLsn)(source.history, source.identity.timeline, R) },
    };
}
/**
 * Reading a stopped source's own WAL from R for its block references, here, as pg_rewind reads
 * the target's: no data file is scanned. Only where the WAL is on this host.
 */
function sourceWalCandidate(source, R) {
    const method = 'source-wal';
    if (!source.local)
        return { method, estimate: null, unavailable: "the source's WAL is read here only from a stopped data directory (--source-pgdata)" };
    const end = source.local.walEnd;
    return { method, estimate: (0, change_source_choice_1.targetWalEstimate)(Number(end > R ? end - R : 0n)) };
}
/**
 * The blocks the source changed since R, per main-fork file, by the chosen method: a page-LSN
 * scan (on the server, or here of a stopped source) of every file the target also has, the
 * tracker (no data file is read), a stopped source's own WAL, or none at all when the target
 * replays the source's WAL from R.
 */
async function findSourceChanges(side, replaying, source, sourceListing, targetListing, referenceLsn, startLsn, logger) {
    const { choice, tracker } = side;
    const chosen = { estimate: choice.estimate, reason: choice.reason };
    if (choice.method === 'wal-replay' && replaying) {
        const bytes = Number(startLsn - referenceLsn);
        logger.info(`source changes: none copied; the target replays the source's WAL from ${(0, lsn_1.formatLsn)(referenceLsn)} (${(0, format_bytes_1.formatBytes)(bytes)} up to the backup start)`);
        return {
            changed: new Map(),
            record: {
                side: 'source', method: 'wal-replay', filesScanned: 0, blocksFound: 0, bytesRead: bytes, ...chosen,
                detail: `the source's WAL from ${(0, lsn_1.formatLsn)(referenceLsn)} is shipped, and the target replays it from the checkpoint at R`,
            },
        };
    }
    let fallback = null;
    if (choice.method === 'source-wal') {
        const found = await (0, source_wal_changes_1.localSourceWalChanges)(source.local, sourceListing, referenceLsn, source.relsegSize, source.blockSize);
        if (found.complete) {
            const blocks = (0, exports.countBlocks)(found.changed);
            logger.info(`source changes: ${found.records} records of the source's WAL from ${(0, lsn_1.formatLsn)(referenceLsn)} (${(0, format_bytes_1.formatBytes)(found.walBytes)}) reference ${blocks} blocks; 0 data files scanned`);
            return {
                changed: found.changed,
                record: {
                    side: 'source', method: 'source-wal', filesScanned: 0, blocksFound: blocks, bytesRead: found.walBytes, ...chosen,
                    detail: `block references of the stopped source's WAL ${(0, lsn_1.formatLsn)(referenceLsn)}..${(0, lsn_1.formatLsn)(found.endLsn)}`,
                },
            };
        }
        fallback = `source-wal was chosen, but the source's WAL from R cannot account for every change (${found.reason}): its pages are scanned instead`;
        logger.info(`source changes: ${fallback}`);
    }
    if (choice.method === 'page-scan' || choice.method === 'wal-replay' || choice.method === 'source-wal' || !tracker) {
        const candidates = (0, plan_delta_1.patchCandidates)(sourceListing, targetListing, source.blockSize);
        const changed = await (0, source_reads_1.scanSourceChangedBlocks)(source, candidates, referenceLsn);
        const blocks = (0, exports.countBlocks)(changed);
        const where = source.server ? 'on the server' : 'here, of the stopped source';
        logger.info(`source changes: page-LSN scan of ${candidates.length} files ${where} found ${blocks} blocks with LSN >= ${(0, lsn_1.formatLsn)(referenceLsn)}`);
        return {
            changed,
            record: {
                side: 'source', method: 'page-scan', filesScanned: candidates.length, blocksFound: blocks, bytesRead: candidates.reduce((n, c) => n + c.length, 0),
                detail: `page LSN >= ${(0, lsn_1.formatLsn)(referenceLsn)}, read ${where}`,
                // wal-replay here: the source recycled that WAL before it was copied (logged then).
                ...(choice.method === 'page-scan' ? chosen : { reason: fallback ?? 'wal-replay was chosen, but the source recycled its WAL from R before it was copied' }),
            },
        };
    }
    const { control } = (0, source_session_1.serverOf)(source, 'Change tracking');
    if (tracker.kind === 'ptrack') {
        const res = await (0, ptrack_changes_1.ptrackChanges)(control, referenceLsn);
        const blocks = (0, exports.countBlocks)(res.changed);
        logger.info(`source changes: ptrack ${res.version} map since ${(0, lsn_1.formatLsn)(referenceLsn)}: ${res.rows} files, ${blocks} blocks; 0 data files scanned`);
        return { changed: res.changed, record: { side: 'source', method: 'ptrack', filesScanned: 0, blocksFound: blocks, bytesRead: 0, detail: `ptrack ${res.version}, tracking since ${(0, lsn_1.formatLsn)(res.initLsn)}`, ...chosen } };
    }
    const relsegSize = source.relsegSize;
    const res = await (0, wal_summary_changes_1.walSummaryChanges)(control, {
        fromLsn: referenceLsn, toLsn: startLsn, timeline: source.identity.timeline, history: source.history,
        blockSize: source.blockSize, relsegSize, tablespaceVersionDir: (0, listing_relations_1.tablespaceVersionDir)(sourceListing, source.info.major), waitMs: exports.SUMMARIZER_WAIT_MS, logger,
    });
    const sizes = new Map(sourceListing.filter((e) => !e.isDir).map((e) => [e.path, e.size]));
    const changed = (0, wal_summary_changes_1.applyLimitBlocks)(res.changed, res.limits, sizes, source.blockSize, relsegSize);
    const blocks = (0, exports.countBlocks)(changed);
    logger.info(`source changes: ${res.summaries} WAL summaries (${res.rows} rows) for ${(0, lsn_1.formatLsn)(referenceLsn)}..${(0, lsn_1.formatLsn)(startLsn)}: ${blocks} blocks; 0 data files scanned`);
    return {
        changed,
        record: { side: 'source', method: 'wal-summaries', filesScanned: 0, blocksFound: blocks, bytesRead: 0, detail: `${res.summaries} WAL summaries covering ${(0, lsn_1.formatLsn)(referenceLsn)}..${(0, lsn_1.formatLsn)(startLsn)}`, ...chosen },
    };
}


/***/ }),

/***/ 4667:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.catchupDelta = catchupDelta;
exports.catchupPtrack = catchupPtrack;
exports.rewind = rewind;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
const file_owner_1 = __nccwpck_require__(6616);
const target_writer_1 = __nccwpck_require__(6773);
const errors_1 = __nccwpck_require__(7679);
const log_1 = __nccwpck_require__(4760);
const catchup_marker_1 = __nccwpck_require__(3711);
const discarded_wal_keep_1 = __nccwpck_require__(9752);
const recovery_conf_1 = __nccwpck_require__(5754);
const target_listing_1 = __nccwpck_require__(9264);
const target_lock_1 = __nccwpck_require__(3777);
const target_path_1 = __nccwpck_require__(5777);
const target_write_errors_1 = __nccwpck_require__(9375);
const target_wal_discard_1 = __nccwpck_require__(2979);
const target_state_1 = __nccwpck_require__(8777);
const plan_delta_1 = __nccwpck_require__(7126);
const report_1 = __nccwpck_require__(9863);
const lsn_1 = __nccwpck_require__(2524);
const backup_copy_1 = __nccwpck_require__(1749);
const change_source_1 = __nccwpck_require__(5079);
const discarded_report_1 = __nccwpck_require__(5661);
const target_changes_1 = __nccwpck_require__(6648);
const wal_summary_changes_1 = __nccwpck_require__(3847);
const divergence_1 = __nccwpck_require__(5671);
const format_bytes_1 = __nccwpck_require__(9164);
const target_checks_1 = __nccwpck_require__(4408);
const source_session_1 = __nccwpck_require__(6769);
const target_layout_1 = __nccwpck_require__(1775);
const check_1 = __nccwpck_require__(4186);
const target_directory_1 = __nccwpck_require__(5299);
const single_user_recovery_1 = __nccwpck_require__(112);
const source_reads_1 = __nccwpck_require__(9096);
const stopped_source_copy_1 = __nccwpck_require__(3956);
// Without -R the target keeps its own recovery signal files, so a re-synced standby stays one.
const SIGNAL_FILES = ['standby.signal', 'recovery.signal'];
/**
 * DELTA: bring an existing copy of the source up to date (design rules 4-8). A lagging copy
 * gets the blocks the source changed since R; a diverged one also gets back every block it
 * changed on its own branch. The target is never startable while inconsistent (rule 7).
 */
async function catchupDelta(opts) {
    return syncExistingTarget(opts, 'DELTA');
}
/**
 * PTRACK: DELTA without scanning the source's data files: the changed blocks come from the
 * ptrack extension or, on PostgreSQL 17+, from WAL summaries covering R..backup start. A
 * diverged target's own changes are still found on the target (rule 4).
 */
async function catchupPtrack(opts) {
    return syncExistingTarget(opts, 'PTRACK');
}
/**
 * rewind: like DELTA, with pg_rewind's rules: the target needs data checksums or
 * wal_log_hints, an uncleanly stopped target gets crash recovery first, and a target still on
 * the source's history is left alone ("no rewind required").
 */
async function rewind(opts) {
    return syncExistingTarget(opts, 'rewind');
}
async function syncExistingTarget(opts, flavor) {
    const logger = opts.logger ?? log_1.silentLogger;
    const threads = opts.threads ?? 1;
    const sync = opts.sync ?? true;
    const { dir: targetDir, note: targetNote } = (0, target_path_1.resolveTargetDir)(opts.targetDir);
    const located = (0, source_session_1.locateSource)(opts);
    const report = (0, source_session_1.newSourceReport)(flavor, located, targetDir, threads);
    const started = Date.now();
    if (targetNote)
        logger.info(targetNote);
    const clock = new report_1.PhaseClock(report, logger);
    let source;
    let lock;
    try {
        (0, source_session_1.assertThreads)(threads);
        const parsedLayout = (0, target_layout_1.parseLayout)(opts, targetDir);
        const keepDir = opts.keepDiscardedWal ? (0, discarded_wal_keep_1.checkKeepDir)(opts.keepDiscardedWal, targetDir) : null;
        clock.next('preflight checks');
        (0, target_checks_1.assertTargetOwnership)(targetDir);
        // A run already at work here is named at once, before its half-done state is read as ours.
        target_lock_1.TargetLock.assertFree(targetDir);
        let target = (0, target_state_1.inspectTarget)(targetDir);
        source = await (0, source_session_1.openSource)(located.location, targetDir, threads, report.checks, { mode: flavor === 'PTRACK' ? 'PTRACK' : 'DELTA', failOnWarning: opts.failOnWarning });
        // Before the lock file or crash recovery writes anything into what may be the source's own directory.
        report.checks.push(await (0, source_reads_1.checkTargetNotTheSource)(targetDir, source));
        (0, check_1.assertChecksPass)(report.checks, opts.failOnWarning);
        if (opts.dryRun)
            target_lock_1.TargetLock.assertFree(targetDir);
        else
            lock = (0, target_checks_1.takeLock)(targetDir, report, logger);
        if (flavor === 'rewind' && needsCrashRecovery(target))
            target = await ensureCleanShutdown(target, opts, report, logger);
        report.checks.push((0, target_directory_1.checkTargetDirectory)(targetDir), (0, target_checks_1.checkTargetStopped)(target));
        if (flavor === 'rewind')
            report.checks.push(checkHintLogging(target));
        (0, check_1.assertChecksPass)(report.checks, opts.failOnWarning);
        report.source.serverVersion = source.info.versionText;
        report.source.systemIdentifier = source.identity.systemIdentifier;
        report.source.timeline = source.identity.timeline;
        report.checks.push(...(0, target_checks_1.checkTargetMatchesSource)(target, source));
        (0, check_1.assertChecksPass)(report.checks, opts.failOnWarning);
        const layout = await (0, target_layout_1.placeLayout)(parsedLayout, source, targetDir, (0, target_listing_1.readTablespaceLinks)(targetDir), report);
        (0, check_1.assertChecksPass)(report.checks, opts.failOnWarning);
        clock.next('reference LSN and divergence');
        const historyCheck = { id: 'target-history', title: "Target's position relative to the source's history" };
        const decision = await (0, divergence_1.decideReference)(target, source, logger, opts).catch((err) => {
            report.checks.push({ ...historyCheck, status: 'fail', detail: err.message, fix: err.fix });
            throw err;
        });
        report.checks.push({ ...historyCheck, status: 'pass', detail: `${decision.divergence.detail}; R = ${(0, lsn_1.formatLsn)(decision.referenceLsn)}` });
        recordDecision(report, target, decision);
        if (flavor === 'rewind' && !decision.divergence.diverged && !target.marker) {
            logger.info('no rewind required');
            report.status = 'no-op';
            report.nextStep = "Nothing was changed: the target is on the source's history and can follow it as a standby (write standby.signal and primary_conninfo, or use catchup -b DELTA -R), then start it.";
            return report;
        }
        const R = decision.referenceLsn;
        // Both sides are decided before the first write: the target's WAL is read now, and emptied later.
        const preListing = (0, target_listing_1.listTarget)(targetDir).filter((e) => !e.path.startsWith('pg_wal/'));
        const discardedCollector = (0, discarded_report_1.discardedWorkCollector)(target, decision);
        const targetChanges = await (0, target_changes_1.findTargetChanges)(target, decision, preListing, opts.changeSources?.target, logger, discardedCollector ?? undefined);
        report.discarded = (await (0, discarded_report_1.reportDiscardedWork)(target, decision, source, discardedCollector, Boolean(opts.dryRun), logger)) ?? undefined;
        const trackingCheck = { id: 'change-tracking-coverage', title: 'Change tracking covers the changes since R' };
        const sourceSide = await (0, change_source_1.chooseSourceSide)(flavor, source, decision, preListing, opts.changeSources?.source).catch((err) => {
            if (flavor === 'PTRACK')
                report.checks.push({ ...trackingCheck, status: 'fail', detail: err.message, fix: err.fix });
            throw err;
        });
        if (flavor === 'PTRACK') {
            report.checks.push({ ...trackingCheck, status: 'pass', detail: sourceSide.tracker?.kind === 'ptrack' ? 'the ptrack extension is tracking' : `WAL summaries cover ${(0, lsn_1.formatLsn)(R)} up to the summarizer's position without a hole` });
        }
        logger.info(`source side: ${sourceSide.choice.method}, ${sourceSide.choice.reason}${targetChanges ? `; target side: ${targetChanges.record.method}, ${targetChanges.record.reason}` : ''}`);
        const protectedPaths = [...catchup_marker_1.OWN_FILES, ...(opts.writeRecoveryConf ? [] : SIGNAL_FILES)];
        const makePlan = async (startLsn, replaying) => {
            const sourceListing = await source.files.list();
            // The target's pg_wal is set aside before the stream starts; nothing of ours is planned there.
            const targetListing = (0, target_listing_1.listTarget)(targetDir).filter((e) => !e.path.startsWith('pg_wal/'));
            const changes = await (0, change_source_1.findSourceChanges)(sourceSide, replaying, source, sourceListing, targetListing, R, startLsn, logger);
            report.changeSources = targetChanges ? [changes.record, targetChanges.record] : [changes.record];
            const plan = (0, plan_delta_1.planDelta)({
                source: sourceListing, target: targetListing, blockSize: source.blockSize,
                sourceChanged: changes.changed, targetChanged: targetChanges?.changed, protectedPaths, layout,
            });
            logPlan(plan, logger);
            recordPlan(report, plan);
            return plan;
        };
        if (opts.dryRun) {
            // No backup starts in a dry run: plan up to what the summarizer has reached (or the current WAL position).
            const horizon = sourceSide.tracker?.kind === 'wal-summaries' ? (await (0, wal_summary_changes_1.readSummarizerState)((0, source_session_1.serverOf)(source, 'PTRACK').control)).summarizedLsn : R;
            await makePlan(horizon > R ? horizon : R, sourceSide.replay !== null);
            report.status = 'dry-run';
            return report;
        }
        if (!opts.writeRecoveryConf && !SIGNAL_FILES.some((f) => fs.existsSync(path.join(targetDir, f)))) {
            report.warnings.push('the target has no standby.signal and -R was not given: after the sync it will start as a primary, not a standby');
        }
        if (keepDir)
            keepWalOfBranch(keepDir, target, decision, report, logger);
        // First write (rule 7): the job is recorded and pg_control set aside before any data changes.
        const owner = (0, file_owner_1.ownerForTarget)(targetDir);
        (0, catchup_marker_1.beginMarkedRun)(targetDir, {
            tool: 'pg-catchup', mode: flavor, referenceLsn: R, referenceReason: target.marker?.referenceReason ?? decision.reason,
            sourceSystemIdentifier: source.identity.systemIdentifier, startedAt: report.startedAt, pid: process.pid,
            diverged: decision.divergence.diverged, forkLsn: decision.divergence.forkLsn,
        }, owner);
        const walRemoval = (0, target_wal_discard_1.setTargetWalAside)(targetDir).catch((err) => {
            report.warnings.push(`the target's old WAL in ${target_wal_discard_1.DISCARDED_WAL_DIR} could not be removed (${err.message}): PostgreSQL ignores it; delete it yourself`);
        });
        const writer = new target_writer_1.TargetWriter({ root: targetDir, owner, sync, syncMethod: opts.syncMethod });
        const result = await (0, stopped_source_copy_1.copyFor)(source)(source, writer, {
            label: `pg-catchup ${flavor} ${report.startedAt}`,
            sync,
            clock,
            recoveryConninfo: opts.writeRecoveryConf ? (0, recovery_conf_1.primaryConninfo)(located.conn.keywords, opts.storePassword ?? false) : null,
            logger,
            validateThreads: opts.validateThreads ?? 0,
            replay: sourceSide.replay ?? undefined,
            maxRateBytesPerSecond: opts.maxRateBytesPerSecond,
        }, async (startLsn, replaying) => {
            if (startLsn < R) {
                throw new errors_1.CatchupError('target-ahead', `Current START LSN ${(0, lsn_1.formatLsn)(startLsn)} is lower than expected START LSN ${(0, lsn_1.formatLsn)(R)}.`, 'The target is ahead of the source: point the run at the right source, or rebuild the target with -b FULL.');
            }
            return makePlan(startLsn, replaying);
        });
        await walRemoval;
        (0, catchup_marker_1.endMarkedRun)(targetDir);
        (0, backup_copy_1.recordCopyResult)(report, result, Boolean(opts.writeRecoveryConf));
        for (const w of report.warnings)
            logger.warn(w);
        report.status = 'success';
        report.nextStep = (0, report_1.nextStepAfterSync)(report);
        return report;
    }
    catch (err) {
        throw (0, report_1.failReport)(report, (0, target_write_errors_1.targetWriteError)(err, targetDir) ?? (await (0, source_session_1.explainLostSource)(err, located, source)) ?? err);
    }
    finally {
        await (0, source_session_1.closeSourceSession)(source);
        lock?.release();
        clock.end();
        report.durationMs = Date.now() - started;
    }
}
/** --keep-discarded-wal, before the target's pg_wal is emptied. */
function keepWalOfBranch(dir, target, decision, report, logger) {
    if (!decision.divergence.diverged) {
        logger.info(`--keep-discarded-wal: the target did not diverge, so no WAL of its own is discarded; nothing kept in ${dir}`);
        return;
    }
    if (target.marker) {
        report.warnings.push(`--keep-discarded-wal: the interrupted run had already set the target's WAL aside; nothing kept in ${dir}`);
        return;
    }
    const from = decision.divergence.forkLsn ? (0, lsn_1.parseLsn)(decision.divergence.forkLsn) : decision.referenceLsn;
    const kept = (0, discarded_wal_keep_1.keepDiscardedWal)(target.dir, dir, from, target.control.walSegmentSize, (0, file_owner_1.ownerForTarget)(target.dir));
    if (report.discarded)
        report.discarded.keptIn = dir;
    logger.info(`kept ${kept.files} WAL files (${(0, format_bytes_1.formatBytes)(kept.bytes)}) from ${(0, lsn_1.formatLsn)(from)} on in ${dir}: pg_waldump -p ${dir} -s ${(0, lsn_1.formatLsn)(from)}`);
}
function needsCrashRecovery(target) {
    return !target.postmaster && !target.marker && !target.backupLabel && !['shut down', 'shut down in recovery'].includes(target.control.state);
}
/** pg_rewind's ensureCleanShutdown: crash recovery in single-user mode, unless told not to. */
async function ensureCleanShutdown(target, opts, report, logger) {
    if (opts.ensureShutdown === false || opts.dryRun) {
        const why = opts.dryRun ? '--dry-run changes nothing, so it does not run crash recovery' : 'with --no-ensure-shutdown';
        throw new errors_1.CatchupError('target-not-clean', `target server must be shut down cleanly: its pg_control says "${target.control.state}", and ${why}.`, opts.dryRun ? 'Run without --dry-run (crash recovery runs first), or start and stop the target cleanly yourself.'
            : 'Drop --no-ensure-shutdown to let pg-catchup run single-user crash recovery, or start and stop the target cleanly yourself.');
    }
    if (fs.existsSync(path.join(target.dir, 'standby.signal'))) {
        // Single-user mode cannot run standby recovery, and without the signal it would end recovery as a primary.
        throw new errors_1.CatchupError('target-not-clean', `target server must be shut down cleanly: it is a standby (standby.signal) whose pg_control says "${target.control.state}".`, `Start it so it resumes recovery, then stop it cleanly (pg_ctl start -D ${target.dir}; pg_ctl stop -D ${target.dir} -m fast), and rerun.`);
    }
    if (!opts.runner)
        throw new errors_1.CatchupError('no-runner', 'Crash recovery needs a command runner.', 'Internal: the adapter must pass one.');
    const postgres = await (0, single_user_recovery_1.findPostgresBinary)(target.majorVersion, opts.runner, opts.targetBinDir);
    logger.info(`target was not shut down cleanly ("${target.control.state}"): running single-user crash recovery with ${postgres}`);
    await (0, single_user_recovery_1.runSingleUserRecovery)(target.dir, postgres, (0, file_owner_1.ownerForTarget)(target.dir), opts.runner);
    report.warnings.push(`ran single-user crash recovery on the target (it was "${target.control.state}")`);
    return (0, target_state_1.inspectTarget)(target.dir);
}
function checkHintLogging(target) {
    const base = { id: 'target-hint-logging', title: 'Target has data checksums or wal_log_hints' };
    if ((0, target_checks_1.targetLogsHints)(target)) {
        return { ...base, status: 'pass', detail: target.control.dataChecksumVersion > 0 ? 'data checksums on' : 'wal_log_hints on' };
    }
    return { ...base, status: 'fail', detail: 'the target has neither data checksums nor wal_log_hints, so hint-bit-only changes on its own branch are invisible',
        fix: 'Rebuild the target with -b FULL; turn on wal_log_hints (or data checksums) on your clusters so rewinds are possible.' };
}
function recordDecision(report, target, d) {
    report.target.timeline = d.position.tli;
    report.target.position = (0, lsn_1.formatLsn)(d.position.lsn);
    report.target.state = target.control.state;
    report.lsn.reference = (0, lsn_1.formatLsn)(d.referenceLsn);
    report.reference = d.reason;
    report.divergence = d.divergence;
    if (target.marker)
        report.resumed = { from: `marker of a run started ${target.marker.startedAt} (PID ${target.marker.pid})`, startedAt: target.marker.startedAt };
}
function recordPlan(report, plan) {
    report.files.copied = plan.files.length;
    report.files.patched = plan.patches.length;
    report.files.truncated = plan.patches.filter((p) => p.sourceSize < p.targetSize).length;
    report.files.deleted = plan.deletions.length;
    report.files.skipped = plan.skipped.length;
    report.files.bytesPlanned = plan.bytesToCopy;
    report.files.blocksCopied = plan.patches.reduce((n, p) => n + p.blocks.sourceChanged + p.blocks.targetChanged + p.blocks.beyondTarget, 0);
}
function logPlan(plan, logger) {
    const blocks = plan.patches.reduce((n, p) => n + p.blocks.sourceChanged + p.blocks.targetChanged + p.blocks.beyondTarget, 0);
    logger.info(`plan: ${plan.files.length} files copied whole, ${plan.patches.length} relation files patched (${blocks} blocks), ` +
        `${plan.deletions.length} paths removed, ${(0, format_bytes_1.formatBytes)(plan.bytesToCopy)} to copy`);
}


/***/ }),

/***/ 5661:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.discardedWorkCollector = discardedWorkCollector;
exports.reportDiscardedWork = reportDiscardedWork;
exports.timestampTzToIso = timestampTzToIso;
exports.describeDiscarded = describeDiscarded;
const discarded_work_1 = __nccwpck_require__(4187);
const pg_wal_history_1 = __nccwpck_require__(665);
const relation_names_1 = __nccwpck_require__(4581);
const lsn_1 = __nccwpck_require__(2524);
const timeline_history_1 = __nccwpck_require__(8279);
const format_bytes_1 = __nccwpck_require__(9164);
/** Relations listed one by one in the report; the total is always given. */
const MAX_LISTED_RELATIONS = 200;
/** A collector for the fork's records when the target diverged at a known LSN, else null. */
function discardedWorkCollector(target, decision) {
    const fork = decision.divergence.forkLsn;
    return decision.divergence.diverged && fork && !target.marker ? new discarded_work_1.DiscardedWorkCollector((0, lsn_1.parseLsn)(fork), target.majorVersion) : null;
}
/**
 * What syncing a diverged target throws away (its WAL after the fork), named with the source's
 * catalogs, logged as a warning and returned for the report. Null for a target on the source's history.
 */
async function reportDiscardedWork(target, decision, source, shared, dryRun, logger) {
    if (!decision.divergence.diverged)
        return null;
    if (target.marker) {
        return { available: false, detail: "an interrupted run had already set the target's WAL aside; its report and log said what the target's branch held" };
    }
    if (!shared) {
        return { available: false, detail: `the fork point on timeline ${decision.divergence.forkTimeline} is not known exactly (${decision.divergence.detail}), so the target's own work cannot be told from what it shares with the source` };
    }
    const history = (0, pg_wal_history_1.readPgWalHistory)(target.dir, decision.position.tli) ?? [];
    const work = await (0, discarded_work_1.readDiscardedWork)({
        pgdata: target.dir, startLsn: decision.referenceLsn, forkLsn: shared.forkLsn, mustReach: decision.position.lsn,
        timelineForLsn: (lsn) => (0, timeline_history_1.timelineOfLsn)(history, decision.position.tli, lsn),
        systemIdentifier: target.control.systemIdentifier, walSegmentSize: target.control.walSegmentSize, pgMajor: target.majorVersion,
    }, shared);
    const names = source.server
        ? await (0, relation_names_1.nameRelationFiles)(source.server.conn, source.server.control, work.relations, work.databaseOids)
            .catch((err) => ({ databases: new Map(), relations: new Map(), notes: [`names could not be looked up: ${err.message}`] }))
        : { databases: new Map(), relations: new Map(), notes: ["relations are named from a running source's catalogs, and this source is a stopped data directory: relfilenodes only"] };
    const report = toReport(work, names);
    logger.warn(describeDiscarded(report, dryRun));
    return report;
}
function toReport(work, names) {
    const dbName = (oid) => (oid === 0 ? '(shared catalogs)' : names.databases.get(oid) ?? null);
    return {
        available: true,
        complete: work.complete,
        detail: [work.detail, ...names.notes].join('; '),
        fromLsn: (0, lsn_1.formatLsn)(work.fromLsn),
        toLsn: (0, lsn_1.formatLsn)(work.toLsn),
        walBytes: work.walBytes,
        records: work.records,
        committedTransactions: work.committed,
        abortedTransactions: work.aborted,
        firstCommitAt: timestampTzToIso(work.firstCommitTime),
        lastCommitAt: timestampTzToIso(work.lastCommitTime),
        databases: work.databaseOids.map((oid) => ({ oid, name: dbName(oid) })),
        relations: work.relations.slice(0, MAX_LISTED_RELATIONS).map((r) => ({
            databaseOid: r.dbOid, tablespaceOid: r.spcOid, relfilenode: r.relNumber, database: dbName(r.dbOid), name: names.relations.get((0, relation_names_1.relationFileKey)(r)) ?? null,
        })),
        relationsTotal: work.relations.length,
    };
}
/** TimestampTz (µs since 2000-01-01 UTC) as ISO 8601. */
function timestampTzToIso(t) {
    if (t === null)
        return null;
    return new Date(946_684_800_000 + Number(t / 1000n)).toISOString();
}
/** One log line: what is lost, in the words a DBA looks for. */
function describeDiscarded(d, dryRun) {
    if (!d.available)
        return `what the target's branch held is not known: ${d.detail}`;
    const verb = dryRun ? 'would discard' : 'discards';
    const commits = d.committedTransactions === 0 ? 'no committed transactions'
        : `${d.committedTransactions} committed transaction${d.committedTransactions === 1 ? '' : 's'} (${d.firstCommitAt} .. ${d.lastCommitAt})`;
    const dbs = d.databases.map((x) => x.name ?? `oid ${x.oid}`).join(', ') || 'none';
    const named = d.relations.map((r) => r.name ?? `relfilenode ${r.relfilenode}`);
    const rels = named.length > 8 ? `${named.slice(0, 8).join(', ')} and ${d.relationsTotal - 8} more` : named.join(', ') || 'none';
    return `this run ${verb} the target's work after the fork: ${commits}, ${d.abortedTransactions} aborted; WAL ${d.fromLsn}..${d.toLsn} (${(0, format_bytes_1.formatBytes)(d.walBytes)}); ` +
        `databases: ${dbs}; relations: ${rels}${d.complete ? '' : ` (incomplete: ${d.detail})`}`;
}


/***/ }),

/***/ 5671:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.decideReference = decideReference;
const path = __importStar(__nccwpck_require__(6928));
const file_owner_1 = __nccwpck_require__(6616);
const errors_1 = __nccwpck_require__(7679);
const single_user_recovery_1 = __nccwpck_require__(112);
const restore_command_source_1 = __nccwpck_require__(7237);
const reference_lsn_1 = __nccwpck_require__(4597);
const pg_wal_history_1 = __nccwpck_require__(665);
const lsn_1 = __nccwpck_require__(2524);
const local_wal_source_1 = __nccwpck_require__(6829);
const timeline_history_1 = __nccwpck_require__(8279);
const same_timeline_check_1 = __nccwpck_require__(7122);
const wal_reader_1 = __nccwpck_require__(1909);
const target_checks_1 = __nccwpck_require__(4408);
async function decideReference(target, source, logger, wal = {}) {
    const position = (0, reference_lsn_1.targetPosition)(target.control);
    if (target.marker) {
        // Resuming: the target's WAL and history went with the interrupted run; the marker kept R.
        const m = target.marker;
        return {
            referenceLsn: m.referenceLsn, reason: `${m.referenceReason} (recorded by the interrupted run)`, position,
            divergence: { diverged: m.diverged, forkLsn: m.forkLsn, detail: m.diverged ? 'diverged (recorded by the interrupted run)' : 'on the source history (recorded by the interrupted run)' },
        };
    }
    const targetHistory = (0, pg_wal_history_1.readPgWalHistory)(target.dir, position.tli);
    const relation = (0, reference_lsn_1.relateToSource)(position, { tli: source.identity.timeline, history: source.history, currentLsn: source.identity.walPosition }, targetHistory);
    if (relation.kind === 'ahead') {
        throw new errors_1.CatchupError('target-ahead', `Current START LSN ${(0, lsn_1.formatLsn)(relation.sourceLsn)} is lower than expected START LSN ${(0, lsn_1.formatLsn)(position.lsn)}: the target is ahead of the source on timeline ${position.tli}.`, 'The target has WAL the source does not: check that the connection points at the right primary; otherwise rebuild the target with -b FULL.');
    }
    if (relation.kind === 'unrelated') {
        throw new errors_1.CatchupError('no-common-history', `Cannot relate the target to the source: ${relation.detail}.`, 'Without a common history R cannot be established: rebuild the target with -b FULL.');
    }
    if (relation.kind === 'on-history') {
        const ref = (0, reference_lsn_1.referenceForLaggingTarget)(target.control, target.backupLabel);
        const onHistory = {
            referenceLsn: ref.lsn, reason: ref.reason, position, checkpointLsn: ref.checkpointLsn,
            divergence: { diverged: false, detail: `the target (timeline ${position.tli}, ${(0, lsn_1.formatLsn)(position.lsn)}) is on the source's history` },
        };
        // A backup_label target never ran: its pg_control came from the source with the files.
        if (target.backupLabel)
            return onHistory;
        return checkSameTimeline(target, source, onHistory, wal, logger);
    }
    // Diverged: R is the redo point of the last target checkpoint before the fork.
    assertHintLogging(target, `the target diverged from the source at ${(0, lsn_1.formatLsn)(relation.forkLsn)} (timeline ${relation.forkTli})`);
    const checkpoint = target.control.checkpointLsn < relation.forkLsn
        ? { redo: target.control.redoLsn, lsn: target.control.checkpointLsn, how: `redo LSN ${(0, lsn_1.formatLsn)(target.control.redoLsn)} of the target's last checkpoint, which precedes the fork` }
        : await lastCheckpointBeforeFork(target, relation.forkLsn, targetHistory ?? [], wal, logger);
    const label = target.backupLabel;
    const fromLabel = label !== null && label.startWalLocation < checkpoint.redo;
    const referenceLsn = fromLabel ? label.startWalLocation : checkpoint.redo;
    logger.info(`the target diverged from the source at ${(0, lsn_1.formatLsn)(relation.forkLsn)} on timeline ${relation.forkTli}; R = ${(0, lsn_1.formatLsn)(referenceLsn)}`);
    return {
        referenceLsn, reason: checkpoint.how, position, checkpointLsn: (fromLabel ? label.checkpointLocation : checkpoint.lsn) ?? undefined,
        divergence: {
            diverged: true, forkLsn: (0, lsn_1.formatLsn)(relation.forkLsn), forkTimeline: relation.forkTli,
            detail: `the target (timeline ${position.tli}, ${(0, lsn_1.formatLsn)(position.lsn)}) left the source's history at ${(0, lsn_1.formatLsn)(relation.forkLsn)} on timeline ${relation.forkTli}`,
        },
    };
}
/**
 * Same-timeline divergence: histories agree, yet the target may have run as a primary on the
 * same timeline. Its checkpoints are checked against the source's WAL, newest first; the first
 * identical one precedes any fork, so its redo point is a sound R.
 */
async function checkSameTimeline(target, source, onHistory, wal, logger) {
    const tli = target.control.timeline;
    const switchpoint = (0, timeline_history_1.switchpointOf)(source.history, source.identity.timeline, tli) ?? null;
    let checkpointLsn = target.control.checkpointLsn;
    let redo = target.control.redoLsn;
    let firstDetail = null;
    const reader = new wal_reader_1.WalReader((0, local_wal_source_1.localWalDirSource)(path.join(target.dir, 'pg_wal'), target.control.walSegmentSize), {
        timeline: tli, systemIdentifier: target.control.systemIdentifier,
    });
    for (let step = 0; step < MAX_CHECKPOINTS_BACK; step++) {
        const verdict = await (0, same_timeline_check_1.verifyCheckpointOnSource)(target, source, tli, switchpoint, checkpointLsn);
        if (verdict.kind === 'same') {
            if (firstDetail === null)
                return onHistory;
            const own = redo < onHistory.referenceLsn;
            const lsn = own ? redo : onHistory.referenceLsn;
            logger.info(`the target wrote WAL of its own on timeline ${tli}: ${firstDetail}; R = ${(0, lsn_1.formatLsn)(lsn)}`);
            return {
                referenceLsn: lsn, position: onHistory.position, checkpointLsn: own ? checkpointLsn : onHistory.checkpointLsn,
                reason: `redo LSN ${(0, lsn_1.formatLsn)(redo)} of the target's last checkpoint (at ${(0, lsn_1.formatLsn)(checkpointLsn)}) that is identical in the source's WAL`,
                divergence: { diverged: true, forkTimeline: tli, detail: `same-timeline divergence: ${firstDetail}` },
            };
        }
        if (verdict.kind === 'unverifiable') {
            if (!wal.assumeDiverged) {
                throw new errors_1.CatchupError('history-unverifiable', `Cannot verify that the target is on the source's history: ${verdict.detail}. A copy that once ran as a primary on timeline ${tli} (started without standby.signal) would be synced wrongly without knowing it.`, 'If the target may have diverged, pass --assume-diverged (its own changes since its last checkpoint are undone too); otherwise rebuild it with -b FULL.');
            }
            assertHintLogging(target, verdict.detail);
            // The fork is unknown: start from the oldest checkpoint the target's WAL still has, the
            // most its own data allows; the flag accepts that the fork is not older than that.
            const oldest = await oldestCheckpoint(reader, checkpointLsn, redo);
            const own = oldest.redo < onHistory.referenceLsn;
            const lsn = own ? oldest.redo : onHistory.referenceLsn;
            logger.warn(`${verdict.detail}; --assume-diverged: syncing from ${(0, lsn_1.formatLsn)(lsn)}, the oldest checkpoint in the target's WAL`);
            return {
                referenceLsn: lsn, position: onHistory.position, checkpointLsn: own ? oldest.checkpointLsn : onHistory.checkpointLsn,
                reason: `redo LSN ${(0, lsn_1.formatLsn)(oldest.redo)} of the oldest checkpoint in the target's WAL (at ${(0, lsn_1.formatLsn)(oldest.checkpointLsn)}); --assume-diverged: history not verified on the source`,
                divergence: { diverged: true, forkTimeline: tli, detail: `assumed (--assume-diverged): ${verdict.detail}` },
            };
        }
        firstDetail ??= verdict.detail;
        assertHintLogging(target, `the target wrote WAL of its own on timeline ${tli} (${firstDetail})`);
        try {
            const previous = await reader.findLastCheckpointBefore(checkpointLsn);
            checkpointLsn = previous.checkpointLsn;
            redo = previous.redoLsn;
        }
        catch (err) {
            throw new errors_1.CatchupError('fork-wal-missing', `The target wrote WAL of its own on timeline ${tli} (${firstDetail}), and its WAL does not go back to a checkpoint the source shares (${err.message}).`, 'Without it the blocks the target changed cannot be found: rebuild the target with -b FULL.');
        }
    }
    throw new errors_1.CatchupError('fork-too-far', `The target wrote WAL of its own on timeline ${tli} (${firstDetail}), further back than ${MAX_CHECKPOINTS_BACK} checkpoints.`, 'Rebuild the target with -b FULL.');
}
const MAX_CHECKPOINTS_BACK = 1000;
/** A diverged target's own changes are found by page LSN: hint-bit-only changes must be WAL-logged. */
function assertHintLogging(target, what) {
    if ((0, target_checks_1.targetLogsHints)(target))
        return;
    throw new errors_1.CatchupError('target-no-hint-logging', `${what[0].toUpperCase()}${what.slice(1)}, and the target has neither data checksums nor wal_log_hints, so the changes of its own branch cannot all be found.`, 'Rebuild the target with -b FULL; enable wal_log_hints on your clusters to make future rewinds possible.');
}
/** Walks back through every checkpoint the target's WAL still holds. */
async function oldestCheckpoint(reader, checkpointLsn, redo) {
    let oldest = { checkpointLsn, redo };
    for (let step = 0; step < MAX_CHECKPOINTS_BACK * 10; step++) {
        try {
            const previous = await reader.findLastCheckpointBefore(oldest.checkpointLsn);
            oldest = { checkpointLsn: previous.checkpointLsn, redo: previous.redoLsn };
        }
        catch {
            break;
        }
    }
    return oldest;
}
/**
 * The target's checkpoint is after the fork: walk its own WAL back from the fork point (through
 * xl_prev, as pg_rewind's findLastCheckpoint does) to the last checkpoint before it.
 */
async function lastCheckpointBeforeFork(target, forkLsn, history, wal, logger) {
    const tli = (0, reference_lsn_1.targetPosition)(target.control).tli;
    const local = (0, local_wal_source_1.localWalDirSource)(path.join(target.dir, 'pg_wal'), target.control.walSegmentSize);
    let restoring;
    if (wal.restoreTargetWal) {
        if (!wal.runner)
            throw new errors_1.CatchupError('no-runner', '-c needs a command runner.', 'Internal: the adapter must pass one.');
        const owner = (0, file_owner_1.ownerForTarget)(target.dir);
        const postgres = await (0, single_user_recovery_1.findPostgresBinary)(target.majorVersion, wal.runner, wal.targetBinDir);
        restoring = new restore_command_source_1.RestoreCommandSource(local, await (0, single_user_recovery_1.targetRestoreCommand)(target.dir, postgres, owner, wal.runner), wal.runner, owner);
    }
    const reader = new wal_reader_1.WalReader(restoring ?? local, {
        timelineForLsn: (lsn) => (0, timeline_history_1.timelineOfLsn)(history, tli, lsn),
        systemIdentifier: target.control.systemIdentifier,
    });
    try {
        const found = await reader.findLastCheckpointBefore(forkLsn);
        if (restoring && restoring.restored.length > 0)
            logger.info(`restored ${restoring.restored.length} WAL segment(s) of the target through restore_command`);
        return {
            redo: found.redoLsn,
            lsn: found.checkpointLsn,
            how: `redo LSN ${(0, lsn_1.formatLsn)(found.redoLsn)} of the target's last checkpoint before the fork (at ${(0, lsn_1.formatLsn)(found.checkpointLsn)}, read from its WAL)`,
        };
    }
    catch (err) {
        if (err instanceof wal_reader_1.WalReadError) {
            // Sound without that checkpoint: every block either side changed after the fork carries a
            // page LSN at or above it (the target's own changes need hint logging, checked above), and
            // the blocks below it are the shared history. Only replaying from R needs a checkpoint.
            logger.warn(`the target's WAL before the fork at ${(0, lsn_1.formatLsn)(forkLsn)} is not readable (${err.message})${wal.restoreTargetWal ? ', not even through restore_command' : ''}: R is the fork point itself`);
            return {
                redo: forkLsn,
                lsn: null,
                how: `the fork point ${(0, lsn_1.formatLsn)(forkLsn)} from the source's timeline history: the target's WAL before it is gone, so no checkpoint before the fork can be read`,
            };
        }
        throw err;
    }
    finally {
        restoring?.close();
    }
}


/***/ }),

/***/ 9164:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.formatBytes = formatBytes;
/** Human sizes for logs: 1024-based, one decimal. */
function formatBytes(n) {
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let v = n;
    let u = 0;
    while (v >= 1024 && u < units.length - 1) {
        v /= 1024;
        u++;
    }
    return `${v.toFixed(u === 0 ? 0 : 1)} ${units[u]}`;
}


/***/ }),

/***/ 9238:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.resumableFullCheck = resumableFullCheck;
exports.prepareFullResume = prepareFullResume;
exports.planFullResume = planFullResume;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
const errors_1 = __nccwpck_require__(7679);
const catchup_marker_1 = __nccwpck_require__(3711);
const completed_files_1 = __nccwpck_require__(6689);
const listing_relations_1 = __nccwpck_require__(7798);
const target_listing_1 = __nccwpck_require__(9264);
const plan_delta_1 = __nccwpck_require__(7126);
const lsn_1 = __nccwpck_require__(2524);
const format_bytes_1 = __nccwpck_require__(9164);
const source_reads_1 = __nccwpck_require__(9096);
/** An interrupted FULL is no obstacle to FULL, which resumes it: the target-empty check says so. */
function resumableFullCheck(marker) {
    return { id: 'target-empty', title: 'Target directory is empty', status: 'pass', detail: `it holds a FULL interrupted at its run started ${marker.startedAt} (PID ${marker.pid}): this run resumes it` };
}
/**
 * Checks that the interrupted FULL in `targetDir` can be resumed against this source, then
 * removes what it had not finished, before anything else is written: every file the journal
 * does not name (partial copies, its WAL, its backup_label), so the rerun copies those again.
 * Refuses a different source system, files the interrupted run cannot have written, and a
 * source that does not WAL-log hint bits (then a kept page could differ from the source's
 * without a newer LSN), unless the user asked to start over.
 */
async function prepareFullResume(targetDir, marker, source, startOver, logger) {
    if (marker.sourceSystemIdentifier !== source.identity.systemIdentifier) {
        throw new errors_1.CatchupError('resume-other-source', `The target holds an interrupted FULL from source system ${marker.sourceSystemIdentifier}, but this source is system ${source.identity.systemIdentifier}.`, 'Point the run at the source the interrupted FULL copied, or empty the target yourself and run FULL again.');
    }
    const sourcePaths = new Set((await source.files.list()).map((e) => e.path));
    const onTarget = (0, target_listing_1.listTarget)(targetDir).filter((e) => !e.isDir && !catchup_marker_1.OWN_FILES.includes(e.path));
    const foreign = onTarget.filter((e) => !sourcePaths.has(e.path) && !isOwnLeftover(e.path));
    if (foreign.length > 0 && !startOver) {
        throw new errors_1.CatchupError('resume-foreign-files', `The target holds an interrupted FULL, but also files that run did not write: ${foreign.slice(0, 3).map((e) => e.path).join(', ')}${foreign.length > 3 ? ` and ${foreign.length - 3} more` : ''}.`, 'Something else wrote into the target since: check what, then rerun with --start-over to delete it all and copy everything again.');
    }
    const hints = await (0, source_reads_1.sourceLogsHints)(source);
    if (!hints && !startOver) {
        throw new errors_1.CatchupError('resume-unsafe', 'The source has neither data checksums nor wal_log_hints, so a page that changed only by hint bits after the interrupted FULL started keeps its old LSN: the files it finished cannot be proven current.', 'Rerun with --start-over to delete what the interrupted FULL wrote and copy everything again (or turn on wal_log_hints on the source: ALTER SYSTEM SET wal_log_hints = on, then restart it).');
    }
    const journal = startOver ? new Map() : (0, completed_files_1.readCompletedFiles)(targetDir);
    const kept = new Map();
    for (const e of onTarget) {
        const size = journal.get(e.path);
        if (size !== undefined && size === e.size)
            kept.set(e.path, size);
        else
            fs.rmSync(path.join(targetDir, e.path), { force: true });
    }
    if (startOver) {
        logger.info(`--start-over: removed what the interrupted FULL (started ${marker.startedAt}) wrote; everything is copied again`);
    }
    return { marker, kept };
}
/**
 * The resumed copy, decided after the new backup started: kept files are brought up to date as
 * in DELTA with R = the interrupted run's start LSN (every page changed since it was read has a
 * newer LSN: hint bits included, as the source logs them), the rest is copied whole.
 */
async function planFullResume(resume, source, targetDir, layout, logger) {
    const sourceListing = await source.files.list();
    const targetListing = (0, target_listing_1.listTarget)(targetDir).filter((e) => !e.path.startsWith('pg_wal/'));
    const R = resume.marker.referenceLsn;
    const kept = (0, listing_relations_1.relationMainForks)(targetListing).filter((e) => resume.kept.has(e.path));
    const changed = await (0, source_reads_1.scanSourceChangedBlocks)(source, kept.map((e) => ({ path: e.path, length: e.size })), R);
    const plan = (0, plan_delta_1.planDelta)({
        source: sourceListing, target: targetListing, blockSize: source.blockSize, sourceChanged: changed,
        protectedPaths: catchup_marker_1.OWN_FILES, layout,
    });
    const keptBytes = kept.reduce((sum, e) => sum + e.size, 0);
    logger.info(`resumed: ${kept.length} files / ${(0, format_bytes_1.formatBytes)(keptBytes)} kept from the interrupted run (started ${resume.marker.startedAt}), brought up to date from ${(0, lsn_1.formatLsn)(R)}; ${(0, format_bytes_1.formatBytes)(plan.bytesToCopy)} to copy`);
    // Only relation files are really kept (patched): every other file is copied whole on every run.
    return { plan, keptFiles: kept.length, keptBytes };
}
/** Files a FULL writes that are not in the source's listing: its WAL, backup_label, recovery settings, and temporary files. */
function isOwnLeftover(p) {
    return p.startsWith('pg_wal/') || ['backup_label', 'tablespace_map', 'standby.signal', 'postgresql.auto.conf'].includes(p) || p.endsWith('.pg_catchup.tmp') || p.startsWith(`${catchup_marker_1.LOCK_FILE}.`);
}


/***/ }),

/***/ 912:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.formatBytes = void 0;
exports.catchupFull = catchupFull;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
const file_owner_1 = __nccwpck_require__(6616);
const errors_1 = __nccwpck_require__(7679);
const target_writer_1 = __nccwpck_require__(6773);
const log_1 = __nccwpck_require__(4760);
const catchup_marker_1 = __nccwpck_require__(3711);
const completed_files_1 = __nccwpck_require__(6689);
const recovery_conf_1 = __nccwpck_require__(5754);
const target_lock_1 = __nccwpck_require__(3777);
const target_path_1 = __nccwpck_require__(5777);
const target_write_errors_1 = __nccwpck_require__(9375);
const plan_full_1 = __nccwpck_require__(7883);
const check_1 = __nccwpck_require__(4186);
const target_directory_1 = __nccwpck_require__(5299);
const target_empty_1 = __nccwpck_require__(2665);
const disk_space_1 = __nccwpck_require__(8162);
const target_listing_1 = __nccwpck_require__(9264);
const report_1 = __nccwpck_require__(9863);
const backup_copy_1 = __nccwpck_require__(1749);
const format_bytes_1 = __nccwpck_require__(9164);
const source_session_1 = __nccwpck_require__(6769);
const target_checks_1 = __nccwpck_require__(4408);
const full_resume_1 = __nccwpck_require__(9238);
const target_layout_1 = __nccwpck_require__(1775);
const source_reads_1 = __nccwpck_require__(9096);
const stopped_source_copy_1 = __nccwpck_require__(3956);
var format_bytes_2 = __nccwpck_require__(9164);
Object.defineProperty(exports, "formatBytes", ({ enumerable: true, get: function () { return format_bytes_2.formatBytes; } }));
/**
 * FULL: copy a running primary into an empty directory (design rules 1, 2, 3, 5, 6).
 * Every refusal happens before the first write; on failure the target has no pg_control,
 * so PostgreSQL refuses to start it.
 */
async function catchupFull(opts) {
    const logger = opts.logger ?? log_1.silentLogger;
    const threads = opts.threads ?? 1;
    const sync = opts.sync ?? true;
    const { dir: targetDir, note: targetNote } = (0, target_path_1.resolveTargetDir)(opts.targetDir);
    const located = (0, source_session_1.locateSource)(opts);
    const report = (0, source_session_1.newSourceReport)('FULL', located, targetDir, threads);
    const started = Date.now();
    if (targetNote)
        logger.info(targetNote);
    const clock = new report_1.PhaseClock(report, logger);
    let source;
    let lock;
    let journal = null;
    try {
        (0, source_session_1.assertThreads)(threads);
        const parsedLayout = (0, target_layout_1.parseLayout)(opts, targetDir);
        clock.next('preflight checks');
        (0, target_checks_1.assertTargetOwnership)(targetDir);
        const isDir = fs.statSync(targetDir, { throwIfNoEntry: false })?.isDirectory() === true;
        // A run already at work on this directory is named as such, not reported as "not empty".
        if (isDir)
            target_lock_1.TargetLock.assertFree(targetDir);
        const marker = isDir ? (0, catchup_marker_1.readMarker)(targetDir) : null;
        if (marker && marker.mode !== 'FULL') {
            throw new errors_1.CatchupError('target-interrupted-other', `The target ${targetDir} holds an interrupted ${marker.mode} run (started ${marker.startedAt}, PID ${marker.pid}), not a FULL.`, `Rerun the interrupted run's mode to finish it (pg-catchup ${marker.mode === 'rewind' ? 'rewind' : `catchup -b ${marker.mode}`} with the same source); FULL needs an empty directory.`);
        }
        report.checks.push((0, target_directory_1.checkTargetDirectory)(targetDir), marker ? (0, full_resume_1.resumableFullCheck)(marker) : (0, target_empty_1.checkTargetEmpty)(targetDir));
        (0, check_1.assertChecksPass)(report.checks, opts.failOnWarning);
        source = await (0, source_session_1.openSource)(located.location, targetDir, threads, report.checks, { mode: 'FULL', failOnWarning: opts.failOnWarning });
        report.checks.push(await (0, source_reads_1.checkTargetNotTheSource)(targetDir, source));
        report.source.serverVersion = source.info.versionText;
        report.source.systemIdentifier = source.identity.systemIdentifier;
        report.source.timeline = source.identity.timeline;
        const layout = await (0, target_layout_1.placeLayout)(parsedLayout, source, targetDir, new Map(), report);
        if (opts.spaceCheck !== false) {
            // What is already there (a FULL being resumed) need not fit again.
            const present = isDir ? (0, target_listing_1.listTarget)(targetDir).reduce((sum, e) => sum + e.size, 0) : 0;
            report.checks.push((0, disk_space_1.checkDiskSpace)(targetDir, Math.max(0, (await (0, source_reads_1.sourceDataBytes)(source)) - present) + 4 * source.segSize, 'the databases, plus WAL'));
        }
        (0, check_1.assertChecksPass)(report.checks, opts.failOnWarning);
        // First write: everything above refused without touching the target.
        const owner = (0, file_owner_1.ownerForTarget)(targetDir);
        const writer = new target_writer_1.TargetWriter({ root: targetDir, owner, sync, syncMethod: opts.syncMethod, onFileDone: (p, size) => journal?.add(p, size) });
        await writer.makeDirectory('.');
        lock = (0, target_checks_1.takeLock)(targetDir, report, logger);
        const resume = marker ? await (0, full_resume_1.prepareFullResume)(targetDir, marker, source, opts.startOver ?? false, logger) : null;
        // A run that checked the same empty directory a moment before us may have written into it since.
        if (!marker)
            assertStillEmpty(targetDir);
        journal = new completed_files_1.CompletedFilesJournal(targetDir, owner);
        const result = await (0, stopped_source_copy_1.copyFor)(source)(source, writer, {
            label: `pg-catchup FULL ${report.startedAt}`,
            sync,
            clock,
            recoveryConninfo: opts.writeRecoveryConf ? (0, recovery_conf_1.primaryConninfo)(located.conn.keywords, opts.storePassword ?? false) : null,
            logger,
            validateThreads: opts.validateThreads ?? 0,
            maxRateBytesPerSecond: opts.maxRateBytesPerSecond,
        }, async (startLsn) => {
            // Rule 7 for FULL: an interrupted copy is marked (and resumable) from its first data write.
            (0, catchup_marker_1.beginMarkedRun)(targetDir, resume?.marker ?? {
                tool: 'pg-catchup', mode: 'FULL', referenceLsn: startLsn, sourceSystemIdentifier: source.identity.systemIdentifier,
                startedAt: report.startedAt, pid: process.pid, referenceReason: 'the backup start LSN of the interrupted FULL', diverged: false,
            }, owner);
            if (resume) {
                const { plan, keptFiles, keptBytes } = await (0, full_resume_1.planFullResume)(resume, source, targetDir, layout, logger);
                report.resumed = { from: `FULL interrupted at its run started ${resume.marker.startedAt} (PID ${resume.marker.pid})`, startedAt: resume.marker.startedAt, keptFiles, keptBytes };
                return plan;
            }
            const plan = (0, plan_full_1.planFull)(await source.files.list(), layout);
            logger.info(`copying ${plan.files.length} files, ${(0, format_bytes_1.formatBytes)(plan.bytesToCopy)}, with ${threads} connection(s)`);
            return plan;
        });
        journal.close();
        journal = null;
        (0, catchup_marker_1.endMarkedRun)(targetDir);
        fs.rmSync(path.join(targetDir, catchup_marker_1.COMPLETED_FILES), { force: true });
        Object.assign(report.files, { copied: result.copy.filesCopied, skipped: result.plan.skipped.length, bytesPlanned: result.plan.bytesToCopy });
        (0, backup_copy_1.recordCopyResult)(report, result, Boolean(opts.writeRecoveryConf));
        report.status = 'success';
        report.nextStep = (0, report_1.nextStepAfterSync)(report);
        return report;
    }
    catch (err) {
        throw (0, report_1.failReport)(report, (0, target_write_errors_1.targetWriteError)(err, targetDir) ?? (await (0, source_session_1.explainLostSource)(err, located, source)) ?? err);
    }
    finally {
        await (0, source_session_1.closeSourceSession)(source);
        journal?.close();
        lock?.release();
        clock.end();
        report.durationMs = Date.now() - started;
    }
}
function assertStillEmpty(targetDir) {
    // Our lock, and another run's lock written aside for a moment as it races for ours.
    const others = fs.readdirSync(targetDir).filter((n) => n !== catchup_marker_1.LOCK_FILE && !n.startsWith(`${catchup_marker_1.LOCK_FILE}.`));
    if (others.length > 0) {
        throw new errors_1.CatchupError('target-not-empty', `The target ${targetDir} is no longer empty (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', ...' : ''}): another run wrote into it after our checks.`, 'Make sure only one job syncs this target (a concurrency group), empty it, and rerun.');
    }
}


/***/ }),

/***/ 194:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.runPreflight = runPreflight;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
const log_1 = __nccwpck_require__(4760);
const disk_space_1 = __nccwpck_require__(8162);
const check_1 = __nccwpck_require__(4186);
const catchup_marker_1 = __nccwpck_require__(3711);
const target_directory_1 = __nccwpck_require__(5299);
const target_empty_1 = __nccwpck_require__(2665);
const report_1 = __nccwpck_require__(9863);
const auto_mode_1 = __nccwpck_require__(3560);
const delta_1 = __nccwpck_require__(4667);
const full_resume_1 = __nccwpck_require__(9238);
const source_session_1 = __nccwpck_require__(6769);
const target_layout_1 = __nccwpck_require__(1775);
const source_reads_1 = __nccwpck_require__(9096);
/**
 * Every verification a run would make, and nothing else: no write anywhere. FULL checks the
 * source and an empty target; DELTA builds the whole plan as --dry-run does (identity, state,
 * divergence, R, bytes). The report's checks are the result; a failure does not throw.
 */
async function runPreflight(opts) {
    const logger = opts.logger ?? log_1.silentLogger;
    const targetDir = path.resolve(opts.targetDir);
    const { mode, why } = (0, auto_mode_1.resolveMode)(opts.mode, targetDir);
    logger.info(`preflight for ${mode} (${why})`);
    let report;
    if (mode === 'DELTA' || mode === 'PTRACK') {
        const dryRun = mode === 'PTRACK' ? delta_1.catchupPtrack : delta_1.catchupDelta;
        report = await dryRun({ ...opts, dryRun: true }).catch((err) => err.report ?? Promise.reject(err));
        if (report.status === 'dry-run') {
            report.checks.push((0, disk_space_1.checkDiskSpace)(targetDir, report.files.bytesPlanned + 2 * 16 * 1048576, 'the plan, plus WAL'));
        }
    }
    else {
        report = await preflightFull(opts, targetDir);
    }
    report.command = 'preflight';
    report.modeRequested = opts.mode;
    const failed = report.checks.some((c) => c.status === 'fail') || (opts.failOnWarning && report.checks.some((c) => c.status === 'warn')) || report.error;
    report.status = failed ? 'failed' : 'success';
    if (failed && !report.error) {
        const first = report.checks.find((c) => c.status === 'fail') ?? report.checks.find((c) => c.status === 'warn');
        report.error = { code: `preflight-${first.id}`, message: `${first.title}: ${first.detail}.`, fix: first.fix };
    }
    report.nextStep = failed
        ? report.error?.fix ?? 'Fix the failing checks and run preflight again.'
        : `Run pg-catchup catchup -b ${mode} with the same options.`;
    return report;
}
async function preflightFull(opts, targetDir) {
    const located = (0, source_session_1.locateSource)(opts);
    const report = (0, source_session_1.newSourceReport)('FULL', located, targetDir, opts.threads ?? 1);
    const started = Date.now();
    let source;
    try {
        const parsedLayout = (0, target_layout_1.parseLayout)(opts, targetDir);
        report.checks.push((0, target_directory_1.checkTargetDirectory)(targetDir), interruptedFullCheck(targetDir) ?? (0, target_empty_1.checkTargetEmpty)(targetDir));
        (0, check_1.assertChecksPass)(report.checks);
        source = await (0, source_session_1.openSource)(located.location, targetDir, 1, report.checks, { mode: 'FULL' });
        report.checks.push(await (0, source_reads_1.checkTargetNotTheSource)(targetDir, source));
        report.source.serverVersion = source.info.versionText;
        report.source.systemIdentifier = source.identity.systemIdentifier;
        report.source.timeline = source.identity.timeline;
        await (0, target_layout_1.placeLayout)(parsedLayout, source, targetDir, new Map(), report);
        const bytes = await (0, source_reads_1.sourceDataBytes)(source);
        report.files.bytesPlanned = bytes;
        report.checks.push((0, disk_space_1.checkDiskSpace)(targetDir, bytes + 4 * source.segSize, 'the databases, plus WAL'));
        report.status = 'dry-run';
    }
    catch (err) {
        (0, report_1.failReport)(report, err);
    }
    finally {
        await (0, source_session_1.closeSourceSession)(source);
        report.durationMs = Date.now() - started;
    }
    return report;
}
function interruptedFullCheck(targetDir) {
    const marker = fs.statSync(targetDir, { throwIfNoEntry: false })?.isDirectory() ? (0, catchup_marker_1.readMarker)(targetDir) : null;
    return marker?.mode === 'FULL' ? (0, full_resume_1.resumableFullCheck)(marker) : null;
}


/***/ }),

/***/ 7122:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.verifyCheckpointOnSource = verifyCheckpointOnSource;
const path = __importStar(__nccwpck_require__(6928));
const lsn_1 = __nccwpck_require__(2524);
const local_wal_source_1 = __nccwpck_require__(6829);
const wal_fetch_1 = __nccwpck_require__(5471);
const wal_reader_1 = __nccwpck_require__(1909);
const wal_segment_1 = __nccwpck_require__(3925);
const wal_page_1 = __nccwpck_require__(5825);
// A checkpoint record is ~120 bytes; two pages cover it with its page header, wherever it starts.
const FETCH_BYTES = 2n * BigInt(wal_page_1.XLOG_BLCKSZ);
/**
 * Checks one checkpoint record of the target against the source's WAL. A standby started without standby.signal keeps its timeline and writes WAL of its own: the
 * histories cannot tell. Its last checkpoint record must exist, byte for byte, at the same LSN
 * in the source's WAL; otherwise the target wrote WAL the source never had.
 */
async function verifyCheckpointOnSource(target, source, tli, switchpoint, lsn) {
    const segSize = target.control.walSegmentSize;
    let mine;
    try {
        const reader = new wal_reader_1.WalReader((0, local_wal_source_1.localWalDirSource)(path.join(target.dir, 'pg_wal'), segSize), { timeline: tli, systemIdentifier: target.control.systemIdentifier });
        mine = (await reader.readRecordAt(lsn)).raw;
    }
    catch (err) {
        return { kind: 'unverifiable', detail: `the target's own WAL no longer has its checkpoint record at ${(0, lsn_1.formatLsn)(lsn)} (${err.message})` };
    }
    const from = lsn - (lsn % BigInt(wal_page_1.XLOG_BLCKSZ));
    let to = from + FETCH_BYTES;
    if (switchpoint !== null && to > switchpoint)
        to = switchpoint;
    if (to > source.identity.walPosition && tli === source.identity.timeline)
        to = source.identity.walPosition;
    if (to <= lsn)
        return { kind: 'different', detail: `the source's WAL on timeline ${tli} ends at ${(0, lsn_1.formatLsn)(to)}, before the target's checkpoint at ${(0, lsn_1.formatLsn)(lsn)}` };
    let wal;
    if (source.server) {
        const bytes = await (0, wal_fetch_1.fetchSourceWal)(source.server.replication, tli, from, to);
        if (!bytes)
            return { kind: 'unverifiable', detail: `the source no longer has the WAL at ${(0, lsn_1.formatLsn)(lsn)} on timeline ${tli} (removed or recycled)` };
        wal = rangeSource(from, bytes, segSize);
    }
    else {
        wal = (0, local_wal_source_1.localWalDirSource)(path.join(source.local.dir, 'pg_wal'), segSize);
    }
    let theirs;
    try {
        theirs = (await new wal_reader_1.WalReader(wal, { timeline: tli }).readRecordAt(lsn)).raw;
    }
    catch (err) {
        // A stopped source's pg_wal is read whole: a missing segment is WAL it no longer has, not a different record.
        if (source.local && err instanceof wal_reader_1.WalReadError && err.kind === 'segment-missing') {
            return { kind: 'unverifiable', detail: `the source's pg_wal no longer has the WAL at ${(0, lsn_1.formatLsn)(lsn)} on timeline ${tli} (removed or recycled)` };
        }
        return { kind: 'different', detail: `the source's WAL has no valid record at ${(0, lsn_1.formatLsn)(lsn)} (${err.message})` };
    }
    return mine.equals(theirs)
        ? { kind: 'same', detail: `the target's checkpoint record at ${(0, lsn_1.formatLsn)(lsn)} is identical in the source's WAL` }
        : { kind: 'different', detail: `the target's checkpoint record at ${(0, lsn_1.formatLsn)(lsn)} differs from the source's record at that LSN: the target wrote WAL of its own on timeline ${tli}` };
}
/** A few fetched bytes presented as segments (zeros elsewhere), for the reader. */
function rangeSource(from, bytes, segSize) {
    const segments = new Map();
    for (let off = 0; off < bytes.length;) {
        const lsn = from + BigInt(off);
        const segNo = (0, wal_segment_1.segmentNoOf)(lsn, segSize);
        const inSeg = Number(lsn - (0, wal_segment_1.segmentStartLsn)(segNo, segSize));
        const n = Math.min(bytes.length - off, segSize - inSeg);
        let seg = segments.get(segNo);
        if (!seg)
            segments.set(segNo, (seg = Buffer.alloc(segSize)));
        bytes.copy(seg, inSeg, off, off + n);
        off += n;
    }
    return { segSize, read: async (_tli, segNo) => segments.get(segNo) ?? null };
}


/***/ }),

/***/ 9096:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.scanSourceChangedBlocks = scanSourceChangedBlocks;
exports.sourceDataBytes = sourceDataBytes;
exports.checkTargetNotTheSource = checkTargetNotTheSource;
exports.sourceLogsHints = sourceLogsHints;
const local_changed_blocks_1 = __nccwpck_require__(1927);
const disk_space_1 = __nccwpck_require__(8162);
const target_not_source_1 = __nccwpck_require__(1839);
const changed_blocks_scan_1 = __nccwpck_require__(8091);
/**
 * What both kinds of source answer, each its own way: a running server through SQL, a stopped
 * data directory by reading its files here.
 */
/** Blocks with page LSN >= R, or new, within each range: scanned on the server, or read here. */
async function scanSourceChangedBlocks(source, ranges, referenceLsn) {
    if (source.server)
        return (0, changed_blocks_scan_1.scanChangedBlocks)(source.server.control, ranges, referenceLsn, source.blockSize);
    return (0, local_changed_blocks_1.scanLocalChangedBlocks)(source.local.dir, ranges.map((r) => ({ path: r.path, size: r.length })), referenceLsn, source.blockSize, { newPages: true });
}
/** Bytes of the source's databases (pg_database_size on a server, the files' sizes outside pg_wal here). */
async function sourceDataBytes(source) {
    if (source.server)
        return (0, disk_space_1.readSourceDataBytes)(source.server.control);
    return (await source.files.list()).filter((e) => !e.isDir && !e.path.startsWith('pg_wal/')).reduce((n, e) => n + e.size, 0);
}
/** Refuses a target that is the source's data directory or a tablespace of it, or lies inside or around one. */
async function checkTargetNotTheSource(targetDir, source) {
    if (source.server)
        return (0, target_not_source_1.checkTargetNotSource)(targetDir, await (0, target_not_source_1.readSourcePlacement)(source.server.control));
    return (0, target_not_source_1.checkTargetApart)(targetDir, source.local.dir, (await source.files.tablespaces()).map((t) => t.location));
}
/** wal_log_hints or data checksums: a hint-bit-only change carries a new page LSN. */
async function sourceLogsHints(source) {
    if (source.dataChecksums)
        return true;
    if (!source.server)
        return source.local.control.walLogHints;
    const res = await source.server.control.query("SELECT current_setting('wal_log_hints') AS v");
    return res.rows[0].v === 'on';
}


/***/ }),

/***/ 6769:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.explainLostSource = explainLostSource;
exports.serverOf = serverOf;
exports.locateSource = locateSource;
exports.newSourceReport = newSourceReport;
exports.openSource = openSource;
exports.openSourceSession = openSourceSession;
exports.closeSourceSession = closeSourceSession;
exports.assertThreads = assertThreads;
const errors_1 = __nccwpck_require__(7679);
const report_1 = __nccwpck_require__(9863);
const check_1 = __nccwpck_require__(4186);
const privileges_1 = __nccwpck_require__(9576);
const source_version_1 = __nccwpck_require__(8948);
const wal_level_1 = __nccwpck_require__(9685);
const wal_senders_1 = __nccwpck_require__(569);
const source_settings_1 = __nccwpck_require__(5559);
const path = __importStar(__nccwpck_require__(6928));
const connection_options_1 = __nccwpck_require__(3627);
const replication_connection_1 = __nccwpck_require__(8317);
const source_connect_1 = __nccwpck_require__(3770);
const connection_loss_1 = __nccwpck_require__(2514);
const local_pgdata_1 = __nccwpck_require__(5591);
const source_files_1 = __nccwpck_require__(1791);
const lsn_1 = __nccwpck_require__(2524);
const timeline_history_1 = __nccwpck_require__(8279);
/** A lost connection to a server source explained in one line (a stopped directory has none to lose). */
async function explainLostSource(err, located, session) {
    const conn = located.location.conn;
    return conn ? (0, connection_loss_1.explainSourceLoss)(err, conn, session?.info.postmasterStart ?? null) : null;
}
/** The running server behind a session, or a refusal naming what needs one. */
function serverOf(source, what) {
    if (source.server)
        return source.server;
    throw new errors_1.CatchupError('source-not-running', `${what} needs a running source server, and the source is a stopped data directory (${source.display}).`, 'Start the source and use --source-server instead of --source-pgdata.');
}
/**
 * The source the options name. With --source-pgdata the files come from the stopped directory,
 * and a connection given too (--source-server) is used only for -R's primary_conninfo, as
 * pg_rewind takes it; nothing connects to it.
 */
function locateSource(opts) {
    const env = opts.env ?? {};
    if (opts.sourcePgdata === undefined) {
        const conn = (0, connection_options_1.resolveConnection)(opts.source ?? {}, env);
        return { location: { conn }, display: conn.display, conn };
    }
    const conn = opts.source ? (0, connection_options_1.resolveConnection)(opts.source, env) : null;
    if (opts.writeRecoveryConf && !conn) {
        throw new errors_1.CatchupError('recovery-conninfo-missing', '-R writes primary_conninfo, and --source-pgdata names a directory, not a server to connect to.', 'Add --source-server=CONNSTR naming the server the target will follow (it is not connected to during the run), or drop -R and write primary_conninfo yourself.');
    }
    const pgdata = path.resolve(opts.sourcePgdata);
    return { location: { pgdata }, display: `stopped data directory ${pgdata}`, conn };
}
/** A run's report, naming its source (and the stopped directory, for --source-pgdata). */
function newSourceReport(mode, located, targetDir, threads) {
    const report = (0, report_1.newReport)(mode, located.display, targetDir, threads);
    if (located.location.pgdata)
        report.source.pgdata = located.location.pgdata;
    return report;
}
/** Opens either kind of source, pushing each check's result into `checks`. */
async function openSource(where, targetDir, threads, checks, opts = { mode: 'FULL' }) {
    return where.pgdata !== undefined ? openLocalSourceSession(where.pgdata, targetDir, threads, checks, opts) : openSourceSession(where.conn, threads, checks, opts);
}
/**
 * A stopped data directory on this host: identity, history and layout from its pg_control and
 * pg_wal; no connection, no backup session. PTRACK needs a server's change tracking.
 */
async function openLocalSourceSession(dir, targetDir, threads, checks, opts) {
    const check = { id: 'source-reachable', title: 'Source is reachable' };
    let local;
    try {
        if (opts.mode === 'PTRACK') {
            throw new errors_1.CatchupError('ptrack-unavailable', 'PTRACK reads the change tracking of a running server, and --source-pgdata names a stopped data directory.', 'Use -b DELTA with --source-pgdata (it finds the changed blocks itself), or start the source and use PTRACK with a connection.');
        }
        local = await (0, local_pgdata_1.openLocalSource)(dir, targetDir);
    }
    catch (err) {
        checks.push({ ...check, status: 'fail', detail: err.message, fix: err.fix });
        throw err;
    }
    const c = local.control;
    checks.push({ ...check, status: 'pass', detail: `stopped data directory ${local.dir} ("${c.state}" at ${(0, lsn_1.formatLsn)(c.checkpointLsn)} on timeline ${local.timeline})` });
    const info = {
        versionNum: local.majorVersion * 10000, major: local.majorVersion, versionText: `${local.majorVersion} (stopped data directory)`,
        inRecovery: c.state === 'shut down in recovery', postmasterStart: '',
    };
    checks.push((0, source_version_1.checkSourceVersion)(info));
    (0, check_1.assertChecksPass)(checks, opts.failOnWarning);
    return {
        display: `stopped data directory ${local.dir}`, server: null, local, files: (0, local_pgdata_1.localSourceFiles)(local.dir, threads), info,
        identity: { systemIdentifier: c.systemIdentifierText, timeline: local.timeline, walPosition: local.walEnd },
        history: local.history, segSize: c.walSegmentSize, blockSize: c.blockSize, relsegSize: c.relsegSize, dataChecksums: c.dataChecksumVersion > 0,
    };
}
async function openSourceSession(conn, threads, checks, opts = { mode: 'FULL' }) {
    const clients = [];
    let replication;
    try {
        const control = await (0, source_connect_1.connectSource)(conn).catch((err) => {
            checks.push({ id: 'source-reachable', title: 'Source is reachable', status: 'fail', detail: err.message, fix: err.fix });
            throw err;
        });
        clients.push(control);
        checks.push({ id: 'source-reachable', title: 'Source is reachable', status: 'pass', detail: `connected to ${conn.display}` });
        const info = await (0, source_version_1.readServerInfo)(control);
        checks.push((0, source_version_1.checkSourceVersion)(info));
        (0, check_1.assertChecksPass)(checks, opts.failOnWarning);
        const settings = await (0, source_settings_1.readSourceSettings)(control);
        checks.push(await (0, privileges_1.checkPrivileges)(control), await (0, wal_level_1.checkWalLevel)(control), ...(await (0, wal_senders_1.checkWalSenders)(control)), (0, source_settings_1.checkFullPageWrites)(settings), (0, source_settings_1.checkSourceHintLogging)(settings), (0, source_settings_1.checkChangeTracking)(settings, info.major, opts.mode === 'PTRACK'), (0, source_settings_1.checkArchiving)(settings));
        (0, check_1.assertChecksPass)(checks, opts.failOnWarning);
        const layout = await control.query(`SELECT (SELECT setting FROM pg_settings WHERE name = 'wal_segment_size') AS seg, current_setting('block_size') AS bs,
              (SELECT setting FROM pg_settings WHERE name = 'segment_size') AS relseg`);
        replication = await replication_connection_1.ReplicationConnection.open(conn);
        const identity = await replication.identifySystem();
        const historyFile = await replication.timelineHistory(identity.timeline);
        const history = historyFile ? (0, timeline_history_1.parseTimelineHistory)(historyFile.content.toString('utf8'), historyFile.fileName) : [];
        for (let i = 1; i < threads; i++)
            clients.push(await (0, source_connect_1.connectSource)(conn));
        return {
            display: conn.display, server: { conn, control, readers: clients, replication }, local: null,
            files: (0, source_files_1.sqlSourceFiles)(control, clients), info, identity, history,
            segSize: Number(layout.rows[0].seg), blockSize: Number(layout.rows[0].bs),
            relsegSize: Number(layout.rows[0].relseg), dataChecksums: settings.data_checksums === 'on',
        };
    }
    catch (err) {
        await replication?.close();
        await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
        throw err;
    }
}
async function closeSourceSession(s) {
    if (!s?.server)
        return;
    await s.server.replication.close();
    await Promise.all(s.server.readers.map((c) => c.end().catch(() => undefined)));
}
function assertThreads(threads) {
    if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
        throw new errors_1.CatchupError('bad-threads', `-j/--threads must be a whole number from 1 to 64, not ${threads}.`, 'Pass e.g. -j 2.');
    }
}


/***/ }),

/***/ 7933:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.localSourceWalChanges = localSourceWalChanges;
const listing_relations_1 = __nccwpck_require__(7798);
const target_wal_changes_1 = __nccwpck_require__(8488);
const timeline_history_1 = __nccwpck_require__(8279);
const target_changes_1 = __nccwpck_require__(6648);
/**
 * The blocks a stopped source changed since R, from the block references of its own WAL from R
 * to its end: the same reading pg_rewind does of a target's WAL (target-wal-changes.ts), done on
 * the source's pg_wal. Relations and databases created after R count as wholly changed. Not
 * complete when the WAL from R is gone or holds a record that changes relations unreadably.
 */
async function localSourceWalChanges(local, listing, R, relsegSize, blockSize) {
    const c = local.control;
    const res = await (0, target_wal_changes_1.targetWalChanges)({
        pgdata: local.dir, fromLsn: R, timelineForLsn: (lsn) => (0, timeline_history_1.timelineOfLsn)(local.history, local.timeline, lsn),
        systemIdentifier: c.systemIdentifier, walSegmentSize: c.walSegmentSize, blockSize, relsegSize,
        tablespaceVersionDir: (0, listing_relations_1.tablespaceVersionDir)(listing, local.majorVersion), mustReach: local.walEnd,
    });
    if (!res.complete)
        return { complete: false, reason: res.reason };
    const files = listing.map((e) => ({ ...e, isSymlink: false }));
    return {
        complete: true, changed: (0, target_changes_1.withWholeFiles)(res.changed, res.wholeFiles, res.wholeDirectories, files, blockSize),
        records: res.records, walBytes: res.walBytes, endLsn: res.endLsn,
    };
}


/***/ }),

/***/ 3956:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.runStoppedSourceCopy = runStoppedSourceCopy;
exports.copyFor = copyFor;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
const copy_executor_1 = __nccwpck_require__(4635);
const page_validation_1 = __nccwpck_require__(8331);
const rate_limit_1 = __nccwpck_require__(6560);
const target_writer_1 = __nccwpck_require__(6773);
const log_1 = __nccwpck_require__(4760);
const plan_1 = __nccwpck_require__(9121);
const local_pgdata_1 = __nccwpck_require__(5591);
const lsn_1 = __nccwpck_require__(2524);
const backup_copy_1 = __nccwpck_require__(1749);
// Recovery would start from a leftover label's checkpoint, not from the pg_control we write.
const LABEL_FILES = ['backup_label', 'tablespace_map'];
/**
 * The copy from a stopped source (--source-pgdata). A cleanly stopped cluster is consistent at
 * its last checkpoint, so there is no backup session, slot or WAL stream: the plan's files, the
 * WAL the target needs to start (the last checkpoint's redo up to the end of the source's WAL,
 * and every history file), a check that the source stayed stopped throughout, and last the
 * source's own pg_control (rule 6). The target starts at that checkpoint, with no backup_label.
 * Same contract as runBackupCopy; `makePlan` gets the end of the source's WAL as its start LSN:
 * no page read has a newer LSN, and any later change to the source will.
 */
async function runStoppedSourceCopy(source, writer, opts, makePlan) {
    const local = source.local;
    const { readers } = source.files;
    await writer.makeDirectory('pg_wal');
    await writer.makeDirectory('pg_wal/archive_status');
    const validation = source.dataChecksums ? new page_validation_1.CopyValidation(opts.validateThreads, source.blockSize, source.relsegSize) : null;
    let plan = null;
    try {
        opts.clock?.next('plan (listing, changed blocks)');
        plan = await makePlan(local.walEnd, false);
        opts.clock?.next('copy');
        const rateLimiter = opts.maxRateBytesPerSecond ? new rate_limit_1.RateLimiter(opts.maxRateBytesPerSecond) : undefined;
        const copy = await (0, copy_executor_1.executeCopy)(plan, readers, writer, opts.logger, validation ?? undefined, { rateLimiter });
        // Nothing was written to the source meanwhile: a bad checksum is corruption, never a torn read.
        const validated = validation ? await validation.finish(readers[0], writer, local.walEnd) : null;
        if (validated)
            (0, backup_copy_1.logValidation)(validated, opts.logger);
        opts.clock?.next('WAL from the last checkpoint');
        const walFiles = [...local.walFiles.map((f) => ({ path: f.path, size: source.segSize })), ...historyFiles(local.dir)];
        await (0, copy_executor_1.executeCopy)((0, plan_1.wholeFilesPlan)(walFiles), [readers[0]], writer, log_1.silentLogger, undefined, { flush: false });
        opts.logger.info(`copied ${local.walFiles.length} WAL segment(s) from the source's last checkpoint (redo ${(0, lsn_1.formatLsn)(local.control.redoLsn)}) to ${(0, lsn_1.formatLsn)(local.walEnd)}`);
        opts.clock?.next('finish (fsync, pg_control)');
        (0, local_pgdata_1.assertLocalSourceUnchanged)(local);
        for (const f of LABEL_FILES)
            fs.rmSync(writer.abs(f), { force: true });
        if (opts.recoveryConninfo !== null)
            (0, backup_copy_1.writeRecoveryConf)(writer, opts.recoveryConninfo);
        await writer.flush();
        // Last (rule 6): until pg_control exists, PostgreSQL refuses to start the directory.
        await writer.writeFile(plan.controlFile, local.controlBytes);
        if (opts.sync) {
            await (0, target_writer_1.fsyncPath)(writer.abs('global'));
            await (0, target_writer_1.fsyncPath)(writer.abs('.'));
        }
        opts.clock?.end();
        return {
            startLsn: local.control.redoLsn, stopLsn: local.walEnd, plan, copy, validation: validated, replaying: false,
            walSegments: local.walFiles.length, walBytes: local.walFiles.length * source.segSize,
        };
    }
    catch (err) {
        throw (0, backup_copy_1.diskFullError)(err, writer, plan) ?? err;
    }
    finally {
        await validation?.close();
    }
}
/** The copy for this kind of source: a backup session on a server, or the stopped directory's files. */
function copyFor(source) {
    return source.local ? runStoppedSourceCopy : backup_copy_1.runBackupCopy;
}
/** Every timeline history file in the source's pg_wal: a standby following later switches needs them. */
function historyFiles(dir) {
    return fs.readdirSync(path.join(dir, 'pg_wal')).filter((n) => /^[0-9A-F]{8}\.history$/.test(n))
        .map((n) => ({ path: `pg_wal/${n}`, size: fs.statSync(path.join(dir, 'pg_wal', n)).size }));
}


/***/ }),

/***/ 6648:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.findTargetChanges = findTargetChanges;
exports.withWholeFiles = withWholeFiles;
const errors_1 = __nccwpck_require__(7679);
const listing_relations_1 = __nccwpck_require__(7798);
const local_changed_blocks_1 = __nccwpck_require__(1927);
const target_wal_changes_1 = __nccwpck_require__(8488);
const pg_wal_history_1 = __nccwpck_require__(665);
const change_source_choice_1 = __nccwpck_require__(8164);
const lsn_1 = __nccwpck_require__(2524);
const timeline_history_1 = __nccwpck_require__(8279);
const change_source_1 = __nccwpck_require__(5079);
const format_bytes_1 = __nccwpck_require__(9164);
/**
 * Design rule 4, target half: the blocks a diverged target changed on its own branch since R,
 * found before the first write (the run empties the target's pg_wal). From the target's WAL, as
 * pg_rewind does, when that is cheaper than reading its data files and the WAL is all there;
 * otherwise by page LSN. Null for a target that did not diverge. A scan of the target's WAL also
 * feeds `discarded`, so what the rewind throws away is counted without reading the WAL twice.
 */
async function findTargetChanges(target, decision, targetListing, forced, logger, discarded) {
    if (!decision.divergence.diverged)
        return null;
    const R = decision.referenceLsn;
    const relationBytes = (0, listing_relations_1.relationMainForkBytes)(targetListing);
    const walBytes = Number(decision.position.lsn > R ? decision.position.lsn - R : 0n);
    let choice;
    try {
        choice = (0, change_source_choice_1.chooseChangeSource)('target', [
            target.marker
                ? { method: 'target-wal', estimate: null, unavailable: "the interrupted run emptied the target's pg_wal" }
                : { method: 'target-wal', estimate: (0, change_source_choice_1.targetWalEstimate)(walBytes) },
            { method: 'page-scan', estimate: (0, change_source_choice_1.localPageScanEstimate)(relationBytes) },
        ], forced);
    }
    catch (err) {
        if (err instanceof change_source_choice_1.ChangeSourceError)
            throw new errors_1.CatchupError('change-source', err.message, 'Drop --change-source to let pg-catchup choose.');
        throw err;
    }
    let fallback = null;
    if (choice.method === 'target-wal') {
        const history = (0, pg_wal_history_1.readPgWalHistory)(target.dir, decision.position.tli) ?? [];
        const res = await (0, target_wal_changes_1.targetWalChanges)({
            pgdata: target.dir, fromLsn: R, timelineForLsn: (lsn) => (0, timeline_history_1.timelineOfLsn)(history, decision.position.tli, lsn),
            systemIdentifier: target.control.systemIdentifier, walSegmentSize: target.control.walSegmentSize, blockSize: target.control.blockSize,
            relsegSize: target.control.relsegSize, tablespaceVersionDir: (0, listing_relations_1.tablespaceVersionDir)(targetListing, target.majorVersion), mustReach: decision.position.lsn,
            observe: discarded && ((record) => discarded.add(record)),
        });
        if (res.complete) {
            if (discarded)
                discarded.sharedScanEnd = res.endLsn;
            const changed = withWholeFiles(res.changed, res.wholeFiles, res.wholeDirectories, targetListing, target.control.blockSize);
            const blocks = (0, change_source_1.countBlocks)(changed);
            logger.info(`target changes: ${res.records} records of the target's WAL from ${(0, lsn_1.formatLsn)(R)} (${(0, format_bytes_1.formatBytes)(res.walBytes)}) reference ${blocks} blocks; 0 data files scanned`);
            return {
                changed,
                record: {
                    side: 'target', method: 'target-wal', filesScanned: 0, blocksFound: blocks, bytesRead: res.walBytes, estimate: choice.estimate, reason: choice.reason,
                    detail: `block references of the target's WAL ${(0, lsn_1.formatLsn)(R)}..${(0, lsn_1.formatLsn)(res.endLsn)} (its branch after the fork, read as pg_rewind reads it)`,
                },
            };
        }
        if (forced) {
            throw new errors_1.CatchupError('change-source', `--change-source target=target-wal is not possible: ${res.reason}.`, "Drop --change-source to let pg-catchup scan the target's pages instead.");
        }
        fallback = `the target's WAL from R is incomplete (${res.reason}), so its pages are scanned instead`;
        logger.info(`target changes: ${fallback}`);
    }
    const files = targetListing.filter((e) => !e.isDir && !e.isSymlink);
    const changed = (0, local_changed_blocks_1.scanLocalChangedBlocks)(target.dir, files, R, target.control.blockSize);
    return {
        changed,
        record: {
            side: 'target', method: 'page-scan', filesScanned: (0, listing_relations_1.relationMainForks)(targetListing).length, blocksFound: (0, change_source_1.countBlocks)(changed), bytesRead: relationBytes,
            estimate: (0, change_source_choice_1.localPageScanEstimate)(relationBytes), reason: fallback ?? choice.reason,
            detail: `the target's own pages with LSN >= ${(0, lsn_1.formatLsn)(R)} (its branch after the fork)`,
        },
    };
}
/** Every block of the listed files that a relation-level record (a create, a database copy) made new. */
function withWholeFiles(changed, wholeFiles, wholeDirectories, listing, blockSize) {
    if (wholeFiles.size === 0 && wholeDirectories.length === 0)
        return changed;
    const out = new Map(changed);
    for (const f of (0, listing_relations_1.relationMainForks)(listing)) {
        const relation = f.path.replace(/\.\d+$/, '');
        if (!wholeFiles.has(f.path) && !wholeFiles.has(relation) && !wholeDirectories.some((d) => f.path.startsWith(`${d}/`)))
            continue;
        out.set(f.path, Array.from({ length: Math.floor(f.size / blockSize) }, (_, i) => i));
    }
    return out;
}


/***/ }),

/***/ 4408:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.checkTargetStopped = checkTargetStopped;
exports.checkTargetMatchesSource = checkTargetMatchesSource;
exports.targetLogsHints = targetLogsHints;
exports.assertTargetOwnership = assertTargetOwnership;
exports.takeLock = takeLock;
const errors_1 = __nccwpck_require__(7679);
const target_directory_1 = __nccwpck_require__(5299);
const target_lock_1 = __nccwpck_require__(3777);
const lsn_1 = __nccwpck_require__(2524);
const CLEAN_STATES = ['shut down', 'shut down in recovery'];
/** Design rule 8: the target must be stopped, and cleanly (or be a run of ours to resume). */
function checkTargetStopped(target) {
    const base = { id: 'target-stopped', title: 'Target is cleanly shut down' };
    if (target.postmaster) {
        return { ...base, status: 'fail', detail: `a postmaster (PID ${target.postmaster.pid}) is running on ${target.dir}`,
            fix: `Stop it first: pg_ctl stop -D ${target.dir} -m fast.` };
    }
    if (target.marker) {
        return { ...base, status: 'pass', detail: `an interrupted pg-catchup run (started ${target.marker.startedAt}) left its marker: resuming it` };
    }
    if (target.backupLabel) {
        // No server runs with a backup_label (recovery renames it at startup): this is a restored
        // backup or a rewind result never started; recovery would begin at the label's start.
        return { ...base, status: 'pass',
            detail: `not started since it was copied: backup_label present (recovery would start at ${(0, lsn_1.formatLsn)(target.backupLabel.startWalLocation)}), pg_control state "${target.control.state}"` };
    }
    if (!CLEAN_STATES.includes(target.control.state)) {
        return { ...base, status: 'fail', detail: `the target's pg_control says "${target.control.state}": it was not shut down cleanly`,
            fix: `Start it and stop it cleanly (pg_ctl start -D ${target.dir}; pg_ctl stop -D ${target.dir} -m fast), or use pg-catchup rewind, which runs crash recovery first.` };
    }
    return { ...base, status: 'pass', detail: `stopped, pg_control state "${target.control.state}"` };
}
/** Design rule 8: same system, major version, block size and WAL segment size. */
function checkTargetMatchesSource(target, source) {
    const c = target.control;
    const sysid = source.identity.systemIdentifier;
    const results = [];
    const identity = { id: 'same-system', title: 'Target and source are the same cluster' };
    if (c.systemIdentifierText !== sysid) {
        results.push({ ...identity, status: 'fail',
            detail: `source and target clusters are from different systems: the target has system identifier ${c.systemIdentifierText}, the source ${sysid}`,
            fix: 'Check the connection points at the right primary; to replace the target with a copy of this source, use -b FULL into an empty directory.' });
    }
    else if (target.marker && target.marker.sourceSystemIdentifier !== sysid) {
        results.push({ ...identity, status: 'fail',
            detail: `the interrupted run in the target was syncing from system ${target.marker.sourceSystemIdentifier}, this source is ${sysid}`,
            fix: 'Rerun against the source the interrupted run used, or rebuild the target with -b FULL.' });
    }
    else {
        results.push({ ...identity, status: 'pass', detail: `system identifier ${sysid}` });
    }
    const layout = { id: 'same-layout', title: 'Same major version, block size and WAL segment size' };
    const diffs = [];
    if (target.majorVersion !== source.info.major)
        diffs.push(`major version ${target.majorVersion} vs ${source.info.major}`);
    if (c.blockSize !== source.blockSize)
        diffs.push(`block size ${c.blockSize} vs ${source.blockSize}`);
    if (c.walSegmentSize !== source.segSize)
        diffs.push(`WAL segment size ${c.walSegmentSize} vs ${source.segSize}`);
    results.push(diffs.length > 0
        ? { ...layout, status: 'fail', detail: `target vs source: ${diffs.join(', ')}`, fix: 'A copy can only be synced from a cluster of the same build: use -b FULL into an empty directory.' }
        : { ...layout, status: 'pass', detail: `PostgreSQL ${source.info.major}, ${c.blockSize}-byte blocks, ${c.walSegmentSize / 1048576} MB segments` });
    return results;
}
/** LSN-based selection misses hint-bit-only changes unless they are WAL-logged. */
function targetLogsHints(target) {
    return target.control.dataChecksumVersion > 0 || target.control.walLogHints;
}
/** The target's lock (design rule 7's "one run per target"); taking over a dead run's lock is said at once and in the report. */
/** First of all: a target that belongs to another user is named as such, not as an EACCES on our lock. */
function assertTargetOwnership(targetDir) {
    const ownership = (0, target_directory_1.checkTargetDirectory)(targetDir);
    if (ownership.status === 'fail')
        throw new errors_1.CatchupError('target-directory', `${ownership.detail}.`, ownership.fix);
}
function takeLock(targetDir, report, logger) {
    const lock = target_lock_1.TargetLock.acquire(targetDir);
    const notice = (0, target_lock_1.takeOverNotice)(lock, targetDir);
    if (notice) {
        logger.info(`notice: ${notice}`);
        report.warnings.push(notice);
    }
    return lock;
}


/***/ }),

/***/ 1775:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseLayout = parseLayout;
exports.placeLayout = placeLayout;
const errors_1 = __nccwpck_require__(7679);
const exclude_paths_1 = __nccwpck_require__(1519);
const tablespace_mapping_1 = __nccwpck_require__(67);
const tablespace_locations_1 = __nccwpck_require__(635);
// -R writes these; keeping the target's own copy of them and writing them are contradictory.
const RECOVERY_CONF_FILES = ['postgresql.auto.conf', 'standby.signal'];
/** Validates -T and --exclude-path before anything connects or writes. */
function parseLayout(req, targetDir) {
    const excludePaths = (0, exclude_paths_1.normalizeExcludePaths)(req.excludePaths ?? [], targetDir);
    const clash = excludePaths.find((p) => RECOVERY_CONF_FILES.includes(p));
    if (req.writeRecoveryConf && clash) {
        throw new errors_1.CatchupError('bad-exclude-path', `-R writes ${clash}, and --exclude-path ${clash} asks to keep the target's own copy untouched.`, `Drop -R to keep the target's recovery settings, or drop --exclude-path ${clash} to have -R write them.`);
    }
    return { mappings: (0, tablespace_mapping_1.parseTablespaceMappings)(req.tablespaceMapping ?? []), excludePaths };
}
/**
 * Places the source's tablespaces on the target (a preflight check row says where, or why
 * not) and records the layout in the report. Runs before the first write.
 */
async function placeLayout(parsed, source, targetDir, existingLinks, report) {
    const sourceTablespaces = await source.files.tablespaces();
    const tablespaces = (0, tablespace_mapping_1.placeTablespaces)(sourceTablespaces, parsed.mappings, targetDir, existingLinks);
    report.checks.push((0, tablespace_locations_1.checkTablespaceLocations)(tablespaces, existingLinks));
    report.tablespaces = tablespaces.map((t) => ({ oid: t.oid, sourceLocation: t.sourceLocation, targetLocation: t.targetLocation, placement: t.placement }));
    report.excludedPaths = parsed.excludePaths;
    return { tablespaces, excludePaths: parsed.excludePaths };
}


/***/ }),

/***/ 4805:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseBackupLabel = parseBackupLabel;
exports.formatReplayBackupLabel = formatReplayBackupLabel;
const lsn_1 = __nccwpck_require__(2524);
const wal_segment_1 = __nccwpck_require__(3925);
/**
 * A backup_label left in a target (a restored backup or a rewind that was never started) means
 * recovery will begin at its START WAL LOCATION, which can be older than pg_control's redo.
 */
function parseBackupLabel(text, name = 'backup_label') {
    const field = (key) => new RegExp(`^${key}: (.*)$`, 'm').exec(text)?.[1]?.trim() ?? null;
    const start = field('START WAL LOCATION');
    const checkpoint = field('CHECKPOINT LOCATION');
    if (start === null || checkpoint === null) {
        throw new Error(`${name} is malformed: it has no ${start === null ? 'START WAL LOCATION' : 'CHECKPOINT LOCATION'} line`);
    }
    const timeline = field('START TIMELINE');
    return {
        startWalLocation: (0, lsn_1.parseLsn)(start.split(' ')[0]),
        checkpointLocation: (0, lsn_1.parseLsn)(checkpoint),
        startTimeline: timeline === null ? null : Number(timeline),
        backupFrom: field('BACKUP FROM'),
        label: field('LABEL'),
    };
}
/**
 * The backup_label of a target that replays shipped WAL from R (pg_rewind's createBackupLabel):
 * recovery starts at the checkpoint whose redo is R; "BACKUP FROM: standby" makes it consistent
 * at pg_control's minimum recovery point instead of waiting for a backup-end record. The method
 * must not be "streamed", which would demand that record.
 */
function formatReplayBackupLabel(opts) {
    const file = (0, wal_segment_1.segmentFileName)(opts.timeline, (0, wal_segment_1.segmentNoOf)(opts.redoLsn, opts.segSize), opts.segSize);
    const time = opts.startTime.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
    return [
        `START WAL LOCATION: ${(0, lsn_1.formatLsn)(opts.redoLsn)} (file ${file})`,
        `CHECKPOINT LOCATION: ${(0, lsn_1.formatLsn)(opts.checkpointLsn)}`,
        'BACKUP METHOD: pg_catchup',
        'BACKUP FROM: standby',
        `START TIME: ${time}`,
        `LABEL: ${opts.label.replace(/\n/g, ' ')}`,
        `START TIMELINE: ${opts.timeline}`,
        '',
    ].join('\n');
}


/***/ }),

/***/ 3711:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.OWN_FILES = exports.COMPLETED_FILES = exports.CONTROL_ASIDE = exports.LOCK_FILE = exports.MARKER_FILE = void 0;
exports.readMarker = readMarker;
exports.beginMarkedRun = beginMarkedRun;
exports.endMarkedRun = endMarkedRun;
exports.fsyncDir = fsyncDir;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
const lsn_1 = __nccwpck_require__(2524);
/** Files of ours inside a target; a sync never deletes or overwrites them. */
exports.MARKER_FILE = 'pg_catchup.marker';
exports.LOCK_FILE = 'pg_catchup.lock';
exports.CONTROL_ASIDE = 'global/pg_control.pg_catchup';
/** The files an interrupted FULL finished (completed-files.ts). */
exports.COMPLETED_FILES = 'pg_catchup.done';
exports.OWN_FILES = [exports.MARKER_FILE, exports.LOCK_FILE, exports.CONTROL_ASIDE, exports.COMPLETED_FILES];
function readMarker(targetDir) {
    let text;
    try {
        text = fs.readFileSync(path.join(targetDir, exports.MARKER_FILE), 'utf8');
    }
    catch {
        return null;
    }
    const raw = JSON.parse(text);
    if (raw.tool !== 'pg-catchup' || typeof raw.referenceLsn !== 'string' || typeof raw.sourceSystemIdentifier !== 'string') {
        throw new Error(`${path.join(targetDir, exports.MARKER_FILE)} is not a pg-catchup marker`);
    }
    return { ...raw, referenceLsn: (0, lsn_1.parseLsn)(raw.referenceLsn) };
}
/**
 * Records the job, then moves pg_control aside: from here on PostgreSQL refuses to start the
 * directory until a run completes. Both steps are made durable before any data is written.
 */
function beginMarkedRun(targetDir, marker, owner) {
    const markerPath = path.join(targetDir, exports.MARKER_FILE);
    const tmp = `${markerPath}.tmp`;
    writeDurably(tmp, `${JSON.stringify({ ...marker, referenceLsn: (0, lsn_1.formatLsn)(marker.referenceLsn) }, null, 2)}\n`, owner);
    fs.renameSync(tmp, markerPath);
    fsyncDir(targetDir);
    const control = path.join(targetDir, 'global', 'pg_control');
    const aside = path.join(targetDir, exports.CONTROL_ASIDE);
    if (fs.existsSync(control)) {
        // A resumed run keeps the original aside copy; a pg_control written by the interrupted run goes.
        if (fs.existsSync(aside))
            fs.unlinkSync(control);
        else
            fs.renameSync(control, aside);
        fsyncDir(path.dirname(control));
    }
}
/** After the final pg_control is durable: the run is complete. */
function endMarkedRun(targetDir) {
    fs.rmSync(path.join(targetDir, exports.CONTROL_ASIDE), { force: true });
    fsyncDir(path.join(targetDir, 'global'));
    fs.rmSync(path.join(targetDir, exports.MARKER_FILE), { force: true });
    fsyncDir(targetDir);
}
function writeDurably(file, content, owner) {
    const fd = fs.openSync(file, 'w', 0o600);
    try {
        fs.writeSync(fd, content);
        if (owner)
            fs.fchownSync(fd, owner.uid, owner.gid);
        fs.fsyncSync(fd);
    }
    finally {
        fs.closeSync(fd);
    }
}
function fsyncDir(dir) {
    const fd = fs.openSync(dir, 'r');
    try {
        fs.fsyncSync(fd);
    }
    finally {
        fs.closeSync(fd);
    }
}


/***/ }),

/***/ 6689:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CompletedFilesJournal = void 0;
exports.readCompletedFiles = readCompletedFiles;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
const catchup_marker_1 = __nccwpck_require__(3711);
/**
 * The files a FULL has finished, one line each (size, tab, path), so that a rerun after an
 * interruption keeps them (bringing them up to date like DELTA) instead of copying them again.
 * A line is written only after the file's fsync has returned: a file the journal names is on
 * disk whole, even after a power loss. Lines lost with the process only cost a copy.
 */
class CompletedFilesJournal {
    fd;
    constructor(targetDir, owner) {
        this.fd = fs.openSync(path.join(targetDir, catchup_marker_1.COMPLETED_FILES), 'a', 0o600);
        if (owner)
            fs.fchownSync(this.fd, owner.uid, owner.gid);
    }
    /** `relPath` (relative to PGDATA) is complete and durable at `size` bytes. */
    add(relPath, size) {
        // One write per line: O_APPEND keeps lines whole even if the process dies right after.
        fs.writeSync(this.fd, `${size}\t${relPath}\n`);
    }
    close() {
        fs.closeSync(this.fd);
    }
}
exports.CompletedFilesJournal = CompletedFilesJournal;
/** The journal of an interrupted FULL: path -> size; empty when there is none. A torn last line is ignored. */
function readCompletedFiles(targetDir) {
    let text;
    try {
        text = fs.readFileSync(path.join(targetDir, catchup_marker_1.COMPLETED_FILES), 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return new Map();
        throw err;
    }
    const done = new Map();
    // Only whole lines: a line cut by a kill mid-write has no newline and could name another file.
    for (const line of text.split('\n').slice(0, -1)) {
        const m = /^(\d+)\t(.+)$/.exec(line);
        if (m)
            done.set(m[2], Number(m[1]));
    }
    return done;
}


/***/ }),

/***/ 9028:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

/**
 * CRC-32C (Castagnoli), the checksum PostgreSQL uses for pg_control, WAL records and
 * backup manifests (pg_crc32c: init 0xFFFFFFFF, reflected polynomial 0x82F63B78, final xor).
 * Slice-by-8 tables (eight bytes per step): Node has no built-in CRC-32C, and a byte-wise
 * loop would be the slowest part of verifying WAL.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CRC32C_INIT = exports.CRC32C_TABLES = void 0;
exports.crc32cUpdate = crc32cUpdate;
exports.crc32cFinish = crc32cFinish;
exports.crc32c = crc32c;
const POLY_REFLECTED = 0x82f63b78;
/** The slice-by-8 tables, shared with the word-wise WAL CRC (wal/wal-crc). */
exports.CRC32C_TABLES = buildTables();
const TABLES = exports.CRC32C_TABLES;
function buildTables() {
    const tables = new Uint32Array(8 * 256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? (c >>> 1) ^ POLY_REFLECTED : c >>> 1;
        tables[n] = c;
    }
    // Table k advances a byte that sits k positions before the end of an 8-byte block.
    for (let k = 1; k < 8; k++) {
        for (let n = 0; n < 256; n++) {
            const prev = tables[(k - 1) * 256 + n];
            tables[k * 256 + n] = (prev >>> 8) ^ tables[prev & 0xff];
        }
    }
    return tables;
}
/** The running value before any byte (INIT_CRC32C). */
exports.CRC32C_INIT = 0xffffffff;
/** Feeds `data[start, end)` into a running CRC (COMP_CRC32C); returns the new running value. */
function crc32cUpdate(crc, data, start = 0, end = data.length) {
    const t = TABLES;
    let c = crc >>> 0;
    let i = start;
    for (; i + 8 <= end; i += 8) {
        c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
        c =
            t[7 * 256 + (c & 0xff)] ^
                t[6 * 256 + ((c >>> 8) & 0xff)] ^
                t[5 * 256 + ((c >>> 16) & 0xff)] ^
                t[4 * 256 + (c >>> 24)] ^
                t[3 * 256 + data[i + 4]] ^
                t[2 * 256 + data[i + 5]] ^
                t[256 + data[i + 6]] ^
                t[data[i + 7]];
    }
    for (; i < end; i++)
        c = (c >>> 8) ^ t[(c ^ data[i]) & 0xff];
    return c >>> 0;
}
/** Turns a running value into the stored checksum (FIN_CRC32C). */
function crc32cFinish(crc) {
    return (crc ^ 0xffffffff) >>> 0;
}
/** CRC-32C of `data[start, end)` as PostgreSQL stores it (unsigned 32-bit). */
function crc32c(data, start = 0, end = data.length) {
    return crc32cFinish(crc32cUpdate(exports.CRC32C_INIT, data, start, end));
}


/***/ }),

/***/ 9752:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.checkKeepDir = checkKeepDir;
exports.keepDiscardedWal = keepDiscardedWal;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
const errors_1 = __nccwpck_require__(7679);
const target_path_1 = __nccwpck_require__(5777);
const wal_segment_1 = __nccwpck_require__(3925);
/**
 * --keep-discarded-wal DIR: the target's WAL from the fork on, kept where pg_waldump can read it
 * after the sync has emptied pg_wal. Checked before the run's first write, so a bad DIR refuses
 * the run instead of losing the WAL it was meant to keep.
 */
function checkKeepDir(dir, targetDir) {
    const abs = (0, target_path_1.realPathOf)(dir);
    const target = (0, target_path_1.realPathOf)(targetDir);
    if (abs === target || (0, target_path_1.isInside)(abs, target) || (0, target_path_1.isInside)(target, abs)) {
        throw new errors_1.CatchupError('keep-wal-dir', `--keep-discarded-wal ${abs} is ${(0, target_path_1.isInside)(target, abs) ? 'around' : 'inside'} the target ${target}, which the sync rewrites.`, 'Choose a directory outside the target data directory.');
    }
    if (fs.existsSync(abs)) {
        if (!fs.statSync(abs).isDirectory())
            throw new errors_1.CatchupError('keep-wal-dir', `--keep-discarded-wal ${abs} is not a directory.`, 'Name a new or empty directory.');
        if (fs.readdirSync(abs).length > 0) {
            throw new errors_1.CatchupError('keep-wal-dir', `--keep-discarded-wal ${abs} is not empty: WAL of two runs would mix.`, 'Name a new or empty directory.');
        }
    }
    else if (!fs.existsSync(path.dirname(abs))) {
        throw new errors_1.CatchupError('keep-wal-dir', `--keep-discarded-wal ${abs}: its parent directory does not exist.`, `Create ${path.dirname(abs)} first.`);
    }
    return abs;
}
/**
 * Puts every segment of the target's pg_wal holding WAL at or after `fromLsn` (any timeline, so
 * the target's own branch is in), its .partial files and history files into `dir`. Hard links
 * where it can (no copying, and the run's removal of pg_wal leaves them), copies across file systems.
 */
function keepDiscardedWal(targetDir, dir, fromLsn, segSize, owner) {
    const walDir = path.join(targetDir, 'pg_wal');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Run as root, the kept WAL belongs to the target's owner, who runs pg_waldump on it.
    if (owner)
        fs.chownSync(dir, owner.uid, owner.gid);
    const firstSeg = (0, wal_segment_1.segmentNoOf)(fromLsn, segSize);
    let files = 0;
    let bytes = 0;
    for (const name of fs.readdirSync(walDir).sort()) {
        const segment = (0, wal_segment_1.parseSegmentFileName)((0, wal_segment_1.isPartialSegmentFileName)(name) ? name.slice(0, -'.partial'.length) : name, segSize);
        if (!((0, wal_segment_1.isHistoryFileName)(name) || (segment && segment.segNo >= firstSeg)))
            continue;
        const from = path.join(walDir, name);
        const to = path.join(dir, name);
        try {
            fs.linkSync(from, to);
        }
        catch (err) {
            if (err.code !== 'EXDEV' && err.code !== 'EPERM')
                throw err;
            fs.copyFileSync(from, to);
            if (owner)
                fs.chownSync(to, owner.uid, owner.gid);
        }
        files++;
        bytes += fs.statSync(to).size;
    }
    return { files, bytes };
}


/***/ }),

/***/ 4187:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

/**
 * What a diverged target did after the fork, from its own WAL: the work a rewind throws away.
 * pg_rewind discards it without a word; an old primary's last commits after a failover are
 * exactly what a DBA needs to know about (and may want to replay by hand).
 *
 * Every record that starts at or after the fork point counts: transactions by their commit and
 * abort records (with the commit time), relations by their block references and storage
 * (create, truncate) records, databases by all of them.
 */
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DiscardedWorkCollector = void 0;
exports.readDiscardedWork = readDiscardedWork;
const path = __importStar(__nccwpck_require__(6928));
const lsn_1 = __nccwpck_require__(2524);
const local_wal_source_1 = __nccwpck_require__(6829);
const wal_reader_1 = __nccwpck_require__(1909);
const wal_record_1 = __nccwpck_require__(1251);
/** Accumulates what the records from the fork point on did; pure, fed one record at a time. */
class DiscardedWorkCollector {
    forkLsn;
    pgMajor;
    records = 0;
    committed = 0;
    aborted = 0;
    firstCommit = null;
    lastCommit = null;
    databases = new Set();
    relations = new Map();
    // Per-record work stays allocation-free: records come in LSN order, so once one is past the
    // fork all are; the end is kept as the view's segment and offset; a run of block references
    // to one relation (the usual case) costs no key.
    counting = false;
    endSegStart;
    endOffset = 0;
    lastRel = { spcOid: -1, dbOid: -1, relNumber: -1 };
    problem = null;
    /** Where a shared scan found the end of the WAL; null until one has read it all. */
    sharedScanEnd = null;
    constructor(forkLsn, pgMajor) {
        this.forkLsn = forkLsn;
        this.pgMajor = pgMajor;
        this.endSegStart = forkLsn;
    }
    /** Takes every record of a scan in order; the view is only valid during the call. */
    add(record) {
        if (!this.counting) {
            if (record.lsn < this.forkLsn)
                return;
            this.counting = true;
        }
        this.records++;
        this.endSegStart = record.endSegStart;
        this.endOffset = record.endOffset;
        const b = record.blocks;
        for (let i = 0; i < b.count; i++)
            this.touch(b.spcOid[i], b.dbOid[i], b.relNumber[i]);
        // A relation created or truncated without a page written yet has no block reference.
        if (record.rmid === wal_record_1.RM_SMGR_ID)
            this.addSmgrRecord(record);
        if (!(0, wal_record_1.isXactCompletionRecord)(record))
            return;
        let xact;
        try {
            xact = (0, wal_record_1.decodeXactCompletion)(record, record.mainData(), this.pgMajor);
        }
        catch (err) {
            // Never fails the scan it shares (the rewind's own): the count is just marked incomplete.
            if (!(err instanceof wal_record_1.WalRecordFormatError))
                throw err;
            this.problem ??= `the transaction record at ${(0, lsn_1.formatLsn)(record.lsn)} could not be decoded (${err.message})`;
            return;
        }
        if (xact.dbOid !== null)
            this.databases.add(xact.dbOid);
        if (xact.kind === 'abort') {
            this.aborted++;
            return;
        }
        this.committed++;
        if (this.firstCommit === null || xact.xactTime < this.firstCommit)
            this.firstCommit = xact.xactTime;
        if (this.lastCommit === null || xact.xactTime > this.lastCommit)
            this.lastCommit = xact.xactTime;
    }
    touch(spcOid, dbOid, relNumber) {
        const last = this.lastRel;
        if (last.relNumber === relNumber && last.dbOid === dbOid && last.spcOid === spcOid)
            return;
        const key = `${spcOid}/${dbOid}/${relNumber}`;
        let rel = this.relations.get(key);
        if (!rel)
            this.relations.set(key, (rel = { spcOid, dbOid, relNumber }));
        this.lastRel = rel;
        this.databases.add(dbOid);
    }
    addSmgrRecord(record) {
        const info = (0, wal_record_1.rmgrInfo)(record);
        try {
            const rel = info === wal_record_1.XLOG_SMGR_CREATE ? (0, wal_record_1.decodeSmgrCreate)(record.mainData()).rel
                : info === wal_record_1.XLOG_SMGR_TRUNCATE ? (0, wal_record_1.decodeSmgrTruncate)(record.mainData()).rel : null;
            if (rel)
                this.touch(rel.spcOid, rel.dbOid, rel.relNumber);
        }
        catch (err) {
            if (!(err instanceof wal_record_1.WalRecordFormatError))
                throw err;
            this.problem ??= `the storage record at ${(0, lsn_1.formatLsn)(record.lsn)} could not be decoded (${err.message})`;
        }
    }
    result(complete, detail) {
        const relations = [...this.relations.values()].sort((a, b) => a.dbOid - b.dbOid || a.spcOid - b.spcOid || a.relNumber - b.relNumber);
        const toLsn = this.endSegStart + BigInt(this.endOffset);
        return {
            fromLsn: this.forkLsn, toLsn, walBytes: Number(toLsn - this.forkLsn), records: this.records,
            committed: this.committed, aborted: this.aborted, firstCommitTime: this.firstCommit, lastCommitTime: this.lastCommit,
            databaseOids: [...this.databases].sort((a, b) => a - b), relations,
            complete: complete && this.problem === null, detail: this.problem ?? detail,
        };
    }
}
exports.DiscardedWorkCollector = DiscardedWorkCollector;
/**
 * What the target's WAL says was done after the fork: from the collector when a shared scan
 * (the rewind's own) read the WAL to its end, else read now from `startLsn`. Missing or torn WAL
 * gives an incomplete answer that says why, never an error.
 */
async function readDiscardedWork(input, shared) {
    if (shared?.sharedScanEnd != null)
        return finish(shared, shared.sharedScanEnd, input.mustReach, '');
    const collector = new DiscardedWorkCollector(input.forkLsn, input.pgMajor);
    const reader = new wal_reader_1.WalReader((0, local_wal_source_1.localWalDirSource)(path.join(input.pgdata, 'pg_wal'), input.walSegmentSize), {
        timelineForLsn: input.timelineForLsn,
        systemIdentifier: input.systemIdentifier,
    });
    try {
        const end = await reader.scanForward(input.startLsn, (r) => collector.add(r), { readAhead: true });
        return finish(collector, end.lsn, input.mustReach, end.message);
    }
    catch (err) {
        if (err instanceof wal_reader_1.WalReadError)
            return collector.result(false, `the target's WAL could not be read: ${err.message}`);
        throw err;
    }
}
function finish(collector, endLsn, mustReach, why) {
    if (endLsn < mustReach) {
        return collector.result(false, `the target's WAL ends at ${(0, lsn_1.formatLsn)(endLsn)}, before its last position ${(0, lsn_1.formatLsn)(mustReach)}${why ? ` (${why})` : ''}`);
    }
    return collector.result(true, `the target's WAL ends at ${(0, lsn_1.formatLsn)(endLsn)}`);
}


/***/ }),

/***/ 449:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

/**
 * What a copy of PGDATA leaves out (design rule 5), following pg_basebackup's lists in
 * src/backend/backup/basebackup.c (15-18) and the "Making a Base Backup" documentation.
 * Pure: works on a listing, so the same rules apply to the source and the target side.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.EXCLUDED_FILE_NAMES = exports.KEPT_WAL_SUBDIRS = exports.EXCLUDED_DIR_CONTENTS = void 0;
exports.isExcludedDirContent = isExcludedDirContent;
exports.pathSkipReason = pathSkipReason;
exports.classifyEntries = classifyEntries;
const relation_path_1 = __nccwpck_require__(2770);
/** Top-level directories kept empty: the server recreates or resets what is inside. */
exports.EXCLUDED_DIR_CONTENTS = [
    'pg_stat_tmp',
    'pg_replslot', // slots of the source would hold WAL on the target forever
    'pg_dynshmem',
    'pg_notify',
    'pg_serial',
    'pg_snapshots',
    'pg_subtrans',
];
/** Directories under pg_wal that a backup recreates empty (summaries: 17+). */
exports.KEPT_WAL_SUBDIRS = ['pg_wal/archive_status', 'pg_wal/summaries'];
/** Files skipped by exact name in any directory, as basebackup.c does. */
exports.EXCLUDED_FILE_NAMES = [
    'postgresql.auto.conf.tmp',
    'current_logfiles.tmp',
    'backup_label', // the target gets the one pg_backup_stop returns
    'tablespace_map',
    'backup_manifest',
    'postmaster.pid',
    'postmaster.opts',
];
const RELCACHE_INIT_PREFIX = 'pg_internal.init'; // prefix: covers its pg_internal.init.<pid> temp files
const TEMP_FILE_PREFIX = 'pgsql_tmp';
function dirName(path) {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '' : path.slice(0, slash);
}
/**
 * Whether `path` lies inside a directory whose contents are excluded (the directory
 * itself is not): pg_wal and the EXCLUDED_DIR_CONTENTS list, at the top of PGDATA only,
 * as pg_rewind matches them. pg_wal/archive_status and pg_wal/summaries stay as directories.
 */
function isExcludedDirContent(path) {
    const slash = path.indexOf('/');
    if (slash < 0)
        return false;
    const top = path.slice(0, slash);
    if (top === 'pg_wal')
        return !exports.KEPT_WAL_SUBDIRS.includes(path);
    return exports.EXCLUDED_DIR_CONTENTS.includes(top);
}
/**
 * The reason to skip one path judged by its name and place alone (every rule except
 * unlogged relations, which need the rest of the directory). A name rule on a parent
 * directory covers everything below it.
 */
function pathSkipReason(path, isDir) {
    if (isExcludedDirContent(path)) {
        if (path.startsWith('pg_wal/'))
            return 'wal';
        return 'directory-contents';
    }
    const parts = path.split('/');
    for (const name of parts) {
        if (exports.EXCLUDED_FILE_NAMES.includes(name))
            return 'excluded-file';
        if (name.startsWith(RELCACHE_INIT_PREFIX))
            return 'relcache-init';
        if (name.startsWith(TEMP_FILE_PREFIX))
            return 'temp-file';
    }
    const name = parts[parts.length - 1];
    if (!isDir && (0, relation_path_1.isDatabaseDirectory)(dirName(path)) && (0, relation_path_1.parseRelationFileName)(name)?.isTemp) {
        return 'temp-relation';
    }
    return null;
}
/** `<database dir>/<relfilenode>` of every relation that has an init fork: the unlogged ones. */
function unloggedRelationKeys(listing) {
    const keys = new Set();
    for (const entry of listing) {
        if (entry.isDir)
            continue;
        const dir = dirName(entry.path);
        const rel = (0, relation_path_1.parseRelationFileName)(entry.path.slice(dir.length + 1));
        if (rel && !rel.isTemp && rel.fork === 'init' && (0, relation_path_1.isDatabaseDirectory)(dir)) {
            keys.add(`${dir}/${rel.relfilenode}`);
        }
    }
    return keys;
}
function isUnloggedNonInitFork(entry, unlogged) {
    if (entry.isDir || unlogged.size === 0)
        return false;
    const dir = dirName(entry.path);
    const rel = (0, relation_path_1.parseRelationFileName)(entry.path.slice(dir.length + 1));
    return rel !== null && !rel.isTemp && rel.fork !== 'init' && unlogged.has(`${dir}/${rel.relfilenode}`);
}
/**
 * Splits a full PGDATA listing into what to copy and what to skip, with the reason; the
 * order of the listing is kept. An unlogged relation (one with an `_init` fork in the
 * same database directory) keeps only its init fork: the server rebuilds the rest from it.
 */
function classifyEntries(listing) {
    const unlogged = unloggedRelationKeys(listing);
    const keep = [];
    const skipped = [];
    for (const entry of listing) {
        const reason = pathSkipReason(entry.path, entry.isDir) ??
            (isUnloggedNonInitFork(entry, unlogged) ? 'unlogged-relation' : null);
        if (reason === null)
            keep.push(entry);
        else
            skipped.push({ entry, reason });
    }
    return { keep, skipped };
}


/***/ }),

/***/ 7798:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isRelationMainFork = isRelationMainFork;
exports.relationMainForks = relationMainForks;
exports.relationMainForkBytes = relationMainForkBytes;
exports.tablespaceVersionDir = tablespaceVersionDir;
const relation_path_1 = __nccwpck_require__(2770);
/**
 * A main-fork file of a permanent relation: what a page scan reads, and what DELTA patches. The
 * FSM is not WAL-logged and a VM bit can be cleared without an LSN change: those are copied whole.
 */
function isRelationMainFork(path) {
    const rel = (0, relation_path_1.parseRelationPath)(path);
    return rel !== null && rel.fork === 'main' && !rel.isTemp;
}
/** The main-fork files of permanent relations in a listing. */
function relationMainForks(listing) {
    return listing.filter((e) => !e.isDir && !e.isSymlink && isRelationMainFork(e.path));
}
function relationMainForkBytes(listing) {
    return relationMainForks(listing).reduce((n, e) => n + e.size, 0);
}
/** PG_<major>_<catversion>, as a cluster names it inside each tablespace (only needed when it has tablespaces). */
function tablespaceVersionDir(listing, major) {
    for (const e of listing) {
        const m = /^pg_tblspc\/\d+\/(PG_\d+_\d+)$/.exec(e.path);
        if (m)
            return m[1];
    }
    return `PG_${major}_0`;
}


/***/ }),

/***/ 1927:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.scanLocalChangedBlocks = scanLocalChangedBlocks;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
const page_header_1 = __nccwpck_require__(8205);
const listing_relations_1 = __nccwpck_require__(7798);
const READ_BYTES = 1024 * 1024;
/**
 * The blocks with page LSN >= R in every main-fork relation file of a local data directory,
 * within each file's first `size` bytes. On a diverged target these are the changes of its own
 * branch; on a stopped source (`newPages`), its changes since R plus pages that are new
 * (all-zero, extended without WAL), as the scan on a server selects them.
 */
function scanLocalChangedBlocks(root, files, referenceLsn, blockSize, opts = {}) {
    const result = new Map();
    const buf = Buffer.alloc(READ_BYTES);
    const high = Number(referenceLsn >> 32n);
    const low = Number(referenceLsn & 0xffffffffn);
    for (const f of files) {
        if (!(0, listing_relations_1.isRelationMainFork)(f.path))
            continue;
        const fd = fs.openSync(path.join(root, f.path), 'r');
        try {
            const blocks = [];
            for (let off = 0; off < f.size; off += READ_BYTES) {
                const n = fs.readSync(fd, buf, 0, Math.min(READ_BYTES, f.size - off), off);
                for (let p = 0; p + blockSize <= n; p += blockSize) {
                    // pd_upper (bytes 14-15) = 0: PageIsNew.
                    if ((0, page_header_1.pageLsnAtLeast)(buf, p, high, low) || (opts.newPages && buf.readUInt16LE(p + 14) === 0))
                        blocks.push((off + p) / blockSize);
                }
                if (n < READ_BYTES)
                    break;
            }
            if (blocks.length > 0)
                result.set(f.path, blocks);
        }
        finally {
            fs.closeSync(fd);
        }
    }
    return result;
}


/***/ }),

/***/ 9374:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

// Generated by scripts/build-wasm.ts from page-checksum.wat; do not edit. Run `npm run build:wasm`.
// The loader and the kernel's interface are in page-checksum-wasm.ts.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PAGE_CHECKSUM_WASM_BASE64 = void 0;
/** page-checksum.wat assembled by wabt (912 bytes), base64. */
exports.PAGE_CHECKSUM_WASM_BASE64 = 'AGFzbQEAAAABCQFgBX9/f39/AAMCAQAFAwEAAQcaAgZtZW1vcnkCAA1jaGVja3N1bVBhZ2VzAAAK1QYB0gYCCX8Le/0MkwEA' +
    'AZMBAAGTAQABkwEAASEOIAAhBSAAIAEgA2xqIQYgAiEJIAQhCgJAA0AgBSAGTw0B/QzpNh9bYFlSuKpQqwIqbeYdIRH9DHpG' +
    '/3mj+Lmb0nx+ISw94YMhEv0MT0fU+HC5nuMWrsZC+hYymSET/QxdOwl7PP/amCqQGPfbnBwLIRT9DEt2j+W8NnYYsTt7Xd7n' +
    'PechFf0Mecm+krLApsx5CUow1EOqhSEW/Qy7JTF4ouqobMbqB+Q+/FxLIRf9DHaMv5++IMoV05/K8lbXm5UhGP0M////////' +
    '//8AAP///////yEPIAUhByAFIANqIQgDQCARIAf9AAQAIA/9Tv1RIhAgDv21ASAQQRH9rQH9USERIBIgB/0ABBD9USIQIA79' +
    'tQEgEEER/a0B/VEhEiATIAf9AAQg/VEiECAO/bUBIBBBEf2tAf1RIRMgFCAH/QAEMP1RIhAgDv21ASAQQRH9rQH9USEUIBUg' +
    'B/0ABED9USIQIA79tQEgEEER/a0B/VEhFSAWIAf9AARQ/VEiECAO/bUBIBBBEf2tAf1RIRYgFyAH/QAEYP1RIhAgDv21ASAQ' +
    'QRH9rQH9USEXIBggB/0ABHD9USIQIA79tQEgEEER/a0B/VEhGP0M/////////////////////yEPIAdBgAFqIQcgByAISQ0A' +
    'C0ECIQsDQCARIA79tQEgEUER/a0B/VEhESASIA79tQEgEkER/a0B/VEhEiATIA79tQEgE0ER/a0B/VEhEyAUIA79tQEgFEER' +
    '/a0B/VEhFCAVIA79tQEgFUER/a0B/VEhFSAWIA79tQEgFkER/a0B/VEhFiAXIA79tQEgF0ER/a0B/VEhFyAYIA79tQEgGEER' +
    '/a0B/VEhGCALQQFrIgsNAAsgESAS/VEgEyAU/VH9USAVIBb9USAXIBj9Uf1R/VEhECAQ/RsAIBD9GwFzIBD9GwIgEP0bA3Nz' +
    'IQwgDCAJcyEMQQEhDSAFIQcCQANAIAf9AAQAIAf9AAQQ/VAgB/0ABCAgB/0ABDD9UP1Q/VMNASAHQcAAaiEHIAcgCEkNAAtB' +
    'ACENCyAKIAxB//8DcEEBaiANQRB0cjYCACAKQQRqIQogCUEBaiEJIAghBQwACwsL';


/***/ }),

/***/ 6968:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

// Not instrumented for coverage: the page validator's workers run instantiatePageChecksumWasm
// from its source text, where the counters would be undefined.
/* istanbul ignore file */
/**
 * The WebAssembly SIMD kernel behind findBadPages in page-checksum.ts: page-checksum.wat,
 * assembled by scripts/build-wasm.ts into page-checksum-wasm-bytes.ts. Embedded as text because
 * ncc bundles the app into one file and the workers start from source text; neither has a .wasm
 * file to read.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PAGE_CHECKSUM_WASM_BASE64 = void 0;
exports.instantiatePageChecksumWasm = instantiatePageChecksumWasm;
var page_checksum_wasm_bytes_1 = __nccwpck_require__(9374);
Object.defineProperty(exports, "PAGE_CHECKSUM_WASM_BASE64", ({ enumerable: true, get: function () { return page_checksum_wasm_bytes_1.PAGE_CHECKSUM_WASM_BASE64; } }));
/**
 * The kernel instantiated from `wasmBase64` (PAGE_CHECKSUM_WASM_BASE64), or null where it cannot
 * run: no WebAssembly at all (node --jitless) or no SIMD (the module then fails to compile).
 * Self-contained, like the functions of page-checksum.ts: workers evaluate its source text.
 */
function instantiatePageChecksumWasm(wasmBase64) {
    const wasm = globalThis.WebAssembly;
    if (wasm === undefined)
        return null;
    try {
        return new wasm.Instance(new wasm.Module(Buffer.from(wasmBase64, 'base64')), {}).exports;
    }
    catch {
        return null;
    }
}


/***/ }),

/***/ 8103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.pageChecksum = pageChecksum;
exports.verifyPage = verifyPage;
exports.findBadPages = findBadPages;
exports.findBadPagesImplementation = findBadPagesImplementation;
exports.pageChecksumSource = pageChecksumSource;
// Not instrumented for coverage: the counters would end up in the workers' copy of this code (see below), where they are undefined.
/* istanbul ignore file */
/**
 * PostgreSQL data page checksums (pg_checksum_page in checksum_impl.h) and the check a server
 * makes on every page it reads (PageIsVerified in bufpage.c), over pages held in `Buffer`s.
 *
 * The block number that goes into a checksum is the page's number within its RELATION FORK, not
 * within the file: a page at byte `off` of segment file `<relfilenode>.<segmentNo>` is block
 * `segmentNo * relsegSize + off / blockSize` (relsegSize is 131072 blocks for the default 1 GB
 * segments of 8 kB pages). A page checked under the wrong number fails, by design: that is how
 * PostgreSQL catches pages written to the wrong place.
 *
 * Pages are read as native 32-bit words, as PostgreSQL does, so this matches clusters written on
 * little-endian machines running a little-endian Node (x86-64, arm64): the platforms we support.
 *
 * findBadPages, which checks every copied page, computes the checksums with a WebAssembly SIMD
 * kernel (page-checksum.wat) where the engine has one, and with checksumWords otherwise; the page
 * rules (findPageProblem) are the same JavaScript either way. Single pages stay in JavaScript.
 *
 * Every function here is self-contained (no module-level constants, no imports, no nested
 * functions): page-validator.ts runs them in worker threads from their source text, because the
 * bundled app has no worker script on disk. Keep it that way when editing. The one link to the
 * outside, the wasm loader, is a property of pageChecksumKernel that pageChecksumSource() sets
 * for the workers and the end of this file sets here.
 */
const page_checksum_wasm_1 = __nccwpck_require__(6968);
/**
 * pg_checksum_page for the `blockSize` bytes at `buf[offset]`, as the uint16 PostgreSQL stores in
 * pd_checksum (1..65535; the stored pd_checksum itself counts as zero). `blockNo` is the block
 * number within the relation, across 1 GB segment files.
 */
function pageChecksum(buf, offset, blockNo, blockSize) {
    checkPageArgs(buf, offset, blockNo, blockSize);
    const start = buf.byteOffset + offset;
    if ((start & 3) === 0)
        return checksumWords(new Int32Array(buf.buffer, start, blockSize >>> 2), 0, blockNo, blockSize);
    // Typed-array views must be aligned; a misaligned page is rare enough to pay for one copy.
    const copy = new Int32Array(blockSize >>> 2);
    new Uint8Array(copy.buffer).set(buf.subarray(offset, offset + blockSize));
    return checksumWords(copy, 0, blockNo, blockSize);
}
/**
 * PageIsVerified: would PostgreSQL accept the page at `buf[offset]` as block `blockNo`? An
 * unwritten page (pd_upper == 0) is fine when it is all zeros; any other page needs a sane header
 * and a matching checksum. Only meaningful for clusters with data checksums enabled.
 */
function verifyPage(buf, offset, blockNo, blockSize) {
    checkPageArgs(buf, offset, blockNo, blockSize);
    const start = buf.byteOffset + offset;
    let bad;
    if ((start & 3) === 0) {
        bad = findPageProblem(buf, offset, new Int32Array(buf.buffer, start, blockSize >>> 2), 0, blockNo, blockSize, -1, -1);
    }
    else {
        const copy = new Int32Array(blockSize >>> 2);
        new Uint8Array(copy.buffer).set(buf.subarray(offset, offset + blockSize));
        bad = findPageProblem(buf, offset, copy, 0, blockNo, blockSize, -1, -1);
    }
    if (bad === null)
        return { ok: true };
    return { ok: false, reason: bad.reason, stored: bad.stored, computed: bad.computed, lsn: bad.lsn };
}
/**
 * Every page of `buf` (consecutive whole pages, the first being block `firstBlockNo`) that
 * verifyPage rejects, in block order. A trailing partial page is ignored.
 */
function findBadPages(buf, firstBlockNo, blockSize) {
    checkBlockSize(blockSize);
    const pages = Math.floor(buf.length / blockSize);
    if (!Number.isInteger(firstBlockNo) || firstBlockNo < 0 || firstBlockNo + pages - 1 > 0xfffffffe) {
        throw new RangeError(`${pages} pages from block ${firstBlockNo} are not all valid block numbers (0 to 4294967294)`);
    }
    const bad = [];
    if (pages === 0)
        return bad;
    const kernel = pageChecksumKernel();
    if (kernel !== null) {
        findBadPagesWasm(kernel, buf, pages, firstBlockNo, blockSize, bad);
        return bad;
    }
    const wordsPerPage = blockSize >>> 2;
    let words;
    if ((buf.byteOffset & 3) === 0) {
        words = new Int32Array(buf.buffer, buf.byteOffset, pages * wordsPerPage);
    }
    else {
        // One aligned copy for the whole run rather than one per page.
        words = new Int32Array(pages * wordsPerPage);
        new Uint8Array(words.buffer).set(buf.subarray(0, pages * blockSize));
    }
    for (let p = 0; p < pages; p++) {
        const problem = findPageProblem(buf, p * blockSize, words, p * wordsPerPage, firstBlockNo + p, blockSize, -1, -1);
        if (problem !== null)
            bad.push(problem);
    }
    return bad;
}
/** Which code computes the checksums in findBadPages in this thread. */
function findBadPagesImplementation() {
    return pageChecksumKernel() === null ? 'js' : 'wasm-simd';
}
/**
 * The source text of this module's functions, for a worker started with `eval: true`; it defines
 * findBadPages, verifyPage and pageChecksum under their own names (`fn.name`). With `wasm: false`
 * its findBadPages never tries the wasm kernel, as on an engine without WebAssembly SIMD.
 */
function pageChecksumSource(opts = {}) {
    const functions = [
        pageChecksum,
        verifyPage,
        findBadPages,
        findBadPagesImplementation,
        findBadPagesWasm,
        findPageProblem,
        checksumWords,
        pageChecksumKernel,
        checkPageArgs,
        checkBlockSize,
        page_checksum_wasm_1.instantiatePageChecksumWasm,
    ];
    const load = opts.wasm === false ? 'null' : `${page_checksum_wasm_1.instantiatePageChecksumWasm.name}(${JSON.stringify(page_checksum_wasm_1.PAGE_CHECKSUM_WASM_BASE64)})`;
    return [...functions.map((fn) => fn.toString()), `${pageChecksumKernel.name}.load = () => ${load};`].join('\n\n');
}
/**
 * This thread's wasm kernel, instantiated on first use by `pageChecksumKernel.load`; null when
 * that gives none (no WebAssembly SIMD here), and then callers use checksumWords.
 */
function pageChecksumKernel() {
    if (pageChecksumKernel.kernel === undefined)
        pageChecksumKernel.kernel = pageChecksumKernel.load();
    return pageChecksumKernel.kernel;
}
/**
 * findBadPages with the checksums from the wasm kernel. Pages are copied into its memory a chunk
 * at a time, small enough to still be in the CPU cache when the kernel reads them; findPageProblem
 * then judges each page with what the kernel found.
 */
function findBadPagesWasm(kernel, buf, pages, firstBlockNo, blockSize, bad) {
    // 64 kB (2 pages of the largest block size): as fast as any larger chunk in our measurements,
    // and small enough for any CPU's L2 cache.
    const chunkPages = Math.floor(65536 / blockSize);
    const chunkBytes = chunkPages * blockSize;
    // Memory layout: the pages from 0, a uint32 per page after them. Growing detaches the old
    // memory.buffer, so the views are made after it.
    const needed = chunkBytes + 4 * chunkPages;
    const have = kernel.memory.buffer.byteLength;
    if (have < needed)
        kernel.memory.grow(Math.ceil((needed - have) / 65536));
    const memory = kernel.memory.buffer;
    const bytes = new Uint8Array(memory, 0, chunkBytes);
    const words = new Int32Array(memory, 0, chunkBytes >>> 2);
    const found = new Uint32Array(memory, chunkBytes, chunkPages);
    const wordsPerPage = blockSize >>> 2;
    for (let first = 0; first < pages; first += chunkPages) {
        const n = Math.min(chunkPages, pages - first);
        bytes.set(buf.subarray(first * blockSize, (first + n) * blockSize));
        // Block numbers above 2^31 - 1 reach the kernel as negative i32s: the same 32 bits.
        kernel.checksumPages(0, n, firstBlockNo + first, blockSize, chunkBytes);
        for (let p = 0; p < n; p++) {
            // Bits 0-15: the checksum; bit 16: the page has a nonzero byte.
            const result = found[p];
            const problem = findPageProblem(buf, (first + p) * blockSize, words, p * wordsPerPage, firstBlockNo + first + p, blockSize, result & 0xffff, result >>> 16);
            if (problem !== null)
                bad.push(problem);
        }
    }
}
/**
 * The verdict for the page whose bytes are `buf[offset..]` and whose 32-bit words start at
 * `words[wordIndex]` (the same bytes, aligned); null when PostgreSQL would accept it.
 * What the caller knows already saves work: `knownChecksum` is the page's checksum, and
 * `knownNonzero` 1 if some byte of the page is not zero, 0 if all are; -1 for either when unknown.
 */
function findPageProblem(buf, offset, words, wordIndex, blockNo, blockSize, knownChecksum, knownNonzero) {
    // PageHeaderData (bufpage.h): pd_lsn 0, pd_checksum 8, pd_flags 10, pd_lower 12, pd_upper 14,
    // pd_special 16. Read from the aligned words (on little-endian machines the first field of a
    // word is its low half): cheaper than Buffer's checked reads, and this runs for every page.
    const w2 = words[wordIndex + 2];
    const w3 = words[wordIndex + 3];
    const stored = w2 & 0xffff;
    const upper = w3 >>> 16;
    let reason;
    let computed;
    if (upper === 0) {
        // PageIsNew: a relation extension reserved the page but nothing was written into it yet.
        if (knownNonzero === 0)
            return null;
        if (knownNonzero < 0) {
            const end = wordIndex + (blockSize >>> 2);
            let i = wordIndex;
            while (i < end && words[i] === 0)
                i++;
            if (i === end)
                return null;
        }
        reason = 'nonzero-new-page';
        // PostgreSQL computes no checksum for such a page; ours is only there to help a diagnosis.
        computed = knownChecksum >= 0 ? knownChecksum : checksumWords(words, wordIndex, blockNo, blockSize);
    }
    else {
        computed = knownChecksum >= 0 ? knownChecksum : checksumWords(words, wordIndex, blockNo, blockSize);
        const flags = w2 >>> 16;
        const lower = w3 & 0xffff;
        const special = words[wordIndex + 4] & 0xffff;
        // PD_VALID_FLAG_BITS is 0x0007; MAXALIGN is 8 on every 64-bit platform.
        const headerSane = (flags & ~0x0007) === 0 && lower <= upper && upper <= special && special <= blockSize && (special & 7) === 0;
        if (computed === stored && headerSane)
            return null;
        // A bad checksum says the bytes changed after PostgreSQL wrote them; only a good one makes
        // an impossible header worth reporting on its own.
        reason = computed !== stored ? 'checksum' : 'header';
    }
    return {
        blockNo,
        reason,
        stored,
        computed,
        lsn: (BigInt(buf.readUInt32LE(offset)) << 32n) | BigInt(buf.readUInt32LE(offset + 4)),
    };
}
/**
 * pg_checksum_block plus the block-number mix and reduction of pg_checksum_page, over the page
 * whose words start at `words[first]`. The 32 lanes are 32 locals rather than an array: V8 keeps
 * them in registers or on the stack, with no allocation and no bounds checks on the sums.
 */
function checksumWords(words, first, blockNo, blockSize) {
    const FNV_PRIME = 16777619;
    let s0 = 0x5B1F36E9 | 0, s1 = 0xB8525960 | 0, s2 = 0x02AB50AA | 0, s3 = 0x1DE66D2A | 0;
    let s4 = 0x79FF467A | 0, s5 = 0x9BB9F8A3 | 0, s6 = 0x217E7CD2 | 0, s7 = 0x83E13D2C | 0;
    let s8 = 0xF8D4474F | 0, s9 = 0xE39EB970 | 0, s10 = 0x42C6AE16 | 0, s11 = 0x993216FA | 0;
    let s12 = 0x7B093B5D | 0, s13 = 0x98DAFF3C | 0, s14 = 0xF718902A | 0, s15 = 0x0B1C9CDB | 0;
    let s16 = 0xE58F764B | 0, s17 = 0x187636BC | 0, s18 = 0x5D7B3BB1 | 0, s19 = 0xE73DE7DE | 0;
    let s20 = 0x92BEC979 | 0, s21 = 0xCCA6C0B2 | 0, s22 = 0x304A0979 | 0, s23 = 0x85AA43D4 | 0;
    let s24 = 0x783125BB | 0, s25 = 0x6CA8EAA2 | 0, s26 = 0xE407EAC6 | 0, s27 = 0x4B5CFC3E | 0;
    let s28 = 0x9FBF8C76 | 0, s29 = 0x15CA20BE | 0, s30 = 0xF2CA9FD3 | 0, s31 = 0x959BD756 | 0;
    const end = first + (blockSize >>> 2);
    let t;
    for (let i = first; i < end; i += 32) {
        // pd_checksum is the low half of the page's third word (little-endian) and counts as zero.
        const mask2 = i === first ? 0xffff0000 | 0 : -1;
        t = s0 ^ words[i];
        s0 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s1 ^ words[i + 1];
        s1 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s2 ^ (words[i + 2] & mask2);
        s2 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s3 ^ words[i + 3];
        s3 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s4 ^ words[i + 4];
        s4 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s5 ^ words[i + 5];
        s5 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s6 ^ words[i + 6];
        s6 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s7 ^ words[i + 7];
        s7 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s8 ^ words[i + 8];
        s8 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s9 ^ words[i + 9];
        s9 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s10 ^ words[i + 10];
        s10 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s11 ^ words[i + 11];
        s11 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s12 ^ words[i + 12];
        s12 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s13 ^ words[i + 13];
        s13 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s14 ^ words[i + 14];
        s14 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s15 ^ words[i + 15];
        s15 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s16 ^ words[i + 16];
        s16 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s17 ^ words[i + 17];
        s17 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s18 ^ words[i + 18];
        s18 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s19 ^ words[i + 19];
        s19 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s20 ^ words[i + 20];
        s20 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s21 ^ words[i + 21];
        s21 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s22 ^ words[i + 22];
        s22 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s23 ^ words[i + 23];
        s23 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s24 ^ words[i + 24];
        s24 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s25 ^ words[i + 25];
        s25 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s26 ^ words[i + 26];
        s26 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s27 ^ words[i + 27];
        s27 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s28 ^ words[i + 28];
        s28 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s29 ^ words[i + 29];
        s29 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s30 ^ words[i + 30];
        s30 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
        t = s31 ^ words[i + 31];
        s31 = Math.imul(t, FNV_PRIME) ^ (t >>> 17);
    }
    // Two rounds of zeros, so the last words mix into every bit.
    s0 = Math.imul(s0, FNV_PRIME) ^ (s0 >>> 17);
    s0 = Math.imul(s0, FNV_PRIME) ^ (s0 >>> 17);
    s1 = Math.imul(s1, FNV_PRIME) ^ (s1 >>> 17);
    s1 = Math.imul(s1, FNV_PRIME) ^ (s1 >>> 17);
    s2 = Math.imul(s2, FNV_PRIME) ^ (s2 >>> 17);
    s2 = Math.imul(s2, FNV_PRIME) ^ (s2 >>> 17);
    s3 = Math.imul(s3, FNV_PRIME) ^ (s3 >>> 17);
    s3 = Math.imul(s3, FNV_PRIME) ^ (s3 >>> 17);
    s4 = Math.imul(s4, FNV_PRIME) ^ (s4 >>> 17);
    s4 = Math.imul(s4, FNV_PRIME) ^ (s4 >>> 17);
    s5 = Math.imul(s5, FNV_PRIME) ^ (s5 >>> 17);
    s5 = Math.imul(s5, FNV_PRIME) ^ (s5 >>> 17);
    s6 = Math.imul(s6, FNV_PRIME) ^ (s6 >>> 17);
    s6 = Math.imul(s6, FNV_PRIME) ^ (s6 >>> 17);
    s7 = Math.imul(s7, FNV_PRIME) ^ (s7 >>> 17);
    s7 = Math.imul(s7, FNV_PRIME) ^ (s7 >>> 17);
    s8 = Math.imul(s8, FNV_PRIME) ^ (s8 >>> 17);
    s8 = Math.imul(s8, FNV_PRIME) ^ (s8 >>> 17);
    s9 = Math.imul(s9, FNV_PRIME) ^ (s9 >>> 17);
    s9 = Math.imul(s9, FNV_PRIME) ^ (s9 >>> 17);
    s10 = Math.imul(s10, FNV_PRIME) ^ (s10 >>> 17);
    s10 = Math.imul(s10, FNV_PRIME) ^ (s10 >>> 17);
    s11 = Math.imul(s11, FNV_PRIME) ^ (s11 >>> 17);
    s11 = Math.imul(s11, FNV_PRIME) ^ (s11 >>> 17);
    s12 = Math.imul(s12, FNV_PRIME) ^ (s12 >>> 17);
    s12 = Math.imul(s12, FNV_PRIME) ^ (s12 >>> 17);
    s13 = Math.imul(s13, FNV_PRIME) ^ (s13 >>> 17);
    s13 = Math.imul(s13, FNV_PRIME) ^ (s13 >>> 17);
    s14 = Math.imul(s14, FNV_PRIME) ^ (s14 >>> 17);
    s14 = Math.imul(s14, FNV_PRIME) ^ (s14 >>> 17);
    s15 = Math.imul(s15, FNV_PRIME) ^ (s15 >>> 17);
    s15 = Math.imul(s15, FNV_PRIME) ^ (s15 >>> 17);
    s16 = Math.imul(s16, FNV_PRIME) ^ (s16 >>> 17);
    s16 = Math.imul(s16, FNV_PRIME) ^ (s16 >>> 17);
    s17 = Math.imul(s17, FNV_PRIME) ^ (s17 >>> 17);
    s17 = Math.imul(s17, FNV_PRIME) ^ (s17 >>> 17);
    s18 = Math.imul(s18, FNV_PRIME) ^ (s18 >>> 17);
    s18 = Math.imul(s18, FNV_PRIME) ^ (s18 >>> 17);
    s19 = Math.imul(s19, FNV_PRIME) ^ (s19 >>> 17);
    s19 = Math.imul(s19, FNV_PRIME) ^ (s19 >>> 17);
    s20 = Math.imul(s20, FNV_PRIME) ^ (s20 >>> 17);
    s20 = Math.imul(s20, FNV_PRIME) ^ (s20 >>> 17);
    s21 = Math.imul(s21, FNV_PRIME) ^ (s21 >>> 17);
    s21 = Math.imul(s21, FNV_PRIME) ^ (s21 >>> 17);
    s22 = Math.imul(s22, FNV_PRIME) ^ (s22 >>> 17);
    s22 = Math.imul(s22, FNV_PRIME) ^ (s22 >>> 17);
    s23 = Math.imul(s23, FNV_PRIME) ^ (s23 >>> 17);
    s23 = Math.imul(s23, FNV_PRIME) ^ (s23 >>> 17);
    s24 = Math.imul(s24, FNV_PRIME) ^ (s24 >>> 17);
    s24 = Math.imul(s24, FNV_PRIME) ^ (s24 >>> 17);
    s25 = Math.imul(s25, FNV_PRIME) ^ (s25 >>> 17);
    s25 = Math.imul(s25, FNV_PRIME) ^ (s25 >>> 17);
    s26 = Math.imul(s26, FNV_PRIME) ^ (s26 >>> 17);
    s26 = Math.imul(s26, FNV_PRIME) ^ (s26 >>> 17);
    s27 = Math.imul(s27, FNV_PRIME) ^ (s27 >>> 17);
    s27 = Math.imul(s27, FNV_PRIME) ^ (s27 >>> 17);
    s28 = Math.imul(s28, FNV_PRIME) ^ (s28 >>> 17);
    s28 = Math.imul(s28, FNV_PRIME) ^ (s28 >>> 17);
    s29 = Math.imul(s29, FNV_PRIME) ^ (s29 >>> 17);
    s29 = Math.imul(s29, FNV_PRIME) ^ (s29 >>> 17);
    s30 = Math.imul(s30, FNV_PRIME) ^ (s30 >>> 17);
    s30 = Math.imul(s30, FNV_PRIME) ^ (s30 >>> 17);
    s31 = Math.imul(s31, FNV_PRIME) ^ (s31 >>> 17);
    s31 = Math.imul(s31, FNV_PRIME) ^ (s31 >>> 17);
    const sum = (s0 ^ s1 ^ s2 ^ s3 ^ s4 ^ s5 ^ s6 ^ s7 ^
        s8 ^ s9 ^ s10 ^ s11 ^ s12 ^ s13 ^ s14 ^ s15 ^
        s16 ^ s17 ^ s18 ^ s19 ^ s20 ^ s21 ^ s22 ^ s23 ^
        s24 ^ s25 ^ s26 ^ s27 ^ s28 ^ s29 ^ s30 ^ s31 ^
        blockNo) >>> 0;
    // Reduced to 1..65535 so that a checksummed page never stores 0.
    return (sum % 65535) + 1;
}
function checkPageArgs(buf, offset, blockNo, blockSize) {
    checkBlockSize(blockSize);
    if (!Number.isInteger(offset) || offset < 0 || offset + blockSize > buf.length) {
        throw new RangeError(`no whole ${blockSize}-byte page at offset ${offset} of a ${buf.length}-byte buffer`);
    }
    if (!Number.isInteger(blockNo) || blockNo < 0 || blockNo > 0xfffffffe) {
        throw new RangeError(`block number must be an integer from 0 to 4294967294, not ${blockNo}`);
    }
}
function checkBlockSize(blockSize) {
    // BLCKSZ is a power of two from 1 kB to 32 kB (configure --with-blocksize); the algorithm needs whole rows of 32 words.
    if (!(blockSize >= 1024 && blockSize <= 32768 && (blockSize & (blockSize - 1)) === 0)) {
        throw new RangeError(`block size must be a power of two from 1024 to 32768 bytes, not ${blockSize}`);
    }
}
// The wiring of pageChecksumKernel in this thread; workers get theirs from pageChecksumSource().
pageChecksumKernel.kernel = undefined;
pageChecksumKernel.load = () => (0, page_checksum_wasm_1.instantiatePageChecksumWasm)(page_checksum_wasm_1.PAGE_CHECKSUM_WASM_BASE64);


/***/ }),

/***/ 8205:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.pageLsnAtLeast = pageLsnAtLeast;
/**
 * pd_lsn of a data page header (PageHeaderData, bufpage.h) is two little-endian uint32 halves
 * (xlogid, xrecoff) on the platforms we support. Compared without a BigInt per page: this runs
 * for every page of a scan.
 */
function pageLsnAtLeast(page, offset, lsnHigh, lsnLow) {
    const high = page.readUInt32LE(offset);
    return high > lsnHigh || (high === lsnHigh && page.readUInt32LE(offset + 4) >= lsnLow);
}


/***/ }),

/***/ 9737:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

/**
 * `global/pg_control` (ControlFileData, src/include/catalog/pg_control.h) for PostgreSQL
 * 15-18, read little-endian with x86-64/aarch64 alignment. Pure: takes the file's bytes.
 *
 * Layouts by pg_control_version (checked against real files, test/fixtures/pg_control):
 * - 1300 (13-16): the base layout below.
 * - 1700 (17): CheckPoint gains `wal_level` in what was padding after fullPageWrites;
 *   no other offset moves and the CRC stays at 288.
 * - 1800 (18): ControlFileData gains `default_char_signedness` after
 *   data_checksum_version, pushing the mock auth nonce and the CRC to 292.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SUPPORTED_PG_CONTROL_VERSIONS = exports.PG_CONTROL_FILE_SIZE = void 0;
exports.pgControlCrcOffset = pgControlCrcOffset;
exports.pgControlCrc = pgControlCrc;
exports.majorVersionHint = majorVersionHint;
exports.parsePgControl = parsePgControl;
exports.pgControlForReplay = pgControlForReplay;
const crc32c_1 = __nccwpck_require__(9028);
const checkpoint_1 = __nccwpck_require__(3619);
exports.PG_CONTROL_FILE_SIZE = 8192;
// DBState enum order; pg_controldata prints these same words.
const DB_STATES = [
    'starting up',
    'shut down',
    'shut down in recovery',
    'shutting down',
    'in crash recovery',
    'in archive recovery',
    'in production',
];
const WAL_LEVELS = ['minimal', 'replica', 'logical'];
// Offsets shared by every supported version. CheckPoint starts at 40 and is 88 bytes.
const OFF = {
    systemIdentifier: 0,
    pgControlVersion: 8,
    catalogVersionNo: 12,
    state: 16,
    time: 24,
    checkPoint: 32,
    checkPointCopy: 40,
    unloggedLsn: 128,
    minRecoveryPoint: 136,
    minRecoveryPointTli: 144,
    backupStartPoint: 152,
    backupEndPoint: 160,
    backupEndRequired: 168,
    walLevel: 172,
    walLogHints: 176,
    maxConnections: 180,
    maxWorkerProcesses: 184,
    maxWalSenders: 188,
    maxPreparedXacts: 192,
    maxLocksPerXact: 196,
    trackCommitTimestamp: 200,
    maxAlign: 204,
    floatFormat: 208,
    blcksz: 216,
    relsegSize: 220,
    xlogBlcksz: 224,
    xlogSegSize: 228,
    nameDataLen: 232,
    indexMaxKeys: 236,
    toastMaxChunkSize: 240,
    loblksize: 244,
    float8ByVal: 248,
    dataChecksumVersion: 252,
};
const LAYOUTS = new Map([
    [1300, { checkpointHasWalLevel: false, defaultCharSignedness: null, crc: 288 }],
    [1700, { checkpointHasWalLevel: true, defaultCharSignedness: null, crc: 288 }],
    [1800, { checkpointHasWalLevel: true, defaultCharSignedness: 256, crc: 292 }],
]);
/** pg_control_version values this parser reads. */
exports.SUPPORTED_PG_CONTROL_VERSIONS = [...LAYOUTS.keys()];
// Catalog versions of the x.0 releases sharing pg_control_version 1300: a catversion
// above release N's is N+1 (final or a development build of it).
const CATVERSION_1300 = [
    [202209061, 16],
    [202107181, 15],
    [202007201, 14],
];
// Checked on every startup by the server to catch foreign architectures.
const FLOAT_FORMAT = 1234567.0;
/** Byte offset of the CRC field for a pg_control_version; the CRC covers bytes before it. */
function pgControlCrcOffset(pgControlVersion) {
    const layout = LAYOUTS.get(pgControlVersion);
    if (!layout)
        throw new Error(unsupportedVersionMessage('pg_control', pgControlVersion));
    return layout.crc;
}
/** Stored and computed CRC of a pg_control image of a supported version. */
function pgControlCrc(buf) {
    const offset = pgControlCrcOffset(readVersion(buf, 'pg_control'));
    if (buf.length < offset + 4) {
        throw new Error(`pg_control is truncated: ${buf.length} bytes, the CRC alone ends at byte ${offset + 4}`);
    }
    return { stored: buf.readUInt32LE(offset), computed: (0, crc32c_1.crc32c)(buf, 0, offset) };
}
/** Best guess of the PostgreSQL major version that wrote this file. */
function majorVersionHint(pgControlVersion, catalogVersionNo) {
    if (pgControlVersion === 1800)
        return 18;
    if (pgControlVersion === 1700)
        return 17;
    if (pgControlVersion !== 1300)
        return null;
    for (const [releaseCatversion, next] of CATVERSION_1300) {
        if (catalogVersionNo > releaseCatversion)
            return next;
    }
    return 13;
}
/**
 * Parses and verifies pg_control. `name` (e.g. the file's path) prefixes error messages.
 * Throws when the version is unknown, the file is short, the CRC does not match, or the
 * file comes from a different architecture.
 */
function parsePgControl(buf, name = 'pg_control') {
    const version = readVersion(buf, name);
    const layout = LAYOUTS.get(version);
    if (!layout)
        throw new Error(unsupportedVersionMessage(name, version));
    if (buf.length < layout.crc + 4) {
        throw new Error(`${name} is truncated: ${buf.length} bytes where pg_control version ${version} needs ${layout.crc + 4} ` +
            `(the file is normally ${exports.PG_CONTROL_FILE_SIZE}); copy it again from a stopped server or a backup`);
    }
    const stored = buf.readUInt32LE(layout.crc);
    const computed = (0, crc32c_1.crc32c)(buf, 0, layout.crc);
    if (stored !== computed) {
        throw new Error(`${name} is corrupt: CRC-32C mismatch (stored ${hex(stored)}, computed ${hex(computed)}). ` +
            'It was damaged, or copied while the server was writing it; copy it again, ' +
            'or take it from a backup');
    }
    const floatFormat = buf.readDoubleLE(OFF.floatFormat);
    if (floatFormat !== FLOAT_FORMAT) {
        throw new Error(`${name} was written by a server of a different architecture (float format ${floatFormat}); ` +
            'pg-catchup reads little-endian 64-bit clusters only');
    }
    const u32 = (offset) => buf.readUInt32LE(offset);
    const i32 = (offset) => buf.readInt32LE(offset);
    const u64 = (offset) => buf.readBigUInt64LE(offset);
    const bool = (offset) => buf[offset] !== 0;
    const seconds = (offset) => Number(buf.readBigInt64LE(offset));
    const systemIdentifier = u64(OFF.systemIdentifier);
    const catalogVersionNo = u32(OFF.catalogVersionNo);
    const stateCode = u32(OFF.state);
    const state = DB_STATES[stateCode];
    if (state === undefined) {
        throw new Error(`${name} has an unknown cluster state ${stateCode}; the file is not from PostgreSQL 15-18`);
    }
    const walLevel = i32(OFF.walLevel);
    // pg_control embeds a copy of the last checkpoint record's CheckPoint; wal_level is in it from 17 on.
    const ckpt = (0, checkpoint_1.decodeCheckPoint)(buf.subarray(OFF.checkPointCopy, OFF.checkPointCopy + checkpoint_1.SIZE_OF_CHECKPOINT), layout.checkpointHasWalLevel ? 17 : 16);
    return {
        systemIdentifier,
        systemIdentifierText: systemIdentifier.toString(),
        pgControlVersion: version,
        catalogVersionNo,
        majorVersionHint: majorVersionHint(version, catalogVersionNo),
        state,
        stateCode,
        time: seconds(OFF.time),
        checkpointLsn: u64(OFF.checkPoint),
        checkPointCopy: ckpt,
        redoLsn: ckpt.redo,
        timeline: ckpt.timeline,
        unloggedLsn: u64(OFF.unloggedLsn),
        minRecoveryPoint: u64(OFF.minRecoveryPoint),
        minRecoveryPointTli: u32(OFF.minRecoveryPointTli),
        backupStartPoint: u64(OFF.backupStartPoint),
        backupEndPoint: u64(OFF.backupEndPoint),
        backupEndRequired: bool(OFF.backupEndRequired),
        walLevel,
        walLevelName: WAL_LEVELS[walLevel] ?? 'unknown',
        walLogHints: bool(OFF.walLogHints),
        maxConnections: i32(OFF.maxConnections),
        maxWorkerProcesses: i32(OFF.maxWorkerProcesses),
        maxWalSenders: i32(OFF.maxWalSenders),
        maxPreparedXacts: i32(OFF.maxPreparedXacts),
        maxLocksPerXact: i32(OFF.maxLocksPerXact),
        trackCommitTimestamp: bool(OFF.trackCommitTimestamp),
        maxAlign: u32(OFF.maxAlign),
        floatFormat,
        blockSize: u32(OFF.blcksz),
        relsegSize: u32(OFF.relsegSize),
        walBlockSize: u32(OFF.xlogBlcksz),
        walSegmentSize: u32(OFF.xlogSegSize),
        nameDataLen: u32(OFF.nameDataLen),
        indexMaxKeys: u32(OFF.indexMaxKeys),
        toastMaxChunkSize: u32(OFF.toastMaxChunkSize),
        loblksize: u32(OFF.loblksize),
        float8ByVal: bool(OFF.float8ByVal),
        dataChecksumVersion: u32(OFF.dataChecksumVersion),
        defaultCharSignedness: layout.defaultCharSignedness === null ? null : bool(layout.defaultCharSignedness),
        crc: stored,
    };
}
function readVersion(buf, name) {
    if (buf.length < 16) {
        throw new Error(`${name} is truncated: ${buf.length} bytes, too short to hold a pg_control version`);
    }
    return buf.readUInt32LE(OFF.pgControlVersion);
}
function unsupportedVersionMessage(name, version) {
    // The server's own hint: a version that reads as N*65536 is a byte-swapped small number.
    const swapped = version % 65536 === 0 && version !== 0;
    return (`${name} has pg_control version ${version}, which pg-catchup does not read ` +
        `(PostgreSQL 15/16 use 1300, 17 uses 1700, 18 uses 1800)` +
        (swapped ? '; it looks byte-swapped: was it written on a big-endian machine?' : '') +
        '; check that the file belongs to a supported PostgreSQL release');
}
function hex(value) {
    return `0x${value.toString(16).toUpperCase().padStart(8, '0')}`;
}
/**
 * A copy of pg_control set up as pg_rewind leaves it for a target that must replay WAL before it
 * is consistent: in archive recovery, consistent no earlier than `minRecoveryPoint`. With a
 * backup_label saying "BACKUP FROM: standby", that point is where the backup ends.
 */
function pgControlForReplay(buf, minRecoveryPoint, minRecoveryPointTli) {
    const out = Buffer.from(buf);
    const crcAt = pgControlCrcOffset(readVersion(out, 'pg_control'));
    out.writeUInt32LE(DB_STATES.indexOf('in archive recovery'), OFF.state);
    out.writeBigUInt64LE(minRecoveryPoint, OFF.minRecoveryPoint);
    out.writeUInt32LE(minRecoveryPointTli, OFF.minRecoveryPointTli);
    out.writeUInt32LE((0, crc32c_1.crc32c)(out, 0, crcAt), crcAt);
    return out;
}


/***/ }),

/***/ 665:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.readPgWalHistory = readPgWalHistory;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
const timeline_history_1 = __nccwpck_require__(8279);
const wal_segment_1 = __nccwpck_require__(3925);
/** A local data directory's history for timeline `tli`, from its pg_wal; null when the file is missing. */
function readPgWalHistory(dir, tli) {
    if (tli <= 1)
        return [];
    const file = path.join(dir, 'pg_wal', (0, wal_segment_1.historyFileName)(tli));
    if (!fs.existsSync(file))
        return null;
    return (0, timeline_history_1.parseTimelineHistory)(fs.readFileSync(file, 'utf8'), file);
}


/***/ }),

/***/ 8860:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.livePostmaster = livePostmaster;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
/**
 * Whether a postmaster is running on a data directory, as pg_ctl decides it: postmaster.pid
 * names a PID that is alive. A leftover file from a crash names a dead PID.
 */
function livePostmaster(dataDir) {
    let text;
    try {
        text = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8');
    }
    catch {
        return null;
    }
    const pid = Number(text.split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0)
        return null;
    try {
        process.kill(pid, 0);
        return { pid };
    }
    catch (err) {
        // EPERM: it exists but belongs to someone else, so it is alive.
        return err.code === 'EPERM' ? { pid } : null;
    }
}


/***/ }),

/***/ 5754:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.primaryConninfo = primaryConninfo;
exports.autoConfLines = autoConfLines;
const conninfo_1 = __nccwpck_require__(6450);
/**
 * primary_conninfo for a standby of the source, as pg_basebackup -R writes it: the password
 * only when the user asked for it to be stored, otherwise the standby uses its .pgpass.
 */
function primaryConninfo(keywords, storePassword) {
    const kept = {};
    for (const key of ['user', 'passfile', 'host', 'hostaddr', 'port', 'sslmode', 'sslcert', 'sslkey', 'sslrootcert', 'application_name']) {
        if (keywords[key] !== undefined && !(key === 'application_name' && keywords[key] === 'pg-catchup'))
            kept[key] = keywords[key];
    }
    if (storePassword && keywords.password !== undefined)
        kept.password = keywords.password;
    return (0, conninfo_1.formatConninfo)(kept);
}
/** The line appended to postgresql.auto.conf (a GUC string literal: quotes doubled). */
function autoConfLines(conninfo) {
    return `# Written by pg-catchup -R\nprimary_conninfo = '${conninfo.replace(/\\/g, '\\\\').replace(/'/g, "''")}'\n`;
}


/***/ }),

/***/ 2770:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

/**
 * Relation data file names under PGDATA (relpath() in PostgreSQL's common/relpath.c):
 *   global/<relfilenode>                                   shared catalogs
 *   base/<dbOid>/<relfilenode>                             default tablespace
 *   pg_tblspc/<spcOid>/PG_<major>_<catversion>/<dbOid>/<relfilenode>
 * each optionally with a fork suffix (_fsm, _vm, _init) and a segment suffix (.N, N >= 1);
 * temporary relations are `t<backend>_<relfilenode>`.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GLOBALTABLESPACE_OID = exports.DEFAULTTABLESPACE_OID = void 0;
exports.parseRelationFileName = parseRelationFileName;
exports.parseRelationPath = parseRelationPath;
exports.relationFileName = relationFileName;
exports.relationFilePath = relationFilePath;
exports.isDatabaseDirectory = isDatabaseDirectory;
exports.databaseDirectory = databaseDirectory;
exports.relationSegmentPath = relationSegmentPath;
/** OIDs of the two built-in tablespaces (pg_default, pg_global). */
exports.DEFAULTTABLESPACE_OID = 1663;
exports.GLOBALTABLESPACE_OID = 1664;
// Numbers as PostgreSQL prints them (%u): no sign, no leading zeros.
const NUM = '(0|[1-9][0-9]*)';
const POS = '([1-9][0-9]*)';
const FILE_NAME = new RegExp(`^(?:t${NUM}_)?${POS}(?:_(fsm|vm|init))?(?:\\.${POS})?$`);
const TABLESPACE_VERSION_DIR = /^PG_[0-9]+_[0-9]{9}$/;
const MAX_OID = 0xffffffff;
/** Parses just the file name part (`16384_vm.1`, `t3_16384`); null if not a relation file. */
function parseRelationFileName(fileName) {
    const match = FILE_NAME.exec(fileName);
    if (!match)
        return null;
    const relfilenode = Number(match[2]);
    const segmentNo = match[4] === undefined ? 0 : Number(match[4]);
    const tempBackend = match[1] === undefined ? null : Number(match[1]);
    if (relfilenode > MAX_OID || segmentNo > MAX_OID || (tempBackend !== null && tempBackend > MAX_OID)) {
        return null;
    }
    return {
        relfilenode,
        fork: match[3] ?? 'main',
        segmentNo,
        isTemp: tempBackend !== null,
        tempBackend,
    };
}
function parseOid(text) {
    if (text === undefined || !/^[1-9][0-9]*$/.test(text))
        return null;
    const value = Number(text);
    return value <= MAX_OID ? value : null;
}
/**
 * Parses a path relative to PGDATA ('/' separated) into the relation file it holds, or
 * null for every other file (catalog metadata like PG_VERSION, pg_filenode.map, ...).
 */
function parseRelationPath(relPath) {
    const parts = relPath.split('/');
    let tablespaceOid;
    let databaseOid;
    let tablespaceVersionDir = null;
    let fileName;
    if (parts[0] === 'global' && parts.length === 2) {
        tablespaceOid = exports.GLOBALTABLESPACE_OID;
        databaseOid = 0;
        fileName = parts[1];
    }
    else if (parts[0] === 'base' && parts.length === 3) {
        tablespaceOid = exports.DEFAULTTABLESPACE_OID;
        databaseOid = parseOid(parts[1]);
        fileName = parts[2];
    }
    else if (parts[0] === 'pg_tblspc' && parts.length === 5 && TABLESPACE_VERSION_DIR.test(parts[2])) {
        tablespaceOid = parseOid(parts[1]);
        tablespaceVersionDir = parts[2];
        databaseOid = parseOid(parts[3]);
        fileName = parts[4];
    }
    else {
        return null;
    }
    if (tablespaceOid === null || databaseOid === null)
        return null;
    const name = parseRelationFileName(fileName);
    // Shared catalogs are never temporary.
    if (!name || (name.isTemp && databaseOid === 0))
        return null;
    return { tablespaceOid, databaseOid, ...name, tablespaceVersionDir };
}
/** The file name part for a relation file: relfilenode, fork suffix, segment suffix. */
function relationFileName(rel) {
    const temp = rel.tempBackend === null ? '' : `t${rel.tempBackend}_`;
    const fork = rel.fork === 'main' ? '' : `_${rel.fork}`;
    const segment = rel.segmentNo === 0 ? '' : `.${rel.segmentNo}`;
    return `${temp}${rel.relfilenode}${fork}${segment}`;
}
/** Inverse of parseRelationPath: the path relative to PGDATA. */
function relationFilePath(rel) {
    const fileName = relationFileName(rel);
    if (rel.tablespaceOid === exports.GLOBALTABLESPACE_OID)
        return `global/${fileName}`;
    if (rel.tablespaceOid === exports.DEFAULTTABLESPACE_OID)
        return `base/${rel.databaseOid}/${fileName}`;
    if (rel.tablespaceVersionDir === null) {
        throw new Error(`relation ${rel.relfilenode} is in tablespace ${rel.tablespaceOid}, whose path needs the ` +
            'PG_<major>_<catversion> directory name (tablespaceVersionDir)');
    }
    return `pg_tblspc/${rel.tablespaceOid}/${rel.tablespaceVersionDir}/${rel.databaseOid}/${fileName}`;
}
/**
 * Whether a directory (relative to PGDATA) is a database directory that holds relation
 * files: base/<db> or pg_tblspc/<spc>/PG_x_y/<db>.
 */
function isDatabaseDirectory(dirPath) {
    const parts = dirPath.split('/');
    if (parts[0] === 'base' && parts.length === 2)
        return parseOid(parts[1]) !== null;
    return (parts[0] === 'pg_tblspc' &&
        parts.length === 4 &&
        parseOid(parts[1]) !== null &&
        TABLESPACE_VERSION_DIR.test(parts[2]) &&
        parseOid(parts[3]) !== null);
}
/** The directory that holds a database's files in a tablespace: base/5, global, pg_tblspc/<spc>/<dir>/5. */
function databaseDirectory(tablespaceOid, databaseOid, tablespaceVersionDir) {
    if (tablespaceOid === exports.GLOBALTABLESPACE_OID)
        return 'global';
    if (tablespaceOid === exports.DEFAULTTABLESPACE_OID)
        return `base/${databaseOid}`;
    return `pg_tblspc/${tablespaceOid}/${tablespaceVersionDir}/${databaseOid}`;
}
/**
 * The path of one segment file of a permanent relation's fork, from the numbers WAL records
 * carry (RelFileLocator): base/5/16384, base/5/16384.2, global/1262, pg_tblspc/16500/PG_15_x/5/16390_vm.
 */
function relationSegmentPath(tablespaceOid, databaseOid, relfilenode, fork, segmentNo, tablespaceVersionDir) {
    const fileName = relationFileName({ relfilenode, fork, segmentNo, tempBackend: null });
    return `${databaseDirectory(tablespaceOid, databaseOid, tablespaceVersionDir)}/${fileName}`;
}


/***/ }),

/***/ 112:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.findPostgresBinary = findPostgresBinary;
exports.runSingleUserRecovery = runSingleUserRecovery;
exports.runAsOwner = runAsOwner;
exports.targetRestoreCommand = targetRestoreCommand;
const fs = __importStar(__nccwpck_require__(9896));
const os = __importStar(__nccwpck_require__(857));
const path = __importStar(__nccwpck_require__(6928));
const errors_1 = __nccwpck_require__(7679);
/**
 * The postgres binary of the target's major version: an explicit directory, then the usual
 * package locations (Debian/Ubuntu, RHEL/PGDG), then PATH. Its version must match.
 */
async function findPostgresBinary(major, runner, binDir, program = 'postgres') {
    const candidates = binDir
        ? [path.join(binDir, program)]
        : [
            `/usr/lib/postgresql/${major}/bin/${program}`,
            `/usr/pgsql-${major}/bin/${program}`,
            ...(process.env.PATH ?? '').split(':').filter(Boolean).map((d) => path.join(d, program)),
        ];
    const tried = [];
    for (const candidate of candidates) {
        if (!fs.existsSync(candidate))
            continue;
        const res = await runner.run(candidate, ['-V']);
        const m = /\(PostgreSQL\) (\d+)/.exec(res.stdout);
        if (m && Number(m[1]) === major)
            return candidate;
        tried.push(`${candidate} (${res.stdout.trim() || 'no version'})`);
    }
    throw new errors_1.CatchupError('no-postgres-binary', `No ${program} binary of PostgreSQL ${major} found for the target${tried.length ? ` (found: ${tried.join(', ')})` : ''}.`, `Name the bin directory of PostgreSQL ${major} (--target-bindir, or the action's pg-bin-dir).`);
}
/**
 * Brings a target that was not shut down cleanly to a clean state, as pg_rewind does:
 * single-user mode replays WAL (crash recovery) and exits at end of input with a checkpoint.
 * As root, it runs as the data directory's owner (PostgreSQL refuses root).
 */
async function runSingleUserRecovery(targetDir, postgres, owner, runner) {
    const args = ['--single', '-F', '-c', 'exit_on_error=false', '-D', targetDir, 'template1'];
    const res = await runAsOwner(runner, owner, postgres, args, Buffer.alloc(0));
    if (res.exitCode !== 0) {
        const tail = `${res.stderr}${res.stdout}`.trim().split('\n').slice(-5).join(' | ');
        throw new errors_1.CatchupError('crash-recovery-failed', `Single-user crash recovery of the target failed (exit ${res.exitCode}): ${tail}.`, 'Start the target once yourself to see why (pg_ctl start), stop it cleanly, and rerun.');
    }
}
/**
 * Runs a program as the data directory's owner: PostgreSQL refuses to run as root, and files a
 * restore_command writes must belong to the owner too.
 */
async function runAsOwner(runner, owner, command, args, input) {
    const user = owner && os.userInfo().uid !== owner.uid ? userNameOf(owner.uid) : null;
    return user ? runner.run('runuser', ['-u', user, '--', command, ...args], { input }) : runner.run(command, args, { input });
}
/** The target's restore_command as its own server reads its configuration (pg_rewind does the same). */
async function targetRestoreCommand(targetDir, postgres, owner, runner) {
    const res = await runAsOwner(runner, owner, postgres, ['-D', targetDir, '-C', 'restore_command']);
    const value = res.stdout.trim();
    if (res.exitCode !== 0 || value === '') {
        throw new errors_1.CatchupError('no-restore-command', `-c/--restore-target-wal needs restore_command in the target's configuration, and ${res.exitCode !== 0 ? `reading it failed: ${res.stderr.trim()}` : 'it is empty'}.`, "Set restore_command in the target's postgresql.conf (e.g. 'cp /archive/%f %p'), or rebuild the target with -b FULL.");
    }
    return value;
}
function userNameOf(uid) {
    for (const line of fs.readFileSync('/etc/passwd', 'utf8').split('\n')) {
        const f = line.split(':');
        if (Number(f[2]) === uid)
            return f[0];
    }
    return null;
}


/***/ }),

/***/ 9264:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.listTarget = listTarget;
exports.readTablespaceLinks = readTablespaceLinks;
exports.isDirectory = isDirectory;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
// Links PostgreSQL itself follows: tablespaces, and pg_wal moved elsewhere (initdb/pg_basebackup --waldir).
const FOLLOWED_LINK = /^(pg_tblspc\/\d+|pg_wal)$/;
/**
 * Every entry of the target PGDATA, relative paths with '/'. Symlinks are listed, not followed,
 * except the tablespace links pg_tblspc/<oid> and a pg_wal link: they are directories of the
 * cluster, listed as such with their contents below them, as the source's listing shows them.
 */
function listTarget(root) {
    const out = [];
    const walk = (rel) => {
        for (const d of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
            const child = rel === '' ? d.name : `${rel}/${d.name}`;
            if (d.isSymbolicLink() && FOLLOWED_LINK.test(child) && isDirectory(path.join(root, child))) {
                out.push({ path: child, size: 0, isDir: true, isSymlink: true, linkTarget: fs.readlinkSync(path.join(root, child)) });
                walk(child);
            }
            else if (d.isSymbolicLink()) {
                out.push({ path: child, size: 0, isDir: false, isSymlink: true });
            }
            else if (d.isDirectory()) {
                out.push({ path: child, size: 0, isDir: true, isSymlink: false });
                walk(child);
            }
            else {
                // A file can vanish between readdir and stat (another run's lock being written aside and
                // linked in place, as two runs race for the lock): it is not there, so it is not listed.
                const st = fs.statSync(path.join(root, child), { throwIfNoEntry: false });
                if (st)
                    out.push({ path: child, size: st.size, isDir: false, isSymlink: false });
            }
        }
    };
    walk('');
    return out;
}
/** The target's tablespace links (pg_tblspc/<oid> -> directory), by OID. */
function readTablespaceLinks(root) {
    const links = new Map();
    const dir = path.join(root, 'pg_tblspc');
    if (!fs.existsSync(dir))
        return links;
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
        if (d.isSymbolicLink() && /^\d+$/.test(d.name))
            links.set(Number(d.name), fs.readlinkSync(path.join(dir, d.name)));
    }
    return links;
}
/** A directory, following links; false when absent. */
function isDirectory(p) {
    try {
        return fs.statSync(p).isDirectory();
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 3777:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TargetLock = void 0;
exports.takeOverNotice = takeOverNotice;
const fs = __importStar(__nccwpck_require__(9896));
const os = __importStar(__nccwpck_require__(857));
const path = __importStar(__nccwpck_require__(6928));
const errors_1 = __nccwpck_require__(7679);
const catchup_marker_1 = __nccwpck_require__(3711);
/**
 * One run per target: a lock file that appears whole or not at all (written aside, then
 * hard-linked into place, which fails if it exists), so a run started in the same instant never
 * reads a half-written lock and takes it for a dead one. A lock whose process is gone (a killed
 * run) is taken over, and the caller says so; a live one refuses with its PID and start time.
 */
class TargetLock {
    file;
    /** The lock of a dead run that this one took over, if any. */
    tookOverFrom = null;
    constructor(file) {
        this.file = file;
    }
    static acquire(targetDir) {
        const file = path.join(targetDir, catchup_marker_1.LOCK_FILE);
        const mine = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
        let tookOverFrom = null;
        for (let attempt = 0; attempt < 50; attempt++) {
            if (attempt > 0)
                sleepMs(10);
            if (linkNew(file, `${JSON.stringify(mine)}\n`)) {
                const lock = new TargetLock(file);
                lock.tookOverFrom = tookOverFrom;
                return lock;
            }
            const raw = readRaw(file);
            if (raw === null)
                continue; // released between our link and our read: try again
            const holder = parseLock(raw);
            if (!holder) {
                throw new errors_1.CatchupError('target-locked', `The lock file ${file} is not one pg-catchup wrote (${JSON.stringify(raw.slice(0, 80))}).`, 'If no pg-catchup run is working on this target, remove the file and rerun.');
            }
            if (isAlive(holder))
                throw lockedError(holder, targetDir);
            // The holder died (a killed run): its marker, if any, is what this run resumes from.
            removeDeadLock(file, raw);
            tookOverFrom = holder;
        }
        throw new errors_1.CatchupError('target-locked', `Could not take the lock ${file}: other runs keep taking it.`, 'Wait for them to finish.');
    }
    /** Read-only check for --dry-run, which must not write to the target. */
    static assertFree(targetDir) {
        const raw = readRaw(path.join(targetDir, catchup_marker_1.LOCK_FILE));
        const holder = raw === null ? null : parseLock(raw);
        if (holder && isAlive(holder))
            throw lockedError(holder, targetDir);
    }
    release() {
        fs.rmSync(this.file, { force: true });
    }
}
exports.TargetLock = TargetLock;
/**
 * Removes the dead run's lock `deadRaw` if it is still there, as one step among runs racing to
 * take it over: a second lock file (the takeover guard) lets one of them at a time compare and
 * remove. Without it, two could both see the dead lock, one remove it and link its own, and the
 * other then remove that one. While the dead lock exists nobody can link a new one, so inside the
 * guard the comparison stays true until the removal.
 */
function removeDeadLock(file, deadRaw) {
    const guard = `${file}.takeover`;
    if (!linkNew(guard, `${JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() })}\n`)) {
        // Another run is taking over; one that died inside the guard (very rare) must not block all others.
        const raw = readRaw(guard);
        const owner = raw === null ? null : parseLock(raw);
        if (owner && !isAlive(owner) && readRaw(guard) === raw)
            fs.rmSync(guard, { force: true });
        return;
    }
    try {
        if (readRaw(file) === deadRaw)
            fs.rmSync(file, { force: true });
    }
    finally {
        fs.rmSync(guard, { force: true });
    }
}
function sleepMs(ms) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
function lockedError(holder, targetDir) {
    return new errors_1.CatchupError('target-locked', `Another pg-catchup run (PID ${holder.pid} on ${holder.host}, started ${holder.startedAt}) is working on ${targetDir}.`, 'Wait for it to finish; two runs on one target would corrupt it.');
}
/** Creates `file` with `content`, atomically; false if it exists. */
function linkNew(file, content) {
    const tmp = `${file}.${process.pid}.${Date.now().toString(36)}`;
    fs.writeFileSync(tmp, content, { flag: 'wx', mode: 0o600 });
    try {
        fs.linkSync(tmp, file);
        return true;
    }
    catch (err) {
        if (err.code !== 'EEXIST')
            throw err;
        return false;
    }
    finally {
        fs.rmSync(tmp, { force: true });
    }
}
function readRaw(file) {
    try {
        return fs.readFileSync(file, 'utf8');
    }
    catch (err) {
        // No lock, or no directory to hold one (the target is missing or a file: refused elsewhere).
        if (['ENOENT', 'ENOTDIR'].includes(err.code ?? ''))
            return null;
        throw err;
    }
}
function parseLock(raw) {
    try {
        const v = JSON.parse(raw);
        return Number.isInteger(v.pid) && typeof v.host === 'string' && typeof v.startedAt === 'string' ? v : null;
    }
    catch {
        return null;
    }
}
function isAlive(lock) {
    // A lock from another host (shared storage) cannot be checked: treat it as held.
    if (lock.host !== os.hostname())
        return true;
    try {
        process.kill(lock.pid, 0);
        return true;
    }
    catch (err) {
        return err.code === 'EPERM';
    }
}
/** A notice for a lock taken over from a run that died, for the log and the report. */
function takeOverNotice(lock, targetDir) {
    const dead = lock.tookOverFrom;
    return dead ? `took over the lock of an earlier run on ${targetDir} (PID ${dead.pid} on ${dead.host}, started ${dead.startedAt}), which is no longer running` : null;
}


/***/ }),

/***/ 5777:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.resolveTargetDir = resolveTargetDir;
exports.realPathOf = realPathOf;
exports.isInside = isInside;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
/**
 * The target's real path, resolved once at the start (a target that is a symlink, or lies under
 * one): every later step then works on the same directory even if the link is changed during
 * the run, and the log says where the data really goes. A target that does not exist yet (FULL)
 * is resolved through its nearest existing parent.
 */
function resolveTargetDir(given) {
    const abs = path.resolve(given);
    const real = realPathOf(abs);
    return { dir: real, note: real === abs ? null : `the target ${abs} resolves to ${real} (through a symbolic link): working there` };
}
/** The real path of `p`, or of its nearest existing ancestor joined with the rest. */
function realPathOf(p) {
    const abs = path.resolve(p);
    const rest = [];
    for (let dir = abs;; dir = path.dirname(dir)) {
        try {
            return path.join(fs.realpathSync(dir), ...rest.reverse());
        }
        catch {
            if (dir === path.dirname(dir))
                return abs;
            rest.push(path.basename(dir));
        }
    }
}
/** Whether `child` lies strictly below `parent` (both absolute, resolved the same way). */
function isInside(child, parent) {
    const rel = path.relative(parent, child);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}


/***/ }),

/***/ 8777:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.inspectTarget = inspectTarget;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
const errors_1 = __nccwpck_require__(7679);
const backup_label_1 = __nccwpck_require__(4805);
const catchup_marker_1 = __nccwpck_require__(3711);
const pg_control_1 = __nccwpck_require__(9737);
const postmaster_pid_1 = __nccwpck_require__(8860);
function inspectTarget(targetDir) {
    const dir = path.resolve(targetDir);
    let st;
    try {
        st = fs.statSync(dir);
    }
    catch {
        throw new errors_1.CatchupError('target-missing', `The target ${dir} does not exist.`, 'An incremental mode needs an existing copy of the source; to build a new one use -b FULL.');
    }
    if (!st.isDirectory()) {
        throw new errors_1.CatchupError('target-not-directory', `The target ${dir} is not a directory.`, 'Point the target option at a data directory.');
    }
    const marker = (0, catchup_marker_1.readMarker)(dir);
    if (marker?.mode === 'FULL') {
        throw new errors_1.CatchupError('target-interrupted-full', `The target ${dir} holds a FULL copy that was interrupted (started ${marker.startedAt}, PID ${marker.pid}): only FULL can finish it.`, 'Rerun pg-catchup catchup -b FULL with the same source and target: it resumes, keeping the files the interrupted run finished.');
    }
    const versionFile = path.join(dir, 'PG_VERSION');
    if (!fs.existsSync(versionFile)) {
        throw new errors_1.CatchupError('target-not-pgdata', `The target ${dir} is not a PostgreSQL data directory (no PG_VERSION).`, fs.readdirSync(dir).length === 0 ? 'It is empty: use -b FULL.' : 'Point the target option at a data directory, or use -b FULL into an empty one.');
    }
    const majorVersion = Number(fs.readFileSync(versionFile, 'utf8').trim());
    const { control, controlSource } = readTargetControl(dir, marker);
    const labelPath = path.join(dir, 'backup_label');
    let backupLabel = null;
    // With a marker, a backup_label is the interrupted run's own (maybe torn); R is in the marker.
    if (!marker && fs.existsSync(labelPath)) {
        try {
            backupLabel = (0, backup_label_1.parseBackupLabel)(fs.readFileSync(labelPath, 'utf8'), labelPath);
        }
        catch (err) {
            throw new errors_1.CatchupError('target-backup-label', `${(0, errors_1.errorMessage)(err)}.`, 'Inspect the file; if the directory is not a usable copy, rebuild it with -b FULL.');
        }
    }
    return { dir, majorVersion, control, controlSource, backupLabel, marker, postmaster: (0, postmaster_pid_1.livePostmaster)(dir) };
}
function readTargetControl(dir, marker) {
    const main = path.join(dir, 'global', 'pg_control');
    const aside = path.join(dir, catchup_marker_1.CONTROL_ASIDE);
    const pick = fs.existsSync(main) && !marker ? main : fs.existsSync(aside) ? aside : fs.existsSync(main) ? main : null;
    if (!pick) {
        throw new errors_1.CatchupError('target-no-control', `The target ${dir} has no global/pg_control${marker ? ' and no copy of it set aside' : ''}.`, 'Without it the target position is unknown and an incremental sync would be a guess: rebuild with -b FULL into an empty directory.');
    }
    try {
        return {
            control: (0, pg_control_1.parsePgControl)(fs.readFileSync(pick), pick),
            controlSource: pick === aside ? catchup_marker_1.CONTROL_ASIDE : 'global/pg_control',
        };
    }
    catch (err) {
        throw new errors_1.CatchupError('target-bad-control', `${(0, errors_1.errorMessage)(err)}.`, 'The target position cannot be trusted: rebuild with -b FULL into an empty directory.');
    }
}


/***/ }),

/***/ 8488:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

/**
 * The blocks a diverged target changed since R, found in its own WAL as pg_rewind finds them
 * (extractPageMap in src/bin/pg_rewind/parsexlog.c): every record from R to the end of the
 * target's WAL names the blocks it touched, so reading the WAL replaces reading every data file
 * for page LSNs (scanLocalChangedBlocks). Same result shape, for planDelta's targetChanged.
 *
 * What the block references cannot show is covered by relation-level records:
 * - XLOG_SMGR_CREATE of a main fork: the relation's file was (re)created after R, and pages can
 *   reach it without a WAL record of their own (wal_level = minimal, a relfilenode reused after a
 *   drop). Every segment file of it counts as wholly changed (`wholeFiles`).
 * - XLOG_DBASE_CREATE_FILE_COPY: the database's files were copied from a template with no record
 *   per relation or page. Its directory counts as wholly changed (`wholeDirectories`).
 *   XLOG_DBASE_CREATE_WAL_LOG logs every page, but its directory is new too: marked the same way,
 *   as PostgreSQL's WAL summarizer does (a database made after R has nothing in common with R).
 * - XLOG_SMGR_TRUNCATE of a main fork to N blocks: sizes alone handle a truncation (planDelta
 *   copies every source block past the target's end), but blocks at N and above the target added
 *   again afterwards need not all have WAL (extension writes zero pages unlogged). Every block from
 *   N up that the target's file has now counts as changed. The page-LSN scan misses those too.
 * - Drops (XLOG_DBASE_DROP, relations dropped at commit or abort) need nothing: the files are gone
 *   from the target, so the plan copies the source's whole. Tablespace creation needs nothing: its
 *   files arrive through the database and smgr records above.
 * Other forks are ignored: the plan copies FSM, VM and init forks whole. Records of any rmgr,
 * custom ones included, count through their block references, which have one generic format. A
 * record flagged XLR_SPECIAL_REL_UPDATE that is none of the above changes a relation in a way we
 * cannot read (pg_rewind stops there too): the result is then incomplete.
 *
 * Never a partial answer: if the WAL cannot be read from R to `mustReach`, the result says
 * `complete: false` and why, and the caller falls back to the page-LSN scan.
 */
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TargetChangeCollector = void 0;
exports.collectRecord = collectRecord;
exports.splitBySegment = splitBySegment;
exports.changedBlocksByFile = changedBlocksByFile;
exports.mergeBlocks = mergeBlocks;
exports.targetWalChanges = targetWalChanges;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
const lsn_1 = __nccwpck_require__(2524);
const local_wal_source_1 = __nccwpck_require__(6829);
const wal_reader_1 = __nccwpck_require__(1909);
const wal_record_1 = __nccwpck_require__(1251);
const relation_path_1 = __nccwpck_require__(2770);
const MAIN_FORKNUM = 0;
/**
 * What the records say, accumulated: block numbers per relation main fork (absolute, not per
 * segment), relations created, truncations, databases created. Pure; no paths until the end.
 */
class TargetChangeCollector {
    /** By relNumber, then the few relations sharing one (different databases or tablespaces). */
    relations = new Map();
    last = null;
    createdRelations = [];
    /** Lowest block a main fork was truncated to, per relation. */
    truncations = [];
    createdDatabases = [];
    addBlock(spcOid, dbOid, relNumber, blockNo) {
        let rel = this.last;
        if (rel === null || rel.relNumber !== relNumber || rel.dbOid !== dbOid || rel.spcOid !== spcOid)
            rel = this.relation(spcOid, dbOid, relNumber);
        rel.blocks.add(blockNo);
    }
    /** Every main-fork block reference of one record. */
    addBlockReferences(blocks) {
        for (let i = 0; i < blocks.count; i++) {
            if ((blocks.flags[i] & wal_record_1.BKPBLOCK_FORK_MASK) === MAIN_FORKNUM) {
                this.addBlock(blocks.spcOid[i], blocks.dbOid[i], blocks.relNumber[i], blocks.blockNo[i]);
            }
        }
    }
    /** Blocks collected so far, per relation (absolute block numbers, unsorted). */
    *relationBlocks() {
        for (const list of this.relations.values())
            yield* list;
    }
    relation(spcOid, dbOid, relNumber) {
        let list = this.relations.get(relNumber);
        if (!list)
            this.relations.set(relNumber, (list = []));
        let rel = list.find((r) => r.dbOid === dbOid && r.spcOid === spcOid);
        if (!rel)
            list.push((rel = { spcOid, dbOid, relNumber, blocks: new Set() }));
        this.last = rel;
        return rel;
    }
}
exports.TargetChangeCollector = TargetChangeCollector;
/** Thrown from the scan callback to stop at a record we cannot account for. */
class UnaccountableRecord extends Error {
    reason;
    lsn;
    constructor(reason, lsn) {
        super(`${reason}, at ${(0, lsn_1.formatLsn)(lsn)}`);
        this.reason = reason;
        this.lsn = lsn;
    }
}
/**
 * Adds one record to `collector`: its main-fork block references, and what a relation-level
 * record means (see the file comment). Returns null, or why the WAL cannot tell which blocks
 * this record changed.
 */
function collectRecord(record, collector) {
    collector.addBlockReferences(record.blocks);
    const rmid = record.rmid;
    if (rmid !== wal_record_1.RM_SMGR_ID && rmid !== wal_record_1.RM_DBASE_ID && !(record.info & wal_record_1.XLR_SPECIAL_REL_UPDATE))
        return null;
    const info = (0, wal_record_1.rmgrInfo)(record);
    try {
        if (rmid === wal_record_1.RM_SMGR_ID && info === wal_record_1.XLOG_SMGR_CREATE) {
            const create = (0, wal_record_1.decodeSmgrCreate)(record.mainData());
            if (create.forkNumber === MAIN_FORKNUM)
                collector.createdRelations.push({ ...create.rel });
            return null;
        }
        if (rmid === wal_record_1.RM_SMGR_ID && info === wal_record_1.XLOG_SMGR_TRUNCATE) {
            const truncate = (0, wal_record_1.decodeSmgrTruncate)(record.mainData());
            if (truncate.flags & wal_record_1.SMGR_TRUNCATE_HEAP)
                collector.truncations.push({ ...truncate.rel, fromBlock: truncate.blockNo });
            return null;
        }
        if (rmid === wal_record_1.RM_DBASE_ID && (info === wal_record_1.XLOG_DBASE_CREATE_FILE_COPY || info === wal_record_1.XLOG_DBASE_CREATE_WAL_LOG)) {
            const create = (0, wal_record_1.decodeDbase)(record, record.mainData());
            if (create.kind !== 'drop')
                collector.createdDatabases.push({ spcOid: create.tsOid, dbOid: create.dbOid });
            return null;
        }
        // The files are gone from the target: the plan copies whatever the source has of them whole.
        if (rmid === wal_record_1.RM_DBASE_ID && info === wal_record_1.XLOG_DBASE_DROP)
            return null;
        if ((0, wal_record_1.isXactCompletionRecord)(record))
            return null;
    }
    catch (err) {
        if (!(err instanceof wal_record_1.WalRecordFormatError))
            throw err;
        return `a ${(0, wal_record_1.rmgrName)(rmid)} record (info 0x${record.info.toString(16)}) is malformed: ${err.message}`;
    }
    if (record.info & wal_record_1.XLR_SPECIAL_REL_UPDATE) {
        return `a ${(0, wal_record_1.rmgrName)(rmid)} record (info 0x${record.info.toString(16)}) changes a relation in a way its block references do not show`;
    }
    return null;
}
/** Sorted, unique absolute block numbers split into (segment file number, blocks within it). */
function splitBySegment(sortedBlocks, relsegSize) {
    if (!(relsegSize > 0))
        throw new Error(`relsegSize must be a positive number of blocks, not ${relsegSize}`);
    const out = [];
    let current = null;
    let currentSeg = -1;
    for (let i = 0; i < sortedBlocks.length; i++) {
        const block = sortedBlocks[i];
        const seg = Math.floor(block / relsegSize);
        if (seg !== currentSeg) {
            current = [];
            currentSeg = seg;
            out.push([seg, current]);
        }
        current.push(block - seg * relsegSize);
    }
    return out;
}
/** The collected block references as planDelta wants them: segment file path -> blocks within it. */
function changedBlocksByFile(collector, layout) {
    const changed = new Map();
    for (const rel of collector.relationBlocks()) {
        const sorted = Uint32Array.from(rel.blocks).sort();
        for (const [segmentNo, blocks] of splitBySegment(sorted, layout.relsegSize)) {
            changed.set((0, relation_path_1.relationSegmentPath)(rel.spcOid, rel.dbOid, rel.relNumber, 'main', segmentNo, layout.tablespaceVersionDir), blocks);
        }
    }
    return changed;
}
/** Adds `blocks` (within one file) to the file's entry, keeping it sorted and unique. */
function mergeBlocks(changed, file, blocks) {
    const old = changed.get(file);
    if (!old || old.length === 0) {
        if (blocks.length > 0)
            changed.set(file, [...new Set(blocks)].sort((a, b) => a - b));
        return;
    }
    changed.set(file, [...new Set([...old, ...blocks])].sort((a, b) => a - b));
}
/** The segment files a relation's main fork has on disk (path relative to PGDATA, bytes). */
function mainForkFiles(pgdata, rel, layout) {
    const files = [];
    for (let segmentNo = 0;; segmentNo++) {
        const rp = (0, relation_path_1.relationSegmentPath)(rel.spcOid, rel.dbOid, rel.relNumber, 'main', segmentNo, layout.tablespaceVersionDir);
        let size;
        try {
            size = fs.statSync(path.join(pgdata, rp)).size;
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return files;
            throw new Error(`could not stat "${path.join(pgdata, rp)}": ${err.message}`);
        }
        files.push({ path: rp, size });
    }
}
/**
 * Where the relation-level records point, resolved against the target's files as they are now:
 * every segment file of a created relation, and every block from a truncation point up.
 */
function resolveOnDisk(pgdata, collector, layout, blockSize, changed) {
    const wholeFiles = new Set();
    for (const rel of collector.createdRelations) {
        for (const f of mainForkFiles(pgdata, rel, layout))
            wholeFiles.add(f.path);
    }
    for (const t of collector.truncations) {
        mainForkFiles(pgdata, t, layout).forEach((f, segmentNo) => {
            if (wholeFiles.has(f.path))
                return;
            const first = Math.max(0, t.fromBlock - segmentNo * layout.relsegSize);
            const end = Math.floor(f.size / blockSize);
            if (first >= end)
                return;
            const blocks = [];
            for (let b = first; b < end; b++)
                blocks.push(b);
            mergeBlocks(changed, f.path, blocks);
        });
    }
    return wholeFiles;
}
/** Reads the target's WAL from R to its end and collects what it changed (see the file comment). */
async function targetWalChanges(input) {
    const reader = new wal_reader_1.WalReader((0, local_wal_source_1.localWalDirSource)(path.join(input.pgdata, 'pg_wal'), input.walSegmentSize), {
        timelineForLsn: input.timelineForLsn,
        systemIdentifier: input.systemIdentifier,
    });
    const collector = new TargetChangeCollector();
    let records = 0;
    let end;
    try {
        end = await reader.scanForward(input.fromLsn, (record) => {
            records++;
            input.observe?.(record);
            const problem = collectRecord(record, collector);
            if (problem !== null)
                throw new UnaccountableRecord(problem, record.lsn);
        }, { readAhead: true });
    }
    catch (err) {
        if (err instanceof UnaccountableRecord) {
            return { complete: false, reason: `the target's WAL cannot tell which blocks changed: ${err.message}`, walBytes: Number(err.lsn - input.fromLsn) };
        }
        if (err instanceof wal_reader_1.WalReadError) {
            return { complete: false, reason: `the target's WAL at R (${(0, lsn_1.formatLsn)(input.fromLsn)}) cannot be read: ${err.message}`, walBytes: 0 };
        }
        throw err;
    }
    const endLsn = end.lsn;
    const walBytes = Number(endLsn - input.fromLsn);
    if (endLsn < input.mustReach) {
        return {
            complete: false,
            reason: `the target's WAL ends at ${(0, lsn_1.formatLsn)(endLsn)}, before ${(0, lsn_1.formatLsn)(input.mustReach)} that it must reach: ${end.message}`,
            walBytes,
        };
    }
    const layout = { relsegSize: input.relsegSize, tablespaceVersionDir: input.tablespaceVersionDir };
    const changed = changedBlocksByFile(collector, layout);
    const wholeFiles = resolveOnDisk(input.pgdata, collector, layout, input.blockSize, changed);
    const wholeDirectories = [...new Set(collector.createdDatabases.map((d) => (0, relation_path_1.databaseDirectory)(d.spcOid, d.dbOid, input.tablespaceVersionDir)))].sort();
    return { complete: true, changed, wholeFiles, wholeDirectories, records, walBytes, endLsn };
}


/***/ }),

/***/ 2979:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DISCARDED_WAL_DIR = void 0;
exports.setTargetWalAside = setTargetWalAside;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
const worker_threads_1 = __nccwpck_require__(8167);
/** Where the target's old WAL waits for its removal; PostgreSQL never looks into subdirectories of pg_wal for segments. */
exports.DISCARDED_WAL_DIR = 'pg_wal/pg_catchup_discarded';
/**
 * Moves the target's old WAL (possibly of its own branch, which must not be replayed after the
 * sync) out of pg_wal at once, and returns its removal, which runs in the background: unlinking
 * a few GB of segments takes the file system a noticeable time (150 ms for 60 segments here)
 * that the run need not wait for until it ends. Contents of archive_status and summaries go too;
 * the directories stay.
 */
function setTargetWalAside(targetDir) {
    const walDir = path.join(targetDir, 'pg_wal');
    if (!fs.existsSync(walDir))
        return Promise.resolve();
    const discard = path.join(targetDir, exports.DISCARDED_WAL_DIR);
    fs.mkdirSync(discard, { recursive: true });
    const aside = path.basename(discard);
    for (const name of fs.readdirSync(walDir)) {
        if (name === aside)
            continue;
        const p = path.join(walDir, name);
        if (name === 'archive_status' || name === 'summaries') {
            for (const f of fs.readdirSync(p))
                fs.renameSync(path.join(p, f), path.join(discard, `${name}.${f}`));
        }
        else {
            fs.renameSync(p, path.join(discard, name));
        }
    }
    return removeInThread(discard);
}
/**
 * Removes a directory tree on a thread of its own: fs.promises.rm would queue one unlink per
 * file on libuv's four shared threads, and every other file operation of the run would wait
 * behind them (120 ms for 60 segments, here).
 */
function removeInThread(dir) {
    return new Promise((resolve, reject) => {
        const worker = new worker_threads_1.Worker("require('fs').rmSync(require('worker_threads').workerData, { recursive: true, force: true })", { eval: true, workerData: dir });
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`removal thread exited with code ${code}`))));
    });
}


/***/ }),

/***/ 9375:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.targetWriteError = targetWriteError;
const errors_1 = __nccwpck_require__(7679);
/**
 * A target the run may not write (a read-only file system, modes or ownership that forbid it),
 * in one line with the way out, instead of a bare EROFS or EACCES; null for anything else.
 */
function targetWriteError(err, targetDir) {
    if (err instanceof errors_1.CatchupError)
        return null;
    const code = err?.code;
    const msg = (0, errors_1.errorMessage)(err);
    if (code === 'EROFS') {
        return new errors_1.CatchupError('target-read-only', `The target ${targetDir} is on a read-only file system (${msg}).`, 'Remount it read-write or choose another target; if it turned read-only during the run (a file system error), check the disk, then run the same command again.');
    }
    if (code === 'EACCES' || code === 'EPERM') {
        return new errors_1.CatchupError('target-not-writable', `pg-catchup may not write into the target ${targetDir} (${msg}).`, 'Run pg-catchup as the PostgreSQL OS user that owns the target, or as root; PGDATA must be mode 0700 or 0750 and owned by that user.');
    }
    return null;
}


/***/ }),

/***/ 8164:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

/**
 * Which change source finds the blocks that differ, per side (design rule 4), chosen by a cost
 * estimate before anything is written. Pure: the facts are inputs, the rates are constants
 * measured on the bench machine (2 cores, page cache warm), and the choice says why.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ChangeSourceError = exports.RATES = exports.TARGET_METHODS = exports.SOURCE_METHODS = void 0;
exports.chooseChangeSource = chooseChangeSource;
exports.serverPageScanEstimate = serverPageScanEstimate;
exports.trackerEstimate = trackerEstimate;
exports.walReplayEstimate = walReplayEstimate;
exports.localPageScanEstimate = localPageScanEstimate;
exports.targetWalEstimate = targetWalEstimate;
exports.parseChangeSources = parseChangeSources;
exports.SOURCE_METHODS = ['page-scan', 'wal-summaries', 'ptrack', 'wal-replay', 'source-wal'];
exports.TARGET_METHODS = ['target-wal', 'page-scan'];
/** Bytes per second, measured with `npm run bench` on PostgreSQL 15 (see docs/benchmarks.md). */
exports.RATES = {
    /** The server filtering pages by LSN (pg_read_binary_file + a page-header check per block). */
    serverPageScan: 2.5e9,
    /** This process reading the target's relation files and checking page LSNs (page cache). */
    localPageScan: 2.0e9,
    /** This process decoding the target's WAL for block references. */
    walDecode: 0.3e9,
    /** Copying from the source (read, write, checksum), for pages and shipped WAL alike. */
    copy: 0.35e9,
    /** The target replaying shipped WAL when it starts: paid by the first start, so it counts. */
    replay: 0.15e9,
};
class ChangeSourceError extends Error {
}
exports.ChangeSourceError = ChangeSourceError;
/**
 * The cheapest available candidate, or the forced one (a hidden test option: it must be
 * available, never silently replaced).
 */
function chooseChangeSource(side, candidates, forced) {
    const available = candidates.filter((c) => c.estimate !== null);
    if (forced !== undefined) {
        const c = candidates.find((x) => x.method === forced);
        if (!c)
            throw new ChangeSourceError(`--change-source ${side}=${forced}: not a ${side}-side method here (there are ${candidates.map((x) => x.method).join(', ')})`);
        if (c.estimate === null)
            throw new ChangeSourceError(`--change-source ${side}=${forced} is not possible: ${c.unavailable}`);
        return { method: c.method, estimate: c.estimate, reason: `forced with --change-source ${side}=${forced}`, candidates };
    }
    if (available.length === 0) {
        throw new ChangeSourceError(`no ${side}-side change source is possible: ${candidates.map((c) => `${c.method}: ${c.unavailable}`).join('; ')}`);
    }
    const best = available.reduce((a, b) => (b.estimate.seconds < a.estimate.seconds ? b : a));
    const others = candidates.filter((c) => c !== best).map((c) => (c.estimate ? `${c.method} ~${fmt(c.estimate.seconds)}` : `${c.method} unavailable: ${c.unavailable}`));
    const reason = others.length === 0 ? 'the only method possible' : `cheapest (~${fmt(best.estimate.seconds)}; ${others.join('; ')})`;
    return { method: best.method, estimate: best.estimate, reason, candidates };
}
const fmt = (s) => `${s < 10 ? s.toFixed(2) : s.toFixed(0)} s`;
/** Cost of finding the source's changes by reading every main fork on the server. */
function serverPageScanEstimate(relationBytes) {
    return { seconds: relationBytes / exports.RATES.serverPageScan, bytes: relationBytes };
}
/** Change tracking answers from its own small files: no data file is read. */
function trackerEstimate() {
    return { seconds: 0.05, bytes: 0 };
}
/**
 * Shipping the source's WAL from R and letting the target replay it instead of copying the
 * source's changed pages: worth it when that WAL is small against the scan it saves.
 */
function walReplayEstimate(walBytes) {
    return { seconds: walBytes / exports.RATES.copy + walBytes / exports.RATES.replay, bytes: walBytes };
}
function localPageScanEstimate(relationBytes) {
    return { seconds: relationBytes / exports.RATES.localPageScan, bytes: relationBytes };
}
function targetWalEstimate(walBytes) {
    return { seconds: walBytes / exports.RATES.walDecode, bytes: walBytes };
}
function parseChangeSources(values) {
    const out = {};
    for (const v of values) {
        const m = /^(source|target)=(.+)$/.exec(v.trim());
        if (!m)
            throw new ChangeSourceError(`--change-source ${v}: expected source=METHOD or target=METHOD`);
        const [, side, method] = m;
        if (side === 'source') {
            if (!exports.SOURCE_METHODS.includes(method))
                throw new ChangeSourceError(`--change-source source=${method}: the source side takes ${exports.SOURCE_METHODS.join(', ')}`);
            out.source = method;
        }
        else {
            if (!exports.TARGET_METHODS.includes(method))
                throw new ChangeSourceError(`--change-source target=${method}: the target side takes ${exports.TARGET_METHODS.join(', ')}`);
            out.target = method;
        }
    }
    return out;
}


/***/ }),

/***/ 1519:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.normalizeExcludePaths = normalizeExcludePaths;
exports.isExcludedByUser = isExcludedByUser;
const path = __importStar(__nccwpck_require__(6928));
const errors_1 = __nccwpck_require__(7679);
const catchup_marker_1 = __nccwpck_require__(3711);
/**
 * Top-level PGDATA entries that hold the cluster's state: a target that kept its own copy
 * of any of them while taking the rest from the source would start inconsistent.
 */
const CLUSTER_STATE = [
    'PG_VERSION', 'base', 'global', 'pg_wal', 'pg_xact', 'pg_multixact', 'pg_commit_ts', 'pg_subtrans',
    'pg_tblspc', 'pg_twophase', 'pg_logical', 'pg_replslot', 'pg_serial', 'pg_snapshots', 'pg_notify',
    'pg_dynshmem', 'pg_stat', 'pg_stat_tmp', 'backup_label', 'tablespace_map', 'postmaster.pid', 'postmaster.opts',
];
/**
 * --exclude-path values as paths relative to PGDATA ('/' separated). Each must lie inside
 * PGDATA and outside the cluster's state; relative values are taken relative to PGDATA.
 */
function normalizeExcludePaths(values, targetDir) {
    const root = path.resolve(targetDir);
    const out = [];
    for (const value of values) {
        const abs = path.resolve(root, value);
        const rel = path.relative(root, abs).split(path.sep).join('/');
        if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) {
            throw new errors_1.CatchupError('bad-exclude-path', `--exclude-path ${value} is not inside the target data directory ${root}.`, 'Give a path inside PGDATA, relative to it (postgresql.conf) or absolute.');
        }
        const top = rel.split('/')[0];
        if (CLUSTER_STATE.includes(top) || catchup_marker_1.OWN_FILES.includes(rel)) {
            throw new errors_1.CatchupError('bad-exclude-path', `--exclude-path ${value} would keep the target's own ${top}, which must match the source for the cluster to start consistent.`, 'Exclude only configuration and other files of your own (postgresql.conf, pg_hba.conf, postgresql.auto.conf, certificates, log directories).');
        }
        if (!out.includes(rel))
            out.push(rel);
    }
    return out;
}
/** Whether a PGDATA-relative path is an excluded path or lies below one. */
function isExcludedByUser(relPath, excluded) {
    return excluded.some((e) => relPath === e || relPath.startsWith(`${e}/`));
}


/***/ }),

/***/ 7126:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.patchCandidates = patchCandidates;
exports.planDelta = planDelta;
exports.patchFor = patchFor;
const exclusions_1 = __nccwpck_require__(449);
const listing_relations_1 = __nccwpck_require__(7798);
const exclude_paths_1 = __nccwpck_require__(1519);
const plan_full_1 = __nccwpck_require__(7883);
const plan_1 = __nccwpck_require__(9121);
const depth = (p) => p.split('/').length;
/** A file patched block by block: the main fork of a relation present on both sides. */
const isPatchable = listing_relations_1.isRelationMainFork;
/** Which source files to scan for changed blocks, and how far: only what the target already has. */
function patchCandidates(source, target, blockSize) {
    const targetFiles = new Map(target.filter((e) => !e.isDir && !e.isSymlink).map((e) => [e.path, e.size]));
    const out = [];
    for (const e of (0, exclusions_1.classifyEntries)(source).keep) {
        const targetSize = targetFiles.get(e.path);
        if (e.isDir || targetSize === undefined || !isPatchable(e.path))
            continue;
        const length = Math.min(e.size, Math.floor(targetSize / blockSize) * blockSize);
        if (length > 0)
            out.push({ path: e.path, length });
    }
    return out;
}
/**
 * DELTA (design rule 5): relation main forks patched with the blocks that can differ, every
 * other file copied whole, files only on the target removed. Pure: the scans are inputs.
 */
function planDelta(input) {
    const layout = input.layout ?? plan_full_1.NO_LAYOUT;
    (0, plan_full_1.assertCopyableListing)(input.source, layout.tablespaces);
    const { keep, skipped } = (0, plan_full_1.splitListing)(input.source, layout.excludePaths);
    const protectedSet = new Set(input.protectedPaths);
    const isProtected = (p) => protectedSet.has(p) || (0, exclude_paths_1.isExcludedByUser)(p, layout.excludePaths);
    const links = (0, plan_full_1.linkedTablespaces)(layout.tablespaces);
    const sourceByPath = new Map(keep.map((e) => [e.path, e]));
    const targetByPath = new Map(input.target.map((e) => [e.path, e]));
    const bs = input.blockSize;
    const deletions = [];
    for (const t of input.target) {
        if (isProtected(t.path))
            continue;
        const s = sourceByPath.get(t.path);
        // A link is kept only where the source has a directory PostgreSQL reaches through one (listTarget follows just those).
        const sameKind = s && s.isDir === t.isDir && (!t.isSymlink || t.isDir);
        if (!sameKind && t.path !== plan_1.CONTROL_FILE)
            deletions.push(t.path);
    }
    const deleted = new Set(deletions);
    const present = (p) => targetByPath.has(p) && !deleted.has(p);
    const tablespaceLinks = [...links.values()].filter((l) => !present(l.linkPath));
    const directories = keep.filter((e) => e.isDir && !present(e.path) && !links.has(e.path)).map((e) => e.path).sort(plan_full_1.byDepthThenName);
    const files = [];
    const patches = [];
    for (const s of keep) {
        if (s.isDir || s.path === plan_1.CONTROL_FILE || isProtected(s.path))
            continue;
        const t = targetByPath.get(s.path);
        if (!t || !present(s.path) || !isPatchable(s.path)) {
            files.push({ path: s.path, size: s.size });
            continue;
        }
        const patch = patchFor(s.path, s.size, t.size, bs, input.sourceChanged.get(s.path) ?? [], input.targetChanged?.get(s.path) ?? []);
        // Unchanged files (no block to copy, same size) are not part of the plan.
        if (patch.ranges.length > 0 || patch.sourceSize !== patch.targetSize)
            patches.push(patch);
    }
    return {
        mode: 'DELTA',
        tablespaceLinks,
        directories,
        files,
        patches,
        // Files before directories, and children before parents, so every removal finds its directory empty.
        deletions: deletions.sort((a, b) => Number(targetByPath.get(a).isDir) - Number(targetByPath.get(b).isDir) || depth(b) - depth(a) || (a < b ? -1 : 1)),
        skipped,
        controlFile: plan_1.CONTROL_FILE,
        bytesToCopy: (0, plan_1.planBytes)(files, patches),
    };
}
function patchFor(path, sourceSize, targetSize, bs, sourceChanged, targetChanged) {
    const sourceBlocks = Math.ceil(sourceSize / bs);
    // A torn last block on the target (size not a multiple of the block size) counts as missing.
    const targetBlocks = Math.floor(targetSize / bs);
    const selected = new Set();
    let sourceCount = 0;
    let targetCount = 0;
    for (const b of sourceChanged)
        if (b < sourceBlocks && !selected.has(b)) {
            selected.add(b);
            sourceCount++;
        }
    for (const b of targetChanged)
        if (b < sourceBlocks && !selected.has(b)) {
            selected.add(b);
            targetCount++;
        }
    let beyond = 0;
    for (let b = targetBlocks; b < sourceBlocks; b++)
        if (!selected.has(b)) {
            selected.add(b);
            beyond++;
        }
    const ranges = [];
    for (const b of [...selected].sort((x, y) => x - y)) {
        const offset = b * bs;
        const length = Math.min(bs, sourceSize - offset);
        const last = ranges[ranges.length - 1];
        if (last && last.offset + last.length === offset)
            last.length += length;
        else
            ranges.push({ offset, length });
    }
    return { path, sourceSize, targetSize, ranges, blocks: { sourceChanged: sourceCount, targetChanged: targetCount, beyondTarget: beyond } };
}


/***/ }),

/***/ 7883:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NO_LAYOUT = void 0;
exports.planFull = planFull;
exports.splitListing = splitListing;
exports.linkedTablespaces = linkedTablespaces;
exports.assertCopyableListing = assertCopyableListing;
exports.assertSafeSourcePath = assertSafeSourcePath;
exports.byDepthThenName = byDepthThenName;
const errors_1 = __nccwpck_require__(7679);
const exclusions_1 = __nccwpck_require__(449);
const exclude_paths_1 = __nccwpck_require__(1519);
const plan_1 = __nccwpck_require__(9121);
exports.NO_LAYOUT = { tablespaces: [], excludePaths: [] };
/** FULL: every file the exclusion rules keep, whole; pg_control held back for the end. */
function planFull(listing, layout = exports.NO_LAYOUT) {
    assertCopyableListing(listing, layout.tablespaces);
    const { keep, skipped } = splitListing(listing, layout.excludePaths);
    const links = linkedTablespaces(layout.tablespaces);
    const directories = keep.filter((e) => e.isDir && !links.has(e.path)).map((e) => e.path).sort(byDepthThenName);
    const files = keep
        .filter((e) => !e.isDir && e.path !== plan_1.CONTROL_FILE)
        .map((e) => ({ path: e.path, size: e.size }));
    return {
        mode: 'FULL',
        tablespaceLinks: [...links.values()],
        directories,
        files,
        patches: [],
        deletions: [],
        skipped,
        controlFile: plan_1.CONTROL_FILE,
        bytesToCopy: (0, plan_1.planBytes)(files, []),
    };
}
/** The standard exclusions (design rule 5) and the user's --exclude-path, with the reason for each skip. */
function splitListing(listing, excludePaths) {
    const { keep, skipped } = (0, exclusions_1.classifyEntries)(listing);
    const kept = keep.filter((e) => !(0, exclude_paths_1.isExcludedByUser)(e.path, excludePaths));
    const byUser = keep.filter((e) => (0, exclude_paths_1.isExcludedByUser)(e.path, excludePaths)).map((e) => ({ path: e.path, reason: 'excluded-by-user' }));
    return { keep: kept, skipped: [...skipped.map((s) => ({ path: s.entry.path, reason: s.reason })), ...byUser] };
}
/** Tablespaces that live outside PGDATA get a link; in-place ones are plain directories. */
function linkedTablespaces(placements) {
    return new Map(placements.filter((p) => p.placement !== 'inside-pgdata')
        .map((p) => [p.linkPath, { oid: p.oid, linkPath: p.linkPath, location: p.targetLocation }]));
}
/**
 * Refusals shared by every mode: a listing that is not a PGDATA, or tablespaces that differ
 * from the ones placed before the backup started (CREATE/DROP TABLESPACE during the run).
 */
function assertCopyableListing(listing, placements) {
    for (const e of listing)
        assertSafeSourcePath(e.path);
    if (!listing.some((e) => e.path === plan_1.CONTROL_FILE)) {
        throw new errors_1.CatchupError('no-pg-control', `The source's listing has no ${plan_1.CONTROL_FILE}.`, 'The connection does not reach a PostgreSQL data directory it can read; check the EXECUTE grants on pg_ls_dir and pg_stat_file.');
    }
    const listed = listing.filter((e) => /^pg_tblspc\/\d+$/.test(e.path)).map((e) => e.path).sort();
    const placed = placements.map((p) => p.linkPath).sort();
    if (listed.join() !== placed.join()) {
        throw new errors_1.CatchupError('tablespaces-changed', `The source's tablespaces changed while pg-catchup ran (listed: ${listed.join(', ') || 'none'}; placed at the start: ${placed.join(', ') || 'none'}).`, 'CREATE/DROP TABLESPACE cannot run during a catchup: rerun it when the DDL has finished.');
    }
}
/**
 * A source path becomes a target path by joining it to PGDATA, so one that is absolute, climbs
 * out with `..`, or hides a component (`.`, empty, control characters) could write anywhere:
 * the source is trusted for data, not for where the data goes.
 */
function assertSafeSourcePath(p) {
    const parts = p.split('/');
    const bad = p.startsWith('/') ? 'is absolute'
        : parts.some((c) => c === '..') ? 'climbs out with ".."'
            : parts.some((c) => c === '' || c === '.') ? 'has an empty or "." component'
                // eslint-disable-next-line no-control-regex
                : /[\x00-\x1f\x7f\\]/.test(p) ? 'holds a control character or a backslash'
                    : !fitsLayout(parts) ? 'does not fit PostgreSQL\'s layout (base/ and pg_tblspc/ hold only OID directories)'
                        : null;
    if (bad) {
        throw new errors_1.CatchupError('unsafe-source-path', `The source's file listing names ${JSON.stringify(p)}, which ${bad}: refusing to plan a copy from it.`, 'The connection does not reach a PostgreSQL server listing its own data directory (a proxy or a modified server?): point pg-catchup at the real source.');
    }
}
/** base/<oid>/..., base/pgsql_tmp, pg_tblspc/<oid>/...; anything else outside those two is the user's. */
function fitsLayout(parts) {
    if (parts.length < 2 || (parts[0] !== 'base' && parts[0] !== 'pg_tblspc'))
        return true;
    return /^\d+$/.test(parts[1]) || (parts[0] === 'base' && parts[1] === 'pgsql_tmp');
}
function byDepthThenName(a, b) {
    const depth = (p) => p.split('/').length;
    return depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0);
}


/***/ }),

/***/ 9121:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CONTROL_FILE = void 0;
exports.planBytes = planBytes;
exports.wholeFilesPlan = wholeFilesPlan;
exports.CONTROL_FILE = 'global/pg_control';
function planBytes(files, patches) {
    const whole = files.reduce((n, f) => n + f.size, 0);
    return patches.reduce((n, p) => n + p.ranges.reduce((m, r) => m + r.length, 0), whole);
}
/** A plan that only copies these files whole (into directories that exist). */
function wholeFilesPlan(files) {
    return {
        mode: 'DELTA', tablespaceLinks: [], directories: [], files, patches: [], deletions: [], skipped: [],
        controlFile: exports.CONTROL_FILE, bytesToCopy: planBytes(files, []),
    };
}


/***/ }),

/***/ 9679:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DEFAULT_BATCH_OPTIONS = void 0;
exports.piecesOf = piecesOf;
exports.wholeFileRanges = wholeFileRanges;
exports.patchRanges = patchRanges;
exports.scheduleReads = scheduleReads;
const file_reader_1 = __nccwpck_require__(8092);
exports.DEFAULT_BATCH_OPTIONS = {
    maxRangeBytes: 64 * 1024 * 1024,
    batchBytes: 16 * 1024 * 1024,
    maxRangesPerBatch: 500,
};
/** How many rows the reader's SQL yields for a range (zero-length ranges still yield one). */
function piecesOf(range) {
    return Math.max(1, Math.ceil(range.length / file_reader_1.READ_PIECE_BYTES));
}
/** Whole files as ranges; an empty file is one empty range, so it is still created. */
function wholeFileRanges(files, maxRangeBytes = exports.DEFAULT_BATCH_OPTIONS.maxRangeBytes) {
    const ranges = [];
    for (const f of files) {
        if (f.size === 0)
            ranges.push({ path: f.path, offset: 0, length: 0 });
        for (let off = 0; off < f.size; off += maxRangeBytes) {
            ranges.push({ path: f.path, offset: off, length: Math.min(maxRangeBytes, f.size - off) });
        }
    }
    return ranges;
}
/** The block runs of patches as ranges, long runs split like large files. */
function patchRanges(patches, maxRangeBytes = exports.DEFAULT_BATCH_OPTIONS.maxRangeBytes) {
    const ranges = [];
    for (const p of patches) {
        for (const r of p.ranges) {
            for (let off = r.offset; off < r.offset + r.length; off += maxRangeBytes) {
                ranges.push({ path: p.path, offset: off, length: Math.min(maxRangeBytes, r.offset + r.length - off) });
            }
        }
    }
    return ranges;
}
/**
 * Turns ranges into read statements: biggest first so parallel readers finish together, many
 * small ranges per statement so round trips do not dominate.
 */
function scheduleReads(input, opts = exports.DEFAULT_BATCH_OPTIONS) {
    const ranges = [...input].sort((a, b) => b.length - a.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.offset - b.offset);
    const batches = [];
    let batch = [];
    let batchSize = 0;
    for (const r of ranges) {
        if (batch.length > 0 && (batchSize + r.length > opts.batchBytes || batch.length >= opts.maxRangesPerBatch)) {
            batches.push(batch);
            batch = [];
            batchSize = 0;
        }
        batch.push(r);
        batchSize += r.length;
    }
    if (batch.length > 0)
        batches.push(batch);
    const piecesPerFile = new Map();
    for (const r of ranges)
        piecesPerFile.set(r.path, (piecesPerFile.get(r.path) ?? 0) + piecesOf(r));
    return { batches, piecesPerFile };
}


/***/ }),

/***/ 4597:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.targetPosition = targetPosition;
exports.relateToSource = relateToSource;
exports.referenceForLaggingTarget = referenceForLaggingTarget;
const lsn_1 = __nccwpck_require__(2524);
const timeline_history_1 = __nccwpck_require__(8279);
/**
 * A cleanly stopped primary ends with its shutdown checkpoint; a standby stopped in recovery
 * has replayed up to minRecoveryPoint (on minRecoveryPointTli).
 */
function targetPosition(control) {
    if (control.state === 'shut down in recovery' && control.minRecoveryPoint > 0n) {
        const lsn = control.minRecoveryPoint > control.checkpointLsn ? control.minRecoveryPoint : control.checkpointLsn;
        return { tli: control.minRecoveryPointTli || control.timeline, lsn };
    }
    return { tli: control.timeline, lsn: control.checkpointLsn };
}
/**
 * Whether the target's position lies on the source's history (a lagging copy), past the
 * source's current position on the same timeline (ahead), or off it (diverged: fork point).
 * `targetHistory` is the target's own history file for its timeline, when it has one.
 */
function relateToSource(position, source, targetHistory) {
    if ((0, timeline_history_1.isOnHistory)(source.history, source.tli, position)) {
        if (position.tli === source.tli && position.lsn > source.currentLsn)
            return { kind: 'ahead', sourceLsn: source.currentLsn };
        return { kind: 'on-history' };
    }
    const fork = (0, timeline_history_1.findDivergence)({ history: source.history, tli: source.tli }, { history: targetHistory ?? [], tli: position.tli });
    if (!fork || fork.lsn === null) {
        const missing = targetHistory === null && position.tli > 1;
        return {
            kind: 'unrelated',
            detail: missing
                ? `the target is on timeline ${position.tli}, which the source's history does not contain, and the target has no history file for it`
                : `the target's timeline ${position.tli} shares no history with the source's timeline ${source.tli}`,
        };
    }
    return { kind: 'diverged', forkTli: fork.tli, forkLsn: fork.lsn };
}
/**
 * R for a target on the source's history (rule 4): the redo point of its last checkpoint or
 * restartpoint, or a backup_label's START WAL LOCATION when lower (a restored backup or a
 * rewind never started begins recovery there).
 */
function referenceForLaggingTarget(control, label) {
    if (label && label.startWalLocation < control.redoLsn) {
        return { lsn: label.startWalLocation, checkpointLsn: label.checkpointLocation, reason: `START WAL LOCATION ${(0, lsn_1.formatLsn)(label.startWalLocation)} of the target's backup_label (lower than pg_control's redo ${(0, lsn_1.formatLsn)(control.redoLsn)})` };
    }
    return { lsn: control.redoLsn, checkpointLsn: control.checkpointLsn, reason: `redo LSN ${(0, lsn_1.formatLsn)(control.redoLsn)} of the target's last checkpoint (pg_control)` };
}


/***/ }),

/***/ 67:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseTablespaceMappings = parseTablespaceMappings;
exports.placeTablespaces = placeTablespaces;
const path = __importStar(__nccwpck_require__(6928));
const errors_1 = __nccwpck_require__(7679);
const usage = (problem, fix) => new errors_1.CatchupError('bad-tablespace-mapping', problem, fix);
/**
 * Parses -T values: each holds one or more OLDDIR=NEWDIR pairs separated by ':' (pg_probackup's
 * syntax); the flag may also be repeated (pg_basebackup's). `\=` and `\:` escape those characters.
 */
function parseTablespaceMappings(values) {
    const out = [];
    for (const value of values) {
        for (const pair of splitUnescaped(value, ':')) {
            const parts = splitUnescaped(pair, '=');
            if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
                throw usage(`The tablespace mapping "${pair}" is not of the form OLDDIR=NEWDIR.`, 'Write -T /old/location=/new/location; separate several pairs with ":" or repeat -T.');
            }
            const [oldDir, newDir] = parts.map(unescape);
            for (const dir of [oldDir, newDir]) {
                if (!path.isAbsolute(dir)) {
                    throw usage(`The tablespace mapping "${pair}" has a relative directory "${dir}".`, 'Both sides of a tablespace mapping must be absolute paths.');
                }
            }
            const norm = { oldDir: path.resolve(oldDir), newDir: path.resolve(newDir) };
            const clash = out.find((m) => m.oldDir === norm.oldDir);
            if (clash && clash.newDir !== norm.newDir) {
                throw usage(`The tablespace location ${norm.oldDir} is mapped twice (to ${clash.newDir} and ${norm.newDir}).`, 'Give one mapping per source location.');
            }
            if (!clash)
                out.push(norm);
        }
    }
    return out;
}
function splitUnescaped(text, sep) {
    const parts = [];
    let current = '';
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '\\' && i + 1 < text.length) {
            current += text[i] + text[i + 1];
            i++;
        }
        else if (text[i] === sep) {
            parts.push(current);
            current = '';
        }
        else {
            current += text[i];
        }
    }
    parts.push(current);
    return parts;
}
const unescape = (s) => s.replace(/\\([=:\\])/g, '$1');
const isInside = (dir, parent) => dir === parent || dir.startsWith(parent.endsWith('/') ? parent : `${parent}/`);
/**
 * Decides where each source tablespace goes on the target (pure). An existing target link wins
 * unless -T says otherwise, so a DELTA keeps the placement an earlier FULL chose; a new
 * tablespace goes where -T maps it, else to the source's own path (pg_basebackup's default).
 * Throws when a mapping names no source tablespace, two tablespaces would share a directory,
 * or a location lies inside the target PGDATA.
 */
function placeTablespaces(source, mappings, targetDir, existingLinks = new Map()) {
    const pgdata = path.resolve(targetDir);
    for (const m of mappings) {
        if (!source.some((t) => path.isAbsolute(t.location) && path.resolve(t.location) === m.oldDir)) {
            const known = source.filter((t) => path.isAbsolute(t.location)).map((t) => t.location);
            throw usage(`The tablespace mapping names ${m.oldDir}, but the source has no tablespace there${known.length ? ` (its tablespaces: ${known.join(', ')})` : ' (it has no tablespaces)'}.`, 'Check the OLDDIR side of -T against SELECT spcname, pg_tablespace_location(oid) FROM pg_tablespace on the source.');
        }
    }
    const placements = source.map((t) => {
        const linkPath = `pg_tblspc/${t.oid}`;
        if (!path.isAbsolute(t.location)) {
            return { oid: t.oid, linkPath, sourceLocation: t.location, targetLocation: path.join(pgdata, linkPath), placement: 'inside-pgdata' };
        }
        const mapped = mappings.find((m) => m.oldDir === path.resolve(t.location));
        const existing = existingLinks.get(t.oid);
        if (existing !== undefined && mapped && path.resolve(existing) !== mapped.newDir) {
            throw usage(`The target's tablespace ${t.oid} is at ${existing}, but -T maps it to ${mapped.newDir}.`, `pg-catchup does not move an existing tablespace: drop that -T pair to keep ${existing}, or move the directory and its ${linkPath} link yourself first.`);
        }
        if (mapped)
            return { oid: t.oid, linkPath, sourceLocation: t.location, targetLocation: mapped.newDir, placement: 'mapped' };
        if (existing !== undefined)
            return { oid: t.oid, linkPath, sourceLocation: t.location, targetLocation: path.resolve(existing), placement: 'existing' };
        return { oid: t.oid, linkPath, sourceLocation: t.location, targetLocation: path.resolve(t.location), placement: 'in-place' };
    });
    for (const p of placements) {
        if (p.placement === 'inside-pgdata')
            continue;
        if (isInside(p.targetLocation, pgdata)) {
            throw usage(`Tablespace ${p.oid} would be placed at ${p.targetLocation}, inside the target data directory ${pgdata}.`, `Map it elsewhere with -T ${p.sourceLocation}=/some/dir/outside/PGDATA.`);
        }
        if (isInside(pgdata, p.targetLocation)) {
            throw usage(`Tablespace ${p.oid} would be placed at ${p.targetLocation}, which contains the target data directory ${pgdata}.`, `Map it to a directory of its own with -T ${p.sourceLocation}=/some/other/dir.`);
        }
        const other = placements.find((q) => q !== p && q.placement !== 'inside-pgdata' && (isInside(q.targetLocation, p.targetLocation) || isInside(p.targetLocation, q.targetLocation)));
        if (other) {
            throw usage(`Tablespaces ${p.oid} and ${other.oid} would share the directory ${p.targetLocation} on the target.`, 'Map each tablespace to its own directory with -T.');
        }
    }
    return placements;
}


/***/ }),

/***/ 4186:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.assertChecksPass = assertChecksPass;
const errors_1 = __nccwpck_require__(7679);
/**
 * Stops the run before any write when a check failed (design: refusals leave the target
 * untouched); with failOnWarning, a warning stops it too.
 */
function assertChecksPass(results, failOnWarning = false) {
    const failed = results.find((r) => r.status === 'fail') ?? (failOnWarning ? results.find((r) => r.status === 'warn') : undefined);
    if (!failed)
        return;
    const suffix = failed.status === 'warn' ? ' (a warning, and fail-on-warning is set)' : '';
    throw new errors_1.CatchupError(`preflight-${failed.id}`, `${failed.title}: ${failed.detail}${suffix}.`, failed.fix);
}


/***/ }),

/***/ 8162:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.readSourceDataBytes = readSourceDataBytes;
exports.checkDiskSpace = checkDiskSpace;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
/** What a FULL copies, roughly: the size of every database (tablespaces included). */
async function readSourceDataBytes(client) {
    const res = await client.query('SELECT sum(pg_database_size(oid))::text AS bytes FROM pg_database');
    return Number(res.rows[0].bytes);
}
/** Free space on the target's file system for what the plan copies plus the WAL it streams. */
function checkDiskSpace(targetDir, bytesNeeded, what) {
    const base = { id: 'disk-space', title: 'Free disk space on the target' };
    let dir = path.resolve(targetDir);
    while (!fs.existsSync(dir))
        dir = path.dirname(dir);
    const st = fs.statfsSync(dir);
    const free = st.bavail * st.bsize;
    const mb = (n) => `${(n / 1048576).toFixed(0)} MB`;
    if (free >= bytesNeeded)
        return { ...base, status: 'pass', detail: `${mb(free)} free, ${mb(bytesNeeded)} needed (${what})` };
    return { ...base, status: 'fail', detail: `${mb(free)} free on the file system of ${dir}, ${mb(bytesNeeded)} needed (${what})`,
        fix: 'Free space on the target file system, or choose another target directory.' };
}


/***/ }),

/***/ 9576:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.REQUIRED_FUNCTIONS = void 0;
exports.grantStatements = grantStatements;
exports.checkPrivileges = checkPrivileges;
const source_connect_1 = __nccwpck_require__(3770);
/** The functions the engine calls, with the exact signatures GRANT needs (design rule 10). */
exports.REQUIRED_FUNCTIONS = [
    'pg_catalog.pg_backup_start(text, boolean)',
    'pg_catalog.pg_backup_stop(boolean)',
    'pg_catalog.pg_ls_dir(text, boolean, boolean)',
    'pg_catalog.pg_stat_file(text, boolean)',
    'pg_catalog.pg_read_binary_file(text, bigint, bigint, boolean)',
];
/** Every statement a superuser runs once so `role` can use pg-catchup without superuser. */
function grantStatements(role) {
    const r = (0, source_connect_1.quoteIdent)(role);
    return [
        `ALTER ROLE ${r} WITH LOGIN REPLICATION;`,
        `GRANT pg_read_all_settings TO ${r};`,
        ...exports.REQUIRED_FUNCTIONS.map((f) => `GRANT EXECUTE ON FUNCTION ${f} TO ${r};`),
    ];
}
async function checkPrivileges(client) {
    const res = await client.query(`
    SELECT current_user AS role, r.rolsuper AS superuser, r.rolreplication AS replication,
           pg_has_role(current_user, 'pg_read_all_settings', 'USAGE') AS settings,
           f.fn, has_function_privilege(current_user, f.fn, 'EXECUTE') AS ok
      FROM pg_roles r, unnest($1::text[]) AS f(fn)
     WHERE r.rolname = current_user`, [exports.REQUIRED_FUNCTIONS]);
    const first = res.rows[0];
    const base = { id: 'privileges', title: 'Privileges of the connecting role' };
    if (first.superuser)
        return { ...base, status: 'pass', detail: `${first.role} is a superuser` };
    const missing = [];
    const r = (0, source_connect_1.quoteIdent)(first.role);
    if (!first.replication)
        missing.push(`ALTER ROLE ${r} WITH REPLICATION;`);
    if (!first.settings)
        missing.push(`GRANT pg_read_all_settings TO ${r};`);
    for (const row of res.rows)
        if (!row.ok)
            missing.push(`GRANT EXECUTE ON FUNCTION ${row.fn} TO ${r};`);
    if (missing.length === 0)
        return { ...base, status: 'pass', detail: `${first.role} has REPLICATION, pg_read_all_settings and EXECUTE on every function used` };
    return { ...base, status: 'fail', detail: `role ${first.role} lacks privileges pg-catchup needs`,
        fix: `As a superuser on the source, run: ${missing.join(' ')}` };
}


/***/ }),

/***/ 5559:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.readSourceSettings = readSourceSettings;
exports.checkFullPageWrites = checkFullPageWrites;
exports.checkSourceHintLogging = checkSourceHintLogging;
exports.checkChangeTracking = checkChangeTracking;
exports.checkArchiving = checkArchiving;
/** Settings the checks below read, in one round trip; missing ones (older versions) are null. */
async function readSourceSettings(client) {
    const res = await client.query(`
    SELECT current_setting('full_page_writes') AS full_page_writes,
           current_setting('data_checksums') AS data_checksums,
           current_setting('wal_log_hints') AS wal_log_hints,
           current_setting('archive_mode') AS archive_mode,
           current_setting('archive_command') AS archive_command,
           current_setting('archive_library', true) AS archive_library,
           current_setting('summarize_wal', true) AS summarize_wal,
           EXISTS (SELECT FROM pg_extension WHERE extname = 'ptrack') AS ptrack`);
    return res.rows[0];
}
/** Rule 3: a page torn by a concurrent write is repaired by the full-page image replay applies. */
function checkFullPageWrites(s) {
    const base = { id: 'full-page-writes', title: 'Source full_page_writes' };
    return s.full_page_writes === 'on'
        ? { ...base, status: 'pass', detail: 'full_page_writes = on' }
        : { ...base, status: 'fail', detail: 'the source has full_page_writes = off, so a page read while it is being written cannot be repaired by WAL replay',
            fix: 'On the source: ALTER SYSTEM SET full_page_writes = on; SELECT pg_reload_conf();' };
}
/** LSN-based increments miss hint-bit-only changes unless those are WAL-logged. */
function checkSourceHintLogging(s) {
    const base = { id: 'source-hint-logging', title: 'Source data checksums or wal_log_hints' };
    if (s.data_checksums === 'on')
        return { ...base, status: 'pass', detail: 'data checksums on' };
    if (s.wal_log_hints === 'on')
        return { ...base, status: 'pass', detail: 'wal_log_hints = on' };
    return { ...base, status: 'warn', detail: 'neither data checksums nor wal_log_hints is on: hint-bit changes are not WAL-logged, and a rewind of a copy of this cluster after a failover is impossible',
        fix: 'On the source: ALTER SYSTEM SET wal_log_hints = on; then restart it.' };
}
/** What PTRACK could use: WAL summaries (17+) or the ptrack extension. Information only. */
function checkChangeTracking(s, major, modeIsPtrack) {
    const base = { id: 'change-tracking', title: 'Change tracking for PTRACK (WAL summaries or ptrack)' };
    const found = s.ptrack ? 'the ptrack extension is installed' : s.summarize_wal === 'on' ? 'summarize_wal = on' : null;
    if (found)
        return { ...base, status: 'pass', detail: found };
    const why = major < 17 ? `PostgreSQL ${major} has no WAL summaries and ptrack is not installed` : 'summarize_wal is off and ptrack is not installed';
    return modeIsPtrack
        ? { ...base, status: 'fail', detail: why, fix: major >= 17 ? 'ALTER SYSTEM SET summarize_wal = on; SELECT pg_reload_conf(); or use DELTA.' : 'Use DELTA.' }
        : { ...base, status: 'skip', detail: `${why} (PTRACK not requested; DELTA does not need it)` };
}
function checkArchiving(s) {
    const base = { id: 'archiving', title: 'Source WAL archiving (information)' };
    if (s.archive_mode === 'off')
        return { ...base, status: 'pass', detail: 'archive_mode = off: the WAL the copy needs is streamed, not taken from an archive' };
    const how = s.archive_library ? `archive_library = ${s.archive_library}` : s.archive_command ? 'archive_command set' : 'no archive_command or archive_library';
    return { ...base, status: 'pass', detail: `archive_mode = ${s.archive_mode}, ${how}` };
}


/***/ }),

/***/ 8948:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SUPPORTED_MAJORS = void 0;
exports.readServerInfo = readServerInfo;
exports.checkSourceVersion = checkSourceVersion;
exports.SUPPORTED_MAJORS = [15, 16, 17, 18];
async function readServerInfo(client) {
    const res = await client.query("SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS txt, pg_is_in_recovery() AS rec, pg_postmaster_start_time()::text AS started");
    const r = res.rows[0];
    const versionNum = Number(r.num);
    return { versionNum, major: Math.floor(versionNum / 10000), versionText: r.txt, inRecovery: r.rec, postmasterStart: r.started };
}
function checkSourceVersion(info) {
    const base = { id: 'source-version', title: 'Source server version' };
    if (!exports.SUPPORTED_MAJORS.includes(info.major)) {
        return { ...base, status: 'fail', detail: `the source runs PostgreSQL ${info.versionText}, supported are ${exports.SUPPORTED_MAJORS.join(', ')}`,
            fix: 'Use pg_basebackup of the same major version for this server.' };
    }
    return { ...base, status: 'pass', detail: `PostgreSQL ${info.versionText}, ${info.inRecovery ? 'standby (a backup from a standby, as pg_basebackup takes)' : 'primary'}` };
}


/***/ }),

/***/ 635:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.checkTablespaceLocations = checkTablespaceLocations;
const fs = __importStar(__nccwpck_require__(9896));
const target_listing_1 = __nccwpck_require__(9264);
/**
 * Where the source's tablespaces go on the target, and whether each place is usable: a new
 * tablespace needs an absent or empty directory (PostgreSQL's own rule for CREATE TABLESPACE),
 * one the target already has must still be there.
 */
function checkTablespaceLocations(placements, existingLinks) {
    const base = { id: 'tablespace-locations', title: 'Tablespace directories on the target' };
    if (placements.length === 0)
        return { ...base, status: 'pass', detail: 'the source has no tablespaces' };
    const lines = [];
    for (const p of placements) {
        if (p.placement === 'inside-pgdata') {
            lines.push(`${p.oid}: in place inside PGDATA (${p.sourceLocation})`);
            continue;
        }
        if (existingLinks.has(p.oid)) {
            if (!(0, target_listing_1.isDirectory)(p.targetLocation)) {
                return { ...base, status: 'fail', detail: `the target's tablespace ${p.oid} links to ${p.targetLocation}, which is not a directory`,
                    fix: `Restore that directory, or rebuild the target with -b FULL.` };
            }
        }
        else {
            const contents = directoryContents(p.targetLocation);
            if (contents === 'not-a-directory') {
                return { ...base, status: 'fail', detail: `tablespace ${p.oid} (${p.sourceLocation} on the source) would go to ${p.targetLocation}, which exists and is not a directory`,
                    fix: `Map it elsewhere with -T ${p.sourceLocation}=/new/dir.` };
            }
            if (contents.length > 0) {
                const shown = contents.slice(0, 3).join(', ') + (contents.length > 3 ? ', ...' : '');
                return { ...base, status: 'fail', detail: `tablespace ${p.oid} (${p.sourceLocation} on the source) would go to ${p.targetLocation}, which is not empty (${shown})` +
                        (p.placement === 'in-place' ? '; on the source host itself that is the source\'s own tablespace' : ''),
                    fix: `Give the target its own directory with -T ${p.sourceLocation}=/new/empty/dir (or empty ${p.targetLocation} if it is stale).` };
            }
        }
        lines.push(`${p.oid}: ${p.sourceLocation} -> ${p.targetLocation} (${p.placement})`);
    }
    return { ...base, status: 'pass', detail: lines.join('; ') };
}
function directoryContents(p) {
    let st;
    try {
        st = fs.statSync(p);
    }
    catch {
        return [];
    }
    return st.isDirectory() ? fs.readdirSync(p) : 'not-a-directory';
}


/***/ }),

/***/ 5299:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.checkTargetDirectory = checkTargetDirectory;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
/**
 * PostgreSQL refuses a data directory with other modes than 0700/0750, or owned by another user
 * than the server's. Run as root we write as the directory's owner; otherwise we must be it.
 */
function checkTargetDirectory(targetDir) {
    const base = { id: 'target-directory', title: 'Target directory ownership and mode' };
    let st;
    try {
        st = fs.statSync(targetDir);
    }
    catch {
        const parent = path.dirname(path.resolve(targetDir));
        const pst = fs.existsSync(parent) ? fs.statSync(parent) : null;
        if (!pst)
            return { ...base, status: 'fail', detail: `neither ${targetDir} nor its parent exists`, fix: `Create ${parent} owned by the PostgreSQL OS user.` };
        const uid = process.getuid?.() ?? -1;
        if (uid !== 0 && uid !== pst.uid) {
            return { ...base, status: 'fail', detail: `${targetDir} does not exist and its parent ${parent} belongs to uid ${pst.uid}, not to this user (uid ${uid})`,
                fix: `Run as the owner of ${parent} (the PostgreSQL OS user) or as root.` };
        }
        return { ...base, status: 'pass', detail: `${targetDir} will be created (mode 0700, owner uid ${pst.uid})` };
    }
    if (!st.isDirectory())
        return { ...base, status: 'fail', detail: `${targetDir} is not a directory`, fix: 'Point the target at a directory.' };
    const uid = process.getuid?.() ?? -1;
    const mode = st.mode & 0o777;
    if (uid !== 0 && uid !== st.uid) {
        return { ...base, status: 'fail', detail: `${targetDir} belongs to uid ${st.uid}, not to this user (uid ${uid})`,
            fix: 'Run pg-catchup as the PostgreSQL OS user that owns the data directory, or as root.' };
    }
    if (mode !== 0o700 && mode !== 0o750) {
        return { ...base, status: 'warn', detail: `${targetDir} has mode ${mode.toString(8)}; PostgreSQL requires 0700 or 0750`, fix: `chmod 0700 ${targetDir}` };
    }
    return { ...base, status: 'pass', detail: `owner uid ${st.uid}, mode 0${mode.toString(8)}` };
}


/***/ }),

/***/ 2665:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.checkTargetEmpty = checkTargetEmpty;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
/** FULL writes a new cluster: the target must not exist yet, or be an empty directory. */
function checkTargetEmpty(targetDir) {
    const base = { id: 'target-empty', title: 'Target directory is empty' };
    let st;
    try {
        st = fs.statSync(targetDir);
    }
    catch {
        const parent = path.dirname(path.resolve(targetDir));
        if (!fs.existsSync(parent)) {
            return { ...base, status: 'fail', detail: `neither ${targetDir} nor its parent ${parent} exists`,
                fix: `Create ${parent} first (owned by the PostgreSQL OS user), or choose another --destination-pgdata.` };
        }
        return { ...base, status: 'pass', detail: `${targetDir} does not exist yet and will be created` };
    }
    if (!st.isDirectory()) {
        return { ...base, status: 'fail', detail: `${targetDir} exists and is not a directory`,
            fix: 'Point --destination-pgdata at a directory (new or empty).' };
    }
    const entries = fs.readdirSync(targetDir);
    if (entries.length > 0) {
        const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? ', ...' : '');
        return { ...base, status: 'fail', detail: `${targetDir} is not empty (${shown})`,
            fix: 'FULL needs an empty directory. To re-sync an existing copy of this cluster use -b DELTA; otherwise move the old directory away yourself.' };
    }
    return { ...base, status: 'pass', detail: `${targetDir} is an empty directory` };
}


/***/ }),

/***/ 1839:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.readSourcePlacement = readSourcePlacement;
exports.checkTargetNotSource = checkTargetNotSource;
exports.checkTargetApart = checkTargetApart;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
const target_path_1 = __nccwpck_require__(5777);
async function readSourcePlacement(client) {
    // postmaster.pid names the data directory (line 2) and needs only pg_read_binary_file, which
    // the copy needs anyway; data_directory would need pg_read_all_settings.
    const res = await client.query(`SELECT pg_read_binary_file('postmaster.pid', 0, 4096, true) AS pid,
            (SELECT array_agg(pg_tablespace_location(oid)) FROM pg_tablespace WHERE spcname NOT IN ('pg_default', 'pg_global')) AS spc`);
    const row = res.rows[0];
    return { postmasterPid: row.pid ? row.pid.toString('utf8') : null, tablespaces: (row.spc ?? []).filter((s) => s !== '') };
}
/**
 * Refuses a target that is the source's own data directory, lies inside it (or inside one of its
 * tablespaces), or contains it: a copy into itself, or a DELTA that deletes "files only on the
 * target" that are the source's. The source is on this host when the postmaster.pid at the data
 * directory it names is, here, the very file it reported (same PID, start time and port); on
 * another host the same path is someone else's directory and nothing is refused.
 */
function checkTargetNotSource(targetDir, source) {
    const base = { id: 'target-not-source', title: "Target is not the source's own data directory" };
    const dataDir = source.postmasterPid?.split('\n')[1]?.trim();
    if (!dataDir)
        return { ...base, status: 'pass', detail: "the source's postmaster.pid does not name its data directory (a server not on this host's layout)" };
    if (!sameServerFile(path.join(dataDir, 'postmaster.pid'), source.postmasterPid)) {
        return { ...base, status: 'pass', detail: `the source runs on another host (its data directory ${dataDir} holds no matching postmaster.pid here)` };
    }
    return checkTargetApart(targetDir, dataDir, source.tablespaces);
}
/** The target is neither the source's data directory or one of its tablespaces, nor inside or around one (both on this host). */
function checkTargetApart(targetDir, dataDir, tablespaces) {
    const base = { id: 'target-not-source', title: "Target is not the source's own data directory" };
    const target = (0, target_path_1.realPathOf)(targetDir);
    for (const [what, dir] of [["data directory", dataDir], ...tablespaces.map((t) => ['tablespace', t])]) {
        const real = (0, target_path_1.realPathOf)(dir);
        const relation = target === real ? 'is' : (0, target_path_1.isInside)(target, real) ? 'is inside' : (0, target_path_1.isInside)(real, target) ? 'contains' : null;
        if (relation) {
            return {
                ...base, status: 'fail',
                detail: `the target ${targetDir}${target !== targetDir ? ` (${target})` : ''} ${relation} the source's own ${what} ${real}, on this host`,
                fix: "Point the target at a separate directory outside the source's data directory and tablespaces (a standby needs its own copy).",
            };
        }
    }
    return { ...base, status: 'pass', detail: `the source's data directory ${dataDir} is on this host, apart from the target` };
}
/** The same PID, data directory, start time and port: the file the source reported is this one. */
function sameServerFile(localPidFile, reported) {
    let local;
    try {
        local = fs.readFileSync(localPidFile, 'utf8');
    }
    catch {
        return false;
    }
    const firstLines = (s) => s.split('\n').slice(0, 4).join('\n');
    return firstLines(local) === firstLines(reported);
}


/***/ }),

/***/ 9685:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.checkWalLevel = checkWalLevel;
/** A standby replays WAL only at wal_level replica or logical. */
async function checkWalLevel(client) {
    const res = await client.query("SELECT current_setting('wal_level') AS v");
    const level = res.rows[0].v;
    const base = { id: 'wal-level', title: 'Source wal_level' };
    if (level === 'replica' || level === 'logical')
        return { ...base, status: 'pass', detail: `wal_level = ${level}` };
    return { ...base, status: 'fail', detail: `the source has wal_level = ${level}, too low to build a standby from`,
        fix: "Run ALTER SYSTEM SET wal_level = 'replica'; on the source and restart it." };
}


/***/ }),

/***/ 569:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.checkWalSenders = checkWalSenders;
/** We need one wal sender for the WAL stream and one replication slot to protect it. */
async function checkWalSenders(client) {
    const res = await client.query(`
    SELECT (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'walsender') AS senders,
           current_setting('max_wal_senders') AS max_senders,
           (SELECT count(*) FROM pg_replication_slots) AS slots,
           current_setting('max_replication_slots') AS max_slots`);
    const r = res.rows[0];
    const freeSenders = Number(r.max_senders) - Number(r.senders);
    const freeSlots = Number(r.max_slots) - Number(r.slots);
    return [
        freeSenders > 0
            ? { id: 'wal-senders', title: 'Free wal senders on the source', status: 'pass', detail: `${freeSenders} of max_wal_senders = ${r.max_senders} free` }
            : { id: 'wal-senders', title: 'Free wal senders on the source', status: 'fail',
                detail: `all ${r.max_senders} wal senders are in use (max_wal_senders = ${r.max_senders})`,
                fix: 'Raise max_wal_senders on the source (restart needed) or stop an idle replication client.' },
        freeSlots > 0
            ? { id: 'replication-slots', title: 'Free replication slots on the source', status: 'pass', detail: `${freeSlots} of max_replication_slots = ${r.max_slots} free` }
            : { id: 'replication-slots', title: 'Free replication slots on the source', status: 'fail',
                detail: `all ${r.max_slots} replication slots are in use`,
                fix: 'Raise max_replication_slots on the source (restart needed) or drop an unused slot with pg_drop_replication_slot().' },
    ];
}


/***/ }),

/***/ 9863:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PhaseClock = exports.TOOL_VERSION = void 0;
exports.newReport = newReport;
exports.nextStepAfterSync = nextStepAfterSync;
exports.failReport = failReport;
exports.recordValidation = recordValidation;
exports.TOOL_VERSION = '0.1.0';
function newReport(mode, connection, targetPath, threads) {
    return {
        tool: 'pg-catchup', version: exports.TOOL_VERSION, reportVersion: 1, command: mode === 'rewind' ? 'rewind' : 'catchup', mode, status: 'failed',
        source: { connection }, target: { path: targetPath }, lsn: {}, checks: [],
        phases: [],
        files: { copied: 0, patched: 0, truncated: 0, deleted: 0, skipped: 0, bytesCopied: 0, bytesPlanned: 0, blocksCopied: 0, walSegments: 0, walBytes: 0 },
        threads, wroteRecoveryConf: false, warnings: [], startedAt: new Date().toISOString(), durationMs: 0,
    };
}
/** The operator's next step after a run that wrote the target. */
function nextStepAfterSync(report) {
    return report.wroteRecoveryConf
        ? `Start the target as a standby: pg_ctl start -D ${report.target.path}`
        : `The target has no new recovery configuration: write standby.signal and primary_conninfo (or rerun with -R), then pg_ctl start -D ${report.target.path}`;
}
/** Times phases: each call closes the previous phase and opens the next. */
class PhaseClock {
    report;
    logger;
    current = null;
    constructor(report, logger) {
        this.report = report;
        this.logger = logger;
    }
    next(phase) {
        this.end();
        this.current = { phase, started: Date.now() };
        this.logger?.phase?.(phase);
    }
    end() {
        if (this.current)
            this.report.phases.push({ phase: this.current.phase, durationMs: Date.now() - this.current.started });
        this.current = null;
    }
}
exports.PhaseClock = PhaseClock;
/** Attaches the report to an error so adapters can still write it; records the error in it. */
function failReport(report, err) {
    const e = err;
    report.status = 'failed';
    report.error = e && e.name === 'CatchupError'
        ? { code: e.code ?? 'error', message: e.message ?? String(err), fix: e.fix }
        : { code: 'internal', message: e?.message ?? String(err) };
    report.nextStep = e?.fix ?? 'See the error; nothing was changed before the first write, and a rerun resumes an interrupted one.';
    return Object.assign(err, { report });
}
/** Rule 9's findings: how many pages were verified, and the corrupt ones with their location. */
function recordValidation(report, v) {
    if (!v) {
        report.pagesValidated = 0;
        return;
    }
    report.pagesValidated = v.pagesValidated;
    report.corruptPages = v.corrupt;
    if (v.corrupt.length > 0)
        report.warnings.push(`${v.corrupt.length} corrupt page(s) on the source (see corruptPages)`);
}


/***/ }),

/***/ 2803:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BackupSession = void 0;
const lsn_1 = __nccwpck_require__(2524);
/**
 * A non-exclusive backup (design rule 1): it lives exactly as long as this one session,
 * so if we die the server aborts it and no stale backup_label is left on the source.
 */
class BackupSession {
    client;
    started = false;
    constructor(client) {
        this.client = client;
    }
    async start(label, fastCheckpoint) {
        const res = await this.client.query('SELECT pg_backup_start($1, $2)::text AS lsn', [label, fastCheckpoint]);
        this.started = true;
        return (0, lsn_1.parseLsn)(res.rows[0].lsn);
    }
    async stop() {
        // wait_for_archive=false: the WAL comes to the target over our own stream, not from an archive.
        const res = await this.client.query('SELECT lsn::text AS lsn, labelfile, spcmapfile FROM pg_backup_stop(false)');
        this.started = false;
        const row = res.rows[0];
        return { stopLsn: (0, lsn_1.parseLsn)(row.lsn), backupLabel: row.labelfile, tablespaceMap: row.spcmapfile ?? '' };
    }
    get isStarted() {
        return this.started;
    }
}
exports.BackupSession = BackupSession;


/***/ }),

/***/ 8091:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.scanChangedBlocks = scanChangedBlocks;
const source_connect_1 = __nccwpck_require__(3770);
// Pages are read on the server in pieces of this size; only block numbers come back.
const SCAN_PIECE_BYTES = 1024 * 1024;
/**
 * Asks the source which blocks of each file have a page LSN >= R, or are new (all-zero, not yet
 * written by an extension): those and only those can differ from a target that replayed up to R.
 * The page headers are decoded in SQL on the server, so unchanged pages never cross the wire.
 */
async function scanChangedBlocks(client, ranges, referenceLsn, blockSize) {
    const result = new Map();
    const work = ranges.filter((r) => r.length >= blockSize);
    if (work.length === 0)
        return result;
    const hi = Number(referenceLsn >> 32n);
    const lo = Number(referenceLsn & 0xffffffffn);
    const values = work.map((r, i) => `(${i}, ${(0, source_connect_1.quoteLiteral)(r.path)}, ${r.length}::bigint)`).join(',');
    // pd_lsn is {uint32 xlogid; uint32 xrecoff} little-endian; pd_upper (bytes 14-15) = 0 is PageIsNew.
    // SQL gives | and << the same precedence, hence the parentheses.
    const u32 = (at) => `(get_byte(r.c, ${at})::bigint | (get_byte(r.c, ${at} + 1)::bigint << 8) | (get_byte(r.c, ${at} + 2)::bigint << 16) | (get_byte(r.c, ${at} + 3)::bigint << 24))`;
    const sql = `
    SELECT f.i, (o.off / ${blockSize} + p.n)::int AS blkno
      FROM (VALUES ${values}) AS f(i, path, stop),
           LATERAL generate_series(0::bigint, f.stop - 1, ${SCAN_PIECE_BYTES}) AS o(off),
           LATERAL (SELECT pg_read_binary_file(f.path, o.off, least(${SCAN_PIECE_BYTES}, f.stop - o.off), true) AS c OFFSET 0) AS r,
           LATERAL generate_series(0, coalesce(length(r.c), 0) / ${blockSize} - 1) AS p(n),
           LATERAL (SELECT p.n * ${blockSize} AS b) AS q,
           LATERAL (SELECT ${u32('q.b')} AS xlogid, ${u32('q.b + 4')} AS xrecoff,
                           (get_byte(r.c, q.b + 14) | get_byte(r.c, q.b + 15)) AS upper_nonzero) AS h
     WHERE h.xlogid > ${hi} OR (h.xlogid = ${hi} AND h.xrecoff >= ${lo}) OR h.upper_nonzero = 0`;
    const res = await client.query(sql);
    for (const row of res.rows) {
        const path = work[row.i].path;
        let blocks = result.get(path);
        if (!blocks)
            result.set(path, (blocks = []));
        blocks.push(row.blkno);
    }
    for (const blocks of result.values())
        blocks.sort((a, b) => a - b);
    return result;
}


/***/ }),

/***/ 2514:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.explainSourceLoss = explainSourceLoss;
const errors_1 = __nccwpck_require__(7679);
const source_connect_1 = __nccwpck_require__(3770);
// SQLSTATEs of a server going away under a session: admin_shutdown (fast or smart stop,
// pg_terminate_backend), crash_shutdown, and the "starting up / shutting down" refusal.
const SHUTDOWN_CODES = new Set(['57P01', '57P02', '57P03']);
const NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
/**
 * A lost source connection (network cut, source stopped or restarted) in one line that says
 * what happened and what to do, instead of a socket error and its stack; null for anything
 * else. What happened is asked of the source itself, once: a later postmaster start time than
 * the run saw means it restarted, no answer means it is down, the same one means the
 * connection alone was cut (network, proxy, pg_terminate_backend).
 */
async function explainSourceLoss(err, conn, postmasterStart) {
    if (err instanceof errors_1.CatchupError)
        return null;
    // node-postgres reports a query on a dropped client as "not queryable": the cause came earlier.
    const cause = /not queryable/.test((0, errors_1.errorMessage)(err)) ? (0, source_connect_1.lastConnectionDrop)() ?? err : err;
    const code = cause?.code ?? '';
    const msg = (0, errors_1.errorMessage)(cause);
    const lost = SHUTDOWN_CODES.has(code) || NETWORK_CODES.has(code) || /Connection terminated|connection (was )?(closed|lost|ended)|server closed the connection|not queryable/i.test(msg);
    if (!lost)
        return null;
    const what = await askTheSource(conn, postmasterStart);
    return new errors_1.CatchupError('source-lost', `The connection to the source (${conn.display}) was lost mid-run: ${what} (${msg}).`, 'Check that the source is up and reachable, then run the same command again: an interrupted target is marked (PostgreSQL refuses to start it) and the rerun resumes.');
}
async function askTheSource(conn, postmasterStart) {
    try {
        const client = await (0, source_connect_1.connectSource)(conn, { connectionTimeoutMillis: 3000 });
        try {
            const res = await client.query('SELECT pg_postmaster_start_time()::text AS started');
            if (postmasterStart !== null && res.rows[0].started !== postmasterStart)
                return `the source restarted (up again since ${res.rows[0].started})`;
            return 'the source is up and did not restart, so the connection itself was cut (network, proxy, or a terminated backend)';
        }
        finally {
            await client.end().catch(() => undefined);
        }
    }
    catch (probe) {
        return `the source does not answer now (${(0, errors_1.errorMessage)(probe)}): it is down or restarting`;
    }
}


/***/ }),

/***/ 3627:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.resolveConnection = resolveConnection;
exports.toClientConfig = toClientConfig;
const fs = __importStar(__nccwpck_require__(9896));
const os = __importStar(__nccwpck_require__(857));
const path = __importStar(__nccwpck_require__(6928));
const errors_1 = __nccwpck_require__(7679);
const conninfo_1 = __nccwpck_require__(6450);
const password_file_1 = __nccwpck_require__(24);
// libpq's environment variables for the keywords we honour.
const ENV_KEYWORDS = [
    ['PGHOST', 'host'],
    ['PGHOSTADDR', 'hostaddr'],
    ['PGPORT', 'port'],
    ['PGUSER', 'user'],
    ['PGPASSWORD', 'password'],
    ['PGDATABASE', 'dbname'],
    ['PGSSLMODE', 'sslmode'],
    ['PGSSLROOTCERT', 'sslrootcert'],
    ['PGSSLCERT', 'sslcert'],
    ['PGSSLKEY', 'sslkey'],
    ['PGCONNECT_TIMEOUT', 'connect_timeout'],
    ['PGAPPNAME', 'application_name'],
    ['PGPASSFILE', 'passfile'],
];
/**
 * Merges as libpq does: explicit -h/-p/-U win over what the -d conninfo says, which wins over
 * PG* environment variables, which win over built-in defaults.
 */
function resolveConnection(opts, env) {
    const keywords = {};
    for (const [variable, keyword] of ENV_KEYWORDS) {
        const value = env[variable];
        if (value !== undefined && value !== '')
            keywords[keyword] = value;
    }
    if (opts.dbname !== undefined && opts.dbname !== '') {
        const looksLikeConninfo = opts.dbname.includes('=') || /^postgres(ql)?:\/\//.test(opts.dbname);
        if (looksLikeConninfo)
            Object.assign(keywords, (0, conninfo_1.parseConninfo)(opts.dbname));
        else
            keywords.dbname = opts.dbname;
    }
    if (opts.host)
        keywords.host = opts.host;
    if (opts.port !== undefined && opts.port !== '')
        keywords.port = String(opts.port);
    if (opts.user)
        keywords.user = opts.user;
    if (opts.password)
        keywords.password = opts.password;
    keywords.port ??= '5432';
    if (!/^\d+$/.test(keywords.port) || Number(keywords.port) < 1 || Number(keywords.port) > 65535) {
        throw new errors_1.CatchupError('bad-port', `Source port "${keywords.port}" is not a TCP port number.`, 'Pass -p/--port with a number from 1 to 65535.');
    }
    keywords.user ??= os.userInfo().username;
    keywords.host ??= defaultHost(keywords.port);
    const display = `host=${keywords.host} port=${keywords.port} user=${keywords.user}` +
        (keywords.dbname ? ` dbname=${keywords.dbname}` : '');
    return { keywords, display };
}
/** libpq's default is a Unix socket; Debian puts it in /var/run/postgresql, upstream in /tmp. */
function defaultHost(port) {
    for (const dir of ['/var/run/postgresql', '/tmp']) {
        if (fs.existsSync(`${dir}/.s.PGSQL.${port}`))
            return dir;
    }
    return 'localhost';
}
/** node-postgres configuration for one of our connections to the source. */
function toClientConfig(conn, extra = {}) {
    const k = conn.keywords;
    const config = {
        host: k.hostaddr ?? k.host,
        port: Number(k.port),
        user: k.user,
        database: k.dbname ?? 'postgres',
        application_name: k.application_name ?? 'pg-catchup',
        // A long copy leaves the control connection idle; keepalives stop firewalls from dropping it.
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
        ...extra,
    };
    config.password = k.password ?? passwordFromFile(conn, 'replication' in extra);
    if (k.connect_timeout)
        config.connectionTimeoutMillis = Number(k.connect_timeout) * 1000;
    const ssl = sslConfig(k);
    if (ssl !== undefined)
        config.ssl = ssl;
    return config;
}
/**
 * Asked only when the server wants a password: the password file's line for this connection.
 * Physical replication connections match the database "replication", as libpq's callers do.
 */
function passwordFromFile(conn, replication) {
    const k = conn.keywords;
    return async () => {
        const file = k.passfile ?? path.join(process.env.HOME || os.homedir(), '.pgpass');
        const key = { host: k.host, port: k.port, database: replication ? 'replication' : (k.dbname ?? 'postgres'), user: k.user };
        const found = (0, password_file_1.lookupPassword)(file, key);
        if (found.password !== undefined)
            return found.password;
        throw new errors_1.CatchupError('no-password', `The source (${conn.display}) asks for a password and none was given: not in the connection string or PGPASSWORD, and ${found.why}.`, 'Put it in PGPASSWORD or in a password file line host:port:database:user:password (mode 0600; ~/.pgpass, PGPASSFILE or passfile=), ' +
            'with database "replication" (or *) for the WAL stream.');
    };
}
function sslConfig(k) {
    const mode = k.sslmode ?? 'disable';
    if (mode === 'disable' || mode === 'allow' || mode === 'prefer')
        return undefined;
    const read = (p) => (p ? fs.readFileSync(p, 'utf8') : undefined);
    return {
        rejectUnauthorized: mode === 'verify-ca' || mode === 'verify-full',
        ca: read(k.sslrootcert),
        cert: read(k.sslcert),
        key: read(k.sslkey),
        ...(mode === 'verify-ca' ? { checkServerIdentity: () => undefined } : {}),
    };
}


/***/ }),

/***/ 6450:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isConnectionUri = isConnectionUri;
exports.parseKeyValueConninfo = parseKeyValueConninfo;
exports.parseConnectionUri = parseConnectionUri;
exports.parseConninfo = parseConninfo;
exports.quoteConninfoValue = quoteConninfoValue;
exports.formatConninfo = formatConninfo;
const errors_1 = __nccwpck_require__(7679);
const URI_PREFIXES = ['postgresql://', 'postgres://'];
function isConnectionUri(text) {
    return URI_PREFIXES.some((p) => text.startsWith(p));
}
/**
 * Parses a libpq key=value string (`host=db1 port=5432 user='a b'`), with libpq's quoting:
 * single quotes around values, backslash escapes inside them.
 */
function parseKeyValueConninfo(text) {
    const result = {};
    let i = 0;
    const skipSpace = () => {
        while (i < text.length && /\s/.test(text[i]))
            i++;
    };
    while (true) {
        skipSpace();
        if (i >= text.length)
            return result;
        const keyStart = i;
        while (i < text.length && text[i] !== '=' && !/\s/.test(text[i]))
            i++;
        const key = text.slice(keyStart, i);
        skipSpace();
        if (text[i] !== '=') {
            throw new errors_1.CatchupError('conninfo-syntax', `Connection string is malformed: missing "=" after "${key}".`, 'Write it as key=value pairs (host=... port=... user=... dbname=...) or as a postgresql:// URI.');
        }
        i++;
        skipSpace();
        let value = '';
        if (text[i] === "'") {
            i++;
            let closed = false;
            while (i < text.length) {
                const ch = text[i];
                if (ch === '\\' && i + 1 < text.length) {
                    value += text[i + 1];
                    i += 2;
                }
                else if (ch === "'") {
                    i++;
                    closed = true;
                    break;
                }
                else {
                    value += ch;
                    i++;
                }
            }
            if (!closed) {
                throw new errors_1.CatchupError('conninfo-syntax', `Connection string is malformed: unterminated quoted value for "${key}".`, "Close the value with a single quote, or escape quotes inside it as \\'.");
            }
        }
        else {
            while (i < text.length && !/\s/.test(text[i])) {
                if (text[i] === '\\' && i + 1 < text.length) {
                    value += text[i + 1];
                    i += 2;
                }
                else {
                    value += text[i++];
                }
            }
        }
        result[key] = value;
    }
}
/** Parses a postgresql:// URI into libpq keywords (query parameters become keywords too). */
function parseConnectionUri(text) {
    let url;
    try {
        // WHATWG URL does not know the postgres scheme's authority rules well; http parses the same shape.
        url = new URL(text.replace(/^postgres(ql)?:\/\//, 'http://'));
    }
    catch {
        throw new errors_1.CatchupError('conninfo-syntax', `Connection URI is malformed: ${redactUri(text)}.`, 'Use the form postgresql://user@host:port/dbname?sslmode=prefer.');
    }
    const result = {};
    if (url.hostname)
        result.host = decodeURIComponent(url.hostname.replace(/^\[|\]$/g, ''));
    if (url.port)
        result.port = url.port;
    if (url.username)
        result.user = decodeURIComponent(url.username);
    if (url.password)
        result.password = decodeURIComponent(url.password);
    const db = decodeURIComponent(url.pathname.replace(/^\//, ''));
    if (db)
        result.dbname = db;
    for (const [key, value] of url.searchParams)
        result[key] = value;
    return result;
}
function parseConninfo(text) {
    return isConnectionUri(text) ? parseConnectionUri(text) : parseKeyValueConninfo(text);
}
/** Quotes a value for a libpq key=value string (as primary_conninfo needs). */
function quoteConninfoValue(value) {
    if (value !== '' && /^[^\s'\\]+$/.test(value))
        return value;
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
function formatConninfo(info) {
    return Object.entries(info)
        .map(([k, v]) => `${k}=${quoteConninfoValue(v)}`)
        .join(' ');
}
function redactUri(text) {
    return text.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}


/***/ }),

/***/ 8090:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CopyRowCollector = exports.CopyBinaryDecoder = void 0;
/**
 * Incremental decoder of PostgreSQL's binary COPY format (header, tuples of length-prefixed
 * fields, trailer). Pure: bytes in, calls out. A row's last field is handed on as slices of the
 * input as it arrives, never joined: file pieces of a megabyte would otherwise be copied once
 * more in memory, which cost as much CPU as the rest of a FULL copy together.
 */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
class CopyBinaryDecoder {
    handler;
    chunks = [];
    buffered = 0;
    state = 'header';
    fields = 0;
    head = [];
    tailLeft = 0;
    constructor(handler) {
        this.handler = handler;
    }
    /** Feeds bytes; the handler is called for everything they complete. */
    push(chunk) {
        if (chunk.length > 0) {
            this.chunks.push(chunk);
            this.buffered += chunk.length;
        }
        while (this.step())
            ;
    }
    /** True once the trailer was seen: a stream that ends before it was cut short. */
    get complete() {
        return this.state === 'ended';
    }
    /** One state transition; false when more input is needed (or the stream ended). */
    step() {
        switch (this.state) {
            case 'header':
                return this.parseHeader();
            case 'count': {
                const count = this.take(2);
                if (!count)
                    return false;
                const n = count.readInt16BE(0);
                if (n === -1) {
                    this.state = 'ended';
                    return false;
                }
                if (n < 1)
                    throw new Error(`Binary COPY row with ${n} fields: at least one expected`);
                this.fields = n;
                this.head = [];
                this.state = n === 1 ? 'last-length' : 'head-length';
                return true;
            }
            case 'head-length': {
                const lenBuf = this.peek(4);
                if (!lenBuf)
                    return false;
                const len = lenBuf.readInt32BE(0);
                if (len !== -1 && this.buffered < 4 + len)
                    return false;
                this.take(4);
                this.head.push(len === -1 ? null : this.take(len));
                if (this.head.length === this.fields - 1)
                    this.state = 'last-length';
                return true;
            }
            case 'last-length': {
                const lenBuf = this.take(4);
                if (!lenBuf)
                    return false;
                const len = lenBuf.readInt32BE(0);
                this.handler.row(this.head, len === -1 ? null : len);
                this.tailLeft = Math.max(0, len);
                this.state = 'last-data';
                return true;
            }
            case 'last-data': {
                while (this.tailLeft > 0 && this.buffered > 0) {
                    const first = this.chunks[0];
                    const n = Math.min(first.length, this.tailLeft);
                    this.handler.tail(n === first.length ? first : first.subarray(0, n));
                    this.drop(n);
                    this.tailLeft -= n;
                }
                if (this.tailLeft > 0)
                    return false;
                this.handler.rowEnd();
                this.state = 'count';
                return true;
            }
            default:
                return false;
        }
    }
    parseHeader() {
        const fixed = this.peek(19);
        if (!fixed)
            return false;
        if (!fixed.subarray(0, 11).equals(SIGNATURE))
            throw new Error('Not a binary COPY stream: bad signature');
        const extLen = fixed.readInt32BE(15);
        if (this.buffered < 19 + extLen)
            return false;
        this.take(19 + extLen);
        this.state = 'count';
        return true;
    }
    peek(n) {
        if (this.buffered < n)
            return null;
        if (n === 0)
            return Buffer.alloc(0);
        if (this.chunks[0].length < n)
            this.coalesce(n);
        return this.chunks[0].subarray(0, n);
    }
    take(n) {
        const out = this.peek(n);
        if (out)
            this.drop(n);
        return out;
    }
    /** Forgets the first n bytes, which lie in the first chunk. */
    drop(n) {
        const head = this.chunks[0];
        if (head.length === n)
            this.chunks.shift();
        else
            this.chunks[0] = head.subarray(n);
        this.buffered -= n;
    }
    /** Joins leading chunks until the first holds n bytes (only for the small leading fields). */
    coalesce(n) {
        let count = 0;
        let size = 0;
        while (size < n)
            size += this.chunks[count++].length;
        const joined = Buffer.concat(this.chunks.slice(0, count), size);
        this.chunks.splice(0, count, joined);
    }
}
exports.CopyBinaryDecoder = CopyBinaryDecoder;
/** Whole rows, for small results and tests: the last field is joined once per row. */
class CopyRowCollector {
    rows = [];
    head = [];
    parts = null;
    row(head, lastLength) {
        this.head = head;
        this.parts = lastLength === null ? null : [];
    }
    tail(bytes) {
        this.parts.push(bytes);
    }
    rowEnd() {
        const last = this.parts === null ? null : this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
        this.rows.push([...this.head, last]);
    }
    /** The rows completed since the last call. */
    take() {
        return this.rows.splice(0);
    }
}
exports.CopyRowCollector = CopyRowCollector;


/***/ }),

/***/ 3412:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.copyOut = copyOut;
// Backend message types (protocol-message-formats): the ones that may arrive during COPY OUT.
const COPY_DATA = 0x64; // 'd'
const COPY_DONE = 0x63; // 'c'
const ERROR_RESPONSE = 0x45; // 'E'
/**
 * Runs `COPY (...) TO STDOUT` and hands its payload to `sink` without copying it: the socket's
 * chunks are cut at message boundaries and passed on as slices. pg-copy-streams joins every
 * CopyData message (a megabyte each for our file pieces) into a fresh zero-filled buffer and then
 * joins the messages again, two copies that cost a FULL as much CPU as the checksums.
 * node-postgres takes the connection back at CopyDone (or an error) and completes the query.
 */
function copyOut(client, sql, sink) {
    return new Promise((resolve, reject) => {
        void client.query(new CopyOutQuery(sql, sink, resolve, reject));
    });
}
class CopyOutQuery {
    text;
    sink;
    resolve;
    reject;
    connection = null;
    pgListener = null;
    header = Buffer.alloc(5);
    headerHave = 0;
    messageType = 0;
    messageLeft = 0;
    failed = false;
    done = false;
    /** Sink waits not yet over; the socket stays paused until none is left. */
    waiting = 0;
    onData = (chunk) => this.parse(chunk);
    constructor(text, sink, resolve, reject) {
        this.text = text;
        this.sink = sink;
        this.resolve = resolve;
        this.reject = reject;
    }
    /** Called by node-postgres when the query's turn comes. */
    submit(connection) {
        this.connection = connection;
        const listeners = connection.stream.listeners('data');
        if (listeners.length !== 1)
            throw new Error(`internal: expected node-postgres's one data listener on the socket, found ${listeners.length}`);
        this.pgListener = listeners[0];
        connection.stream.removeListener('data', this.pgListener);
        connection.stream.on('data', this.onData);
        connection.query(this.text);
    }
    parse(chunk) {
        let at = 0;
        while (at < chunk.length) {
            if (this.messageLeft === 0 && this.headerHave < 5) {
                if (this.headerHave === 0 && (chunk[at] === ERROR_RESPONSE || this.done)) {
                    // node-postgres parses the rest (CommandComplete, ReadyForQuery, or the error) itself.
                    this.handBack(chunk.subarray(at));
                    return;
                }
                const n = Math.min(5 - this.headerHave, chunk.length - at);
                chunk.copy(this.header, this.headerHave, at, at + n);
                this.headerHave += n;
                at += n;
                if (this.headerHave < 5)
                    return;
                this.messageType = this.header[0];
                this.messageLeft = this.header.readUInt32BE(1) - 4;
                if (this.messageType === COPY_DONE)
                    this.done = true;
                if (this.messageLeft > 0)
                    continue;
            }
            const n = Math.min(this.messageLeft, chunk.length - at);
            if (this.messageType === COPY_DATA && n > 0 && !this.failed)
                this.deliver(chunk.subarray(at, at + n));
            // Anything else during COPY OUT (CopyOutResponse, notices, parameter changes) is skipped.
            this.messageLeft -= n;
            at += n;
            if (this.messageLeft === 0)
                this.headerHave = 0;
        }
    }
    deliver(bytes) {
        let wait;
        try {
            wait = this.sink.data(bytes);
        }
        catch (err) {
            this.fail(err);
            return;
        }
        if (wait)
            this.pauseFor(wait);
    }
    /** The sink failed: the query's promise fails now, and the rest of the COPY is read and dropped so the connection stays usable. */
    fail(err) {
        if (!this.failed)
            this.reject(err);
        this.failed = true;
    }
    pauseFor(wait) {
        const stream = this.connection.stream;
        stream.pause();
        // One chunk can carry many messages, each with its own wait: the socket resumes only when
        // all of them are over, or the shortest would let the reader run ahead of the others.
        this.waiting++;
        const over = () => {
            if (--this.waiting === 0)
                stream.resume();
        };
        wait.then(over, (err) => {
            this.fail(err);
            over();
        });
    }
    handBack(rest) {
        const stream = this.connection.stream;
        stream.removeListener('data', this.onData);
        stream.on('data', this.pgListener);
        if (rest.length > 0)
            this.pgListener(rest);
    }
    handleError(err) {
        this.fail(err);
    }
    handleCommandComplete() { }
    handleReadyForQuery() {
        if (!this.failed)
            this.resolve();
    }
}


/***/ }),

/***/ 8115:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.listSourceFiles = listSourceFiles;
/**
 * Walks the source's PGDATA with pg_ls_dir/pg_stat_file (no superuser needed, only EXECUTE).
 * missing_ok everywhere: files come and go while the server runs; WAL replay covers that.
 * pg_ls_dir follows the pg_tblspc symlinks, so tablespace contents are listed below them.
 */
const LISTING_SQL = `
WITH RECURSIVE entries(path, size, isdir) AS (
  SELECT name, st.size, st.isdir
    FROM pg_ls_dir('.', true, false) AS name,
         LATERAL pg_stat_file(name, true) AS st
  UNION ALL
  SELECT e.path || '/' || name, st.size, st.isdir
    FROM entries e,
         LATERAL pg_ls_dir(e.path, true, false) AS name,
         LATERAL pg_stat_file(e.path || '/' || name, true) AS st
   WHERE e.isdir
)
SELECT e.path, e.size::text AS size, e.isdir,
       CASE WHEN e.path ~ '^pg_tblspc/[0-9]+$'
            THEN pg_tablespace_location(substr(e.path, 11)::oid) END AS link_target
  FROM entries e
 WHERE e.size IS NOT NULL`;
async function listSourceFiles(client) {
    const res = await client.query(LISTING_SQL);
    return res.rows.map((r) => {
        const entry = { path: r.path, size: Number(r.size), isDir: r.isdir };
        if (r.link_target)
            entry.linkTarget = r.link_target;
        return entry;
    });
}


/***/ }),

/***/ 8092:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.READ_PIECE_BYTES = void 0;
exports.sqlRangeReader = sqlRangeReader;
exports.streamRanges = streamRanges;
exports.readRanges = readRanges;
const copy_binary_decoder_1 = __nccwpck_require__(8090);
const copy_out_1 = __nccwpck_require__(3412);
const source_connect_1 = __nccwpck_require__(3770);
/** Rows come back in pieces of this size: big enough for throughput, small for memory. */
exports.READ_PIECE_BYTES = 1024 * 1024;
/** The range reader of one SQL connection. */
function sqlRangeReader(client) {
    return (ranges, sink) => streamRanges(client, ranges, sink);
}
/**
 * Reads many ranges in one statement: COPY (binary) of pg_read_binary_file pieces streams at
 * several hundred MB/s through node-postgres, where bytea as text (hex) manages under 100.
 * Every range yields at least one piece, so empty and vanished files are seen.
 */
async function streamRanges(client, ranges, sink) {
    if (ranges.length === 0)
        return;
    const values = ranges
        .map((r, i) => `(${i}, ${(0, source_connect_1.quoteLiteral)(r.path)}, ${r.offset}::bigint, ${r.offset + r.length}::bigint)`)
        .join(',');
    const sql = `COPY (
    SELECT r.i, o.off, pg_read_binary_file(r.path, o.off, least(${exports.READ_PIECE_BYTES}, r.stop - o.off), true)
      FROM (VALUES ${values}) AS r(i, path, start, stop),
           LATERAL generate_series(r.start, greatest(r.start, r.stop - 1), ${exports.READ_PIECE_BYTES}) AS o(off)
  ) TO STDOUT (FORMAT binary)`;
    const decoder = new copy_binary_decoder_1.CopyBinaryDecoder({
        row: (head, length) => sink.begin(head[0].readInt32BE(0), Number(head[1].readBigInt64BE(0)), length),
        tail: (bytes) => sink.data(bytes),
        rowEnd: () => sink.end(),
    });
    await (0, copy_out_1.copyOut)(client, sql, {
        data: (bytes) => {
            decoder.push(bytes);
            return sink.ready?.() ?? null;
        },
    });
    if (!decoder.complete)
        throw new Error('The source ended a file read before the end of the COPY stream');
}
/**
 * The same read for small amounts (pg_control, re-read pages): each piece whole, null data when
 * the file vanished. Awaiting `onPiece` applies back-pressure.
 */
async function readRanges(reader, ranges, onPiece) {
    const collector = new copy_binary_decoder_1.CopyRowCollector();
    const starts = [];
    await reader(ranges, {
        begin: (i, offset, length) => {
            starts.push([i, offset]);
            collector.row([], length);
        },
        data: (bytes) => collector.tail(bytes),
        end: () => collector.rowEnd(),
        ready: () => (collector.rows.length > 0 ? deliver() : null),
    });
    await deliver();
    async function deliver() {
        for (const [row] of collector.take()) {
            const [i, offset] = starts.shift();
            await onPiece(i, offset, row);
        }
    }
}


/***/ }),

/***/ 5591:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.openLocalSource = openLocalSource;
exports.assertLocalSourceUnchanged = assertLocalSourceUnchanged;
exports.listLocalSource = listLocalSource;
exports.streamLocalRanges = streamLocalRanges;
exports.localSourceFiles = localSourceFiles;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
const errors_1 = __nccwpck_require__(7679);
const pg_control_1 = __nccwpck_require__(9737);
const pg_wal_history_1 = __nccwpck_require__(665);
const postmaster_pid_1 = __nccwpck_require__(8860);
const target_path_1 = __nccwpck_require__(5777);
const lsn_1 = __nccwpck_require__(2524);
const local_wal_source_1 = __nccwpck_require__(6829);
const timeline_history_1 = __nccwpck_require__(8279);
const wal_reader_1 = __nccwpck_require__(1909);
const wal_segment_1 = __nccwpck_require__(3925);
const file_reader_1 = __nccwpck_require__(8092);
const source_wal_files_1 = __nccwpck_require__(4014);
const CLEAN_STATES = ['shut down', 'shut down in recovery'];
/** Opens the source directory, or refuses it with the reason and the way out. Reads only. */
async function openLocalSource(sourceDir, targetDir) {
    const dir = path.resolve(sourceDir);
    assertApart(dir, path.resolve(targetDir));
    if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
        throw new errors_1.CatchupError('source-missing', `The source directory ${dir} does not exist.`, 'Point --source-pgdata at the data directory of a stopped cluster on this host.');
    }
    const versionFile = path.join(dir, 'PG_VERSION');
    const controlFile = path.join(dir, 'global', 'pg_control');
    if (!fs.existsSync(versionFile) || !fs.existsSync(controlFile)) {
        throw new errors_1.CatchupError('source-not-pgdata', `The source ${dir} is not a PostgreSQL data directory (no PG_VERSION or global/pg_control).`, 'Point --source-pgdata at the data directory of a stopped cluster on this host.');
    }
    const running = (0, postmaster_pid_1.livePostmaster)(dir);
    if (running) {
        throw new errors_1.CatchupError('source-running', `The source ${dir} is in use by a running server (postmaster PID ${running.pid}).`, `Stop it cleanly first (pg_ctl stop -D ${dir} -m fast), or use it while it runs with --source-server.`);
    }
    const controlBytes = fs.readFileSync(controlFile);
    const control = (0, pg_control_1.parsePgControl)(controlBytes, controlFile);
    if (!CLEAN_STATES.includes(control.state)) {
        throw new errors_1.CatchupError('source-not-clean', `source data directory must be shut down cleanly: ${dir} says "${control.state}" in its pg_control.`, `Start it and stop it cleanly (pg_ctl start -D ${dir}; pg_ctl stop -D ${dir} -m fast), then run again.`);
    }
    const majorVersion = Number(fs.readFileSync(versionFile, 'utf8').trim());
    const timeline = Math.max(control.timeline, control.minRecoveryPointTli);
    const history = localHistory(dir, timeline);
    const walEnd = await localWalEnd(dir, control, history, timeline);
    const walFiles = (0, source_wal_files_1.walFilesBetween)(control.redoLsn, walEnd, history, timeline, control.walSegmentSize);
    const missing = walFiles.find((f) => fs.statSync(path.join(dir, f.path), { throwIfNoEntry: false })?.size !== control.walSegmentSize);
    if (missing) {
        throw new errors_1.CatchupError('source-wal-missing', `The source's pg_wal lacks ${missing.path}, which a copy needs to start (WAL from its last checkpoint's redo ${(0, lsn_1.formatLsn)(control.redoLsn)} up to ${(0, lsn_1.formatLsn)(walEnd)}).`, "Restore the segment into the source's pg_wal from its archive, or start and stop the source cleanly so it writes a new checkpoint, then run again.");
    }
    return { dir, majorVersion, control, controlBytes, timeline, history, walEnd, walFiles };
}
/**
 * The end of the source's WAL as far as its data files go: the end of its last checkpoint
 * record (a primary's shutdown checkpoint), or a standby's minRecoveryPoint if later. The
 * checkpoint record must be readable: a copy starts from it.
 */
async function localWalEnd(dir, control, history, tli) {
    const reader = new wal_reader_1.WalReader((0, local_wal_source_1.localWalDirSource)(path.join(dir, 'pg_wal'), control.walSegmentSize), {
        timelineForLsn: (lsn) => (0, timeline_history_1.timelineOfLsn)(history, tli, lsn), systemIdentifier: control.systemIdentifier,
    });
    let end;
    try {
        end = (await reader.readRecordAt(control.checkpointLsn)).endLsn;
    }
    catch (err) {
        throw new errors_1.CatchupError('source-wal-missing', `The source's last checkpoint record at ${(0, lsn_1.formatLsn)(control.checkpointLsn)} cannot be read from its pg_wal (${err.message}); a copy needs it to start.`, "Restore the source's WAL from its archive, or start and stop the source cleanly so it writes a new checkpoint, then run again.");
    }
    return control.minRecoveryPoint > end ? control.minRecoveryPoint : end;
}
/**
 * Nothing may have started the source since it was opened: no postmaster, and the same
 * pg_control (a start and a clean stop since would have written a new checkpoint into it).
 */
function assertLocalSourceUnchanged(source) {
    const running = (0, postmaster_pid_1.livePostmaster)(source.dir);
    const now = fs.readFileSync(path.join(source.dir, 'global', 'pg_control'));
    if (running || !now.equals(source.controlBytes)) {
        throw new errors_1.CatchupError('source-started', `The source ${source.dir} was started during the run${running ? ` (postmaster PID ${running.pid})` : ' (its pg_control changed)'}: the files copied from it are not one consistent state.`, 'Keep the source stopped while pg-catchup reads it, then run the same command again: the target is marked, PostgreSQL refuses to start it, and the rerun resumes.');
    }
}
/** Source and target must be two directories, neither inside the other. */
function assertApart(source, target) {
    const [s, t] = [(0, target_path_1.realPathOf)(source), (0, target_path_1.realPathOf)(target)];
    const problem = s === t ? `The source and the target are the same directory (${s}).`
        : (0, target_path_1.isInside)(s, t) ? `The source ${s} is inside the target ${t}.`
            : (0, target_path_1.isInside)(t, s) ? `The target ${t} is inside the source ${s}.` : null;
    if (problem)
        throw new errors_1.CatchupError('source-is-target', problem, 'Point --source-pgdata and the target at two separate data directories.');
}
function localHistory(dir, tli) {
    const history = (0, pg_wal_history_1.readPgWalHistory)(dir, tli);
    if (history === null) {
        throw new errors_1.CatchupError('source-history-missing', `The source is on timeline ${tli}, but its pg_wal has no ${(0, wal_segment_1.historyFileName)(tli)}.`, 'Restore the history file into the source\'s pg_wal (from its archive), or use --source-server.');
    }
    return history;
}
/**
 * Every entry of the source's PGDATA, as the SQL listing gives it: paths relative to PGDATA,
 * pg_tblspc/<oid> links followed (with where they point), the rest of the tree as it is.
 */
function listLocalSource(dir) {
    const out = [];
    const walk = (rel) => {
        for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
            const p = rel ? `${rel}/${name}` : name;
            const abs = path.join(dir, p);
            const lst = fs.lstatSync(abs);
            const tablespaceLink = lst.isSymbolicLink() && /^pg_tblspc\/\d+$/.test(p);
            // Other links are listed as what they point to, as pg_stat_file sees them (pg_wal may be one).
            const st = lst.isSymbolicLink() ? fs.statSync(abs, { throwIfNoEntry: false }) : lst;
            if (!st)
                continue;
            const entry = { path: p, size: st.size, isDir: st.isDirectory() }; // a directory's size as stat gives it, like pg_stat_file
            if (tablespaceLink)
                entry.linkTarget = fs.readlinkSync(abs);
            out.push(entry);
            if (st.isDirectory())
                walk(p);
        }
    };
    walk('');
    return out;
}
/**
 * Reads byte ranges of source files into a sink, as the SQL reader delivers them: one piece per
 * READ_PIECE_BYTES of each range (so the writer's piece count holds), a null-length piece for a
 * file that is not there, and the sink's back-pressure honoured between pieces.
 */
async function streamLocalRanges(dir, ranges, sink) {
    for (const [index, range] of ranges.entries()) {
        let fd;
        try {
            fd = fs.openSync(path.join(dir, range.path), 'r');
        }
        catch (err) {
            if (err.code !== 'ENOENT')
                throw err;
            sink.begin(index, range.offset, null);
            sink.end();
            continue;
        }
        try {
            const stop = range.offset + range.length;
            let at = range.offset;
            do {
                const want = Math.min(file_reader_1.READ_PIECE_BYTES, stop - at);
                const buf = Buffer.allocUnsafe(want);
                const got = want > 0 ? fs.readSync(fd, buf, 0, want, at) : 0;
                sink.begin(index, at, got);
                if (got > 0)
                    sink.data(buf.subarray(0, got));
                sink.end();
                at += want;
                await sink.ready?.();
                // Past the end of a file that shrank, pieces come empty, as pg_read_binary_file returns them.
            } while (at < stop);
        }
        finally {
            fs.closeSync(fd);
        }
    }
}
/** The stopped directory's files behind the same interface as a server's. */
function localSourceFiles(dir, readers) {
    const read = (ranges, sink) => streamLocalRanges(dir, ranges, sink);
    return {
        list: async () => listLocalSource(dir),
        tablespaces: async () => {
            const tblspc = path.join(dir, 'pg_tblspc');
            if (!fs.existsSync(tblspc))
                return [];
            return fs.readdirSync(tblspc).filter((n) => /^\d+$/.test(n)).map((n) => ({ oid: Number(n), location: fs.readlinkSync(path.join(tblspc, n)) }))
                .sort((a, b) => a.oid - b.oid);
        },
        readers: Array.from({ length: Math.max(1, readers) }, () => read),
    };
}


/***/ }),

/***/ 24:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.passwordFilePath = passwordFilePath;
exports.findPassword = findPassword;
exports.lookupPassword = lookupPassword;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
/** Unix socket directories libpq treats as "localhost" when matching the file. */
const DEFAULT_SOCKET_DIRS = ['/var/run/postgresql', '/run/postgresql', '/tmp'];
function passwordFilePath(passfile, env, home) {
    if (passfile)
        return passfile;
    if (env.PGPASSFILE)
        return env.PGPASSFILE;
    return path.join(env.HOME || home, '.pgpass');
}
/** The password of the first line that matches, as libpq picks it. */
function findPassword(text, key) {
    const hosts = DEFAULT_SOCKET_DIRS.includes(key.host) ? [key.host, 'localhost'] : [key.host];
    const wanted = [hosts, [key.port], [key.database], [key.user]];
    for (const line of text.split(/\r?\n/)) {
        if (line === '' || line.startsWith('#'))
            continue;
        const fields = splitFields(line);
        if (fields.length < 5)
            continue;
        // Only an unescaped, lone `*` is a wildcard; `\*` is a literal star.
        const matches = wanted.every((values, i) => fields[i] === '*' || values.includes(unescape(fields[i])));
        if (matches)
            return unescape(fields[4]); // as libpq: the password ends at an unescaped ':'
    }
    return undefined;
}
/** Splits on unescaped ':'. */
function splitFields(line) {
    const fields = [];
    let start = 0;
    for (let i = 0; i < line.length; i++) {
        if (line[i] === '\\')
            i++;
        else if (line[i] === ':') {
            fields.push(line.slice(start, i));
            start = i + 1;
        }
    }
    fields.push(line.slice(start));
    return fields;
}
function unescape(field) {
    return field.replace(/\\(.)/g, '$1');
}
/** Reads the file and looks the key up; a missing or unsafe file gives no password and says why. */
function lookupPassword(file, key) {
    let st;
    try {
        st = fs.statSync(file);
    }
    catch {
        return { password: undefined, file, why: `${file} does not exist` };
    }
    if (!st.isFile())
        return { password: undefined, file, why: `${file} is not a plain file` };
    // libpq ignores a password file others can read; so do we, rather than leak a habit that it refuses.
    if (st.mode & 0o077) {
        return { password: undefined, file,
            why: `${file} was ignored: it has group or world access (mode 0${(st.mode & 0o777).toString(8)}); run chmod 0600 ${file}` };
    }
    const password = findPassword(fs.readFileSync(file, 'utf8'), key);
    if (password === undefined) {
        return { password: undefined, file, why: `${file} has no line for ${key.host}:${key.port}:${key.database}:${key.user}` };
    }
    return { password, file };
}


/***/ }),

/***/ 9463:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PTRACK_FUNCTIONS = void 0;
exports.ptrackAvailable = ptrackAvailable;
exports.ptrackUnavailableReason = ptrackUnavailableReason;
exports.pagemapBlocks = pagemapBlocks;
exports.mapPtrackRows = mapPtrackRows;
exports.ptrackChanges = ptrackChanges;
const errors_1 = __nccwpck_require__(7679);
const relation_path_1 = __nccwpck_require__(2770);
const lsn_1 = __nccwpck_require__(2524);
const source_connect_1 = __nccwpck_require__(3770);
/** Signatures inside the extension's schema, for `GRANT EXECUTE ON FUNCTION <schema>.<sig> TO <role>`. */
exports.PTRACK_FUNCTIONS = ['ptrack_version()', 'ptrack_init_lsn()', 'ptrack_get_pagemapset(pg_lsn)'];
const USE_DELTA = 'Use -b DELTA instead: it finds the changed blocks by their page LSNs and needs no change tracking.';
/** Whether ptrack 2.1+ is installed and tracking (shared_preload_libraries, ptrack.map_size > 0). */
async function ptrackAvailable(client) {
    const res = await client.query(
    // pg_settings, not current_setting(): a ptrack.map_size line in postgresql.conf without the
    // library loaded is only a placeholder, which current_setting() shows and pg_settings does not.
    `SELECT e.extversion AS version, n.nspname AS schema,
            (SELECT setting FROM pg_settings WHERE name = 'ptrack.map_size') AS map_size
       FROM (SELECT 1) AS one
       LEFT JOIN pg_extension e ON e.extname = 'ptrack'
       LEFT JOIN pg_namespace n ON n.oid = e.extnamespace`);
    const { version, schema, map_size: mapSize } = res.rows[0];
    return { installed: version !== null, version, schema, reason: ptrackUnavailableReason(version, mapSize) };
}
/**
 * Why ptrack cannot answer, or null. `version` is the extension version (null: not created),
 * `mapSize` pg_settings.setting of ptrack.map_size, in MB (null: the library is not preloaded).
 */
function ptrackUnavailableReason(version, mapSize) {
    if (version === null)
        return 'the ptrack extension is not installed in this database';
    const [major, minor] = version.split('.').map(Number);
    if (!(major > 2 || (major === 2 && minor >= 1))) {
        return `ptrack ${version} is too old (2.1 or later has ptrack_get_pagemapset)`;
    }
    if (mapSize === null)
        return "ptrack is not loaded (it must be in shared_preload_libraries, which needs a restart)";
    if (Number.parseInt(mapSize, 10) === 0)
        return 'ptrack is disabled (ptrack.map_size = 0)';
    return null;
}
/** The block numbers set in one pagemap, ascending. */
function pagemapBlocks(pagemap) {
    const blocks = [];
    for (let byte = 0; byte < pagemap.length; byte++) {
        const bits = pagemap[byte];
        if (bits === 0)
            continue;
        for (let bit = 0; bit < 8; bit++)
            if (bits & (1 << bit))
                blocks.push(byte * 8 + bit);
    }
    return blocks;
}
/** Rows -> changed blocks per segment file (block numbers within the file, sorted, unique). */
function mapPtrackRows(rows) {
    const changed = new Map();
    for (const row of rows) {
        if (!(0, relation_path_1.parseRelationPath)(row.path)) {
            throw new Error(`ptrack_get_pagemapset returned "${row.path}", which is not a relation file path relative to PGDATA`);
        }
        const blocks = pagemapBlocks(row.pagemap);
        if (row.pagecount !== undefined && row.pagecount !== null && Number(row.pagecount) !== blocks.length) {
            throw new Error(`ptrack_get_pagemapset row for ${row.path} says ${row.pagecount} pages but its bitmap has ${blocks.length}`);
        }
        if (blocks.length === 0)
            continue;
        const old = changed.get(row.path);
        changed.set(row.path, old ? [...new Set([...old, ...blocks])].sort((a, b) => a - b) : blocks);
    }
    return changed;
}
/**
 * The blocks written on the source since `fromLsn` (R), per segment file. Refuses (CatchupError
 * 'ptrack-unavailable', DELTA as the way out) when ptrack is missing or off, or when its map was
 * (re)initialized after R (pg_probackup's check too): changes before init_lsn are not in it.
 */
async function ptrackChanges(client, fromLsn) {
    const status = await ptrackAvailable(client);
    if (status.reason || status.version === null || status.schema === null) {
        throw new errors_1.CatchupError('ptrack-unavailable', `PTRACK cannot use the ptrack extension: ${status.reason}.`, USE_DELTA);
    }
    const schema = (0, source_connect_1.quoteIdent)(status.schema);
    const init = await client.query(`SELECT ${schema}.ptrack_init_lsn()::text AS lsn`);
    const initLsn = (0, lsn_1.parseLsn)(init.rows[0].lsn);
    if (initLsn === 0n) {
        throw new errors_1.CatchupError('ptrack-unavailable', 'The ptrack map on the source has not been initialized yet (ptrack_init_lsn() is 0/0), so it cannot tell what changed.', USE_DELTA);
    }
    if (initLsn > fromLsn) {
        throw new errors_1.CatchupError('ptrack-unavailable', `The ptrack map on the source was initialized at ${(0, lsn_1.formatLsn)(initLsn)}, after the reference LSN ${(0, lsn_1.formatLsn)(fromLsn)}: ` +
            'changes made before that are not in it (the map is reset when ptrack.map_size changes or it is found damaged).', USE_DELTA);
    }
    // Only path and pagemap: 2.1 has no pagecount column.
    const res = await client.query(`SELECT path, pagemap FROM ${schema}.ptrack_get_pagemapset($1::pg_lsn)`, [(0, lsn_1.formatLsn)(fromLsn)]);
    return { changed: mapPtrackRows(res.rows), version: status.version, initLsn, rows: res.rows.length };
}


/***/ }),

/***/ 4581:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.relationFileKey = relationFileKey;
exports.nameRelationFiles = nameRelationFiles;
const errors_1 = __nccwpck_require__(7679);
const source_connect_1 = __nccwpck_require__(3770);
function relationFileKey(r) {
    return `${r.spcOid}/${r.dbOid}/${r.relNumber}`;
}
// A relation file is only named inside its own database (pg_filenode_relation looks at that
// database's catalogs), so each database costs a connection: a few are enough for a report.
const MAX_DATABASES = 20;
const NAME_SQL = `
  SELECT r.spc::int8 AS spc, r.rel::int8 AS rel, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
    FROM unnest($1::oid[], $2::oid[]) AS r(spc, rel)
    JOIN pg_class c ON c.oid = pg_filenode_relation(r.spc, r.rel)
    JOIN pg_namespace n ON n.oid = c.relnamespace`;
async function nameRelationFiles(conn, control, files, dbOids) {
    const names = { databases: new Map(), relations: new Map(), notes: [] };
    const dbs = await control.query('SELECT oid::int8 AS oid, datname, datallowconn FROM pg_database WHERE oid = ANY($1::oid[])', [dbOids.filter((o) => o !== 0)]);
    const byOid = new Map(dbs.rows.map((d) => [Number(d.oid), d]));
    for (const d of dbs.rows)
        names.databases.set(Number(d.oid), d.datname);
    const byDb = new Map();
    for (const f of files) {
        const list = byDb.get(f.dbOid);
        if (list)
            list.push(f);
        else
            byDb.set(f.dbOid, [f]);
    }
    // Shared catalogs (database 0) are named from any database: the control connection's.
    if (byDb.has(0))
        await nameIn(control, 0, byDb.get(0), names);
    let visited = 0;
    for (const [dbOid, rels] of byDb) {
        if (dbOid === 0)
            continue;
        const db = byOid.get(dbOid);
        if (!db)
            continue; // dropped on the source, or created on the target's branch only
        if (!db.datallowconn) {
            names.notes.push(`database ${db.datname} does not allow connections, so its relations are not named`);
            continue;
        }
        if (++visited > MAX_DATABASES) {
            names.notes.push(`relations are named in the first ${MAX_DATABASES} databases only`);
            break;
        }
        let client = null;
        try {
            client = await (0, source_connect_1.connectSource)({ ...conn, keywords: { ...conn.keywords, dbname: db.datname } });
            await nameIn(client, dbOid, rels, names);
        }
        catch (err) {
            names.notes.push(`relations of database ${db.datname} are not named: ${(0, errors_1.errorMessage)(err)}`);
        }
        finally {
            await client?.end().catch(() => undefined);
        }
    }
    return names;
}
async function nameIn(client, dbOid, rels, names) {
    const res = await client.query(NAME_SQL, [rels.map((r) => r.spcOid), rels.map((r) => r.relNumber)]);
    for (const row of res.rows) {
        names.relations.set(relationFileKey({ spcOid: Number(row.spc), dbOid, relNumber: Number(row.rel) }), row.name);
    }
}


/***/ }),

/***/ 8317:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ReplicationConnection = void 0;
const pg_copy_streams_1 = __nccwpck_require__(6901);
const errors_1 = __nccwpck_require__(7679);
const lsn_1 = __nccwpck_require__(2524);
const source_connect_1 = __nccwpck_require__(3770);
/**
 * A physical replication connection (replication=true, as pg_basebackup uses, so the
 * "replication" lines of pg_hba.conf apply). One connection holds our temporary slot and
 * streams WAL: a temporary slot lives only as long as the session that created it.
 */
class ReplicationConnection {
    client;
    constructor(client) {
        this.client = client;
    }
    static async open(conn) {
        const client = await (0, source_connect_1.connectSource)(conn, { replication: 'true' });
        return new ReplicationConnection(client);
    }
    async identifySystem() {
        const res = await this.client.query('IDENTIFY_SYSTEM');
        const row = res.rows[0];
        return { systemIdentifier: row.systemid, timeline: Number(row.timeline), walPosition: (0, lsn_1.parseLsn)(row.xlogpos) };
    }
    /** The history file of a timeline; timeline 1 has none. */
    async timelineHistory(timeline) {
        if (timeline <= 1)
            return null;
        const res = await this.client.query(`TIMELINE_HISTORY ${timeline}`);
        const row = res.rows[0];
        const content = Buffer.isBuffer(row.content) ? row.content : Buffer.from(row.content);
        return { fileName: row.filename, content };
    }
    /** Reserves WAL from now on: created before the backup starts, so nothing we need is recycled. */
    async createTemporarySlot(name) {
        try {
            await this.client.query(`CREATE_REPLICATION_SLOT ${(0, source_connect_1.quoteIdent)(name)} TEMPORARY PHYSICAL RESERVE_WAL`);
        }
        catch (err) {
            if (err.code === '53400') {
                throw new errors_1.CatchupError('no-replication-slot', `The source has no free replication slot: ${err.message}.`, 'Raise max_replication_slots on the source (restart needed) or drop an unused slot (SELECT pg_drop_replication_slot(...)).');
            }
            throw err;
        }
    }
    /** Starts streaming (from our slot, or without one for a short read); one CopyData payload per chunk. */
    startStreaming(slot, startLsn, timeline) {
        const slotClause = slot === null ? '' : `SLOT ${(0, source_connect_1.quoteIdent)(slot)} `;
        const sql = `START_REPLICATION ${slotClause}PHYSICAL ${(0, lsn_1.formatLsn)(startLsn)} TIMELINE ${timeline}`;
        // Object mode: one chunk is one CopyData frame. In byte mode a reader that falls behind gets
        // frames joined into one buffer, and the next frame's header would be taken for WAL bytes.
        const stream = this.client.query((0, pg_copy_streams_1.both)(sql, { alignOnCopyDataFrame: true, readableObjectMode: true }));
        // When the server reaches the end of an older timeline first, it answers our CopyDone with the
        // next timeline as a result set, for which the copy stream has no handlers (node-postgres
        // would throw in its socket handler and end the process).
        Object.assign(stream, { handleRowDescription: () => undefined, handleDataRow: () => undefined, cb_flush: () => undefined });
        return stream;
    }
    async close() {
        await this.client.end().catch(() => undefined);
    }
}
exports.ReplicationConnection = ReplicationConnection;


/***/ }),

/***/ 3770:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.lastConnectionDrop = lastConnectionDrop;
exports.connectSource = connectSource;
exports.quoteIdent = quoteIdent;
exports.quoteLiteral = quoteLiteral;
const pg_1 = __nccwpck_require__(3273);
const errors_1 = __nccwpck_require__(7679);
const connection_options_1 = __nccwpck_require__(3627);
let lastDrop = null;
/** The error with which the server or the network last dropped one of our SQL connections. */
function lastConnectionDrop() {
    return lastDrop;
}
/** Opens a SQL (or replication) connection to the source, turning libpq-level failures into refusals. */
async function connectSource(conn, extra = {}) {
    const client = new pg_1.Client((0, connection_options_1.toClientConfig)(conn, extra));
    // An idle connection that the server or network drops must not crash the process; the cause
    // is kept, since the next query only says the client "is not queryable".
    client.on('error', (err) => {
        lastDrop = err;
    });
    try {
        await client.connect();
    }
    catch (err) {
        await client.end().catch(() => undefined);
        throw describeConnectError(err, conn, extra.replication !== undefined);
    }
    // Set-returning functions are estimated at 1000 rows per call, so our listing and scan queries
    // look huge to the planner and JIT compiles them: 130 ms for a 1000-file listing that runs in 10.
    if (extra.replication === undefined)
        await client.query('SET jit = off');
    return client;
}
function describeConnectError(err, conn, replication) {
    if ((0, errors_1.isCatchupError)(err))
        return err; // already says what is wrong (no password found)
    const code = err.code;
    const msg = (0, errors_1.errorMessage)(err);
    const where = `the source (${conn.display})`;
    if (code === '53300' && replication) {
        return new errors_1.CatchupError('no-wal-sender', `Cannot open a replication connection to ${where}: ${msg}.`, 'All wal senders are in use: raise max_wal_senders on the source (restart needed) or stop an idle replication client.');
    }
    if (code === '28000' && replication) {
        return new errors_1.CatchupError('replication-not-allowed', `The source refused a replication connection (${conn.display}): ${msg}.`, `Add a pg_hba.conf line for the "replication" database for user ${conn.keywords.user}, and make sure the role has REPLICATION (ALTER ROLE ${quoteIdent(conn.keywords.user)} REPLICATION;).`);
    }
    if (code === '28P01' || code === '28000') {
        return new errors_1.CatchupError('auth-failed', `Authentication to ${where} failed: ${msg}.`, 'Check the user and password (PGPASSWORD, ~/.pgpass or the connection string) and pg_hba.conf on the source.');
    }
    if (code === '3D000') {
        return new errors_1.CatchupError('no-database', `Connecting to ${where} failed: ${msg}.`, 'Name an existing database with -d/--dbname.');
    }
    return new errors_1.CatchupError('source-unreachable', `Cannot connect to ${where}: ${msg}.`, 'Check that the source server is running and that -h/--host and -p/--port (or the connection string) point to it.');
}
function quoteIdent(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
/** A SQL string literal that is safe with standard_conforming_strings on or off. */
function quoteLiteral(value) {
    if (value.includes('\0'))
        throw new Error('NUL byte in an SQL literal');
    const escaped = value.replace(/'/g, "''");
    return value.includes('\\') ? ` E'${escaped.replace(/\\/g, '\\\\')}'` : `'${escaped}'`;
}


/***/ }),

/***/ 1791:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.sqlSourceFiles = sqlSourceFiles;
exports.readSourceControlFile = readSourceControlFile;
const errors_1 = __nccwpck_require__(7679);
const pg_control_1 = __nccwpck_require__(9737);
const file_listing_1 = __nccwpck_require__(8115);
const file_reader_1 = __nccwpck_require__(8092);
const tablespaces_1 = __nccwpck_require__(9273);
function sqlSourceFiles(control, readers) {
    return {
        list: () => (0, file_listing_1.listSourceFiles)(control),
        tablespaces: () => (0, tablespaces_1.listSourceTablespaces)(control),
        readers: readers.map(file_reader_1.sqlRangeReader),
    };
}
/** The source's global/pg_control, read like any other file. */
async function readSourceControlFile(files) {
    let content = null;
    await (0, file_reader_1.readRanges)(files.readers[0], [{ path: 'global/pg_control', offset: 0, length: pg_control_1.PG_CONTROL_FILE_SIZE }], async (_i, _o, data) => {
        content = data;
    });
    if (!content)
        throw new errors_1.CatchupError('read-failed', "Could not read the source's global/pg_control.", 'Check the EXECUTE grant on pg_read_binary_file.');
    return content;
}


/***/ }),

/***/ 4014:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.walFilesBetween = walFilesBetween;
exports.missingWalFiles = missingWalFiles;
const lsn_1 = __nccwpck_require__(2524);
const timeline_history_1 = __nccwpck_require__(8279);
const wal_segment_1 = __nccwpck_require__(3925);
/**
 * The segment files holding [from, to) on the source's history, as its pg_wal names them: a
 * segment holding a timeline switch is in the new timeline's file, which starts with a copy of
 * the old one (the file recovery reads too).
 */
function walFilesBetween(from, to, history, currentTli, segSize) {
    const files = [];
    for (let segNo = (0, wal_segment_1.segmentNoOf)(from, segSize); (0, wal_segment_1.segmentStartLsn)(segNo, segSize) < to; segNo++) {
        const lastByte = (0, wal_segment_1.segmentStartLsn)(segNo + 1n, segSize) - 1n;
        const tli = (0, timeline_history_1.timelineOfLsn)(history, currentTli, lastByte);
        files.push({ path: `pg_wal/${(0, wal_segment_1.segmentFileName)(tli, segNo, segSize)}`, segNo, tli });
    }
    return files;
}
/**
 * Why the source cannot provide these files whole, or null when it can. A check, not a
 * promise: a checkpoint may recycle them before they are read, which the copy then reports.
 */
async function missingWalFiles(client, files, segSize) {
    if (files.length === 0)
        return null;
    const res = await client.query('SELECT p AS path, (pg_stat_file(p, true)).size AS size FROM unnest($1::text[]) AS p', [files.map((f) => f.path)]);
    const missing = res.rows.filter((r) => r.size === null || Number(r.size) !== segSize).map((r) => r.path);
    if (missing.length === 0)
        return null;
    const first = files.find((f) => f.path === missing[0]);
    return `the source no longer has ${missing.length} of the ${files.length} WAL segment(s) from R (first: ${missing[0]}, from ${(0, lsn_1.formatLsn)((0, wal_segment_1.segmentStartLsn)(first.segNo, segSize))})`;
}


/***/ }),

/***/ 9273:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.listSourceTablespaces = listSourceTablespaces;
/** The source's user tablespaces (pg_tablespace is readable by every role). */
async function listSourceTablespaces(client) {
    const res = await client.query(`SELECT oid::text AS oid, pg_tablespace_location(oid) AS location
       FROM pg_tablespace
      WHERE spcname NOT IN ('pg_default', 'pg_global')
      ORDER BY oid`);
    return res.rows.map((r) => ({ oid: Number(r.oid), location: r.location }));
}


/***/ }),

/***/ 5471:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.fetchSourceWal = fetchSourceWal;
const errors_1 = __nccwpck_require__(7679);
const lsn_1 = __nccwpck_require__(2524);
const replication_messages_1 = __nccwpck_require__(6396);
const replication_connection_1 = __nccwpck_require__(8317);
/**
 * Bytes of the source's WAL on timeline `tli` from `fromLsn` (the start of a segment or page) up
 * to `toLsn`, fetched with a short START_REPLICATION; null when the source no longer has that
 * WAL (removed or recycled). Used to check that a record of the target exists, byte for byte,
 * in the source's WAL.
 */
async function fetchSourceWal(via, tli, fromLsn, toLsn) {
    // An idle replication connection of the run is reused: a second one would need a second wal sender.
    const own = !(via instanceof replication_connection_1.ReplicationConnection);
    const repl = via instanceof replication_connection_1.ReplicationConnection ? via : await replication_connection_1.ReplicationConnection.open(via);
    const size = Number(toLsn - fromLsn);
    const out = Buffer.alloc(size);
    let have = 0n;
    try {
        const stream = repl.startStreaming(null, fromLsn, tli);
        let ended = false;
        try {
            for await (const payload of stream) {
                const msg = (0, replication_messages_1.parseReplicationMessage)(payload);
                if (msg.kind !== 'xlogdata')
                    continue;
                const start = msg.walStart - fromLsn;
                const end = start + BigInt(msg.data.length);
                if (end > 0n && start < BigInt(size)) {
                    const from = start < 0n ? Number(-start) : 0;
                    const to = Math.min(msg.data.length, Number(BigInt(size) - start));
                    msg.data.copy(out, Number(start) + from, from, to);
                }
                if (end > have)
                    have = end;
                if (have >= BigInt(size) && !ended) {
                    ended = true;
                    stream.end();
                }
            }
            // The server ended first (the end of an older timeline): it waits for our CopyDone. The next
            // command on this connection is queued by node-postgres until the server is ready again.
            if (!ended) {
                ended = true;
                stream.end();
            }
        }
        catch (err) {
            if (/has already been removed|requested starting point .* is ahead/.test(err.message))
                return null;
            throw err;
        }
        if (have < BigInt(size)) {
            throw new errors_1.CatchupError('source-wal-short', `The source streamed WAL only up to ${(0, lsn_1.formatLsn)(fromLsn + have)}, not ${(0, lsn_1.formatLsn)(toLsn)}.`, 'Run the command again.');
        }
        return out;
    }
    finally {
        if (own)
            await repl.close();
    }
}


/***/ }),

/***/ 1092:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.lastInsertedRecordEnd = lastInsertedRecordEnd;
exports.recordEndOf = recordEndOf;
const lsn_1 = __nccwpck_require__(2524);
const wal_page_1 = __nccwpck_require__(5825);
/**
 * The end of the last WAL record the source has inserted: every change it has written to disk
 * so far lies at or before it (WAL before data), and replay reaches it when that record is
 * replayed. pg_current_wal_insert_lsn() gives where the next record goes; when the last one
 * ended on a page boundary, that is past the next page's header, a position no record ends at
 * (and no flush reaches until another record comes), so it is taken back to the boundary.
 */
async function lastInsertedRecordEnd(client, segSize) {
    const res = await client.query('SELECT pg_current_wal_insert_lsn()::text AS lsn');
    return recordEndOf((0, lsn_1.parseLsn)(res.rows[0].lsn), segSize);
}
/** An insert position turned into the end of the record before it (pure, for tests). */
function recordEndOf(insertLsn, segSize) {
    const inSegment = Number(insertLsn % BigInt(segSize));
    if (inSegment === wal_page_1.SIZE_OF_LONG_PAGE_HEADER)
        return insertLsn - BigInt(wal_page_1.SIZE_OF_LONG_PAGE_HEADER);
    if (inSegment >= wal_page_1.XLOG_BLCKSZ && inSegment % wal_page_1.XLOG_BLCKSZ === wal_page_1.SIZE_OF_SHORT_PAGE_HEADER)
        return insertLsn - BigInt(wal_page_1.SIZE_OF_SHORT_PAGE_HEADER);
    return insertLsn;
}


/***/ }),

/***/ 2614:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.WalReceiver = void 0;
const errors_1 = __nccwpck_require__(7679);
const lsn_1 = __nccwpck_require__(2524);
const replication_messages_1 = __nccwpck_require__(6396);
// Well inside the default wal_sender_timeout (60 s), so the source never drops us.
const STATUS_INTERVAL_MS = 10_000;
/**
 * Receives WAL from START_REPLICATION into a sink until told the LSN to stop at, then ends the
 * stream as soon as that LSN has arrived: no waiting for a keepalive on an idle source.
 */
class WalReceiver {
    stream;
    sink;
    received;
    stopAt = null;
    ending = false;
    done;
    resolveReached;
    statusTimer;
    constructor(stream, startLsn, sink) {
        this.stream = stream;
        this.sink = sink;
        this.received = startLsn;
        const reached = new Promise((resolve) => (this.resolveReached = resolve));
        this.done = this.run(reached);
        // Until finish() is called nobody awaits `done`; keep a rejection from going unhandled.
        this.done.catch(() => undefined);
    }
    /** How far WAL has been written to the sink. */
    get receivedLsn() {
        return this.received;
    }
    /** Stream until `stopLsn` is written, then end; resolves when the stream is closed. */
    async finish(stopLsn) {
        this.stopAt = stopLsn;
        this.checkReached();
        await this.done;
    }
    /** Ends the stream now, e.g. on failure elsewhere; errors are swallowed. */
    async abort() {
        this.endStream();
        this.resolveReached();
        await this.done.catch(() => undefined);
    }
    async run(reached) {
        this.statusTimer = setInterval(() => this.sendStatus(), STATUS_INTERVAL_MS);
        try {
            const consume = this.consume();
            await Promise.race([consume, reached]);
            this.endStream();
            await consume;
        }
        finally {
            clearInterval(this.statusTimer);
        }
        if (this.stopAt === null || this.received < this.stopAt) {
            throw new errors_1.CatchupError('wal-stream-ended', `The source ended the WAL stream at ${(0, lsn_1.formatLsn)(this.received)} before the backup's stop LSN` +
                (this.stopAt === null ? '' : ` ${(0, lsn_1.formatLsn)(this.stopAt)}`) + '.', 'The source may have been promoted, restarted or shut down during the run; run the command again.');
        }
    }
    async consume() {
        for await (const payload of this.stream) {
            const msg = (0, replication_messages_1.parseReplicationMessage)(payload);
            if (msg.kind === 'xlogdata') {
                await this.sink.write(msg.walStart, msg.data);
                const end = msg.walStart + BigInt(msg.data.length);
                if (end > this.received)
                    this.received = end;
                this.checkReached();
            }
            else if (msg.kind === 'keepalive' && msg.replyRequested) {
                this.sendStatus();
            }
        }
    }
    checkReached() {
        if (this.stopAt !== null && this.received >= this.stopAt)
            this.resolveReached();
    }
    sendStatus() {
        if (this.ending)
            return;
        this.stream.write((0, replication_messages_1.encodeStandbyStatus)(this.received, this.received));
    }
    endStream() {
        if (this.ending)
            return;
        this.ending = true;
        // Ending the writable side sends CopyDone; the server answers with its own and closes the copy.
        this.stream.end();
    }
}
exports.WalReceiver = WalReceiver;


/***/ }),

/***/ 3847:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.databaseDirectory = exports.WAL_SUMMARY_FUNCTIONS = void 0;
exports.mapSummaryRows = mapSummaryRows;
exports.applyLimitBlocks = applyLimitBlocks;
exports.planSummaryCoverage = planSummaryCoverage;
exports.walSummaryUnavailableReason = walSummaryUnavailableReason;
exports.checkWalSummaries = checkWalSummaries;
exports.readSummarizerState = readSummarizerState;
exports.walSummaryChanges = walSummaryChanges;
exports.listWalSummaries = listWalSummaries;
const errors_1 = __nccwpck_require__(7679);
const relation_path_1 = __nccwpck_require__(2770);
Object.defineProperty(exports, "databaseDirectory", ({ enumerable: true, get: function () { return relation_path_1.databaseDirectory; } }));
const lsn_1 = __nccwpck_require__(2524);
const timeline_history_1 = __nccwpck_require__(8279);
/** Signatures for `GRANT EXECUTE ON FUNCTION <sig> TO <role>` (from pg_proc; PUBLIC has them by default). */
exports.WAL_SUMMARY_FUNCTIONS = [
    'pg_catalog.pg_available_wal_summaries()',
    'pg_catalog.pg_wal_summary_contents(bigint, pg_lsn, pg_lsn)',
    'pg_catalog.pg_get_wal_summarizer_state()',
];
/** The way out whenever summaries cannot answer. */
const DELTA_NEEDS_NOTHING = 'it finds the changed blocks by their page LSNs and needs no change tracking';
const USE_DELTA = `Use -b DELTA instead: ${DELTA_NEEDS_NOTHING}.`;
const FORKS = ['main', 'fsm', 'vm', 'init'];
function forkName(forkNumber) {
    const fork = FORKS[forkNumber];
    if (fork === undefined)
        throw new Error(`WAL summary names fork number ${forkNumber}; PostgreSQL has forks 0-3 only`);
    return fork;
}
function relationFile(row, fork, segmentNo, tablespaceVersionDir) {
    return {
        tablespaceOid: row.reltablespace,
        databaseOid: row.reldatabase,
        relfilenode: row.relfilenode,
        fork,
        segmentNo,
        isTemp: false,
        tempBackend: null,
        tablespaceVersionDir: row.reltablespace === relation_path_1.DEFAULTTABLESPACE_OID || row.reltablespace === relation_path_1.GLOBALTABLESPACE_OID ? null : tablespaceVersionDir,
    };
}
function setMin(map, key, value) {
    const old = map.get(key);
    if (old === undefined || value < old)
        map.set(key, value);
}
/**
 * Merges the rows of any number of summaries: changed blocks are the union, limits the minimum
 * (the order of summaries does not matter: a block named before a truncation is at or above the
 * limit and counts as changed anyway once applyLimitBlocks has run).
 */
function mapSummaryRows(rows, layout) {
    const { relsegSize, tablespaceVersionDir } = layout;
    if (!(relsegSize > 0))
        throw new Error(`relsegSize must be a positive number of blocks, not ${relsegSize}`);
    const sets = new Map();
    const limits = new Map();
    for (const row of rows) {
        if (row.relfilenode === 0) {
            // Only limit rows (of 0) exist for the whole-database entry; anything else is treated the same.
            setMin(limits, (0, relation_path_1.databaseDirectory)(row.reltablespace, row.reldatabase, tablespaceVersionDir), 0);
            continue;
        }
        const fork = forkName(row.relforknumber);
        const block = row.relblocknumber;
        if (row.isLimitBlock) {
            setMin(limits, (0, relation_path_1.relationFilePath)(relationFile(row, fork, 0, tablespaceVersionDir)), block);
            continue;
        }
        const path = (0, relation_path_1.relationFilePath)(relationFile(row, fork, Math.floor(block / relsegSize), tablespaceVersionDir));
        let blocks = sets.get(path);
        if (!blocks)
            sets.set(path, (blocks = new Set()));
        blocks.add(block % relsegSize);
    }
    const changed = new Map();
    for (const [path, blocks] of sets)
        changed.set(path, [...blocks].sort((a, b) => a - b));
    return { changed, limits };
}
/**
 * The final block list per source segment file: the named blocks, plus every block at or above the
 * fork's (or its database's) limit, plus every block of every free space map fork, which the
 * summarizer never records because FSM changes are not WAL-logged (PostgreSQL's incremental backup
 * sends FSM forks whole for the same reason; they are small). Only files in `sourceSizes` (the
 * source listing: path -> bytes) count, and only blocks below their current size: a file the source
 * no longer has is deleted from the target, a block past its end is truncated away, by the plan.
 */
function applyLimitBlocks(changed, limits, sourceSizes, blockSize, relsegSize) {
    const result = new Map();
    for (const [path, size] of sourceSizes) {
        const rel = (0, relation_path_1.parseRelationPath)(path);
        if (!rel || rel.isTemp)
            continue;
        const nblocks = Math.floor(size / blockSize);
        if (nblocks === 0)
            continue;
        let limit = rel.fork === 'fsm' ? 0 : undefined;
        const forkLimit = limits.get((0, relation_path_1.relationFilePath)({ ...rel, segmentNo: 0 }));
        const dbLimit = limits.get(path.slice(0, path.lastIndexOf('/')));
        for (const l of [forkLimit, dbLimit])
            if (l !== undefined && (limit === undefined || l < limit))
                limit = l;
        const firstBlock = rel.segmentNo * relsegSize;
        const fromLimit = limit === undefined ? nblocks : Math.max(0, Math.min(nblocks, limit - firstBlock));
        const named = [...new Set(changed.get(path) ?? [])].filter((b) => b < fromLimit).sort((a, b) => a - b);
        for (let b = fromLimit; b < nblocks; b++)
            named.push(b);
        if (named.length > 0)
            result.set(path, named);
    }
    return result;
}
/**
 * Splits [R, start) along the source's history into one range per timeline and picks, for each,
 * the summaries of that timeline that overlap it; then walks them in start order, as PostgreSQL's
 * WalSummariesAreComplete does, to prove every LSN of the range is summarized. A summary that
 * begins before R (or ends after start) is read whole: its extra blocks only cost copying.
 */
function planSummaryCoverage(input) {
    const { fromLsn, toLsn } = input;
    const ranges = [];
    for (const span of (0, timeline_history_1.timelineSpans)(input.history, input.currentTli)) {
        const start = span.begin > fromLsn ? span.begin : fromLsn;
        const spanEnd = span.end ?? toLsn;
        const end = spanEnd < toLsn ? spanEnd : toLsn;
        if (start < end)
            ranges.push({ tli: span.tli, start, end });
    }
    const summaries = [];
    const gaps = [];
    for (const range of ranges) {
        const overlapping = input.available
            .filter((s) => s.tli === range.tli && s.startLsn < range.end && s.endLsn > range.start)
            .sort((a, b) => (a.startLsn < b.startLsn ? -1 : a.startLsn > b.startLsn ? 1 : 0));
        summaries.push(...overlapping);
        let covered = range.start;
        for (const s of overlapping) {
            if (s.startLsn > covered) {
                gaps.push(describeGap(range.tli, covered, s.startLsn, false));
            }
            if (s.endLsn > covered)
                covered = s.endLsn;
        }
        if (covered < range.end) {
            // The tail of the current timeline is what the summarizer simply has not reached yet.
            const isTip = range.tli === input.currentTli && range.end === toLsn;
            gaps.push(describeGap(range.tli, covered, range.end, isTip && overlapping.length > 0));
        }
    }
    return { ranges, summaries, gap: gaps.length ? gaps.join('; ') : null };
}
function describeGap(tli, from, to, notYet) {
    const why = notYet
        ? 'the WAL summarizer has not summarized that far yet'
        : 'removed by wal_summary_keep_time, or summarize_wal was off then';
    return `no WAL summary covers ${(0, lsn_1.formatLsn)(from)}..${(0, lsn_1.formatLsn)(to)} on timeline ${tli} (${why})`;
}
// ---------------------------------------------------------------------------------------------
// Availability (pure) and the server side (I/O)
// ---------------------------------------------------------------------------------------------
/**
 * Why WAL summaries cannot be used, or null when they can. `major` is the server's major version,
 * `summarizeWal` the text of current_setting('summarize_wal', true) (null where it does not exist).
 */
function walSummaryUnavailableReason(major, summarizeWal) {
    if (major < 17)
        return `PostgreSQL ${major} has no WAL summaries (they arrived in 17)`;
    if (summarizeWal !== 'on') {
        return `summarize_wal is ${summarizeWal ?? 'not set'} on the source, so no WAL summaries are being written`;
    }
    return null;
}
function unavailableFix(major) {
    if (major < 17)
        return USE_DELTA;
    return `${USE_DELTA} For later runs, turn summaries on (ALTER SYSTEM SET summarize_wal = on; SELECT pg_reload_conf();): the summarizer starts at the oldest WAL still in pg_wal, and summaries last as long as wal_summary_keep_time.`;
}
/** Reads the version and setting from the source and says why summaries are unusable, or null. */
async function checkWalSummaries(client) {
    const { major, summarizeWal } = await readSummarySettings(client);
    return walSummaryUnavailableReason(major, summarizeWal);
}
async function readSummarySettings(client) {
    const res = await client.query("SELECT current_setting('server_version_num') AS num, current_setting('summarize_wal', true) AS summarize_wal");
    return { major: Math.floor(Number(res.rows[0].num) / 10000), summarizeWal: res.rows[0].summarize_wal };
}
async function readSummarizerState(client) {
    const res = await client.query(`SELECT s.summarized_tli::text AS tli, s.summarized_lsn::text AS summarized, s.pending_lsn::text AS pending,
            s.summarizer_pid AS pid, current_setting('summarize_wal', true) AS summarize_wal
       FROM pg_get_wal_summarizer_state() AS s`);
    const r = res.rows[0];
    return {
        summarizedTli: Number(r.tli),
        summarizedLsn: (0, lsn_1.parseLsn)(r.summarized),
        pendingLsn: (0, lsn_1.parseLsn)(r.pending),
        pid: r.pid,
        summarizeWal: r.summarize_wal,
    };
}
/**
 * The blocks changed on the source between R and the backup start, from WAL summaries. Refuses
 * (CatchupError 'ptrack-unavailable', with DELTA as the way out) when the server has no summaries,
 * the summarizer does not reach the start LSN within waitMs, or the summaries have a hole.
 * Apply the result with applyLimitBlocks against the source listing.
 */
async function walSummaryChanges(client, opts) {
    const settings = await readSummarySettings(client);
    const reason = walSummaryUnavailableReason(settings.major, settings.summarizeWal);
    if (reason) {
        throw new errors_1.CatchupError('ptrack-unavailable', `PTRACK cannot use WAL summaries: ${reason}.`, unavailableFix(settings.major));
    }
    await waitForSummarization(client, opts);
    const available = await listWalSummaries(client);
    const coverage = planSummaryCoverage({
        history: opts.history, currentTli: opts.timeline, fromLsn: opts.fromLsn, toLsn: opts.toLsn, available,
    });
    const span = `${(0, lsn_1.formatLsn)(opts.fromLsn)}..${(0, lsn_1.formatLsn)(opts.toLsn)}`;
    if (coverage.gap) {
        throw new errors_1.CatchupError('ptrack-unavailable', `The WAL summaries on the source do not cover every change since the reference LSN (${span}): ${coverage.gap}. ` +
            'A block changed in a hole would not be copied, so PTRACK cannot be used.', `${USE_DELTA} To keep summaries long enough for later runs, raise wal_summary_keep_time on the source.`);
    }
    let rows = 0;
    let changes = { changed: new Map(), limits: new Map() };
    if (coverage.summaries.length > 0) {
        let groups;
        try {
            groups = await readSummaryGroups(client, coverage.summaries, opts.relsegSize);
        }
        catch (err) {
            throw new errors_1.CatchupError('ptrack-unavailable', `Reading the WAL summaries for ${span} on the source failed: ${(0, errors_1.errorMessage)(err)}. ` +
                '(A summary removed by wal_summary_keep_time while we read it looks like this.)', USE_DELTA);
        }
        for (const g of groups)
            rows += g.rows;
        changes = mapSummaryRows(expandGroups(groups), opts);
    }
    opts.logger?.info(`WAL summaries: ${coverage.summaries.length} covering ${span} on timeline(s) ${coverage.ranges.map((r) => r.tli).join(', ') || '-'}, ` +
        `${rows} rows, ${changes.changed.size} files with named blocks, ${changes.limits.size} limit entries`);
    return { ...changes, summaries: coverage.summaries.length, rows };
}
/** pg_available_wal_summaries(): the summary files the source has now. */
async function listWalSummaries(client) {
    const listed = await client.query('SELECT tli::text AS tli, start_lsn::text AS start_lsn, end_lsn::text AS end_lsn FROM pg_available_wal_summaries()');
    return listed.rows.map((r) => ({ tli: Number(r.tli), startLsn: (0, lsn_1.parseLsn)(r.start_lsn), endLsn: (0, lsn_1.parseLsn)(r.end_lsn) }));
}
/**
 * Polls pg_get_wal_summarizer_state until summary files reach toLsn (WaitForWalSummarization
 * waits on summarized_lsn, the on-disk position, not pending_lsn). Refuses after waitMs, or at once
 * when summarize_wal is switched off meanwhile.
 */
async function waitForSummarization(client, opts) {
    const deadline = Date.now() + opts.waitMs;
    let pauseMs = opts.pollMs ?? 50;
    let announced = false;
    for (;;) {
        const state = await readSummarizerState(client);
        if (state.summarizeWal !== 'on') {
            throw new errors_1.CatchupError('ptrack-unavailable', `summarize_wal was turned off on the source while waiting for the WAL summarizer to reach ${(0, lsn_1.formatLsn)(opts.toLsn)}.`, USE_DELTA);
        }
        if (state.summarizedLsn >= opts.toLsn)
            return;
        const now = Date.now();
        if (now >= deadline) {
            const process = state.pid === null ? 'no WAL summarizer process is running' : `the summarizer (PID ${state.pid})`;
            throw new errors_1.CatchupError('ptrack-unavailable', `The WAL summaries on the source do not reach the backup start ${(0, lsn_1.formatLsn)(opts.toLsn)} after ${opts.waitMs < 10_000 ? `${opts.waitMs} ms` : `${Math.round(opts.waitMs / 1000)} s`}: ` +
                `${process} has written summaries up to ${(0, lsn_1.formatLsn)(state.summarizedLsn)} on timeline ${state.summarizedTli} and read WAL up to ${(0, lsn_1.formatLsn)(state.pendingLsn)}.`, `Check the source's log for WAL summarizer errors and retry with a longer wait, or use -b DELTA: ${DELTA_NEEDS_NOTHING}.`);
        }
        if (!announced) {
            opts.logger?.info(`waiting for the WAL summarizer to reach ${(0, lsn_1.formatLsn)(opts.toLsn)} (summaries end at ${(0, lsn_1.formatLsn)(state.summarizedLsn)})`);
            announced = true;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(pauseMs, Math.max(1, deadline - now))));
        pauseMs = Math.min(pauseMs * 2, 1000);
    }
}
async function readSummaryGroups(client, summaries, relsegSize) {
    const params = [];
    const values = summaries.map((s) => {
        params.push(String(s.tli), (0, lsn_1.formatLsn)(s.startLsn), (0, lsn_1.formatLsn)(s.endLsn));
        const n = params.length;
        return `($${n - 2}::bigint, $${n - 1}::pg_lsn, $${n}::pg_lsn)`;
    });
    // Grouped per 1 GB segment too, so that no aggregated string nears the 1 GB text limit.
    const res = await client.query(`SELECT c.relfilenode::bigint::text AS relfilenode, c.reltablespace::bigint::text AS reltablespace,
            c.reldatabase::bigint::text AS reldatabase, c.relforknumber::int AS relforknumber,
            (min(c.relblocknumber) FILTER (WHERE c.is_limit_block))::text AS limit_block,
            string_agg(c.relblocknumber::text, ',') FILTER (WHERE NOT c.is_limit_block) AS blocks,
            count(*)::text AS rows
       FROM (VALUES ${values.join(', ')}) AS s(tli, start_lsn, end_lsn),
            LATERAL pg_wal_summary_contents(s.tli, s.start_lsn, s.end_lsn) AS c
      GROUP BY c.relfilenode, c.reltablespace, c.reldatabase, c.relforknumber,
               CASE WHEN c.is_limit_block THEN -1 ELSE c.relblocknumber / ${Math.floor(relsegSize)} END`, params);
    return res.rows.map((r) => ({
        relfilenode: Number(r.relfilenode),
        reltablespace: Number(r.reltablespace),
        reldatabase: Number(r.reldatabase),
        relforknumber: Number(r.relforknumber),
        limitBlock: r.limit_block === null ? null : Number(r.limit_block),
        blocks: r.blocks,
        rows: Number(r.rows),
    }));
}
function* expandGroups(groups) {
    for (const g of groups) {
        const base = { relfilenode: g.relfilenode, reltablespace: g.reltablespace, reldatabase: g.reldatabase, relforknumber: g.relforknumber };
        if (g.limitBlock !== null)
            yield { ...base, relblocknumber: g.limitBlock, isLimitBlock: true };
        if (g.blocks) {
            for (const text of g.blocks.split(','))
                yield { ...base, relblocknumber: Number(text), isLimitBlock: false };
        }
    }
}


/***/ }),

/***/ 3619:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

/**
 * The CheckPoint struct (catalog/pg_control.h): the main data of checkpoint records, and the copy
 * of the last checkpoint that pg_control embeds. One decoder for both. Pure.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SIZE_OF_CHECKPOINT = exports.CheckPointFormatError = void 0;
exports.decodeCheckPoint = decodeCheckPoint;
class CheckPointFormatError extends Error {
}
exports.CheckPointFormatError = CheckPointFormatError;
exports.SIZE_OF_CHECKPOINT = 88;
function decodeCheckPoint(mainData, pgMajor) {
    if (mainData.length < exports.SIZE_OF_CHECKPOINT) {
        throw new CheckPointFormatError(`checkpoint record data is ${mainData.length} bytes, expected ${exports.SIZE_OF_CHECKPOINT}`);
    }
    const d = mainData;
    return {
        redo: d.readBigUInt64LE(0),
        timeline: d.readUInt32LE(8),
        prevTimeline: d.readUInt32LE(12),
        fullPageWrites: d[16] !== 0,
        walLevel: pgMajor >= 17 ? d.readInt32LE(20) : null,
        nextFullXid: d.readBigUInt64LE(24),
        nextOid: d.readUInt32LE(32),
        nextMulti: d.readUInt32LE(36),
        nextMultiOffset: d.readUInt32LE(40),
        oldestXid: d.readUInt32LE(44),
        oldestXidDb: d.readUInt32LE(48),
        oldestMulti: d.readUInt32LE(52),
        oldestMultiDb: d.readUInt32LE(56),
        time: Number(d.readBigInt64LE(64)),
        oldestCommitTsXid: d.readUInt32LE(72),
        newestCommitTsXid: d.readUInt32LE(76),
        oldestActiveXid: d.readUInt32LE(80),
    };
}


/***/ }),

/***/ 6829:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

/**
 * A WalSegmentSource over a local pg_wal directory (or any directory of segment files
 * named as PostgreSQL names them). Partial segments (`.partial`) are not read: a reader
 * must not take a timeline's unfinished last segment for a complete one.
 */
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.localWalDirSource = localWalDirSource;
const fs_1 = __nccwpck_require__(9896);
const path = __importStar(__nccwpck_require__(6928));
const wal_segment_1 = __nccwpck_require__(3925);
function localWalDirSource(pgWalDir, segSize) {
    const fileOf = (tli, segNo) => path.join(pgWalDir, (0, wal_segment_1.segmentFileName)(tli, segNo, segSize));
    return {
        segSize,
        async read(tli, segNo) {
            try {
                return await readWhole(fileOf(tli, segNo));
            }
            catch (err) {
                if (err.code === 'ENOENT')
                    return null;
                throw new Error(`could not read WAL file "${fileOf(tli, segNo)}": ${err.message}`);
            }
        },
        describe: fileOf,
    };
}
/**
 * The whole file in one read request (fs.readFile asks for 512 KiB at a time, and each request
 * waits for the event loop: a read-ahead behind a busy decoder would barely move).
 */
async function readWhole(file) {
    const handle = await fs_1.promises.open(file, 'r');
    try {
        const { size } = await handle.stat();
        const buf = Buffer.allocUnsafe(size);
        let got = 0;
        while (got < size) {
            const { bytesRead } = await handle.read(buf, got, size - got, got);
            if (bytesRead === 0)
                break;
            got += bytesRead;
        }
        return got === size ? buf : buf.subarray(0, got);
    }
    finally {
        await handle.close();
    }
}


/***/ }),

/***/ 2524:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

/**
 * Log sequence numbers. Inside the engine an LSN is a `bigint` byte position in the WAL;
 * at the edges (logs, JSON, SQL) it is PostgreSQL's `X/Y` text: two 32-bit hex halves.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.InvalidLsn = void 0;
exports.parseLsn = parseLsn;
exports.formatLsn = formatLsn;
exports.isLsnText = isLsnText;
/** PostgreSQL's InvalidXLogRecPtr: no position (0/0). */
exports.InvalidLsn = 0n;
const MAX_LSN = (1n << 64n) - 1n;
// pg_lsn input accepts 1-8 hex digits per half; we also tolerate surrounding whitespace (psql output).
const LSN_TEXT = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/;
/** Parses `16/B374D848` into a bigint; throws on anything pg_lsn would reject. */
function parseLsn(text) {
    const match = LSN_TEXT.exec(text.trim());
    if (!match) {
        throw new Error(`invalid LSN "${text}": expected two hexadecimal halves like "16/B374D848"`);
    }
    return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}
/** Formats as PostgreSQL prints it: upper-case hex, no zero padding (`0/1773908`). */
function formatLsn(lsn) {
    if (lsn < 0n || lsn > MAX_LSN) {
        throw new Error(`LSN ${lsn} is outside the 64-bit range PostgreSQL uses`);
    }
    const high = (lsn >> 32n).toString(16).toUpperCase();
    const low = (lsn & 0xffffffffn).toString(16).toUpperCase();
    return `${high}/${low}`;
}
/** True when `text` is valid `X/Y` LSN text. */
function isLsnText(text) {
    return LSN_TEXT.test(text.trim());
}


/***/ }),

/***/ 6396:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

/**
 * The CopyData payloads of physical streaming replication (protocol-replication docs):
 * server -> client XLogData ('w') and keepalive ('k'); client -> server standby status ('r').
 * Pure codecs over Buffers.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseReplicationMessage = parseReplicationMessage;
exports.encodeStandbyStatus = encodeStandbyStatus;
// PostgreSQL timestamps count microseconds from 2000-01-01 00:00 UTC.
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
function parseReplicationMessage(payload) {
    const tag = payload[0];
    if (tag === 0x77 /* 'w' */) {
        return {
            kind: 'xlogdata',
            walStart: payload.readBigUInt64BE(1),
            serverWalEnd: payload.readBigUInt64BE(9),
            data: payload.subarray(25),
        };
    }
    if (tag === 0x6b /* 'k' */) {
        return { kind: 'keepalive', serverWalEnd: payload.readBigUInt64BE(1), replyRequested: payload[17] === 1 };
    }
    return { kind: 'unknown', tag };
}
function encodeStandbyStatus(writtenLsn, flushedLsn, nowMs = Date.now()) {
    const buf = Buffer.alloc(34);
    buf[0] = 0x72; // 'r'
    buf.writeBigUInt64BE(writtenLsn, 1);
    buf.writeBigUInt64BE(flushedLsn, 9);
    buf.writeBigUInt64BE(0n, 17); // applied: we replay nothing
    buf.writeBigInt64BE(BigInt(nowMs - PG_EPOCH_MS) * 1000n, 25);
    buf[33] = 0;
    return buf;
}


/***/ }),

/***/ 7237:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RestoreCommandSource = void 0;
exports.substitute = substitute;
const fs = __importStar(__nccwpck_require__(9896));
const os = __importStar(__nccwpck_require__(857));
const path = __importStar(__nccwpck_require__(6928));
const single_user_recovery_1 = __nccwpck_require__(112);
const wal_segment_1 = __nccwpck_require__(3925);
/**
 * A segment source that falls back to the target's restore_command for segments its pg_wal no
 * longer has (-c/--restore-target-wal). Segments are restored into a private temporary
 * directory, never into the target, and removed when closed.
 */
class RestoreCommandSource {
    local;
    restoreCommand;
    runner;
    owner;
    segSize;
    dir;
    restored = [];
    constructor(local, restoreCommand, runner, owner) {
        this.local = local;
        this.restoreCommand = restoreCommand;
        this.runner = runner;
        this.owner = owner;
        this.segSize = local.segSize;
        this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-catchup-restore-'));
        if (owner)
            fs.chownSync(this.dir, owner.uid, owner.gid);
    }
    async read(tli, segNo) {
        const local = await this.local.read(tli, segNo);
        if (local)
            return local;
        const name = (0, wal_segment_1.segmentFileName)(tli, segNo, this.segSize);
        const dest = path.join(this.dir, name);
        const res = await (0, single_user_recovery_1.runAsOwner)(this.runner, this.owner, 'sh', ['-c', substitute(this.restoreCommand, name, dest)]);
        if (res.exitCode !== 0 || !fs.existsSync(dest))
            return null;
        const data = fs.readFileSync(dest);
        fs.rmSync(dest, { force: true });
        if (data.length !== this.segSize)
            return null;
        this.restored.push(name);
        return data;
    }
    describe(tli, segNo) {
        return `${(0, wal_segment_1.segmentFileName)(tli, segNo, this.segSize)} (pg_wal, then restore_command)`;
    }
    close() {
        fs.rmSync(this.dir, { recursive: true, force: true });
    }
}
exports.RestoreCommandSource = RestoreCommandSource;
// %r names the oldest file recovery still needs; a restore_command may run pg_archivecleanup %r.
// We keep no restart point, so the lowest possible name: cleanup then removes nothing.
const NO_RESTART_POINT = '0'.repeat(24);
/** restore_command's placeholders, as PostgreSQL expands them (%f file, %p path, %r, %%). */
function substitute(command, fileName, destPath) {
    return command.replace(/%([fpr%])/g, (_m, c) => (c === 'f' ? fileName : c === 'p' ? destPath : c === 'r' ? NO_RESTART_POINT : '%'));
}


/***/ }),

/***/ 8279:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

/**
 * Timeline history files (`0000000N.history`), read as PostgreSQL's timeline.c does.
 * Each line is `<parentTLI>\t<switchpoint X/Y>\t<reason>`; the TLI here is DECIMAL even
 * though file names carry it in hex. `#` comments and blank lines are skipped.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseTimelineHistory = parseTimelineHistory;
exports.formatTimelineHistory = formatTimelineHistory;
exports.timelineSpans = timelineSpans;
exports.timelineOfLsn = timelineOfLsn;
exports.switchpointOf = switchpointOf;
exports.isOnHistory = isOnHistory;
exports.findDivergence = findDivergence;
const lsn_1 = __nccwpck_require__(2524);
// The server writes tabs but reads with sscanf("%u\t%X/%X"), where any whitespace matches.
const LINE = /^(\d+)[ \t]+([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})(?:[ \t]+(.*))?$/;
/**
 * Parses history file text. `name` is only used in error messages. Throws on a syntax
 * error or on timeline IDs that do not increase, as the server refuses those files too.
 */
function parseTimelineHistory(text, name = 'timeline history file') {
    const entries = [];
    const lines = text.split('\n');
    lines.forEach((rawLine, index) => {
        const line = rawLine.replace(/\r$/, '');
        const trimmed = line.trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            return;
        const match = LINE.exec(line.trimStart());
        if (!match) {
            throw new Error(`syntax error in ${name} line ${index + 1}: "${line}" ` +
                '(expected "<decimal parent timeline>\\t<switchpoint X/Y>\\t<reason>")');
        }
        const tli = Number(match[1]);
        if (!Number.isSafeInteger(tli) || tli < 1 || tli > 0xffffffff) {
            throw new Error(`invalid timeline ID ${match[1]} in ${name} line ${index + 1}`);
        }
        const previous = entries[entries.length - 1];
        if (previous && tli <= previous.tli) {
            throw new Error(`invalid data in ${name} line ${index + 1}: timeline IDs must increase (${previous.tli} then ${tli})`);
        }
        const switchpoint = (BigInt(`0x${match[2]}`) << 32n) | BigInt(`0x${match[3]}`);
        entries.push({ tli, switchpoint, reason: match[4] ?? '' });
    });
    return entries;
}
/** Renders entries as PostgreSQL writes them (for tests and for writing files we fetched). */
function formatTimelineHistory(entries) {
    return entries.map((e) => `${e.tli}\t${(0, lsn_1.formatLsn)(e.switchpoint)}\t${e.reason}\n`).join('');
}
/** Every timeline on the history of `currentTli`, oldest first, with its LSN range. */
function timelineSpans(history, currentTli) {
    const spans = [];
    let begin = 0n;
    for (const entry of history) {
        spans.push({ tli: entry.tli, begin, end: entry.switchpoint });
        begin = entry.switchpoint;
    }
    spans.push({ tli: currentTli, begin, end: null });
    return spans;
}
/**
 * The timeline a WAL record starting at `lsn` belongs to on this history. A record at
 * exactly a switchpoint is on the child timeline (tliOfPointInHistory).
 */
function timelineOfLsn(history, currentTli, lsn) {
    for (const entry of history) {
        if (lsn < entry.switchpoint)
            return entry.tli;
    }
    return currentTli;
}
/**
 * The LSN where `tli` ended on this history, null if `tli` is the current timeline,
 * undefined if `tli` is not on it at all (tliSwitchPoint).
 */
function switchpointOf(history, currentTli, tli) {
    if (tli === currentTli)
        return null;
    return history.find((entry) => entry.tli === tli)?.switchpoint;
}
/**
 * Whether WAL written up to `lsn` (an end position: redo point, minRecoveryPoint, end of
 * WAL) on timeline `tli` is part of the history of `currentTli`: `tli` is current, or an
 * ancestor that went on at least until `lsn`.
 */
function isOnHistory(history, currentTli, position) {
    const end = switchpointOf(history, currentTli, position.tli);
    if (end === undefined)
        return false;
    return end === null || position.lsn <= end;
}
/**
 * The last point two histories share, as pg_rewind finds it: walk both from the start
 * while they name the same timelines; the fork is the earlier end of the last shared one.
 * Null when they share no timeline (different clusters, or a history file is missing).
 */
function findDivergence(a, b) {
    const spansA = timelineSpans(a.history, a.tli);
    const spansB = timelineSpans(b.history, b.tli);
    let shared = -1;
    while (shared + 1 < spansA.length &&
        shared + 1 < spansB.length &&
        spansA[shared + 1].tli === spansB[shared + 1].tli &&
        spansA[shared + 1].begin === spansB[shared + 1].begin) {
        shared++;
    }
    if (shared < 0)
        return null;
    const endA = spansA[shared].end;
    const endB = spansB[shared].end;
    // A null end is the open tip: the other side's end (if any) is where they part.
    let lsn;
    if (endA === null)
        lsn = endB;
    else if (endB === null)
        lsn = endA;
    else
        lsn = endA < endB ? endA : endB;
    return { tli: spansA[shared].tli, lsn };
}


/***/ }),

/***/ 9422:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

/**
 * CRC-32C of WAL records, fast. The record body is most of the WAL a scan reads (full-page
 * images right after a checkpoint), and records start MAXALIGN'd in their segment, so the body
 * is read as 32-bit words from a Uint32Array view: about 1.7 times the speed of the byte-wise
 * slice-by-8 in pgdata/crc32c, which must take any alignment. Same polynomial and tables;
 * unaligned or short data goes through crc32cUpdate.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.crc32cUpdateWords = crc32cUpdateWords;
const os_1 = __nccwpck_require__(857);
const crc32c_1 = __nccwpck_require__(9028);
/** Typed arrays read host byte order; the stored words are little-endian. */
const LITTLE_ENDIAN_HOST = (0, os_1.endianness)() === 'LE';
/** Below this many bytes the byte-wise loop is as fast. */
const MIN_WORDWISE_BYTES = 64;
const TABLES = crc32c_1.CRC32C_TABLES;
// One word view per ArrayBuffer (a segment, a reassembly buffer), made once, not per record;
// consecutive records mostly share a segment, so the last one is kept at hand.
const wordViews = new WeakMap();
let lastBuffer = null;
let lastView = new Uint32Array(0);
function wordView(buffer) {
    if (buffer === lastBuffer)
        return lastView;
    let view = wordViews.get(buffer);
    if (!view) {
        view = new Uint32Array(buffer, 0, buffer.byteLength >>> 2);
        wordViews.set(buffer, view);
    }
    lastBuffer = buffer;
    lastView = view;
    return view;
}
/** crc32cUpdate over data[start, end), 8 bytes at a time as two little-endian words where aligned. */
function crc32cUpdateWords(crc, data, start, end) {
    const at = data.byteOffset + start;
    if (!LITTLE_ENDIAN_HOST || end - start < MIN_WORDWISE_BYTES || (at & 3) !== 0)
        return (0, crc32c_1.crc32cUpdate)(crc, data, start, end);
    const t = TABLES;
    const words = wordView(data.buffer);
    let c = crc >>> 0;
    let w = at >>> 2;
    const stop = w + (((end - start) >>> 3) << 1);
    for (; w < stop; w += 2) {
        c ^= words[w];
        const d = words[w + 1];
        c =
            t[7 * 256 + (c & 0xff)] ^
                t[6 * 256 + ((c >>> 8) & 0xff)] ^
                t[5 * 256 + ((c >>> 16) & 0xff)] ^
                t[4 * 256 + (c >>> 24)] ^
                t[3 * 256 + (d & 0xff)] ^
                t[2 * 256 + ((d >>> 8) & 0xff)] ^
                t[256 + ((d >>> 16) & 0xff)] ^
                t[d >>> 24];
    }
    const done = stop * 4 - data.byteOffset;
    return done < end ? (0, crc32c_1.crc32cUpdate)(c >>> 0, data, done, end) : c >>> 0;
}


/***/ }),

/***/ 5825:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

/**
 * WAL page headers (XLogPageHeaderData / XLogLongPageHeaderData, access/xlog_internal.h)
 * for PostgreSQL 15-18. Every XLOG_BLCKSZ page of a segment starts with one; the first
 * page of a segment has the long form, which also names the cluster and the sizes.
 * Pure: takes bytes, returns fields; validation mirrors XLogReaderValidatePageHeader.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.WAL_PAGE_MAGIC = exports.XLP_ALL_FLAGS = exports.XLP_FIRST_IS_OVERWRITE_CONTRECORD = exports.XLP_BKP_REMOVABLE = exports.XLP_LONG_HEADER = exports.XLP_FIRST_IS_CONTRECORD = exports.SIZE_OF_LONG_PAGE_HEADER = exports.SIZE_OF_SHORT_PAGE_HEADER = exports.XLOG_BLCKSZ = void 0;
exports.pgMajorOfWalMagic = pgMajorOfWalMagic;
exports.parseWalPageHeader = parseWalPageHeader;
exports.walPageHeaderProblem = walPageHeaderProblem;
const lsn_1 = __nccwpck_require__(2524);
/** WAL page size. A build-time constant; every PostgreSQL we support uses 8192. */
exports.XLOG_BLCKSZ = 8192;
/** MAXALIGN(sizeof(XLogPageHeaderData)): 20 bytes of fields, padded to 24. */
exports.SIZE_OF_SHORT_PAGE_HEADER = 24;
/** MAXALIGN(sizeof(XLogLongPageHeaderData)). */
exports.SIZE_OF_LONG_PAGE_HEADER = 40;
/** The page starts with the rest of a record that began on an earlier page. */
exports.XLP_FIRST_IS_CONTRECORD = 0x0001;
exports.XLP_LONG_HEADER = 0x0002;
/** Full-page images in records starting on this page may be removed (no backup ran). */
exports.XLP_BKP_REMOVABLE = 0x0004;
/** Replaces a missing continuation record (CreateOverwriteContrecordRecord). */
exports.XLP_FIRST_IS_OVERWRITE_CONTRECORD = 0x0008;
exports.XLP_ALL_FLAGS = 0x000f;
/**
 * XLOG_PAGE_MAGIC by major version: the WAL format version. Checked against the first
 * bytes of segments written by each server (test/fixtures/wal/capture.sh) and against
 * xlog_internal.h (18: 0xD118).
 */
exports.WAL_PAGE_MAGIC = {
    15: 0xd110,
    16: 0xd113,
    17: 0xd116,
    18: 0xd118,
};
// Looked up for every page read: a map, not a walk over WAL_PAGE_MAGIC's entries.
const MAJOR_OF_MAGIC = new Map(Object.entries(exports.WAL_PAGE_MAGIC).map(([major, magic]) => [magic, Number(major)]));
/** The major version that writes this page magic, or null for one we do not read. */
function pgMajorOfWalMagic(magic) {
    return MAJOR_OF_MAGIC.get(magic) ?? null;
}
/** Reads a page header at `offset` of `buf`. Throws only when the bytes are too short. */
function parseWalPageHeader(buf, offset = 0) {
    if (buf.length - offset < exports.SIZE_OF_SHORT_PAGE_HEADER) {
        throw new Error(`WAL page header needs ${exports.SIZE_OF_SHORT_PAGE_HEADER} bytes, got ${buf.length - offset}`);
    }
    const magic = buf.readUInt16LE(offset);
    const info = buf.readUInt16LE(offset + 2);
    const isLong = (info & exports.XLP_LONG_HEADER) !== 0;
    const hasLong = isLong && buf.length - offset >= exports.SIZE_OF_LONG_PAGE_HEADER;
    return {
        magic,
        pgMajor: pgMajorOfWalMagic(magic),
        info,
        tli: buf.readUInt32LE(offset + 4),
        pageAddr: buf.readBigUInt64LE(offset + 8),
        remLen: buf.readUInt32LE(offset + 16),
        isLong,
        headerSize: isLong ? exports.SIZE_OF_LONG_PAGE_HEADER : exports.SIZE_OF_SHORT_PAGE_HEADER,
        firstIsContRecord: (info & exports.XLP_FIRST_IS_CONTRECORD) !== 0,
        systemIdentifier: hasLong ? buf.readBigUInt64LE(offset + 24) : null,
        segSize: hasLong ? buf.readUInt32LE(offset + 32) : null,
        walBlockSize: hasLong ? buf.readUInt32LE(offset + 36) : null,
    };
}
/**
 * Why this page header is not a valid header for the page at `expect.pageAddr`, or null
 * when it is. The wording follows xlogreader.c. A zeroed or recycled page fails here,
 * which a reader takes as the end of WAL.
 */
function walPageHeaderProblem(header, expect) {
    const magicText = header.magic.toString(16).toUpperCase().padStart(4, '0');
    if (expect.magic !== undefined ? header.magic !== expect.magic : header.pgMajor === null) {
        const wanted = expect.magic !== undefined
            ? `expected ${expect.magic.toString(16).toUpperCase()}`
            : 'expected one of PostgreSQL 15-18';
        return `invalid magic number ${magicText} (${wanted})`;
    }
    if ((header.info & ~exports.XLP_ALL_FLAGS) !== 0) {
        return `invalid info bits ${header.info.toString(16).toUpperCase().padStart(4, '0')}`;
    }
    const firstOfSegment = expect.pageAddr % BigInt(expect.segSize) === 0n;
    if (header.isLong) {
        if (expect.systemIdentifier !== undefined && header.systemIdentifier !== expect.systemIdentifier) {
            return (`WAL file is from a different database system: WAL file database system identifier is ` +
                `${header.systemIdentifier}, expected ${expect.systemIdentifier}`);
        }
        if (header.segSize !== expect.segSize) {
            return `WAL file has segment size ${header.segSize} in its page header, expected ${expect.segSize}`;
        }
        if (header.walBlockSize !== exports.XLOG_BLCKSZ) {
            return `WAL file has XLOG_BLCKSZ ${header.walBlockSize} in its page header, expected ${exports.XLOG_BLCKSZ}`;
        }
    }
    else if (firstOfSegment) {
        // The first page of a segment always carries the long header.
        return `invalid info bits ${header.info.toString(16).toUpperCase().padStart(4, '0')} (no long header on the first page)`;
    }
    if (header.pageAddr !== expect.pageAddr) {
        return `unexpected pageaddr ${(0, lsn_1.formatLsn)(header.pageAddr)} (expected ${(0, lsn_1.formatLsn)(expect.pageAddr)})`;
    }
    return null;
}


/***/ }),

/***/ 1909:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

/**
 * Reads WAL records from segments, as PostgreSQL's xlogreader.c does: records spanning
 * pages and segments are reassembled, every page header and record CRC is checked, and
 * segments are found by timeline the way pg_rewind and recovery find them. The reader
 * does no I/O itself; a WalSegmentSource hands it whole segments.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.WalReader = exports.WalRecordView = exports.WalReadError = void 0;
const lsn_1 = __nccwpck_require__(2524);
const wal_record_1 = __nccwpck_require__(1251);
const wal_page_1 = __nccwpck_require__(5825);
const wal_segment_1 = __nccwpck_require__(3925);
/** WAL could not be read: which record, which segment file on which timeline, and why. */
class WalReadError extends Error {
    kind;
    reason;
    lsn;
    tli;
    segmentFileName;
    position;
    constructor(kind, 
    /** What went wrong, without the location. */
    reason, 
    /** The record being read. */
    lsn, 
    /** Timeline of the segment file where it went wrong. */
    tli, segmentFileName, 
    /** The exact position of the problem (a page or segment address, or the record). */
    position, context) {
        super(`${context ? `${context}: ` : ''}${reason} ` +
            `(record at ${(0, lsn_1.formatLsn)(lsn)}, WAL segment ${segmentFileName} on timeline ${tli})`);
        this.kind = kind;
        this.reason = reason;
        this.lsn = lsn;
        this.tli = tli;
        this.segmentFileName = segmentFileName;
        this.position = position;
        this.name = 'WalReadError';
    }
    /** The same error with a leading explanation of what the caller was doing. */
    withContext(context) {
        return new WalReadError(this.kind, this.reason, this.lsn, this.tli, this.segmentFileName, this.position, context);
    }
}
exports.WalReadError = WalReadError;
const EMPTY = Buffer.alloc(0);
/**
 * One record as scanForward hands it over. The same object is reused for every record and is
 * valid only during the callback: copy what you keep. Nothing is allocated per record; the
 * LSN getters make a bigint only when asked.
 */
class WalRecordView {
    /** The record's xl_tot_len bytes are buf[start, start + totLen): a view into the segment, or a reassembled copy when it spans pages. */
    buf = EMPTY;
    start = 0;
    totLen = 0;
    info = 0;
    rmid = 0;
    /** Timeline of the segment file the record's first byte was read from. */
    tli = 0;
    /** Block references and where the payloads are (decodeWalBlockHeaders). */
    blocks = new wal_record_1.WalBlockHeaders();
    // Where the record starts and the next one starts, as a segment's first LSN plus an offset.
    recordSegStart = 0n;
    recordOffset = 0;
    endSegStart = 0n;
    endOffset = 0;
    /** Whether buf is the reassembly buffer (the record spans pages). */
    reassembled = false;
    scratchBuf = EMPTY;
    get lsn() {
        return this.recordSegStart + BigInt(this.recordOffset);
    }
    /** Where the next record starts: MAXALIGN'd end, or the next segment after XLOG_SWITCH. */
    get endLsn() {
        return this.endSegStart + BigInt(this.endOffset);
    }
    get xid() {
        return this.buf.readUInt32LE(this.start + 4);
    }
    get prev() {
        return this.buf.readBigUInt64LE(this.start + 8);
    }
    /** The record's main data (a view into buf). */
    mainData() {
        const end = this.start + this.totLen;
        return this.buf.subarray(end - this.blocks.mainDataLength, end);
    }
    /** A buffer of at least `bytes` for reassembling a record that spans pages. */
    scratch(bytes) {
        if (this.scratchBuf.length < bytes) {
            this.scratchBuf = Buffer.allocUnsafe(bytes > 1 << 20 ? bytes : Math.max(bytes, 2 * this.scratchBuf.length, 64 * 1024));
        }
        return this.scratchBuf;
    }
    /** Lets go of a reassembly buffer larger than `maxBytes` (after a huge record). */
    trimScratch(maxBytes) {
        if (this.scratchBuf.length > maxBytes)
            this.scratchBuf = EMPTY;
    }
}
exports.WalRecordView = WalRecordView;
const PAGE_MASK = wal_page_1.XLOG_BLCKSZ - 1;
/** How much WAL a read-ahead scan decodes between turns of the event loop. */
const YIELD_BYTES = 1024 * 1024;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
function lsnOfHalves(hi, lo) {
    return (BigInt(hi) << 32n) | BigInt(lo);
}
class WalReader {
    source;
    segSize;
    segSizeBig;
    tliOf;
    magic;
    major = null;
    systemIdentifier;
    cacheLimit;
    cache = new Map();
    lastPage = null;
    /** Views for readRecord, so concurrent reads on one reader never share one. */
    spareViews = [];
    /** The next segment of a forward scan, being read while the current one is decoded. */
    ahead = null;
    constructor(source, options) {
        this.source = source;
        if (!(0, wal_segment_1.isValidSegmentSize)(source.segSize)) {
            throw new Error(`invalid WAL segment size ${source.segSize}: PostgreSQL uses a power of two from 1 MiB to 1 GiB`);
        }
        this.segSize = source.segSize;
        this.segSizeBig = BigInt(source.segSize);
        if (options.timelineForLsn) {
            this.tliOf = options.timelineForLsn;
        }
        else if (options.timeline !== undefined) {
            const tli = options.timeline;
            this.tliOf = () => tli;
        }
        else {
            throw new Error('WalReader needs a timeline or a timelineForLsn function: WAL file names depend on it');
        }
        if (options.pgMajor !== undefined) {
            const magic = wal_page_1.WAL_PAGE_MAGIC[options.pgMajor];
            if (magic === undefined)
                throw new Error(`PostgreSQL ${options.pgMajor} WAL is not supported (15-18 are)`);
            this.magic = magic;
            this.major = options.pgMajor;
        }
        this.systemIdentifier = options.systemIdentifier;
        this.cacheLimit = Math.max(1, options.cachedSegments ?? 4);
    }
    /** The major version of the WAL read so far (null before the first page). */
    get pgMajor() {
        return this.major;
    }
    /**
     * The record starting at `lsn`; at a page boundary, the one after the page header.
     * Throws WalReadError when its segment is missing or it is not a valid record.
     */
    async readRecordAt(lsn) {
        return this.readRecord(lsn, null);
    }
    /**
     * Walks back through xl_prev from the record at `lsn` to the first checkpoint record
     * that starts before `lsn` (pg_rewind's findLastCheckpoint, with `lsn` the fork point).
     */
    async findLastCheckpointBefore(lsn) {
        const context = `could not find the last checkpoint before ${(0, lsn_1.formatLsn)(lsn)}`;
        let record;
        try {
            record = await this.readRecordAt(lsn);
        }
        catch (err) {
            throw err instanceof WalReadError ? err.withContext(`${context}: the record there cannot be read`) : err;
        }
        const start = record.lsn;
        for (;;) {
            if (record.lsn < start && (0, wal_record_1.isCheckpointRecord)(record)) {
                const checkpoint = (0, wal_record_1.decodeCheckPoint)(record.mainData, record.pgMajor);
                return { checkpointLsn: record.lsn, redoLsn: checkpoint.redo, timeline: checkpoint.timeline, checkpoint, record };
            }
            if (record.prev === 0n) {
                const where = this.locate(record.lsn);
                throw new WalReadError('invalid-record', `reached the first WAL record at ${(0, lsn_1.formatLsn)(record.lsn)} without a checkpoint`, record.lsn, where.tli, where.name, record.lsn, context);
            }
            try {
                record = await this.readRecord(record.prev, null);
            }
            catch (err) {
                throw err instanceof WalReadError ? err.withContext(`${context}: walking back from ${(0, lsn_1.formatLsn)(record.lsn)}`) : err;
            }
        }
    }
    /**
     * Records from `startLsn` on, each one's xl_prev checked against the one before. Stops
     * before the first record starting at or after `endLsn`, or where the WAL ends: a missing
     * segment, an invalid page header (zeroed or recycled page) or an invalid record (bad
     * length, CRC or prev-link), as recovery treats them. `end` then says which and where.
     * A record whose continuation was replaced by XLOG_OVERWRITE_CONTRECORD is skipped and
     * the overwrite record returned in its place, as xlogreader does.
     * The record at `startLsn` itself must be readable: otherwise iteration throws.
     */
    readForward(startLsn, endLsn) {
        const reader = this;
        const scan = {
            end: null,
            async *[Symbol.asyncIterator]() {
                let lsn = startLsn;
                let prev = null;
                for (;;) {
                    if (endLsn !== undefined && lsn >= endLsn) {
                        scan.end = { lsn, lastRecordLsn: prev, reason: 'end-lsn', message: '', error: null };
                        return;
                    }
                    let record;
                    try {
                        record = await reader.readRecord(lsn, prev);
                    }
                    catch (err) {
                        if (!(err instanceof WalReadError) || prev === null)
                            throw err;
                        scan.end = { lsn, lastRecordLsn: prev, reason: err.kind, message: err.message, error: err };
                        return;
                    }
                    yield record;
                    prev = record.lsn;
                    lsn = record.endLsn;
                }
            },
        };
        return scan;
    }
    /**
     * readForward for bulk work: the same records, checks and end of WAL, but each record is
     * handed to `onRecord` as a reused WalRecordView with only its block headers decoded (no
     * images, data or raw copies; multi-page records are reassembled into one reused buffer).
     * Resolves with where and why the scan ended. The record at `startLsn` must be readable:
     * otherwise it rejects with the WalReadError. An exception from `onRecord` ends the scan
     * and rejects with it.
     */
    async scanForward(startLsn, onRecord, options = {}) {
        return this.scanRecords(startLsn, null, options.endLsn, Infinity, new WalRecordView(), onRecord, options.readAhead ?? false);
    }
    // ------------------------------------------------------------------ internals
    locate(lsn) {
        const segNo = lsn / this.segSizeBig;
        const tli = this.tliOf((segNo + 1n) * this.segSizeBig - 1n);
        return { tli, segNo, name: (0, wal_segment_1.segmentFileName)(tli, segNo, this.segSize) };
    }
    /** The segment `segNo` (on the timeline its last byte belongs to) if it is in memory, else null. */
    cachedSegment(segNo) {
        const tli = this.tliOf((segNo + 1n) * this.segSizeBig - 1n);
        const last = this.lastPage?.segment;
        if (last && last.segNo === segNo && last.tli === tli)
            return last;
        const key = `${tli}/${segNo}`;
        const cached = this.cache.get(key);
        if (!cached)
            return null;
        this.cache.delete(key); // re-insert: most recently used last
        this.cache.set(key, cached);
        return cached;
    }
    /** Loads segment `segNo`; errors name the record being read and the page wanted (`position`). */
    async loadSegment(segNo, recordLsn, position, readAhead = false) {
        const start = segNo * this.segSizeBig;
        const { tli, name } = this.locate(start);
        let buf;
        const ahead = this.ahead;
        if (ahead && ahead.segNo === segNo && ahead.tli === tli) {
            this.ahead = null;
            const result = await ahead.result;
            if ('error' in result)
                throw result.error;
            buf = result.buf;
        }
        else {
            buf = await this.source.read(tli, segNo);
        }
        if (readAhead && buf)
            this.readAhead(segNo + 1n);
        if (!buf) {
            const where = this.source.describe ? ` (looked for ${this.source.describe(tli, segNo)})` : '';
            throw new WalReadError('segment-missing', `WAL segment ${name} is not available${where}`, recordLsn, tli, name, position);
        }
        const loaded = {
            tli, segNo, name, buf, start, startHi: Number(start >> 32n), startLo: Number(start & 0xffffffffn),
        };
        this.cache.set(`${tli}/${segNo}`, loaded);
        while (this.cache.size > this.cacheLimit) {
            const oldest = this.cache.keys().next().value;
            this.cache.delete(oldest);
        }
        return loaded;
    }
    /** Starts reading segment `segNo`; loadSegment picks the result up. Errors wait until then. */
    readAhead(segNo) {
        const tli = this.tliOf((segNo + 1n) * this.segSizeBig - 1n);
        if (this.cache.has(`${tli}/${segNo}`) || (this.ahead && this.ahead.segNo === segNo && this.ahead.tli === tli))
            return;
        const ahead = { tli, segNo, settled: false, result: Promise.resolve({ buf: null }) };
        ahead.result = this.source.read(tli, segNo).then((buf) => ((ahead.settled = true), { buf }), (error) => ((ahead.settled = true), { error }));
        this.ahead = ahead;
    }
    /** The validated page at `offset` of `segment`; errors name the record at `recordOffset` of segment `recordSegNo`. */
    pageAt(segment, offset, recordSegNo, recordOffset) {
        const last = this.lastPage;
        if (last && last.segment === segment && last.offset === offset)
            return last;
        return this.validatePage(segment, offset, recordSegNo * this.segSizeBig + BigInt(recordOffset));
    }
    validatePage(segment, offset, recordLsn) {
        const pageAddr = segment.start + BigInt(offset);
        if (segment.buf.length < offset + wal_page_1.XLOG_BLCKSZ) {
            throw new WalReadError('segment-missing', `WAL segment ${segment.name} ends at byte ${segment.buf.length}, before the page at ${(0, lsn_1.formatLsn)(pageAddr)}`, recordLsn, segment.tli, segment.name, pageAddr);
        }
        const header = (0, wal_page_1.parseWalPageHeader)(segment.buf, offset);
        const problem = (0, wal_page_1.walPageHeaderProblem)(header, {
            pageAddr,
            segSize: this.segSize,
            magic: this.magic,
            systemIdentifier: this.systemIdentifier,
        });
        if (problem) {
            throw new WalReadError('invalid-page', `${problem} in the page at ${(0, lsn_1.formatLsn)(pageAddr)} (offset ${offset})`, recordLsn, segment.tli, segment.name, pageAddr);
        }
        if (this.magic === undefined) {
            this.magic = header.magic;
            this.major = header.pgMajor;
        }
        if (this.systemIdentifier === undefined && header.systemIdentifier !== null) {
            this.systemIdentifier = header.systemIdentifier;
        }
        const page = { segment, offset, header, pageAddr };
        this.lastPage = page;
        return page;
    }
    invalidRecord(page, reason, position, recordLsn) {
        const where = page ? { tli: page.segment.tli, name: page.segment.name } : this.locate(position);
        return new WalReadError('invalid-record', reason, recordLsn, where.tli, where.name, position);
    }
    /**
     * ValidXLogRecordHeader for the header at buf[at]: a known rmgr, and a prev-link that fits
     * how we got here (`prevHi:prevLo` exactly, or only lower for random access). The record
     * starts at `offset` of `segment`.
     */
    checkRecordHeader(buf, at, segment, offset, randomAccess, prevHi, prevLo, page) {
        const rmid = buf[at + 17];
        if (!(0, wal_record_1.isValidRmgrId)(rmid)) {
            const lsn = segment.start + BigInt(offset);
            throw this.invalidRecord(page, `invalid resource manager ID ${rmid} at ${(0, lsn_1.formatLsn)(lsn)}`, lsn, lsn);
        }
        const lo = buf.readUInt32LE(at + 8);
        const hi = buf.readUInt32LE(at + 12);
        const lsnHi = segment.startHi;
        const lsnLo = segment.startLo + offset;
        if (randomAccess ? hi > lsnHi || (hi === lsnHi && lo >= lsnLo) : hi !== prevHi || lo !== prevLo) {
            const lsn = segment.start + BigInt(offset);
            throw this.invalidRecord(page, `record with incorrect prev-link ${(0, lsn_1.formatLsn)(lsnOfHalves(hi, lo))} at ${(0, lsn_1.formatLsn)(lsn)}` +
                (randomAccess ? '' : ` (expected ${(0, lsn_1.formatLsn)(lsnOfHalves(prevHi, prevLo))})`), lsn, lsn);
        }
    }
    /** One record as a WalRecord that owns its bytes (or shares the segment buffer, never a reused one). */
    recordFrom(view) {
        let raw;
        if (view.reassembled) {
            raw = Buffer.allocUnsafe(view.totLen);
            view.buf.copy(raw, 0, 0, view.totLen);
        }
        else {
            raw = view.buf.subarray(view.start, view.start + view.totLen);
        }
        const body = (0, wal_record_1.walRecordBodyFrom)(raw, view.blocks);
        return {
            totLen: view.totLen,
            xid: raw.readUInt32LE(4),
            prev: raw.readBigUInt64LE(8),
            info: view.info,
            rmid: view.rmid,
            crc: raw.readUInt32LE(20),
            blocks: body.blocks,
            mainData: body.mainData,
            origin: body.origin,
            toplevelXid: body.toplevelXid,
            fpiLength: body.fpiLength,
            lsn: view.lsn,
            endLsn: view.endLsn,
            tli: view.tli,
            pgMajor: this.major ?? 0,
            rmgrName: (0, wal_record_1.rmgrName)(view.rmid),
            raw,
        };
    }
    /** Reads one record; `expectedPrev` null means random access (xl_prev must only be lower). */
    async readRecord(requested, expectedPrev) {
        const view = this.spareViews.pop() ?? new WalRecordView();
        try {
            let record = null;
            await this.scanRecords(requested, expectedPrev, undefined, 1, view, (v) => {
                record = this.recordFrom(v);
            });
            return record;
        }
        finally {
            view.trimScratch(1 << 20);
            this.spareViews.push(view);
        }
    }
    /**
     * The one loop that reads records, behind every public method, as xlogreader.c reads them:
     * records from `startLsn` (the first with `firstPrev` as its expected xl_prev, null for
     * random access: xl_prev must only be lower), each handed to `onRecord` through `view`,
     * until `maxRecords` were read, the next one starts at or after `endLsn`, or the WAL ends.
     * A WalReadError at the first record is thrown; a later one ends the scan, as readForward
     * documents. Offsets are numbers and LSNs are only made into bigints per segment or page,
     * and pages come from memory without awaiting while their segment is cached.
     */
    async scanRecords(startLsn, firstPrev, endLsn, maxRecords, view, onRecord, readAhead = false) {
        if ((startLsn & 7n) !== 0n) {
            throw this.invalidRecord(null, `${(0, lsn_1.formatLsn)(startLsn)} is not a record boundary (records start at multiples of 8)`, startLsn, startLsn);
        }
        const segSize = this.segSize;
        const segSizeBig = this.segSizeBig;
        // The position of the next record: a segment and an offset in it (segSize = the next segment's start).
        let segNo = startLsn / segSizeBig;
        let off = Number(startLsn - segNo * segSizeBig);
        let seg = null;
        const endSegNo = endLsn === undefined ? -1n : endLsn / segSizeBig;
        const endOff = endLsn === undefined ? 0 : Number(endLsn - endSegNo * segSizeBig);
        // Stop at this offset of the current segment (recomputed when the segment changes).
        const stopOffsetIn = (n) => (endLsn === undefined || n < endSegNo ? Infinity : n > endSegNo ? -1 : endOff);
        let stopOff = stopOffsetIn(segNo);
        // While a read-ahead is under way, the loop lets the event loop run now and then: the read's
        // steps (open, read, close) each wait for it.
        let yieldAt = readAhead ? off + YIELD_BYTES : Infinity;
        let randomAccess = firstPrev === null;
        let prevHi = firstPrev === null ? 0 : Number(firstPrev >> 32n);
        let prevLo = firstPrev === null ? 0 : Number(firstPrev & 0xffffffffn);
        let lastSeg = null;
        let lastOff = 0;
        let count = 0;
        // Reading goes on at an XLOG_OVERWRITE_CONTRECORD in place of a record whose rest was lost.
        let resumed = false;
        for (;;) {
            if (off >= segSize) {
                segNo += 1n;
                off -= segSize;
                seg = null;
                stopOff = stopOffsetIn(segNo);
                if (readAhead)
                    yieldAt = off + YIELD_BYTES;
            }
            if (off >= yieldAt) {
                yieldAt = off + YIELD_BYTES;
                if (this.ahead && !this.ahead.settled)
                    await nextTurn();
            }
            if (!resumed && (off >= stopOff || count >= maxRecords)) {
                return {
                    lsn: segNo * segSizeBig + BigInt(off),
                    lastRecordLsn: lastSeg === null ? null : lastSeg.start + BigInt(lastOff),
                    reason: 'end-lsn',
                    message: '',
                    error: null,
                };
            }
            resumed = false;
            const atSegNo = segNo;
            const atOff = off;
            let recSeg;
            let recOff;
            try {
                seg ??= this.cachedSegment(segNo) ?? (await this.loadSegment(segNo, segNo * segSizeBig + BigInt(off), segNo * segSizeBig + BigInt(off - (off & PAGE_MASK)), readAhead));
                recSeg = seg;
                const pageOff = off - (off & PAGE_MASK);
                const page = this.pageAt(seg, pageOff, segNo, off);
                const headerSize = page.header.headerSize;
                let inPage = off - pageOff;
                if (inPage === 0) {
                    off += headerSize;
                    inPage = headerSize;
                }
                else if (inPage < headerSize) {
                    const lsn = atSegNo * segSizeBig + BigInt(atOff);
                    throw this.invalidRecord(page, `invalid record offset at ${(0, lsn_1.formatLsn)(lsn)}: expected at least ${headerSize}, got ${inPage}`, lsn, lsn);
                }
                recOff = off;
                if (page.header.firstIsContRecord && inPage === headerSize) {
                    const lsn = recSeg.start + BigInt(recOff);
                    throw this.invalidRecord(page, `contrecord is requested by ${(0, lsn_1.formatLsn)(lsn)}: the page starts with the rest of an earlier record`, lsn, lsn);
                }
                const buf = seg.buf;
                const totLen = buf.readUInt32LE(recOff);
                if (totLen < wal_record_1.SIZE_OF_XLOG_RECORD) {
                    const lsn = recSeg.start + BigInt(recOff);
                    throw this.invalidRecord(page, `invalid record length at ${(0, lsn_1.formatLsn)(lsn)}: expected at least ${wal_record_1.SIZE_OF_XLOG_RECORD}, got ${totLen}`, lsn, lsn);
                }
                if (totLen > wal_record_1.XLOG_RECORD_MAX_SIZE) {
                    const lsn = recSeg.start + BigInt(recOff);
                    throw this.invalidRecord(page, `record length ${totLen} at ${(0, lsn_1.formatLsn)(lsn)} too long`, lsn, lsn);
                }
                const onPage = wal_page_1.XLOG_BLCKSZ - inPage;
                if (totLen <= onPage) {
                    this.checkRecordHeader(buf, recOff, recSeg, recOff, randomAccess, prevHi, prevLo, page);
                    view.buf = buf;
                    view.start = recOff;
                    view.reassembled = false;
                    off = recOff + ((totLen + 7) & ~7);
                }
                else {
                    // Check the header before trusting its length with more pages, as xlogreader does.
                    if (onPage >= wal_record_1.SIZE_OF_XLOG_RECORD)
                        this.checkRecordHeader(buf, recOff, recSeg, recOff, randomAccess, prevHi, prevLo, page);
                    const raw = view.scratch(totLen);
                    buf.copy(raw, 0, recOff, recOff + onPage);
                    let got = onPage;
                    let contSeg = seg;
                    let contSegNo = segNo;
                    let contOff = pageOff;
                    let endOfRecord = 0;
                    let overwritten = false;
                    while (got < totLen) {
                        contOff += wal_page_1.XLOG_BLCKSZ;
                        if (contOff >= segSize) {
                            contSegNo += 1n;
                            contOff = 0;
                            contSeg = this.cachedSegment(contSegNo) ?? (await this.loadSegment(contSegNo, recSeg.start + BigInt(recOff), contSegNo * segSizeBig, readAhead));
                        }
                        const cont = this.pageAt(contSeg, contOff, recSeg.segNo, recOff);
                        const h = cont.header;
                        if (!h.firstIsContRecord) {
                            if (h.info & wal_page_1.XLP_FIRST_IS_OVERWRITE_CONTRECORD && !randomAccess) {
                                // The rest of this record was lost in a crash and the server wrote an
                                // XLOG_OVERWRITE_CONTRECORD here instead: reading goes on with that record.
                                overwritten = true;
                                break;
                            }
                            const overwrittenNote = h.info & wal_page_1.XLP_FIRST_IS_OVERWRITE_CONTRECORD ? ' (the record was overwritten by XLOG_OVERWRITE_CONTRECORD)' : '';
                            throw this.invalidRecord(cont, `there is no contrecord flag at ${(0, lsn_1.formatLsn)(cont.pageAddr)}${overwrittenNote}`, cont.pageAddr, recSeg.start + BigInt(recOff));
                        }
                        if (h.remLen === 0 || h.remLen !== totLen - got) {
                            throw this.invalidRecord(cont, `invalid contrecord length ${h.remLen} (expected ${totLen - got}) at ${(0, lsn_1.formatLsn)(cont.pageAddr)}`, cont.pageAddr, recSeg.start + BigInt(recOff));
                        }
                        const n = Math.min(wal_page_1.XLOG_BLCKSZ - h.headerSize, totLen - got);
                        const from = contOff + h.headerSize;
                        contSeg.buf.copy(raw, got, from, from + n);
                        const hadHeader = got >= wal_record_1.SIZE_OF_XLOG_RECORD;
                        got += n;
                        if (!hadHeader && got >= wal_record_1.SIZE_OF_XLOG_RECORD)
                            this.checkRecordHeader(raw, 0, recSeg, recOff, randomAccess, prevHi, prevLo, cont);
                        endOfRecord = from + ((n + 7) & ~7);
                    }
                    if (contSegNo !== segNo) {
                        stopOff = stopOffsetIn(contSegNo);
                        if (readAhead)
                            yieldAt = YIELD_BYTES;
                    }
                    seg = contSeg;
                    segNo = contSegNo;
                    if (overwritten) {
                        off = contOff;
                        resumed = true;
                        continue;
                    }
                    off = endOfRecord;
                    view.buf = raw;
                    view.start = 0;
                    view.reassembled = true;
                }
                const rb = view.buf;
                const rs = view.start;
                if ((0, wal_record_1.computeWalRecordCrcAt)(rb, rs, totLen) !== rb.readUInt32LE(rs + 20)) {
                    const lsn = recSeg.start + BigInt(recOff);
                    throw this.invalidRecord(page, `incorrect resource manager data checksum in record at ${(0, lsn_1.formatLsn)(lsn)}`, lsn, lsn);
                }
                try {
                    (0, wal_record_1.decodeWalBlockHeaders)(rb, rs, totLen, view.blocks);
                }
                catch (err) {
                    if (!(err instanceof wal_record_1.WalRecordFormatError))
                        throw err;
                    const lsn = recSeg.start + BigInt(recOff);
                    throw this.invalidRecord(page, `${err.message} in record at ${(0, lsn_1.formatLsn)(lsn)}`, lsn, lsn);
                }
                const info = rb[rs + 16];
                const rmid = rb[rs + 17];
                // After XLOG_SWITCH the rest of the segment is unused: the next record starts the next segment.
                if (rmid === wal_record_1.RM_XLOG_ID && (info & wal_record_1.XLR_RMGR_INFO_MASK) === wal_record_1.XLOG_SWITCH && off > 0)
                    off = segSize;
                view.totLen = totLen;
                view.info = info;
                view.rmid = rmid;
                view.tli = recSeg.tli;
                view.recordSegStart = recSeg.start;
                view.recordOffset = recOff;
                view.endSegStart = seg.start;
                view.endOffset = off;
            }
            catch (err) {
                if (!(err instanceof WalReadError) || count === 0)
                    throw err;
                return {
                    lsn: atSegNo * segSizeBig + BigInt(atOff),
                    lastRecordLsn: lastSeg === null ? null : lastSeg.start + BigInt(lastOff),
                    reason: err.kind,
                    message: err.message,
                    error: err,
                };
            }
            prevHi = recSeg.startHi;
            prevLo = recSeg.startLo + recOff;
            randomAccess = false;
            lastSeg = recSeg;
            lastOff = recOff;
            count++;
            onRecord(view);
        }
    }
}
exports.WalReader = WalReader;


/***/ }),

/***/ 1251:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

/**
 * WAL records (access/xlogrecord.h) for PostgreSQL 15-18: the fixed XLogRecord header, the
 * generic body (block references, main data) as DecodeXLogRecord reads it, the CRC check
 * of ValidXLogRecord, and decoders for the few record types the engine needs (checkpoints,
 * end of recovery, switch, commit/abort, smgr, dbase). Pure functions over Buffers.
 *
 * Layout of one record, nothing aligned after the header:
 *   XLogRecord (24) | block headers ... | main data header | block images/data ... | main data
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.XLOG_NEXTOID = exports.XLOG_NOOP = exports.XLOG_CHECKPOINT_ONLINE = exports.XLOG_CHECKPOINT_SHUTDOWN = exports.RMGR_NAMES = exports.RM_MIN_CUSTOM_ID = exports.RM_MAX_BUILTIN_ID = exports.RM_LOGICALMSG_ID = exports.RM_GENERIC_ID = exports.RM_REPLORIGIN_ID = exports.RM_COMMIT_TS_ID = exports.RM_BRIN_ID = exports.RM_SPGIST_ID = exports.RM_SEQ_ID = exports.RM_GIST_ID = exports.RM_GIN_ID = exports.RM_HASH_ID = exports.RM_BTREE_ID = exports.RM_HEAP_ID = exports.RM_HEAP2_ID = exports.RM_STANDBY_ID = exports.RM_RELMAP_ID = exports.RM_MULTIXACT_ID = exports.RM_TBLSPC_ID = exports.RM_DBASE_ID = exports.RM_CLOG_ID = exports.RM_SMGR_ID = exports.RM_XACT_ID = exports.RM_XLOG_ID = exports.BKPIMAGE_COMPRESS_ZSTD = exports.BKPIMAGE_COMPRESS_LZ4 = exports.BKPIMAGE_COMPRESS_PGLZ = exports.BKPIMAGE_APPLY = exports.BKPIMAGE_HAS_HOLE = exports.BKPBLOCK_SAME_REL = exports.BKPBLOCK_WILL_INIT = exports.BKPBLOCK_HAS_DATA = exports.BKPBLOCK_HAS_IMAGE = exports.BKPBLOCK_FORK_MASK = exports.XLR_BLOCK_ID_TOPLEVEL_XID = exports.XLR_BLOCK_ID_ORIGIN = exports.XLR_BLOCK_ID_DATA_LONG = exports.XLR_BLOCK_ID_DATA_SHORT = exports.XLR_MAX_BLOCK_ID = exports.XLR_CHECK_CONSISTENCY = exports.XLR_SPECIAL_REL_UPDATE = exports.XLR_RMGR_INFO_MASK = exports.XLR_INFO_MASK = exports.XLOG_RECORD_MAX_SIZE = exports.SIZE_OF_XLOG_RECORD = void 0;
exports.decodeCheckPoint = exports.SIZE_OF_CHECKPOINT = exports.WalBlockHeaders = exports.WalRecordFormatError = exports.FORK_NAMES = exports.XLOG_TBLSPC_DROP = exports.XLOG_TBLSPC_CREATE = exports.XLOG_DBASE_DROP = exports.XLOG_DBASE_CREATE_WAL_LOG = exports.XLOG_DBASE_CREATE_FILE_COPY = exports.SMGR_TRUNCATE_FSM = exports.SMGR_TRUNCATE_VM = exports.SMGR_TRUNCATE_HEAP = exports.XLOG_SMGR_TRUNCATE = exports.XLOG_SMGR_CREATE = exports.XACT_XINFO_HAS_DROPPED_STATS = exports.XACT_XINFO_HAS_GID = exports.XACT_XINFO_HAS_AE_LOCKS = exports.XACT_XINFO_HAS_ORIGIN = exports.XACT_XINFO_HAS_TWOPHASE = exports.XACT_XINFO_HAS_INVALS = exports.XACT_XINFO_HAS_RELFILELOCATORS = exports.XACT_XINFO_HAS_SUBXACTS = exports.XACT_XINFO_HAS_DBINFO = exports.XLOG_XACT_HAS_INFO = exports.XLOG_XACT_INVALIDATIONS = exports.XLOG_XACT_ASSIGNMENT = exports.XLOG_XACT_ABORT_PREPARED = exports.XLOG_XACT_COMMIT_PREPARED = exports.XLOG_XACT_ABORT = exports.XLOG_XACT_PREPARE = exports.XLOG_XACT_COMMIT = exports.XLOG_XACT_OPMASK = exports.XLOG_CHECKPOINT_REDO = exports.XLOG_OVERWRITE_CONTRECORD = exports.XLOG_FPI = exports.XLOG_FPI_FOR_HINT = exports.XLOG_END_OF_RECOVERY = exports.XLOG_FPW_CHANGE = exports.XLOG_RESTORE_POINT = exports.XLOG_PARAMETER_CHANGE = exports.XLOG_BACKUP_END = exports.XLOG_SWITCH = void 0;
exports.rmgrName = rmgrName;
exports.isValidRmgrId = isValidRmgrId;
exports.forkName = forkName;
exports.parseWalRecordHeader = parseWalRecordHeader;
exports.computeWalRecordCrc = computeWalRecordCrc;
exports.computeWalRecordCrcAt = computeWalRecordCrcAt;
exports.walRecordCrcMatches = walRecordCrcMatches;
exports.decodeWalBlockHeaders = decodeWalBlockHeaders;
exports.walRecordBodyFrom = walRecordBodyFrom;
exports.decodeWalRecordBody = decodeWalRecordBody;
exports.rmgrInfo = rmgrInfo;
exports.isCheckpointRecord = isCheckpointRecord;
exports.isSwitchRecord = isSwitchRecord;
exports.decodeEndOfRecovery = decodeEndOfRecovery;
exports.decodeOverwriteContrecord = decodeOverwriteContrecord;
exports.timestampTzToDate = timestampTzToDate;
exports.formatTimestampTz = formatTimestampTz;
exports.xactOpcode = xactOpcode;
exports.isXactCompletionRecord = isXactCompletionRecord;
exports.decodeXactCompletion = decodeXactCompletion;
exports.decodeSmgrCreate = decodeSmgrCreate;
exports.decodeSmgrTruncate = decodeSmgrTruncate;
exports.decodeDbase = decodeDbase;
exports.decodeTblspc = decodeTblspc;
const crc32c_1 = __nccwpck_require__(9028);
const wal_crc_1 = __nccwpck_require__(9422);
const wal_page_1 = __nccwpck_require__(5825);
/** sizeof the fixed header: offsetof(xl_crc) + 4. */
exports.SIZE_OF_XLOG_RECORD = 24;
/** Largest record a reader accepts (XLogRecordMaxSize, 16+; 15 is bounded by allocation). */
exports.XLOG_RECORD_MAX_SIZE = 1020 * 1024 * 1024;
/** Low 4 bits of xl_info are generic flags; the high 4 belong to the rmgr. */
exports.XLR_INFO_MASK = 0x0f;
exports.XLR_RMGR_INFO_MASK = 0xf0;
exports.XLR_SPECIAL_REL_UPDATE = 0x01;
exports.XLR_CHECK_CONSISTENCY = 0x02;
exports.XLR_MAX_BLOCK_ID = 32;
exports.XLR_BLOCK_ID_DATA_SHORT = 255;
exports.XLR_BLOCK_ID_DATA_LONG = 254;
exports.XLR_BLOCK_ID_ORIGIN = 253;
exports.XLR_BLOCK_ID_TOPLEVEL_XID = 252;
exports.BKPBLOCK_FORK_MASK = 0x0f;
exports.BKPBLOCK_HAS_IMAGE = 0x10;
exports.BKPBLOCK_HAS_DATA = 0x20;
exports.BKPBLOCK_WILL_INIT = 0x40;
exports.BKPBLOCK_SAME_REL = 0x80;
// bimg_info, 15+ (14 and older used 0x02 for "compressed" and 0x04 for "apply").
exports.BKPIMAGE_HAS_HOLE = 0x01;
exports.BKPIMAGE_APPLY = 0x02;
exports.BKPIMAGE_COMPRESS_PGLZ = 0x04;
exports.BKPIMAGE_COMPRESS_LZ4 = 0x08;
exports.BKPIMAGE_COMPRESS_ZSTD = 0x10;
// Resource manager IDs (access/rmgrlist.h; the same list in 15-18).
exports.RM_XLOG_ID = 0;
exports.RM_XACT_ID = 1;
exports.RM_SMGR_ID = 2;
exports.RM_CLOG_ID = 3;
exports.RM_DBASE_ID = 4;
exports.RM_TBLSPC_ID = 5;
exports.RM_MULTIXACT_ID = 6;
exports.RM_RELMAP_ID = 7;
exports.RM_STANDBY_ID = 8;
exports.RM_HEAP2_ID = 9;
exports.RM_HEAP_ID = 10;
exports.RM_BTREE_ID = 11;
exports.RM_HASH_ID = 12;
exports.RM_GIN_ID = 13;
exports.RM_GIST_ID = 14;
exports.RM_SEQ_ID = 15;
exports.RM_SPGIST_ID = 16;
exports.RM_BRIN_ID = 17;
exports.RM_COMMIT_TS_ID = 18;
exports.RM_REPLORIGIN_ID = 19;
exports.RM_GENERIC_ID = 20;
exports.RM_LOGICALMSG_ID = 21;
exports.RM_MAX_BUILTIN_ID = exports.RM_LOGICALMSG_ID;
/** Custom (extension) resource managers use 128-255 (15+). */
exports.RM_MIN_CUSTOM_ID = 128;
/** Names as pg_waldump --rmgr=list and pg_walinspect print them, indexed by rmgr ID. */
exports.RMGR_NAMES = [
    'XLOG',
    'Transaction',
    'Storage',
    'CLOG',
    'Database',
    'Tablespace',
    'MultiXact',
    'RelMap',
    'Standby',
    'Heap2',
    'Heap',
    'Btree',
    'Hash',
    'Gin',
    'Gist',
    'Sequence',
    'SPGist',
    'BRIN',
    'CommitTs',
    'ReplicationOrigin',
    'Generic',
    'LogicalMessage',
];
function rmgrName(rmid) {
    if (rmid <= exports.RM_MAX_BUILTIN_ID)
        return exports.RMGR_NAMES[rmid];
    return rmid >= exports.RM_MIN_CUSTOM_ID ? `custom${String(rmid).padStart(3, '0')}` : `unknown${rmid}`;
}
/** RmgrIdIsValid: built-in or custom. */
function isValidRmgrId(rmid) {
    return rmid <= exports.RM_MAX_BUILTIN_ID || (rmid >= exports.RM_MIN_CUSTOM_ID && rmid <= 255);
}
// XLOG rmgr info values (catalog/pg_control.h).
exports.XLOG_CHECKPOINT_SHUTDOWN = 0x00;
exports.XLOG_CHECKPOINT_ONLINE = 0x10;
exports.XLOG_NOOP = 0x20;
exports.XLOG_NEXTOID = 0x30;
exports.XLOG_SWITCH = 0x40;
exports.XLOG_BACKUP_END = 0x50;
exports.XLOG_PARAMETER_CHANGE = 0x60;
exports.XLOG_RESTORE_POINT = 0x70;
exports.XLOG_FPW_CHANGE = 0x80;
exports.XLOG_END_OF_RECOVERY = 0x90;
exports.XLOG_FPI_FOR_HINT = 0xa0;
exports.XLOG_FPI = 0xb0;
exports.XLOG_OVERWRITE_CONTRECORD = 0xd0;
/** 17+: marks the redo point of an online checkpoint. */
exports.XLOG_CHECKPOINT_REDO = 0xe0;
// Transaction rmgr (access/xact.h).
exports.XLOG_XACT_OPMASK = 0x70;
exports.XLOG_XACT_COMMIT = 0x00;
exports.XLOG_XACT_PREPARE = 0x10;
exports.XLOG_XACT_ABORT = 0x20;
exports.XLOG_XACT_COMMIT_PREPARED = 0x30;
exports.XLOG_XACT_ABORT_PREPARED = 0x40;
exports.XLOG_XACT_ASSIGNMENT = 0x50;
exports.XLOG_XACT_INVALIDATIONS = 0x60;
exports.XLOG_XACT_HAS_INFO = 0x80;
exports.XACT_XINFO_HAS_DBINFO = 1 << 0;
exports.XACT_XINFO_HAS_SUBXACTS = 1 << 1;
exports.XACT_XINFO_HAS_RELFILELOCATORS = 1 << 2;
exports.XACT_XINFO_HAS_INVALS = 1 << 3;
exports.XACT_XINFO_HAS_TWOPHASE = 1 << 4;
exports.XACT_XINFO_HAS_ORIGIN = 1 << 5;
exports.XACT_XINFO_HAS_AE_LOCKS = 1 << 6;
exports.XACT_XINFO_HAS_GID = 1 << 7;
exports.XACT_XINFO_HAS_DROPPED_STATS = 1 << 8;
// Storage rmgr (catalog/storage_xlog.h).
exports.XLOG_SMGR_CREATE = 0x10;
exports.XLOG_SMGR_TRUNCATE = 0x20;
exports.SMGR_TRUNCATE_HEAP = 0x0001;
exports.SMGR_TRUNCATE_VM = 0x0002;
exports.SMGR_TRUNCATE_FSM = 0x0004;
// Database rmgr (commands/dbcommands_xlog.h, 15+).
exports.XLOG_DBASE_CREATE_FILE_COPY = 0x00;
exports.XLOG_DBASE_CREATE_WAL_LOG = 0x10;
exports.XLOG_DBASE_DROP = 0x20;
// Tablespace rmgr (commands/tablespace.h).
exports.XLOG_TBLSPC_CREATE = 0x00;
exports.XLOG_TBLSPC_DROP = 0x10;
/** ForkNumber names as relpath() and pg_waldump print them. */
exports.FORK_NAMES = ['main', 'fsm', 'vm', 'init'];
function forkName(fork) {
    return exports.FORK_NAMES[fork] ?? `fork${fork}`;
}
/** A malformed record body: the bytes passed the CRC but do not parse. */
class WalRecordFormatError extends Error {
}
exports.WalRecordFormatError = WalRecordFormatError;
function parseWalRecordHeader(buf, offset = 0) {
    return {
        totLen: buf.readUInt32LE(offset),
        xid: buf.readUInt32LE(offset + 4),
        prev: buf.readBigUInt64LE(offset + 8),
        info: buf[offset + 16],
        rmid: buf[offset + 17],
        crc: buf.readUInt32LE(offset + 20),
    };
}
/** The CRC PostgreSQL stores in xl_crc: the body after the header first, then the header up to xl_crc. */
function computeWalRecordCrc(record) {
    return computeWalRecordCrcAt(record, 0, record.length);
}
/** computeWalRecordCrc for the record at buf[start, start + totLen), without a copy. */
function computeWalRecordCrcAt(buf, start, totLen) {
    let crc = (0, wal_crc_1.crc32cUpdateWords)(crc32c_1.CRC32C_INIT, buf, start + exports.SIZE_OF_XLOG_RECORD, start + totLen);
    crc = (0, crc32c_1.crc32cUpdate)(crc, buf, start, start + 20);
    return (0, crc32c_1.crc32cFinish)(crc);
}
/** Whether the whole record (`record.length` = xl_tot_len) matches its xl_crc (ValidXLogRecord). */
function walRecordCrcMatches(record) {
    return computeWalRecordCrc(record) === record.readUInt32LE(20);
}
/** Most block references one record holds: ids 0..XLR_MAX_BLOCK_ID, each at most once. */
const MAX_BLOCK_REFS = exports.XLR_MAX_BLOCK_ID + 1;
/**
 * A record's block headers in flat arrays, as decodeWalBlockHeaders fills them. One instance is
 * reused from record to record, so a scan of millions of records allocates nothing per record;
 * entries [0, count) are valid until the next decode.
 */
class WalBlockHeaders {
    count = 0;
    id = new Uint8Array(MAX_BLOCK_REFS);
    /** fork_flags as stored: the fork number in the low 4 bits, BKPBLOCK_* above. */
    flags = new Uint8Array(MAX_BLOCK_REFS);
    spcOid = new Uint32Array(MAX_BLOCK_REFS);
    dbOid = new Uint32Array(MAX_BLOCK_REFS);
    relNumber = new Uint32Array(MAX_BLOCK_REFS);
    blockNo = new Uint32Array(MAX_BLOCK_REFS);
    dataLength = new Uint16Array(MAX_BLOCK_REFS);
    // Image fields: meaningful only when flags has BKPBLOCK_HAS_IMAGE.
    imageLength = new Uint16Array(MAX_BLOCK_REFS);
    holeOffset = new Uint16Array(MAX_BLOCK_REFS);
    holeLength = new Uint16Array(MAX_BLOCK_REFS);
    bimgInfo = new Uint8Array(MAX_BLOCK_REFS);
    mainDataLength = 0;
    origin = null;
    toplevelXid = null;
    fpiLength = 0;
    /** Offset from the record start of the first payload byte: each block's image and data, then the main data. */
    payloadOffset = 0;
}
exports.WalBlockHeaders = WalBlockHeaders;
function imageCompression(bimgInfo) {
    if (bimgInfo & exports.BKPIMAGE_COMPRESS_PGLZ)
        return 'pglz';
    if (bimgInfo & exports.BKPIMAGE_COMPRESS_LZ4)
        return 'lz4';
    if (bimgInfo & exports.BKPIMAGE_COMPRESS_ZSTD)
        return 'zstd';
    return 'none';
}
function tooShort(what, bytes, pos) {
    return new WalRecordFormatError(`record is too short: ${what} needs ${bytes} bytes at offset ${pos}`);
}
/**
 * Reads the headers of the record at buf[start, start + totLen) into `out`, with every check of
 * DecodeXLogRecord, but copies and allocates nothing: payloads are only located. Throws
 * WalRecordFormatError on bad input.
 */
function decodeWalBlockHeaders(buf, start, totLen, out) {
    let pos = exports.SIZE_OF_XLOG_RECORD; // relative to start
    let dataTotal = 0;
    let count = 0;
    let maxBlockId = -1;
    out.mainDataLength = 0;
    out.origin = null;
    out.toplevelXid = null;
    out.fpiLength = 0;
    while (totLen - pos > dataTotal) {
        if (pos + 1 > totLen)
            throw tooShort('block id', 1, pos);
        const blockId = buf[start + pos++];
        if (blockId === exports.XLR_BLOCK_ID_DATA_SHORT) {
            if (pos + 1 > totLen)
                throw tooShort('main data length', 1, pos);
            out.mainDataLength = buf[start + pos++];
            dataTotal += out.mainDataLength;
            break; // the main data header is always last
        }
        else if (blockId === exports.XLR_BLOCK_ID_DATA_LONG) {
            if (pos + 4 > totLen)
                throw tooShort('main data length', 4, pos);
            out.mainDataLength = buf.readUInt32LE(start + pos);
            pos += 4;
            dataTotal += out.mainDataLength;
            break;
        }
        else if (blockId === exports.XLR_BLOCK_ID_ORIGIN) {
            if (pos + 2 > totLen)
                throw tooShort('origin', 2, pos);
            out.origin = buf.readUInt16LE(start + pos);
            pos += 2;
        }
        else if (blockId === exports.XLR_BLOCK_ID_TOPLEVEL_XID) {
            if (pos + 4 > totLen)
                throw tooShort('top-level xid', 4, pos);
            out.toplevelXid = buf.readUInt32LE(start + pos);
            pos += 4;
        }
        else if (blockId <= exports.XLR_MAX_BLOCK_ID) {
            if (blockId <= maxBlockId) {
                throw new WalRecordFormatError(`out-of-order block_id ${blockId}`);
            }
            maxBlockId = blockId;
            if (pos + 3 > totLen)
                throw tooShort('block header', 3, pos);
            const flags = buf[start + pos];
            const dataLength = buf.readUInt16LE(start + pos + 1);
            pos += 3;
            const hasData = (flags & exports.BKPBLOCK_HAS_DATA) !== 0;
            if (hasData && dataLength === 0) {
                throw new WalRecordFormatError(`BKPBLOCK_HAS_DATA set, but no data included (block ${blockId})`);
            }
            if (!hasData && dataLength !== 0) {
                throw new WalRecordFormatError(`BKPBLOCK_HAS_DATA not set, but data length is ${dataLength} (block ${blockId})`);
            }
            dataTotal += dataLength;
            if (flags & exports.BKPBLOCK_HAS_IMAGE) {
                if (pos + 5 > totLen)
                    throw tooShort('block image header', 5, pos);
                const length = buf.readUInt16LE(start + pos);
                const holeOffset = buf.readUInt16LE(start + pos + 2);
                const bimgInfo = buf[start + pos + 4];
                pos += 5;
                const compressed = (bimgInfo & (exports.BKPIMAGE_COMPRESS_PGLZ | exports.BKPIMAGE_COMPRESS_LZ4 | exports.BKPIMAGE_COMPRESS_ZSTD)) !== 0;
                const hasHole = (bimgInfo & exports.BKPIMAGE_HAS_HOLE) !== 0;
                let holeLength = 0;
                if (hasHole && compressed) {
                    if (pos + 2 > totLen)
                        throw tooShort('compressed image hole length', 2, pos);
                    holeLength = buf.readUInt16LE(start + pos);
                    pos += 2;
                }
                else if (hasHole) {
                    holeLength = wal_page_1.XLOG_BLCKSZ - length;
                }
                if (hasHole && (holeOffset === 0 || holeLength === 0 || length === wal_page_1.XLOG_BLCKSZ)) {
                    throw new WalRecordFormatError(`BKPIMAGE_HAS_HOLE set, but hole offset ${holeOffset} length ${holeLength} block image length ${length}`);
                }
                if (!hasHole && (holeOffset !== 0 || holeLength !== 0)) {
                    throw new WalRecordFormatError(`BKPIMAGE_HAS_HOLE not set, but hole offset ${holeOffset}`);
                }
                if (compressed && length === wal_page_1.XLOG_BLCKSZ) {
                    throw new WalRecordFormatError(`BKPIMAGE_COMPRESSED set, but block image length ${length}`);
                }
                if (!hasHole && !compressed && length !== wal_page_1.XLOG_BLCKSZ) {
                    throw new WalRecordFormatError(`neither BKPIMAGE_HAS_HOLE nor BKPIMAGE_COMPRESSED set, but block image length is ${length}`);
                }
                dataTotal += length;
                out.fpiLength += length;
                out.imageLength[count] = length;
                out.holeOffset[count] = holeOffset;
                out.holeLength[count] = holeLength;
                out.bimgInfo[count] = bimgInfo;
            }
            if (flags & exports.BKPBLOCK_SAME_REL) {
                if (count === 0) {
                    throw new WalRecordFormatError(`BKPBLOCK_SAME_REL set but no previous rel (block ${blockId})`);
                }
                out.spcOid[count] = out.spcOid[count - 1];
                out.dbOid[count] = out.dbOid[count - 1];
                out.relNumber[count] = out.relNumber[count - 1];
            }
            else {
                if (pos + 12 > totLen)
                    throw tooShort('relation', 12, pos);
                out.spcOid[count] = buf.readUInt32LE(start + pos);
                out.dbOid[count] = buf.readUInt32LE(start + pos + 4);
                out.relNumber[count] = buf.readUInt32LE(start + pos + 8);
                pos += 12;
            }
            if (pos + 4 > totLen)
                throw tooShort('block number', 4, pos);
            out.blockNo[count] = buf.readUInt32LE(start + pos);
            pos += 4;
            out.id[count] = blockId;
            out.flags[count] = flags;
            out.dataLength[count] = dataLength;
            count++;
        }
        else {
            throw new WalRecordFormatError(`invalid block_id ${blockId}`);
        }
    }
    if (totLen - pos !== dataTotal) {
        throw new WalRecordFormatError(`record length does not add up: ${totLen - pos} bytes after the headers, ${dataTotal} announced`);
    }
    out.count = count;
    out.payloadOffset = pos;
}
/** Builds the object form of a body from its decoded headers; `record` is the whole record (from offset 0). */
function walRecordBodyFrom(record, headers) {
    const h = headers;
    let pos = h.payloadOffset;
    const blocks = [];
    let rel = null;
    for (let i = 0; i < h.count; i++) {
        const flags = h.flags[i];
        // Blocks of BKPBLOCK_SAME_REL share their locator object, as the stored record shares it.
        if (!rel || !(flags & exports.BKPBLOCK_SAME_REL))
            rel = { spcOid: h.spcOid[i], dbOid: h.dbOid[i], relNumber: h.relNumber[i] };
        let image = null;
        if (flags & exports.BKPBLOCK_HAS_IMAGE) {
            const length = h.imageLength[i];
            const bimgInfo = h.bimgInfo[i];
            image = {
                length,
                holeOffset: h.holeOffset[i],
                holeLength: h.holeLength[i],
                bimgInfo,
                apply: (bimgInfo & exports.BKPIMAGE_APPLY) !== 0,
                compression: imageCompression(bimgInfo),
                data: record.subarray(pos, pos + length),
            };
            pos += length;
        }
        const data = record.subarray(pos, pos + h.dataLength[i]);
        pos += h.dataLength[i];
        blocks.push({
            id: h.id[i],
            forkNumber: flags & exports.BKPBLOCK_FORK_MASK,
            flags,
            rel,
            blockNo: h.blockNo[i],
            willInit: (flags & exports.BKPBLOCK_WILL_INIT) !== 0,
            image,
            data,
        });
    }
    const mainData = record.subarray(pos, pos + h.mainDataLength);
    return { blocks, mainData, origin: h.origin, toplevelXid: h.toplevelXid, fpiLength: h.fpiLength };
}
// decodeWalRecordBody is synchronous and copies everything out before returning: one scratch suffices.
const scratchHeaders = new WalBlockHeaders();
/**
 * Splits a whole record (header included, length xl_tot_len) into block references and
 * main data, with DecodeXLogRecord's checks. Throws WalRecordFormatError on bad input.
 */
function decodeWalRecordBody(record) {
    decodeWalBlockHeaders(record, 0, record.length, scratchHeaders);
    return walRecordBodyFrom(record, scratchHeaders);
}
// ---------------------------------------------------------------- record types
/** The record's rmgr-specific info bits (xl_info & XLR_RMGR_INFO_MASK). */
function rmgrInfo(header) {
    return header.info & exports.XLR_RMGR_INFO_MASK;
}
function isCheckpointRecord(header) {
    const info = rmgrInfo(header);
    return header.rmid === exports.RM_XLOG_ID && (info === exports.XLOG_CHECKPOINT_SHUTDOWN || info === exports.XLOG_CHECKPOINT_ONLINE);
}
function isSwitchRecord(header) {
    return header.rmid === exports.RM_XLOG_ID && rmgrInfo(header) === exports.XLOG_SWITCH;
}
/** Size of CheckPoint in 15-18: 17 put wal_level into padding, so nothing moved. */
var checkpoint_1 = __nccwpck_require__(3619);
Object.defineProperty(exports, "SIZE_OF_CHECKPOINT", ({ enumerable: true, get: function () { return checkpoint_1.SIZE_OF_CHECKPOINT; } }));
Object.defineProperty(exports, "decodeCheckPoint", ({ enumerable: true, get: function () { return checkpoint_1.decodeCheckPoint; } }));
function decodeEndOfRecovery(mainData, pgMajor) {
    const size = pgMajor >= 17 ? 20 : 16;
    if (mainData.length < size) {
        throw new WalRecordFormatError(`end-of-recovery record data is ${mainData.length} bytes, expected ${size}`);
    }
    return {
        endTime: mainData.readBigInt64LE(0),
        timeline: mainData.readUInt32LE(8),
        prevTimeline: mainData.readUInt32LE(12),
        walLevel: pgMajor >= 17 ? mainData.readInt32LE(16) : null,
    };
}
function decodeOverwriteContrecord(mainData) {
    if (mainData.length < 16) {
        throw new WalRecordFormatError(`overwrite-contrecord record data is ${mainData.length} bytes, expected 16`);
    }
    return { overwrittenLsn: mainData.readBigUInt64LE(0), overwriteTime: mainData.readBigInt64LE(8) };
}
/** Microseconds between the Unix epoch and PostgreSQL's (2000-01-01 UTC). */
const PG_EPOCH_OFFSET_US = 946684800000000n;
/** A TimestampTz (µs since 2000-01-01 UTC) as a Date (millisecond precision). */
function timestampTzToDate(timestampUs) {
    return new Date(Number((timestampUs + PG_EPOCH_OFFSET_US) / 1000n));
}
/** A TimestampTz as ISO 8601 UTC text with all six fractional digits. */
function formatTimestampTz(timestampUs) {
    const unixUs = timestampUs + PG_EPOCH_OFFSET_US;
    const floorMs = unixUs >= 0n ? unixUs / 1000n : (unixUs - 999n) / 1000n;
    const micros = Number(unixUs - floorMs * 1000n);
    const iso = new Date(Number(floorMs)).toISOString(); // 2026-11-25T10:33:19.363Z
    return `${iso.slice(0, 23)}${String(micros).padStart(3, '0')}Z`;
}
/** The xact opcode of a transaction record (xl_info & XLOG_XACT_OPMASK). */
function xactOpcode(header) {
    return header.info & exports.XLOG_XACT_OPMASK;
}
/** True for commit, commit-prepared, abort and abort-prepared records. */
function isXactCompletionRecord(header) {
    if (header.rmid !== exports.RM_XACT_ID)
        return false;
    const op = xactOpcode(header);
    return (op === exports.XLOG_XACT_COMMIT ||
        op === exports.XLOG_XACT_COMMIT_PREPARED ||
        op === exports.XLOG_XACT_ABORT ||
        op === exports.XLOG_XACT_ABORT_PREPARED);
}
/**
 * Parses a commit or abort record's main data (ParseCommitRecord / ParseAbortRecord). The
 * dropped-stats item is 12 bytes in 15-17 and 16 bytes in 18 (64-bit object IDs).
 */
function decodeXactCompletion(header, mainData, pgMajor) {
    if (!isXactCompletionRecord(header)) {
        throw new WalRecordFormatError(`not a commit or abort record (rmid ${header.rmid}, info 0x${header.info.toString(16)})`);
    }
    const op = xactOpcode(header);
    const isCommit = op === exports.XLOG_XACT_COMMIT || op === exports.XLOG_XACT_COMMIT_PREPARED;
    const d = mainData;
    let pos = 0;
    const need = (bytes, what) => {
        if (pos + bytes > d.length) {
            throw new WalRecordFormatError(`${isCommit ? 'commit' : 'abort'} record too short for ${what}`);
        }
    };
    need(8, 'xact_time');
    const xactTime = d.readBigInt64LE(0);
    pos = 8;
    let xinfo = 0;
    if (header.info & exports.XLOG_XACT_HAS_INFO) {
        need(4, 'xinfo');
        xinfo = d.readUInt32LE(pos);
        pos += 4;
    }
    const result = {
        kind: isCommit ? 'commit' : 'abort',
        prepared: op === exports.XLOG_XACT_COMMIT_PREPARED || op === exports.XLOG_XACT_ABORT_PREPARED,
        xactTime,
        xinfo,
        dbOid: null,
        tsOid: null,
        subxacts: [],
        droppedRelations: [],
        droppedStatsCount: 0,
        invalidationCount: 0,
        twophaseXid: null,
        gid: null,
        originLsn: null,
        originTimestamp: null,
        parsedLength: 0,
    };
    if (xinfo & exports.XACT_XINFO_HAS_DBINFO) {
        need(8, 'dbinfo');
        result.dbOid = d.readUInt32LE(pos);
        result.tsOid = d.readUInt32LE(pos + 4);
        pos += 8;
    }
    if (xinfo & exports.XACT_XINFO_HAS_SUBXACTS) {
        need(4, 'subtransaction count');
        const n = d.readInt32LE(pos);
        pos += 4;
        need(4 * n, 'subtransactions');
        for (let i = 0; i < n; i++)
            result.subxacts.push(d.readUInt32LE(pos + 4 * i));
        pos += 4 * n;
    }
    if (xinfo & exports.XACT_XINFO_HAS_RELFILELOCATORS) {
        need(4, 'relation count');
        const n = d.readInt32LE(pos);
        pos += 4;
        need(12 * n, 'relations');
        for (let i = 0; i < n; i++) {
            const at = pos + 12 * i;
            result.droppedRelations.push({ spcOid: d.readUInt32LE(at), dbOid: d.readUInt32LE(at + 4), relNumber: d.readUInt32LE(at + 8) });
        }
        pos += 12 * n;
    }
    if (xinfo & exports.XACT_XINFO_HAS_DROPPED_STATS) {
        need(4, 'dropped stats count');
        const n = d.readInt32LE(pos);
        pos += 4;
        const itemSize = pgMajor >= 18 ? 16 : 12;
        need(itemSize * n, 'dropped stats');
        result.droppedStatsCount = n;
        pos += itemSize * n;
    }
    if (isCommit && xinfo & exports.XACT_XINFO_HAS_INVALS) {
        need(4, 'invalidation count');
        const n = d.readInt32LE(pos);
        pos += 4;
        need(16 * n, 'invalidation messages'); // sizeof(SharedInvalidationMessage)
        result.invalidationCount = n;
        pos += 16 * n;
    }
    if (xinfo & exports.XACT_XINFO_HAS_TWOPHASE) {
        need(4, 'prepared xid');
        result.twophaseXid = d.readUInt32LE(pos);
        pos += 4;
        if (xinfo & exports.XACT_XINFO_HAS_GID) {
            const nul = d.indexOf(0, pos);
            if (nul < 0)
                throw new WalRecordFormatError('unterminated GID in a prepared-transaction record');
            result.gid = d.toString('utf8', pos, nul);
            pos = nul + 1;
        }
    }
    if (xinfo & exports.XACT_XINFO_HAS_ORIGIN) {
        need(16, 'origin');
        result.originLsn = d.readBigUInt64LE(pos);
        result.originTimestamp = d.readBigInt64LE(pos + 8);
        pos += 16;
    }
    result.parsedLength = pos;
    return result;
}
function decodeSmgrCreate(mainData) {
    if (mainData.length < 16)
        throw new WalRecordFormatError(`smgr create record data is ${mainData.length} bytes, expected 16`);
    return {
        rel: { spcOid: mainData.readUInt32LE(0), dbOid: mainData.readUInt32LE(4), relNumber: mainData.readUInt32LE(8) },
        forkNumber: mainData.readInt32LE(12),
    };
}
function decodeSmgrTruncate(mainData) {
    if (mainData.length < 20)
        throw new WalRecordFormatError(`smgr truncate record data is ${mainData.length} bytes, expected 20`);
    return {
        blockNo: mainData.readUInt32LE(0),
        rel: { spcOid: mainData.readUInt32LE(4), dbOid: mainData.readUInt32LE(8), relNumber: mainData.readUInt32LE(12) },
        flags: mainData.readInt32LE(16),
    };
}
function decodeDbase(header, mainData) {
    const info = rmgrInfo(header);
    const d = mainData;
    const need = (bytes) => {
        if (d.length < bytes)
            throw new WalRecordFormatError(`database record data is ${d.length} bytes, expected ${bytes}`);
    };
    if (info === exports.XLOG_DBASE_CREATE_FILE_COPY) {
        need(16);
        return { kind: 'create-file-copy', dbOid: d.readUInt32LE(0), tsOid: d.readUInt32LE(4), srcDbOid: d.readUInt32LE(8), srcTsOid: d.readUInt32LE(12) };
    }
    if (info === exports.XLOG_DBASE_CREATE_WAL_LOG) {
        need(8);
        return { kind: 'create-wal-log', dbOid: d.readUInt32LE(0), tsOid: d.readUInt32LE(4) };
    }
    if (info === exports.XLOG_DBASE_DROP) {
        need(8);
        const n = d.readInt32LE(4);
        need(8 + 4 * n);
        const tsOids = [];
        for (let i = 0; i < n; i++)
            tsOids.push(d.readUInt32LE(8 + 4 * i));
        return { kind: 'drop', dbOid: d.readUInt32LE(0), tsOids };
    }
    throw new WalRecordFormatError(`unknown database record info 0x${info.toString(16)}`);
}
function decodeTblspc(header, mainData) {
    const info = rmgrInfo(header);
    if (mainData.length < 4)
        throw new WalRecordFormatError(`tablespace record data is ${mainData.length} bytes`);
    const tsOid = mainData.readUInt32LE(0);
    if (info === exports.XLOG_TBLSPC_CREATE) {
        const nul = mainData.indexOf(0, 4);
        return { kind: 'create', tsOid, path: mainData.toString('utf8', 4, nul < 0 ? mainData.length : nul) };
    }
    if (info === exports.XLOG_TBLSPC_DROP)
        return { kind: 'drop', tsOid };
    throw new WalRecordFormatError(`unknown tablespace record info 0x${info.toString(16)}`);
}


/***/ }),

/***/ 3925:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

/**
 * WAL segment arithmetic and file names, as PostgreSQL's xlog_internal.h defines them.
 * Timeline IDs in file names are hexadecimal: timeline 10 is `0000000A`, not `00000010`.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isValidSegmentSize = isValidSegmentSize;
exports.segmentNoOf = segmentNoOf;
exports.segmentStartLsn = segmentStartLsn;
exports.segmentOffset = segmentOffset;
exports.segmentFileName = segmentFileName;
exports.isSegmentFileName = isSegmentFileName;
exports.isPartialSegmentFileName = isPartialSegmentFileName;
exports.parseSegmentFileName = parseSegmentFileName;
exports.historyFileName = historyFileName;
exports.isHistoryFileName = isHistoryFileName;
exports.parseHistoryFileName = parseHistoryFileName;
const MIN_SEG_SIZE = 1024 * 1024;
const MAX_SEG_SIZE = 1024 * 1024 * 1024;
const SEGMENT_NAME = /^[0-9A-F]{24}$/;
const HISTORY_NAME = /^([0-9A-F]{8})\.history$/;
/** PostgreSQL accepts only powers of two from 1 MiB to 1 GiB (IsValidWalSegSize). */
function isValidSegmentSize(segSizeBytes) {
    return (Number.isInteger(segSizeBytes) &&
        segSizeBytes >= MIN_SEG_SIZE &&
        segSizeBytes <= MAX_SEG_SIZE &&
        (segSizeBytes & (segSizeBytes - 1)) === 0);
}
function checkSegmentSize(segSizeBytes) {
    if (!isValidSegmentSize(segSizeBytes)) {
        throw new Error(`invalid WAL segment size ${segSizeBytes}: PostgreSQL uses a power of two from 1 MiB to 1 GiB`);
    }
    return BigInt(segSizeBytes);
}
function checkTimeline(tli) {
    if (!Number.isInteger(tli) || tli < 1 || tli > 0xffffffff) {
        throw new Error(`invalid timeline ID ${tli}: expected an integer from 1 to 4294967295`);
    }
}
// A "log id" is the high 32 bits of an LSN; segment names split segNo along it.
function segmentsPerLogId(segSize) {
    return 0x100000000n / segSize;
}
/** The segment number holding `lsn` (XLByteToSeg). */
function segmentNoOf(lsn, segSizeBytes) {
    return lsn / checkSegmentSize(segSizeBytes);
}
/** The first LSN of segment `segNo` (XLogSegNoOffsetToRecPtr with offset 0). */
function segmentStartLsn(segNo, segSizeBytes) {
    return segNo * checkSegmentSize(segSizeBytes);
}
/** Byte offset of `lsn` inside its segment (XLogSegmentOffset). */
function segmentOffset(lsn, segSizeBytes) {
    return Number(lsn % checkSegmentSize(segSizeBytes));
}
function hex8(value) {
    return value.toString(16).toUpperCase().padStart(8, '0');
}
/** `TTTTTTTTXXXXXXXXYYYYYYYY`, as XLogFileName writes it. */
function segmentFileName(tli, segNo, segSizeBytes) {
    checkTimeline(tli);
    const perId = segmentsPerLogId(checkSegmentSize(segSizeBytes));
    if (segNo < 0n || segNo / perId > 0xffffffffn) {
        throw new Error(`segment number ${segNo} is outside the WAL address space`);
    }
    return hex8(tli) + hex8(segNo / perId) + hex8(segNo % perId);
}
/** True for a 24-character upper-case hex WAL segment name (IsXLogFileName). */
function isSegmentFileName(name) {
    return SEGMENT_NAME.test(name);
}
/** True for `<segment>.partial`, left behind by a promotion or pg_receivewal. */
function isPartialSegmentFileName(name) {
    return name.endsWith('.partial') && isSegmentFileName(name.slice(0, -'.partial'.length));
}
/**
 * Splits a segment file name into timeline and segment number, or null if `name` is not
 * one, or names a segment that cannot exist with this segment size.
 */
function parseSegmentFileName(name, segSizeBytes) {
    const perId = segmentsPerLogId(checkSegmentSize(segSizeBytes));
    if (!isSegmentFileName(name))
        return null;
    const tli = parseInt(name.slice(0, 8), 16);
    const logId = BigInt(`0x${name.slice(8, 16)}`);
    const segInLog = BigInt(`0x${name.slice(16, 24)}`);
    if (tli === 0 || segInLog >= perId)
        return null;
    return { tli, segNo: logId * perId + segInLog };
}
/** `00000002.history` (TLHistoryFileName). */
function historyFileName(tli) {
    checkTimeline(tli);
    return `${hex8(tli)}.history`;
}
/** True for a timeline history file name (IsTLHistoryFileName). */
function isHistoryFileName(name) {
    return HISTORY_NAME.test(name);
}
/** The timeline a history file name is for, or null. */
function parseHistoryFileName(name) {
    const match = HISTORY_NAME.exec(name);
    return match ? parseInt(match[1], 16) : null;
}


/***/ }),

/***/ 4390:
/***/ ((module) => {

module.exports = eval("require")("pg-native");


/***/ }),

/***/ 2613:
/***/ ((module) => {

"use strict";
module.exports = require("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

"use strict";
module.exports = require("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

"use strict";
module.exports = require("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

"use strict";
module.exports = require("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

"use strict";
module.exports = require("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

"use strict";
module.exports = require("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

"use strict";
module.exports = require("fs");

/***/ }),

/***/ 1943:
/***/ ((module) => {

"use strict";
module.exports = require("fs/promises");

/***/ }),

/***/ 9278:
/***/ ((module) => {

"use strict";
module.exports = require("net");

/***/ }),

/***/ 857:
/***/ ((module) => {

"use strict";
module.exports = require("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

"use strict";
module.exports = require("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

"use strict";
module.exports = require("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

"use strict";
module.exports = require("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

"use strict";
module.exports = require("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

"use strict";
module.exports = require("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

"use strict";
module.exports = require("util");

/***/ }),

/***/ 8253:
/***/ ((module) => {

"use strict";
module.exports = require("util/types");

/***/ }),

/***/ 8167:
/***/ ((module) => {

"use strict";
module.exports = require("worker_threads");

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
var __webpack_exports__ = {};
// This entry need to be wrapped in an IIFE because it need to be in strict mode.
(() => {
"use strict";
var exports = __webpack_exports__;

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.main = main;
// First: it must run before node-postgres loads.
__nccwpck_require__(9668);
const errors_1 = __nccwpck_require__(7679);
const report_1 = __nccwpck_require__(9863);
const catchup_1 = __nccwpck_require__(6603);
const preflight_1 = __nccwpck_require__(3854);
const print_grants_1 = __nccwpck_require__(8356);
const rewind_1 = __nccwpck_require__(6378);
const usage_error_1 = __nccwpck_require__(4226);
const HELP = `pg-catchup: clone, re-sync and rewind PostgreSQL standbys.

Usage:
  pg-catchup catchup -b FULL|DELTA --destination-pgdata=DIR [OPTION]...
  pg-catchup preflight -b FULL|DELTA|AUTO --destination-pgdata=DIR [OPTION]...
  pg-catchup rewind -D DIR --source-server=CONNSTR [OPTION]...
  pg-catchup print-grants --role=NAME
  pg-catchup COMMAND --help

Commands:
  catchup        copy a running primary into a local data directory (FULL) or bring
                 an existing copy up to date (DELTA)
  preflight      run every check a catchup would run, change nothing
  rewind         pg_rewind's command line: resynchronize an old primary after failover
  print-grants   print the GRANTs a non-superuser role needs

Options:
  -V, --version  print the version
  -?, --help     show this help`;
const COMMANDS = {
    catchup: catchup_1.runCatchup,
    'print-grants': print_grants_1.runPrintGrants,
    preflight: preflight_1.runPreflightCommand,
    rewind: rewind_1.runRewind,
};
async function main(argv) {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-?' || command === 'help') {
        process.stdout.write(`${HELP}\n`);
        return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-V') {
        process.stdout.write(`pg-catchup ${report_1.TOOL_VERSION}\n`);
        return 0;
    }
    const run = COMMANDS[command];
    try {
        if (!run)
            throw new usage_error_1.UsageError(`unknown command "${command}"`);
        return await run(rest);
    }
    catch (err) {
        if (err instanceof usage_error_1.UsageError) {
            const hint = err.command ? `pg-catchup ${err.command} --help` : 'pg-catchup --help';
            process.stderr.write(`pg-catchup: error: ${err.message}\nTry "${hint}" for more information.\n`);
            return 2;
        }
        const message = (0, errors_1.isCatchupError)(err) ? err.message : `unexpected failure: ${err.stack ?? err}`;
        process.stderr.write(`pg-catchup: error: ${message.replace(/\n/g, ' ')}\n`);
        return 1;
    }
}
if (require.main === require.cache[eval('__filename')]) {
    main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    });
}

})();

module.exports = __webpack_exports__;
/******/ })()
;