import type { TargetWriter } from '../copy/target-writer';
import type { Logger } from '../log';
import { isMacOsFile } from '../pgdata/exclusions';
import { listTarget } from '../pgdata/target-listing';
import { isExcludedByUser } from '../plan/exclude-paths';
import type { Plan } from '../plan/plan';
import type { LayoutOptions } from '../plan/plan-full';
import type { Report } from '../report/report';
import { buildBackupManifest } from '../source/server/incremental/backup-manifest';
import { IncrementalCopyResult, IncrementalSource, runIncrementalCopy } from '../source/server/incremental/incremental-copy';
import { compressionDetail, CompressSpec } from '../source/base-backup/compress-spec';
import { chooseTransfer, probeLinkOf } from '../source/server/compression-choice';
import type { TransferReport } from '../report/report';
import type { SourceCopyOptions } from '../source/source-copy';
import type { Source } from '../source/source';
import { formatLsn, Lsn } from '../wal/lsn';
import { cutConnection } from '../source/pg-socket';

export interface IncrementalSyncInput {
  targetDir: string;
  referenceLsn: Lsn;
  /** A diverged target's own changed blocks, or null. */
  targetChanged: Map<string, number[]> | null;
  /** Paths the plan never touches (our files, signal files without -R). */
  protectedPaths: readonly string[];
  layout: LayoutOptions;
  /** The plan of removals, links and directories, made once the backup has started. */
  makePlan(): Promise<Plan>;
  report: Report;
  logger: Logger;
  /** --compress: whether the server compresses the incremental backup (auto by default, FULL's rule). */
  compress?: CompressSpec;
}

/**
 * PTRACK's copy through the server's incremental backup (changes/incremental-backup.ts chose it):
 * the target, as it is now inside the marked run (its WAL set aside), described as a backup at
 * R; the backup applied in place; the report's file counts from what the server sent.
 */
export async function syncThroughIncrementalBackup(
  source: Source, writer: TargetWriter, copyOpts: SourceCopyOptions, input: IncrementalSyncInput,
): Promise<IncrementalCopyResult> {
  const { referenceLsn: R, report, logger } = input;
  const targetFiles = listTarget(input.targetDir).filter((e) => !e.path.startsWith('pg_wal/'));
  const manifest = buildBackupManifest({
    systemIdentifier: source.identity.systemIdentifier, files: targetFiles, referenceLsn: R,
    history: source.history, currentTli: source.identity.timeline,
  });
  logger.info(`incremental backup: the target's ${targetFiles.filter((e) => !e.isDir).length} files described as a backup at R = ${formatLsn(R)} (manifest ${manifest.length} bytes)`);
  const protectedSet = new Set(input.protectedPaths);
  const server = source as IncrementalSource;
  const { choice, client } = await chooseTransfer(input.compress ?? { kind: 'auto' }, {
    conn: server.conn, versionNum: server.info.versionNum, resuming: false, probeLink: probeLinkOf(server.control),
  });
  const method = choice.transfer === 'base-backup' && choice.spec.kind === 'server' ? choice.spec.method : null;
  const detail = compressionDetail(choice.spec);
  // The incremental backup is a BASE_BACKUP either way: FULL's other answer (COPY reads) means uncompressed here.
  const reason = method ? choice.reason : `the incremental backup travels uncompressed: ${choice.reason}`;
  logger.info(method ? `incremental backup compressed on the server with ${method}: ${reason}` : reason);
  const result = await runIncrementalCopy(server, writer, copyOpts, {
    manifest,
    client: client ?? undefined,
    compression: method ? { method, detail } : undefined,
    prepare: input.makePlan,
    targetChanged: input.targetChanged,
    isProtected: (p) => protectedSet.has(p) || isExcludedByUser(p, input.layout.excludePaths) || isMacOsFile(p),
  }).catch((err: unknown) => {
    // A failure before the backup started leaves the choice's connection open: cut it (a no-op once the copy has).
    if (client) cutConnection(client);
    throw err;
  });
  const s = result.incremental;
  const transfer: TransferReport = { requested: choice.requested, transfer: 'base-backup', reason, receivedBytes: s.receivedBytes };
  if (method) Object.assign(transfer, { method }, detail ? { detail } : {});
  report.transfer = transfer;
  report.files.copied = s.wholeFiles;
  report.files.patched = s.incrementalFiles;
  report.files.truncated = 0;
  report.files.blocksCopied = s.blocksReceived + s.blocksFetched;
  report.files.bytesPlanned = result.copy.bytesCopied;
  const record = report.changeSources?.find((r) => r.side === 'source' && r.method === 'incremental-backup');
  if (record) {
    record.blocksFound = s.blocksReceived;
    record.detail += `: ${s.incrementalFiles} incremental files with ${s.blocksReceived} changed blocks, ${s.wholeFiles} files sent whole, ${s.receivedBytes} bytes received`;
  }
  return result;
}
