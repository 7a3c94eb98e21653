import * as fs from 'fs';
import * as path from 'path';
import { Cluster, expectCliSuccess, runCli, testVersions, useClusters } from '../support';

useClusters();

const SECRET = 's3cr3t-Pw-91x';
const WARNING = /holds a password, which other users of this host can read .* use PGPASSWORD, ~\/\.pgpass or a passfile= instead/;

/** Every place a run leaves text: its output, its report, and the recovery settings it wrote. */
function leaks(res: { stdout: string; stderr: string }, reportFile: string, target: string | null): string[] {
  const places: Array<[string, string]> = [['stdout', res.stdout], ['stderr', res.stderr], ['report', fs.readFileSync(reportFile, 'utf8')]];
  if (target) places.push(['postgresql.auto.conf', fs.readFileSync(path.join(target, 'postgresql.auto.conf'), 'utf8')]);
  return places.filter(([, text]) => text.includes(SECRET)).map(([where]) => where);
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
      const target = primary.makeTargetDir();
      const reportFile = `${target}.json`;
      const res = await runCli(['catchup', '-b', 'FULL', '-D', target, '-R', ...args, `--report=${reportFile}`], { env });
      expectCliSuccess(res);
      expect({ how, leaks: leaks(res, reportFile, target) }).toEqual({ how, leaks: [] });
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
});
