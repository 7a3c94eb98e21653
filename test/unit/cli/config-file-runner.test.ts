import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CommandRunner } from '../../../src/engine/command-runner';
import { checkConfigFile, withTargetConfigFile } from '../../../src/cli/config-file-runner';

/** A runner that records what it was asked to run. */
function recorder(): { runner: CommandRunner; calls: Array<{ command: string; args: string[] }> } {
  const calls: Array<{ command: string; args: string[] }> = [];
  return {
    calls,
    runner: { async run(command, args) { calls.push({ command, args }); return { exitCode: 0, stdout: '', stderr: '' }; } },
  };
}

describe('--config-file: postgres runs on the target read the given configuration file', () => {
  let dir: string;
  let target: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-file-runner-'));
    target = path.join(dir, 'pgdata');
    fs.mkdirSync(target);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('single-user crash recovery gets -c config_file right after -D, before the database name', async () => {
    const { runner, calls } = recorder();
    await withTargetConfigFile(runner, target, '/etc/pg/postgresql.conf')
      .run('/usr/lib/postgresql/15/bin/postgres', ['--single', '-F', '-D', target, 'template1']);
    expect(calls[0].args).toEqual(['--single', '-F', '-D', target, '-c', 'config_file=/etc/pg/postgresql.conf', 'template1']);
  });

  test('through runuser (root runs postgres as the owner) too, and a relative file becomes absolute', async () => {
    const { runner, calls } = recorder();
    await withTargetConfigFile(runner, target, 'conf/postgresql.conf')
      .run('runuser', ['-u', 'postgres', '--', '/usr/bin/postgres', '-D', target, '-C', 'restore_command']);
    expect(calls[0]).toEqual({
      command: 'runuser',
      args: ['-u', 'postgres', '--', '/usr/bin/postgres', '-D', target, '-c', `config_file=${path.resolve('conf/postgresql.conf')}`, '-C', 'restore_command'],
    });
  });

  test('the target named through a symbolic link is still the target', async () => {
    const link = path.join(dir, 'link');
    fs.symlinkSync(target, link);
    const { runner, calls } = recorder();
    await withTargetConfigFile(runner, link, '/c.conf').run('postgres', ['-D', target, '-C', 'restore_command']);
    expect(calls[0].args).toContain('config_file=/c.conf');
  });

  test('other commands, postgres -V and postgres on another directory are left as they are', async () => {
    const { runner, calls } = recorder();
    const wrapped = withTargetConfigFile(runner, target, '/c.conf');
    await wrapped.run('/usr/bin/postgres', ['-V']);
    await wrapped.run('sh', ['-c', 'cp /archive/x pg_wal/x']);
    await wrapped.run('postgres', ['-D', path.join(dir, 'other'), '-C', 'restore_command']);
    await wrapped.run('runuser', ['-u', 'postgres', '--', 'sh', '-c', 'true -D']);
    expect(calls.map((c) => c.args)).toEqual([
      ['-V'], ['-c', 'cp /archive/x pg_wal/x'], ['-D', path.join(dir, 'other'), '-C', 'restore_command'], ['-u', 'postgres', '--', 'sh', '-c', 'true -D'],
    ]);
  });

  test('a missing file or a directory is refused with what to give instead', () => {
    expect(checkConfigFile(path.join(dir, 'nope.conf'))).toMatch(/cannot read .*nope\.conf.*ENOENT/);
    expect(checkConfigFile(dir)).toMatch(/is not a file/);
    const conf = path.join(dir, 'postgresql.conf');
    fs.writeFileSync(conf, "restore_command = 'cp /a/%f %p'\n");
    expect(checkConfigFile(conf)).toBeNull();
  });
});
