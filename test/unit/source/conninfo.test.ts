import { formatConninfo, parseConninfo, parseKeyValueConninfo, quoteConninfoValue } from '../../../src/engine/source/conninfo';

describe('libpq conninfo strings', () => {
  test('key=value with spaces around = and quoted values with escapes', () => {
    expect(parseKeyValueConninfo("host=db1 port = 5433 user='a b' password='it\\'s' dbname=x\\ y")).toEqual({
      host: 'db1', port: '5433', user: 'a b', password: "it's", dbname: 'x y',
    });
  });

  test('empty quoted value and empty string', () => {
    expect(parseKeyValueConninfo("password=''")).toEqual({ password: '' });
    expect(parseKeyValueConninfo('   ')).toEqual({});
  });

  test('malformed input names the problem', () => {
    expect(() => parseKeyValueConninfo('host')).toThrow(/missing "=" after "host"/);
    expect(() => parseKeyValueConninfo("user='abc")).toThrow(/unterminated quoted value for "user"/);
  });

  test('URIs: user, password, host, port, database and query keywords, percent-decoded', () => {
    expect(parseConninfo('postgresql://rep%40l:p%2Fw@db.example:6432/my%20db?sslmode=require&application_name=x')).toEqual({
      user: 'rep@l', password: 'p/w', host: 'db.example', port: '6432', dbname: 'my db', sslmode: 'require', application_name: 'x',
    });
    expect(parseConninfo('postgres://[::1]:5432/')).toEqual({ host: '::1', port: '5432' });
  });

  test('quoting round-trips through the parser', () => {
    const info = { host: 'h', user: "o'brien", password: 'a b\\c', dbname: '' };
    expect(parseKeyValueConninfo(formatConninfo(info))).toEqual(info);
    expect(quoteConninfoValue('plain')).toBe('plain');
    expect(quoteConninfoValue('')).toBe("''");
  });
});
