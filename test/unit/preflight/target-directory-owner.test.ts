import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { osUserName } from '../../../src/engine/preflight/os-user-name';
import { checkTargetDirectory } from '../../../src/engine/preflight/target-directory';
import { checkTargetEmpty } from '../../../src/engine/preflight/target-empty';

const asRoot = process.getuid?.() === 0;

describe('target directory checks', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'target-dir-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test('user names, not uids, from /etc/passwd; "uid N" for a uid without a name', () => {
    const passwd = path.join(root, 'passwd');
    fs.writeFileSync(passwd, 'root:x:0:0:root:/root:/bin/bash\npostgres:x:105:110::/var/lib/postgresql:/bin/bash\n');
    expect(osUserName(105, passwd)).toBe('postgres');
    expect(osUserName(0, passwd)).toBe('root');
    expect(osUserName(4242, passwd)).toBe('uid 4242');
    expect(osUserName(105, path.join(root, 'missing'))).toBe('uid 105');
  });

  (asRoot ? test : test.skip)('as root, a new target under a root-owned parent is refused before anything is written: the cluster would belong to root', () => {
    const target = path.join(root, 'pgdata');
    const r = checkTargetDirectory(target);
    expect(r).toMatchObject({ status: 'fail', detail: expect.stringContaining('the new cluster would belong to root, which PostgreSQL refuses to run as') });
    expect(r.fix).toContain(`install -d -m 0700 -o postgres -g postgres ${target}`);
    expect(fs.existsSync(target)).toBe(false);
    // An existing root-owned directory: a warning, with the chown that fixes it.
    fs.mkdirSync(target, { mode: 0o700 });
    expect(checkTargetDirectory(target)).toMatchObject({ status: 'warn', fix: expect.stringContaining(`chown -R postgres:postgres ${target}`) });
  });

  test("FULL into a running server's own directory is not told to use -b DELTA", () => {
    fs.writeFileSync(path.join(root, 'PG_VERSION'), '17\n');
    expect(checkTargetEmpty(root).fix).toContain('-b DELTA');
    fs.writeFileSync(path.join(root, 'postmaster.pid'), '4242\n');
    const r = checkTargetEmpty(root);
    expect(r).toMatchObject({ status: 'fail', detail: expect.stringContaining('is the data directory of a server that is running or was not shut down cleanly') });
    expect(r.fix).not.toContain('DELTA');
  });
});
