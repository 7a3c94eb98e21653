import * as fsp from 'fs/promises';
import * as path from 'path';
import type { Client } from 'pg';
import { executeCopy } from '../copy/copy-executor';
import { ownerForTarget } from '../copy/file-owner';
import { fsyncPath, TargetWriter } from '../copy/target-writer';
import { WalSegmentSink } from '../copy/wal-segment-sink';
import { CatchupError, errorMessage, isCatchupError } from '../errors';
import { Logger, silentLogger } from '../log';
import { parsePgControl, PG_CONTROL_FILE_SIZE } from '../pgdata/pg-control';
import { autoConfLines, primaryConninfo } from '../pgdata/recovery-conf';
import { planFull } from '../plan/plan-full';
import { assertChecksPass, CheckResult } from '../preflight/check';
import { checkPrivileges } from '../preflight/privileges';
import { checkSourceVersion, readServerInfo } from '../preflight/source-version';
import { checkTargetEmpty } from '../preflight/target-empty';
import { checkWalLevel } from '../preflight/wal-level';
import { checkWalSenders } from '../preflight/wal-senders';
import { Report, TOOL_VERSION } from '../report/report';
import { BackupSession } from '../source/backup-session';
import { resolveConnection, SourceConnectionOptions } from '../source/connection-options';
import { readRanges } from '../source/file-reader';
import { listSourceFiles } from '../source/file-listing';
import { ReplicationConnection } from '../source/replication-connection';
import { connectSource } from '../source/source-connect';
import { WalReceiver } from '../source/wal-receiver';
import { formatLsn } from '../wal/lsn';
import { segmentNoOf, segmentStartLsn } from '../wal/wal-segment';

export interface FullCatchupOptions {
  targetDir: string;
  source: SourceConnectionOptions;
  /** libpq's PG* variables; the adapter passes process.env, the engine reads no environment itself. */
  env?: Record<string, string | undefined>;
  threads?: number;
  writeRecoveryConf?: boolean;
  /** Put the connection's password into primary_conninfo (otherwise the standby relies on .pgpass). */
  storePassword?: boolean;
  sync?: boolean;
  logger?: Logger;
}

/**
 * FULL: copy a running primary into an empty directory (design rules 1, 2, 3, 5, 6).
 * Every refusal happens before the first write; on failure the target has no pg_control,
 * so PostgreSQL refuses to start it.
 */
export async function catchupFull(opts: FullCatchupOptions): Promise<Report> {
  const logger = opts.logger ?? silentLogger;
  const threads = opts.threads ?? 1;
  const sync = opts.sync ?? true;
  const startedAt = new Date();
  const targetDir = path.resolve(opts.targetDir);
  const conn = resolveConnection(opts.source, opts.env ?? {});
  const report: Report = {
    tool: 'pg-catchup', version: TOOL_VERSION, mode: 'FULL', status: 'failed',
    source: { connection: conn.display }, target: { path: targetDir }, lsn: {}, checks: [],
    files: { copied: 0, skipped: 0, bytesCopied: 0, walSegments: 0, walBytes: 0 },
    threads, wroteRecoveryConf: false, startedAt: startedAt.toISOString(), durationMs: 0,
  };
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
    throw new CatchupError('bad-threads', `-j/--threads must be a whole number from 1 to 64, not ${threads}.`, 'Pass e.g. -j 2.');
  }

  const clients: Client[] = [];
  let repl: ReplicationConnection | undefined;
  let receiver: WalReceiver | undefined;
  try {
    const checks: CheckResult[] = (report.checks = [checkTargetEmpty(targetDir)]);
    assertChecksPass(checks);

    const control = await connectSource(conn);
    clients.push(control);
    const info = await readServerInfo(control);
    report.source.serverVersion = info.versionText;
    checks.push(checkSourceVersion(info));
    assertChecksPass(checks);
    checks.push(await checkPrivileges(control), await checkWalLevel(control), ...(await checkWalSenders(control)));
    assertChecksPass(checks);
    const segSize = await walSegmentSize(control);

    repl = await ReplicationConnection.open(conn);
    const identity = await repl.identifySystem();
    report.source.systemIdentifier = identity.systemIdentifier;
    report.source.timeline = identity.timeline;
    for (let i = 1; i < threads; i++) clients.push(await connectSource(conn));
    const slot = `pg_catchup_${process.pid}_${Date.now().toString(36)}`;
    await repl.createTemporarySlot(slot);

    // First write: everything above refused without touching the target.
    const owner = ownerForTarget(targetDir);
    const writer = new TargetWriter({ root: targetDir, owner, sync });
    await writer.makeDirectory('.');
    await writer.makeDirectory('pg_wal');
    await writer.makeDirectory('pg_wal/archive_status');

    const backup = new BackupSession(control);
    const startLsn = await backup.start(`pg-catchup ${startedAt.toISOString()}`, true);
    report.lsn.backupStart = formatLsn(startLsn);
    logger.info(`backup started at ${formatLsn(startLsn)} on timeline ${identity.timeline}`);

    const walStart = segmentStartLsn(segmentNoOf(startLsn, segSize), segSize);
    const sink = new WalSegmentSink(writer.abs('pg_wal'), identity.timeline, segSize, owner, sync);
    receiver = new WalReceiver(repl.startStreaming(slot, walStart, identity.timeline), walStart, sink);

    // Listed after the backup start, so every file change after the listing is in the WAL we ship.
    const plan = planFull(await listSourceFiles(control));
    report.files.skipped = plan.skipped.length;
    logger.info(`copying ${plan.files.length} files, ${formatBytes(plan.bytesToCopy)}, with ${threads} connection(s)`);
    const copied = await executeCopy(plan, clients, writer, logger);
    report.files.copied = copied.filesCopied;
    report.files.bytesCopied = copied.bytesCopied;

    const controlFile = await readWholeFile(control, plan.controlFile);
    checkControlFileIdentity(controlFile, identity.systemIdentifier);
    const stop = await backup.stop();
    report.lsn.backupStop = formatLsn(stop.stopLsn);
    await receiver.finish(stop.stopLsn);
    await sink.close();
    report.files.walSegments = sink.segments.length;
    report.files.walBytes = sink.bytesWritten;
    logger.info(`backup stopped at ${formatLsn(stop.stopLsn)}; ${sink.segments.length} WAL segment(s) received`);

    const history = await repl.timelineHistory(identity.timeline);
    if (history) await writer.writeFile(`pg_wal/${history.fileName}`, history.content);
    await writer.writeFile('backup_label', stop.backupLabel);
    if (stop.tablespaceMap !== '') await writer.writeFile('tablespace_map', stop.tablespaceMap);
    if (opts.writeRecoveryConf) {
      await writeRecoveryConf(writer, primaryConninfo(conn.keywords, opts.storePassword ?? false));
      report.wroteRecoveryConf = true;
    }
    await writer.flush();

    // Last (rule 6): until pg_control exists, PostgreSQL refuses to start the directory.
    await writer.writeFile(plan.controlFile, controlFile);
    if (sync) {
      await fsyncPath(writer.abs('global'));
      await fsyncPath(targetDir);
    }
    report.status = 'success';
    return report;
  } catch (err) {
    report.error = isCatchupError(err)
      ? { code: err.code, message: err.message, fix: err.fix }
      : { code: 'internal', message: errorMessage(err) };
    throw Object.assign(err as object, { report });
  } finally {
    await receiver?.abort();
    await repl?.close();
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    report.durationMs = Date.now() - startedAt.getTime();
  }
}

async function walSegmentSize(client: Client): Promise<number> {
  const res = await client.query<{ setting: string }>("SELECT setting FROM pg_settings WHERE name = 'wal_segment_size'");
  return Number(res.rows[0].setting);
}

async function readWholeFile(client: Client, relPath: string): Promise<Buffer> {
  const size = PG_CONTROL_FILE_SIZE;
  let content: Buffer | null = null;
  await readRanges(client, [{ path: relPath, offset: 0, length: size }], async (_i, _o, data) => {
    content = data;
  });
  if (!content) throw new CatchupError('read-failed', `Could not read ${relPath} from the source.`, 'Check pg_read_binary_file privileges.');
  return content;
}

/** A torn or foreign pg_control must never become the target's: check CRC and identity first. */
function checkControlFileIdentity(content: Buffer, systemIdentifier: string): void {
  const parsed = parsePgControl(content, "the source's global/pg_control");
  if (parsed.systemIdentifierText !== systemIdentifier) {
    throw new CatchupError('identity-mismatch',
      `The source's pg_control has system identifier ${parsed.systemIdentifierText}, but its replication connection reports ${systemIdentifier}.`,
      'The connections reached different clusters (a load balancer or pooler in between?): point pg-catchup at one server directly.');
  }
}

async function writeRecoveryConf(writer: TargetWriter, conninfo: string): Promise<void> {
  await writer.writeFile('standby.signal', '');
  const autoConf = writer.abs('postgresql.auto.conf');
  const existing = await fsp.readFile(autoConf, 'utf8').catch(() => '');
  await writer.writeFile('postgresql.auto.conf', existing + (existing.endsWith('\n') || existing === '' ? '' : '\n') + autoConfLines(conninfo));
}

export function formatBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(u === 0 ? 0 : 1)} ${units[u]}`;
}
