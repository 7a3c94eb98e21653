/**
 * Issue 9's long-run options, measured:
 * - rate: FULL with --max-rate at two caps (about 8 s and 16 s of copying for the source) next
 *   to pg_basebackup -r at the same caps. A cap holds when the measured rate is at most 10 %
 *   above it: for pg-catchup the copy phase's rate (report), for both the database bytes over
 *   the wall time (which includes start, checkpoint and WAL, so it is a little lower).
 * - sync: a cluster of many one-row tables (20,000 by default: 20,000 small files to make
 *   durable), copied by FULL with --sync-method=fsync and with syncfs, and by pg_basebackup
 *   (fsync per file; its --sync-method arrived in PostgreSQL 16); FULL --no-sync shows the copy
 *   alone.
 */
import * as path from 'path';
import type { Report } from '../../src/engine/report/report';
import { Cluster, hasTool } from '../../test/support';
import type { CliCommand } from './cli-command';
import { discardFresh, freshTarget, runPgCatchup } from './section-runs';
import type { SourceDb } from './source-db';
import { formatTable, median, mib, min, runOrder } from './stats';
import { timedRun } from './timed-run';

export interface RateRun {
  tool: string;
  capBytesPerS: number;
  wallS: number;
  /** Database bytes / wall time. */
  wallRate: number;
  /** pg-catchup: bytes copied / the copy phase (report). */
  copyRate: number | null;
}

export interface SyncRun {
  tool: string;
  wallS: number;
  /** pg-catchup: the copy phase, which includes the fsyncs of the copied files. */
  copyS: number | null;
}

export interface TransferResult {
  rate: RateRun[];
  sync?: { tables: number; databaseBytes: number; runs: SyncRun[] };
}

const MB = 1024 * 1024;
const copyPhaseS = (r: Report) => (r.phases.find((p) => p.phase === 'copy')?.durationMs ?? 0) / 1000;

/** pg_basebackup's -r is in kB/s too: the same number for both tools. */
const rateArg = (bytesPerS: number) => `${Math.round(bytesPerS / 1024)}`;

export async function benchMaxRate(source: SourceDb, cli: CliCommand, runs: number, scratch: string, say: (l: string) => void): Promise<RateRun[]> {
  const { primary } = source;
  // Caps that make the copy last about 8 and 16 s here: long enough for a rate, short enough to run.
  const caps = [source.databaseBytes / 8, source.databaseBytes / 16].map((b) => Math.max(32 * 1024, Math.round(b / MB) * MB));
  say(`\n== --max-rate: FULL capped at ${caps.map((c) => `${mib(c).toFixed(0)} MB/s`).join(' and ')}, against pg_basebackup -r at the same caps`);
  const out: RateRun[] = [];
  for (const cap of caps) {
    for (let r = 0; r < runs; r++) {
      const target = freshTarget(primary);
      try {
        const { r: run, report } = await runPgCatchup(cli, ['catchup', '-b', 'FULL', '-D', target, '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-r', rateArg(cap)], scratch);
        out.push({ tool: 'pg-catchup FULL -r', capBytesPerS: cap, wallS: run.wallMs / 1000, wallRate: source.databaseBytes / (run.wallMs / 1000), copyRate: report!.files.bytesCopied / copyPhaseS(report!) });
      } finally {
        await discardFresh(target);
      }
      if (!hasTool(primary.version, 'pg_basebackup')) continue;
      const bb = freshTarget(primary);
      try {
        const args = ['-d', `host=127.0.0.1 port=${primary.port} user=postgres`, '-D', bb, '-X', 'stream', '-c', 'fast', '-r', rateArg(cap)];
        const run = await timedRun(path.join(primary.binDir, 'pg_basebackup'), args, { asServerUser: true, scratchDir: scratch });
        out.push({ tool: 'pg_basebackup -r', capBytesPerS: cap, wallS: run.wallMs / 1000, wallRate: source.databaseBytes / (run.wallMs / 1000), copyRate: null });
      } finally {
        await discardFresh(bb);
      }
    }
  }
  const rows = out.map((x) => {
    const measured = x.copyRate ?? x.wallRate;
    return [x.tool, `${mib(x.capBytesPerS).toFixed(0)}`, x.wallS.toFixed(2), mib(x.wallRate).toFixed(1), x.copyRate === null ? '-' : mib(x.copyRate).toFixed(1),
      (measured / x.capBytesPerS).toFixed(3), measured <= x.capBytesPerS * 1.1 ? 'yes' : 'NO'];
  });
  say(formatTable(['tool', 'cap MB/s', 'wall s', 'DB MB / wall s', 'copy-phase MB/s', 'rate / cap', 'within 10 %'], rows));
  return out;
}

/** A cluster of `tables` one-row tables, in transactions of 1,000 (each CREATE takes a lock until commit). */
async function manySmallTables(version: number, tables: number, say: (l: string) => void): Promise<Cluster> {
  const started = Date.now();
  const primary = await Cluster.createPrimary(version, { settings: { autovacuum: 'off' } });
  for (let from = 1; from <= tables; from += 1000) {
    const to = Math.min(tables, from + 999);
    await primary.query(`DO $$ BEGIN FOR i IN ${from}..${to} LOOP EXECUTE format('CREATE TABLE small_%s AS SELECT %s AS x', i, i); END LOOP; END $$`);
  }
  await primary.query('CHECKPOINT');
  say(`  built ${tables} one-row tables in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return primary;
}

export async function benchSyncMethods(
  version: number, cli: CliCommand, runs: number, tables: number, scratch: string, say: (l: string) => void,
): Promise<TransferResult['sync']> {
  say(`\n== --sync-method: FULL of ${tables} one-row tables with fsync and with syncfs, against pg_basebackup (fsync per file)`);
  const primary = await manySmallTables(version, tables, say);
  try {
    const databaseBytes = Number(await primary.scalar<string>('SELECT sum(pg_database_size(oid))::text FROM pg_database'));
    type Tool = { name: string; run(target: string): Promise<SyncRun> };
    const ours = (flag: string): Tool => ({
      name: `pg-catchup FULL ${flag}`,
      async run(target) {
        const { r, report } = await runPgCatchup(cli, ['catchup', '-b', 'FULL', '-D', target, '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', flag], scratch);
        return { tool: this.name, wallS: r.wallMs / 1000, copyS: copyPhaseS(report!) };
      },
    });
    // --no-sync (unsafe) shows what the copy costs without making anything durable.
    const tools: Tool[] = [ours('--sync-method=fsync'), ours('--sync-method=syncfs'), ours('--no-sync')];
    if (hasTool(version, 'pg_basebackup')) {
      tools.push({
        name: 'pg_basebackup -X stream -c fast',
        async run(target) {
          const args = ['-d', `host=127.0.0.1 port=${primary.port} user=postgres`, '-D', target, '-X', 'stream', '-c', 'fast'];
          const r = await timedRun(path.join(primary.binDir, 'pg_basebackup'), args, { asServerUser: true, scratchDir: scratch });
          return { tool: this.name, wallS: r.wallMs / 1000, copyS: null };
        },
      });
    }
    const all: SyncRun[] = [];
    for (let r = 0; r < runs; r++) {
      for (const tool of runOrder(tools, r)) {
        const target = freshTarget(primary);
        try {
          const s = await tool.run(target);
          all.push(s);
          say(`  run ${r + 1}/${runs}  ${tool.name.padEnd(40)} ${s.wallS.toFixed(2).padStart(7)} s${s.copyS === null ? '' : ` (copy phase with its syncs ${s.copyS.toFixed(2)} s)`}`);
        } finally {
          await discardFresh(target);
        }
      }
    }
    const rows = tools.map((t) => {
      const mine = all.filter((s) => s.tool === t.name);
      const copy = mine.map((s) => s.copyS).filter((x): x is number => x !== null);
      return [t.name, min(mine.map((s) => s.wallS)).toFixed(2), median(mine.map((s) => s.wallS)).toFixed(2), copy.length ? min(copy).toFixed(2) : '-'];
    });
    say(formatTable(['tool', 'min wall s', 'median wall s', 'min copy phase s'], rows));
    return { tables, databaseBytes, runs: all };
  } finally {
    await primary.cleanup();
  }
}
