/**
 * PostgreSQL's own verifiers on a synced target, beside the row comparison (compare-data.ts):
 * - pg_amcheck --heapallindexed on the running cluster (a hot standby works: amcheck's checks
 *   are read-only): every heap page, every btree page, and every heap tuple found in its
 *   indexes. A stale or missing index page, which no sequential scan reads, fails here.
 * - page checksums of the stopped cluster: pg_checksums --check.
 * Debian's PostgreSQL 15 client tools are used for every version: pg_amcheck 15 works against
 * 16-18 servers (their amcheck extension, which the npm builds ship, keeps the functions it
 * calls), and pg_checksums 15 reads 15 and 16 clusters (pg_control version 1300). For 17 and
 * 18 (pg_control 1700/1800) there is no pg_checksums here: their pages are checked with
 * pg-catchup's own checksum code (src/engine/checksums), which the 15/16 runs hold to
 * pg_checksums' verdict, and the test output says so once.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Cluster } from './cluster';
import { run } from './run';
import { findBadPages } from '../../src/engine/checksums/page-checksum';
import { parseRelationPath } from '../../src/engine/pgdata/relation-path';

const DEBIAN_15_BIN = '/usr/lib/postgresql/15/bin';
const BLOCK_SIZE = 8192;
const RELSEG_BLOCKS = 131072;
const said = new Set<string>();

/** A note printed once per test process. */
function sayOnce(note: string): void {
  if (said.has(note)) return;
  said.add(note);
  process.stderr.write(`verify-cluster: ${note}\n`);
}

/** Databases that accept connections, and whether each has the amcheck extension. */
async function amcheckInstalled(c: Cluster): Promise<Array<{ db: string; installed: boolean }>> {
  const dbs = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datallowconn AND datname <> 'template1' ORDER BY 1");
  const out: Array<{ db: string; installed: boolean }> = [];
  for (const { datname } of dbs) {
    const installed = (await c.scalar<number>("SELECT count(*)::int FROM pg_extension WHERE extname = 'amcheck'", [], datname)) > 0;
    out.push({ db: datname, installed });
  }
  return out;
}

/** CREATE EXTENSION amcheck where a writable cluster lacks it (harness primaries have it from the start). */
export async function installAmcheck(c: Cluster, dbs?: string[]): Promise<void> {
  for (const { db, installed } of await amcheckInstalled(c)) {
    if (!installed && (!dbs || dbs.includes(db))) await c.query('CREATE EXTENSION IF NOT EXISTS amcheck', [], db);
  }
}

/**
 * pg_amcheck --heapallindexed over every database of the running cluster; throws with its
 * report when anything is wrong. A read-only cluster (a standby) whose database lacks the
 * extension (made from template0 after the primary was set up) is skipped with a note.
 */
export async function expectAmcheckClean(c: Cluster): Promise<void> {
  const inRecovery = await c.isInRecovery();
  const dbs = await amcheckInstalled(c);
  const missing = dbs.filter((d) => !d.installed).map((d) => d.db);
  if (missing.length > 0 && !inRecovery) await installAmcheck(c, missing);
  const checked = inRecovery ? dbs.filter((d) => d.installed).map((d) => d.db) : dbs.map((d) => d.db);
  if (inRecovery && missing.length > 0) sayOnce(`pg_amcheck skips database(s) ${missing.join(', ')} of a standby: no amcheck extension there (created without it on the primary)`);
  if (checked.length === 0) return;
  const args = ['-h', c.socketDir, '-p', String(c.port), '-U', 'postgres', '--heapallindexed', '--no-strict-names'];
  for (const db of checked) args.push('-d', db);
  const r = await run(path.join(DEBIAN_15_BIN, 'pg_amcheck'), args, { allowFailure: true, timeoutMs: 600_000 });
  if (r.code !== 0) {
    throw new Error(`pg_amcheck --heapallindexed found problems in ${c.name} (exit ${r.code}):\n${(r.stdout + r.stderr).trim().split('\n').slice(0, 40).join('\n')}`);
  }
}

/** Whether the running cluster has data checksums (SHOW data_checksums). */
export async function hasDataChecksums(c: Cluster): Promise<boolean> {
  return (await c.scalar<string>('SHOW data_checksums')) === 'on';
}

/**
 * Page checksums of a stopped cluster: pg_checksums --check for 15 and 16, pg-catchup's own
 * page checksum code for 17+ (said once). Throws naming the bad pages.
 */
export async function expectChecksumsClean(c: Cluster): Promise<void> {
  if (c.version <= 16) {
    const r = await run(path.join(DEBIAN_15_BIN, 'pg_checksums'), ['--check', '-D', c.dataDir], { allowFailure: true, timeoutMs: 600_000 });
    if (r.code !== 0) throw new Error(`pg_checksums --check found problems in ${c.name} (exit ${r.code}):\n${(r.stdout + r.stderr).trim().split('\n').slice(0, 40).join('\n')}`);
    return;
  }
  sayOnce(`pg_checksums 15 cannot read PostgreSQL ${c.version} clusters (pg_control version): their page checksums are checked with pg-catchup's own code (src/engine/checksums), held to pg_checksums' verdict on 15 and 16`);
  const bad = ownChecksumCheck(c.dataDir);
  if (bad.length > 0) throw new Error(`bad page checksums in ${c.name}:\n${bad.slice(0, 40).join('\n')}`);
}

/** Every relation file pg_checksums would read (not temp, not init-only metadata), checked page by page. */
export function ownChecksumCheck(dataDir: string): string[] {
  const bad: string[] = [];
  const walk = (rel: string) => {
    for (const name of fs.readdirSync(path.join(dataDir, rel))) {
      const p = rel ? `${rel}/${name}` : name;
      const st = fs.statSync(path.join(dataDir, p));
      if (st.isDirectory()) {
        if (rel === '' && !['base', 'global', 'pg_tblspc'].includes(name)) continue;
        walk(p);
        continue;
      }
      const relFile = parseRelationPath(p);
      if (!relFile || relFile.tempBackend !== null || st.size === 0) continue;
      const buf = fs.readFileSync(path.join(dataDir, p));
      const whole = buf.subarray(0, buf.length - (buf.length % BLOCK_SIZE));
      for (const b of findBadPages(whole, relFile.segmentNo * RELSEG_BLOCKS, BLOCK_SIZE)) bad.push(`  ${p} block ${b.blockNo}: ${b.reason} (stored ${b.stored}, computed ${b.computed}, LSN ${b.lsn.toString(16)})`);
    }
  };
  walk('');
  return bad;
}
