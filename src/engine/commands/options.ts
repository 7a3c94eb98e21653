import type { CommandRunner } from '../command-runner';
import type { ForcedChangeSources } from '../changes/choice';
import type { SyncMethod } from '../copy/file-system-sync';
import type { Logger } from '../log';
import type { SourceConnectionOptions } from '../source/connection-options';
import type { LayoutRequest } from './target-layout';
import type { CompressSpec } from '../source/base-backup/compress-spec';

/** What the commands take: the engine's options, as the CLI and the action fill them in. */

/** Options every mode takes. */
export interface CommonCatchupOptions extends LayoutRequest {
  targetDir: string;
  /** The source server; with sourcePgdata, only the server the target follows with -R (never connected to). */
  source?: SourceConnectionOptions;
  /** --source-pgdata: a stopped data directory on this host as the source, read directly. */
  sourcePgdata?: string;
  /** libpq's PG* variables; the adapter passes process.env, the engine reads no environment itself. */
  env?: Record<string, string | undefined>;
  threads?: number;
  writeRecoveryConf?: boolean;
  /** Put the connection's password into primary_conninfo (otherwise the standby relies on .pgpass). */
  storePassword?: boolean;
  sync?: boolean;
  logger?: Logger;
  /** Warnings of the preflight checks stop the run too. */
  failOnWarning?: boolean;
  /**
   * Worker threads verifying page checksums (--num-validate-threads). Default 0, the main thread:
   * the SIMD check (12 GB/s) costs less than posting the pages to a thread (FULL of 1.4 GB:
   * 2.4 s inline, 3.2 s with one worker).
   */
  validateThreads?: number;
  /** --max-rate: bytes per second of file data read from the source (WAL is not capped). */
  maxRateBytesPerSecond?: number;
  /** --sync-method: an fsync per file (default), or one syncfs per file system (Linux). */
  syncMethod?: SyncMethod;
}

export interface FullCatchupOptions extends CommonCatchupOptions {
  /**
   * An interrupted FULL that cannot be resumed safely (a source without data checksums or
   * wal_log_hints, or foreign files in the target) is deleted and copied again only with this.
   */
  startOver?: boolean;
  /** false: skip the free-space check before the first write (a full disk then fails the run, which resumes later). */
  spaceCheck?: boolean;
  /**
   * --compress: compressed BASE_BACKUP (server side) or COPY reads; auto (the default) decides
   * (source/server/compression-choice.ts). Parse it with parseCompressSpec.
   */
  compress?: CompressSpec;
}

export interface DeltaCatchupOptions extends CommonCatchupOptions {
  /**
   * --compress for PTRACK through the server's incremental backup (17+): whether the server
   * compresses the changed blocks it sends, by FULL's rule (auto by default). DELTA and rewind
   * read blocks over SQL, which cannot be compressed.
   */
  compress?: CompressSpec;
  /** Build and report the plan; change nothing. */
  dryRun?: boolean;
  /** -c: fetch target WAL that pg_wal no longer has through the target's restore_command. */
  restoreTargetWal?: boolean;
  /** Runs postgres (-C, --single) and restore_command; the adapters pass one built on @actions/exec. */
  runner?: CommandRunner;
  /** Where the target version's postgres binary is, when not in a standard place. */
  targetBinDir?: string;
  /** The target's history cannot be verified on the source: sync it as possibly diverged. */
  assumeDiverged?: boolean;
  /**
   * --source-restore-command: a restore_command (%f, %p) that fetches the source's archived WAL,
   * for proving the target's history when the source recycled that WAL and the target has no
   * restore_command of its own (or to use another archive).
   */
  sourceRestoreCommand?: string;
  /**
   * --dry-run-checkpoint: a dry run that first makes the source checkpoint (through a backup
   * start and stop, as the real run's backup start does), so its page scan sees what the real
   * run's will. Changes nothing on the target; implies dryRun.
   */
  dryRunCheckpoint?: boolean;
  /** Hidden (tests, bench): the change source each side must use instead of the cheapest. */
  changeSources?: ForcedChangeSources;
  /** --keep-discarded-wal: keep the diverged target's WAL from the fork on in this directory. */
  keepDiscardedWal?: string;
}

/** pg_rewind's command line on the same engine. */
export interface RewindOptions extends DeltaCatchupOptions {
  /** Bring an uncleanly stopped target to a clean state first (pg_rewind's default). */
  ensureShutdown?: boolean;
}
