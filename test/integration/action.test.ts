import * as fs from 'fs';
import * as path from 'path';
import nock from 'nock';
import type { Report } from '../../src/engine/report/report';
import {
  Cluster, expectSameDataAtSameLsn, expectStandbyMatches, prepareSchema, primaryWithStandby, promoteStandby, serverOsUser, standbyOf, startAsStandby, testVersions, useClusters,
} from '../support';
import { runAction } from '../support/action-runner';
import { freePort } from '../support/ports';
import { run } from '../support/run';

useClusters();

const SECRET = 'S3cret-pw-never-logged';

/** A primary whose copied configuration lets a copy start beside it: its own port, no Unix socket. */
async function primaryForCopies(version: number): Promise<Cluster> {
  const primary = await Cluster.createPrimary(version, {
    settings: { port: String(await freePort()), unix_socket_directories: "''", listen_addresses: "'127.0.0.1'" },
  });
  await primary.query(`DROP ROLE IF EXISTS app; CREATE ROLE app LOGIN SUPERUSER PASSWORD '${SECRET}'`);
  return primary;
}

async function stopWithPgCtl(c: Cluster, dir: string): Promise<void> {
  await run(path.join(c.binDir, 'pg_ctl'), ['stop', '-D', dir, '-m', 'fast', '-w'], { allowFailure: true });
}

function reportOf(r: { files: Record<string, string> }, name = 'pg-catchup-report.json'): Report & { error?: { step?: string } } {
  return JSON.parse(r.files[name]) as Report;
}

/** Role app must give its password on TCP: the copy has it (the password input), the standby's OS user has no ~/.pgpass. */
async function requirePasswordForApp(primary: Cluster): Promise<void> {
  const hba = path.join(primary.dataDir, 'pg_hba.conf');
  fs.writeFileSync(hba, `host replication app 127.0.0.1/32 scram-sha-256\nhost all app 127.0.0.1/32 scram-sha-256\n${fs.readFileSync(hba, 'utf8')}`);
  await primary.query('SELECT pg_reload_conf()');
}

describe.each(testVersions())('the action (dist/index.js) on PostgreSQL %i', (version) => {
  test('preflight only: a passing run, then a failing check with its fix in the log, the summary and the outputs', async () => {
    const primary = await primaryForCopies(version);
    const target = primary.makeTargetDir();
    const ok = await runAction({ command: 'preflight', 'target-pgdata': target, source: `host=127.0.0.1 port=${primary.port} user=postgres` });
    expect(ok.failed).toBe(false);
    expect(ok.outputs).toMatchObject({ status: 'success', mode: 'FULL' });
    expect(ok.stdout).toContain('::group::check privileges: PASS - Privileges of the connecting role');
    expect(ok.summary).toContain('Checks');
    expect(fs.readdirSync(target)).toEqual([]);

    await primary.query('DROP ROLE IF EXISTS weak; CREATE ROLE weak LOGIN');
    const bad = await runAction({ command: 'preflight', 'target-pgdata': target, host: '127.0.0.1', port: String(primary.port), user: 'weak' });
    expect(bad.failed).toBe(true);
    expect(bad.outputs.status).toBe('failed');
    expect(bad.stdout).toContain('::group::check privileges: FAIL');
    expect(bad.stdout).toMatch(/fix: As a superuser on the source, run: .*GRANT EXECUTE ON FUNCTION pg_catalog.pg_backup_start\(text, boolean\) TO "weak";/);
    expect(bad.summary).toContain('GRANT EXECUTE ON FUNCTION');
    expect(reportOf(bad)).toMatchObject({ command: 'preflight', status: 'failed', error: { step: 'preflight' } });
    expect(bad.outputs['failed-step']).toBe('preflight');
    expect(bad.summary).toContain('<p><b>Failed step: preflight.</b>');
  });

  test('FULL with verify: streaming, a password input that never appears anywhere, and the report uploaded through nock', async () => {
    const primary = await primaryForCopies(version);
    await prepareSchema(primary);
    const target = primary.makeTargetDir();
    const results = nock('http://results.nock.test').post(/CreateArtifact$/).reply(200, { ok: true, signed_upload_url: 'http://blob.nock.test/r.zip?sig=x' })
      .post(/FinalizeArtifact$/).reply(200, { ok: true, artifact_id: '77' });
    const blob = nock('http://blob.nock.test').put('/r.zip').query(true).times(2).reply(201, '');
    const token = ['e30', Buffer.from(JSON.stringify({ scp: 'Actions.Results:ce7f54c7-61c7-4aae-887f-30da475f5f1a:ca395085-040a-526b-2ce8-bdc85f692774' })).toString('base64url'), 'x'].join('.');
    try {
      const r = await runAction(
        { mode: 'FULL', 'target-pgdata': target, host: '127.0.0.1', port: String(primary.port), user: 'app', password: SECRET,
          verify: 'streaming', 'pg-bin-dir': primary.binDir, threads: '2' },
        { ACTIONS_RUNTIME_TOKEN: token, ACTIONS_RESULTS_URL: 'http://results.nock.test/', GITHUB_SERVER_URL: 'https://github.com' });
      expect({ failed: r.failed, log: r.failed ? r.stdout : '' }).toEqual({ failed: false, log: '' });
      expect(r.outputs).toMatchObject({ status: 'success', mode: 'FULL' });
      expect(Number(r.outputs['bytes-copied'])).toBeGreaterThan(0);
      expect(r.outputs['start-lsn']).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      expect(r.stdout).toMatch(/target is streaming: walreceiver streaming at [0-9A-F]+\/[0-9A-F]+/);
      expect(r.stdout).toContain('report uploaded as artifact pg-catchup-report (id 77)');
      expect(results.isDone() && blob.isDone()).toBe(true);
      // The password: masked, and in no output, summary, report or standby configuration.
      expect(r.stdout).toContain(`::add-mask::${SECRET}`);
      const everywhere = [r.stdout.replace(`::add-mask::${SECRET}`, ''), r.summary, JSON.stringify(r.outputs), ...Object.values(r.files),
        fs.readFileSync(path.join(target, 'postgresql.auto.conf'), 'utf8')].join('\n');
      expect(everywhere).not.toContain(SECRET);
    } finally {
      nock.cleanAll();
      await stopWithPgCtl(primary, target);
    }
    const standby = await startAsStandby(target);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.cleanup();
  });

  test('a failing verify keeps outputs, summary and report: the server log names the missing password, and store-password fixes it', async () => {
    const primary = await primaryForCopies(version);
    await prepareSchema(primary);
    await requirePasswordForApp(primary);
    const target = primary.makeTargetDir();
    const owner = serverOsUser().name;
    const inputs = { 'target-pgdata': target, host: '127.0.0.1', port: String(primary.port), user: 'app', password: SECRET, 'pg-bin-dir': primary.binDir };
    try {
      const r = await runAction({ ...inputs, mode: 'FULL', verify: 'streaming', 'verify-timeout': '5' });
      expect(r.failed).toBe(true);
      expect(r.outputs).toMatchObject({ status: 'failed', mode: 'FULL', 'failed-step': 'verify' });
      expect(Number(r.outputs['bytes-copied'])).toBeGreaterThan(0);
      expect(r.outputs['report-path']).toMatch(/pg-catchup-report\.json$/);
      expect(reportOf(r)).toMatchObject({ status: 'failed', error: { code: 'verify-timeout', step: 'verify' } });
      expect(reportOf(r).error?.fix).toContain(`PGDATA owner ${owner} has no password for the primary: add it to ~${owner}/.pgpass or pass the password input with store-password`);
      // The server log's last lines, in the job log and the summary; the cause said in words.
      expect(r.stdout).toMatch(/last \d+ lines of the target's server log/);
      expect(r.stdout).toContain('fe_sendauth: no password supplied');
      expect(r.stdout).toContain(`::error::the target's server log says: the PGDATA owner ${owner} has no password for the primary`);
      expect(r.summary).toContain('Failed step: verify.');
      expect(r.summary).toContain('fe_sendauth: no password supplied');
      expect(r.summary).toMatch(/<td>verify<\/td><td>❌ failed<\/td>/);
      expect(r.summary).toMatch(/<td>copy<\/td><td>✅ done<\/td>/);
      expect(r.summary).toMatch(/<td>start<\/td><td>✅ done<\/td>/);
      expect(r.summary).not.toContain('pg_ctl start');
      const everywhere = [r.stdout.replace(`::add-mask::${SECRET}`, ''), r.summary, JSON.stringify(r.outputs), ...Object.values(r.files)].join('\n');
      expect(everywhere).not.toContain(SECRET);

      // As the message says: with store-password the standby has the password and streams.
      const again = await runAction({ ...inputs, mode: 'AUTO', 'stop-target': 'true', verify: 'streaming', 'store-password': 'true' });
      expect({ failed: again.failed, log: again.failed ? again.stdout : '' }).toEqual({ failed: false, log: '' });
      expect(again.outputs).toMatchObject({ status: 'success', mode: 'DELTA', 'failed-step': '' });
      expect(again.summary).toContain('Nothing more to do: this action started the target, and it streams from the primary');
      expect(again.summary).not.toContain('pg_ctl start');
    } finally {
      await stopWithPgCtl(primary, target);
    }
  });

  test('a failing start keeps outputs, summary and report, with the server log saying why', async () => {
    const primary = await primaryForCopies(version);
    const target = primary.makeTargetDir();
    // A FULL that leaves out postgresql.conf copies fine, and the server then cannot start.
    const r = await runAction({
      mode: 'FULL', 'target-pgdata': target, source: `postgresql://postgres@127.0.0.1:${primary.port}/postgres`, 'pg-bin-dir': primary.binDir,
      'start-target': 'true', 'exclude-path': 'postgresql.conf',
    });
    try {
      expect(r.failed).toBe(true);
      expect(r.outputs).toMatchObject({ status: 'failed', mode: 'FULL', 'failed-step': 'start' });
      expect(Number(r.outputs['files-copied'])).toBeGreaterThan(0);
      expect(r.outputs['stop-lsn']).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      expect(reportOf(r)).toMatchObject({ status: 'failed', error: { code: 'start-target-failed', step: 'start' } });
      expect(reportOf(r).nextStep).toMatch(/^The copy is complete, but the target did not start/);
      expect(r.stdout).toMatch(/last \d+ lines of the target's server log[^\n]*:\n[^\n]*postgresql\.conf/);
      expect(r.summary).toContain('Failed step: start.');
      expect(r.summary).toMatch(/<pre>[^<]*postgresql\.conf[^<]*<\/pre>/);
      expect(r.summary).toMatch(/<td>copy<\/td><td>✅ done<\/td>/);
      expect(r.summary).toMatch(/<td>start<\/td><td>❌ failed<\/td>/);
      expect(r.summary).not.toMatch(/<td>(?!<)[^/]*<td>/); // every cell closed
      expect(r.stdout).toContain('report artifact not uploaded: not running on GitHub Actions'); // the upload was tried
    } finally {
      await stopWithPgCtl(primary, target);
    }
  });

  test('AUTO on an empty target (FULL), then on a lagging one (DELTA) with stop-target and start-target around it', async () => {
    const primary = await primaryForCopies(version);
    await prepareSchema(primary);
    const target = primary.makeTargetDir();
    const inputs = { 'target-pgdata': target, source: `postgresql://postgres@127.0.0.1:${primary.port}/postgres`, 'pg-bin-dir': primary.binDir, 'start-target': 'true' };
    try {
      const first = await runAction({ ...inputs, mode: 'AUTO' });
      expect({ failed: first.failed, log: first.failed ? first.stdout : '' }).toEqual({ failed: false, log: '' });
      expect(first.outputs.mode).toBe('FULL');
      expect(reportOf(first)).toMatchObject({ modeRequested: 'AUTO', mode: 'FULL' });

      await primary.query("UPDATE accounts SET note = 'after the first run' WHERE id % 4 = 0", [], 'catchup_a');
      // The standby's own pg_hba.conf survives the re-sync (exclude-path, one path per line).
      fs.appendFileSync(path.join(target, 'pg_hba.conf'), '\n# this standby only\n');
      const hba = fs.readFileSync(path.join(target, 'pg_hba.conf'));
      const second = await runAction({ ...inputs, mode: 'AUTO', 'stop-target': 'true', 'exclude-path': 'pg_hba.conf\npg_ident.conf' });
      expect({ failed: second.failed, log: second.failed ? second.stdout : '' }).toEqual({ failed: false, log: '' });
      expect(second.outputs.mode).toBe('DELTA');
      expect(fs.readFileSync(path.join(target, 'pg_hba.conf')).equals(hba)).toBe(true);
      expect(reportOf(second).excludedPaths).toEqual(['pg_hba.conf', 'pg_ident.conf']);
      expect(Number(second.outputs['blocks-copied'])).toBeGreaterThan(0);
      expect(second.stdout).toContain('target stopped (pg_ctl stop -m fast)');
      expect(second.stdout).toContain('target started');
      expect(second.stdout).toContain('report artifact not uploaded: not running on GitHub Actions');
    } finally {
      await stopWithPgCtl(primary, target);
    }
    const standby = await startAsStandby(target);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.cleanup();
  });

  test('source-pgdata: FULL from a stopped data directory on the runner; source only names the server -R follows', async () => {
    const primary = await primaryForCopies(version);
    await prepareSchema(primary);
    await primary.stop('fast');
    const target = primary.makeTargetDir();
    try {
      const res = await runAction({
        'target-pgdata': target, 'source-pgdata': primary.dataDir, mode: 'FULL',
        source: `host=127.0.0.1 port=${primary.port} user=postgres`, 'write-recovery-conf': 'true',
      });
      expect({ failed: res.failed, log: res.failed ? res.stdout : '' }).toEqual({ failed: false, log: '' });
      expect(res.outputs.mode).toBe('FULL');
      expect(reportOf(res)).toMatchObject({ mode: 'FULL', status: 'success', source: { pgdata: primary.dataDir } });
      expect(fs.readFileSync(path.join(target, 'postgresql.auto.conf'), 'utf8')).toContain(`port=${primary.port}`);

      // Without a server to name, write-recovery-conf is refused before anything is written.
      const empty = primary.makeTargetDir();
      const refused = await runAction({ 'target-pgdata': empty, 'source-pgdata': primary.dataDir, mode: 'FULL', 'write-recovery-conf': 'true' });
      expect(refused.failed).toBe(true);
      expect(refused.stdout).toContain('--source-pgdata names a directory, not a server to connect to');
      expect(fs.readdirSync(empty)).toEqual([]);
    } finally {
      await primary.start();
    }
    const standby = await startAsStandby(target);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.cleanup();
  });

  test('rewind of an old primary: the commits it made after the failover get their own table in the job summary, and their WAL is kept', async () => {
    const f = await primaryWithStandby(version, { walLogHints: true, settings: { autovacuum: 'off' } });
    await f.oldPrimary.query('CREATE TABLE orders (id int)');
    await promoteStandby(f);
    for (let i = 0; i < 4; i++) await f.oldPrimary.query(`INSERT INTO orders VALUES (${i})`);
    await f.oldPrimary.stop('fast');
    const keep = path.join(path.dirname(f.oldPrimary.dataDir), 'discarded-wal');
    const r = await runAction({
      command: 'rewind', 'target-pgdata': f.oldPrimary.dataDir, source: `postgresql://postgres@127.0.0.1:${f.newPrimary.port}/postgres`,
      'pg-bin-dir': f.oldPrimary.binDir, 'keep-discarded-wal': keep,
    });
    expect({ failed: r.failed, log: r.failed ? r.stdout : '' }).toEqual({ failed: false, log: '' });
    expect(r.outputs['discarded-commits']).toBe('4');
    expect(r.summary).toContain('Work discarded (the target after the fork)');
    expect(r.summary).toMatch(/<td>committed transactions<\/td><td>4<\/td>/);
    expect(r.summary).toContain('postgres.public.orders');
    expect(reportOf(r).discarded).toMatchObject({ committedTransactions: 4, keptIn: keep });
    expect(fs.readdirSync(keep).length).toBeGreaterThan(0);
    await expectStandbyMatches(f.oldPrimary.dataDir, f.newPrimary);
  });

  test('preflight through the action: each failing check once, with its fix in its log group, the summary and the report', async () => {
    const primary = await primaryForCopies(version);
    const src = { host: '127.0.0.1', port: String(primary.port), user: 'postgres' };
    const expectFailure = async (inputs: Record<string, string>, id: string, fix: RegExp) => {
      const r = await runAction({ command: 'preflight', ...src, ...inputs });
      expect(r.failed).toBe(true);
      expect(r.outputs.status).toBe('failed');
      const group = new RegExp(`::group::check ${id}: (FAIL|WARN)[^\\n]*\\n[^\\n]*\\nfix: [^\\n]*${fix.source}`);
      expect(r.stdout).toMatch(group);
      expect(r.summary).toMatch(fix);
      expect(reportOf(r).checks.find((c) => c.id === id)?.fix).toMatch(fix);
    };
    const empty = primary.makeTargetDir();

    await expectFailure({ 'target-pgdata': empty, port: '1' }, 'source-reachable', /Check that the source server is running/);
    await primary.query('DROP ROLE IF EXISTS weak; CREATE ROLE weak LOGIN');
    await expectFailure({ 'target-pgdata': empty, user: 'weak' }, 'privileges', /GRANT EXECUTE ON FUNCTION/);
    await primary.query('ALTER SYSTEM SET full_page_writes = off');
    await primary.query('SELECT pg_reload_conf()');
    await expectFailure({ 'target-pgdata': empty }, 'full-page-writes', /ALTER SYSTEM SET full_page_writes = on/);
    await primary.query('ALTER SYSTEM RESET full_page_writes');
    await primary.query('SELECT pg_reload_conf()');

    const full = primary.makeTargetDir();
    fs.writeFileSync(path.join(full, 'stray'), 'x');
    await expectFailure({ 'target-pgdata': full, mode: 'FULL' }, 'target-empty', /FULL needs an empty directory/);

    const slots = await primary.scalar<number>("SELECT current_setting('max_replication_slots')::int");
    for (let i = 0; i < slots; i++) await primary.query(`SELECT pg_create_physical_replication_slot('hog_${i}')`);
    await expectFailure({ 'target-pgdata': empty }, 'replication-slots', /drop an unused slot/);
    for (let i = 0; i < slots; i++) await primary.query(`SELECT pg_drop_replication_slot('hog_${i}')`);

    const standby = await standbyOf(primary);
    await expectFailure({ 'target-pgdata': standby.dataDir, mode: 'DELTA' }, 'target-stopped', /pg_ctl stop/);
    await standby.stop('fast');
    fs.chmodSync(standby.dataDir, 0o755);
    await expectFailure({ 'target-pgdata': standby.dataDir, mode: 'DELTA', 'fail-on-warning': 'true' }, 'target-directory', /chmod 0700/);
    fs.chmodSync(standby.dataDir, 0o700);
    const other = await Cluster.createPrimary(version);
    await expectFailure({ 'target-pgdata': standby.dataDir, mode: 'DELTA', port: String(other.port) }, 'same-system', /use -b FULL into an empty directory/);
    await other.cleanup();
  });
});
