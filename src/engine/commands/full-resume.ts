import fs from 'fs';
import path from 'path';
import { CatchupError } from '../errors';
import type { Logger } from '../log';
import type { CheckResult } from '../preflight/check';
import { CatchupMarker, LOCK_FILE, OWN_FILES } from '../pgdata/catchup-marker';
import { readResumeJournal, ResumeJournal, rewriteResumeJournal } from '../pgdata/completed-files';
import { isRelationMainFork, relationMainForks } from '../pgdata/listing-relations';
import { KeptPart, keptPartOf } from '../pgdata/partly-written-file';
import { listTarget } from '../pgdata/target-listing';
import type { Plan } from '../plan/plan';
import { planDelta } from '../plan/plan-delta';
import type { LayoutOptions } from '../plan/plan-full';
import type { SourceEntry } from '../plan/plan';
import { formatLsn } from '../wal/lsn';
import { formatBytes } from '../report/format-bytes';
import type { Source } from '../source/source';

/** An interrupted FULL is no obstacle to FULL, which resumes it: the target-empty check says so. */
export function resumableFullCheck(marker: CatchupMarker): CheckResult {
  return { id: 'target-empty', title: 'Target directory is empty', status: 'pass', detail: `it holds a FULL interrupted at its run started ${marker.startedAt} (PID ${marker.pid}): this run resumes it` };
}

/** What an interrupted FULL left that a rerun keeps. */
export interface FullResume {
  marker: CatchupMarker;
  /** Files the interrupted run finished (journal), still present: path -> size. */
  kept: Map<string, number>;
  /** Relation files it was still writing, cut to the blocks kept of them: path -> what was kept. */
  partial: Map<string, KeptPart>;
}

/**
 * Checks that the interrupted FULL in `targetDir` can be resumed against this source, then
 * removes what it had not finished, before anything else is written: every file the journal
 * does not name (its WAL, its backup_label), so the rerun copies those again; of a relation file
 * it was still writing only the blocks that prove themselves stay (partly-written-file.ts).
 * Refuses a different source system, files the interrupted run cannot have written, and a
 * source that does not WAL-log hint bits (then a kept page could differ from the source's
 * without a newer LSN), unless the user asked to start over.
 */
export async function prepareFullResume(targetDir: string, marker: CatchupMarker, source: Source, startOver: boolean, logger: Logger): Promise<FullResume> {
  if (marker.sourceSystemIdentifier !== source.identity.systemIdentifier) {
    throw new CatchupError('resume-other-source',
      `The target holds an interrupted FULL from source system ${marker.sourceSystemIdentifier}, but this source is system ${source.identity.systemIdentifier}.`,
      'Point the run at the source the interrupted FULL copied, or empty the target yourself and run FULL again.');
  }
  const sourcePaths = new Set((await source.files.list()).map((e) => e.path));
  const onTarget = listTarget(targetDir).filter((e) => !e.isDir && !OWN_FILES.includes(e.path));
  const foreign = onTarget.filter((e) => !sourcePaths.has(e.path) && !isOwnLeftover(e.path));
  if (foreign.length > 0 && !startOver) {
    throw new CatchupError('resume-foreign-files',
      `The target holds an interrupted FULL, but also files that run did not write: ${foreign.slice(0, 3).map((e) => e.path).join(', ')}${foreign.length > 3 ? ` and ${foreign.length - 3} more` : ''}.`,
      'Something else wrote into the target since: check what, then rerun with --start-over to delete it all and copy everything again.');
  }
  const hints = await source.logsHints();
  if (!hints && !startOver) {
    throw new CatchupError('resume-unsafe',
      'The source has neither data checksums nor wal_log_hints, so a page that changed only by hint bits after the interrupted FULL started keeps its old LSN: the files it finished cannot be proven current.',
      'Rerun with --start-over to delete what the interrupted FULL wrote and copy everything again (or turn on wal_log_hints on the source: ALTER SYSTEM SET wal_log_hints = on, then restart it).');
  }
  const journal: ResumeJournal = startOver ? { done: new Map(), durable: new Map() } : readResumeJournal(targetDir);
  const kept = new Map<string, number>();
  const partial = new Map<string, KeptPart>();
  const removed: string[] = [];
  for (const e of onTarget) {
    const size = journal.done.get(e.path);
    if (size !== undefined && size === e.size) {
      kept.set(e.path, size);
      continue;
    }
    const part = !startOver && sourcePaths.has(e.path) && isRelationMainFork(e.path)
      ? keptPartOf(path.join(targetDir, e.path), e.path, e.size, { blockSize: source.blockSize, relsegSize: source.relsegSize, dataChecksums: source.dataChecksums, durableBytes: journal.durable.get(e.path) ?? 0 })
      : null;
    if (part && part.length > part.rejected.length * source.blockSize) partial.set(e.path, part);
    else removed.push(e.path);
  }
  // The journal first says only what stays (true before the cuts and removals as after them: a cut
  // file's kept part is still covered by the old fsync), so that no line outlives its file even if
  // this run dies in between, and a file removed and copied anew is never trusted by an old line.
  rewriteResumeJournal(targetDir, {
    done: kept,
    durable: new Map(source.dataChecksums ? [] : [...partial].map(([p, part]) => [p, part.length])),
  });
  for (const p of removed) fs.rmSync(path.join(targetDir, p), { force: true });
  for (const [p, part] of partial) fs.truncateSync(path.join(targetDir, p), part.length);
  if (startOver) {
    logger.info(`--start-over: removed what the interrupted FULL (started ${marker.startedAt}) wrote; everything is copied again`);
  }
  return { marker, kept, partial };
}

/**
 * The resumed copy, decided after the new backup started: kept files are brought up to date as
 * in DELTA with R = the interrupted run's start LSN (every page changed since it was read has a
 * newer LSN: hint bits included, as the source logs them), the rest is copied whole.
 */
export async function planFullResume(resume: FullResume, source: Source, targetDir: string, layout: LayoutOptions, logger: Logger): Promise<ResumedPlan> {
  const sourceListing: SourceEntry[] = await source.files.list();
  const targetListing = listTarget(targetDir).filter((e) => !e.path.startsWith('pg_wal/'));
  const R = resume.marker.referenceLsn;
  const relations = relationMainForks(targetListing);
  const kept = relations.filter((e) => resume.kept.has(e.path));
  const partial = relations.filter((e) => resume.partial.has(e.path));
  // The kept blocks of a partly written file are as old as a kept file's: the same scan finds those to copy again.
  const changed = await source.scanChangedBlocks([...kept, ...partial].map((e) => ({ path: e.path, length: e.size })), R);
  for (const e of partial) {
    const rejected = resume.partial.get(e.path)!.rejected;
    if (rejected.length > 0) changed.set(e.path, [...(changed.get(e.path) ?? []), ...rejected]);
  }
  const plan = planDelta({
    source: sourceListing, target: targetListing, blockSize: source.blockSize, sourceChanged: changed,
    protectedPaths: OWN_FILES, layout,
  });
  const keptBytes = kept.reduce((sum, e) => sum + e.size, 0);
  const keptPartialBytes = partial.reduce((sum, e) => sum + keptBlockBytes(resume.partial.get(e.path)!, source.blockSize), 0);
  const partly = partial.length === 0 ? ''
    : ` and ${formatBytes(keptPartialBytes)} of ${partial.length} partly written file(s) (${source.dataChecksums ? 'blocks whose checksum verifies' : 'what its fsyncs covered'})`;
  logger.info(`resumed: ${kept.length} files / ${formatBytes(keptBytes)}${partly} kept from the interrupted run (started ${resume.marker.startedAt}), brought up to date from ${formatLsn(R)}; ${formatBytes(plan.bytesToCopy)} to copy`);
  // Only relation files are really kept (patched): every other file is copied whole on every run.
  return { plan, keptFiles: kept.length, keptBytes, keptPartialFiles: partial.length, keptPartialBytes };
}

export interface ResumedPlan {
  plan: Plan;
  /** Files the interrupted run finished, kept. */
  keptFiles: number;
  keptBytes: number;
  /** Files it was still writing of which blocks were kept, and the bytes of those blocks. */
  keptPartialFiles: number;
  keptPartialBytes: number;
}

function keptBlockBytes(part: KeptPart, blockSize: number): number {
  return part.length - part.rejected.length * blockSize;
}

/** Files a FULL writes that are not in the source's listing: its WAL, backup_label, recovery settings, and temporary files. */
function isOwnLeftover(p: string): boolean {
  return p.startsWith('pg_wal/') || ['backup_label', 'tablespace_map', 'standby.signal', 'postgresql.auto.conf'].includes(p) || p.endsWith('.pg_catchup.tmp') || p.startsWith(`${LOCK_FILE}.`);
}
