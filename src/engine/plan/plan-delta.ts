import { classifyEntries, isMacOsFile } from '../pgdata/exclusions';
import { isRelationMainFork } from '../pgdata/listing-relations';
import type { TargetEntry } from '../pgdata/target-listing';
import type { SourceEntry } from './plan';
import { isExcludedByUser } from './exclude-paths';
import { assertCopyableListing, byDepthThenName, LayoutOptions, linkedTablespaces, NO_LAYOUT, splitListing } from './plan-full';
import { BlockPatch, CONTROL_FILE, FileCopy, Plan, planBytes } from './plan';

export interface DeltaInputs {
  source: SourceEntry[];
  target: TargetEntry[];
  blockSize: number;
  /** Source blocks whose page LSN >= R (or that are new pages), per file. */
  sourceChanged: Map<string, number[]>;
  /** Target blocks whose page LSN >= R, per file: only when the target diverged (rule 4). */
  targetChanged?: Map<string, number[]>;
  /** Target paths never deleted or overwritten (our marker, lock, the pg_control set aside). */
  protectedPaths: string[];
  /** Tablespace placements and --exclude-path (excluded paths are protected with everything below them). */
  layout?: LayoutOptions;
}

const depth = (p: string) => p.split('/').length;

/** A file patched block by block: the main fork of a relation present on both sides. */
const isPatchable = isRelationMainFork;

/** Which source files to scan for changed blocks, and how far: only what the target already has. */
export function patchCandidates(source: SourceEntry[], target: TargetEntry[], blockSize: number): Array<{ path: string; length: number }> {
  const targetFiles = new Map(target.filter((e) => !e.isDir && !e.isSymlink).map((e) => [e.path, e.size]));
  const out: Array<{ path: string; length: number }> = [];
  for (const e of classifyEntries(source).keep) {
    const targetSize = targetFiles.get(e.path);
    if (e.isDir || targetSize === undefined || !isPatchable(e.path)) continue;
    const length = Math.min(e.size, Math.floor(targetSize / blockSize) * blockSize);
    if (length > 0) out.push({ path: e.path, length });
  }
  return out;
}

/**
 * DELTA (design rule 5): relation main forks patched with the blocks that can differ, every
 * other file copied whole, files only on the target removed. Pure: the scans are inputs.
 */
export function planDelta(input: DeltaInputs): Plan {
  const layout = input.layout ?? NO_LAYOUT;
  assertCopyableListing(input.source, layout.tablespaces);
  const { keep, skipped } = splitListing(input.source, layout.excludePaths);
  const protectedSet = new Set(input.protectedPaths);
  // .DS_Store paths are pg_rewind's to leave alone on the target too (a directory holding one stays).
  const keptMacOsFiles = input.target.filter((e) => isMacOsFile(e.path)).map((e) => e.path);
  const holdsMacOsFile = (p: string) => keptMacOsFiles.some((k) => k.startsWith(`${p}/`));
  const isProtected = (p: string) => protectedSet.has(p) || isExcludedByUser(p, layout.excludePaths) || isMacOsFile(p);
  const links = linkedTablespaces(layout.tablespaces);
  const sourceByPath = new Map(keep.map((e) => [e.path, e]));
  const targetByPath = new Map(input.target.map((e) => [e.path, e]));
  const bs = input.blockSize;

  const deletions: string[] = [];
  for (const t of input.target) {
    if (isProtected(t.path) || (t.isDir && holdsMacOsFile(t.path))) continue;
    const s = sourceByPath.get(t.path);
    // A link is kept only where the source has a directory PostgreSQL reaches through one (listTarget follows just those).
    const sameKind = s && s.isDir === t.isDir && (!t.isSymlink || t.isDir);
    if (!sameKind && t.path !== CONTROL_FILE) deletions.push(t.path);
  }
  const deleted = new Set(deletions);
  const present = (p: string) => targetByPath.has(p) && !deleted.has(p);

  const tablespaceLinks = [...links.values()].filter((l) => !present(l.linkPath));
  const directories = keep.filter((e) => e.isDir && !present(e.path) && !links.has(e.path)).map((e) => e.path).sort(byDepthThenName);
  const files: FileCopy[] = [];
  const patches: BlockPatch[] = [];
  for (const s of keep) {
    if (s.isDir || s.path === CONTROL_FILE || isProtected(s.path)) continue;
    const t = targetByPath.get(s.path);
    if (!t || !present(s.path) || !isPatchable(s.path)) {
      files.push({ path: s.path, size: s.size });
      continue;
    }
    const patch = patchFor(s.path, s.size, t.size, bs, input.sourceChanged.get(s.path) ?? [], input.targetChanged?.get(s.path) ?? []);
    // Unchanged files (no block to copy, same size) are not part of the plan.
    if (patch.ranges.length > 0 || patch.sourceSize !== patch.targetSize) patches.push(patch);
  }
  return {
    mode: 'DELTA',
    tablespaceLinks,
    directories,
    files,
    patches,
    // Files before directories, and children before parents, so every removal finds its directory empty.
    deletions: deletions.sort((a, b) => Number(targetByPath.get(a)!.isDir) - Number(targetByPath.get(b)!.isDir) || depth(b) - depth(a) || (a < b ? -1 : 1)),
    skipped,
    controlFile: CONTROL_FILE,
    bytesToCopy: planBytes(files, patches),
  };
}

export function patchFor(path: string, sourceSize: number, targetSize: number, bs: number, sourceChanged: number[], targetChanged: number[]): BlockPatch {
  const sourceBlocks = Math.ceil(sourceSize / bs);
  // A torn last block on the target (size not a multiple of the block size) counts as missing.
  const targetBlocks = Math.floor(targetSize / bs);
  const selected = new Set<number>();
  let sourceCount = 0;
  let targetCount = 0;
  for (const b of sourceChanged) if (b < sourceBlocks && !selected.has(b)) { selected.add(b); sourceCount++; }
  for (const b of targetChanged) if (b < sourceBlocks && !selected.has(b)) { selected.add(b); targetCount++; }
  let beyond = 0;
  for (let b = targetBlocks; b < sourceBlocks; b++) if (!selected.has(b)) { selected.add(b); beyond++; }

  const ranges: BlockPatch['ranges'] = [];
  for (const b of [...selected].sort((x, y) => x - y)) {
    const offset = b * bs;
    const length = Math.min(bs, sourceSize - offset);
    const last = ranges[ranges.length - 1];
    if (last && last.offset + last.length === offset) last.length += length;
    else ranges.push({ offset, length });
  }
  return { path, sourceSize, targetSize, ranges, blocks: { sourceChanged: sourceCount, targetChanged: targetCount, beyondTarget: beyond } };
}
