/**
 * The setup of PostgreSQL's pg_rewind tests: a primary and a standby cloned from it; the standby
 * is promoted and both sides write, so the old primary's timeline diverges from the new one.
 */
import { catchupFull } from '../../src/engine';
import { Cluster, PrimaryOptions } from './cluster';
import { waitForReplay, waitForStreaming } from './replication-wait';
import { startAsStandby } from './standby';

export interface Failover {
  oldPrimary: Cluster;
  newPrimary: Cluster;
}

/** A primary with a streaming standby of it (made by pg-catchup FULL), replay caught up. */
export async function primaryWithStandby(version: number, opts: PrimaryOptions = {}): Promise<Failover> {
  const oldPrimary = await Cluster.createPrimary(version, opts);
  return { oldPrimary, newPrimary: await standbyOf(oldPrimary) };
}

export async function standbyOf(primary: Cluster): Promise<Cluster> {
  const dir = primary.makeTargetDir();
  await catchupFull({ targetDir: dir, source: { host: '127.0.0.1', port: primary.port, user: 'postgres' }, writeRecoveryConf: true });
  const standby = await startAsStandby(dir);
  await waitForStreaming(primary);
  return standby;
}

/** Promote the standby after it replayed everything; the old primary keeps running. */
export async function promoteStandby(f: Failover): Promise<void> {
  await waitForReplay(f.oldPrimary, f.newPrimary);
  await f.newPrimary.promote();
}

export const sourceServer = (c: Cluster) => `host=127.0.0.1 port=${c.port} user=postgres`;
