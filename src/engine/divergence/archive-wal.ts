/**
 * The source's WAL from its archive, for the same-timeline proof when the source itself no
 * longer has it (a standby that fell behind the primary's retention). A lagging standby
 * usually restores from the archive its primary fills, so the target's restore_command reaches
 * the source's WAL; --source-restore-command names one when the target has none (or to use
 * another archive). The segments are fetched into a private temporary directory, never into
 * the target, and checked like any WAL the reader decodes (page headers, system identifier,
 * record CRCs): an archive of another cluster proves nothing.
 */

import type { CommandRunner } from '../command-runner';
import { CatchupError } from '../errors';
import { ownerForTarget } from '../pgdata/file-owner';
import { RestoreCommandSource } from '../pgdata/restore-command-source';
import { findPostgresBinary, targetRestoreCommand } from '../pgdata/single-user-recovery';
import type { TargetState } from '../pgdata/target-state';
import type { WalSegmentSource } from '../wal/wal-reader';

/** Which archive proved the history, as the report's `history` says it. */
export type ArchiveProof = 'archive via --source-restore-command' | "archive via the target's restore_command";

export interface ArchiveWalOptions {
  /** --source-restore-command: the source's archive, as a restore_command (%f, %p). */
  sourceRestoreCommand?: string;
  runner?: CommandRunner;
  targetBinDir?: string;
}

export interface ArchiveWal {
  source: WalSegmentSource;
  proof: ArchiveProof;
  /** The command, for messages. */
  command: string;
  /** Segment files fetched so far. */
  restored(): string[];
  close(): void;
}

/** Nothing local: every segment comes from the command. */
const noLocalWal = (segSize: number): WalSegmentSource => ({ segSize, read: async () => null });

/**
 * The archive to read the source's WAL from, or why there is none (a sentence for the
 * refusal). --source-restore-command wins over the target's restore_command: it is what the
 * operator named for this run.
 */
export async function openArchiveWal(target: TargetState, opts: ArchiveWalOptions): Promise<ArchiveWal | { unavailable: string }> {
  if (!opts.runner) return { unavailable: 'no command runner to run restore_command (the engine was called without one)' };
  const owner = ownerForTarget(target.dir);
  let command = opts.sourceRestoreCommand?.trim() ?? '';
  let proof: ArchiveProof = 'archive via --source-restore-command';
  if (command === '') {
    try {
      const postgres = await findPostgresBinary(target.majorVersion, opts.runner, opts.targetBinDir);
      command = await targetRestoreCommand(target.dir, postgres, owner, opts.runner);
    } catch (err) {
      if (!(err instanceof CatchupError)) throw err;
      return {
        unavailable: err.code === 'no-restore-command'
          ? 'the target has no restore_command to reach an archive, and --source-restore-command was not given'
          : `the target's restore_command could not be read (${err.message}), and --source-restore-command was not given`,
      };
    }
    proof = "archive via the target's restore_command";
  }
  const restoring = new RestoreCommandSource(noLocalWal(target.control.walSegmentSize), command, opts.runner, owner);
  return {
    source: restoring, proof, command,
    restored: () => restoring.restored,
    close: () => restoring.close(),
  };
}
