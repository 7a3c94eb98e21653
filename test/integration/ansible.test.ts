import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  Cluster, expectSameDataAtSameLsn, isRoot, makeScratchDir, serverOsUser, standbyOf, testVersions, useClusters, waitForStreaming,
} from '../support';
import { run } from '../support/run';

useClusters();

const REPO = path.resolve(__dirname, '..', '..');
const PLAYBOOK = path.join(REPO, 'examples', 'ansible', 'resync-standby.yml');
// Debian's PostgreSQL 15 has psql, which the playbook watches the WAL receiver with.
const VERSION = 15;
const why = spawnSync('ansible-playbook', ['--version']).status !== 0 ? 'ansible-playbook is not installed (Debian: apt-get install ansible-core)'
  : !isRoot() ? 'the playbook su-s to the server user, which needs root'
    : !testVersions().includes(VERSION) ? `PostgreSQL ${VERSION} is not among the versions under test` : null;
if (why) {
  // eslint-disable-next-line no-console
  console.log(`Ansible playbook test skipped: ${why}`);
}

/** ansible-playbook against this host (-c local), the play's variables in a JSON file. */
async function playbook(vars: Record<string, unknown>): Promise<{ code: number | null; out: string; recap: Record<string, number> }> {
  const file = path.join(makeScratchDir('ansible'), 'vars.json');
  fs.writeFileSync(file, JSON.stringify({ target_hosts: 'localhost', ...vars }));
  const r = await run('ansible-playbook', ['-i', 'localhost,', '-c', 'local', '-e', `@${file}`, PLAYBOOK], {
    asRoot: true, allowFailure: true, timeoutMs: 300_000, cwd: REPO,
    env: { HOME: '/root', USER: 'root', LOGNAME: 'root', LC_ALL: 'C.UTF-8', ANSIBLE_NOCOLOR: '1', ANSIBLE_HOST_KEY_CHECKING: 'False' },
  });
  const out = r.stdout + r.stderr;
  const line = /localhost\s*:\s*(.*)$/m.exec(out.slice(out.lastIndexOf('PLAY RECAP')))?.[1] ?? '';
  const recap = Object.fromEntries([...line.matchAll(/(\w+)=(\d+)/g)].map((m) => [m[1], Number(m[2])]));
  return { code: r.code, out, recap };
}

// Issue 9: the example a DBA copies must run, so it cannot rot.
(why ? describe.skip : describe)('the Ansible example playbook (examples/ansible), PostgreSQL 15', () => {
  test('stops a lagging standby, runs the preflight and DELTA, starts it, waits until it streams; a wrong source fails with pg-catchup\'s reason', async () => {
    const primary = await Cluster.createPrimary(VERSION);
    await primary.query('CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, \'a\' FROM generate_series(1, 20000) g');
    const standby = await standbyOf(primary);
    await primary.query('UPDATE t SET v = \'b\' WHERE id % 3 = 0');
    const vars = {
      pg_catchup_cmd: [process.execPath, path.join(REPO, 'dist', 'cli', 'index.js')],
      pgdata: standby.dataDir,
      pg_bin_dir: standby.binDir,
      pg_os_user: serverOsUser().name,
      source_conninfo: `host=127.0.0.1 port=${primary.port} user=postgres`,
      pg_log_file: standby.logFile,
      pg_ctl_start_options: `-p ${standby.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${standby.socketDir}`,
      standby_psql_args: ['-h', '127.0.0.1', '-p', String(standby.port), '-U', 'postgres', '-d', 'postgres'],
      stream_timeout_s: 60,
    };
    const ok = await playbook(vars);
    expect({ code: ok.code, recap: ok.recap, out: ok.code === 0 ? '' : ok.out }).toMatchObject({ code: 0, recap: { failed: 0, unreachable: 0 }, out: '' });
    // Stopped, synced, started: three changes; the preflight and the waits change nothing.
    expect(ok.recap.changed).toBe(3);
    expect(ok.out).toMatch(/DELTA \(AUTO requested\): \d+ files copied, \d+ patched/);
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);

    const bad = await playbook({ ...vars, source_conninfo: 'host=127.0.0.1 port=1 user=postgres' });
    expect(bad.code).not.toBe(0);
    expect(bad.recap.failed).toBe(1);
    expect(bad.out).toMatch(/pg-catchup preflight: .*Cannot connect to the source \(host=127\.0\.0\.1 port=1 user=postgres\)/);
    await standby.stop('fast').catch(() => undefined);
  });
});
