/**
 * PTRACK through the server's own incremental backup (PostgreSQL 17+, summarize_wal = on): the
 * target is described to the server as an earlier backup taken at R (backup-manifest.ts, sent
 * with UPLOAD_MANIFEST), and BASE_BACKUP (INCREMENTAL) then sends every file the way
 * pg_basebackup --incremental would: non-relation files and new or rewritten relation files
 * whole, every other relation file as INCREMENTAL.<name> with only the blocks its WAL summaries
 * name since R. We apply each as it arrives, in place on the target (what pg_combinebackup does
 * into a new directory, without the second copy), so the server's summaries replace both our SQL
 * reads of pg_wal_summary_contents and the block copies over SQL.
 *
 * Everything else is the backup copy of every mode (backup-copy.ts): our temporary slot and WAL
 * stream from before the backup's start (the command sends no WAL), the target's paths only it
 * has removed before the first file is written (the plan, made once the backup has started),
 * backup_label from the backup (without its INCREMENTAL lines, which PostgreSQL refuses to start
 * from), then pg_control last. A diverged target's own changed blocks that the server does not
 * send are read from the source over SQL while the backup is still running, so WAL replay from its
 * start repairs them like every other page.
 */
import fs from 'fs';
import type { Client } from 'pg';
import { diskFullError } from '../../../copy/disk-full';
import { readRanges } from '../../../copy/range-reader';
import type { TargetWriter } from '../../../copy/target-writer';
import { WalSegmentSink } from '../../../copy/wal-segment-sink';
import { CatchupError, errorMessage } from '../../../errors';
import { parseRelationPath } from '../../../pgdata/relation-path';
import { CONTROL_FILE, Plan } from '../../../plan/plan';
import type { ReadRange } from '../../../plan/read-batches';
import { formatLsn, Lsn, parseLsn } from '../../../wal/lsn';
import { segmentNoOf, segmentStartLsn } from '../../../wal/wal-segment';
import { MAX_RATE_RANGE_KB } from '../../base-backup/base-backup-command';
import type { CompressionMethod } from '../../base-backup/decompressor';
import { BackupFile, readBaseBackupOn, readWholeEntry } from '../../base-backup/base-backup-reader';
import type { ResolvedConnection } from '../../connection-options';
import { connectSource } from '../../source-connect';
import { SourceCopyOptions, SourceCopyResult, writeControlFileLast } from '../../source-copy';
import { BackupSource, finishTarget } from '../backup-copy';
import { WalReceiver } from '../wal-receiver';
import { incrementalTargetPath, readIncrementalFile, reconstructedBlockLength } from './incremental-file';
import { planInsideIncrementalBackup } from './server-copy-scope';
import { uploadManifest } from './upload-manifest';
import type { Readable } from 'stream';
import { cutConnection } from '../../pg-socket';

export interface IncrementalCopyInput {
  /** The manifest describing the target as a backup at R (buildBackupManifest). */
  manifest: Buffer;
  /**
   * Called once, when the first file arrives (the backup has started): the plan whose deletions,
   * tablespace links and directories are carried out before anything is written. Its files and
   * patches are the server's to send.
   */
  prepare(): Promise<Plan>;
  /** A diverged target's own changed blocks per relation file (null when it did not diverge). */
  targetChanged: Map<string, number[]> | null;
  /** Target paths never written (our marker and lock, signal files without -R, --exclude-path). */
  isProtected(path: string): boolean;
  /** Server-side compression of the backup stream (the reader decompresses as it arrives); none by default. */
  compression?: { method: CompressionMethod; detail?: string };
  /** The replication connection the backup runs on, when the transfer's choice opened it already. */
  client?: Client;
}

export interface IncrementalCopyStats {
  wholeFiles: number;
  wholeBytes: number;
  incrementalFiles: number;
  /** Blocks the server sent inside INCREMENTAL files. */
  blocksReceived: number;
  /** A diverged target's own changed blocks the server did not send, read over SQL. */
  blocksFetched: number;
  /** Bytes of the backup's archives as received. */
  receivedBytes: number;
  /** Page checksum failures the server reported (VERIFY_CHECKSUMS). */
  checksumWarnings: string[];
}

export type IncrementalCopyResult = SourceCopyResult & { incremental: IncrementalCopyStats };

/** A server source with a backup session: BASE_BACKUP needs a replication connection of its own. */
export type IncrementalSource = BackupSource & { conn: ResolvedConnection; info: { versionNum: number } };

/** The server's refusals of an incremental backup (missing summaries, a target ahead), said with the way out. */
function describeRefusal(err: unknown): unknown {
  const msg = errorMessage(err);
  if (/but this backup starts at/.test(msg)) {
    return new CatchupError('target-ahead', `The source refused the incremental backup: ${msg}. The target's checkpoint is past the source's position.`,
      'The target is ahead of the source: point the run at the right source, or rebuild the target with -b FULL.');
  }
  if (/WAL summar|manifest|incremental/i.test(msg)) {
    return new CatchupError('ptrack-unavailable', `The source refused an incremental backup from the target's position: ${msg}.`,
      'Run again: the interrupted run is resumed with the page scan of -b DELTA, which needs no change tracking (catchup -b DELTA), or raise wal_summary_keep_time on the source for later PTRACK runs.');
  }
  return err;
}

/** Where a backup file goes on the target: tablespace archives hold paths below pg_tblspc/<oid>. */
export function targetPathOf(file: Pick<BackupFile, 'path' | 'tablespaceOid'>): string | null {
  if (file.path === '.' || file.path === '') return null;
  return file.tablespaceOid === null ? file.path : `pg_tblspc/${file.tablespaceOid}/${file.path}`;
}

/** backup_label without the lines that make PostgreSQL refuse it as an incremental backup (as pg_combinebackup writes it). */
export function fullBackupLabel(label: string): string {
  return label.split('\n').filter((l) => !/^INCREMENTAL FROM (LSN|TLI): /.test(l)).join('\n');
}

export async function runIncrementalCopy(
  source: IncrementalSource, writer: TargetWriter, opts: SourceCopyOptions, input: IncrementalCopyInput,
): Promise<IncrementalCopyResult> {
  const { replication, identity, segSize } = source;
  const slot = `pg_catchup_${process.pid}_${Date.now().toString(36)}`;
  await replication.createTemporarySlot(slot);
  await writer.makeDirectory('pg_wal');
  await writer.makeDirectory('pg_wal/archive_status');
  const walStart = segmentStartLsn(segmentNoOf(await streamStart(source, slot), segSize), segSize);
  const sink = new WalSegmentSink(writer.abs('pg_wal'), identity.timeline, segSize, writer.owner, opts.sync);
  const receiver = new WalReceiver(replication.startStreaming(slot, walStart, identity.timeline), walStart, sink);
  const run = new IncrementalRun(source, writer, opts, input);
  let client: Client | null = null;
  try {
    client = input.client ?? await connectSource(source.conn, { replication: 'true' });
    await uploadManifest(client, input.manifest);
    opts.clock?.next('incremental backup start (checkpoint)');
    const rate = opts.maxRateBytesPerSecond;
    const result = await readBaseBackupOn(client, {
      label: opts.label,
      compression: input.compression?.method ?? 'none',
      compressionDetail: input.compression?.detail,
      incremental: true,
      progress: false,
      verifyChecksums: source.dataChecksums,
      maxRateKbPerS: rate ? Math.min(MAX_RATE_RANGE_KB.max, Math.max(MAX_RATE_RANGE_KB.min, Math.round(rate / 1024))) : undefined,
      onFile: (file, body) => run.onFile(file, body),
      onNotice: (n) => run.onNotice(n.message),
    }).catch((err: unknown) => {
      throw describeRefusal(err);
    });
    // Before anything else: the stream stops reading the padding after the stop's switch until it knows.
    receiver.stopAt(result.end.lsn);
    await client.end().catch(() => undefined);
    client = null;
    const { plan, backupLabel, controlFile } = run.complete(result);

    opts.clock?.next('WAL to the end of the backup');
    const stopLsn = result.end.lsn;
    await receiver.finish(stopLsn);
    await sink.close();
    opts.logger.info(`WAL complete at ${formatLsn(stopLsn)}; ${sink.segments.length} WAL segment(s) received`);

    opts.clock?.next('finish (backup_label, fsync, pg_control)');
    await finishTarget(source, writer, opts, fullBackupLabel(backupLabel.toString('utf8')));
    await writeControlFileLast(writer, CONTROL_FILE, controlFile, opts.sync);
    opts.clock?.end();
    return {
      startLsn: result.start.lsn, stopLsn, plan, replaying: false, validation: null, copy: run.copyResult(plan),
      walSegments: sink.segments.length, walBytes: sink.bytesWritten,
      incremental: run.stats,
    };
  } catch (err) {
    throw diskFullError(err, writer, run.plan) ?? err;
  } finally {
    if (client) cutConnection(client);
    await receiver.abort();
    await sink.abandon();
  }
}

/**
 * One incremental backup applied in place, entry by entry: the plan's removals before the first
 * file, whole files written, INCREMENTAL files' blocks patched in (with the target's own changed
 * blocks the server does not send read over SQL), backup_label and pg_control kept back.
 */
class IncrementalRun {
  readonly stats: IncrementalCopyStats = { wholeFiles: 0, wholeBytes: 0, incrementalFiles: 0, blocksReceived: 0, blocksFetched: 0, receivedBytes: 0, checksumWarnings: [] };
  plan: Plan | null = null;
  private backupLabel: Buffer | null = null;
  private controlFile: Buffer | null = null;

  constructor(
    private readonly source: IncrementalSource, private readonly writer: TargetWriter,
    private readonly opts: SourceCopyOptions, private readonly input: IncrementalCopyInput,
  ) {}

  onNotice(message: string): void {
    if (/checksum/i.test(message)) this.stats.checksumWarnings.push(message);
    this.opts.logger.warn(`source: ${message}`);
  }

  async onFile(file: BackupFile, body: Readable | null): Promise<void> {
    const { writer, input, opts } = this;
    if (!this.plan) {
      opts.clock?.next('plan (listing, removals)');
      this.plan = await planInsideIncrementalBackup(() => input.prepare());
      await applyTree(this.plan, writer);
      opts.clock?.next('incremental copy');
    }
    const relPath = targetPathOf(file);
    // The target's WAL was set aside and ours streams in; the backup's tablespace_map and links: the target keeps its own.
    if (relPath === null || relPath === 'pg_wal' || relPath.startsWith('pg_wal/') || file.type === 'symlink') return;
    if (file.tablespaceOid === null && relPath === 'tablespace_map') return;
    if (file.tablespaceOid === null && relPath === 'backup_label') {
      this.backupLabel = await readWholeEntry(body!);
      return;
    }
    if (relPath === CONTROL_FILE) {
      this.controlFile = await readWholeEntry(body!);
      return;
    }
    if (file.type === 'directory') {
      if (!input.isProtected(relPath) && !fs.existsSync(writer.abs(relPath))) await writer.makeDirectory(relPath);
      return;
    }
    const incremental = incrementalTargetPath(relPath);
    if (input.isProtected(incremental ?? relPath)) return;
    if (incremental) await this.applyIncremental(incremental, body!);
    else await this.writeWhole(relPath, body!);
  }

  /** The archive is complete: it must have held files, backup_label and pg_control. */
  complete(result: { receivedBytes: number; start: { lsn: Lsn }; end: { lsn: Lsn } }): { plan: Plan; backupLabel: Buffer; controlFile: Buffer } {
    const { plan, backupLabel, controlFile, stats } = this;
    stats.receivedBytes = result.receivedBytes;
    if (!plan || !backupLabel || !controlFile) {
      throw new Error(`the incremental backup ended without ${!plan ? 'any file' : !backupLabel ? 'backup_label' : CONTROL_FILE}`);
    }
    this.opts.logger.info(`incremental backup from ${formatLsn(result.start.lsn)} to ${formatLsn(result.end.lsn)}: ${stats.wholeFiles} files whole (${stats.wholeBytes} bytes), ` +
      `${stats.incrementalFiles} incremental files with ${stats.blocksReceived} changed blocks${stats.blocksFetched ? `, ${stats.blocksFetched} blocks the target changed read over SQL` : ''}`);
    return { plan, backupLabel, controlFile };
  }

  copyResult(plan: Plan): IncrementalCopyResult['copy'] {
    const { stats } = this;
    return {
      filesCopied: stats.wholeFiles, filesPatched: stats.incrementalFiles, pathsDeleted: plan.deletions.length,
      bytesCopied: stats.wholeBytes + (stats.blocksReceived + stats.blocksFetched) * this.source.blockSize,
    };
  }

  private async writeWhole(relPath: string, body: Readable): Promise<void> {
    const { writer, stats } = this;
    writer.expect(relPath, 1, 'create');
    const piece = writer.beginPiece(relPath, 0);
    for await (const chunk of body as AsyncIterable<Buffer>) {
      piece.write(chunk);
      stats.wholeBytes += chunk.length;
    }
    piece.end();
    stats.wholeFiles++;
  }

  private async applyIncremental(relPath: string, body: Readable): Promise<void> {
    const { writer, stats, source } = this;
    const { blockSize, relsegSize } = source;
    stats.incrementalFiles++;
    let extra: number[] = [];
    await readIncrementalFile(body, blockSize, relsegSize, `${relPath}'s incremental file`, (h) => {
      extra = this.prepareFile(relPath, h);
      if (h.blocks.length + extra.length > 0) writer.expect(relPath, h.blocks.length + extra.length, 'patch');
      stats.blocksReceived += h.blocks.length;
    }, (blockNo, data) => writer.writePiece(relPath, blockNo * blockSize, data));
    if (extra.length > 0) {
      const ranges: ReadRange[] = extra.map((b) => ({ path: relPath, offset: b * blockSize, length: blockSize }));
      await readRanges(source.files.readers[0], ranges, (_i, offset, data) => writer.writePiece(relPath, offset, data));
      stats.blocksFetched += extra.length;
    }
  }

  /**
   * The target file at pg_combinebackup's length, and the blocks the target changed that the
   * server does not send (its main forks' changed blocks; every unlisted block of other forks,
   * which DELTA copies whole as their changes are not tracked block by block).
   */
  private prepareFile(relPath: string, h: Parameters<Parameters<typeof readIncrementalFile>[4]>[0]): number[] {
    const { writer, input, source } = this;
    const abs = writer.abs(relPath);
    const length = reconstructedBlockLength(h);
    // A file the target lost since the manifest was made: the listed blocks, zeros elsewhere (WAL replay re-creates it).
    if (!fs.existsSync(abs)) {
      fs.closeSync(fs.openSync(abs, 'a', writer.modes.file));
      if (writer.owner) fs.chownSync(abs, writer.owner.uid, writer.owner.gid);
    }
    if (fs.statSync(abs).size !== length * source.blockSize) {
      fs.truncateSync(abs, length * source.blockSize);
      writer.noteChanged(relPath, 'file');
    }
    if (!input.targetChanged) return [];
    const listed = new Set(h.blocks);
    const rel = parseRelationPath(relPath);
    const wanted = rel?.fork === 'main' ? input.targetChanged.get(relPath) ?? [] : Array.from({ length: h.truncationBlockLength }, (_, i) => i);
    return [...new Set(wanted)].filter((b) => b < length && !listed.has(b)).sort((a, b) => a - b);
  }
}

/** The plan's tree changes, before any file is written: removals, then links and directories. */
async function applyTree(plan: Plan, writer: TargetWriter): Promise<void> {
  for (const p of plan.deletions) {
    fs.rmSync(writer.abs(p), { recursive: true, force: true });
    writer.noteChanged(p, 'removed');
  }
  for (const t of plan.tablespaceLinks) await writer.makeTablespaceLink(t.linkPath, t.location);
  for (const dir of plan.directories) await writer.makeDirectory(dir);
}

/**
 * Where our WAL stream starts: at or before the backup's start, which we learn only once the
 * backup runs. A physical slot on a primary reserves from the last checkpoint's redo, possibly
 * segments back; the backup's own checkpoint comes after the current insert position, so the
 * stream starts there (the slot holds everything after it). A standby's backup starts at its last
 * restartpoint, which may be behind its replay position: there, the slot's reservation.
 */
async function streamStart(source: IncrementalSource, slot: string): Promise<bigint> {
  const reserved = await slotRestartLsn(source.control, slot);
  if (source.info.inRecovery) return reserved;
  const res = await source.control.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn');
  const insert = parseLsn(res.rows[0].lsn);
  return insert > reserved ? insert : reserved;
}

async function slotRestartLsn(client: Client, slot: string): Promise<bigint> {
  const res = await client.query<{ restart_lsn: string | null }>('SELECT restart_lsn::text AS restart_lsn FROM pg_replication_slots WHERE slot_name = $1', [slot]);
  const lsn = res.rows[0]?.restart_lsn;
  if (!lsn) throw new CatchupError('slot-missing', `Our temporary replication slot ${slot} has no reserved WAL on the source.`, 'Check that the replication and SQL connections reach the same server (no pooler or load balancer in between).');
  return parseLsn(lsn);
}
