import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { targetSegmentsToKeep } from '../../../src/engine/source/replay-wal';
import { walFilesBetween } from '../../../src/engine/source/server/source-wal-files';
import { segmentFileName, segmentStartLsn } from '../../../src/engine/wal/wal-segment';

// Small segments keep the files small: the rule does not depend on the size.
const SEG = 1024 * 1024;
const SYSID = 7000000000000000001n;

/** A segment file whose long page header names `segNo` (or `pageAddrOf`) and `sysid`. */
function writeSegment(dir: string, name: string, segNo: bigint, opts: { size?: number; pageAddrOf?: bigint; sysid?: bigint } = {}): void {
  const buf = Buffer.alloc(opts.size ?? SEG);
  if (buf.length >= 32) {
    buf.writeBigUInt64LE(segmentStartLsn(opts.pageAddrOf ?? segNo, SEG), 8);
    buf.writeBigUInt64LE(opts.sysid ?? SYSID, 24);
  }
  fs.writeFileSync(path.join(dir, 'pg_wal', name), buf);
}

describe("files only: the target's own WAL segments kept for its replay from R", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'files-only-keep-'));
    fs.mkdirSync(path.join(dir, 'pg_wal'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Timeline 2 begins in segment 6: segments 3..5 are timeline 1's, named so by the source too.
  const history = [{ tli: 1, switchpoint: segmentStartLsn(6n, SEG) + 100n, reason: 'promotion' }];
  const R = segmentStartLsn(3n, SEG) + 40n;
  const fork = segmentStartLsn(6n, SEG) + 100n;
  const needed = walFilesBetween(R, segmentStartLsn(8n, SEG), history, 2, SEG);

  test('whole segments of this cluster that end at or before the fork; not the fork segment (the source names it by timeline 2)', () => {
    for (const seg of [3n, 4n, 5n, 6n]) writeSegment(dir, segmentFileName(1, seg, SEG), seg);
    expect(needed.map((f) => path.basename(f.path))).toContain(segmentFileName(2, 6n, SEG));
    expect(targetSegmentsToKeep(dir, needed, fork, SEG, SYSID)).toEqual([3n, 4n, 5n].map((s) => segmentFileName(1, s, SEG)));
  });

  test('a short file, a recycled one (another page address), another cluster, or one past the bound is not kept', () => {
    writeSegment(dir, segmentFileName(1, 3n, SEG), 3n, { size: SEG / 2 });
    writeSegment(dir, segmentFileName(1, 4n, SEG), 4n, { pageAddrOf: 9n });
    writeSegment(dir, segmentFileName(1, 5n, SEG), 5n, { sysid: SYSID + 1n });
    expect(targetSegmentsToKeep(dir, needed, fork, SEG, SYSID)).toEqual([]);
    for (const seg of [3n, 4n, 5n]) writeSegment(dir, segmentFileName(1, seg, SEG), seg);
    expect(targetSegmentsToKeep(dir, needed, segmentStartLsn(5n, SEG) + 1n, SEG, SYSID)).toEqual([3n, 4n].map((s) => segmentFileName(1, s, SEG)));
  });
});
