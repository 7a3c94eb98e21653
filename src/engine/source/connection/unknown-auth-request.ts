import { Parser } from 'pg-protocol/dist/parser';

/**
 * node-postgres's protocol parser throws, from inside the socket's data handler, on an
 * authentication request it does not know (GSSAPI, SSPI): an uncaught exception that would end
 * the process. Turned here into an ordinary error message, so only that connection fails, and
 * source-connect.ts refuses it in one line with the alternative.
 */
const REQUEST_NAMES: Record<string, string> = { 2: 'Kerberos V5', 6: 'SCM credential', 7: 'GSSAPI', 8: 'GSSAPI', 9: 'SSPI' };

export interface UnknownAuthRequest extends Error {
  authRequest: number;
  method: string;
}

export function isUnknownAuthRequest(err: unknown): err is UnknownAuthRequest {
  return typeof (err as { authRequest?: unknown })?.authRequest === 'number';
}

let installed = false;

export function guardUnknownAuthRequests(): void {
  if (installed) return;
  installed = true;
  type HandlePacket = (offset: number, code: number, length: number, bytes: Buffer) => unknown;
  const proto = Parser.prototype as unknown as { handlePacket: HandlePacket };
  const original = proto.handlePacket;
  proto.handlePacket = function (this: unknown, offset, code, length, bytes) {
    try {
      return original.call(this, offset, code, length, bytes);
    } catch (err) {
      const m = /Unknown authenticationOk message type (\d+)/.exec((err as Error).message);
      if (!m) throw err;
      const method = REQUEST_NAMES[m[1]] ?? `type ${m[1]}`;
      // name 'error' makes node-postgres treat it as the server's error during the startup.
      return Object.assign(new Error(`the server asks for ${method} authentication`), { name: 'error', length, authRequest: Number(m[1]), method });
    }
  };
}
