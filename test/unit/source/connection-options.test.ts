import { resolveConnection, toClientConfig } from '../../../src/engine/source/connection-options';

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

  test('node-postgres config: keepalives on, TLS only when sslmode asks for it', () => {
    const plain = toClientConfig(resolveConnection({ host: 'h', user: 'u' }, {}));
    expect(plain).toMatchObject({ host: 'h', port: 5432, user: 'u', database: 'postgres', keepAlive: true });
    expect(plain.ssl).toBeUndefined();
    expect(plain.password).toBeUndefined();
    const tls = toClientConfig(resolveConnection({ dbname: 'host=h sslmode=require' }, {}));
    expect(tls.ssl).toMatchObject({ rejectUnauthorized: false });
  });
});
