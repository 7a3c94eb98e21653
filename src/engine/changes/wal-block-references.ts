/**
 * The blocks a diverged target changed since R, found in its own WAL as pg_rewind finds them
 * (extractPageMap in src/bin/pg_rewind/parsexlog.c): every record from R to the end of the
 * target's WAL names the blocks it touched, so reading the WAL replaces reading every data file
 * for page LSNs (scanLocalChangedBlocks). Same result shape, for planDelta's targetChanged.
 *
 * What the block references cannot show is covered by relation-level records:
 * - XLOG_SMGR_CREATE of a main fork: the relation's file was (re)created after R, and pages can
 *   reach it without a WAL record of their own (wal_level = minimal, a relfilenode reused after a
 *   drop). Every segment file of it counts as wholly changed (`wholeFiles`).
 * - XLOG_DBASE_CREATE_FILE_COPY: the database's files were copied from a template with no record
 *   per relation or page. Its directory counts as wholly changed (`wholeDirectories`).
 *   XLOG_DBASE_CREATE_WAL_LOG logs every page, but its directory is new too: marked the same way,
 *   as PostgreSQL's WAL summarizer does (a database made after R has nothing in common with R).
 * - XLOG_SMGR_TRUNCATE of a main fork to N blocks: sizes alone handle a truncation (planDelta
 *   copies every source block past the target's end), but blocks at N and above the target added
 *   again afterwards need not all have WAL (extension writes zero pages unlogged). Every block from
 *   N up that the target's file has now counts as changed. The page-LSN scan misses those too.
 * - Drops (XLOG_DBASE_DROP, relations dropped at commit or abort) need nothing: the files are gone
 *   from the target, so the plan copies the source's whole. Tablespace creation needs nothing: its
 *   files arrive through the database and smgr records above.
 * Other forks are ignored: the plan copies FSM, VM and init forks whole. Records of any rmgr,
 * custom ones included, count through their block references, which have one generic format. A
 * record flagged XLR_SPECIAL_REL_UPDATE that is none of the above changes a relation in a way we
 * cannot read (pg_rewind stops there too): the result is then incomplete.
 *
 * Never a partial answer: if the WAL cannot be read from R to `mustReach`, the result says
 * `complete: false` and why, and the caller falls back to the page-LSN scan.
 */

import fs from 'fs';
import path from 'path';
import { formatLsn, Lsn } from '../wal/lsn';
import { localWalDirSource } from '../wal/local-wal-source';
import { WalReader, WalReadError, WalRecordView, WalScanEnd } from '../wal/wal-reader';
import {
  BKPBLOCK_FORK_MASK,
  decodeDbase,
  decodeSmgrCreate,
  decodeSmgrTruncate,
  isXactCompletionRecord,
  RM_DBASE_ID,
  RM_SMGR_ID,
  rmgrName,
  rmgrInfo,
  SMGR_TRUNCATE_HEAP,
  WalBlockHeaders,
  WalRecordFormatError,
  XLOG_DBASE_CREATE_FILE_COPY,
  XLOG_DBASE_CREATE_WAL_LOG,
  XLOG_DBASE_DROP,
  XLOG_SMGR_CREATE,
  XLOG_SMGR_TRUNCATE,
  XLR_SPECIAL_REL_UPDATE,
} from '../wal/wal-record';
import { databaseDirectory, relationSegmentPath } from '../pgdata/relation-path';
import { ListedFile, relationMainForks } from '../pgdata/listing-relations';

const MAIN_FORKNUM = 0;

export interface TargetWalChangesInput {
  /** The target's PGDATA; its WAL is read from pg_wal (a symlink is fine). */
  pgdata: string;
  /** R: the first record read. */
  fromLsn: Lsn;
  /** The timeline whose segment file holds an LSN: timelineOfLsn over the target's own history, or a fixed one. */
  timelineForLsn: (lsn: Lsn) => number;
  systemIdentifier: bigint;
  walSegmentSize: number;
  blockSize: number;
  /** Blocks per relation segment file (RELSEG_SIZE: 131072 for 1 GB of 8 kB blocks). */
  relsegSize: number;
  /** `PG_<major>_<catversion>`, for paths under pg_tblspc/<oid>/. */
  tablespaceVersionDir: string;
  /**
   * How far the WAL must be read: every record ending at or before this LSN. Pass the later of
   * pg_control's checkpoint location and minRecoveryPoint: no page on disk has a higher LSN.
   */
  mustReach: Lsn;
  /** Sees every record too (the discarded-work count shares this scan). */
  observe?: (record: WalRecordView) => void;
}

export type TargetWalChanges =
  | {
      complete: true;
      /** Main-fork segment file (relative to PGDATA) -> block numbers within that file, sorted, unique. */
      changed: Map<string, number[]>;
      /**
       * Main-fork segment files that count as changed in every block: each segment file the target
       * has now of a relation created after R (exact paths). They may also be in `changed`.
       */
      wholeFiles: Set<string>;
      /** Database directories (base/5, pg_tblspc/<oid>/<dir>/5) whose files all count as changed, sorted. */
      wholeDirectories: string[];
      /** Records read. */
      records: number;
      /** Bytes of WAL read: endLsn - fromLsn. */
      walBytes: number;
      /** Where the valid WAL ends: the end of the last record read. */
      endLsn: Lsn;
    }
  | { complete: false; reason: string; walBytes: number };

/** A relation's main fork, as WAL names it. */
interface RelationKey {
  spcOid: number;
  dbOid: number;
  relNumber: number;
}

interface RelationBlocks extends RelationKey {
  blocks: Set<number>;
}

/**
 * What the records say, accumulated: block numbers per relation main fork (absolute, not per
 * segment), relations created, truncations, databases created. Pure; no paths until the end.
 */
export class TargetChangeCollector {
  /** By relNumber, then the few relations sharing one (different databases or tablespaces). */
  private readonly relations = new Map<number, RelationBlocks[]>();
  private last: RelationBlocks | null = null;
  readonly createdRelations: RelationKey[] = [];
  /** Lowest block a main fork was truncated to, per relation. */
  readonly truncations: Array<RelationKey & { fromBlock: number }> = [];
  readonly createdDatabases: Array<{ spcOid: number; dbOid: number }> = [];

  addBlock(spcOid: number, dbOid: number, relNumber: number, blockNo: number): void {
    let rel = this.last;
    if (rel === null || rel.relNumber !== relNumber || rel.dbOid !== dbOid || rel.spcOid !== spcOid) rel = this.relation(spcOid, dbOid, relNumber);
    rel.blocks.add(blockNo);
  }

  /** Every main-fork block reference of one record. */
  addBlockReferences(blocks: WalBlockHeaders): void {
    for (let i = 0; i < blocks.count; i++) {
      if ((blocks.flags[i] & BKPBLOCK_FORK_MASK) === MAIN_FORKNUM) {
        this.addBlock(blocks.spcOid[i], blocks.dbOid[i], blocks.relNumber[i], blocks.blockNo[i]);
      }
    }
  }

  /** Blocks collected so far, per relation (absolute block numbers, unsorted). */
  *relationBlocks(): IterableIterator<RelationKey & { blocks: Set<number> }> {
    for (const list of this.relations.values()) yield* list;
  }

  private relation(spcOid: number, dbOid: number, relNumber: number): RelationBlocks {
    let list = this.relations.get(relNumber);
    if (!list) this.relations.set(relNumber, (list = []));
    let rel = list.find((r) => r.dbOid === dbOid && r.spcOid === spcOid);
    if (!rel) list.push((rel = { spcOid, dbOid, relNumber, blocks: new Set() }));
    this.last = rel;
    return rel;
  }
}

/** Thrown from the scan callback to stop at a record we cannot account for. */
class UnaccountableRecord extends Error {
  constructor(
    readonly reason: string,
    readonly lsn: Lsn,
  ) {
    super(`${reason}, at ${formatLsn(lsn)}`);
  }
}

/**
 * Adds one record to `collector`: its main-fork block references, and what a relation-level
 * record means (see the file comment). Returns null, or why the WAL cannot tell which blocks
 * this record changed.
 */
export function collectRecord(
  record: Pick<WalRecordView, 'rmid' | 'info' | 'blocks' | 'mainData'>,
  collector: TargetChangeCollector,
): string | null {
  collector.addBlockReferences(record.blocks);
  const rmid = record.rmid;
  if (rmid !== RM_SMGR_ID && rmid !== RM_DBASE_ID && !(record.info & XLR_SPECIAL_REL_UPDATE)) return null;
  const info = rmgrInfo(record);
  try {
    if (rmid === RM_SMGR_ID && info === XLOG_SMGR_CREATE) {
      const create = decodeSmgrCreate(record.mainData());
      if (create.forkNumber === MAIN_FORKNUM) collector.createdRelations.push({ ...create.rel });
      return null;
    }
    if (rmid === RM_SMGR_ID && info === XLOG_SMGR_TRUNCATE) {
      const truncate = decodeSmgrTruncate(record.mainData());
      if (truncate.flags & SMGR_TRUNCATE_HEAP) collector.truncations.push({ ...truncate.rel, fromBlock: truncate.blockNo });
      return null;
    }
    if (rmid === RM_DBASE_ID && (info === XLOG_DBASE_CREATE_FILE_COPY || info === XLOG_DBASE_CREATE_WAL_LOG)) {
      const create = decodeDbase(record, record.mainData());
      if (create.kind !== 'drop') collector.createdDatabases.push({ spcOid: create.tsOid, dbOid: create.dbOid });
      return null;
    }
    // The files are gone from the target: the plan copies whatever the source has of them whole.
    if (rmid === RM_DBASE_ID && info === XLOG_DBASE_DROP) return null;
    if (isXactCompletionRecord(record)) return null;
  } catch (err) {
    if (!(err instanceof WalRecordFormatError)) throw err;
    return `a ${rmgrName(rmid)} record (info 0x${record.info.toString(16)}) is malformed: ${err.message}`;
  }
  if (record.info & XLR_SPECIAL_REL_UPDATE) {
    return `a ${rmgrName(rmid)} record (info 0x${record.info.toString(16)}) changes a relation in a way its block references do not show`;
  }
  return null;
}

/** Sorted, unique absolute block numbers split into (segment file number, blocks within it). */
export function splitBySegment(sortedBlocks: ArrayLike<number>, relsegSize: number): Array<[number, number[]]> {
  if (!(relsegSize > 0)) throw new Error(`relsegSize must be a positive number of blocks, not ${relsegSize}`);
  const out: Array<[number, number[]]> = [];
  let current: number[] | null = null;
  let currentSeg = -1;
  for (let i = 0; i < sortedBlocks.length; i++) {
    const block = sortedBlocks[i];
    const seg = Math.floor(block / relsegSize);
    if (seg !== currentSeg) {
      current = [];
      currentSeg = seg;
      out.push([seg, current]);
    }
    current!.push(block - seg * relsegSize);
  }
  return out;
}

export interface RelationLayout {
  relsegSize: number;
  tablespaceVersionDir: string;
}

/** The collected block references as planDelta wants them: segment file path -> blocks within it. */
export function changedBlocksByFile(collector: TargetChangeCollector, layout: RelationLayout): Map<string, number[]> {
  const changed = new Map<string, number[]>();
  for (const rel of collector.relationBlocks()) {
    const sorted = Uint32Array.from(rel.blocks).sort();
    for (const [segmentNo, blocks] of splitBySegment(sorted, layout.relsegSize)) {
      changed.set(relationSegmentPath(rel.spcOid, rel.dbOid, rel.relNumber, 'main', segmentNo, layout.tablespaceVersionDir), blocks);
    }
  }
  return changed;
}

/** Adds `blocks` (within one file) to the file's entry, keeping it sorted and unique. */
export function mergeBlocks(changed: Map<string, number[]>, file: string, blocks: number[]): void {
  const old = changed.get(file);
  if (!old || old.length === 0) {
    if (blocks.length > 0) changed.set(file, [...new Set(blocks)].sort((a, b) => a - b));
    return;
  }
  changed.set(file, [...new Set([...old, ...blocks])].sort((a, b) => a - b));
}

/** The segment files a relation's main fork has on disk (path relative to PGDATA, bytes). */
function mainForkFiles(pgdata: string, rel: RelationKey, layout: RelationLayout): Array<{ path: string; size: number }> {
  const files: Array<{ path: string; size: number }> = [];
  for (let segmentNo = 0; ; segmentNo++) {
    const rp = relationSegmentPath(rel.spcOid, rel.dbOid, rel.relNumber, 'main', segmentNo, layout.tablespaceVersionDir);
    let size: number;
    try {
      size = fs.statSync(path.join(pgdata, rp)).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return files;
      throw new Error(`could not stat "${path.join(pgdata, rp)}": ${(err as Error).message}`);
    }
    files.push({ path: rp, size });
  }
}

/**
 * Where the relation-level records point, resolved against the target's files as they are now:
 * every segment file of a created relation, and every block from a truncation point up.
 */
function resolveOnDisk(
  pgdata: string, collector: TargetChangeCollector, layout: RelationLayout, blockSize: number, changed: Map<string, number[]>,
): Set<string> {
  const wholeFiles = new Set<string>();
  for (const rel of collector.createdRelations) {
    for (const f of mainForkFiles(pgdata, rel, layout)) wholeFiles.add(f.path);
  }
  for (const t of collector.truncations) {
    mainForkFiles(pgdata, t, layout).forEach((f, segmentNo) => {
      if (wholeFiles.has(f.path)) return;
      const first = Math.max(0, t.fromBlock - segmentNo * layout.relsegSize);
      const end = Math.floor(f.size / blockSize);
      if (first >= end) return;
      const blocks: number[] = [];
      for (let b = first; b < end; b++) blocks.push(b);
      mergeBlocks(changed, f.path, blocks);
    });
  }
  return wholeFiles;
}

/** Reads the target's WAL from R to its end and collects what it changed (see the file comment). */
export async function targetWalChanges(input: TargetWalChangesInput): Promise<TargetWalChanges> {
  const reader = new WalReader(localWalDirSource(path.join(input.pgdata, 'pg_wal'), input.walSegmentSize), {
    timelineForLsn: input.timelineForLsn,
    systemIdentifier: input.systemIdentifier,
  });
  const collector = new TargetChangeCollector();
  let records = 0;
  let end: WalScanEnd;
  try {
    end = await reader.scanForward(
      input.fromLsn,
      (record) => {
        records++;
        input.observe?.(record);
        const problem = collectRecord(record, collector);
        if (problem !== null) throw new UnaccountableRecord(problem, record.lsn);
      },
      { readAhead: true },
    );
  } catch (err) {
    if (err instanceof UnaccountableRecord) {
      return { complete: false, reason: `the target's WAL cannot tell which blocks changed: ${err.message}`, walBytes: Number(err.lsn - input.fromLsn) };
    }
    if (err instanceof WalReadError) {
      return { complete: false, reason: `the target's WAL at R (${formatLsn(input.fromLsn)}) cannot be read: ${err.message}`, walBytes: 0 };
    }
    throw err;
  }
  const endLsn = end.lsn;
  const walBytes = Number(endLsn - input.fromLsn);
  if (endLsn < input.mustReach) {
    return {
      complete: false,
      reason: `the target's WAL ends at ${formatLsn(endLsn)}, before ${formatLsn(input.mustReach)} that it must reach: ${end.message}`,
      walBytes,
    };
  }
  const layout: RelationLayout = { relsegSize: input.relsegSize, tablespaceVersionDir: input.tablespaceVersionDir };
  const changed = changedBlocksByFile(collector, layout);
  const wholeFiles = resolveOnDisk(input.pgdata, collector, layout, input.blockSize, changed);
  const wholeDirectories = [...new Set(collector.createdDatabases.map((d) => databaseDirectory(d.spcOid, d.dbOid, input.tablespaceVersionDir)))].sort();
  return { complete: true, changed, wholeFiles, wholeDirectories, records, walBytes, endLsn };
}

/** Every block of the listed files that a relation-level record (a create, a database copy) made new. */
export function withWholeFiles(changed: Map<string, number[]>, wholeFiles: Set<string>, wholeDirectories: string[], listing: ListedFile[], blockSize: number): Map<string, number[]> {
  if (wholeFiles.size === 0 && wholeDirectories.length === 0) return changed;
  const out = new Map(changed);
  for (const f of relationMainForks(listing)) {
    const relation = f.path.replace(/\.\d+$/, '');
    if (!wholeFiles.has(f.path) && !wholeFiles.has(relation) && !wholeDirectories.some((d) => f.path.startsWith(`${d}/`))) continue;
    out.set(f.path, Array.from({ length: Math.floor(f.size / blockSize) }, (_, i) => i));
  }
  return out;
}
