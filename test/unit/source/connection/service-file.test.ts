import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lookupService, parseServiceFile } from '../../../../src/engine/source/connection/service-file';
import { resolveConnection } from '../../../../src/engine/source/connection-options';

describe('connection service files', () => {
  const text = '# comment\n[a]\nhost=h1\nport=5433\n  user=u1  \n\n[b]\nhost=h2\n[a]\nhost=later\n';

  test('a section\'s keywords; the first setting wins; the next section ends it', () => {
    expect(parseServiceFile(text, 'a', 'f')).toEqual({ host: 'h1', port: '5433', user: 'u1' });
    expect(parseServiceFile(text, 'b', 'f')).toEqual({ host: 'h2' });
    expect(parseServiceFile(text, 'c', 'f')).toBeNull();
  });

  test('malformed lines, nested services and unknown keywords are refused with the line', () => {
    expect(() => parseServiceFile('[a]\nhost\n', 'a', 'f')).toThrow(/f, line 2 .*not keyword=value/);
    expect(() => parseServiceFile('[a]\nservice=b\n', 'a', 'f')).toThrow(/cannot name another service/);
    expect(() => parseServiceFile('[a]\nbogus=1\n', 'a', 'f')).toThrow(/"bogus" is not a connection option/);
  });

  test('the user file first, then PGSYSCONFDIR; a service found nowhere is an error', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-home-'));
    const sys = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-sys-'));
    fs.writeFileSync(path.join(home, '.pg_service.conf'), '[mine]\nhost=userfile\n');
    fs.writeFileSync(path.join(sys, 'pg_service.conf'), '[mine]\nhost=sysfile\n[shared]\nhost=sysfile\n');
    const env = { PGSYSCONFDIR: sys };
    expect(lookupService('mine', env, home)).toEqual({ host: 'userfile' });
    expect(lookupService('shared', env, home)).toEqual({ host: 'sysfile' });
    expect(() => lookupService('none', env, home)).toThrow(/"none" is not defined in .*\.pg_service\.conf or .*pg_service\.conf/);
    fs.writeFileSync(path.join(sys, 'other.conf'), '[mine]\nhost=other\n');
    expect(lookupService('mine', { ...env, PGSERVICEFILE: path.join(sys, 'other.conf') }, home)).toEqual({ host: 'other' });
  });

  test('precedence: explicit keywords, then the service, then PG* variables', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-prec-'));
    fs.writeFileSync(path.join(home, '.pg_service.conf'), '[s]\nhost=svchost\nuser=svcuser\n');
    const env = { PGSYSCONFDIR: home, PGUSER: 'envuser', PGSSLMODE: 'require', PGPORT: '6000' };
    const k = resolveConnection({ dbname: 'service=s host=explicit' }, env, home).keywords;
    expect(k).toMatchObject({ host: 'explicit', user: 'svcuser', sslmode: 'require', port: '6000' });
    expect(resolveConnection({}, { ...env, PGSERVICE: 's' }, home).keywords).toMatchObject({ host: 'svchost', user: 'svcuser' });
  });
});
