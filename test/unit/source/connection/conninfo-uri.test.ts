import { parseConnectionUri } from '../../../../src/engine/source/connection/conninfo-uri';
import { parseConninfo } from '../../../../src/engine/source/conninfo';

describe('postgresql:// URIs as libpq reads them', () => {
  test('several hosts, each with its own port or none', () => {
    expect(parseConnectionUri('postgresql://u@a:5433,b,c:5435/db?target_session_attrs=read-write')).toEqual({
      user: 'u', host: 'a,b,c', port: '5433,,5435', dbname: 'db', target_session_attrs: 'read-write',
    });
    expect(parseConnectionUri('postgres://a,b/db')).toEqual({ host: 'a,b', dbname: 'db' });
  });

  test('IPv6 in brackets, percent-encoded socket directories and passwords', () => {
    expect(parseConnectionUri('postgresql://[::1]:5432,[fe80::1]/x')).toEqual({ host: '::1,fe80::1', port: '5432,', dbname: 'x' });
    expect(parseConnectionUri('postgresql://%2Fvar%2Frun%2Fpostgresql/db')).toEqual({ host: '/var/run/postgresql', dbname: 'db' });
    expect(parseConnectionUri('postgresql://u:p%40ss@h/db')).toMatchObject({ user: 'u', password: 'p@ss' });
  });

  test('query parameters are keywords; ssl=true is sslmode=require; others are refused', () => {
    expect(parseConnectionUri('postgresql://h/db?ssl=true&application_name=x')).toEqual({ host: 'h', dbname: 'db', sslmode: 'require', application_name: 'x' });
    expect(() => parseConnectionUri('postgresql://h/db?nosuch=1')).toThrow(/"nosuch" is not a connection option/);
    expect(() => parseConnectionUri('postgresql://h/db?a=b=c')).toThrow(/extra "="/);
    expect(() => parseConnectionUri('postgresql://[::1/db')).toThrow(/missing its "]"/);
    expect(() => parseConnectionUri('postgresql://h/%zz')).toThrow(/percent-encoding/);
  });

  test('a password in a malformed URI is not repeated in the error', () => {
    expect(() => parseConnectionUri('postgresql://u:secret@h/db?x=1')).toThrow(/u:\*\*\*@h/);
  });

  test('key=value strings refuse unknown keywords, as libpq does', () => {
    expect(() => parseConninfo('host=a nosuchoption=1')).toThrow(/invalid connection option "nosuchoption"/);
    expect(parseConninfo("host=a,b port=1,2 target_session_attrs=primary sslmode='verify-full'")).toEqual({
      host: 'a,b', port: '1,2', target_session_attrs: 'primary', sslmode: 'verify-full',
    });
  });
});
