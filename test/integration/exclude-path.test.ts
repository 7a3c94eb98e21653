import * as fs from 'fs';
import * as path from 'path';
import {
  Cluster, expectCliSuccess, expectSameDataAtSameLsn, prepareSchema, runCli, startAsStandby, startWriteLoad, testVersions,
  treeDigest, useClusters, waitForStreaming,
} from '../support';

useClusters();

const conn = (c: Cluster) => ['-h', '127.0.0.1', '-p', String(c.port), '-U', 'postgres'];

describe.each(testVersions())('--exclude-path on PostgreSQL %i', (version) => {
  let primary: Cluster;
  let target: string;

  beforeAll(async () => {
    primary = await Cluster.createPrimary(version);
    await prepareSchema(primary);
    target = primary.makeTargetDir();
    expectCliSuccess(await runCli(['catchup', '-b', 'FULL', '-D', target, '-R', ...conn(primary)]));
  }, 120_000);

  test('DELTA keeps the target\'s postgresql.conf and pg_hba.conf byte-identical; the standby starts with them and matches', async () => {
    // The DBA's own settings on the standby, which the source does not have.
    fs.appendFileSync(path.join(target, 'postgresql.conf'), "\n# standby-only, kept by --exclude-path\nwork_mem = '7MB'\n");
    fs.appendFileSync(path.join(target, 'pg_hba.conf'), '\n# standby-only rule, kept by --exclude-path\n');
    const kept = ['postgresql.conf', 'pg_hba.conf'].map((f) => fs.readFileSync(path.join(target, f)));

    const load = await startWriteLoad(primary);
    await new Promise((r) => setTimeout(r, 1000));
    await primary.query("ALTER SYSTEM SET work_mem = '5MB'"); // lands in the source's postgresql.auto.conf
    expectCliSuccess(await runCli(['catchup', '-b', 'DELTA', '-D', target, '-R', ...conn(primary), '-x', 'postgresql.conf', '--exclude-path', `${target}/pg_hba.conf`]));
    await load.stop();

    expect(fs.readFileSync(path.join(target, 'postgresql.conf')).equals(kept[0])).toBe(true);
    expect(fs.readFileSync(path.join(target, 'pg_hba.conf')).equals(kept[1])).toBe(true);
    const standby = await startAsStandby(target);
    await waitForStreaming(primary);
    await expectSameDataAtSameLsn(primary, standby);
    // postgresql.auto.conf (from the source) beats postgresql.conf: the kept file was read, then overridden.
    expect(await standby.scalar("SELECT setting FROM pg_file_settings WHERE name = 'work_mem' AND sourcefile LIKE '%/postgresql.conf'")).toBe('7MB');
    await standby.stop('fast');
  }, 180_000);

  test.each([
    [['-x', 'global/pg_control'], /would keep the target's own global/],
    [['-x', 'pg_wal'], /own pg_wal/],
    [['-x', '/etc/hostname'], /is not inside the target data directory/],
    [['-x', 'postgresql.auto.conf', '-R'], /-R writes postgresql.auto.conf.*Drop -R/s],
  ])('refuses %j before touching anything', async (flags, message) => {
    const before = treeDigest(target);
    const res = await runCli(['catchup', '-b', 'DELTA', '-D', target, ...conn(primary), ...flags]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(message);
    expect(treeDigest(target)).toBe(before);
  });
});
