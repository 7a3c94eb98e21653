import * as fs from 'fs';
import * as path from 'path';
import {
  Cluster, dataBytesUnder, expectCliSuccess, expectStandbyMatches, runCli, TcpProxy, testVersions, useClusters,
} from '../support';

useClusters();

// Faults 2 and 3 of issue 8: the network or the source goes away in the middle of a FULL.
describe.each(testVersions().slice(-1))('connections lost mid-run, PostgreSQL %i', (version) => {
  let primary: Cluster;
  beforeAll(async () => {
    primary = await Cluster.createPrimary(version);
    for (let i = 0; i < 8; i++) await primary.query(`CREATE TABLE t${i} AS SELECT g, repeat(md5(g::text), 4) AS v FROM generate_series(1, 60000) g`);
    await primary.query('CHECKPOINT');
  });

  // With -j 2: #0 the control connection (backup session, first reader), #1 the WAL stream, #2 the second reader.
  test.each([
    ['a data connection', 2],
    ['the backup session', 0],
    ['the WAL stream', 1],
  ])('%s cut through a proxy: a clear error, then the rerun resumes and matches', async (_what, index) => {
    const proxy = await TcpProxy.start(primary.port);
    const target = primary.makeTargetDir();
    try {
      const cut = await runCli(['catchup', '-b', 'FULL', '-D', target, '-j', '2', '-R', '-h', '127.0.0.1', '-p', String(proxy.port), '-U', 'postgres'], {
        killWhen: () => {
          if (dataBytesUnder(target) > 20 * 1024 * 1024 && proxy.connections.length > index) proxy.cut(index);
          return false;
        },
      });
      expect(cut.code).toBe(1);
      expect(cut.stderr).toMatch(/^pg-catchup: error: The connection to the source \(host=127\.0\.0\.1 port=\d+ user=postgres\) was lost mid-run: the source is up and did not restart, so the connection itself was cut .*run the same command again/m);
      expect(fs.existsSync(path.join(target, 'global', 'pg_control'))).toBe(false);
    } finally {
      await proxy.close();
    }
    const rerun = await runCli(['catchup', '-b', 'FULL', '-D', target, '-R', '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres']);
    expectCliSuccess(rerun);
    await expectStandbyMatches(target, primary);
  });

  test('the source restarted (fast stop, start) mid-run: a one-line error naming it, then the rerun resumes and matches', async () => {
    const target = primary.makeTargetDir();
    let restarting: Promise<void> | null = null;
    const args = ['catchup', '-b', 'FULL', '-D', target, '-R', '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'];
    const res = await runCli(args, {
      killWhen: () => {
        if (!restarting && dataBytesUnder(target) > 20 * 1024 * 1024) restarting = primary.stop('fast').then(() => primary.start());
        return false;
      },
    });
    await restarting;
    expect(res.code).toBe(1);
    const errorLines = res.stderr.split('\n').filter((l) => l.startsWith('pg-catchup: error:'));
    expect(errorLines).toHaveLength(1);
    // By the time the run asks, the source is either back (with a new start time) or still coming up.
    expect(errorLines[0]).toMatch(/The connection to the source .* was lost mid-run: (the source restarted \(up again since .*\)|the source does not answer now .*: it is down or restarting)/);
    const rerun = await runCli(args);
    expectCliSuccess(rerun);
    await expectStandbyMatches(target, primary);
  });
});
