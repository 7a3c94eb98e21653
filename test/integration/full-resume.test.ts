import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/engine/report/report';
import {
  Cluster, dataBytesUnder, expectCliSuccess, makeOwnedDir, makeScratchDir, expectStandbyMatches, expectStartRefused, INCOMPLETE_DATA_DIR, runCli, seededRandom, testSeed, testVersions, treeDigest, useClusters,
} from '../support';
import { expectValidReport } from '../support/report-schema';

useClusters();

async function fullWithReport(args: string[], reportFile: string): Promise<Report> {
  const res = await runCli([...args, `--report=${reportFile}`]);
  expectCliSuccess(res);
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
  expectValidReport(report);
  return report;
}

// A 20-hour clone that dies at 90 % must not start over from nothing (issue 8).
describe.each(testVersions().slice(-1))('FULL killed and rerun, PostgreSQL %i', (version) => {
  test('killed at seeded points past half way: the rerun resumes, copies less than half, and the standby matches', async () => {
    const primary = await Cluster.createPrimary(version);
    // 24 tables of ~8 MB: files complete one after another, so a kill past half leaves many finished
    // (a file being copied when the run dies is copied again whole).
    for (let i = 0; i < 24; i++) {
      await primary.query(`CREATE TABLE t${i} AS SELECT g, repeat(md5(g::text), 4) AS v FROM generate_series(1, 50000) g`);
    }
    await primary.query('CHECKPOINT');
    const conn = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-R'];

    const fresh = primary.makeTargetDir();
    const freshReport = await fullWithReport(['catchup', '-b', 'FULL', '-D', fresh, ...conn], `${fresh}.json`);
    const freshBytes = freshReport.files.bytesCopied;
    const freshDataBytes = dataBytesUnder(fresh);
    fs.rmSync(fresh, { recursive: true, force: true });

    const random = seededRandom(testSeed('FULL kill points'));
    for (let point = 0; point < 5; point++) {
      const share = 0.65 + 0.3 * random();
      await primary.query(`UPDATE t${point} SET v = 'changed ' || g WHERE g % 10 = 0`);
      const target = primary.makeTargetDir();
      const killed = await runCli(['catchup', '-b', 'FULL', '-D', target, ...conn], { killWhen: () => dataBytesUnder(target) >= share * freshDataBytes });
      expect({ share, killed: killed.killed, code: killed.code, stderr: killed.stderr.slice(-500) }).toMatchObject({ killed: true });
      // Not startable: no pg_control until a run completes.
      expect(fs.existsSync(path.join(target, 'global', 'pg_control'))).toBe(false);
      expect(fs.existsSync(path.join(target, 'pg_catchup.marker'))).toBe(true);
      expect(await expectStartRefused(primary.binDir, target)).toMatch(INCOMPLETE_DATA_DIR);

      await primary.query(`UPDATE t${point + 1} SET v = 'after the kill ' || g WHERE g % 7 = 0`);
      const resumed = await fullWithReport(['catchup', '-b', 'FULL', '-D', target, ...conn], `${target}.json`);
      // eslint-disable-next-line no-console
      console.log(`killed at ${(share * 100).toFixed(0)} %: kept ${resumed.resumed?.keptFiles} files / ${resumed.resumed?.keptBytes} bytes; rerun copied ${resumed.files.bytesCopied} of a fresh ${freshBytes}`);
      expect(resumed.resumed?.keptFiles).toBeGreaterThan(0);
      expect({ share, rerunBytes: resumed.files.bytesCopied, freshBytes, under: resumed.files.bytesCopied < 0.5 * freshBytes }).toMatchObject({ under: true });
      expect(fs.existsSync(path.join(target, 'pg_catchup.marker'))).toBe(false);
      expect(fs.existsSync(path.join(target, 'pg_catchup.done'))).toBe(false);

      await expectStandbyMatches(target, primary);
      fs.rmSync(target, { recursive: true, force: true });
    }
  }, 600_000);

  test('a rerun with another mode, another source, or foreign files refuses with the way out; without hint logging only --start-over goes on', async () => {
    const primary = await Cluster.createPrimary(version, { checksums: false });
    await primary.query('CREATE TABLE t AS SELECT g, repeat(md5(g::text), 4) AS v FROM generate_series(1, 400000) g');
    await primary.query('CHECKPOINT');
    const conn = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-R'];
    const target = primary.makeTargetDir();
    const killed = await runCli(['catchup', '-b', 'FULL', '-D', target, ...conn], { killWhen: () => dataBytesUnder(target) >= 30 * 1024 * 1024 });
    expect(killed.killed).toBe(true);
    // The killed run's lock is taken over (and so removed) by the first rerun that locks; the rest must stay as it is.
    expect(fs.existsSync(path.join(target, 'pg_catchup.lock'))).toBe(true);
    fs.rmSync(path.join(target, 'pg_catchup.lock'));
    const before = treeDigest(target);

    // AUTO picks FULL for it, and the preflight says FULL resumes it.
    const pre = await runCli(['preflight', '-b', 'AUTO', '-D', target, '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '--json']);
    const preReport = JSON.parse(pre.stdout) as Report;
    expect(preReport.mode).toBe('FULL');
    expect(preReport.checks.find((c) => c.id === 'target-empty')?.detail).toMatch(/holds a FULL interrupted .*resumes it/);

    const delta = await runCli(['catchup', '-b', 'DELTA', '-D', target, ...conn]);
    expect(delta.code).toBe(1);
    expect(delta.stderr).toMatch(/holds a FULL copy that was interrupted .*only FULL can finish it/);

    const other = await Cluster.createPrimary(version, { checksums: false });
    const wrongSource = await runCli(['catchup', '-b', 'FULL', '-D', target, '-h', '127.0.0.1', '-p', String(other.port), '-U', 'postgres']);
    expect(wrongSource.code).toBe(1);
    expect(wrongSource.stderr).toMatch(/interrupted FULL from source system \d+, but this source is system \d+/);

    // No data checksums and no wal_log_hints here: a resume cannot be proven current.
    const unsafe = await runCli(['catchup', '-b', 'FULL', '-D', target, ...conn]);
    expect(unsafe.code).toBe(1);
    expect(unsafe.stderr).toMatch(/neither data checksums nor wal_log_hints.*--start-over/s);
    expect(fs.existsSync(path.join(target, 'pg_catchup.marker'))).toBe(true);

    // Every refusal above left what the interrupted run wrote as it was.
    expect(treeDigest(target)).toBe(before);
    fs.writeFileSync(path.join(target, 'base', 'not-ours'), 'x');
    const foreign = await runCli(['catchup', '-b', 'FULL', '-D', target, ...conn]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/files that run did not write: base\/not-ours/);

    const over = await fullWithReport(['catchup', '-b', 'FULL', '-D', target, ...conn, '--start-over'], `${target}.json`);
    expect(over.resumed?.keptFiles ?? 0).toBe(0);
    expect(fs.existsSync(path.join(target, 'base', 'not-ours'))).toBe(false);
    await expectStandbyMatches(target, primary);
  }, 300_000);

  test('a FULL with -T killed half way resumes with the same -T; another -T is refused, naming both places', async () => {
    const primary = await Cluster.createPrimary(version);
    const location = makeOwnedDir(path.join(makeScratchDir('resume-ts'), 'location'));
    await primary.query(`CREATE TABLESPACE ts LOCATION '${location}'`);
    for (let i = 0; i < 8; i++) {
      await primary.query(`CREATE TABLE t${i} TABLESPACE ts AS SELECT g, repeat(md5(g::text), 4) AS v FROM generate_series(1, 50000) g`);
    }
    await primary.query('CHECKPOINT');
    const mapped = makeOwnedDir(path.join(makeScratchDir('resume-ts-mapped'), 'location'));
    const conn = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-R'];
    const target = primary.makeTargetDir();
    const killed = await runCli(['catchup', '-b', 'FULL', '-D', target, ...conn, '-T', `${location}=${mapped}`],
      { killWhen: () => dataBytesUnder(mapped) >= 24 * 1024 * 1024 });
    expect(killed.killed).toBe(true);
    expect(fs.readdirSync(mapped).length).toBeGreaterThan(0);

    const elsewhere = makeOwnedDir(path.join(makeScratchDir('resume-ts-elsewhere'), 'location'));
    const moved = await runCli(['catchup', '-b', 'FULL', '-D', target, ...conn, '-T', `${location}=${elsewhere}`]);
    expect(moved.code).toBe(1);
    expect(moved.stderr).toContain(`is at ${mapped}, but -T maps it to ${elsewhere}`);

    const resumed = await fullWithReport(['catchup', '-b', 'FULL', '-D', target, ...conn, '-T', `${location}=${mapped}`], `${target}.json`);
    expect(resumed.resumed?.keptFiles).toBeGreaterThan(0);
    expect(resumed.tablespaces?.[0]).toMatchObject({ targetLocation: mapped, placement: 'mapped' });
    await expectStandbyMatches(target, primary);
  }, 300_000);
});
