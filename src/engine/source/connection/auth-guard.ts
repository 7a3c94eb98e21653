import type { Client } from 'pg';
import { CatchupError } from '../../errors';

/**
 * channel_binding and require_auth are checked by the client, as libpq checks them: against the
 * authentication request the server sends, before any password leaves this host.
 */
export type ChannelBinding = 'disable' | 'prefer' | 'require';
const AUTH_METHODS = ['password', 'md5', 'gss', 'sspi', 'scram-sha-256', 'none'];

export function channelBindingOf(k: Record<string, string>): ChannelBinding {
  const v = k.channel_binding || 'prefer';
  if (v !== 'disable' && v !== 'prefer' && v !== 'require') {
    throw new CatchupError('conninfo-value', `channel_binding "${v}" is not valid.`, 'Use disable, prefer or require.');
  }
  return v;
}

/** require_auth as the set of methods the server may use (PostgreSQL 16 semantics, `!` negates). */
export function allowedAuthMethods(k: Record<string, string>): Set<string> | null {
  const v = k.require_auth;
  if (v === undefined || v === '') return null;
  const items = v.split(',');
  const negated = items[0].startsWith('!');
  const allowed = new Set(negated ? AUTH_METHODS : []);
  for (const item of items) {
    if (item.startsWith('!') !== negated) {
      throw new CatchupError('conninfo-value', `require_auth "${v}" mixes negated and plain methods.`, 'Either list the methods allowed, or only negated ones (!password,!md5).');
    }
    const method = negated ? item.slice(1) : item;
    if (!AUTH_METHODS.includes(method)) {
      throw new CatchupError('conninfo-value', `require_auth names "${method}", which is not an authentication method.`, `Use ${AUTH_METHODS.join(', ')}.`);
    }
    if (negated) allowed.delete(method);
    else allowed.add(method);
  }
  return allowed;
}

const REQUEST_NAMES: Record<string, [string, string]> = {
  authenticationCleartextPassword: ['password', 'a cleartext password'],
  authenticationMD5Password: ['md5', 'an md5 password'],
  authenticationSASL: ['scram-sha-256', 'SASL (SCRAM) authentication'],
};

/** Hooks on a client before connect(): a request that breaks the rules fails the connection. */
export function guardAuthentication(client: Client, binding: ChannelBinding, allowed: Set<string> | null, usingTls: boolean): void {
  const con = (client as unknown as { connection: NodeJS.EventEmitter & { stream: { destroy(): void } } }).connection;
  let requested: string | null = null;
  let boundChannel = false;
  const fail = (what: string, fix: string) => {
    con.emit('error', new CatchupError('auth-rule-failed', what, fix));
    con.stream.destroy();
  };
  for (const [event, [method, words]] of Object.entries(REQUEST_NAMES)) {
    con.prependListener(event, (msg: { mechanisms?: string[] }) => {
      requested = method;
      if (allowed && !allowed.has(method)) {
        return fail(`The source asked for ${words}, which require_auth=${[...AUTH_METHODS].filter((m) => allowed.has(m)).join(',')} does not allow.`,
          'Change the pg_hba.conf method on the source, or require_auth.');
      }
      if (binding !== 'require') return;
      if (!usingTls) return fail('channel_binding=require needs TLS, and this connection is not encrypted.', 'Use sslmode=require or verify-full.');
      if (method !== 'scram-sha-256') return fail(`channel_binding=require, and the source asked for ${words}, which has no channel binding.`, 'Use scram-sha-256 in pg_hba.conf on the source.');
      if (!msg.mechanisms?.includes('SCRAM-SHA-256-PLUS')) return fail('channel_binding=require, and the source did not offer SCRAM-SHA-256-PLUS.', 'Make the source use TLS and scram-sha-256.');
      boundChannel = true;
    });
  }
  con.prependListener('authenticationOk', () => {
    if (requested === null && allowed && !allowed.has('none')) {
      return fail('The source let us in without authentication, which require_auth does not allow.', 'Change pg_hba.conf on the source (trust is in use), or require_auth.');
    }
    if (binding === 'require' && !boundChannel) {
      fail('channel_binding=require, and the source authenticated us without channel binding.', 'Use scram-sha-256 in pg_hba.conf on the source, over TLS.');
    }
  });
}
