import { allowedAuthMethods, channelBindingOf } from '../../../../src/engine/source/connection/auth-guard';
import { sessionAttrsOf } from '../../../../src/engine/source/connection/session-attrs';
import { connectionNotices, refuseUnsupported } from '../../../../src/engine/source/connection/unsupported';
import { resolveConnection } from '../../../../src/engine/source/connection-options';
import { primaryConninfo } from '../../../../src/engine/source/connection/primary-conninfo';
import { checkConnectionSecurity } from '../../../../src/engine/source/connection/connection-security';
import { connectionReport, describeConnectionReport } from '../../../../src/engine/source/connection/connection-report';

describe('connection rules checked before connecting', () => {
  test('require_auth: a list of methods, or only negated ones', () => {
    expect([...allowedAuthMethods({ require_auth: 'scram-sha-256,md5' })!]).toEqual(['scram-sha-256', 'md5']);
    expect(allowedAuthMethods({ require_auth: '!password' })!.has('password')).toBe(false);
    expect(allowedAuthMethods({ require_auth: '!password' })!.has('none')).toBe(true);
    expect(allowedAuthMethods({})).toBeNull();
    expect(() => allowedAuthMethods({ require_auth: 'md5,!password' })).toThrow(/mixes negated and plain/);
    expect(() => allowedAuthMethods({ require_auth: 'kerberos5' })).toThrow(/"kerberos5", which is not an authentication method/);
  });

  test('channel_binding and target_session_attrs are validated', () => {
    expect(channelBindingOf({})).toBe('prefer');
    expect(() => channelBindingOf({ channel_binding: 'maybe' })).toThrow(/channel_binding "maybe"/);
    expect(sessionAttrsOf({ target_session_attrs: 'prefer-standby' })).toBe('prefer-standby');
    expect(() => sessionAttrsOf({ target_session_attrs: 'master' })).toThrow(/target_session_attrs "master" is not valid/);
  });

  test('what node-postgres cannot do is refused in one line with the alternative', () => {
    expect(() => refuseUnsupported({ gssencmode: 'require' })).toThrow(/GSSAPI .* Use TLS instead: sslmode=verify-full/);
    expect(() => refuseUnsupported({ requirepeer: 'postgres' })).toThrow(/requirepeer .*Drop requirepeer/);
    expect(() => refuseUnsupported({ client_encoding: 'LATIN1' })).toThrow(/client_encoding=LATIN1/);
    expect(() => refuseUnsupported({ replication: 'true' })).toThrow(/replication/);
    expect(() => refuseUnsupported({ gssencmode: 'prefer', client_encoding: 'UTF8' })).not.toThrow();
    expect(() => resolveConnection({ dbname: 'host=h gssencmode=require' }, {})).toThrow(/gssencmode=require/);
    expect(connectionNotices({ keepalives_interval: '5' })).toEqual([expect.stringMatching(/keepalives_interval=5 is not applied/)]);
  });

  test('primary_conninfo keeps the host list, target_session_attrs, TLS settings and the service; the password only when stored', () => {
    const k = resolveConnection({ dbname: 'host=a,b port=5432,5433 user=rep password=pw target_session_attrs=read-write sslmode=verify-full sslrootcert=/ca.crt sslpassword=kp dbname=x' }, {}).keywords;
    expect(primaryConninfo(k, false)).toBe('user=rep host=a,b port=5432,5433 sslmode=verify-full sslrootcert=/ca.crt target_session_attrs=read-write');
    expect(primaryConninfo(k, true)).toBe('user=rep host=a,b port=5432,5433 sslmode=verify-full sslrootcert=/ca.crt target_session_attrs=read-write password=pw sslpassword=kp');
  });

  test('clear text over a non-loopback address is a warning naming sslmode=require/verify-full', () => {
    const conn = resolveConnection({ host: 'db1' }, {});
    expect(checkConnectionSecurity(conn).status).toBe('skip');
    conn.choice.server = { target: conn.targets[0], address: '10.1.2.3', tls: null };
    const warned = checkConnectionSecurity(conn);
    expect(warned).toMatchObject({ status: 'warn', detail: expect.stringMatching(/clear text at db1 \(10\.1\.2\.3\)/), fix: expect.stringMatching(/sslmode=verify-full.*sslmode=require/) });
    conn.choice.server = { target: conn.targets[0], address: '127.0.0.1', tls: null };
    expect(checkConnectionSecurity(conn).status).toBe('pass');
    conn.choice.server = { target: conn.targets[0], address: '10.1.2.3', tls: { protocol: 'TLSv1.3', cipher: 'x', certificateVerified: true, hostNameVerified: true } };
    expect(checkConnectionSecurity(conn)).toMatchObject({ status: 'pass', detail: expect.stringMatching(/over TLSv1.3 \(certificate and host name verified\)/) });
  });

  test('the report\'s connection object and its line in summaries', () => {
    const conn = resolveConnection({ dbname: 'host=db1,db2 port=5432 target_session_attrs=read-write' }, {});
    expect(connectionReport(conn)).toBeUndefined();
    conn.choice.server = { target: conn.targets[1], address: '10.0.0.2', tls: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', certificateVerified: true, hostNameVerified: false } };
    const report = connectionReport(conn)!;
    expect(report).toEqual({ host: 'db2', hostaddr: null, port: 5432, address: '10.0.0.2', sslmode: 'prefer', targetSessionAttrs: 'read-write', tls: conn.choice.server.tls });
    expect(describeConnectionReport(report)).toBe('db2 (10.0.0.2) port 5432 over TLSv1.3 (certificate verified, host name not checked), sslmode=prefer');
  });
});
