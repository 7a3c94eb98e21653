/**
 * How fast the client half of a compressed BASE_BACKUP runs here: decompression plus tar parsing,
 * with every file's bytes read and dropped (no disk writes), per method, against the system's own
 * decompressors for scale. The archives come from a real PostgreSQL 15 server (pg_basebackup -Ft
 * --compress=server-METHOD) filled with pgbench tables and a table of md5 text, numbers and jsonb
 * (pgbench's blank-padded rows alone compress unrealistically well).
 *
 *   npx tsx scripts/bench/base-backup-decode-speed.ts [--size-mb 200] [--runs 3] [--keep-archives DIR]
 *   npx tsx scripts/bench/base-backup-decode-speed.ts --archives DIR   # base.tar.{gz,lz4,zst} kept earlier: no server
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { createDecompressor, CompressionMethod, decompressionUnavailable } from '../../src/engine/source/base-backup/decompressor';
import { TarParser } from '../../src/engine/source/base-backup/tar-parser';
import { cleanupAll } from '../../test/support/cleanup';
import { Cluster } from '../../test/support/cluster';
import { makeScratchDir } from '../../test/support/scratch';
import { run } from '../../test/support/run';

const say = (line = '') => process.stdout.write(`${line}\n`);
const MB = 1024 * 1024;
const FILE_OF: Record<Exclude<CompressionMethod, 'none'>, { file: string; tool: string[] }> = {
  gzip: { file: 'base.tar.gz', tool: ['gzip', '-dc'] },
  lz4: { file: 'base.tar.lz4', tool: ['lz4', '-dc'] },
  zstd: { file: 'base.tar.zst', tool: ['zstd', '-dc'] },
};

/** Decompress and parse `input` (fed in 64 KiB pieces, as a socket would); returns tar bytes and ms. */
export async function decodeAndParse(method: CompressionMethod, input: Buffer): Promise<{ tarBytes: number; fileBytes: number; files: number; ms: number; cpuMs: number }> {
  const started = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const d = createDecompressor(method);
  let tarBytes = 0;
  let fileBytes = 0;
  let files = 0;
  d.on('data', (c: Buffer) => (tarBytes += c.length));
  const parser = new TarParser(async (_e, body) => {
    if (!body) return;
    files++;
    for await (const c of body) fileBytes += (c as Buffer).length;
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on('finish', resolve);
    parser.on('error', reject);
    d.on('error', reject);
  });
  d.pipe(parser);
  for (let at = 0; at < input.length; at += 65536) {
    if (!d.write(input.subarray(at, at + 65536))) await new Promise((r) => d.once('drain', r));
  }
  d.end();
  await done;
  const cpu = process.cpuUsage(cpu0);
  return { tarBytes, fileBytes, files, ms: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function buildSource(sizeMb: number): Promise<Cluster> {
  const primary = await Cluster.createPrimary(15, { checksums: true, settings: { max_wal_size: "'4GB'" } });
  const scale = Math.max(1, Math.round(sizeMb / 2 / 16));
  await run(path.join(primary.binDir, 'pgbench'), ['-i', '-s', String(scale), '-I', 'dtGvp', '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', 'postgres'], { timeoutMs: 600_000 });
  // About 200 bytes a row: half of the requested size.
  const rows = Math.round((sizeMb / 2) * MB / 200);
  await primary.query(`CREATE TABLE mixed AS SELECT g AS id, md5(g::text) AS h, g * 7 % 1000 AS n, (random() * 1e6)::int AS r,
    jsonb_build_object('id', g, 'tag', md5((g % 97)::text), 'v', g % 13) AS j FROM generate_series(1, ${rows}) g`);
  await primary.query('VACUUM (FREEZE, ANALYZE)');
  await primary.query('CHECKPOINT');
  return primary;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'size-mb': { type: 'string' }, runs: { type: 'string' }, 'keep-archives': { type: 'string' }, archives: { type: 'string' } } });
  const sizeMb = Number(values['size-mb'] ?? 200);
  const runs = Number(values.runs ?? 3);
  const given = values.archives as string | undefined;
  say(`node ${process.versions.node}; ${given ? `archives from ${given}` : `source ~${sizeMb} MB (pgbench + md5/number/jsonb table), PostgreSQL 15`}; min of ${runs}`);
  const primary = given ? null : await buildSource(sizeMb);
  const dir = makeScratchDir('decode-speed');
  const rows: string[] = [];
  for (const method of ['gzip', 'lz4', 'zstd'] as const) {
    const out = given ?? path.join(dir, method);
    if (primary) await run(path.join(primary.binDir, 'pg_basebackup'), ['-d', `host=127.0.0.1 port=${primary.port} user=postgres`, '-D', out, '-Ft', '-X', 'none', '-c', 'fast', `--compress=server-${method}`], { timeoutMs: 600_000 });
    const input = fs.readFileSync(path.join(out, FILE_OF[method].file));
    // For profiling the decoders on their own afterwards.
    if (values['keep-archives'] && !given) fs.copyFileSync(path.join(out, FILE_OF[method].file), path.join(values['keep-archives'] as string, FILE_OF[method].file));
    const unavailable = decompressionUnavailable(method);
    let ours = `unavailable: ${unavailable}`;
    if (!unavailable) {
      let best: Awaited<ReturnType<typeof decodeAndParse>> | null = null;
      let bestCpu = Infinity;
      for (let r = 0; r < runs; r++) {
        const m = await decodeAndParse(method, input);
        if (!best || m.ms < best.ms) best = m;
        bestCpu = Math.min(bestCpu, m.cpuMs);
      }
      // Wall time suffers from other processes on a shared machine; CPU time much less.
      ours = `${(best!.tarBytes / MB / (best!.ms / 1000)).toFixed(0)} MB/s of tar by wall time, ${(best!.tarBytes / MB / (bestCpu / 1000)).toFixed(0)} MB/s per CPU second ` +
        `(${(input.length / MB / (best!.ms / 1000)).toFixed(0)} MB/s compressed in), ${best!.files} files, ${(best!.tarBytes / MB).toFixed(0)} MB in ${best!.ms.toFixed(0)} ms`;
    }
    let tool = 'not installed';
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = process.hrtime.bigint();
      const res = spawnSync(FILE_OF[method].tool[0], [...FILE_OF[method].tool.slice(1), path.join(out, FILE_OF[method].file)], { stdio: ['ignore', 'ignore', 'ignore'] });
      if (res.status !== 0) break;
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const tarSize = (() => {
      const r = spawnSync(FILE_OF[method].tool[0], [...FILE_OF[method].tool.slice(1), path.join(out, FILE_OF[method].file)], { maxBuffer: 4 * 1024 * MB });
      return r.status === 0 ? r.stdout.length : 0;
    })();
    if (times.length) tool = `${(tarSize / MB / (Math.min(...times) / 1000)).toFixed(0)} MB/s (${FILE_OF[method].tool.join(' ')} to /dev/null)`;
    rows.push(`  ${method.padEnd(5)} ${(input.length / MB).toFixed(0).padStart(5)} MB compressed (${(tarSize / MB).toFixed(0)} MB tar): ours ${ours}; system tool ${tool}`);
  }
  // The tar reader alone (no decompression): the gzip archive's tar, in memory.
  const gz = given ? path.join(given, FILE_OF.gzip.file) : path.join(dir, 'gzip', FILE_OF.gzip.file);
  const tar = (await import('zlib')).gunzipSync(fs.readFileSync(gz));
  let best = Infinity;
  for (let r = 0; r < runs; r++) best = Math.min(best, (await decodeAndParse('none', tar)).ms);
  rows.push(`  none  tar reader alone: ${(tar.length / MB / (best / 1000)).toFixed(0)} MB/s (${(tar.length / MB).toFixed(0)} MB in ${best.toFixed(0)} ms)`);
  for (const r of rows) say(r);
}

if (require.main === module) {
  main().then(() => cleanupAll(), async (err) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    await cleanupAll();
    process.exitCode = 1;
  });
}
