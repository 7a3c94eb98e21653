/**
 * Loads the WAL fixtures made by test/fixtures/wal/capture.sh: gzipped 1 MiB segments
 * from PostgreSQL 15 and 18 clusters and the expected values PostgreSQL's own readers
 * (pg_waldump 15, pg_walinspect 18, SQL) gave for them.
 */

import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { gunzipSync } from 'zlib';
import { Lsn, parseLsn } from '../../../src/engine/wal/lsn';
import { WalSegmentSource } from '../../../src/engine/wal/wal-reader';
import { parseSegmentFileName } from '../../../src/engine/wal/wal-segment';

export const WAL_FIXTURES = join(__dirname, '../../fixtures/wal');
export const SEG_SIZE = 1024 * 1024;

export interface ExpectedBlock {
  id: number;
  spcOid: number;
  dbOid: number;
  relNumber: number;
  fork: string;
  blockNo: number;
  image: boolean;
  holeOffset: number | null;
  holeLength: number | null;
}

export interface ExpectedRecord {
  lsn: string;
  /** pg_walinspect only. */
  end?: string;
  prev: string;
  rmgr: string;
  /** pg_walinspect only. */
  type?: string;
  totLen: number;
  fpiLen: number;
  /** pg_walinspect only. */
  mainDataLen?: number;
  xid: number;
  desc: string | null;
  blocks: ExpectedBlock[];
}

// Facts are SQL results captured during the workload; every field is optional here.
export type Facts = Record<string, Record<string, string | number | boolean>>;

export interface Expected15 {
  segSize: number;
  shutdownCheckpointTli1: string;
  shutdownCheckpointTli2: string;
  facts: Facts;
  controlData: Record<string, string>;
  recordsTli1: ExpectedRecord[];
  recordsTli2: ExpectedRecord[];
}

export interface Expected18 {
  segSize: number;
  facts: Facts;
  records: ExpectedRecord[];
}

/** Segment files of one fixture directory, decompressed, by file name. */
export function loadSegments(version: 'pg15' | 'pg18'): Map<string, Buffer> {
  const dir = join(WAL_FIXTURES, version);
  const segments = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.gz') || !parseSegmentFileName(name.slice(0, -3), SEG_SIZE)) continue;
    segments.set(name.slice(0, -3), gunzipSync(readFileSync(join(dir, name))));
  }
  return segments;
}

export function loadExpected15(): Expected15 {
  return JSON.parse(readFileSync(join(WAL_FIXTURES, 'pg15/expected.json'), 'utf8')) as Expected15;
}

export function loadExpected18(): Expected18 {
  return JSON.parse(readFileSync(join(WAL_FIXTURES, 'pg18/expected.json'), 'utf8')) as Expected18;
}

export function loadHistoryText(): string {
  return readFileSync(join(WAL_FIXTURES, 'pg15/00000002.history'), 'utf8');
}

/** An in-memory source over named segments; counts reads so tests can see the cache work. */
export function memorySource(segments: Map<string, Buffer>): WalSegmentSource & { reads: string[] } {
  const reads: string[] = [];
  return {
    segSize: SEG_SIZE,
    reads,
    async read(tli, segNo) {
      for (const [name, buf] of segments) {
        const parsed = parseSegmentFileName(name, SEG_SIZE);
        if (parsed && parsed.tli === tli && parsed.segNo === segNo) {
          reads.push(name);
          return buf;
        }
      }
      return null;
    },
  };
}

export function fact(facts: Facts, name: string, field: string): string {
  const value = facts[name]?.[field];
  if (value === undefined) throw new Error(`fixture fact ${name}.${field} is missing`);
  return String(value);
}

export function factLsn(facts: Facts, name: string, field = 'lsn'): Lsn {
  return parseLsn(fact(facts, name, field));
}
