/** Reference standbys: ways to get a streaming standby without the tool under test. */
import * as fs from 'fs';
import * as path from 'path';
import { Cluster, FromDataDirOptions } from './cluster';
import { hasTool, readPgVersion } from './pg-versions';
import { run } from './run';
import { giveToServerUser } from './scratch';
import { waitForStreaming } from './replication-wait';
import { expectSameDataAtSameLsn } from './compare-data';

/** Wrap a data dir that has standby.signal (e.g. written by pg-catchup), start it, assert it is in recovery. */
export async function startAsStandby(dataDir: string, opts: FromDataDirOptions = {}): Promise<Cluster> {
  if (!fs.existsSync(path.join(dataDir, 'standby.signal'))) {
    throw new Error(`${dataDir} has no standby.signal: it would start as a primary`);
  }
  const c = await Cluster.fromDataDir(readPgVersion(dataDir), dataDir, opts);
  await c.start();
  if (!(await c.isInRecovery())) throw new Error(`${c.describe()} started but pg_is_in_recovery() is false`);
  return c;
}

/** pg_basebackup -R -X stream into a new target dir and start it as a standby (needs pg_basebackup: Debian 15). */
export async function createPgBaseBackupStandby(primary: Cluster, opts: { applicationName?: string } = {}): Promise<Cluster> {
  if (!hasTool(primary.version, 'pg_basebackup')) {
    throw new Error(`no pg_basebackup for PostgreSQL ${primary.version} in ${primary.binDir}; use createCopyStandby`);
  }
  const target = primary.makeTargetDir();
  const app = opts.applicationName ?? 'basebackup_standby';
  await run(
    path.join(primary.binDir, 'pg_basebackup'),
    ['-d', `${primary.connectionString()}?application_name=${app}`, '-D', target, '-R', '-X', 'stream', '-c', 'fast', '--no-sync'],
    { timeoutMs: 300_000, context: () => `--- primary log ---\n${primary.logTail(20)}` },
  );
  const standby = await startAsStandby(target, { name: `pg${primary.version}-basebackup-standby` });
  await waitForStreaming(primary, 30_000, app);
  return standby;
}

/**
 * A standby from a cold copy (works for every version, no client tools needed): stop the primary
 * cleanly, copy its data dir, write standby.signal + primary_conninfo, restart both.
 */
export async function createCopyStandby(primary: Cluster, opts: { applicationName?: string } = {}): Promise<Cluster> {
  const target = primary.makeTargetDir();
  const app = opts.applicationName ?? 'copy_standby';
  await primary.stop('fast');
  try {
    await run('cp', ['-a', `${primary.dataDir}/.`, target], { timeoutMs: 300_000 });
  } finally {
    await primary.start();
  }
  for (const f of ['postmaster.pid', 'postmaster.opts']) fs.rmSync(path.join(target, f), { force: true });
  fs.writeFileSync(path.join(target, 'standby.signal'), '');
  giveToServerUser(path.join(target, 'standby.signal'));
  fs.appendFileSync(
    path.join(target, 'postgresql.auto.conf'),
    `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres application_name=${app}'\n`,
  );
  const standby = await startAsStandby(target, { name: `pg${primary.version}-copy-standby` });
  await waitForStreaming(primary, 30_000, app);
  return standby;
}

/** The end of nearly every sync test: the target starts as a standby of `source`, streams, and holds its data at the same LSN. */
export async function expectStandbyMatches(dataDir: string, source: Cluster): Promise<void> {
  const standby = await startAsStandby(dataDir);
  try {
    await waitForStreaming(source);
    await expectSameDataAtSameLsn(source, standby);
  } finally {
    await standby.stop('fast');
  }
}
