/**
 * One FULL across a shaped link, printing the report's phases: for finding where a compressed
 * FULL's time goes (npx tsx scripts/bench/wan-once.ts RATE MB [--compress=X ...] [--node BIN]).
 * A variant "pg_basebackup[ ARGS]" runs pg_basebackup -X stream -c fast ARGS instead, for the bytes
 * and time it needs on the same link.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/engine/report/report';
import { Cluster } from '../../test/support';
import { parseLinkRate, SERVER_ADDRESS, WanLink } from './wan-link';
import { startOnLoopback, startOnServerSide } from './wan-primary';

async function main(): Promise<void> {
  const [rate, mbText, ...rest] = process.argv.slice(2);
  const nodeAt = rest.indexOf('--node');
  const node = nodeAt >= 0 ? rest.splice(nodeAt, 2)[1] : process.execPath;
  const variants = rest.length ? rest : ['--compress=none'];
  const primary = await Cluster.createPrimary(15);
  await primary.query(`CREATE TABLE mixed AS SELECT g, md5(g::text) AS t, g * 7 AS n, jsonb_build_object('k', g, 'v', md5((g*3)::text)) AS j FROM generate_series(1, ${Number(mbText) * 4000}) g`);
  await primary.query('CHECKPOINT');
  // "loopback": no link, the primary stays on 127.0.0.1.
  const link = rate === 'loopback' ? null : WanLink.create(parseLinkRate(rate));
  const host = link ? SERVER_ADDRESS : '127.0.0.1';
  const crossed = () => link?.bytesCrossed().total ?? 0;
  try {
    if (link) await startOnServerSide(primary, link);
    const repo = path.resolve(__dirname, '..', '..');
    for (const v of variants) {
      for (let i = 0; i < 2; i++) {
        const target = primary.makeTargetDir();
        const reportFile = `${target}.json`;
        const before = crossed();
        const started = Date.now();
        if (v.startsWith('pg_basebackup')) {
          const args = ['-D', target, '-h', host, '-p', String(primary.port), '-U', 'postgres', '-X', 'stream', '-c', 'fast', ...v.split(' ').slice(1)];
          const bin = path.join(primary.binDir, 'pg_basebackup');
          const w = link ? link.asServerUserIn('client', bin, args) : { cmd: bin, args };
          const r = spawnSync(w.cmd, w.args, { encoding: 'utf8' });
          if (r.status !== 0) throw new Error(r.stderr);
          console.log(`${v} wall ${((Date.now() - started) / 1000).toFixed(2)} s, wire ${((crossed() - before) / 1048576).toFixed(1)} MB`);
          fs.rmSync(path.dirname(target), { recursive: true, force: true });
          continue;
        }
        const argv = ['--require', require.resolve('tsx/cjs', { paths: [repo] }), path.join(repo, 'src/cli/main.ts'),
          'catchup', '-b', 'FULL', '-D', target, '-h', host, '-p', String(primary.port), '-U', 'postgres', `--report=${reportFile}`, v];
        const w = link ? link.inClient(node, argv) : { cmd: node, args: argv };
        const r = spawnSync(w.cmd, w.args, { encoding: 'utf8' });
        const wall = Date.now() - started;
        if (r.status !== 0) throw new Error(r.stderr);
        const rep = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
        const phases = rep.phases.map((p) => `${p.phase} ${(p.durationMs / 1000).toFixed(2)}`).join(' | ');
        console.log(`${v} wall ${(wall / 1000).toFixed(2)} s, engine ${(rep.durationMs / 1000).toFixed(2)} s, wire ${((crossed() - before) / 1048576).toFixed(1)} MB (base backup ${((rep.transfer?.receivedBytes ?? 0) / 1048576).toFixed(1)} MB, WAL ${(rep.files.walBytes / 1048576).toFixed(1)} MB): ${phases}`);
        fs.rmSync(path.dirname(target), { recursive: true, force: true });
      }
    }
  } finally {
    if (link) {
      await startOnLoopback(primary);
      link.destroy();
    }
    await primary.cleanup();
  }
}
main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
