/**
 * FULL through BASE_BACKUP compressed on the server (PostgreSQL 15+), with what FULL promises
 * over COPY reads (backup-copy.ts):
 * - a temporary slot made first, and our own WAL stream from the backup start's segment (the
 *   backup is asked for with WAL false), started as soon as the server says where it starts;
 * - the plan made once the backup started (makePlan), which decides what is written: a file the
 *   plan skips (the exclusion rules, --exclude-path) is read past, not written; a file created
 *   after the listing is written unless its path is excluded, as pg_basebackup writes it;
 * - each tablespace's archive written where the plan placed it (below its pg_tblspc link);
 * - page checksums verified as the bytes arrive (the server's own check is off: it would fail the
 *   backup at the end, where ours re-reads a bad page once and tells torn from corrupt);
 * - --max-rate as MAX_RATE (the server caps the bytes it sends, after compression);
 * - backup_label as the server put it in the main archive, tablespace_map left out as today
 *   (the pg_tblspc links point where the target keeps each tablespace), and pg_control, the
 *   archive's last file, held back and written last;
 * - the journal for a resume: every finished file is journaled by the writer as with COPY reads.
 */
import type { Client } from 'pg';
import type { Readable } from 'stream';
import { CopyValidation } from '../../copy/page-validation';
import { diskFullError } from '../../copy/disk-full';
import type { TargetWriter } from '../../copy/target-writer';
import { WalSegmentSink } from '../../copy/wal-segment-sink';
import { CatchupError } from '../../errors';
import { pathSkipReason } from '../../pgdata/exclusions';
import { CONTROL_FILE, Plan } from '../../plan/plan';
import { formatLsn, Lsn } from '../../wal/lsn';
import { segmentNoOf, segmentStartLsn } from '../../wal/wal-segment';
import { BackupFile, readBaseBackupOn, readWholeEntry } from '../base-backup/base-backup-reader';
import type { CompressionMethod } from '../base-backup/decompressor';
import { MAX_RATE_RANGE_KB } from '../base-backup/base-backup-command';
import { compressionDetail } from '../base-backup/compress-spec';
import { recheckFilesOutsideWal, watchFilesOutsideWal } from '../files-outside-wal';
import { logValidation, SourceCopyOptions, SourceCopyResult, writeControlFileLast } from '../source-copy';
import { BackupSource, finishTarget } from './backup-copy';
import type { TransferChoice } from './compression-choice';
import { WalReceiver } from './wal-receiver';
import { cutConnection } from '../pg-socket';

/** Files above this size are fsynced in the background when complete and journaled then, as COPY reads do. */
const LARGE_FILE_BYTES = 8 * 1024 * 1024;

/** MB for the log line (report/ imports source/, so its formatBytes is not imported here). */
const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/** Where a file of an archive goes in the target: tablespace files below their pg_tblspc link. */
export function targetPathOf(file: Pick<BackupFile, 'path' | 'tablespaceOid'>): string {
  return file.tablespaceOid === null ? file.path : file.path === '.' ? `pg_tblspc/${file.tablespaceOid}` : `pg_tblspc/${file.tablespaceOid}/${file.path}`;
}

/**
 * What happens to one archive entry, given the plan: write it, read past it, or keep it aside
 * (backup_label, pg_control). Paths the plan does not know (created after the listing) are
 * written unless an exclusion rule or a skipped parent (--exclude-path) covers them.
 */
export class EntryDecisions {
  private readonly files: Set<string>;
  private readonly skipped: Set<string>;
  private readonly links: Set<string>;

  constructor(plan: Plan) {
    this.files = new Set(plan.files.map((f) => f.path));
    this.skipped = new Set(plan.skipped.map((s) => s.path));
    this.links = new Set(plan.tablespaceLinks.map((l) => l.linkPath));
  }

  decide(target: string, type: BackupFile['type']): 'write' | 'skip' | 'backup_label' | 'control' {
    if (type === 'symlink') return 'skip';
    if (target === '.' || target === 'pg_tblspc' || this.links.has(target)) return 'skip';
    if (type === 'file' && target === 'backup_label') return 'backup_label';
    if (type === 'file' && target === CONTROL_FILE) return 'control';
    if (this.files.has(target)) return 'write';
    if (this.skippedByPlan(target)) return 'skip';
    return pathSkipReason(target, type === 'directory') === null ? 'write' : 'skip';
  }

  private skippedByPlan(target: string): boolean {
    for (let p = target; ; p = p.slice(0, p.lastIndexOf('/'))) {
      if (this.skipped.has(p)) return true;
      if (!p.includes('/')) return false;
    }
  }
}

/** MAX_RATE's kB/s for --max-rate's bytes/s, within what the server takes. */
function maxRateKb(bytesPerSecond: number | undefined, logger: SourceCopyOptions['logger']): number | undefined {
  if (!bytesPerSecond) return undefined;
  const kb = Math.round(bytesPerSecond / 1024);
  const clamped = Math.min(MAX_RATE_RANGE_KB.max, Math.max(MAX_RATE_RANGE_KB.min, kb));
  if (clamped !== kb) logger.warn(`--max-rate ${kb} kB/s is outside what BASE_BACKUP's MAX_RATE takes (${MAX_RATE_RANGE_KB.min}-${MAX_RATE_RANGE_KB.max} kB/s): ${clamped} kB/s is used`);
  return clamped;
}

/**
 * The copy. `client` is a replication connection of its own (the slot's connection streams the
 * WAL); it is ended on success and cut on failure (a walsender mid-backup reads nothing we send).
 */
export async function runBaseBackupCopy(
  source: BackupSource, writer: TargetWriter, opts: SourceCopyOptions,
  makePlan: (startLsn: bigint, replaying: boolean) => Promise<Plan>, client: Client, choice: TransferChoice,
): Promise<SourceCopyResult> {
  if (choice.spec.kind !== 'server') throw new Error('internal: a base-backup copy needs a compression method');
  const run = new BaseBackupRun(source, writer, opts, makePlan, choice.spec.method);
  let ok = false;
  try {
    await source.replication.createTemporarySlot(run.slot);
    await writer.makeDirectory('pg_wal');
    await writer.makeDirectory('pg_wal/archive_status');
    opts.clock?.next('backup start (checkpoint)');
    opts.logger.info(`copying through BASE_BACKUP compressed on the server with ${run.method}${compressionDetail(choice.spec) ? ` (${compressionDetail(choice.spec)})` : ''}: ${choice.reason}`);
    const result = await readBaseBackupOn(client, {
      label: opts.label,
      compression: run.method,
      compressionDetail: compressionDetail(choice.spec),
      maxRateKbPerS: maxRateKb(opts.maxRateBytesPerSecond, opts.logger),
      fastCheckpoint: true,
      progress: true,
      verifyChecksums: false,
      onStart: (start) => run.onStart(start.lsn),
      onFile: (file, body) => run.onFile(file, body),
      onProgress: (p) => run.progress(p.bytesDone),
    });
    // Before the rechecks and fsyncs: the stream stops reading the padding after the stop's switch until it knows.
    run.receiver?.stopAt(result.end.lsn);
    const copied = await run.afterArchive(result.receivedBytes);
    const finished = await run.finish(result.end.lsn, copied);
    ok = true;
    return {
      ...finished,
      transfer: {
        requested: choice.requested, transfer: 'base-backup', method: run.method, detail: compressionDetail(choice.spec), reason: choice.reason,
        receivedBytes: result.receivedBytes, archiveBytes: run.archiveBytes,
      },
    };
  } catch (err) {
    await writer.abandon();
    throw diskFullError(err, writer, run.plan) ?? err;
  } finally {
    await run.close();
    if (ok) await client.end().catch(() => undefined);
    else cutConnection(client);
  }
}

type Planned = { plan: Plan; decisions: EntryDecisions; outsideWal: Awaited<ReturnType<typeof watchFilesOutsideWal>> };

/**
 * One BASE_BACKUP copy's state, step by step: the start (WAL stream and plan), each tar entry
 * written or passed over as the plan decides, the archive's end (rechecks and page checksums),
 * and the finish (WAL to the stop LSN, backup_label, pg_control last).
 */
class BaseBackupRun {
  readonly slot = `pg_catchup_${process.pid}_${Date.now().toString(36)}`;
  readonly sink: WalSegmentSink;
  readonly checks: CopyValidation | null;
  receiver: WalReceiver | null = null;
  startLsn: Lsn | null = null;
  planned: Promise<Planned> | null = null;
  plan: Plan | null = null;
  backupLabel: string | null = null;
  control: Buffer | null = null;
  filesCopied = 0;
  archiveBytes = 0;

  constructor(
    private readonly source: BackupSource, private readonly writer: TargetWriter, private readonly opts: SourceCopyOptions,
    private readonly makePlan: (startLsn: bigint, replaying: boolean) => Promise<Plan>, readonly method: CompressionMethod,
  ) {
    this.sink = new WalSegmentSink(writer.abs('pg_wal'), source.identity.timeline, source.segSize, writer.owner, opts.sync);
    this.checks = source.dataChecksums ? new CopyValidation(opts.validateThreads, source.blockSize, source.relsegSize) : null;
  }

  progress(bytes: number): void {
    const { plan } = this;
    this.opts.logger.progress?.({ bytes, totalBytes: plan?.bytesToCopy ?? 0, files: this.filesCopied, totalFiles: plan?.files.length ?? 0 });
  }

  /** The server reports the start: the WAL stream begins at its segment, and the plan is made. */
  onStart(lsn: Lsn): void {
    const { source, writer } = this;
    this.startLsn = lsn;
    this.opts.logger.info(`backup started at ${formatLsn(lsn)} on timeline ${source.identity.timeline}`);
    const walStart = segmentStartLsn(segmentNoOf(lsn, source.segSize), source.segSize);
    this.receiver = new WalReceiver(source.replication.startStreaming(this.slot, walStart, source.identity.timeline), walStart, this.sink);
    this.opts.clock?.next('plan and copy (BASE_BACKUP)');
    this.planned = this.makePlan(lsn, false).then(async (p) => {
      this.plan = p;
      for (const t of p.tablespaceLinks) await writer.makeTablespaceLink(t.linkPath, t.location);
      for (const dir of p.directories) await writer.makeDirectory(dir);
      return { plan: p, decisions: new EntryDecisions(p), outsideWal: await watchFilesOutsideWal(source.files, p) };
    });
    this.planned.catch(() => undefined);
  }

  /** A tar entry: written where the plan places it, kept back (backup_label, pg_control), or passed over. */
  async onFile(file: BackupFile, body: Readable | null): Promise<void> {
    if (!this.planned) throw new Error('BASE_BACKUP sent a file before its start position');
    const { decisions } = await this.planned;
    const target = targetPathOf(file);
    const what = decisions.decide(target, file.type);
    if (what === 'skip') return;
    if (what === 'backup_label') this.backupLabel = (await readWholeEntry(body)).toString('utf8');
    else if (what === 'control') this.control = await readWholeEntry(body);
    else if (file.type === 'directory') await this.writer.makeDirectory(target);
    else await this.writeFile(target, file.size, body!);
  }

  private async writeFile(target: string, size: number, body: Readable): Promise<void> {
    const { writer, checks } = this;
    const large = size > LARGE_FILE_BYTES;
    writer.expect(target, large ? 2 : 1, 'create');
    const piece = writer.beginPiece(target, 0);
    const pages = checks?.startPiece(target, 0) ?? null;
    for await (const chunk of body) {
      piece.write(chunk as Buffer);
      pages?.(chunk as Buffer);
      const behind = checks?.ready();
      if (behind) await behind;
    }
    piece.end();
    // The second, empty piece makes a large file one the writer fsyncs (and journals) in the background.
    if (large) writer.beginPiece(target, size).end();
    this.filesCopied++;
    this.archiveBytes += size;
  }

  /** The archive is complete: what it must have held, files outside the WAL rechecked, page checksums, fsyncs. */
  async afterArchive(receivedBytes: number): Promise<SourceCopyResult['copy']> {
    const { source, writer, opts } = this;
    if (!this.planned || this.startLsn === null) throw new Error('BASE_BACKUP finished without a start position');
    const { plan, outsideWal } = await this.planned;
    this.plan = plan;
    if (this.control === null) throw new CatchupError('base-backup-no-control', `BASE_BACKUP's main archive from ${source.display} held no ${CONTROL_FILE}.`, 'Check that the replication connection reaches the same server as the SQL connection (no pooler in between), and rerun.');
    if (this.backupLabel === null) throw new CatchupError('base-backup-no-label', `BASE_BACKUP's main archive from ${source.display} held no backup_label.`, 'Rerun; if it persists, copy with --compress=none.');
    const copy = { filesCopied: this.filesCopied, bytesCopied: writer.bytesWritten, filesPatched: 0, pathsDeleted: 0 };
    this.progress(this.archiveBytes);
    opts.logger.info(`received ${mb(receivedBytes)} for ${mb(this.archiveBytes)} of files (${(this.archiveBytes / Math.max(1, receivedBytes)).toFixed(1)}:1 with ${this.method})`);
    if (outsideWal) await recheckFilesOutsideWal(source.files, outsideWal, writer, opts.logger, copy);
    return copy;
  }

  /** Page checksums, the WAL up to the stop LSN, backup_label and the rest, then pg_control last. */
  async finish(stopLsn: Lsn, copy: SourceCopyResult['copy']): Promise<Omit<SourceCopyResult, 'transfer'>> {
    const { source, writer, opts } = this;
    const startLsn = this.startLsn!;
    const validation = this.checks ? await this.checks.finish(source.files.readers[0], writer, startLsn) : null;
    if (validation) logValidation(validation, opts.logger);
    // The files' fsyncs now, as COPY reads do at the end of the copy: the finish then syncs only what it writes.
    await writer.flush();
    opts.clock?.next('backup stop and WAL');
    await this.receiver!.finish(stopLsn);
    await this.sink.close();
    opts.logger.info(`backup stopped at ${formatLsn(stopLsn)}; ${this.sink.segments.length} WAL segment(s) received`);
    opts.clock?.next('finish (backup_label, fsync, pg_control)');
    await finishTarget(source, writer, opts, this.backupLabel!);
    await writeControlFileLast(writer, this.plan!.controlFile, this.control!, opts.sync);
    opts.clock?.end();
    return {
      startLsn, stopLsn, plan: this.plan!, copy, validation, replaying: false,
      walSegments: this.sink.segments.length, walBytes: this.sink.bytesWritten,
    };
  }

  async close(): Promise<void> {
    await this.checks?.close();
    await this.receiver?.abort();
    await this.sink.abandon();
  }
}
