import type { Report } from '../../src/engine/report/report';
import { Cluster, expectCliSuccess, expectStandbyMatches, makeScratchDir, runCli, testVersions, useClusters } from '../support';
import { readValidReport } from '../support/report-schema';

useClusters();

const MB = 1024 * 1024;
const copySeconds = (r: Report) => r.phases.find((p) => p.phase === 'copy')!.durationMs / 1000;

// Issue 9, long runs: a rate cap, syncfs, and progress a person or a machine can follow.
describe.each(testVersions().slice(-1))('long runs, PostgreSQL %i', (version) => {
  test('--max-rate caps the copy: never faster than the cap (+10 %); without it the same copy runs faster', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query('CREATE TABLE t AS SELECT g, repeat(md5(g::text), 8) AS v FROM generate_series(1, 60000) g'); // ~22 MB
    const conn = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'];
    const reports = makeScratchDir('reports');

    const capped = primary.makeTargetDir();
    expectCliSuccess(await runCli(['catchup', '-b', 'FULL', '-D', capped, ...conn, '-R', '-r', '8M', `--report=${reports}/capped.json`]));
    const c = readValidReport(`${reports}/capped.json`);
    const cappedRate = c.files.bytesCopied / copySeconds(c);
    // eslint-disable-next-line no-console
    console.log(`--max-rate 8M: ${(c.files.bytesCopied / MB).toFixed(1)} MB in ${copySeconds(c).toFixed(2)} s = ${(cappedRate / MB).toFixed(2)} MB/s`);
    expect(c.files.bytesCopied).toBeGreaterThan(16 * MB);
    expect(cappedRate).toBeLessThanOrEqual(8 * MB * 1.1);

    const free = primary.makeTargetDir();
    expectCliSuccess(await runCli(['catchup', '-b', 'FULL', '-D', free, ...conn, `--report=${reports}/free.json`]));
    expect(copySeconds(readValidReport(`${reports}/free.json`))).toBeLessThan(copySeconds(c));
    await expectStandbyMatches(capped, primary);

    const bad = await runCli(['catchup', '-b', 'FULL', '-D', primary.makeTargetDir(), ...conn, '-r', '10']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/-r\/--max-rate: transfer rate "10" is out of range: it must be between 32 kB\/s and 1 GB\/s/);
  });

  test('--sync-method=syncfs: FULL then DELTA leave a standby that starts and matches', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query('CREATE TABLE t AS SELECT g FROM generate_series(1, 50000) g');
    for (let i = 0; i < 50; i++) await primary.query(`CREATE TABLE small_${i} AS SELECT ${i} AS x`);
    const conn = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-R', '--sync-method=syncfs'];
    const target = primary.makeTargetDir();
    expectCliSuccess(await runCli(['catchup', '-b', 'FULL', '-D', target, ...conn]));
    await expectStandbyMatches(target, primary);
    await primary.query('UPDATE t SET g = -g WHERE g % 10 = 0; CREATE TABLE later AS SELECT 1 AS y');
    expectCliSuccess(await runCli(['catchup', '-b', 'DELTA', '-D', target, ...conn]));
    await expectStandbyMatches(target, primary);
    const bad = await runCli(['catchup', '-b', 'DELTA', '-D', target, ...conn, '--sync-method=fdatasync']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--sync-method takes fsync or syncfs, not "fdatasync"/);
  });

  test('progress: JSON lines for machines end with "done"; into a pipe, a line per phase and no more than one per 10 s besides', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query('CREATE TABLE t AS SELECT g, repeat(md5(g::text), 8) AS v FROM generate_series(1, 30000) g');
    const conn = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'];

    const json = await runCli(['catchup', '-b', 'FULL', '-D', primary.makeTargetDir(), ...conn, '--progress=json', '-r', '4M']);
    expectCliSuccess(json);
    const lines = json.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(['bytes', 'elapsedSeconds', 'etaSeconds', 'files', 'phase', 'rateBytesPerSecond', 'totalBytes', 'totalFiles', 'type']);
    expect(lines.map((l) => l.phase)).toEqual(expect.arrayContaining(['preflight checks', 'copy', 'done']));
    const last = lines[lines.length - 1];
    expect(last).toMatchObject({ phase: 'done' });
    expect(last.bytes).toBe(last.totalBytes);
    // A copy capped at 4 MB/s lasts a few seconds: the 5 s ticks show it under way, with a rate.
    expect(lines.some((l) => l.phase === 'copy' && (l.bytes as number) > 0 && (l.rateBytesPerSecond as number) > 0)).toBe(true);

    const started = Date.now();
    const text = await runCli(['catchup', '-b', 'FULL', '-D', primary.makeTargetDir(), ...conn, '-P', '-r', '4M']);
    const seconds = (Date.now() - started) / 1000;
    expectCliSuccess(text);
    const progress = text.stderr.split('\n').filter((l) => l.startsWith('pg-catchup: progress: '));
    const phases = new Set(progress.map((l) => l.slice('pg-catchup: progress: '.length).split(/[:(]/)[0].trim()));
    expect(progress.length).toBeLessThanOrEqual(phases.size + Math.floor(seconds / 10) + 1);
    expect(progress[progress.length - 1]).toMatch(/^pg-catchup: progress: done: [\d.]+ MB of [\d.]+ MB \(100%\)/);
  });
});
