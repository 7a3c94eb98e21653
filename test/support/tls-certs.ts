/**
 * Certificates made with openssl for TLS tests: a CA, a server certificate for "localhost"
 * signed by it, a client certificate for the role certuser, and an unrelated CA. The server's
 * copies go to a directory the server OS user owns, with mode 0600 as PostgreSQL requires.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { giveToServerUser, makeScratchDir } from './scratch';

export const CLIENT_KEY_PASSWORD = 'key-pass-31';

export interface TestCertificates {
  /**
   * ca.crt, wrong-ca.crt, server.crt/.key, client.crt/.key, client-encrypted.key (CLIENT_KEY_PASSWORD),
   * empty.crl and server-revoked.crl (root-owned, 0600).
   */
  dir: string;
  /** postgresql.conf settings for ssl = on with the server certificate (ssl_ca_file for client certificates). */
  serverSettings: Record<string, string>;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

export function makeTestCertificates(): TestCertificates {
  const dir = makeScratchDir('certs');
  const days = ['-days', '2'];
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', ...days, '-subj', '/CN=test-ca'], dir);
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'wrong-ca.key', '-out', 'wrong-ca.crt', ...days, '-subj', '/CN=other-ca'], dir);
  fs.writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=DNS:localhost\n');
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost'], dir);
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', ...days, '-extfile', 'server.ext'], dir);
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'client.key', '-out', 'client.csr', '-subj', '/CN=certuser'], dir);
  openssl(['x509', '-req', '-in', 'client.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'client.crt', ...days], dir);
  // The client key again, encrypted (for sslpassword).
  openssl(['pkcs8', '-topk8', '-v2', 'aes256', '-in', 'client.key', '-out', 'client-encrypted.key', '-passout', `pass:${CLIENT_KEY_PASSWORD}`], dir);
  // CRLs from the CA: one empty, one that revokes the server certificate.
  fs.writeFileSync(path.join(dir, 'ca.cnf'), '[ca]\ndefault_ca = ca_default\n[ca_default]\ndatabase = index.txt\ncrlnumber = crlnumber\ndefault_md = sha256\ndefault_crl_days = 2\n');
  fs.writeFileSync(path.join(dir, 'index.txt'), '');
  fs.writeFileSync(path.join(dir, 'crlnumber'), '01\n');
  const ca = ['-config', 'ca.cnf', '-keyfile', 'ca.key', '-cert', 'ca.crt'];
  openssl(['ca', ...ca, '-gencrl', '-out', 'empty.crl'], dir);
  openssl(['ca', ...ca, '-revoke', 'server.crt'], dir);
  openssl(['ca', ...ca, '-gencrl', '-out', 'server-revoked.crl'], dir);
  for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o600);

  const serverDir = makeScratchDir('server-certs');
  for (const f of ['server.crt', 'server.key', 'ca.crt']) {
    fs.copyFileSync(path.join(dir, f), path.join(serverDir, f));
    fs.chmodSync(path.join(serverDir, f), 0o600);
    giveToServerUser(path.join(serverDir, f));
  }
  return {
    dir,
    serverSettings: {
      ssl: 'on', ssl_cert_file: `'${serverDir}/server.crt'`, ssl_key_file: `'${serverDir}/server.key'`, ssl_ca_file: `'${serverDir}/ca.crt'`,
    },
  };
}

/** pg_hba.conf: the harness's own role (postgres) keeps plain trust; the test's lines follow. */
export function writeTestHba(dataDir: string, lines: string[]): void {
  const hba = path.join(dataDir, 'pg_hba.conf');
  fs.writeFileSync(hba, ['local all all trust', 'local replication all trust', 'host all postgres 127.0.0.1/32 trust', ...lines, ''].join('\n'));
  giveToServerUser(hba);
}
