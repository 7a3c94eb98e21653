import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkTlsKeywords, sslModeOf, tlsOptions, tlsTries } from '../../../../src/engine/source/connection/tls-options';

const tcp = { host: 'db.example', hostaddr: null, port: 5432 };
const socket = { host: '/var/run/postgresql', hostaddr: null, port: 5432 };

function home(files: Record<string, string> = {}, mode = 0o600): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-home-'));
  fs.mkdirSync(path.join(dir, '.postgresql'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, '.postgresql', name), text, { mode });
  return dir;
}

describe('TLS as libpq sets it up', () => {
  test('sslmode: prefer by default, verify-full with sslrootcert=system, requiressl=1 is require', () => {
    expect(sslModeOf({})).toBe('prefer');
    expect(sslModeOf({ sslrootcert: 'system' })).toBe('verify-full');
    expect(sslModeOf({ requiressl: '1' })).toBe('require');
    expect(() => sslModeOf({ sslmode: 'sometimes' })).toThrow(/sslmode "sometimes" is not valid/);
    expect(() => sslModeOf({ sslmode: 'require', sslrootcert: 'system' })).toThrow(/may not be used with sslrootcert=system/);
  });

  test('the order of tries: prefer TLS then plain, allow plain then TLS; never TLS over a Unix socket', () => {
    expect(tlsTries('prefer', tcp)).toEqual([true, false]);
    expect(tlsTries('allow', tcp)).toEqual([false, true]);
    expect(tlsTries('disable', tcp)).toEqual([false]);
    expect(tlsTries('require', tcp)).toEqual([true]);
    expect(tlsTries('verify-full', socket)).toEqual([false]);
  });

  test('no root certificate: require does not verify, verify-* is refused before connecting', () => {
    const h = home();
    expect(tlsOptions({}, 'require', tcp, h, {})).toMatchObject({ verifiesChain: false, verifiesHostName: false, options: { rejectUnauthorized: false } });
    expect(() => tlsOptions({}, 'verify-ca', tcp, h, {})).toThrow(/needs a root certificate, and the file ".*root\.crt" does not exist/);
  });

  test('~/.postgresql/root.crt turns verification on in every mode (require acts as verify-ca); verify-full checks the name', () => {
    const h = home({ 'root.crt': 'CA PEM', 'root.crl': 'CRL PEM' });
    const req = tlsOptions({}, 'require', tcp, h, {});
    expect(req).toMatchObject({ verifiesChain: true, verifiesHostName: false, options: { ca: 'CA PEM', crl: ['CRL PEM'], rejectUnauthorized: true, servername: 'db.example' } });
    expect(req.options.checkServerIdentity!('db.example', {} as never)).toBeUndefined();
    expect(tlsOptions({}, 'prefer', tcp, h, {}).verifiesChain).toBe(true);
    const full = tlsOptions({}, 'verify-full', tcp, h, {});
    expect(full.verifiesHostName).toBe(true);
    expect(String(full.options.checkServerIdentity!('db.example', { subject: { CN: 'other' }, subjectaltname: 'DNS:other' } as never))).toMatch(/does not match certificate/);
  });

  test('verify-full with hostaddr and no host name is refused; sslsni=0 sends no SNI', () => {
    const h = home({ 'root.crt': 'CA' });
    expect(() => tlsOptions({}, 'verify-full', { host: null, hostaddr: '10.0.0.1', port: 5432 }, h, {})).toThrow(/Add host=NAME/);
    expect(tlsOptions({ sslsni: '0' }, 'require', tcp, h, {}).options.servername).toBeUndefined();
  });

  test('a client certificate needs its key, and a key others can read is refused', () => {
    const h = home({ 'postgresql.crt': 'CERT' });
    expect(() => tlsOptions({}, 'require', tcp, h, {})).toThrow(/has no private key: ".*postgresql\.key" does not exist/);
    fs.writeFileSync(path.join(h, '.postgresql', 'postgresql.key'), 'KEY', { mode: 0o644 });
    fs.chmodSync(path.join(h, '.postgresql', 'postgresql.key'), 0o644);
    expect(() => tlsOptions({}, 'require', tcp, h, {})).toThrow(/group or world access .*chmod 0600/);
    fs.chmodSync(path.join(h, '.postgresql', 'postgresql.key'), 0o600);
    expect(tlsOptions({ sslpassword: 'pp' }, 'require', tcp, h, {}).options).toMatchObject({ cert: 'CERT', key: 'KEY', passphrase: 'pp' });
    expect(tlsOptions({ sslcertmode: 'disable' }, 'require', tcp, h, {}).options.cert).toBeUndefined();
  });

  test('protocol versions: TLSv1.2 at least by default, others validated', () => {
    const h = home();
    expect(tlsOptions({}, 'require', tcp, h, {}).options.minVersion).toBe('TLSv1.2');
    expect(tlsOptions({ ssl_min_protocol_version: 'TLSv1.3' }, 'require', tcp, h, {}).options.minVersion).toBe('TLSv1.3');
    expect(() => tlsOptions({ ssl_max_protocol_version: 'SSLv3' }, 'require', tcp, h, {})).toThrow(/ssl_max_protocol_version "SSLv3" is not valid/);
    expect(() => checkTlsKeywords({ ssl_min_protocol_version: 'TLSv1.3', ssl_max_protocol_version: 'TLSv1.2' })).toThrow(/no TLS version is left/);
    expect(() => checkTlsKeywords({ ssl_max_protocol_version: 'TLSv1.3' })).not.toThrow();
  });

  test('sslrootcert=system reads the system trust store (SSL_CERT_FILE first)', () => {
    const h = home();
    const bundle = path.join(h, 'bundle.pem');
    fs.writeFileSync(bundle, 'SYSTEM CAS');
    expect(tlsOptions({ sslrootcert: 'system' }, 'verify-full', tcp, h, { SSL_CERT_FILE: bundle }).options.ca).toBe('SYSTEM CAS');
  });
});
