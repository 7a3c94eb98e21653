import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { resolveConnection, ResolvedConnection } from '../../../src/engine/source/connection-options';
import { clientConfig } from '../../../src/engine/source/connection/open-connection';
import { tlsOptions, sslModeOf } from '../../../src/engine/source/connection/tls-options';

const NO_HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'no-home-'));
const toClientConfig = (conn: ResolvedConnection, extra: object = {}) => clientConfig(conn, conn.targets[0], extra);
const tlsFor = (conn: ResolvedConnection) => tlsOptions(conn.keywords, sslModeOf(conn.keywords), conn.targets[0], NO_HOME, {}).options;

describe('resolving the source connection as libpq does', () => {
  test('explicit flags beat the -d conninfo, which beats PG* variables', () => {
    const env = { PGHOST: 'envhost', PGPORT: '1111', PGUSER: 'envuser', PGDATABASE: 'envdb', PGPASSWORD: 'envpw' };
    const r = resolveConnection({ dbname: 'host=connhost port=2222 user=connuser', port: '3333' }, env);
    expect(r.keywords).toMatchObject({ host: 'connhost', port: '3333', user: 'connuser', dbname: 'envdb', password: 'envpw' });
  });

  test('a plain -d is a database name, a URI is parsed', () => {
    expect(resolveConnection({ dbname: 'sales', host: 'h' }, {}).keywords.dbname).toBe('sales');
    expect(resolveConnection({ dbname: 'postgresql://u@h2:5444/d' }, {}).keywords).toMatchObject({ host: 'h2', port: '5444', user: 'u', dbname: 'd' });
  });

  test('the display string never contains the password', () => {
    const r = resolveConnection({ dbname: 'host=h user=u password=secret' }, {});
    expect(r.display).toBe('host=h port=5432 user=u');
    expect(r.display).not.toContain('secret');
  });

  test('a bad port is refused with the fix', () => {
    expect(() => resolveConnection({ host: 'h', port: 'abc' }, {})).toThrow(/not a TCP port number.*-p\/--port/);
    expect(() => resolveConnection({ host: 'h', port: '70000' }, {})).toThrow(/not a TCP port number/);
  });

  test('node-postgres config: keepalives on; TLS options when sslmode asks for it', () => {
    const plain = toClientConfig(resolveConnection({ host: 'h', user: 'u' }, {}));
    expect(plain).toMatchObject({ host: 'h', port: 5432, user: 'u', database: 'postgres', keepAlive: true });
    expect(plain.ssl).toBeUndefined();
    expect(typeof plain.password).toBe('function'); // asked of the password file only if the server wants one
    expect(toClientConfig(resolveConnection({ host: 'h', password: 'pw' }, {})).password).toBe('pw');
    // TLS is negotiated by us on the socket (tls-negotiation.ts), never by node-postgres's ssl option.
    expect(toClientConfig(resolveConnection({ dbname: 'host=h sslmode=require' }, {})).ssl).toBeUndefined();
    expect(tlsFor(resolveConnection({ dbname: 'host=h sslmode=require' }, {}))).toMatchObject({ rejectUnauthorized: false, servername: 'h' });
  });

  test('a password the server asks for comes from passfile=, matching "replication" for the WAL stream', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgpass-'));
    const file = path.join(dir, 'pass');
    fs.writeFileSync(file, 'h:5432:replication:u:repl-pw\nh:5432:*:u:sql-pw\n', { mode: 0o600 });
    const conn = resolveConnection({ dbname: `host=h user=u passfile=${file}` }, {});
    const ask = (config: { password?: unknown }) => (config.password as () => Promise<string>)();
    await expect(ask(toClientConfig(conn))).resolves.toBe('sql-pw');
    await expect(ask(toClientConfig(conn, { replication: 'true' } as object))).resolves.toBe('repl-pw');
    fs.chmodSync(file, 0o644);
    await expect(ask(toClientConfig(conn))).rejects.toThrow(/asks for a password and none was given.*group or world access.*chmod 0600/);
    fs.rmSync(dir, { recursive: true });
  });
});
