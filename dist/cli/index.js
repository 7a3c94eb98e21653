#!/usr/bin/env node
/******/ (() => { // webpackBootstrap
/******/ 	var __webpack_modules__ = ({

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
const full_1 = __nccwpck_require__(912);
const parse_flags_1 = __nccwpck_require__(8311);
const progress_printer_1 = __nccwpck_require__(590);
const usage_error_1 = __nccwpck_require__(4226);
exports.CATCHUP_HELP = `pg-catchup catchup: copy a running PostgreSQL primary into a local data directory.

Usage:
  pg-catchup catchup -b FULL --destination-pgdata=DIR [OPTION]...

Options:
  -b, --backup-mode=MODE         FULL (an empty target; DELTA and PTRACK come later)
  -D, --destination-pgdata=DIR   the target data directory (new or empty for FULL)
  -j, --threads=N                parallel connections reading the source (default 1)
  -R, --write-recovery-conf      write standby.signal and primary_conninfo
      --store-password           also put the connection's password into primary_conninfo
                                 (by default the standby uses its ~/.pgpass)
  -N, --no-sync                  do not fsync what was written (faster, unsafe on a crash)
  -P, --progress                 show progress on stderr
      --report=FILE.json         write a JSON report of the run (also on failure)
      --debug                    more output
  -?, --help                     show this help

${parse_flags_1.CONNECTION_HELP}

Exit status: 0 on success, 1 when the run failed or was refused, 2 on bad usage.`;
async function runCatchup(argv) {
    const { values } = (0, parse_flags_1.parseFlags)('catchup', argv, {
        ...parse_flags_1.CONNECTION_FLAGS,
        'backup-mode': { type: 'string', short: 'b' },
        'destination-pgdata': { type: 'string', short: 'D' },
        threads: { type: 'string', short: 'j' },
        'write-recovery-conf': { type: 'boolean', short: 'R' },
        'store-password': { type: 'boolean' },
        'no-sync': { type: 'boolean', short: 'N' },
        progress: { type: 'boolean', short: 'P' },
        report: { type: 'string' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: '?' },
    });
    if (values.help) {
        process.stdout.write(`${exports.CATCHUP_HELP}\n`);
        return 0;
    }
    const mode = values['backup-mode']?.toUpperCase();
    if (mode === undefined)
        throw new usage_error_1.UsageError('-b/--backup-mode is required (FULL)', 'catchup');
    if (mode !== 'FULL') {
        throw new usage_error_1.UsageError(`backup mode "${values['backup-mode']}" is not available in this version; use -b FULL`, 'catchup');
    }
    const target = values['destination-pgdata'];
    if (!target)
        throw new usage_error_1.UsageError('--destination-pgdata is required', 'catchup');
    const threads = (0, parse_flags_1.parseIntFlag)('catchup', 'threads', values.threads, 1, 64);
    const logger = (0, progress_printer_1.terminalLogger)({ progress: Boolean(values.progress), debug: Boolean(values.debug) });
    const reportPath = values.report;
    let report;
    try {
        report = await (0, full_1.catchupFull)({
            targetDir: target,
            source: {
                host: values.host,
                port: values.port,
                user: values.username,
                dbname: values.dbname,
            },
            env: process.env,
            threads,
            writeRecoveryConf: Boolean(values['write-recovery-conf']),
            storePassword: Boolean(values['store-password']),
            sync: !values['no-sync'],
            logger,
        });
        logger.info(`FULL catchup done: ${report.files.copied} files, ${(0, full_1.formatBytes)(report.files.bytesCopied)} copied, ` +
            `WAL ${report.lsn.backupStart}..${report.lsn.backupStop}, ${(report.durationMs / 1000).toFixed(1)} s`);
        return 0;
    }
    catch (err) {
        report = err.report;
        throw err;
    }
    finally {
        if (reportPath && report)
            fs.writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    }
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

/***/ 8311:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CONNECTION_HELP = exports.CONNECTION_FLAGS = void 0;
exports.parseFlags = parseFlags;
exports.parseIntFlag = parseIntFlag;
const util_1 = __nccwpck_require__(9023);
const usage_error_1 = __nccwpck_require__(4226);
/** Strict flag parsing: an unknown flag or a stray argument is a usage error, never ignored. */
function parseFlags(command, argv, options) {
    try {
        return (0, util_1.parseArgs)({ args: argv, options, strict: true, allowPositionals: false });
    }
    catch (err) {
        throw new usage_error_1.UsageError(err.message.replace(/\. To specify.*$/s, ''), command);
    }
}
/** The connection flags every PostgreSQL client has. */
exports.CONNECTION_FLAGS = {
    host: { type: 'string', short: 'h' },
    port: { type: 'string', short: 'p' },
    username: { type: 'string', short: 'U' },
    dbname: { type: 'string', short: 'd' },
};
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


/***/ }),

/***/ 590:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.terminalLogger = terminalLogger;
/** Logger for a terminal: messages to stderr, progress at most every half second. */
function terminalLogger(opts) {
    let lastPrint = 0;
    return {
        info: (m) => process.stderr.write(`pg-catchup: ${m}\n`),
        warn: (m) => process.stderr.write(`pg-catchup: warning: ${m}\n`),
        debug: (m) => {
            if (opts.debug)
                process.stderr.write(`pg-catchup: debug: ${m}\n`);
        },
        progress: opts.progress
            ? (p) => {
                const now = Date.now();
                if (now - lastPrint < 500 && p.bytes < p.totalBytes)
                    return;
                lastPrint = now;
                const pct = p.totalBytes > 0 ? Math.min(100, Math.floor((p.bytes * 100) / p.totalBytes)) : 100;
                process.stderr.write(`${Math.round(p.bytes / 1024)}/${Math.round(p.totalBytes / 1024)} kB (${pct}%), ${p.files}/${p.totalFiles} files\n`);
            }
            : undefined,
    };
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
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.executeCopy = executeCopy;
const read_batches_1 = __nccwpck_require__(9679);
const file_reader_1 = __nccwpck_require__(8092);
/**
 * Carries out a plan's directories and whole-file copies: each reader connection takes the
 * next batch from a shared queue, so -j N keeps N connections busy until the queue is empty.
 */
async function executeCopy(plan, readers, writer, logger) {
    for (const dir of plan.directories)
        await writer.makeDirectory(dir);
    const schedule = (0, read_batches_1.scheduleReads)(plan.files);
    for (const [path, pieces] of schedule.piecesPerFile)
        writer.expect(path, pieces);
    const totalFiles = plan.files.length;
    let next = 0;
    let failed = false;
    const report = () => logger.progress?.({ bytes: writer.bytesWritten, totalBytes: plan.bytesToCopy, files: writer.filesWritten, totalFiles });
    const worker = async (client) => {
        while (!failed && next < schedule.batches.length) {
            const batch = schedule.batches[next++];
            await (0, file_reader_1.readRanges)(client, batch, async (index, offset, data) => {
                await writer.writePiece(batch[index].path, offset, data);
                report();
            });
        }
    };
    try {
        await Promise.all(readers.map((c) => worker(c).catch((err) => { failed = true; throw err; })));
        await writer.flush();
    }
    catch (err) {
        await writer.abandon();
        throw err;
    }
    report();
    return { filesCopied: writer.filesWritten, bytesCopied: writer.bytesWritten };
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
// PostgreSQL's own modes for a data directory without group access.
exports.DIR_MODE = 0o700;
exports.FILE_MODE = 0o600;
// Parallel fsyncs keep the disk's queue full; one at a time is what makes a sync pass slow.
const SYNC_CONCURRENCY = 16;
/**
 * Writes pieces of files into the target at their offsets.
 * - A one-piece file (most of PGDATA) is written synchronously: an async open/write/close costs
 *   several thread-pool round trips per file, which dominated copies of many small files.
 * - Pieces of large files are written in the background, bounded by an in-flight byte budget;
 *   each large file is fsynced and closed when its last piece lands, overlapping the copy.
 * - Small files are fsynced together at the end, in parallel.
 */
class TargetWriter {
    opts;
    multi = new Map();
    expected = new Map();
    toSync = [];
    dirsToSync = new Set();
    background = new Set();
    inFlightBytes = 0;
    waiters = [];
    failure;
    bytesWritten = 0;
    filesWritten = 0;
    constructor(opts) {
        this.opts = opts;
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
    /** Announces a file that will arrive in `pieces` pieces (so we know when it is complete). */
    expect(relPath, pieces) {
        this.expected.set(relPath, pieces);
    }
    /** One piece of a file; null data means the source file vanished: nothing is created for it. */
    async writePiece(relPath, offset, data) {
        if (this.failure)
            throw this.failure;
        const pieces = this.expected.get(relPath);
        if (pieces === undefined)
            throw new Error(`internal: unexpected piece for ${relPath}`);
        if (pieces === 1) {
            this.expected.delete(relPath);
            if (data !== null)
                this.writeWholeFileSync(relPath, data);
            return;
        }
        let file = this.multi.get(relPath);
        if (!file)
            this.multi.set(relPath, (file = { piecesLeft: pieces, writes: [] }));
        if (data !== null) {
            file.handle ??= this.openLarge(relPath);
            await this.reserve(data.length);
            file.writes.push(this.track(this.writeAt(file.handle, data, offset)));
        }
        if (--file.piecesLeft === 0) {
            this.multi.delete(relPath);
            this.expected.delete(relPath);
            this.track(this.closeLarge(file));
        }
    }
    /** A whole small file at once (backup_label, standby.signal, ...), durable before returning. */
    async writeFile(relPath, content) {
        const abs = this.writeWholeFileSync(relPath, Buffer.isBuffer(content) ? content : Buffer.from(content));
        if (this.opts.sync) {
            this.toSync.pop();
            await fsyncPath(abs);
        }
    }
    /** Waits for every background write and close, then fsyncs the small files and directories. */
    async flush() {
        while (this.background.size > 0)
            await Promise.allSettled([...this.background]);
        if (this.failure)
            throw this.failure;
        if (!this.opts.sync)
            return;
        await inParallel(this.toSync.splice(0), SYNC_CONCURRENCY, fsyncPath);
        await inParallel([...this.dirsToSync], SYNC_CONCURRENCY, fsyncPath);
    }
    /** After a failure: let background work settle and close what is open, without syncing. */
    async abandon() {
        this.failure ??= new Error('copy abandoned');
        while (this.background.size > 0)
            await Promise.allSettled([...this.background]);
        for (const file of this.multi.values()) {
            const fh = await file.handle?.catch(() => null);
            await fh?.close().catch(() => undefined);
        }
        this.multi.clear();
    }
    writeWholeFileSync(relPath, data) {
        const abs = this.abs(relPath);
        const fd = fs.openSync(abs, 'w', exports.FILE_MODE);
        try {
            if (this.opts.owner)
                fs.fchownSync(fd, this.opts.owner.uid, this.opts.owner.gid);
            let written = 0;
            while (written < data.length)
                written += fs.writeSync(fd, data, written, data.length - written, written);
        }
        finally {
            fs.closeSync(fd);
        }
        this.toSync.push(abs);
        this.dirsToSync.add(path.dirname(abs));
        this.bytesWritten += data.length;
        this.filesWritten++;
        return abs;
    }
    async openLarge(relPath) {
        const fh = await fsp.open(this.abs(relPath), 'w', exports.FILE_MODE);
        if (this.opts.owner)
            await fh.chown(this.opts.owner.uid, this.opts.owner.gid);
        this.dirsToSync.add(path.dirname(this.abs(relPath)));
        return fh;
    }
    async writeAt(handle, data, offset) {
        try {
            const fh = await handle;
            let written = 0;
            while (written < data.length) {
                const { bytesWritten } = await fh.write(data, written, data.length - written, offset + written);
                written += bytesWritten;
            }
            this.bytesWritten += data.length;
        }
        finally {
            this.release(data.length);
        }
    }
    async closeLarge(file) {
        await Promise.all(file.writes);
        if (!file.handle)
            return;
        const fh = await file.handle;
        if (this.opts.sync)
            await fh.sync();
        await fh.close();
        this.filesWritten++;
    }
    track(p) {
        const tracked = p.catch((err) => {
            this.failure ??= err;
        });
        this.background.add(tracked);
        void tracked.finally(() => this.background.delete(tracked));
        return p;
    }
    async reserve(bytes) {
        const limit = this.opts.maxInFlightBytes ?? 32 * 1024 * 1024;
        while (this.inFlightBytes > 0 && this.inFlightBytes + bytes > limit) {
            await new Promise((resolve) => this.waiters.push(resolve));
            if (this.failure)
                throw this.failure;
        }
        this.inFlightBytes += bytes;
    }
    release(bytes) {
        this.inFlightBytes -= bytes;
        const waiting = this.waiters;
        this.waiters = [];
        for (const wake of waiting)
            wake();
    }
}
exports.TargetWriter = TargetWriter;
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
exports.catchupFull = catchupFull;
exports.formatBytes = formatBytes;
const fsp = __importStar(__nccwpck_require__(1943));
const path = __importStar(__nccwpck_require__(6928));
const copy_executor_1 = __nccwpck_require__(4635);
const file_owner_1 = __nccwpck_require__(6616);
const target_writer_1 = __nccwpck_require__(6773);
const wal_segment_sink_1 = __nccwpck_require__(6804);
const errors_1 = __nccwpck_require__(7679);
const log_1 = __nccwpck_require__(4760);
const pg_control_1 = __nccwpck_require__(9737);
const recovery_conf_1 = __nccwpck_require__(5754);
const plan_full_1 = __nccwpck_require__(7883);
const check_1 = __nccwpck_require__(4186);
const privileges_1 = __nccwpck_require__(9576);
const source_version_1 = __nccwpck_require__(8948);
const target_empty_1 = __nccwpck_require__(2665);
const wal_level_1 = __nccwpck_require__(9685);
const wal_senders_1 = __nccwpck_require__(569);
const report_1 = __nccwpck_require__(9863);
const backup_session_1 = __nccwpck_require__(2803);
const connection_options_1 = __nccwpck_require__(3627);
const file_reader_1 = __nccwpck_require__(8092);
const file_listing_1 = __nccwpck_require__(8115);
const replication_connection_1 = __nccwpck_require__(8317);
const source_connect_1 = __nccwpck_require__(3770);
const wal_receiver_1 = __nccwpck_require__(2614);
const lsn_1 = __nccwpck_require__(2524);
const wal_segment_1 = __nccwpck_require__(3925);
/**
 * FULL: copy a running primary into an empty directory (design rules 1, 2, 3, 5, 6).
 * Every refusal happens before the first write; on failure the target has no pg_control,
 * so PostgreSQL refuses to start it.
 */
async function catchupFull(opts) {
    const logger = opts.logger ?? log_1.silentLogger;
    const threads = opts.threads ?? 1;
    const sync = opts.sync ?? true;
    const startedAt = new Date();
    const targetDir = path.resolve(opts.targetDir);
    const conn = (0, connection_options_1.resolveConnection)(opts.source, opts.env ?? {});
    const report = {
        tool: 'pg-catchup', version: report_1.TOOL_VERSION, mode: 'FULL', status: 'failed',
        source: { connection: conn.display }, target: { path: targetDir }, lsn: {}, checks: [],
        files: { copied: 0, skipped: 0, bytesCopied: 0, walSegments: 0, walBytes: 0 },
        threads, wroteRecoveryConf: false, startedAt: startedAt.toISOString(), durationMs: 0,
    };
    if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
        throw new errors_1.CatchupError('bad-threads', `-j/--threads must be a whole number from 1 to 64, not ${threads}.`, 'Pass e.g. -j 2.');
    }
    const clients = [];
    let repl;
    let receiver;
    try {
        const checks = (report.checks = [(0, target_empty_1.checkTargetEmpty)(targetDir)]);
        (0, check_1.assertChecksPass)(checks);
        const control = await (0, source_connect_1.connectSource)(conn);
        clients.push(control);
        const info = await (0, source_version_1.readServerInfo)(control);
        report.source.serverVersion = info.versionText;
        checks.push((0, source_version_1.checkSourceVersion)(info));
        (0, check_1.assertChecksPass)(checks);
        checks.push(await (0, privileges_1.checkPrivileges)(control), await (0, wal_level_1.checkWalLevel)(control), ...(await (0, wal_senders_1.checkWalSenders)(control)));
        (0, check_1.assertChecksPass)(checks);
        const segSize = await walSegmentSize(control);
        repl = await replication_connection_1.ReplicationConnection.open(conn);
        const identity = await repl.identifySystem();
        report.source.systemIdentifier = identity.systemIdentifier;
        report.source.timeline = identity.timeline;
        for (let i = 1; i < threads; i++)
            clients.push(await (0, source_connect_1.connectSource)(conn));
        const slot = `pg_catchup_${process.pid}_${Date.now().toString(36)}`;
        await repl.createTemporarySlot(slot);
        // First write: everything above refused without touching the target.
        const owner = (0, file_owner_1.ownerForTarget)(targetDir);
        const writer = new target_writer_1.TargetWriter({ root: targetDir, owner, sync });
        await writer.makeDirectory('.');
        await writer.makeDirectory('pg_wal');
        await writer.makeDirectory('pg_wal/archive_status');
        const backup = new backup_session_1.BackupSession(control);
        const startLsn = await backup.start(`pg-catchup ${startedAt.toISOString()}`, true);
        report.lsn.backupStart = (0, lsn_1.formatLsn)(startLsn);
        logger.info(`backup started at ${(0, lsn_1.formatLsn)(startLsn)} on timeline ${identity.timeline}`);
        const walStart = (0, wal_segment_1.segmentStartLsn)((0, wal_segment_1.segmentNoOf)(startLsn, segSize), segSize);
        const sink = new wal_segment_sink_1.WalSegmentSink(writer.abs('pg_wal'), identity.timeline, segSize, owner, sync);
        receiver = new wal_receiver_1.WalReceiver(repl.startStreaming(slot, walStart, identity.timeline), walStart, sink);
        // Listed after the backup start, so every file change after the listing is in the WAL we ship.
        const plan = (0, plan_full_1.planFull)(await (0, file_listing_1.listSourceFiles)(control));
        report.files.skipped = plan.skipped.length;
        logger.info(`copying ${plan.files.length} files, ${formatBytes(plan.bytesToCopy)}, with ${threads} connection(s)`);
        const copied = await (0, copy_executor_1.executeCopy)(plan, clients, writer, logger);
        report.files.copied = copied.filesCopied;
        report.files.bytesCopied = copied.bytesCopied;
        const controlFile = await readWholeFile(control, plan.controlFile);
        checkControlFileIdentity(controlFile, identity.systemIdentifier);
        const stop = await backup.stop();
        report.lsn.backupStop = (0, lsn_1.formatLsn)(stop.stopLsn);
        await receiver.finish(stop.stopLsn);
        await sink.close();
        report.files.walSegments = sink.segments.length;
        report.files.walBytes = sink.bytesWritten;
        logger.info(`backup stopped at ${(0, lsn_1.formatLsn)(stop.stopLsn)}; ${sink.segments.length} WAL segment(s) received`);
        const history = await repl.timelineHistory(identity.timeline);
        if (history)
            await writer.writeFile(`pg_wal/${history.fileName}`, history.content);
        await writer.writeFile('backup_label', stop.backupLabel);
        if (stop.tablespaceMap !== '')
            await writer.writeFile('tablespace_map', stop.tablespaceMap);
        if (opts.writeRecoveryConf) {
            await writeRecoveryConf(writer, (0, recovery_conf_1.primaryConninfo)(conn.keywords, opts.storePassword ?? false));
            report.wroteRecoveryConf = true;
        }
        await writer.flush();
        // Last (rule 6): until pg_control exists, PostgreSQL refuses to start the directory.
        await writer.writeFile(plan.controlFile, controlFile);
        if (sync) {
            await (0, target_writer_1.fsyncPath)(writer.abs('global'));
            await (0, target_writer_1.fsyncPath)(targetDir);
        }
        report.status = 'success';
        return report;
    }
    catch (err) {
        report.error = (0, errors_1.isCatchupError)(err)
            ? { code: err.code, message: err.message, fix: err.fix }
            : { code: 'internal', message: (0, errors_1.errorMessage)(err) };
        throw Object.assign(err, { report });
    }
    finally {
        await receiver?.abort();
        await repl?.close();
        await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
        report.durationMs = Date.now() - startedAt.getTime();
    }
}
async function walSegmentSize(client) {
    const res = await client.query("SELECT setting FROM pg_settings WHERE name = 'wal_segment_size'");
    return Number(res.rows[0].setting);
}
async function readWholeFile(client, relPath) {
    const size = pg_control_1.PG_CONTROL_FILE_SIZE;
    let content = null;
    await (0, file_reader_1.readRanges)(client, [{ path: relPath, offset: 0, length: size }], async (_i, _o, data) => {
        content = data;
    });
    if (!content)
        throw new errors_1.CatchupError('read-failed', `Could not read ${relPath} from the source.`, 'Check pg_read_binary_file privileges.');
    return content;
}
/** A torn or foreign pg_control must never become the target's: check CRC and identity first. */
function checkControlFileIdentity(content, systemIdentifier) {
    const parsed = (0, pg_control_1.parsePgControl)(content, "the source's global/pg_control");
    if (parsed.systemIdentifierText !== systemIdentifier) {
        throw new errors_1.CatchupError('identity-mismatch', `The source's pg_control has system identifier ${parsed.systemIdentifierText}, but its replication connection reports ${systemIdentifier}.`, 'The connections reached different clusters (a load balancer or pooler in between?): point pg-catchup at one server directly.');
    }
}
async function writeRecoveryConf(writer, conninfo) {
    await writer.writeFile('standby.signal', '');
    const autoConf = writer.abs('postgresql.auto.conf');
    const existing = await fsp.readFile(autoConf, 'utf8').catch(() => '');
    await writer.writeFile('postgresql.auto.conf', existing + (existing.endsWith('\n') || existing === '' ? '' : '\n') + (0, recovery_conf_1.autoConfLines)(conninfo));
}
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
exports.CRC32C_INIT = void 0;
exports.crc32cUpdate = crc32cUpdate;
exports.crc32cFinish = crc32cFinish;
exports.crc32c = crc32c;
const POLY_REFLECTED = 0x82f63b78;
const TABLES = buildTables();
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
const crc32c_1 = __nccwpck_require__(9028);
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
    ckptRedo: 40,
    ckptThisTli: 48,
    ckptPrevTli: 52,
    ckptFullPageWrites: 56,
    ckptNextXid: 64,
    ckptNextOid: 72,
    ckptNextMulti: 76,
    ckptNextMultiOffset: 80,
    ckptOldestXid: 84,
    ckptOldestXidDb: 88,
    ckptOldestMulti: 92,
    ckptOldestMultiDb: 96,
    ckptTime: 104,
    ckptOldestCommitTsXid: 112,
    ckptNewestCommitTsXid: 116,
    ckptOldestActiveXid: 120,
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
    [1300, { ckptWalLevel: null, defaultCharSignedness: null, crc: 288 }],
    [1700, { ckptWalLevel: 60, defaultCharSignedness: null, crc: 288 }],
    [1800, { ckptWalLevel: 60, defaultCharSignedness: 256, crc: 292 }],
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
        redoLsn: u64(OFF.ckptRedo),
        timeline: u32(OFF.ckptThisTli),
        prevTimeline: u32(OFF.ckptPrevTli),
        fullPageWrites: bool(OFF.ckptFullPageWrites),
        checkpointWalLevel: layout.ckptWalLevel === null ? null : i32(layout.ckptWalLevel),
        nextFullXid: u64(OFF.ckptNextXid),
        nextOid: u32(OFF.ckptNextOid),
        nextMulti: u32(OFF.ckptNextMulti),
        nextMultiOffset: u32(OFF.ckptNextMultiOffset),
        oldestXid: u32(OFF.ckptOldestXid),
        oldestXidDb: u32(OFF.ckptOldestXidDb),
        oldestMulti: u32(OFF.ckptOldestMulti),
        oldestMultiDb: u32(OFF.ckptOldestMultiDb),
        checkpointTime: seconds(OFF.ckptTime),
        oldestCommitTsXid: u32(OFF.ckptOldestCommitTsXid),
        newestCommitTsXid: u32(OFF.ckptNewestCommitTsXid),
        oldestActiveXid: u32(OFF.ckptOldestActiveXid),
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


/***/ }),

/***/ 7883:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.planFull = planFull;
const errors_1 = __nccwpck_require__(7679);
const exclusions_1 = __nccwpck_require__(449);
const plan_1 = __nccwpck_require__(9121);
/** FULL: every file the exclusion rules keep, whole; pg_control held back for the end. */
function planFull(listing) {
    const tablespaces = listing.filter((e) => /^pg_tblspc\/\d+$/.test(e.path));
    if (tablespaces.length > 0) {
        const names = tablespaces.map((t) => `${t.path} -> ${t.linkTarget ?? '?'}`).join(', ');
        throw new errors_1.CatchupError('tablespaces-unsupported', `The source has tablespaces (${names}), and this version of pg-catchup cannot copy them yet.`, 'Use pg_basebackup with --tablespace-mapping for this cluster until tablespace support lands.');
    }
    if (!listing.some((e) => e.path === plan_1.CONTROL_FILE)) {
        throw new errors_1.CatchupError('no-pg-control', `The source's listing has no ${plan_1.CONTROL_FILE}.`, 'The connection does not reach a PostgreSQL data directory it can read; check the EXECUTE grants on pg_ls_dir and pg_stat_file.');
    }
    const { keep, skipped } = (0, exclusions_1.classifyEntries)(listing);
    const directories = keep.filter((e) => e.isDir).map((e) => e.path).sort(byDepthThenName);
    const files = keep
        .filter((e) => !e.isDir && e.path !== plan_1.CONTROL_FILE)
        .map((e) => ({ path: e.path, size: e.size }));
    return {
        mode: 'FULL',
        directories,
        files,
        skipped: skipped.map((s) => ({ path: s.entry.path, reason: s.reason })),
        controlFile: plan_1.CONTROL_FILE,
        bytesToCopy: files.reduce((sum, f) => sum + f.size, 0),
    };
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
exports.CONTROL_FILE = 'global/pg_control';


/***/ }),

/***/ 9679:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DEFAULT_BATCH_OPTIONS = void 0;
exports.piecesOf = piecesOf;
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
/**
 * Turns files into read statements: biggest first so parallel readers finish together, many
 * small files per statement so round trips do not dominate.
 */
function scheduleReads(files, opts = exports.DEFAULT_BATCH_OPTIONS) {
    const ranges = [];
    for (const f of files) {
        if (f.size === 0) {
            ranges.push({ path: f.path, offset: 0, length: 0 });
            continue;
        }
        for (let off = 0; off < f.size; off += opts.maxRangeBytes) {
            ranges.push({ path: f.path, offset: off, length: Math.min(opts.maxRangeBytes, f.size - off) });
        }
    }
    ranges.sort((a, b) => b.length - a.length || (a.path < b.path ? -1 : 1) || a.offset - b.offset);
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

/***/ 4186:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.assertChecksPass = assertChecksPass;
const errors_1 = __nccwpck_require__(7679);
/** Stops the run before any write when a check failed (design: refusals leave the target untouched). */
function assertChecksPass(results) {
    const failed = results.find((r) => r.status === 'fail');
    if (failed)
        throw new errors_1.CatchupError(`preflight-${failed.id}`, `${failed.title}: ${failed.detail}.`, failed.fix);
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

/***/ 8948:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SUPPORTED_MAJORS = void 0;
exports.readServerInfo = readServerInfo;
exports.checkSourceVersion = checkSourceVersion;
exports.SUPPORTED_MAJORS = [15, 16, 17, 18];
async function readServerInfo(client) {
    const res = await client.query("SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS txt, pg_is_in_recovery() AS rec");
    const versionNum = Number(res.rows[0].num);
    return { versionNum, major: Math.floor(versionNum / 10000), versionText: res.rows[0].txt, inRecovery: res.rows[0].rec };
}
function checkSourceVersion(info) {
    const base = { id: 'source-version', title: 'Source server version' };
    if (!exports.SUPPORTED_MAJORS.includes(info.major)) {
        return { ...base, status: 'fail', detail: `the source runs PostgreSQL ${info.versionText}, supported are ${exports.SUPPORTED_MAJORS.join(', ')}`,
            fix: 'Use pg_basebackup of the same major version for this server.' };
    }
    if (info.inRecovery) {
        return { ...base, status: 'fail', detail: `PostgreSQL ${info.versionText} is a standby; this version copies only from a primary`,
            fix: 'Point the source connection at the primary.' };
    }
    return { ...base, status: 'pass', detail: `PostgreSQL ${info.versionText}, primary` };
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
exports.TOOL_VERSION = void 0;
exports.TOOL_VERSION = '0.1.0';


/***/ }),

/***/ 2803:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BackupSession = void 0;
exports.backupLabelTimeline = backupLabelTimeline;
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
/** START TIMELINE from a backup_label ("START TIMELINE: 1"). */
function backupLabelTimeline(label) {
    const m = /^START TIMELINE: (\d+)$/m.exec(label);
    return m ? Number(m[1]) : undefined;
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
const errors_1 = __nccwpck_require__(7679);
const conninfo_1 = __nccwpck_require__(6450);
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
    if (k.password !== undefined)
        config.password = k.password;
    if (k.connect_timeout)
        config.connectionTimeoutMillis = Number(k.connect_timeout) * 1000;
    const ssl = sslConfig(k);
    if (ssl !== undefined)
        config.ssl = ssl;
    return config;
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
exports.CopyBinaryDecoder = void 0;
/**
 * Incremental decoder of PostgreSQL's binary COPY format (header, tuples of length-prefixed
 * fields, trailer). Pure: bytes in, rows out. Fields are returned as Buffers, NULL as null.
 */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
class CopyBinaryDecoder {
    chunks = [];
    buffered = 0;
    headerDone = false;
    ended = false;
    fieldsLeft = 0;
    row = [];
    /** Feeds bytes; returns the rows completed by them. */
    push(chunk) {
        if (chunk.length > 0) {
            this.chunks.push(chunk);
            this.buffered += chunk.length;
        }
        const rows = [];
        while (!this.ended) {
            if (!this.headerDone) {
                if (!this.parseHeader())
                    break;
                continue;
            }
            if (this.fieldsLeft === 0) {
                const count = this.take(2);
                if (!count)
                    break;
                const n = count.readInt16BE(0);
                if (n === -1) {
                    this.ended = true;
                    break;
                }
                this.fieldsLeft = n;
                this.row = [];
                if (n === 0)
                    rows.push(this.row);
                continue;
            }
            const lenBuf = this.peek(4);
            if (!lenBuf)
                break;
            const len = lenBuf.readInt32BE(0);
            if (len === -1) {
                this.take(4);
                this.addField(null, rows);
                continue;
            }
            if (this.buffered < 4 + len)
                break;
            this.take(4);
            this.addField(this.take(len), rows);
        }
        return rows;
    }
    /** True once the trailer was seen: a stream that ends before it was cut short. */
    get complete() {
        return this.ended;
    }
    addField(value, rows) {
        this.row.push(value);
        if (--this.fieldsLeft === 0)
            rows.push(this.row);
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
        this.headerDone = true;
        return true;
    }
    peek(n) {
        if (this.buffered < n)
            return null;
        if (this.chunks[0].length < n)
            this.coalesce(n);
        return this.chunks[0].subarray(0, n);
    }
    take(n) {
        if (this.buffered < n)
            return null;
        if (n === 0)
            return Buffer.alloc(0);
        if (this.chunks[0].length < n)
            this.coalesce(n);
        const head = this.chunks[0];
        const out = head.subarray(0, n);
        if (head.length === n)
            this.chunks.shift();
        else
            this.chunks[0] = head.subarray(n);
        this.buffered -= n;
        return out;
    }
    /** Joins leading chunks until the first holds n bytes: one copy per field at most. */
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
exports.readRanges = readRanges;
const pg_copy_streams_1 = __nccwpck_require__(6901);
const copy_binary_decoder_1 = __nccwpck_require__(8090);
const source_connect_1 = __nccwpck_require__(3770);
/** Rows come back in pieces of this size: big enough for throughput, small for memory. */
exports.READ_PIECE_BYTES = 1024 * 1024;
/**
 * Reads many ranges in one statement: COPY (binary) of pg_read_binary_file pieces streams at
 * several hundred MB/s through node-postgres, where bytea as text (hex) manages under 100.
 * `onPiece` gets null data when the file vanished (missing_ok): the caller decides.
 * Awaiting `onPiece` applies back-pressure to the stream.
 */
async function readRanges(client, ranges, onPiece) {
    if (ranges.length === 0)
        return;
    const values = ranges
        .map((r, i) => `(${i}, ${(0, source_connect_1.quoteLiteral)(r.path)}, ${r.offset}::bigint, ${r.offset + r.length}::bigint)`)
        .join(',');
    // Zero-length ranges still yield one row, so empty and vanished files are seen.
    const sql = `COPY (
    SELECT r.i, o.off, pg_read_binary_file(r.path, o.off, least(${exports.READ_PIECE_BYTES}, r.stop - o.off), true)
      FROM (VALUES ${values}) AS r(i, path, start, stop),
           LATERAL generate_series(r.start, greatest(r.start, r.stop - 1), ${exports.READ_PIECE_BYTES}) AS o(off)
  ) TO STDOUT (FORMAT binary)`;
    const stream = client.query((0, pg_copy_streams_1.to)(sql));
    const decoder = new copy_binary_decoder_1.CopyBinaryDecoder();
    for await (const chunk of stream) {
        for (const row of decoder.push(chunk)) {
            const index = row[0].readInt32BE(0);
            const offset = Number(row[1].readBigInt64BE(0));
            await onPiece(index, offset, row[2]);
        }
    }
    if (!decoder.complete)
        throw new Error('The source ended a file read before the end of the COPY stream');
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
    /** Starts streaming; the returned duplex yields one CopyData payload per chunk. */
    startStreaming(slot, startLsn, timeline) {
        const sql = `START_REPLICATION SLOT ${(0, source_connect_1.quoteIdent)(slot)} PHYSICAL ${(0, lsn_1.formatLsn)(startLsn)} TIMELINE ${timeline}`;
        return this.client.query((0, pg_copy_streams_1.both)(sql, { alignOnCopyDataFrame: true }));
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
exports.connectSource = connectSource;
exports.quoteIdent = quoteIdent;
exports.quoteLiteral = quoteLiteral;
const pg_1 = __nccwpck_require__(3273);
const errors_1 = __nccwpck_require__(7679);
const connection_options_1 = __nccwpck_require__(3627);
async function connectSource(conn, extra = {}) {
    const client = new pg_1.Client((0, connection_options_1.toClientConfig)(conn, extra));
    // An idle connection that the server or network drops must not crash the process.
    client.on('error', () => undefined);
    try {
        await client.connect();
    }
    catch (err) {
        await client.end().catch(() => undefined);
        throw describeConnectError(err, conn, extra.replication !== undefined);
    }
    return client;
}
function describeConnectError(err, conn, replication) {
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
const errors_1 = __nccwpck_require__(7679);
const report_1 = __nccwpck_require__(9863);
const catchup_1 = __nccwpck_require__(6603);
const print_grants_1 = __nccwpck_require__(8356);
const usage_error_1 = __nccwpck_require__(4226);
const HELP = `pg-catchup: clone, re-sync and rewind PostgreSQL standbys.

Usage:
  pg-catchup catchup -b FULL --destination-pgdata=DIR [OPTION]...
  pg-catchup print-grants --role=NAME
  pg-catchup COMMAND --help

Commands:
  catchup        copy a running primary into a local data directory
  print-grants   print the GRANTs a non-superuser role needs

Options:
  -V, --version  print the version
  -?, --help     show this help`;
const COMMANDS = {
    catchup: catchup_1.runCatchup,
    'print-grants': print_grants_1.runPrintGrants,
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