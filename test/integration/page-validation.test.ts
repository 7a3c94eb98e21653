import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/engine/report/report';
import { parseLsn } from '../../src/engine/wal/lsn';
import { Cluster, makeScratchDir, runCli, testVersions, useClusters } from '../support';
import { expectValidReport } from '../support/report-schema';

useClusters();

const conn = (c: Cluster) => ['-h', '127.0.0.1', '-p', String(c.port), '-U', 'postgres'];

async function fullWithReport(primary: Cluster, extra: string[] = []): Promise<{ code: number | null; stderr: string; report: Report }> {
  const file = path.join(makeScratchDir('report'), 'report.json');
  const res = await runCli(['catchup', '-b', 'FULL', '-D', primary.makeTargetDir(), ...conn(primary), '--report', file, ...extra]);
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as Report;
  expectValidReport(report);
  return { code: res.code, stderr: res.stderr, report };
}

describe.each(testVersions())('page checksum validation on PostgreSQL %i', (version) => {
  test('every copied page is verified; a page corrupted on the source is reported with its location', async () => {
    const primary = await Cluster.createPrimary(version, { checksums: true });
    await primary.query('CREATE TABLE victim (id int, v text)');
    await primary.query("INSERT INTO victim SELECT g, repeat('v', 100) FROM generate_series(1, 2000) g");
    await primary.query('CHECKPOINT');

    const clean = await fullWithReport(primary, ['--num-validate-threads', '2']);
    expect(clean.code).toBe(0);
    expect(clean.report.pagesValidated).toBeGreaterThan(100);
    expect(clean.report.corruptPages).toEqual([]);

    // Flip bytes inside block 1's tuple data (not its header) while the source is stopped.
    const relPath = await primary.scalar<string>("SELECT pg_relation_filepath('victim')");
    const lsnBefore = await primary.scalar<string>('SELECT pg_current_wal_lsn()');
    await primary.stop('fast');
    const file = path.join(primary.dataDir, relPath);
    const fd = fs.openSync(file, 'r+');
    const at = 8192 + 5000;
    const bytes = Buffer.alloc(8);
    fs.readSync(fd, bytes, 0, 8, at);
    for (let i = 0; i < 8; i++) bytes[i] ^= 0x5a;
    fs.writeSync(fd, bytes, 0, 8, at);
    fs.closeSync(fd);
    await primary.start();

    const res = await fullWithReport(primary);
    expect(res.code).toBe(1);
    expect(res.report.error?.code).toBe('source-corruption');
    expect(res.report.corruptPages).toEqual([expect.objectContaining({ path: relPath, blockNo: 1, reason: 'checksum' })]);
    const corrupt = res.report.corruptPages![0];
    expect(corrupt.storedChecksum).not.toBe(corrupt.computedChecksum);
    // The page's LSN is older than the run: corruption at rest, not a torn read.
    expect(parseLsn(corrupt.lsn)).toBeLessThanOrEqual(parseLsn(lsnBefore));
    expect(parseLsn(corrupt.lsn)).toBeLessThan(parseLsn(res.report.lsn.backupStart!));
    expect(res.stderr).toContain(`${relPath} block 1`);
    expect(res.stderr).toMatch(/failed checksum verification/);
  }, 120_000);
});
