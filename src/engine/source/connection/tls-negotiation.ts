import net from 'net';
import type tls from 'tls';
import { CatchupError } from '../../errors';

/**
 * The start of a TLS try on one socket, as libpq makes it: SSLRequest, then the TLS handshake
 * when the server answers 'S'. When it answers 'N', the same socket goes on in plain text (no
 * second connection), which is what sslmode=prefer needs. node-postgres's own `ssl` option
 * cannot do that: it closes the socket on 'N'. The socket is then handed to node-postgres as an
 * already-open stream.
 */
export type Negotiated = { socket: net.Socket; tls: true } | { socket: net.Socket; tls: false };

const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]); // length 8, code 80877103

export interface TcpSettings {
  timeoutMs?: number;
  keepAlive: boolean;
  keepAliveInitialDelayMillis?: number;
}

export async function negotiateTls(host: string, port: number, options: tls.ConnectionOptions, tcp: TcpSettings, direct: boolean): Promise<Negotiated> {
  const timeoutMs = tcp.timeoutMs;
  const raw = await connectTcp(host, port, timeoutMs);
  // Set here, on the TCP socket itself: node-postgres would set them on the TLS wrapper.
  raw.setNoDelay(true);
  if (tcp.keepAlive) raw.setKeepAlive(true, tcp.keepAliveInitialDelayMillis ?? 0);
  try {
    if (!direct) {
      raw.write(SSL_REQUEST);
      const answer = await firstByte(raw, timeoutMs);
      if (answer === 'N') return { socket: raw, tls: false };
      if (answer !== 'S') throw new Error(`the server answered the TLS request with "${answer}"`);
    }
    const secure = await handshake(raw, options, timeoutMs, direct);
    return { socket: secure, tls: true };
  } catch (err) {
    raw.destroy();
    throw err;
  }
}

/** Makes an open socket look unopened to node-postgres, which calls connect() and waits for 'connect'. */
export function asOpenStream(socket: net.Socket): net.Socket {
  Object.assign(socket, {
    connect: () => {
      process.nextTick(() => socket.emit('connect'));
      return socket;
    },
  });
  return socket;
}

function connectTcp(host: string, port: number, timeoutMs: number | undefined): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = timeoutMs ? setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error('timeout expired'), { code: 'ETIMEDOUT' }));
    }, timeoutMs) : undefined;
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      // Until node-postgres attaches its own listeners, an error must not be an uncaught 'error' event.
      socket.on('error', () => undefined);
      resolve(socket);
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

function firstByte(socket: net.Socket, timeoutMs: number | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const done = (fn: () => void) => {
      clearTimeout(timer);
      socket.removeListener('data', onData);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
      fn();
    };
    const onData = (buf: Buffer) => done(() => (buf.length === 1 ? resolve(String.fromCharCode(buf[0])) : reject(new Error('the server answered the TLS request with more than one byte'))));
    const onError = (err: Error) => done(() => reject(err));
    const onClose = () => done(() => reject(Object.assign(new Error('the server closed the connection before answering the TLS request'), { code: 'ECONNRESET' })));
    const timer = timeoutMs ? setTimeout(() => done(() => reject(Object.assign(new Error('timeout expired'), { code: 'ETIMEDOUT' }))), timeoutMs) : undefined;
    socket.on('data', onData);
    socket.on('error', onError);
    socket.on('close', onClose);
  });
}

function handshake(raw: net.Socket, options: tls.ConnectionOptions, timeoutMs: number | undefined, direct: boolean): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    // Required here, not imported: loading `tls` costs ~5 ms of every start, and most runs never handshake.
    const { connect } = require('tls') as typeof tls;
    const secure = connect({ ...options, socket: raw, ...(direct ? { ALPNProtocols: ['postgresql'] } : {}) });
    const timer = timeoutMs ? setTimeout(() => {
      secure.destroy();
      reject(Object.assign(new Error('timeout expired during the TLS handshake'), { code: 'ETIMEDOUT' }));
    }, timeoutMs) : undefined;
    secure.once('secureConnect', () => {
      clearTimeout(timer);
      secure.removeAllListeners('error');
      resolve(secure);
    });
    secure.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

export function tlsRequiredError(): CatchupError {
  return new CatchupError('ssl-refused', 'The source does not support TLS (it answered the TLS request with "N"), and sslmode requires TLS.',
    'Turn ssl on at the source, or use sslmode=prefer (TLS when offered) or disable.');
}
