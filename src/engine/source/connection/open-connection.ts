import os from 'os';
import path from 'path';
import { Client, ClientConfig } from 'pg';
import type { TLSSocket } from 'tls';
import { CatchupError, isCatchupError } from '../../errors';
import { lookupPassword } from '../password-file';
import { allowedAuthMethods, channelBindingOf, guardAuthentication } from './auth-guard';
import { describeTarget, HostTarget, isSocketDir, shuffled } from './host-list';
import { ReportedParameters, SessionAttrs, sessionAttrsOf, sessionMismatch } from './session-attrs';
import { asOpenStream, negotiateTls, Negotiated, tlsRequiredError } from './tls-negotiation';
import { sslModeOf, tlsOptions, tlsTries } from './tls-options';
import { guardUnknownAuthRequests } from './unknown-auth-request';

/**
 * Opens one connection the way libpq's PQconnectPoll does: the listed hosts in order (shuffled
 * with load_balance_hosts=random), each with the tries its sslmode calls for, until one accepts
 * and has the wanted target_session_attrs. A host that cannot be reached is skipped; a server
 * that answers with an error (authentication, pg_hba.conf) ends the search, as in libpq.
 */
export interface ConnectionPlan {
  keywords: Record<string, string>;
  /** How messages name the source (never the password). */
  display: string;
  targets: HostTarget[];
  home: string;
  env: Record<string, string | undefined>;
  /** Shared by every copy of the plan: the server the run's first connection chose. */
  choice: { server?: ChosenServer };
}

/** How a connection reached its server, for logs and the report. */
export interface ChosenServer {
  target: HostTarget;
  /** The peer's address as the socket saw it (null for a Unix socket). */
  address: string | null;
  tls: null | { protocol: string; cipher: string; certificateVerified: boolean; hostNameVerified: boolean };
}

export interface OpenedConnection {
  client: Client;
  server: ChosenServer;
}

/** A connection failure that should move on to the next host (libpq: could not reach it). */
class Unreachable extends Error {}

export async function openConnection(plan: ConnectionPlan, extra: Partial<ClientConfig> & { replication?: string }): Promise<OpenedConnection> {
  guardUnknownAuthRequests();
  const pinned = plan.choice.server;
  const k = plan.keywords;
  let targets = pinned ? [pinned.target] : plan.targets;
  if (!pinned && k.load_balance_hosts === 'random') targets = shuffled(targets);
  const attrs = pinned ? 'any' : sessionAttrsOf(k);
  const passes: SessionAttrs[] = attrs === 'prefer-standby' ? ['standby', 'any'] : [attrs];
  const replication = extra.replication !== undefined;
  const failures: Array<{ target: HostTarget; why: string }> = [];
  for (const want of passes) {
    for (const target of targets) {
      let opened: OpenedConnection & { reported: ReportedParameters };
      try {
        opened = await connectToTarget(plan, target, extra);
      } catch (err) {
        if (!(err instanceof Unreachable)) throw err;
        failures.push({ target, why: err.message });
        continue;
      }
      const why = await sessionMismatch(opened.client, want, opened.reported, replication).catch((err: Error) => `could not check the session: ${err.message}`);
      if (why) {
        await opened.client.end().catch(() => undefined);
        failures.push({ target, why });
        continue;
      }
      plan.choice.server ??= opened.server;
      return { client: opened.client, server: opened.server };
    }
  }
  // One host: its error as it came; several: each host with its own.
  const why = failures.length === 1 && plan.targets.length === 1 && attrs === 'any'
    ? failures[0].why
    : `tried ${failures.length} host${failures.length > 1 ? 's' : ''}${attrs !== 'any' ? ` for target_session_attrs=${attrs}` : ''}: ` +
      failures.map((f) => `${describeTarget(f.target)}: ${f.why}`).join('; ');
  throw new CatchupError('source-unreachable',
    `Cannot connect to the source (${plan.display}): ${why}.`,
    pinned
      ? `The run's first connection went to ${describeTarget(pinned.target)}; every connection of a run goes there. Check that it is still up.`
      : 'Check that the source server is running and that the host and port (-h/-p, or the connection string) point to it.');
}

/** One try of a host's sequence was refused in a way its sslmode answers by trying again (TLS or plain). */
const TRY_AGAIN = Symbol('try again');

type SslMode = ReturnType<typeof sslModeOf>;
interface TlsResult {
  usedTls: boolean;
  choice?: ReturnType<typeof tlsOptions>;
}

/** Opens a connection to one host: the tries its sslmode calls for, in libpq's order. */
async function connectToTarget(plan: ConnectionPlan, target: HostTarget, extra: Partial<ClientConfig> & { replication?: string }) {
  const mode = sslModeOf(plan.keywords);
  const tries = tlsTries(mode, target);
  for (let i = 0; i < tries.length; i++) {
    const last = i === tries.length - 1;
    const config = clientConfig(plan, target, extra);
    const tls = tries[i] ? await startTls(plan, target, config, mode, last) : { usedTls: false };
    if (tls === TRY_AGAIN) continue;
    const session = await startSession(plan.keywords, config, tls.usedTls, mode, last);
    if (session === TRY_AGAIN) continue;
    return { client: session.client, server: chosenServer(target, session.stream, tls), reported: session.reported };
  }
  throw new Error('unreachable: every sslmode has at least one try');
}

/** The TLS part of a try: negotiates on a new socket and hands it to `config`; TRY_AGAIN where prefer falls back to plain. */
async function startTls(plan: ConnectionPlan, target: HostTarget, config: ClientConfig, mode: SslMode, last: boolean): Promise<TlsResult | typeof TRY_AGAIN> {
  const k = plan.keywords;
  let choice: ReturnType<typeof tlsOptions>;
  try {
    // libpq sets TLS up only when it tries TLS; under prefer, a setup failure means trying plain.
    choice = tlsOptions(k, mode, target, plan.home, plan.env);
  } catch (err) {
    if (!last && mode === 'prefer') return TRY_AGAIN;
    throw err;
  }
  let negotiated: Negotiated;
  try {
    const tcp = { timeoutMs: config.connectionTimeoutMillis, keepAlive: config.keepAlive !== false, keepAliveInitialDelayMillis: config.keepAliveInitialDelayMillis };
    negotiated = await negotiateTls(String(config.host), target.port, choice.options, tcp, k.sslnegotiation === 'direct');
  } catch (err) {
    const kind = classify(err, true);
    if (!last && mode === 'prefer' && kind === 'tls') return TRY_AGAIN; // a failed handshake: plain, on a new connection
    if (kind === 'network') throw new Unreachable(errorText(err));
    throw err;
  }
  if (!negotiated.tls && mode !== 'prefer' && mode !== 'allow') {
    negotiated.socket.destroy();
    throw tlsRequiredError();
  }
  // An 'N' answer leaves a plain socket: prefer goes on with it, as libpq does.
  config.stream = asOpenStream(negotiated.socket) as unknown as ClientConfig['stream'];
  (config as { enableChannelBinding?: boolean }).enableChannelBinding = negotiated.tls && k.channel_binding !== 'disable';
  return { usedTls: negotiated.tls, choice };
}

/** The startup and authentication of a try; TRY_AGAIN where the server's refusal makes prefer or allow try the other way. */
async function startSession(k: Record<string, string>, config: ClientConfig, usedTls: boolean, mode: SslMode, last: boolean) {
  const client = new Client(config);
  client.on('error', () => undefined); // replaced by the caller's handler once connected
  const reported: ReportedParameters = {};
  const con = (client as unknown as { connection: NodeJS.EventEmitter & { stream: TLSSocket } }).connection;
  con.on('parameterStatus', (msg: { parameterName: string; parameterValue: string }) => {
    reported[msg.parameterName] = msg.parameterValue;
  });
  guardAuthentication(client, channelBindingOf(k), allowedAuthMethods(k), usedTls);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    const kind = classify(err, usedTls);
    // prefer: refused by the server over TLS: retry plain. allow: refused in plain: retry with TLS.
    // libpq retries once, on the same host.
    if (!last && mode === 'prefer' && usedTls && kind === 'server') return TRY_AGAIN;
    if (!last && mode === 'allow' && !usedTls && kind === 'server') return TRY_AGAIN;
    if (kind === 'network') throw new Unreachable(errorText(err));
    throw err;
  }
  return { client, reported, stream: con.stream };
}

/** Where the connection went and how it is protected, for logs and the report. */
function chosenServer(target: HostTarget, stream: TLSSocket, tls: TlsResult): ChosenServer {
  return {
    target,
    address: isSocketDir(target.host) && !target.hostaddr ? null : stream.remoteAddress ?? null,
    tls: tls.usedTls
      ? { protocol: stream.getProtocol() ?? 'unknown', cipher: stream.getCipher()?.name ?? 'unknown', certificateVerified: Boolean(tls.choice?.verifiesChain && stream.authorized), hostNameVerified: Boolean(tls.choice?.verifiesHostName && stream.authorized) }
      : null,
  };
}

/** network: the host could not be reached (try the next one); tls: the handshake failed; server: it answered with an error. */
function classify(err: unknown, useTls: boolean): 'network' | 'tls' | 'server' | 'client' {
  if (isCatchupError(err)) return 'client';
  const e = err as { code?: string; severity?: string; message?: string };
  if (e.severity !== undefined) return 'server';
  const msg = e.message ?? '';
  if (/does not support SSL|error establishing an SSL connection/.test(msg)) return 'tls';
  // Handshake and TLS setup failures (a wrong sslpassword is OpenSSL's bad decrypt).
  if (useTls && (/^ERR_TLS|^ERR_SSL|^ERR_OSSL|CERT|UNABLE_TO|SELF_SIGNED|DEPTH_ZERO/.test(e.code ?? '') || /SSL|certificate|TLS|decrypt/i.test(msg))) return 'tls';
  if (/^(ECONNREFUSED|ENOENT|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|ENOTFOUND|EAI_AGAIN|ECONNRESET|EPIPE)$/.test(e.code ?? '')) return 'network';
  if (/timeout|Connection terminated unexpectedly/i.test(msg)) return 'network';
  return 'client';
}

function errorText(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return e.message || e.code || String(err);
}

export function clientConfig(plan: ConnectionPlan, target: HostTarget, extra: Partial<ClientConfig> & { replication?: string }): ClientConfig {
  const k = plan.keywords;
  const config: ClientConfig & { options?: string } = {
    host: target.hostaddr ?? target.host ?? undefined,
    port: target.port,
    user: k.user,
    database: k.dbname || 'postgres',
    application_name: k.application_name || 'pg-catchup',
    // A long copy leaves the control connection idle; keepalives stop firewalls from dropping it.
    keepAlive: k.keepalives !== '0',
    keepAliveInitialDelayMillis: k.keepalives_idle ? Number(k.keepalives_idle) * 1000 : 10_000,
    ...extra,
  };
  if (k.options) config.options = k.options;
  config.password = k.password || passwordFromFile(plan, target, extra.replication !== undefined);
  const timeout = Number(k.connect_timeout || 0);
  // As libpq: 0 or less waits forever, and less than 2 seconds is taken as 2.
  if (timeout > 0 && config.connectionTimeoutMillis === undefined) config.connectionTimeoutMillis = Math.max(timeout, 2) * 1000;
  return config;
}

/**
 * Asked only when the server wants a password: the password file's line for this host.
 * Physical replication connections match the database "replication", as libpq's callers do.
 */
function passwordFromFile(plan: ConnectionPlan, target: HostTarget, replication: boolean): () => Promise<string> {
  const k = plan.keywords;
  return async () => {
    const file = k.passfile || plan.env.PGPASSFILE || path.join(plan.home || os.homedir(), '.pgpass');
    const host = target.host ?? target.hostaddr ?? 'localhost';
    const key = { host, port: String(target.port), database: replication ? 'replication' : (k.dbname || 'postgres'), user: k.user };
    const found = lookupPassword(file, key);
    if (found.password !== undefined) return found.password;
    throw new CatchupError('no-password',
      `The source (${describeTarget(target)}) asks for a password and none was given: not in the connection string or PGPASSWORD, and ${found.why}.`,
      'Put it in PGPASSWORD or in a password file line host:port:database:user:password (mode 0600; ~/.pgpass, PGPASSFILE or passfile=), ' +
      'with database "replication" (or *) for the WAL stream.');
  };
}
