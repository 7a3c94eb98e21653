import path from 'path';
import type { Client } from 'pg';
import { CatchupError } from '../../errors';
import { scanLocalChangedBlocks } from '../../pgdata/page-lsn-scan';
import { assertChecksPass, CheckResult } from '../../preflight/check';
import { checkSourceVersion, SourceServerInfo } from '../../preflight/source-version';
import { checkTargetApart } from '../../preflight/target-not-source';
import { formatLsn, Lsn } from '../../wal/lsn';
import { localWalDirSource } from '../../wal/local-wal-source';
import type { TimelineHistoryEntry } from '../../wal/timeline-history';
import type { WalSegmentSource } from '../../wal/wal-reader';
import type { SystemIdentity } from '../replication-connection';
import type { SourceCopy } from '../source-copy';
import type { SourceFiles } from '../source-files';
import type { OwnWal, Source, SourceOpenOptions } from '../source';
import type { RelationFileNames } from '../server/relation-names';
import type { ScanRange } from '../server/page-lsn-scan';
import type { WalFile } from '../server/source-wal-files';
import { LocalSource, localSourceFiles, missingLocalWal, openLocalSource } from './local-pgdata';
import { runStoppedSourceCopy } from './stopped-copy';

/**
 * A cleanly stopped data directory on this host as the source (--source-pgdata): everything is
 * read from its files here; nothing connects, and nothing is written into it.
 */
export class StoppedSource implements Source {
  readonly pagesReadHere = true;
  readonly pagesFinal = "a stopped source's pages are final: nothing writes them or recycles its WAL while the run reads them";
  readonly walHolder = "the source's pg_wal";
  readonly copy: SourceCopy = (writer, opts, makePlan) => runStoppedSourceCopy(this, writer, opts, makePlan);
  readonly files: SourceFiles;
  readonly info: SourceServerInfo;

  constructor(readonly local: LocalSource, threads: number) {
    this.files = localSourceFiles(local.dir, threads);
    this.info = {
      versionNum: local.majorVersion * 10000, major: local.majorVersion, versionText: `${local.majorVersion} (stopped data directory)`,
      inRecovery: local.control.state === 'shut down in recovery', postmasterStart: '',
    };
  }

  get display(): string {
    return `stopped data directory ${this.local.dir}`;
  }

  get identity(): SystemIdentity {
    return { systemIdentifier: this.local.control.systemIdentifierText, timeline: this.local.timeline, walPosition: this.local.walEnd };
  }

  get history(): TimelineHistoryEntry[] {
    return this.local.history;
  }

  get segSize(): number {
    return this.local.control.walSegmentSize;
  }

  get blockSize(): number {
    return this.local.control.blockSize;
  }

  get relsegSize(): number {
    return this.local.control.relsegSize;
  }

  get dataChecksums(): boolean {
    return this.local.control.dataChecksumVersion > 0;
  }

  async scanChangedBlocks(ranges: ScanRange[], referenceLsn: Lsn): Promise<Map<string, number[]>> {
    return scanLocalChangedBlocks(this.local.dir, ranges.map((r) => ({ path: r.path, size: r.length })), referenceLsn, this.blockSize, { newPages: true });
  }

  /** The files' sizes outside pg_wal. */
  async dataBytes(): Promise<number> {
    return (await this.files.list()).filter((e) => !e.isDir && !e.path.startsWith('pg_wal/')).reduce((n, e) => n + e.size, 0);
  }

  async checkTargetApart(targetDir: string): Promise<CheckResult> {
    return checkTargetApart(targetDir, this.local.dir, (await this.files.tablespaces()).map((t) => t.location));
  }

  async logsHints(): Promise<boolean> {
    return this.dataChecksums || this.local.control.walLogHints;
  }

  /** Its pg_wal, read whole: a segment it no longer has shows as a missing segment when read. */
  async walAt(): Promise<WalSegmentSource> {
    return localWalDirSource(path.join(this.local.dir, 'pg_wal'), this.segSize);
  }

  async nameRelations(): Promise<RelationFileNames> {
    return { databases: new Map(), relations: new Map(), notes: ["relations are named from a running source's catalogs, and this source is a stopped data directory: relfilenodes only"] };
  }

  sql(what: string): Client {
    throw new CatchupError('source-not-running', `${what} needs a running source server, and the source is a stopped data directory (${this.display}).`,
      'Start the source and use --source-server instead of --source-pgdata.');
  }

  ownWal(): OwnWal {
    const { local } = this;
    return {
      dir: local.dir, majorVersion: local.majorVersion, systemIdentifier: local.control.systemIdentifier,
      timeline: local.timeline, history: local.history, end: local.walEnd,
    };
  }

  /** Which of these segments its pg_wal lacks whole (a target replaying from R needs them). */
  async missingWal(files: WalFile[]): Promise<string | null> {
    return missingLocalWal(this.local.dir, files, this.segSize);
  }

  connectionReport(): undefined {
    return undefined;
  }

  async explainLoss(): Promise<null> {
    return null;
  }

  async close(): Promise<void> {
    // Nothing is held open.
  }
}

/**
 * A stopped data directory on this host: identity, history and layout from its pg_control and
 * pg_wal; no connection, no backup session. PTRACK needs a server's change tracking.
 */
export async function openStoppedSource(dir: string, targetDir: string, threads: number, checks: CheckResult[], opts: SourceOpenOptions): Promise<StoppedSource> {
  const check = { id: 'source-reachable', title: 'Source is reachable' };
  let local: LocalSource;
  try {
    if (opts.mode === 'PTRACK') {
      throw new CatchupError('ptrack-unavailable', 'PTRACK reads the change tracking of a running server, and --source-pgdata names a stopped data directory.',
        'Use -b DELTA with --source-pgdata (it finds the changed blocks itself), or start the source and use PTRACK with a connection.');
    }
    local = await openLocalSource(dir, targetDir);
  } catch (err) {
    checks.push({ ...check, status: 'fail', detail: (err as Error).message, fix: (err as { fix?: string }).fix });
    throw err;
  }
  const c = local.control;
  checks.push({ ...check, status: 'pass', detail: `stopped data directory ${local.dir} ("${c.state}" at ${formatLsn(c.checkpointLsn)} on timeline ${local.timeline})` });
  const source = new StoppedSource(local, threads);
  checks.push(checkSourceVersion(source.info));
  assertChecksPass(checks, opts.failOnWarning);
  return source;
}
