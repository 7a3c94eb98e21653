/**
 * npm run soak -- --runs N [--seed S]: the randomized soak of test/soak (issue 8) on real
 * PostgreSQL 15 and 18, printing "N runs, M mismatches" and the seed to replay it.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { parseArgs } from 'util';

const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } } });
const runs = values.runs ?? '10';
if (!/^\d+$/.test(runs) || Number(runs) < 1) {
  process.stderr.write(`--runs must be a positive integer, not "${runs}"\n`);
  process.exit(2);
}
if (values.seed !== undefined && !/^\d+$/.test(values.seed)) {
  process.stderr.write(`--seed must be a non-negative integer, not "${values.seed}"\n`);
  process.exit(2);
}
const repo = path.resolve(__dirname, '..');
const res = spawnSync(process.execPath, [require.resolve('jest/bin/jest', { paths: [repo] }), '--runInBand', 'test/soak'], {
  cwd: repo,
  stdio: 'inherit',
  env: {
    ...process.env,
    PG_CATCHUP_SOAK_RUNS: runs,
    ...(values.seed !== undefined ? { PG_CATCHUP_TEST_SEED: values.seed } : {}),
    PG_CATCHUP_TEST_VERSIONS: process.env.PG_CATCHUP_TEST_VERSIONS ?? '15,18',
  },
});
process.exit(res.status ?? 1);
