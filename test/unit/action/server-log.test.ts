import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { diagnose, maskPasswords, readServerLogTail, serverLogFile } from '../../../src/action/server-log';

describe("the target's server log", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'server-log-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('passwords are masked: known secrets, password= in a conninfo, and a URI password', () => {
    expect(maskPasswords('secret S3cr3t here', ['S3cr3t'])).toBe('secret *** here');
    expect(maskPasswords("primary_conninfo = 'host=db password=hunter2 user=app'", [])).toBe("primary_conninfo = 'host=db password=*** user=app'");
    expect(maskPasswords("password='a b\\'c' user=x", [])).toBe('password=*** user=x');
    expect(maskPasswords('postgresql://app:pw@db:5432/postgres', [])).toBe('postgresql://app:***@db:5432/postgres');
  });

  test('fe_sendauth names the PGDATA owner and both ways to give it the password', () => {
    const owner = os.userInfo().username;
    expect(diagnose('FATAL:  could not connect to the primary server: connection to server at "127.0.0.1", port 5432 failed: fe_sendauth: no password supplied', dir))
      .toBe(`the PGDATA owner ${owner} has no password for the primary: add it to ~${owner}/.pgpass or pass the password input with store-password`);
    expect(diagnose('LOG:  database system is ready to accept read-only connections', dir)).toBeUndefined();
  });

  test('the last lines, masked, of the -l file; or of the collector file when logging_collector took over', () => {
    const logFile = path.join(dir, 'pg.log');
    const lines = Array.from({ length: 30 }, (_, i) => `LOG: line ${i} password=p${i}`);
    fs.writeFileSync(logFile, `${lines.join('\n')}\n`);
    const tail = readServerLogTail(logFile, dir, [])!;
    expect(tail.path).toBe(logFile);
    expect(tail.lines).toHaveLength(20);
    expect(tail.lines[19]).toBe('LOG: line 29 password=***');

    fs.writeFileSync(logFile, 'LOG:  redirecting log output to logging collector process\nHINT:  Future log output will appear in directory "log".\n');
    fs.mkdirSync(path.join(dir, 'log'));
    fs.writeFileSync(path.join(dir, 'log', 'postgresql-Sat.log'), 'FATAL:  fe_sendauth: no password supplied\n');
    fs.writeFileSync(path.join(dir, 'current_logfiles'), 'stderr log/postgresql-Sat.log\n');
    expect(serverLogFile(logFile, dir)).toBe(path.join(dir, 'log', 'postgresql-Sat.log'));
    expect(readServerLogTail(logFile, dir, [])).toMatchObject({ lines: ['FATAL:  fe_sendauth: no password supplied'], diagnosis: expect.stringContaining('has no password for the primary') });
    expect(readServerLogTail(path.join(dir, 'missing.log'), dir, [])).toBeUndefined();
  });
});
