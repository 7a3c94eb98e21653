import * as fs from 'fs';
import {
  Cluster, expectStandbyMatches, primaryWithStandby, promoteStandby, runCli, seededRandom, sourceServer, standbyOf, testSeed, testVersions, useClusters,
} from '../support';

useClusters();

/**
 * The soak (issue 8): randomized runs, each ending with the target started as a standby and its
 * data compared with its source's at the same LSN. `npm run soak -- --runs N --seed S` sets
 * PG_CATCHUP_SOAK_RUNS and PG_CATCHUP_TEST_SEED; `npm test` runs a few. Every run picks a
 * version, a mode (FULL, DELTA of a lagging standby, rewind of an old primary), -j, a shape of
 * writes and whether to SIGKILL the run once at a random moment (the rerun must finish the job).
 */
const RUNS = Number(process.env.PG_CATCHUP_SOAK_RUNS ?? '2');
// PostgreSQL 15 and 18, as the issue asks, where the machine has them.
const VERSIONS = testVersions().filter((v) => v === 15 || v === 18);

type Shape = (c: Cluster, pick: () => number) => Promise<void>;
const SHAPES: Array<[string, Shape]> = [
  ['scattered updates', (c, pick) => c.query(`UPDATE s SET v = md5(v) WHERE id % ${5 + Math.floor(pick() * 40)} = 0`).then(() => undefined)],
  ['inserts', (c) => c.query("INSERT INTO s SELECT g, md5(g::text) FROM generate_series((SELECT max(id) + 1 FROM s), (SELECT max(id) + 20000 FROM s)) g").then(() => undefined)],
  ['deletes and VACUUM', async (c, pick) => {
    await c.query(`DELETE FROM s WHERE id % ${3 + Math.floor(pick() * 10)} = 1`);
    await c.query('VACUUM s');
  }],
  ['a new table and a truncation', async (c, pick) => {
    const name = `n${Math.floor(pick() * 1e9)}`;
    await c.query(`CREATE TABLE ${name} AS SELECT g FROM generate_series(1, 30000) g`);
    await c.query('TRUNCATE s_small');
  }],
];

async function seed(c: Cluster): Promise<void> {
  await c.query("CREATE TABLE s (id int PRIMARY KEY, v text); INSERT INTO s SELECT g, md5(g::text) FROM generate_series(1, 150000) g");
  await c.query('CREATE TABLE s_small AS SELECT g FROM generate_series(1, 1000) g');
}

/**
 * Runs `args` on `target`; when `kill` is set, first a run killed a random moment (0-400 ms) after
 * its first write (the marker appears), then the same command again to completion.
 */
async function runMaybeKilled(args: string[], target: string, kill: boolean, pick: () => number): Promise<string> {
  let note = '';
  if (kill) {
    const delayMs = pick() * 400;
    let deadline = Infinity;
    const killed = await runCli(args, {
      killWhen: () => {
        if (deadline === Infinity && fs.existsSync(`${target}/pg_catchup.marker`)) deadline = Date.now() + delayMs;
        return Date.now() >= deadline;
      },
    });
    note = killed.killed ? `, killed ${delayMs.toFixed(0)} ms after its first write` : ', finished before the kill';
    // Killed after its last write (pg_control back, marker gone): the job is done, and a FULL
    // rerun would rightly refuse a directory that is no longer empty.
    if (fs.existsSync(`${target}/global/pg_control`) && !fs.existsSync(`${target}/pg_catchup.marker`)) return `${note} (after its last write)`;
  }
  const res = await runCli(args);
  if (res.code !== 0) throw new Error(`pg-catchup ${args[0]} failed (exit ${res.code}):\n${res.stderr.slice(-1500)}`);
  return note;
}

describe('soak', () => {
  test(`${RUNS} randomized runs, each compared with its source`, async () => {
    const seedValue = testSeed('soak');
    const pick = seededRandom(seedValue);
    const primaries = new Map<number, { primary: Cluster; standby: Cluster }>();
    const mismatches: string[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const version = VERSIONS[Math.floor(pick() * VERSIONS.length)] ?? testVersions()[0];
      const mode = ['FULL', 'DELTA', 'rewind'][Math.floor(pick() * 3)];
      const threads = pick() < 0.5 ? 1 : 2;
      const [shapeName, shape] = SHAPES[Math.floor(pick() * SHAPES.length)];
      const kill = pick() < 0.5;
      let what = `run ${run}: PostgreSQL ${version}, ${mode}, -j ${threads}, ${shapeName}`;
      try {
        if (mode === 'rewind') {
          const f = await primaryWithStandby(version, { walLogHints: true });
          await seed(f.oldPrimary);
          await f.oldPrimary.query('CHECKPOINT');
          await promoteStandby(f);
          await shape(f.newPrimary, pick);
          await shape(f.oldPrimary, pick);
          await f.oldPrimary.stop('fast');
          what += await runMaybeKilled(['rewind', '-D', f.oldPrimary.dataDir, `--source-server=${sourceServer(f.newPrimary)}`, '-R', '-j', String(threads), `--target-bindir=${f.oldPrimary.binDir}`], f.oldPrimary.dataDir, kill, pick);
          await expectStandbyMatches(f.oldPrimary.dataDir, f.newPrimary);
          await f.newPrimary.stop('fast');
        } else {
          let pair = primaries.get(version);
          if (!pair) {
            // As a production source keeps WAL for its standbys (here: for the stopped one between runs).
            const primary = await Cluster.createPrimary(version, { settings: { wal_keep_size: '1GB' } });
            await seed(primary);
            const standby = await standbyOf(primary);
            await standby.stop('fast');
            pair = { primary, standby };
            primaries.set(version, pair);
          }
          await shape(pair.primary, pick);
          const conn = ['-h', '127.0.0.1', '-p', String(pair.primary.port), '-U', 'postgres', '-R', '-j', String(threads)];
          const target = mode === 'FULL' ? pair.primary.makeTargetDir() : pair.standby.dataDir;
          what += await runMaybeKilled(['catchup', '-b', mode, '-D', target, ...conn], target, kill, pick);
          await expectStandbyMatches(target, pair.primary);
          if (mode === 'FULL') fs.rmSync(target, { recursive: true, force: true });
        }
        // eslint-disable-next-line no-console
        console.log(`${what}: same data`);
      } catch (err) {
        mismatches.push(`${what}: ${(err as Error).message}`);
        // eslint-disable-next-line no-console
        console.log(`${what}: MISMATCH\n${(err as Error).message}`);
      }
    }
    // eslint-disable-next-line no-console
    console.log(`${RUNS} runs, ${mismatches.length} mismatches (seed ${seedValue})`);
    expect(mismatches).toEqual([]);
  }, 60_000 + RUNS * 90_000);
});
