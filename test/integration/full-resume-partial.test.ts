import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/engine/report/report';
import { readResumeJournal } from '../../src/engine/pgdata/completed-files';
import {
  Cluster, expectStandbyMatches, runCli, seededRandom, testSeed, testVersions, useClusters,
} from '../support';
import { runCliMeasuringIo, MeasuredRun } from '../support/process-io';
import { expectValidReport } from '../support/report-schema';

useClusters();

const BS = 8192;
/** ~200 MB of heap in one table (one segment file) and ~15 MB beside it: the largest file dominates, as in issue 23. */
const BIG_ROWS = 1_200_000;

/** A primary whose largest table is most of the cluster, frozen and checkpointed so that reading it sets no hint bits later. */
async function primaryWithBigTable(version: number, opts: { checksums: boolean }): Promise<{ primary: Cluster; bigFile: string }> {
  const primary = await Cluster.createPrimary(version, { checksums: opts.checksums, walLogHints: !opts.checksums });
  await primary.query(`CREATE TABLE big AS SELECT g, repeat(md5(g::text), 4) AS v FROM generate_series(1, ${BIG_ROWS}) g`);
  await primary.query('CREATE TABLE small AS SELECT g, md5(g::text) AS v FROM generate_series(1, 100000) g');
  await primary.query('VACUUM (FREEZE, ANALYZE)');
  await primary.query('CHECKPOINT');
  const bigFile = await primary.scalar<string>("SELECT pg_relation_filepath('big')");
  return { primary, bigFile };
}

function connArgs(primary: Cluster): string[] {
  return ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-R', '-j', '1'];
}

/** A FULL measured by the kernel; its report checked against the schema. */
async function measuredFull(args: string[], reportFile: string): Promise<{ run: MeasuredRun; report: Report }> {
  const run = await runCliMeasuringIo([...args, `--report=${reportFile}`]);
  if (run.code !== 0) throw new Error(`pg-catchup exited ${run.code}:\n${run.stderr}`);
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
  expectValidReport(report);
  return { run, report };
}

/** SIGKILLs a FULL once the largest file on the target has grown past `bytes`. */
async function killInside(primary: Cluster, target: string, bigFile: string, bytes: number): Promise<number> {
  const file = path.join(target, bigFile);
  const killed = await runCli(['catchup', '-b', 'FULL', '-D', target, ...connArgs(primary)], {
    killWhen: () => (fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) >= bytes,
  });
  expect({ killed: killed.killed, stderr: killed.stderr.slice(-500) }).toMatchObject({ killed: true });
  expect(fs.existsSync(path.join(target, 'pg_catchup.marker'))).toBe(true);
  return fs.statSync(file).size;
}

// Issue 23: a resume keeps every block the interrupted run wrote of the file it was writing.
describe.each(testVersions().slice(-1))('FULL killed inside its largest file, PostgreSQL %i', (version) => {
  test('with data checksums: the verified blocks are kept (a torn one is copied again), the rerun writes under 60 % of a fresh FULL, and the standby matches', async () => {
    const { primary, bigFile } = await primaryWithBigTable(version, { checksums: true });
    await primary.query("UPDATE big SET v = 'before the kill ' || g WHERE g % 5000 = 0");
    await primary.query('CHECKPOINT');
    const bigSize = Number(await primary.scalar<string>("SELECT pg_relation_size('big')"));

    const fresh = primary.makeTargetDir();
    const { run: freshRun, report: freshReport } = await measuredFull(['catchup', '-b', 'FULL', '-D', fresh, ...connArgs(primary)], `${fresh}.json`);
    fs.rmSync(fresh, { recursive: true, force: true });

    const share = 0.7 + 0.2 * seededRandom(testSeed('FULL kill point inside the largest file'))();
    const target = primary.makeTargetDir();
    const written = await killInside(primary, target, bigFile, Math.floor(share * bigSize));
    expect(written).toBeLessThan(bigSize);

    // Tear the last whole block written: its second half as a crash could leave it.
    const lastBlock = Math.floor(written / BS) - 1;
    const fd = fs.openSync(path.join(target, bigFile), 'r+');
    fs.writeSync(fd, Buffer.alloc(BS / 2, 0x5a), 0, BS / 2, lastBlock * BS + BS / 2);
    fs.closeSync(fd);

    await primary.query("UPDATE big SET v = 'after the kill ' || g WHERE g % 7000 = 0");
    const { run, report } = await measuredFull(['catchup', '-b', 'FULL', '-D', target, ...connArgs(primary)], `${target}.json`);
    expect(run.stderr).toMatch(/resumed: .* of 1 partly written file\(s\) \(blocks whose checksum verifies\) kept/);
    expect(report.resumed).toMatchObject({ keptPartialFiles: 1 });
    // Every whole block written but the torn one is kept.
    expect(report.resumed!.keptPartialBytes).toBe(lastBlock * BS);

    const share60 = run.io.write_bytes / freshRun.io.write_bytes;
    // eslint-disable-next-line no-console
    console.log(`killed at ${(share * 100).toFixed(0)} % of the largest file (${written} of ${bigSize} bytes): kept ${report.resumed?.keptFiles} files / ${report.resumed?.keptBytes} bytes and ${report.resumed?.keptPartialBytes} bytes of the partly written file; `
      + `write_bytes (/proc/<pid>/io) rerun ${run.io.write_bytes} vs fresh ${freshRun.io.write_bytes} (${(share60 * 100).toFixed(1)} %), wchar ${run.io.wchar} vs ${freshRun.io.wchar}; report bytesCopied ${report.files.bytesCopied} vs ${freshReport.files.bytesCopied}`);
    expect(freshRun.io.write_bytes).toBeGreaterThan(bigSize);
    expect({ rerun: run.io.write_bytes, fresh: freshRun.io.write_bytes, share: share60, under: share60 < 0.6 }).toMatchObject({ under: true });

    await expectStandbyMatches(target, primary);
  }, 900_000);

  test('without data checksums: only what the run fsynced and journaled is kept, also when the resumed run is killed too, and the standby matches', async () => {
    const { primary, bigFile } = await primaryWithBigTable(version, { checksums: false });
    const bigSize = Number(await primary.scalar<string>("SELECT pg_relation_size('big')"));
    const target = primary.makeTargetDir();
    const written = await killInside(primary, target, bigFile, Math.floor(0.8 * bigSize));
    expect(written).toBeLessThan(bigSize);
    const durable = readResumeJournal(target).durable.get(bigFile) ?? 0;
    // The writer fsyncs a large file every 32 MB as it grows, and journals each.
    expect(durable).toBeGreaterThan(0);
    expect(durable).toBeLessThanOrEqual(written);

    // A block past what was fsynced, torn: without checksums nothing could tell, so it must not be kept.
    if (Math.floor(written / BS) * BS > durable) {
      const fd = fs.openSync(path.join(target, bigFile), 'r+');
      fs.writeSync(fd, Buffer.alloc(BS / 2, 0x5a), 0, BS / 2, (Math.floor(written / BS) - 1) * BS);
      fs.closeSync(fd);
    }

    await primary.query("UPDATE big SET v = 'after the kill ' || g WHERE g % 7000 = 0");
    // Killed again once it has planned: the journal it rewrote names only what it kept, and still holds.
    const again = await runCli(['catchup', '-b', 'FULL', '-D', target, ...connArgs(primary)], { killOn: /resumed: / });
    expect({ killed: again.killed, stderr: again.stderr.slice(-500) }).toMatchObject({ killed: true });
    expect(again.stderr).toMatch(/of 1 partly written file\(s\) \(what its fsyncs covered\) kept/);
    expect(readResumeJournal(target).durable.get(bigFile)).toBe(Math.floor(durable / BS) * BS);

    await primary.query("UPDATE big SET v = 'after the second kill ' || g WHERE g % 9000 = 0");
    const { run, report } = await measuredFull(['catchup', '-b', 'FULL', '-D', target, ...connArgs(primary)], `${target}.json`);
    expect(run.stderr).toMatch(/of 1 partly written file\(s\) \(what its fsyncs covered\) kept/);
    expect(report.resumed).toMatchObject({ keptPartialFiles: 1, keptPartialBytes: Math.floor(durable / BS) * BS });
    // eslint-disable-next-line no-console
    console.log(`no checksums: killed with ${written} of ${bigSize} bytes written, ${durable} journaled durable; kept ${report.resumed?.keptPartialBytes}; rerun write_bytes ${run.io.write_bytes}`);
    await expectStandbyMatches(target, primary);
  }, 900_000);
});
