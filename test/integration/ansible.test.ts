import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  Cluster, expectSameDataAtSameLsn, isRoot, makeOwnedDir, makeScratchDir, makeTargetDir, registerCleanup, serverOsUser,
  standbyOf, startAsStandby, testVersions, treeDigest, useClusters, waitFor,
} from '../support';
import { freePort } from '../support/ports';
import { run } from '../support/run';

useClusters();

const REPO = path.resolve(__dirname, '..', '..');
const PLAYBOOK = path.join(REPO, 'examples', 'ansible', 'resync-standby.yml');
const COLLECTIONS = path.join(REPO, 'ansible', 'collections');
// Debian's PostgreSQL 15 has psql, which the playbook watches the WAL receiver with.
const VERSION = 15;
const why = spawnSync('ansible-playbook', ['--version']).status !== 0 ? 'ansible-playbook is not installed (Debian: apt-get install ansible-core)'
  : !isRoot() ? 'the playbook su-s to the server user, which needs root'
    : !testVersions().includes(VERSION) ? `PostgreSQL ${VERSION} is not among the versions under test` : null;
if (why) {
  // eslint-disable-next-line no-console
  console.log(`Ansible playbook test skipped: ${why}`);
}

interface Host {
  name: string;
  vars: Record<string, string | number | string[]>;
}

/** An INI inventory: each host on its line with its own variables, the shared ones in [standbys:vars]. */
function inventory(hosts: Host[], shared: Record<string, string | number>): string {
  const value = (v: string | number | string[]) => (Array.isArray(v) ? `'${JSON.stringify(v)}'` : typeof v === 'number' ? String(v) : JSON.stringify(v));
  const line = (name: string, vars: Record<string, string | number | string[]>) => [name, ...Object.entries(vars).map(([k, v]) => `${k}=${value(v)}`)].join(' ');
  return [
    '[standbys]',
    ...hosts.map((h) => line(h.name, { ansible_connection: 'local', ansible_python_interpreter: '/usr/bin/python3', ...h.vars })),
    '',
    '[standbys:vars]',
    ...Object.entries(shared).map(([k, v]) => `${k}=${value(v)}`),
    '',
  ].join('\n');
}

interface PlayResult {
  code: number | null;
  out: string;
  /** PLAY RECAP per host: ok, changed, failed, ... */
  recap: Record<string, Record<string, number>>;
}

/** ansible-playbook with an inventory file, as a user runs the example; no -e. */
async function playbook(inventoryText: string, extraArgs: string[] = []): Promise<PlayResult> {
  const file = path.join(makeScratchDir('ansible'), 'inventory.ini');
  fs.writeFileSync(file, inventoryText);
  const r = await run('ansible-playbook', ['-i', file, ...extraArgs, PLAYBOOK], {
    asRoot: true, allowFailure: true, timeoutMs: 300_000, cwd: REPO,
    env: {
      HOME: '/root', USER: 'root', LOGNAME: 'root', LC_ALL: 'C.UTF-8', ANSIBLE_NOCOLOR: '1', ANSIBLE_HOST_KEY_CHECKING: 'False',
      ANSIBLE_COLLECTIONS_PATH: COLLECTIONS,
    },
  });
  const out = r.stdout + r.stderr;
  const recapText = out.slice(out.lastIndexOf('PLAY RECAP'));
  const recap: PlayResult['recap'] = {};
  for (const m of recapText.matchAll(/^(\S+)\s*:\s*(ok=.*)$/gm)) {
    recap[m[1]] = Object.fromEntries([...m[2].matchAll(/(\w+)=(\d+)/g)].map((x) => [x[1], Number(x[2])]));
  }
  return { code: r.code, out, recap };
}

/** pg-catchup as the host runs it: the committed bundle behind a program name, as the module's `executable`. */
function pgCatchupExecutable(): string {
  const dir = makeScratchDir('pg-catchup-bin');
  const exe = path.join(dir, 'pg-catchup');
  fs.writeFileSync(exe, `#!/bin/sh\nexec '${process.execPath}' '${path.join(REPO, 'dist', 'cli', 'index.js')}' "$@"\n`);
  fs.chmodSync(exe, 0o755);
  fs.chmodSync(dir, 0o755);
  return exe;
}

/** Per-host variables for a standby that the play starts on `port`, its socket in `socketDir`. */
function hostVars(pgdata: string, port: number, socketDir: string, logFile: string): Host['vars'] {
  return {
    pgdata,
    pg_log_file: logFile,
    pg_ctl_start_options: `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${socketDir}`,
    standby_psql_args: ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres'],
  };
}

// Issue 9 and 25: the example a DBA copies must run as copied, with the inventory's per-host
// variables, so it cannot rot (and cannot quietly send every host to the same directory).
(why ? describe.skip : describe)('the Ansible example playbook (examples/ansible) with the pgcatchup.postgresql.pg_catchup module, PostgreSQL 15', () => {
  test('an inventory of two standbys: check mode changes nothing; then one lagging standby gets a DELTA and an empty directory a FULL, both stream; a wrong source fails with pg-catchup\'s reason', async () => {
    const primary = await Cluster.createPrimary(VERSION);
    await primary.query('CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, \'a\' FROM generate_series(1, 20000) g');
    // standby-a: a standby that fell behind and is stopped; standby-b: an empty data directory.
    const standbyA = await standbyOf(primary);
    await standbyA.stop('fast');
    await primary.query('UPDATE t SET v = \'b\' WHERE id % 3 = 0');
    const dirB = makeTargetDir('ansible-standby-b');
    const runB = makeOwnedDir(path.join(path.dirname(dirB), 'run'));
    const portB = await freePort();
    const pgCtl = path.join(standbyA.binDir, 'pg_ctl');
    // The play starts standby-b itself: stop it whatever happens to the test.
    registerCleanup(() => {
      if (Cluster.isRunningAt(dirB)) spawnSync(pgCtl, ['stop', '-D', dirB, '-m', 'immediate', '-w'], { uid: serverOsUser().uid, gid: serverOsUser().gid });
    });

    const hosts: Host[] = [
      { name: 'standby-a', vars: hostVars(standbyA.dataDir, standbyA.port, standbyA.socketDir, standbyA.logFile) },
      { name: 'standby-b', vars: { ...hostVars(dirB, portB, runB, path.join(runB, 'postgresql.log')), threads: 2 } },
    ];
    const shared = {
      pg_catchup_executable: pgCatchupExecutable(),
      pg_bin_dir: standbyA.binDir,
      pg_os_user: serverOsUser().name,
      source_conninfo: `host=127.0.0.1 port=${primary.port} user=postgres`,
      stream_timeout_s: 60,
    };
    const inv = inventory(hosts, shared);

    // Check mode: each sync is a dry run (DELTA's plan; FULL's checks and size), nothing is
    // stopped or started, and both data directories are exactly as they were.
    const before = { a: treeDigest(standbyA.dataDir), b: treeDigest(dirB) };
    const check = await playbook(inv, ['--check']);
    expect({ code: check.code, out: check.code === 0 ? '' : check.out }).toEqual({ code: 0, out: '' });
    expect(check.recap).toMatchObject({ 'standby-a': { failed: 0, changed: 1 }, 'standby-b': { failed: 0, changed: 1 } });
    expect(check.out).toMatch(/DELTA \(AUTO requested, dry run\)/);
    expect(check.out).toMatch(/FULL \(AUTO requested, dry run\)/);
    expect({ a: treeDigest(standbyA.dataDir), b: treeDigest(dirB) }).toEqual(before);
    expect(fs.readdirSync(dirB)).toEqual([]);

    // For real: each host's own data directory, port and socket, from its inventory line.
    const ok = await playbook(inv);
    expect({ code: ok.code, out: ok.code === 0 ? '' : ok.out }).toEqual({ code: 0, out: '' });
    // Not running, so not stopped; synced and started: two changes each. The waits change nothing.
    expect(ok.recap).toMatchObject({ 'standby-a': { failed: 0, changed: 2 }, 'standby-b': { failed: 0, changed: 2 } });
    expect(ok.out).toMatch(/DELTA \(AUTO requested\): \d+ files copied, \d+ patched/);
    expect(ok.out).toMatch(/FULL \(AUTO requested\): \d+ files copied/);
    await expectSameDataAtSameLsn(primary, standbyA);
    // standby-b runs as the play started it; stop it and start it under the harness to compare.
    await run(pgCtl, ['stop', '-D', dirB, '-m', 'fast', '-w'], {});
    const standbyB = await startAsStandby(dirB, { name: 'pg15-ansible-standby-b' });
    await waitFor(async () => (await standbyB.scalar('SELECT status FROM pg_stat_wal_receiver')) === 'streaming', { timeoutMs: 30_000, what: 'standby-b streaming' });
    await expectSameDataAtSameLsn(primary, standbyB);
    await standbyB.stop('fast');

    // A wrong source for one host: that host fails with pg-catchup's own words, the other is synced.
    const bad = await playbook(inventory([
      { name: 'standby-a', vars: { ...hosts[0].vars, source_conninfo: 'host=127.0.0.1 port=1 user=postgres' } },
      hosts[1],
    ], shared));
    expect(bad.code).not.toBe(0);
    expect(bad.recap).toMatchObject({ 'standby-a': { failed: 1 }, 'standby-b': { failed: 0 } });
    expect(bad.out).toMatch(/fatal: \[standby-a\]: FAILED! => .*"msg": "pg-catchup catchup: [^"]*Cannot connect to the source \(host=127\.0\.0\.1 port=1 user=postgres\)/);
    await run(pgCtl, ['stop', '-D', dirB, '-m', 'fast', '-w'], { allowFailure: true });
  });
});
