import type { Client } from 'pg';
import type { CatchupError } from '../../errors';
import { assertChecksPass, CheckResult } from '../../preflight/check';
import { readSourceDataBytes } from '../../preflight/disk-space';
import type { CopyMethodDecision } from '../../preflight/copy-method';
import { checkPrivileges } from '../../preflight/privileges';
import { checkArchiving, checkChangeTracking, checkFullPageWrites, checkSourceHintLogging, readSourceSettings } from '../../preflight/source-settings';
import { checkSourceVersion, readServerInfo, SourceServerInfo } from '../../preflight/source-version';
import { checkTargetNotSource, readSourcePlacement } from '../../preflight/target-not-source';
import { checkWalLevel } from '../../preflight/wal-level';
import { checkWalSenders } from '../../preflight/wal-senders';
import type { RelationFileKey } from '../../pgdata/relation-path';
import type { Lsn } from '../../wal/lsn';
import { parseTimelineHistory, TimelineHistoryEntry } from '../../wal/timeline-history';
import type { WalSegmentSource } from '../../wal/wal-reader';
import { segmentNoOf, segmentStartLsn } from '../../wal/wal-segment';
import type { ResolvedConnection } from '../connection-options';
import { connectionReport, ConnectionReport } from '../connection/connection-report';
import { ReplicationConnection, SystemIdentity } from '../replication-connection';
import { connectSource } from '../source-connect';
import type { SourceCopy } from '../source-copy';
import { SourceFiles, sqlSourceFiles } from '../source-files';
import type { OwnWal, Source, SourceOpenOptions } from '../source';
import { BackupSource, runBackupCopy } from './backup-copy';
import { runBaseBackupCopy } from './base-backup-copy';
import { chooseTransfer, probeLinkOf } from './compression-choice';
import { readControlOverSql, readIdentityOverSql } from './files-only-identity';
import { runFilesOnlyCopy } from './files-only-copy';
import { pgWalOverSql } from './pg-wal-over-sql';
import { explainSourceLoss } from './connection-loss';
import { scanChangedBlocks, ScanRange } from './page-lsn-scan';
import { nameRelationFiles, RelationFileNames } from './relation-names';
import { missingWalFiles, WalFile } from './source-wal-files';
import { fetchSourceWal } from './wal-fetch';
import { checkConnectionSecurity } from '../connection/connection-security';

/**
 * A running server as the source: SQL (listing, reads, page scans, settings), and, when the role
 * may (copyMethod 'backup-session'), a backup session and the replication protocol (identity,
 * history, WAL). Without them ('files-only', pg_rewind's minimal role) identity, history and WAL
 * come from pg_control and pg_wal read through SQL, and `replication` is null. `control` holds
 * the backup session and is also the first reader.
 */
export class ServerSource implements Source {
  readonly pagesReadHere = false;
  readonly pagesFinal = null;
  readonly copy: SourceCopy = async (writer, opts, makePlan) => {
    if (this.copyMethod.method === 'files-only') return runFilesOnlyCopy(this, writer, opts, makePlan);
    // --compress is a FULL's (the only caller passing it): compressed BASE_BACKUP or COPY reads.
    if (!opts.compression || opts.replay || opts.filesOnly) return runBackupCopy(this as BackupSource, writer, opts, makePlan);
    const { choice, client } = await chooseTransfer(opts.compression, {
      conn: this.conn, versionNum: this.info.versionNum, resuming: opts.resuming ?? false, probeLink: probeLinkOf(this.control),
    });
    if (client === null) {
      opts.logger.info(`copying through COPY reads: ${choice.reason}`);
      const result = await runBackupCopy(this as BackupSource, writer, opts, makePlan);
      return { ...result, transfer: { requested: choice.requested, transfer: 'copy-reads', reason: choice.reason } };
    }
    return runBaseBackupCopy(this as BackupSource, writer, opts, makePlan, client, choice);
  };

  constructor(
    readonly conn: ResolvedConnection,
    readonly control: Client,
    readonly readers: Client[],
    readonly replication: ReplicationConnection | null,
    readonly files: SourceFiles,
    readonly info: SourceServerInfo,
    readonly identity: SystemIdentity,
    readonly history: TimelineHistoryEntry[],
    readonly segSize: number,
    readonly blockSize: number,
    readonly relsegSize: number,
    readonly dataChecksums: boolean,
    readonly copyMethod: CopyMethodDecision,
    /** Files-only: the current timeline's history file, which the target gets (null on timeline 1). */
    readonly historyFile: { fileName: string; content: Buffer } | null = null,
  ) {}

  get display(): string {
    return this.conn.display;
  }

  scanChangedBlocks(ranges: ScanRange[], referenceLsn: Lsn): Promise<Map<string, number[]>> {
    return scanChangedBlocks(this.control, ranges, referenceLsn, this.blockSize);
  }

  dataBytes(): Promise<number> {
    return readSourceDataBytes(this.control);
  }

  async checkTargetApart(targetDir: string): Promise<CheckResult> {
    return checkTargetNotSource(targetDir, await readSourcePlacement(this.control));
  }

  async logsHints(): Promise<boolean> {
    if (this.dataChecksums) return true;
    const res = await this.control.query<{ v: string }>("SELECT current_setting('wal_log_hints') AS v");
    return res.rows[0].v === 'on';
  }

  readonly walHolder = 'the source';

  async walAt(tli: number, from: Lsn, to: Lsn): Promise<WalSegmentSource | null> {
    if (!this.replication) return walFilesAt(pgWalOverSql(this.files.readers[0], this.segSize, this.history, this.identity.timeline), tli, from, to);
    const bytes = await fetchSourceWal(this.replication, tli, from, to);
    return bytes ? rangeSource(from, bytes, this.segSize) : null;
  }

  nameRelations(files: RelationFileKey[], dbOids: number[]): Promise<RelationFileNames> {
    return nameRelationFiles(this.conn, this.control, files, dbOids);
  }

  sql(): Client {
    return this.control;
  }

  ownWal(): OwnWal | { unavailable: string } {
    return { unavailable: "the source's WAL is read here only from a stopped data directory (--source-pgdata)" };
  }

  missingWal(files: WalFile[]): Promise<string | null> {
    return missingWalFiles(this.control, files, this.segSize);
  }

  connectionReport(): ConnectionReport | undefined {
    return connectionReport(this.conn);
  }

  explainLoss(err: unknown): Promise<CatchupError | null> {
    return explainSourceLoss(err, this.conn, this.info.postmasterStart);
  }

  async close(): Promise<void> {
    await this.replication?.close();
    await Promise.all(this.readers.map((c) => c.end().catch(() => undefined)));
  }
}

/**
 * Connects and runs the source-side preflight checks, pushing each result into `checks` (so a
 * refusal is reported with what led to it). Writes nothing anywhere.
 */
export async function openServerSource(conn: ResolvedConnection, threads: number, checks: CheckResult[], opts: SourceOpenOptions): Promise<ServerSource> {
  const clients: Client[] = [];
  let replication: ReplicationConnection | undefined;
  try {
    const control = await connectSource(conn).catch((err) => {
      checks.push({ id: 'source-reachable', title: 'Source is reachable', status: 'fail', detail: (err as Error).message, fix: (err as { fix?: string }).fix });
      throw err;
    });
    clients.push(control);
    checks.push({ id: 'source-reachable', title: 'Source is reachable', status: 'pass', detail: `connected to ${conn.display}` });
    checks.push(checkConnectionSecurity(conn));
    const info = await readServerInfo(control);
    checks.push(checkSourceVersion(info));
    assertChecksPass(checks, opts.failOnWarning);
    // Files only (pg_rewind's way) is for an existing target: DELTA and rewind.
    const privileges = await checkPrivileges(control, opts.mode === 'DELTA');
    checks.push(privileges.check);
    // The other checks run (and are reported) even when the privileges fail; no setting needs one.
    const filesOnly = privileges.copyMethod?.method === 'files-only';
    const settings = await readSourceSettings(control, async () => {
      const c = (await readControlOverSql(control)).control;
      return { walLevelName: c.walLevelName, fullPageWrites: c.checkPointCopy.fullPageWrites, dataChecksums: c.dataChecksumVersion > 0, walLogHints: c.walLogHints };
    });
    checks.push(
      checkWalLevel(settings),
      ...(filesOnly ? filesOnlySkips() : await checkWalSenders(control)),
      checkFullPageWrites(settings), checkSourceHintLogging(settings), checkChangeTracking(settings, info.major, opts.mode === 'PTRACK'),
      checkArchiving(settings),
    );
    assertChecksPass(checks, opts.failOnWarning);
    const layout = await control.query<{ seg: string; bs: string; relseg: string }>(
      `SELECT (SELECT setting FROM pg_settings WHERE name = 'wal_segment_size') AS seg, current_setting('block_size') AS bs,
              (SELECT setting FROM pg_settings WHERE name = 'segment_size') AS relseg`,
    );
    let identity: SystemIdentity;
    let history: TimelineHistoryEntry[];
    let historyFile: { fileName: string; content: Buffer } | null = null;
    if (filesOnly) {
      ({ identity, history, historyFile } = await readIdentityOverSql(control, info.inRecovery));
    } else {
      replication = await ReplicationConnection.open(conn);
      identity = await replication.identifySystem();
      const file = await replication.timelineHistory(identity.timeline);
      history = file ? parseTimelineHistory(file.content.toString('utf8'), file.fileName) : [];
    }
    for (let i = 1; i < threads; i++) clients.push(await connectSource(conn));
    const row = layout.rows[0];
    return new ServerSource(conn, control, clients, replication ?? null, sqlSourceFiles(control, clients), info, identity, history,
      Number(row.seg), Number(row.bs), Number(row.relseg), settings.data_checksums === 'on', privileges.copyMethod!, historyFile);
  } catch (err) {
    await replication?.close();
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    throw err;
  }
}

/** Without a replication connection there is no wal sender or slot to check. */
function filesOnlySkips(): CheckResult[] {
  const detail = "files only (pg_rewind's way): no replication connection, wal sender or slot is used";
  return [
    { id: 'wal-senders', title: 'Free wal senders on the source', status: 'skip', detail },
    { id: 'replication-slots', title: 'Free replication slots on the source', status: 'skip', detail },
  ];
}

/** [from, to) on timeline `tli` from the source's pg_wal files, or null when one of them is gone. */
async function walFilesAt(files: WalSegmentSource, tli: number, from: Lsn, to: Lsn): Promise<WalSegmentSource | null> {
  const segments = new Map<bigint, Buffer>();
  for (let segNo = segmentNoOf(from, files.segSize); segmentStartLsn(segNo, files.segSize) < to; segNo++) {
    const seg = await files.read(tli, segNo);
    if (!seg) return null;
    segments.set(segNo, seg);
  }
  return { segSize: files.segSize, read: async (_tli, segNo) => segments.get(segNo) ?? null };
}

/** A few fetched bytes presented as segments (zeros elsewhere), for the reader. */
function rangeSource(from: Lsn, bytes: Buffer, segSize: number): WalSegmentSource {
  const segments = new Map<bigint, Buffer>();
  for (let off = 0; off < bytes.length;) {
    const lsn = from + BigInt(off);
    const segNo = segmentNoOf(lsn, segSize);
    const inSeg = Number(lsn - segmentStartLsn(segNo, segSize));
    const n = Math.min(bytes.length - off, segSize - inSeg);
    let seg = segments.get(segNo);
    if (!seg) segments.set(segNo, (seg = Buffer.alloc(segSize)));
    bytes.copy(seg, inSeg, off, off + n);
    off += n;
  }
  return { segSize, read: async (_tli, segNo) => segments.get(segNo) ?? null };
}
