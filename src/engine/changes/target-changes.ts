import { CatchupError } from '../errors';
import type { Logger } from '../log';
import type { DiscardedWorkCollector } from '../divergence/discarded-work';
import type { ReferenceDecision } from '../divergence/reference-decision';
import { relationMainForkBytes, relationMainForks, tablespaceVersionDir } from '../pgdata/listing-relations';
import { scanLocalChangedBlocks } from '../pgdata/page-lsn-scan';
import { readPgWalHistory } from '../pgdata/pg-wal-history';
import type { TargetEntry } from '../pgdata/target-listing';
import type { TargetState } from '../pgdata/target-state';
import { formatBytes } from '../report/format-bytes';
import { formatLsn } from '../wal/lsn';
import { timelineOfLsn } from '../wal/timeline-history';
import { countBlocks, FoundChanges } from './change-source';
import { ChangeSourceError, chooseChangeSource, localPageScanEstimate, TargetMethod, targetWalEstimate } from './choice';
import { targetWalChanges, withWholeFiles } from './wal-block-references';

/**
 * Design rule 4, target half: the blocks a diverged target changed on its own branch since R,
 * found before the first write (the run empties the target's pg_wal). From the target's WAL, as
 * pg_rewind does, when that is cheaper than reading its data files and the WAL is all there;
 * otherwise by page LSN. Null for a target that did not diverge. A scan of the target's WAL also
 * feeds `discarded`, so what the rewind throws away is counted without reading the WAL twice.
 */
export async function findTargetChanges(
  target: TargetState, decision: ReferenceDecision, targetListing: TargetEntry[], forced: TargetMethod | undefined, logger: Logger,
  discarded?: DiscardedWorkCollector,
): Promise<FoundChanges | null> {
  if (!decision.divergence.diverged) return null;
  const R = decision.referenceLsn;
  const relationBytes = relationMainForkBytes(targetListing);
  const walBytes = Number(decision.position.lsn > R ? decision.position.lsn - R : 0n);
  let choice;
  try {
    choice = chooseChangeSource<TargetMethod>('target', [
      target.marker
        ? { method: 'target-wal', estimate: null, unavailable: "the interrupted run emptied the target's pg_wal" }
        : { method: 'target-wal', estimate: targetWalEstimate(walBytes) },
      { method: 'page-scan', estimate: localPageScanEstimate(relationBytes) },
    ], forced);
  } catch (err) {
    if (err instanceof ChangeSourceError) throw new CatchupError('change-source', err.message, 'Drop --change-source to let pg-catchup choose.');
    throw err;
  }

  let fallback: string | null = null;
  if (choice.method === 'target-wal') {
    const history = readPgWalHistory(target.dir, decision.position.tli) ?? [];
    const res = await targetWalChanges({
      pgdata: target.dir, fromLsn: R, timelineForLsn: (lsn) => timelineOfLsn(history, decision.position.tli, lsn),
      systemIdentifier: target.control.systemIdentifier, walSegmentSize: target.control.walSegmentSize, blockSize: target.control.blockSize,
      relsegSize: target.control.relsegSize, tablespaceVersionDir: tablespaceVersionDir(targetListing, target.majorVersion), mustReach: decision.position.lsn,
      observe: discarded && ((record) => discarded.add(record)),
    });
    if (res.complete) {
      if (discarded) discarded.sharedScanEnd = res.endLsn;
      const changed = withWholeFiles(res.changed, res.wholeFiles, res.wholeDirectories, targetListing, target.control.blockSize);
      const blocks = countBlocks(changed);
      logger.info(`target changes: ${res.records} records of the target's WAL from ${formatLsn(R)} (${formatBytes(res.walBytes)}) reference ${blocks} blocks; 0 data files scanned`);
      return {
        changed,
        record: {
          side: 'target', method: 'target-wal', filesScanned: 0, blocksFound: blocks, bytesRead: res.walBytes, estimate: choice.estimate, reason: choice.reason,
          detail: `block references of the target's WAL ${formatLsn(R)}..${formatLsn(res.endLsn)} (its branch after the fork, read as pg_rewind reads it)`,
        },
      };
    }
    if (forced) {
      throw new CatchupError('change-source', `--change-source target=target-wal is not possible: ${res.reason}.`, "Drop --change-source to let pg-catchup scan the target's pages instead.");
    }
    fallback = `the target's WAL from R is incomplete (${res.reason}), so its pages are scanned instead`;
    logger.info(`target changes: ${fallback}`);
  }
  const files = targetListing.filter((e) => !e.isDir && !e.isSymlink);
  const changed = scanLocalChangedBlocks(target.dir, files, R, target.control.blockSize);
  return {
    changed,
    record: {
      side: 'target', method: 'page-scan', filesScanned: relationMainForks(targetListing).length, blocksFound: countBlocks(changed), bytesRead: relationBytes,
      estimate: localPageScanEstimate(relationBytes), reason: fallback ?? choice.reason,
      detail: `the target's own pages with LSN >= ${formatLsn(R)} (its branch after the fork)`,
    },
  };
}
