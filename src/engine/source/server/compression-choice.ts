/**
 * Which transfer a FULL from a server uses: compressed BASE_BACKUP (the server compresses, one
 * stream) or COPY reads over SQL (uncompressed, -j connections). --compress names a method, or
 * `auto` (the default) lets this rule decide:
 *
 *   1. A source on this host (a Unix socket or a loopback address) is read uncompressed: no link
 *      to save, and one walsender compressing at 250-400 MB/s is slower than COPY reads (~1 GB/s).
 *   2. PostgreSQL before 15 has no server-side compression: COPY reads.
 *   3. A resumed FULL goes through COPY reads: BASE_BACKUP has no file filter, so every byte the
 *      interrupted run kept would cross the link again (see base-backup-copy.ts).
 *   4. From another host, the link is measured first (link-probe.ts). One that carries more than
 *      COPY_READS_ABOVE is read uncompressed: a compressed stream would then wait for this client
 *      (decompressing, checking and writing lz4 on one core: ~150 MB/s of files measured), not
 *      for the link.
 *   5. Otherwise the method: over a link slower than ZSTD_BELOW, zstd first (the fewest bytes:
 *      at 100 Mbit/s 4.8 s against lz4's 8.1 s for 300 MB); over a faster one lz4 first (one
 *      walsender compressing zstd is then the bottleneck: at 1 Gbit/s lz4 2.0 s, zstd 3.4 s,
 *      COPY reads 3.1 s). zstd only when this Node.js decompresses it (22.15+); the first the
 *      source was built with (asked without starting a backup); COPY reads when it has neither,
 *      or has no second wal sender for the backup stream.
 *
 * Gzip is never chosen by auto: the server's gzip compresses 30-80 MB/s, slower than a 1 Gbit/s
 * link carries plain bytes. The log and the report say which ran and why, with the probe's rate.
 */
import type { Client } from 'pg';
import type { ResolvedConnection } from '../connection-options';
import { isLocalPeer } from '../connection/connection-report';
import { connectSource } from '../source-connect';
import { baseBackupCommand } from '../base-backup/base-backup-command';
import { runBaseBackup } from '../base-backup/base-backup-query';
import { MIN_SERVER_VERSION_NUM } from '../base-backup/base-backup-reader';
import { CompressSpec, formatCompressSpec } from '../base-backup/compress-spec';
import { CompressionMethod, decompressionUnavailable } from '../base-backup/decompressor';
import { LinkRate, measureLinkRate } from './link-probe';

export interface TransferChoice {
  /** What was asked for: "auto", "none", "zstd:level=3". */
  requested: string;
  /** What ran: compressed BASE_BACKUP with a method, or COPY reads. */
  transfer: 'base-backup' | 'copy-reads';
  /** The method and detail when transfer is base-backup. */
  spec: CompressSpec;
  reason: string;
}

/** What the rule knows before asking the server anything. */
export interface ChoiceContext {
  conn: ResolvedConnection;
  versionNum: number;
  /** A resumed FULL (its kept files are patched through COPY reads). */
  resuming: boolean;
  /** Measures the link to the source (rule 4); without it, another host always compresses. */
  probeLink?: () => Promise<LinkRate>;
}

/** A link faster than this (~1.6 Gbit/s) is read uncompressed: the compressed stream would wait for this client, not the link. */
export const COPY_READS_ABOVE_BYTES_PER_SECOND = 200 * 1024 * 1024;
/** Below this (~230 Mbit/s) zstd's smaller stream pays for its slower compression on the server; above it lz4 goes first. */
export const ZSTD_BELOW_BYTES_PER_SECOND = 28 * 1024 * 1024;

/** Rule 4's measurement of the link through the source's control connection (the 8 MB confirmation where COPY reads could win). */
export function probeLinkOf(control: Client): () => Promise<LinkRate> {
  return () => measureLinkRate(control, COPY_READS_ABOVE_BYTES_PER_SECOND);
}

/** Rule 5: lz4 goes first over a measured link at or above ZSTD_BELOW, zstd otherwise (none measured too). */
function lz4GoesFirst(rate: LinkRate | null): boolean {
  return rate !== null && rate.bytesPerSecond >= ZSTD_BELOW_BYTES_PER_SECOND;
}

/** Rule 5's order of the methods this Node.js can decompress, for a measured link (none measured: zstd first). */
export function methodOrder(candidates: ReadonlyArray<Exclude<CompressionMethod, 'none'>>, rate: LinkRate | null): Array<Exclude<CompressionMethod, 'none'>> {
  const lz4First = lz4GoesFirst(rate);
  return [...candidates].sort((a, b) => (a === b ? 0 : (a === 'lz4') === lz4First ? -1 : 1));
}

const mbPerS = (rate: LinkRate) => `${(rate.bytesPerSecond / 1048576).toFixed(rate.bytesPerSecond < 10 * 1048576 ? 1 : 0)} MB/s`;

/** Rule 4: COPY reads over a link fast enough that compressing would not pay (with the reason), else null. */
export function fastLinkChoice(requested: string, where: string, rate: LinkRate): TransferChoice | null {
  if (rate.bytesPerSecond < COPY_READS_ABOVE_BYTES_PER_SECOND) return null;
  return copyReads(requested, `auto: the link to the source (${where}) carried ${mbPerS(rate)} in a probe, more than a compressed copy is decompressed and written here (~${mbPerS({ bytesPerSecond: COPY_READS_ABOVE_BYTES_PER_SECOND, bytes: 0, ms: 0 })}): COPY reads, uncompressed`);
}

const copyReads = (requested: string, reason: string): TransferChoice => ({ requested, transfer: 'copy-reads', spec: { kind: 'none' }, reason });

/**
 * The decision without the server's answer; for `auto` on another host, the methods to ask the
 * server about in order. An explicit method is taken as asked (the server refuses it if unbuilt).
 */
export function preliminaryChoice(spec: CompressSpec, ctx: ChoiceContext): TransferChoice | { candidates: Array<Exclude<CompressionMethod, 'none'>> } {
  const requested = formatCompressSpec(spec);
  if (spec.kind === 'none') return copyReads(requested, '--compress=none: COPY reads, uncompressed');
  if (ctx.resuming) {
    return copyReads(requested, 'a resumed FULL copies what is left through COPY reads: BASE_BACKUP cannot leave out the files the interrupted run kept, so they would cross the link again');
  }
  if (ctx.versionNum < MIN_SERVER_VERSION_NUM) {
    if (spec.kind === 'auto') return copyReads(requested, `the source runs PostgreSQL ${Math.floor(ctx.versionNum / 10000)}, whose BASE_BACKUP cannot compress (15 brought it): COPY reads`);
    return { candidates: [spec.method] }; // refused by the reader with the reason and the fix
  }
  if (spec.kind === 'server') return { requested, transfer: 'base-backup', spec, reason: `--compress=${requested}: BASE_BACKUP compressed on the server` };
  const server = ctx.conn.choice.server;
  if (!server || isLocalPeer(server)) {
    const where = !server || server.address === null ? 'a Unix socket' : `the loopback address ${server.address}`;
    return copyReads(requested, `auto: the source is on this host (${where}), where COPY reads are faster than compressing`);
  }
  const candidates = (['zstd', 'lz4'] as const).filter((m) => decompressionUnavailable(m) === null);
  return { candidates };
}

/**
 * Asks the server whether it was built with `method`: a BASE_BACKUP with an impossible level is
 * refused while its options are parsed, before any checkpoint, saying either that the build lacks
 * the method or that the level is out of range (so the method is there).
 */
export async function serverHasCompression(client: Client, method: Exclude<CompressionMethod, 'none'>): Promise<boolean> {
  const probe = baseBackupCommand({ label: 'pg-catchup probe', compression: method, compressionDetail: 'level=99999', progress: false });
  try {
    await runBaseBackup(client, probe, {
      onStart: () => undefined, onArchive: () => null, onArchiveData: () => null, onProgress: () => undefined, onCopyDone: () => null, onNotice: () => undefined,
    });
  } catch (err) {
    const msg = (err as Error).message ?? '';
    if (/does not support compression|compression is not supported by this build/i.test(msg)) return false;
    if (/level|expects|out of range|invalid compression/i.test(msg)) return true;
    throw err;
  }
  // A server that took level 99999 started a backup; it cannot have, but say so if it did.
  throw new Error(`the source accepted BASE_BACKUP with COMPRESSION_DETAIL level=99999 for ${method}`);
}

/**
 * The whole decision. For compressed BASE_BACKUP, `client` is the replication connection the
 * backup runs on (opened here, the second wal sender of the run); the caller closes it.
 */
export async function chooseTransfer(spec: CompressSpec, ctx: ChoiceContext): Promise<{ choice: TransferChoice; client: Client | null }> {
  const first = preliminaryChoice(spec, ctx);
  if ('transfer' in first && first.transfer === 'copy-reads') return { choice: first, client: null };
  const requested = formatCompressSpec(spec);
  if ('transfer' in first) return { choice: first, client: await connectSource(ctx.conn, { replication: 'true' }) };
  const candidates = first.candidates;
  if (spec.kind === 'server') {
    return { choice: { requested, transfer: 'base-backup', spec, reason: `--compress=${requested}` }, client: await connectSource(ctx.conn, { replication: 'true' }) };
  }
  if (candidates.length === 0) return { choice: copyReads(requested, 'auto: this Node.js decompresses neither zstd nor lz4'), client: null };
  const where = `another host, ${ctx.conn.choice.server!.address}`;
  const rate = ctx.probeLink ? await ctx.probeLink() : null;
  const fast = rate ? fastLinkChoice(requested, where, rate) : null;
  if (fast) return { choice: fast, client: null };
  const ordered = methodOrder(candidates, rate);
  const measured = rate ? `; the link carried ${mbPerS(rate)} in a probe` : '';
  let client: Client;
  try {
    client = await connectSource(ctx.conn, { replication: 'true' });
  } catch (err) {
    return { choice: copyReads(requested, `auto: no second replication connection for a compressed backup (${(err as Error).message}): COPY reads`), client: null };
  }
  try {
    for (const method of ordered) {
      if (await serverHasCompression(client, method)) {
        return {
          choice: { requested, transfer: 'base-backup', spec: { kind: 'server', method }, reason: `auto: the source is another host (${ctx.conn.choice.server!.address}${measured}), so the copy is compressed on the server with ${method}, the first of ${ordered.join(', ')} (${lz4GoesFirst(rate) ? 'lz4 first: over this link zstd would wait for the server compressing' : 'zstd first: the fewest bytes over a slow link'}) this Node.js and the source's build share` },
          client,
        };
      }
    }
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
  await client.end().catch(() => undefined);
  return { choice: copyReads(requested, `auto: the source was built with neither ${candidates.join(' nor ')}: COPY reads (gzip compresses slower than a fast link carries; ask for --compress=gzip on a slow one)`), client: null };
}
