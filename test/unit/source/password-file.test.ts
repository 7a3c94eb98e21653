import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findPassword, lookupPassword, passwordFilePath } from '../../../src/engine/source/password-file';

const key = { host: 'db1', port: '5432', database: 'sales', user: 'alice' };

describe('the password file, read as libpq reads it', () => {
  test('the first matching line wins; * matches any value', () => {
    const text = ['# comment', 'db2:5432:*:alice:other', 'db1:*:sales:alice:first', '*:*:*:*:fallback'].join('\n');
    expect(findPassword(text, key)).toBe('first');
    expect(findPassword(text, { ...key, host: 'db3' })).toBe('fallback');
    expect(findPassword('db1:5432:sales:bob:x', key)).toBeUndefined();
  });

  test('backslash escapes : and \\ ; an escaped * is a literal star; the password ends at an unescaped :', () => {
    expect(findPassword('db1:5432:sales:alice:pa\\:ss\\\\word', key)).toBe('pa:ss\\word');
    expect(findPassword('db1:5432:\\*:alice:x', key)).toBeUndefined();
    expect(findPassword('db1:5432:\\*:alice:x', { ...key, database: '*' })).toBe('x');
    expect(findPassword('db1:5432:sales:alice:pw:trailing', key)).toBe('pw');
    expect(findPassword('db1:5432:sales:alice', key)).toBeUndefined();
  });

  test('the default socket directory matches "localhost"', () => {
    expect(findPassword('localhost:5432:*:*:sock', { ...key, host: '/var/run/postgresql' })).toBe('sock');
    expect(findPassword('localhost:5432:*:*:sock', { ...key, host: '/srv/sockets' })).toBeUndefined();
  });

  test('passfile= beats PGPASSFILE, which beats ~/.pgpass', () => {
    expect(passwordFilePath('/a', { PGPASSFILE: '/b', HOME: '/h' }, '/x')).toBe('/a');
    expect(passwordFilePath(undefined, { PGPASSFILE: '/b', HOME: '/h' }, '/x')).toBe('/b');
    expect(passwordFilePath(undefined, { HOME: '/h' }, '/x')).toBe('/h/.pgpass');
  });

  test('a missing file, or one others can read, gives no password and says why', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgpass-'));
    const file = path.join(dir, 'pass');
    expect(lookupPassword(file, key)).toMatchObject({ password: undefined, why: expect.stringMatching(/does not exist/) });
    fs.writeFileSync(file, 'db1:5432:sales:alice:pw\n', { mode: 0o640 });
    expect(lookupPassword(file, key)).toMatchObject({ password: undefined, why: expect.stringMatching(/group or world access \(mode 0640\)/) });
    fs.chmodSync(file, 0o600);
    expect(lookupPassword(file, key)).toMatchObject({ password: 'pw' });
    expect(lookupPassword(file, { ...key, user: 'bob' })).toMatchObject({ why: expect.stringMatching(/no line for db1:5432:sales:bob/) });
    fs.rmSync(dir, { recursive: true });
  });
});
