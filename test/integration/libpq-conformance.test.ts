/**
 * Our connections against libpq's, with Debian's psql (libpq 15) as the oracle: for each case,
 * both must succeed or fail alike, reach the same server, and use TLS exactly when psql does
 * (read from pg_stat_ssl on the server, for our WAL stream too).
 *
 * Servers (PostgreSQL 15, which Debian builds with OpenSSL):
 * - tls: ssl=on, certificate for "localhost" from a CA made here with openssl; pg_hba.conf per
 *   role: app hostssl only, nossl hostnossl only, plain both, certuser client certificate,
 *   scramuser scram-sha-256 (channel binding over TLS);
 * - plain: ssl=off, every role over plain TCP; standby: a standby of plain (same pg_hba.conf).
 * The harness's own role (postgres) keeps plain trust on every server.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Client } from 'pg';
import { resolveConnection } from '../../src/engine/source/connection-options';
import { openConnection } from '../../src/engine/source/connection/open-connection';
import { connectSource } from '../../src/engine/source/source-connect';
import { Cluster, createPgBaseBackupStandby, expectCliSuccess, makeScratchDir, runCli, useClusters } from '../support';
import { freePort } from '../support/ports';
import { CLIENT_KEY_PASSWORD, makeTestCertificates, writeTestHba } from '../support/tls-certs';
import { run } from '../support/run';

useClusters();

const PSQL = '/usr/lib/postgresql/15/bin/psql';
const SCRAM_PASSWORD = 'scr-Pw-4417';
const PROBE = "SELECT current_setting('port') AS port, s.ssl, current_setting('search_path') AS search_path FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()";

interface Outcome {
  ok: boolean;
  port?: string;
  ssl?: boolean;
  searchPath?: string;
  error?: string;
}

interface Case {
  name: string;
  /** The -d argument (conninfo or URI), with {tls}, {plain}, {standby}, {dead}, {certs}, {tlsSocket} filled in. */
  conninfo: string;
  env?: Record<string, string>;
  /** Which prepared HOME the clients run with. */
  home?: 'empty' | 'rootCa' | 'wrongRootCa' | 'clientCert' | 'services' | 'revoked';
  /** What both must do; the comparison with psql is the test, this only keeps the table honest. */
  expect: 'ok' | 'fail';
  /** Also open our replication connection and compare its TLS with psql's. */
  walStream?: boolean;
}

const ROLES = ['app', 'nossl', 'plain', 'certuser', 'scramuser', 'gssuser'];

async function addRoles(c: Cluster): Promise<void> {
  for (const role of ROLES) await c.query(`CREATE ROLE ${role} LOGIN SUPERUSER REPLICATION`);
  await c.query(`ALTER ROLE scramuser PASSWORD '${SCRAM_PASSWORD}'`);
}

/** One client's view: ok, and which server and whether TLS, as the server itself reports. */
async function viaPsql(conninfo: string, env: Record<string, string>): Promise<Outcome> {
  const r = await run(PSQL, ['-X', '-A', '-t', '-F', '|', '-d', conninfo, '-c', PROBE], { env, asRoot: true, allowFailure: true, timeoutMs: 30_000 });
  if (r.code !== 0) return { ok: false, error: r.stderr.trim() };
  const [port, ssl, searchPath] = r.stdout.trim().split('|');
  return { ok: true, port, ssl: ssl === 't', searchPath };
}

async function viaUs(conninfo: string, env: Record<string, string>): Promise<Outcome> {
  let client: Client | undefined;
  try {
    const conn = resolveConnection({ dbname: conninfo }, env, env.HOME);
    ({ client } = await openConnection(conn, {}));
    const row = (await client.query(PROBE)).rows[0];
    return { ok: true, port: row.port, ssl: row.ssl, searchPath: row.search_path };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  } finally {
    await client?.end().catch(() => undefined);
  }
}

/** Our replication connection (the WAL stream) for the case: whether its walsender uses TLS, from the server. */
async function ourWalStreamTls(conninfo: string, env: Record<string, string>, servers: Cluster[]): Promise<boolean | string> {
  const conn = resolveConnection({ dbname: conninfo }, env, env.HOME);
  let client: Client | undefined;
  try {
    client = await connectSource(conn, { replication: 'true', application_name: 'conformance-wal' });
    for (const s of servers) {
      const rows = await s.query<{ ssl: boolean }>(
        "SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.backend_type = 'walsender' AND a.application_name = 'conformance-wal'");
      if (rows.length > 0) return rows[0].ssl;
    }
    return 'no walsender found';
  } catch (err) {
    return `failed: ${(err as Error).message}`;
  } finally {
    await client?.end().catch(() => undefined);
  }
}

describe('connections as libpq makes them (psql 15 as the oracle)', () => {
  test('TLS by default, sslmode, certificates, channel binding, services, environment, URIs and host lists', async () => {
    const made = makeTestCertificates();
    const certs = made.dir;
    const tls = await Cluster.createPrimary(15, { settings: made.serverSettings });
    await addRoles(tls);
    writeTestHba(tls.dataDir, [
      'hostssl   all         app        127.0.0.1/32  trust',
      'hostssl   replication app        127.0.0.1/32  trust',
      'hostnossl all         nossl      127.0.0.1/32  trust',
      'hostnossl replication nossl      127.0.0.1/32  trust',
      'host      all         plain      127.0.0.1/32  trust',
      'host      replication plain      127.0.0.1/32  trust',
      'hostssl   all         certuser   127.0.0.1/32  cert',
      'host      all         scramuser  127.0.0.1/32  scram-sha-256',
      'host      all         gssuser    127.0.0.1/32  gss',
    ]);
    await tls.query('SELECT pg_reload_conf()');

    const plain = await Cluster.createPrimary(15);
    await addRoles(plain);
    writeTestHba(plain.dataDir, ['host all all 127.0.0.1/32 trust', 'host replication all 127.0.0.1/32 trust']);
    await plain.query('SELECT pg_reload_conf()');
    const standby = await createPgBaseBackupStandby(plain);
    const dead = await freePort();

    // The HOMEs the clients run with: libpq's default files live in ~/.postgresql.
    const homes: Record<NonNullable<Case['home']>, string> = {
      empty: makeScratchDir('home-empty'), rootCa: makeScratchDir('home-root-ca'), wrongRootCa: makeScratchDir('home-wrong-ca'),
      clientCert: makeScratchDir('home-client-cert'), services: makeScratchDir('home-services'), revoked: makeScratchDir('home-revoked'),
    };
    const put = (home: string, name: string, from: string) => {
      fs.mkdirSync(path.join(home, '.postgresql'), { recursive: true });
      fs.copyFileSync(path.join(certs, from), path.join(home, '.postgresql', name));
      fs.chmodSync(path.join(home, '.postgresql', name), 0o600);
    };
    put(homes.rootCa, 'root.crt', 'ca.crt');
    put(homes.wrongRootCa, 'root.crt', 'wrong-ca.crt');
    put(homes.clientCert, 'postgresql.crt', 'client.crt');
    put(homes.clientCert, 'postgresql.key', 'client.key');
    put(homes.revoked, 'root.crt', 'ca.crt');
    put(homes.revoked, 'root.crl', 'server-revoked.crl');
    const sysconf = makeScratchDir('sysconfdir');
    fs.writeFileSync(path.join(homes.services, '.pg_service.conf'),
      `# user service file\n[tlsapp]\nhost=127.0.0.1\nport=${tls.port}\nuser=app\ndbname=postgres\n\n[plainonly]\nhost=127.0.0.1\nport=${tls.port}\nuser=app\nsslmode=disable\ndbname=postgres\n`);
    const passfile = path.join(sysconf, 'pgpass');
    fs.writeFileSync(passfile, `127.0.0.1:${tls.port}:postgres:scramuser:${SCRAM_PASSWORD}\n`, { mode: 0o600 });
    const altServiceFile = path.join(sysconf, 'alt-services.conf');
    fs.writeFileSync(altServiceFile, `[alt]\nhostaddr=127.0.0.1\nport=${plain.port}\nuser=plain\ndbname=postgres\n`);
    fs.writeFileSync(path.join(sysconf, 'pg_service.conf'), `[systemwide]\nhost=127.0.0.1\nport=${tls.port}\nuser=nossl\ndbname=postgres\n`);

    const T = tls.port;
    const P = plain.port;
    const S = standby.port;
    const D = dead;
    const H = '127.0.0.1';
    const cert = (f: string) => path.join(certs, f);
    const cases: Case[] = [
      // sslmode=prefer, the default: TLS when the server offers it, plain when it refuses.
      { name: 'default sslmode, hostssl-only role', conninfo: `host=${H} port=${T} user=app dbname=postgres`, expect: 'ok', walStream: true },
      { name: 'default sslmode, hostnossl-only role (TLS refused by pg_hba: retried plain)', conninfo: `host=${H} port=${T} user=nossl dbname=postgres`, expect: 'ok', walStream: true },
      { name: 'default sslmode, role allowed both ways', conninfo: `host=${H} port=${T} user=plain dbname=postgres`, expect: 'ok', walStream: true },
      { name: 'default sslmode, server with ssl=off', conninfo: `host=${H} port=${P} user=app dbname=postgres`, expect: 'ok', walStream: true },
      { name: 'sslmode=disable, hostssl-only role', conninfo: `host=${H} port=${T} user=app dbname=postgres sslmode=disable`, expect: 'fail' },
      { name: 'sslmode=disable, both ways', conninfo: `host=${H} port=${T} user=plain dbname=postgres sslmode=disable`, expect: 'ok' },
      { name: 'sslmode=allow, hostssl-only role (plain refused: retried with TLS)', conninfo: `host=${H} port=${T} user=app dbname=postgres sslmode=allow`, expect: 'ok', walStream: true },
      { name: 'sslmode=allow, both ways (plain first)', conninfo: `host=${H} port=${T} user=plain dbname=postgres sslmode=allow`, expect: 'ok', walStream: true },
      { name: 'sslmode=require, hostnossl-only role', conninfo: `host=${H} port=${T} user=nossl dbname=postgres sslmode=require`, expect: 'fail' },
      { name: 'sslmode=require, server with ssl=off', conninfo: `host=${H} port=${P} user=app dbname=postgres sslmode=require`, expect: 'fail' },
      { name: 'sslmode=allow, server with ssl=off', conninfo: `host=${H} port=${P} user=app dbname=postgres sslmode=allow`, expect: 'ok' },
      // Verification.
      { name: 'verify-ca without any root certificate', conninfo: `host=${H} port=${T} user=app dbname=postgres sslmode=verify-ca`, expect: 'fail' },
      { name: 'verify-ca with the right CA', conninfo: `host=${H} port=${T} user=app dbname=postgres sslmode=verify-ca sslrootcert=${cert('ca.crt')}`, expect: 'ok' },
      { name: 'verify-ca with a wrong CA', conninfo: `host=${H} port=${T} user=app dbname=postgres sslmode=verify-ca sslrootcert=${cert('wrong-ca.crt')}`, expect: 'fail' },
      { name: 'verify-full, host name in the certificate', conninfo: `host=localhost port=${T} user=app dbname=postgres sslmode=verify-full sslrootcert=${cert('ca.crt')}`, expect: 'ok' },
      { name: 'verify-full, host name mismatch (address not in the certificate)', conninfo: `host=${H} port=${T} user=app dbname=postgres sslmode=verify-full sslrootcert=${cert('ca.crt')}`, expect: 'fail' },
      { name: 'verify-full with hostaddr: the name is checked, the address connected', conninfo: `host=localhost hostaddr=${H} port=${T} user=app dbname=postgres sslmode=verify-full sslrootcert=${cert('ca.crt')}`, expect: 'ok' },
      { name: 'require with ~/.postgresql/root.crt of the right CA', conninfo: `host=${H} port=${T} user=app dbname=postgres sslmode=require`, home: 'rootCa', expect: 'ok' },
      { name: 'require with ~/.postgresql/root.crt of a wrong CA (acts as verify-ca)', conninfo: `host=${H} port=${T} user=app dbname=postgres sslmode=require`, home: 'wrongRootCa', expect: 'fail' },
      { name: 'prefer with a wrong root.crt, hostssl-only role', conninfo: `host=${H} port=${T} user=app dbname=postgres`, home: 'wrongRootCa', expect: 'fail' },
      { name: 'prefer with a wrong root.crt, role allowed both ways (falls back to plain)', conninfo: `host=${H} port=${T} user=plain dbname=postgres`, home: 'wrongRootCa', expect: 'ok' },
      { name: 'verify-full with the default root.crt', conninfo: `host=localhost port=${T} user=app dbname=postgres sslmode=verify-full`, home: 'rootCa', expect: 'ok' },
      { name: 'sslcrl that revokes the server certificate', conninfo: `host=${H} port=${T} user=app dbname=postgres sslmode=verify-ca sslrootcert=${cert('ca.crt')} sslcrl=${cert('server-revoked.crl')}`, expect: 'fail' },
      { name: 'sslcrl that revokes nothing', conninfo: `host=${H} port=${T} user=app dbname=postgres sslmode=verify-ca sslrootcert=${cert('ca.crt')} sslcrl=${cert('empty.crl')}`, expect: 'ok' },
      { name: '~/.postgresql/root.crl revoking the server certificate, with root.crt', conninfo: `host=${H} port=${T} user=app dbname=postgres sslmode=require`, home: 'revoked', expect: 'fail' },
      { name: 'requiressl=1 for a hostnossl-only role', conninfo: `host=${H} port=${T} user=nossl dbname=postgres requiressl=1`, expect: 'fail' },
      { name: 'ssl_min_protocol_version=TLSv1.3', conninfo: `host=${H} port=${T} user=app dbname=postgres ssl_min_protocol_version=TLSv1.3`, expect: 'ok' },
      { name: 'ssl_max_protocol_version=TLSv1.2', conninfo: `host=${H} port=${T} user=app dbname=postgres ssl_max_protocol_version=TLSv1.2`, expect: 'ok' },
      { name: 'ssl_min_protocol_version above ssl_max_protocol_version (refused before any try)', conninfo: `host=${H} port=${T} user=plain dbname=postgres ssl_min_protocol_version=TLSv1.3 ssl_max_protocol_version=TLSv1.2`, expect: 'fail' },
      // Client certificates.
      { name: 'an encrypted client key with sslpassword', conninfo: `host=${H} port=${T} user=certuser dbname=postgres sslcert=${cert('client.crt')} sslkey=${cert('client-encrypted.key')} sslpassword=${CLIENT_KEY_PASSWORD}`, expect: 'ok' },
      { name: 'a wrong sslpassword under prefer, for a role allowed both ways (TLS setup fails: plain)', conninfo: `host=${H} port=${T} user=plain dbname=postgres sslcert=${cert('client.crt')} sslkey=${cert('client-encrypted.key')} sslpassword=wrong`, expect: 'ok' },
      { name: 'an encrypted client key with a wrong sslpassword', conninfo: `host=${H} port=${T} user=certuser dbname=postgres sslmode=require sslcert=${cert('client.crt')} sslkey=${cert('client-encrypted.key')} sslpassword=wrong`, expect: 'fail' },
      // Client certificates.
      { name: 'client certificate from sslcert/sslkey', conninfo: `host=${H} port=${T} user=certuser dbname=postgres sslcert=${cert('client.crt')} sslkey=${cert('client.key')}`, expect: 'ok' },
      { name: 'client certificate auth without a certificate', conninfo: `host=${H} port=${T} user=certuser dbname=postgres sslmode=require`, expect: 'fail' },
      { name: 'client certificate from ~/.postgresql/postgresql.crt and .key', conninfo: `host=${H} port=${T} user=certuser dbname=postgres`, home: 'clientCert', expect: 'ok' },
      // SCRAM and channel binding.
      { name: 'scram, channel_binding=require over TLS', conninfo: `host=${H} port=${T} user=scramuser password=${SCRAM_PASSWORD} dbname=postgres channel_binding=require`, expect: 'ok' },
      { name: 'scram, channel_binding=require without TLS', conninfo: `host=${H} port=${T} user=scramuser password=${SCRAM_PASSWORD} dbname=postgres channel_binding=require sslmode=disable`, expect: 'fail' },
      { name: 'scram, channel_binding=disable', conninfo: `host=${H} port=${T} user=scramuser password=${SCRAM_PASSWORD} dbname=postgres channel_binding=disable`, expect: 'ok' },
      { name: 'scram, wrong password', conninfo: `host=${H} port=${T} user=scramuser password=wrong dbname=postgres`, expect: 'fail' },
      { name: 'trust, channel_binding=require', conninfo: `host=${H} port=${T} user=app dbname=postgres channel_binding=require`, expect: 'fail' },
      // Service files.
      { name: 'service= from ~/.pg_service.conf', conninfo: 'service=tlsapp', home: 'services', expect: 'ok' },
      { name: 'a service with sslmode=disable for a hostssl-only role', conninfo: 'service=plainonly', home: 'services', expect: 'fail' },
      { name: 'PGSERVICE and PGSERVICEFILE', conninfo: '', env: { PGSERVICE: 'alt', PGSERVICEFILE: altServiceFile }, expect: 'ok' },
      { name: 'a service from PGSYSCONFDIR/pg_service.conf', conninfo: 'service=systemwide', home: 'services', expect: 'ok' },
      { name: 'an undefined service', conninfo: 'service=nosuch', home: 'services', expect: 'fail' },
      { name: 'explicit keywords win over the service', conninfo: 'service=tlsapp user=plain', home: 'services', expect: 'ok' },
      { name: 'the service wins over PGUSER; PGSSLMODE fills what it leaves unset', conninfo: 'service=tlsapp', home: 'services', env: { PGUSER: 'nossl', PGSSLMODE: 'disable' }, expect: 'fail' },
      { name: 'the service wins over PGUSER', conninfo: 'service=tlsapp', home: 'services', env: { PGUSER: 'nossl' }, expect: 'ok' },
      // Environment variables.
      { name: 'PGHOST, PGPORT, PGUSER, PGDATABASE', conninfo: '', env: { PGHOST: H, PGPORT: String(T), PGUSER: 'app', PGDATABASE: 'postgres' }, expect: 'ok' },
      { name: 'PGSSLMODE=disable for a hostssl-only role', conninfo: '', env: { PGHOST: H, PGPORT: String(T), PGUSER: 'app', PGDATABASE: 'postgres', PGSSLMODE: 'disable' }, expect: 'fail' },
      { name: 'PGSSLROOTCERT with a wrong CA and PGSSLMODE=require', conninfo: `host=${H} port=${T} user=app dbname=postgres`, env: { PGSSLMODE: 'require', PGSSLROOTCERT: cert('wrong-ca.crt') }, expect: 'fail' },
      { name: 'PGOPTIONS and PGAPPNAME', conninfo: `host=${H} port=${T} user=app dbname=postgres`, env: { PGOPTIONS: '-c search_path=conformance', PGAPPNAME: 'conf' }, expect: 'ok' },
      { name: 'options= in the connection string', conninfo: `host=${H} port=${T} user=app dbname=postgres options='-c search_path=fromconninfo'`, expect: 'ok' },
      // URIs.
      { name: 'URI', conninfo: `postgresql://app@${H}:${T}/postgres`, expect: 'ok' },
      { name: 'URI with query parameters', conninfo: `postgres://nossl@${H}:${T}/postgres?sslmode=require`, expect: 'fail' },
      { name: 'URI with several hosts, the first dead', conninfo: `postgresql://${H}:${D},${H}:${P}/postgres?user=app`, expect: 'ok' },
      { name: 'URI without a host, host and port as query parameters', conninfo: `postgresql:///postgres?host=${H}&port=${T}&user=app`, expect: 'ok' },
      { name: 'hostaddr alone', conninfo: `hostaddr=${H} port=${T} user=app dbname=postgres`, expect: 'ok' },
      { name: 'keepalives=0 and keepalives_idle', conninfo: `host=${H} port=${T} user=app dbname=postgres keepalives=0 keepalives_idle=30`, expect: 'ok' },
      { name: 'passfile per host of the list', conninfo: `host=${H},${H} port=${D},${T} user=scramuser dbname=postgres passfile=${passfile}`, expect: 'ok' },
      { name: 'URI with a percent-encoded socket directory', conninfo: `postgresql://${encodeURIComponent(tls.socketDir)}:${T}/postgres?user=app`, expect: 'ok' },
      // Host lists and target_session_attrs.
      { name: 'host list, dead first host', conninfo: `host=${H},${H} port=${D},${T} user=app dbname=postgres`, expect: 'ok' },
      { name: 'host list, the first host refuses in pg_hba.conf: the search ends there', conninfo: `host=${H},${H} port=${T},${P} user=app dbname=postgres sslmode=disable`, expect: 'fail' },
      { name: 'host list, the first host refuses the password: the search ends there', conninfo: `host=${H},${H} port=${T},${P} user=scramuser password=wrong dbname=postgres`, expect: 'fail' },
      { name: 'host list, one port for all', conninfo: `host=${H},localhost port=${T} user=app dbname=postgres`, expect: 'ok' },
      { name: 'host list, every host dead', conninfo: `host=${H},${H} port=${D},${D} user=app dbname=postgres connect_timeout=2`, expect: 'fail' },
      { name: 'standby first, target_session_attrs=primary', conninfo: `host=${H},${H} port=${S},${P} user=app dbname=postgres target_session_attrs=primary`, expect: 'ok' },
      { name: 'standby first, target_session_attrs=read-write', conninfo: `host=${H},${H} port=${S},${P} user=app dbname=postgres target_session_attrs=read-write`, expect: 'ok' },
      { name: 'primary first, target_session_attrs=standby', conninfo: `host=${H},${H} port=${P},${S} user=app dbname=postgres target_session_attrs=standby`, expect: 'ok' },
      { name: 'primary first, target_session_attrs=read-only', conninfo: `host=${H},${H} port=${P},${S} user=app dbname=postgres target_session_attrs=read-only`, expect: 'ok' },
      { name: 'prefer-standby, no standby listed', conninfo: `host=${H},${H} port=${D},${P} user=app dbname=postgres target_session_attrs=prefer-standby`, expect: 'ok' },
      { name: 'prefer-standby, standby second', conninfo: `host=${H},${H} port=${P},${S} user=app dbname=postgres target_session_attrs=prefer-standby`, expect: 'ok' },
      { name: 'target_session_attrs=standby, only a primary', conninfo: `host=${H} port=${P} user=app dbname=postgres target_session_attrs=standby`, expect: 'fail' },
      { name: 'PGTARGETSESSIONATTRS=primary, standby first', conninfo: `host=${H},${H} port=${S},${P} user=app dbname=postgres`, env: { PGTARGETSESSIONATTRS: 'primary' }, expect: 'ok' },
      { name: 'hostaddr list with host names', conninfo: `host=a.invalid,localhost hostaddr=${H},${H} port=${D},${T} user=app dbname=postgres`, expect: 'ok' },
      { name: 'port list that does not match the hosts', conninfo: `host=${H},${H},${H} port=${T},${P} user=app dbname=postgres`, expect: 'fail' },
      // Sockets, refusals of the syntax.
      { name: 'Unix socket with sslmode=prefer', conninfo: `host=${tls.socketDir} port=${T} user=app dbname=postgres`, expect: 'ok' },
      { name: 'Unix socket with sslmode=require (libpq never uses TLS on a socket)', conninfo: `host=${tls.socketDir} port=${T} user=plain dbname=postgres sslmode=require`, expect: 'ok' },
      { name: 'GSSAPI authentication asked by the server (no Kerberos here)', conninfo: `host=${H} port=${T} user=gssuser dbname=postgres`, expect: 'fail' },
      { name: 'gssencmode=require without Kerberos', conninfo: `host=${H} port=${T} user=app dbname=postgres gssencmode=require`, expect: 'fail' },
      { name: 'an unknown keyword', conninfo: `host=${H} port=${T} user=app dbname=postgres nosuchoption=1`, expect: 'fail' },
      { name: 'an invalid sslmode', conninfo: `host=${H} port=${T} user=app dbname=postgres sslmode=sometimes`, expect: 'fail' },
      { name: 'application_name and connect_timeout', conninfo: `host=${H} port=${T} user=app dbname=postgres application_name=conf connect_timeout=5`, expect: 'ok' },
    ];
    expect(cases.length).toBeGreaterThanOrEqual(30);

    const portNames: Record<string, string> = { [T]: 'tls', [P]: 'plain', [S]: 'standby' };
    const mismatches: string[] = [];
    for (const c of cases) {
      const env: Record<string, string> = { HOME: homes[c.home ?? 'empty'], PGSYSCONFDIR: sysconf, ...c.env };
      const psql = await viaPsql(c.conninfo, env);
      const ours = await viaUs(c.conninfo, env);
      const summary = (o: Outcome) => (o.ok ? `ok on ${portNames[o.port!] ?? o.port}, ${o.ssl ? 'TLS' : 'plain'}, search_path ${o.searchPath}` : 'fails');
      const line = `${c.name}: psql ${summary(psql)}; ours ${summary(ours)}${ours.error && !psql.ok ? '' : ours.error ? ` (${ours.error})` : ''}${psql.error && ours.ok ? ` (psql: ${psql.error})` : ''}`;
      if (process.env.CONFORMANCE_VERBOSE) process.stderr.write(`${line}\n`);
      if (summary(psql) !== summary(ours)) mismatches.push(line);
      else if ((c.expect === 'ok') !== psql.ok) mismatches.push(`${line}: the table expected ${c.expect} (psql: ${psql.error ?? 'ok'})`);
      if (c.walStream && psql.ok) {
        const walTls = await ourWalStreamTls(c.conninfo, env, [tls, plain]);
        if (walTls !== psql.ssl) mismatches.push(`${c.name}: WAL stream ${walTls}, psql's session ${psql.ssl ? 'TLS' : 'plain'}`);
      }
    }
    expect(mismatches).toEqual([]);

    // Beyond libpq 15 (Debian's psql cannot judge these): libpq 16's documented behaviour.
    const base = { HOME: homes.empty, PGSYSCONFDIR: sysconf };
    const beyond: Array<[string, string, Record<string, string>, boolean]> = [
      ['require_auth=scram-sha-256 against scram', `host=${H} port=${T} user=scramuser password=${SCRAM_PASSWORD} dbname=postgres require_auth=scram-sha-256`, {}, true],
      ['require_auth=password against scram', `host=${H} port=${T} user=scramuser password=${SCRAM_PASSWORD} dbname=postgres require_auth=password`, {}, false],
      ['require_auth=!scram-sha-256 against scram', `host=${H} port=${T} user=scramuser password=${SCRAM_PASSWORD} dbname=postgres require_auth=!scram-sha-256`, {}, false],
      ['require_auth=scram-sha-256 against trust', `host=${H} port=${T} user=app dbname=postgres require_auth=scram-sha-256`, {}, false],
      ['require_auth=none against trust', `host=${H} port=${T} user=app dbname=postgres require_auth=none`, {}, true],
      ['sslrootcert=system, server CA not in the store', `host=localhost port=${T} user=app dbname=postgres sslrootcert=system`, {}, false],
      ['sslrootcert=system with SSL_CERT_FILE holding the CA (verify-full implied)', `host=localhost port=${T} user=app dbname=postgres sslrootcert=system`, { SSL_CERT_FILE: cert('ca.crt') }, true],
      ['sslrootcert=system with sslmode=require', `host=localhost port=${T} user=app dbname=postgres sslrootcert=system sslmode=require`, { SSL_CERT_FILE: cert('ca.crt') }, false],
      ['sslcertmode=disable for a certificate role', `host=${H} port=${T} user=certuser dbname=postgres sslcertmode=disable sslcert=${cert('client.crt')} sslkey=${cert('client.key')}`, {}, false],
    ];
    for (const [name, conninfo, env, ok] of beyond) {
      const ours = await viaUs(conninfo, { ...base, ...env });
      if (ours.ok !== ok) mismatches.push(`${name}: ours ${ours.ok ? 'ok' : `fails (${ours.error})`}, libpq 16 documents ${ok ? 'success' : 'failure'}`);
    }

    // GSSAPI asked by the server: a refusal in one line with the alternative, not a crash.
    const gss = resolveConnection({ dbname: `host=${H} port=${T} user=gssuser dbname=postgres` }, base, base.HOME);
    await expect(connectSource(gss)).rejects.toThrow(/asks for GSSAPI authentication \(Kerberos\), which pg-catchup cannot do.*scram-sha-256 or cert/);

    // Several hosts, none suitable: each named with its own reason.
    const none = resolveConnection({ dbname: `host=${H},${H} port=${D},${S} user=app dbname=postgres target_session_attrs=primary` }, base, base.HOME);
    await expect(connectSource(none)).rejects.toThrow(new RegExp(`tried 2 hosts for target_session_attrs=primary: "127.0.0.1", port ${D}: connect ECONNREFUSED [^;]*; "127.0.0.1", port ${S}: server is in hot standby mode`));

    // load_balance_hosts=random spreads first connections; every later connection of the run goes where the first went.
    const seen = new Set<string>();
    for (let i = 0; i < 16; i++) {
      const conn = resolveConnection({ dbname: `host=${H},${H} port=${T},${P} user=plain dbname=postgres load_balance_hosts=random` }, base, base.HOME);
      const first = await connectSource(conn);
      const later = await Promise.all([connectSource(conn), connectSource(conn, { replication: 'true' }), connectSource({ ...conn, keywords: { ...conn.keywords, dbname: 'template1' } })]);
      const ports = [first, ...later].map((c) => (c as unknown as { port: number }).port);
      seen.add(String(ports[0]));
      if (new Set(ports).size !== 1) mismatches.push(`load_balance_hosts=random: one run's connections went to ports ${ports.join(', ')}`);
      await Promise.all([first, ...later].map((c) => c.end()));
    }
    if (seen.size !== 2) mismatches.push(`load_balance_hosts=random: 16 runs all chose port ${[...seen].join(', ')}`);
    expect(mismatches).toEqual([]);

    // Once through the CLI: preflight against the hostssl-only role with default options.
    const target = tls.makeTargetDir();
    const pre = await runCli(['preflight', '-b', 'FULL', '-D', target, '-d', `host=${H} port=${T} user=app dbname=postgres`], { env: { HOME: homes.empty, PGSYSCONFDIR: sysconf } });
    expectCliSuccess(pre);
    expect(pre.stdout).toMatch(new RegExp(`Connection to the source is encrypted: 127\\.0\\.0\\.1 \\(127\\.0\\.0\\.1\\) port ${T} over TLSv1\\.[23] \\(certificate not verified\\)`));
  });
});
