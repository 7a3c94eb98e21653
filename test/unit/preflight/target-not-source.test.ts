import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkTargetNotSource } from '../../../src/engine/preflight/target-not-source';

describe('checkTargetNotSource', () => {
  let root: string;
  let dataDir: string;
  let pidFile: string;
  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'not-source-')));
    dataDir = path.join(root, 'cluster', 'pgdata');
    fs.mkdirSync(dataDir, { recursive: true });
    // PID, data directory, start time, port, socket dir, listen address, shmem key, status.
    pidFile = `4242\n${dataDir}\n1764000000\n5432\n/tmp\n127.0.0.1\n  5432001    32768\nready   \n`;
    fs.writeFileSync(path.join(dataDir, 'postmaster.pid'), pidFile);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const check = (target: string, tablespaces: string[] = [], pid = pidFile) => checkTargetNotSource(target, { postmasterPid: pid, tablespaces });

  test('the data directory itself, a directory inside it (even one not made yet), or one that contains it: refused', () => {
    expect(check(dataDir)).toMatchObject({ status: 'fail', detail: expect.stringMatching(/ is the source's own data directory/) });
    expect(check(path.join(dataDir, 'base', 'new', 'deeper'))).toMatchObject({ status: 'fail', detail: expect.stringMatching(/ is inside the source's own data directory/) });
    expect(check(path.join(root, 'cluster'))).toMatchObject({ status: 'fail', detail: expect.stringMatching(/ contains the source's own data directory/) });
    expect(check(`${dataDir}/../pgdata/.`)).toMatchObject({ status: 'fail' });
  });

  test('a tablespace of the source counts as its own too', () => {
    const spc = path.join(root, 'spc');
    fs.mkdirSync(spc);
    expect(check(path.join(spc, 'PG_15_202209061'), [spc])).toMatchObject({ status: 'fail', detail: expect.stringMatching(/inside the source's own tablespace/) });
  });

  test('a sibling directory passes', () => {
    expect(check(path.join(root, 'cluster', 'standby'))).toMatchObject({ status: 'pass', detail: expect.stringMatching(/on this host, apart from the target/) });
  });

  test('another host: the same path holds another postmaster.pid (or none) here, and nothing is refused', () => {
    const elsewhere = pidFile.replace('4242', '777');
    expect(check(dataDir, [], elsewhere)).toMatchObject({ status: 'pass', detail: expect.stringMatching(/runs on another host/) });
    fs.rmSync(path.join(dataDir, 'postmaster.pid'));
    expect(check(dataDir)).toMatchObject({ status: 'pass', detail: expect.stringMatching(/runs on another host/) });
    expect(check(dataDir, [], null as unknown as string)).toMatchObject({ status: 'pass' });
  });
});
