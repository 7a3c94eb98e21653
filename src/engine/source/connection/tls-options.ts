import fs from 'fs';
import net from 'net';
import path from 'path';
import type tls from 'tls';
import { CatchupError } from '../../errors';
import { HostTarget, isSocketDir } from './host-list';

/**
 * TLS as libpq sets it up (fe-secure-openssl.c), for one target:
 * - sslmode decides the order of tries: disable (plain), allow (plain, then TLS if the server
 *   refuses), prefer (TLS, then plain if the server or the handshake refuses; the default),
 *   require and verify-* (TLS only). Unix sockets never use TLS.
 * - A root certificate file (sslrootcert, else ~/.postgresql/root.crt) that exists turns
 *   verification on in every mode, so `require` then acts as `verify-ca`; verify-* without
 *   one is an error. sslrootcert=system is the system's trust store and requires verify-full.
 * - A client certificate (sslcert, else ~/.postgresql/postgresql.crt) that exists is sent,
 *   with its key (sslkey, else ~/.postgresql/postgresql.key), which must not be readable by others.
 */
export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
const SSL_MODES: SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];
const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

export interface TlsChoice {
  options: tls.ConnectionOptions;
  /** The server's certificate chain is checked against a root certificate. */
  verifiesChain: boolean;
  /** ...and its name against the host (verify-full). */
  verifiesHostName: boolean;
}

/** The effective sslmode: explicit, or libpq's default (verify-full with sslrootcert=system, else prefer). */
export function sslModeOf(k: Record<string, string>): SslMode {
  let mode = k.sslmode;
  if (mode === undefined || mode === '') {
    if (k.requiressl === '1') mode = 'require';
    else mode = k.sslrootcert === 'system' ? 'verify-full' : 'prefer';
  }
  if (!SSL_MODES.includes(mode as SslMode)) {
    throw new CatchupError('conninfo-value', `sslmode "${mode}" is not valid.`, `Use one of ${SSL_MODES.join(', ')}.`);
  }
  if (k.sslrootcert === 'system' && mode !== 'verify-full') {
    throw new CatchupError('conninfo-value', `sslmode "${mode}" may not be used with sslrootcert=system: trusting every public CA is only safe with host-name checks.`,
      'Use sslmode=verify-full, or give sslrootcert the CA file that signed the server\'s certificate.');
  }
  return mode as SslMode;
}

/** What libpq refuses before connecting: unknown protocol versions, or a minimum above the maximum. */
export function checkTlsKeywords(k: Record<string, string>): void {
  const min = tlsVersion(k, 'ssl_min_protocol_version');
  const max = tlsVersion(k, 'ssl_max_protocol_version');
  if (min && max && TLS_VERSIONS.indexOf(min) > TLS_VERSIONS.indexOf(max)) {
    throw new CatchupError('conninfo-value', `ssl_min_protocol_version ${min} is above ssl_max_protocol_version ${max}: no TLS version is left.`,
      'Lower ssl_min_protocol_version or raise ssl_max_protocol_version.');
  }
}

/** Whether each try for this target is plain (false) or TLS (true), in order. */
export function tlsTries(mode: SslMode, target: HostTarget): boolean[] {
  if (isSocketDir(target.host) && !target.hostaddr) return [false];
  switch (mode) {
    case 'disable': return [false];
    case 'allow': return [false, true];
    case 'prefer': return [true, false];
    default: return [true];
  }
}

/** The TLS options for one target; throws what libpq would fail on (a missing root file, an unsafe key). */
export function tlsOptions(k: Record<string, string>, mode: SslMode, target: HostTarget, home: string, env: Record<string, string | undefined>): TlsChoice {
  const pgDir = path.join(home, '.postgresql');
  const options: tls.ConnectionOptions = {};
  const minVersion = tlsVersion(k, 'ssl_min_protocol_version') ?? 'TLSv1.2';
  const maxVersion = tlsVersion(k, 'ssl_max_protocol_version');
  options.minVersion = minVersion as tls.SecureVersion;
  if (maxVersion) options.maxVersion = maxVersion as tls.SecureVersion;

  const rootFile = nonEmpty(k.sslrootcert) ?? path.join(pgDir, 'root.crt');
  let verifiesChain = false;
  if (rootFile === 'system') {
    options.ca = systemTrustStore(env);
    verifiesChain = true;
  } else if (fs.existsSync(rootFile)) {
    options.ca = readFile(rootFile, 'root certificate');
    verifiesChain = true;
    const crl = crls(k, pgDir);
    if (crl.length > 0) options.crl = crl;
  } else if (mode === 'verify-ca' || mode === 'verify-full') {
    throw new CatchupError('ssl-root-cert-missing', `sslmode=${mode} needs a root certificate, and the file "${rootFile}" does not exist.`,
      'Give sslrootcert=FILE (the CA that signed the server\'s certificate), put it at ~/.postgresql/root.crt, use sslrootcert=system, or use a weaker sslmode.');
  }
  options.rejectUnauthorized = verifiesChain;

  const hostName = target.host && !isSocketDir(target.host) ? target.host : null;
  const verifiesHostName = mode === 'verify-full';
  if (verifiesHostName) {
    if (!hostName) {
      throw new CatchupError('ssl-host-name-missing', `sslmode=verify-full checks the server's certificate against a host name, and ${target.hostaddr} was given as hostaddr only.`,
        'Add host=NAME (the name in the certificate) next to hostaddr, or use sslmode=verify-ca.');
    }
    // `tls` is required when a certificate is checked, not at start (see tls-negotiation.ts).
    options.checkServerIdentity = (_servername, cert) => (require('tls') as typeof tls).checkServerIdentity(hostName, cert);
  } else {
    options.checkServerIdentity = () => undefined;
  }
  // SNI carries the host name (never an address), unless sslsni=0.
  if (hostName && net.isIP(hostName) === 0 && k.sslsni !== '0') options.servername = hostName;

  if (k.sslcertmode !== 'disable') Object.assign(options, clientCertificate(k, pgDir));
  return { options, verifiesChain, verifiesHostName };
}

function clientCertificate(k: Record<string, string>, pgDir: string): Partial<tls.ConnectionOptions> {
  const certFile = nonEmpty(k.sslcert) ?? path.join(pgDir, 'postgresql.crt');
  if (!fs.existsSync(certFile)) return {};
  const keyFile = nonEmpty(k.sslkey) ?? path.join(pgDir, 'postgresql.key');
  let st: fs.Stats;
  try {
    st = fs.statSync(keyFile);
  } catch {
    throw new CatchupError('ssl-key-missing', `The client certificate "${certFile}" has no private key: "${keyFile}" does not exist.`,
      'Give sslkey=FILE, put the key at ~/.postgresql/postgresql.key, or remove the certificate if the server does not need one.');
  }
  const uid = process.geteuid?.() ?? -1;
  const tooOpen = st.uid === uid ? (st.mode & 0o077) !== 0 : st.uid === 0 ? (st.mode & 0o037) !== 0 : false;
  if (tooOpen) {
    throw new CatchupError('ssl-key-permissions', `The private key file "${keyFile}" has group or world access (mode 0${(st.mode & 0o777).toString(8)}).`,
      `Run chmod 0600 ${keyFile} (or 0640 if root owns it), as libpq requires.`);
  }
  const out: Partial<tls.ConnectionOptions> = { cert: readFile(certFile, 'client certificate'), key: readFile(keyFile, 'private key') };
  if (k.sslpassword) out.passphrase = k.sslpassword;
  return out;
}

function crls(k: Record<string, string>, pgDir: string): string[] {
  const out: string[] = [];
  const crlFile = nonEmpty(k.sslcrl) ?? (nonEmpty(k.sslcrldir) ? undefined : path.join(pgDir, 'root.crl'));
  if (crlFile && fs.existsSync(crlFile)) out.push(readFile(crlFile, 'certificate revocation list'));
  const dir = nonEmpty(k.sslcrldir);
  if (dir) {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isFile()) out.push(readFile(file, 'certificate revocation list'));
    }
  }
  return out;
}

/** OpenSSL's default trust store, which libpq's sslrootcert=system loads: SSL_CERT_FILE, else Debian's bundle. */
function systemTrustStore(env: Record<string, string | undefined>): string {
  const file = env.SSL_CERT_FILE || ['/etc/ssl/certs/ca-certificates.crt', '/usr/lib/ssl/cert.pem', '/etc/pki/tls/certs/ca-bundle.crt'].find((f) => fs.existsSync(f));
  if (!file) {
    throw new CatchupError('ssl-system-store-missing', 'sslrootcert=system names the system trust store, and none was found (no /etc/ssl/certs/ca-certificates.crt).',
      'Install the ca-certificates package, set SSL_CERT_FILE, or give sslrootcert=FILE.');
  }
  return readFile(file, 'system trust store');
}

function tlsVersion(k: Record<string, string>, key: string): string | undefined {
  const v = nonEmpty(k[key]);
  if (v === undefined) return undefined;
  if (!TLS_VERSIONS.includes(v)) {
    throw new CatchupError('conninfo-value', `${key} "${v}" is not valid.`, `Use one of ${TLS_VERSIONS.join(', ')}.`);
  }
  return v;
}

function readFile(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CatchupError('ssl-file-unreadable', `Cannot read the ${what} file "${file}": ${(err as Error).message}.`,
      'Check the path and that the user running pg-catchup can read it.');
  }
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}
