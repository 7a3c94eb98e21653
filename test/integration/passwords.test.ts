import * as fs from 'fs';
import * as path from 'path';
import { Cluster, expectCliSuccess, makeScratchDir, runCli, testVersions, useClusters } from '../support';

useClusters();

const SECRET = 's3cr3t-Pw-91x';
const WARNING = /holds a password, which other users of this host can read .* use PGPASSWORD, ~\/\.pgpass or a passfile= instead/;

/** Every place a run leaves text: its output, its report, and the recovery settings it wrote. */
function leaks(res: { stdout: string; stderr: string }, reportFile: string, target: string | null): string[] {
  const places: Array<[string, string]> = [['stdout', res.stdout], ['stderr', res.stderr], ['report', fs.readFileSync(reportFile, 'utf8')]];
  if (target) places.push(['postgresql.auto.conf', fs.readFileSync(path.join(target, 'postgresql.auto.conf'), 'utf8')]);
  return places.filter(([, text]) => text.includes(SECRET)).map(([where]) => where);
}

/** A FULL -R with these connection flags: it must succeed and leave the password nowhere. */
async function fullWithoutLeaks(primary: Cluster, how: string, args: string[], env: Record<string, string>) {
  const target = primary.makeTargetDir();
  const reportFile = `${target}.json`;
  const res = await runCli(['catchup', '-b', 'FULL', '-D', target, '-R', ...args, `--report=${reportFile}`], { env });
  expectCliSuccess(res);
  expect({ how, leaks: leaks(res, reportFile, target) }).toEqual({ how, leaks: [] });
  return res;
}

// Passwords never show up in logs, errors, the report or primary_conninfo unless asked to be stored.
describe.each(testVersions().slice(-1))('passwords, PostgreSQL %i', (version) => {
  test('in a conninfo, a URI or PGPASSWORD: never printed or stored; on the command line, a warning; --store-password stores it', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query(`ALTER ROLE postgres PASSWORD '${SECRET}'`);
    const conninfo = `host=127.0.0.1 port=${primary.port} user=postgres password=${SECRET}`;
    const uri = `postgresql://postgres:${SECRET}@127.0.0.1:${primary.port}/postgres`;

    for (const [how, args, env] of [
      ['conninfo', ['-d', conninfo], {}],
      ['URI', ['-d', uri], {}],
      ['PGPASSWORD', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'], { PGPASSWORD: SECRET }],
    ] as Array<[string, string[], Record<string, string>]>) {
      const res = await fullWithoutLeaks(primary, how, args, env);
      if (how === 'PGPASSWORD') expect(res.stderr).not.toMatch(WARNING);
      else expect(res.stderr).toMatch(WARNING);
    }

    // A failing run's error and report: a wrong port, with the password in the URI.
    const failTarget = primary.makeTargetDir();
    const failed = await runCli(['catchup', '-b', 'FULL', '-D', failTarget, '-d', `postgresql://postgres:${SECRET}@127.0.0.1:1/postgres`, `--report=${failTarget}.json`]);
    expect(failed.code).toBe(1);
    expect(leaks(failed, `${failTarget}.json`, null)).toEqual([]);

    // rewind's --source-server is checked the same way (a standby that is not diverged: nothing to do).
    const storedTarget = primary.makeTargetDir();
    const stored = await runCli(['catchup', '-b', 'FULL', '-D', storedTarget, '-R', '--store-password', '-d', conninfo, `--report=${storedTarget}.json`]);
    expectCliSuccess(stored);
    expect(fs.readFileSync(path.join(storedTarget, 'postgresql.auto.conf'), 'utf8')).toContain(SECRET);
    const rewound = await runCli(['rewind', '-D', storedTarget, `--source-server=${conninfo}`, '--dry-run', `--report=${storedTarget}.rewind.json`]);
    expect(rewound.stderr).toMatch(WARNING);
    expect(leaks(rewound, `${storedTarget}.rewind.json`, null)).toEqual([]);
  });

  test('a password file (~/.pgpass, PGPASSFILE, passfile=) when the source asks for one; a file others can read is refused with the reason', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query(`CREATE ROLE dba LOGIN SUPERUSER REPLICATION PASSWORD '${SECRET}'`);
    const hba = path.join(primary.dataDir, 'pg_hba.conf');
    fs.writeFileSync(hba, 'host all dba 127.0.0.1/32 scram-sha-256\nhost replication dba 127.0.0.1/32 scram-sha-256\n' + fs.readFileSync(hba, 'utf8'));
    await primary.query('SELECT pg_reload_conf()');
    const home = makeScratchDir('home');
    const emptyHome = makeScratchDir('empty-home');
    const passfile = path.join(home, '.pgpass');
    const entries = ['postgres', 'replication'].map((db) => `127.0.0.1:${primary.port}:${db}:dba:${SECRET}`);
    fs.writeFileSync(passfile, entries.join('\n') + '\n', { mode: 0o600 });
    const source = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'dba'];
    const noPassword = { HOME: emptyHome, PGPASSWORD: '', PGPASSFILE: '' };

    // With no password anywhere the source refuses: what follows proves the file was read.
    const refused = primary.makeTargetDir();
    const none = await runCli(['catchup', '-b', 'FULL', '-D', refused, ...source], { env: noPassword });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/asks for a password and none was given.*\.pgpass does not exist/);
    expect(fs.readdirSync(refused)).toEqual([]);

    for (const [how, args, env] of [
      ['~/.pgpass', source, { ...noPassword, HOME: home }],
      ['PGPASSFILE', source, { ...noPassword, PGPASSFILE: passfile }],
      ['passfile=', ['-d', `host=127.0.0.1 port=${primary.port} user=dba passfile=${passfile}`], noPassword],
    ] as Array<[string, string[], Record<string, string>]>) {
      const res = await fullWithoutLeaks(primary, how, args, env);
      expect(res.stderr).not.toMatch(WARNING);
      expect(res.stderr).not.toMatch(/DeprecationWarning/);
    }

    // libpq ignores a password file that others can read; so do we, and we say so.
    fs.chmodSync(passfile, 0o644);
    const open = primary.makeTargetDir();
    const opened = await runCli(['catchup', '-b', 'FULL', '-D', open, ...source], { env: { ...noPassword, HOME: home } });
    expect(opened.code).toBe(1);
    expect(opened.stderr).toMatch(/was ignored: it has group or world access \(mode 0644\); run chmod 0600/);
    expect(fs.readdirSync(open)).toEqual([]);
  });
});
