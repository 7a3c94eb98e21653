import type { Client } from 'pg';
import type { CatchupError } from '../errors';
import type { CheckResult } from '../preflight/check';
import type { CopyMethodDecision } from '../preflight/copy-method';
import type { SourceServerInfo } from '../preflight/source-version';
import type { RelationFileKey } from '../pgdata/relation-path';
import type { Lsn } from '../wal/lsn';
import type { TimelineHistoryEntry } from '../wal/timeline-history';
import type { WalSegmentSource } from '../wal/wal-reader';
import type { ConnectionReport } from './connection/connection-report';
import type { SourceCopy } from './source-copy';
import type { SourceFiles } from './source-files';
import type { SystemIdentity } from './replication-connection';
import type { RelationFileNames } from './server/relation-names';
import type { ScanRange } from './server/page-lsn-scan';
import type { WalFile } from './server/source-wal-files';

/**
 * The source of a run, as pg_rewind's rewind_source: one set of operations, two implementations:
 * a running server reached through connections (server/server-source.ts) and a cleanly stopped
 * data directory on this host (stopped/stopped-source.ts). Commands, change detection and the
 * divergence checks use only this. What only a server can do (SQL for change tracking) is an
 * operation the stopped directory refuses with the reason.
 */
export interface Source {
  /** How reports and messages name the source. */
  readonly display: string;
  /** Its files: what planning and copying read. */
  readonly files: SourceFiles;
  readonly info: SourceServerInfo;
  readonly identity: SystemIdentity;
  readonly history: TimelineHistoryEntry[];
  readonly segSize: number;
  readonly blockSize: number;
  /** Blocks per relation segment file (RELSEG_SIZE). */
  readonly relsegSize: number;
  /** Data checksums are on: every copied page can be verified (rule 9). */
  readonly dataChecksums: boolean;
  /** Where its pages are read, for messages and cost estimates: on the server, or here from disk. */
  readonly pagesReadHere: boolean;
  /** Why its pages no longer change (a stopped directory: no WAL of it needs replaying), or null. */
  readonly pagesFinal: string | null;

  /** Blocks with page LSN >= R, or new, within each range. */
  scanChangedBlocks(ranges: ScanRange[], referenceLsn: Lsn): Promise<Map<string, number[]>>;
  /** Bytes of its databases: what a FULL copies. */
  dataBytes(): Promise<number>;
  /** Refuses a target that is its data directory or a tablespace of it, or lies inside or around one. */
  checkTargetApart(targetDir: string): Promise<CheckResult>;
  /** wal_log_hints or data checksums: a hint-bit-only change carries a new page LSN. */
  logsHints(): Promise<boolean>;
  /** Its WAL on timeline `tli` covering [from, to), or null when it no longer has it. */
  walAt(tli: number, from: Lsn, to: Lsn): Promise<WalSegmentSource | null>;
  /** Who holds its WAL, in messages: "the source" or "the source's pg_wal". */
  readonly walHolder: string;
  /** Names for databases and relation files, from its catalogs where it can answer. */
  nameRelations(files: RelationFileKey[], dbOids: number[]): Promise<RelationFileNames>;
  /** A SQL session, for what only a running server answers; refuses naming `what` otherwise. */
  sql(what: string): Client;
  /**
   * Its own WAL, readable here to its end (a stopped directory's pg_wal), for its block
   * references; or why not.
   */
  ownWal(): OwnWal | { unavailable: string };
  /** Which of these WAL segment files it no longer has, said in one line; null when it has them all. */
  missingWal(files: WalFile[]): Promise<string | null>;
  /** The consistent copy (backup session and WAL stream, files only, or the stopped files and their WAL). */
  copy: SourceCopy;
  /** A server's: which copy the role's privileges allow, and why (a stopped directory has no choice). */
  readonly copyMethod?: CopyMethodDecision;
  /** Which server the connections went to and how (TLS), for the report; none for a stopped directory. */
  connectionReport(): ConnectionReport | undefined;
  /** A lost source said in one line, or null when `err` is something else. */
  explainLoss(err: unknown): Promise<CatchupError | null>;
  close(): Promise<void>;
}

/** How a source is opened: the checks it runs depend on the mode. */
export interface SourceOpenOptions {
  /** PTRACK needs change tracking; other modes only report it. */
  mode: string;
  failOnWarning?: boolean;
}

/** A source's own WAL on this host. */
export interface OwnWal {
  dir: string;
  majorVersion: number;
  systemIdentifier: bigint;
  timeline: number;
  history: TimelineHistoryEntry[];
  /** No page on its disk has a newer LSN. */
  end: Lsn;
}
