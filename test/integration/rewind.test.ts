import * as fs from 'fs';
import * as path from 'path';
import { catchupFull } from '../../src/engine';
import {
  Cluster, expectCliSuccess, prepareSchema, runCli, startAsStandby, testVersions, treeDigest, useClusters, waitForStreaming,
} from '../support';
import { expectValidReport } from '../support/report-schema';

useClusters();

describe.each(testVersions())('pg-catchup rewind on PostgreSQL %i', (version) => {
  let primary: Cluster;
  const rewindArgs = (dir: string, ...extra: string[]) =>
    ['rewind', '-D', dir, `--source-server=host=127.0.0.1 port=${primary.port} user=postgres`, ...extra];

  beforeAll(async () => {
    primary = await Cluster.createPrimary(version);
    await prepareSchema(primary);
  });

  test('a standby still on the source history: "no rewind required", nothing changed', async () => {
    const dir = primary.makeTargetDir();
    await catchupFull({ targetDir: dir, source: { host: '127.0.0.1', port: primary.port, user: 'postgres' }, writeRecoveryConf: true });
    const standby = await startAsStandby(dir);
    await waitForStreaming(primary);
    await standby.stop('fast');
    const before = treeDigest(dir);
    const res = await runCli(rewindArgs(dir, `--report=${dir}.json`));
    expectCliSuccess(res);
    expect(res.stdout).toContain('no rewind required');
    const report = JSON.parse(fs.readFileSync(`${dir}.json`, 'utf8'));
    expectValidReport(report);
    expect(report).toMatchObject({ command: 'rewind', status: 'no-op' });
    expect(treeDigest(dir)).toBe(before);

    // Not shut down cleanly, and told not to fix that: refused, untouched.
    await standby.start();
    await standby.stop('immediate');
    const crashed = treeDigest(dir);
    const refused = await runCli(rewindArgs(dir, '--no-ensure-shutdown', `--report=${dir}.refused.json`));
    expectValidReport(JSON.parse(fs.readFileSync(`${dir}.refused.json`, 'utf8')));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/target server must be shut down cleanly.*--no-ensure-shutdown/);
    expect(treeDigest(dir)).toBe(crashed);
    expect(fs.existsSync(path.join(dir, 'pg_catchup.lock'))).toBe(false);
    await standby.cleanup();
  });
});
