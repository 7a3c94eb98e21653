import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { walFilesBetween } from '../../../../src/engine/source/server/source-wal-files';
import { missingLocalWal } from '../../../../src/engine/source/stopped/local-pgdata';
import { segmentStartLsn } from '../../../../src/engine/wal/wal-segment';

const SEG = 1024 * 1024;

describe("a stopped source's pg_wal: which segments from R it lacks", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'missing-local-wal-'));
    fs.mkdirSync(path.join(dir, 'pg_wal'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('whole segments count; a missing or short one is named with where it starts', () => {
    const files = walFilesBetween(segmentStartLsn(3n, SEG), segmentStartLsn(6n, SEG), [], 1, SEG);
    for (const f of files) fs.writeFileSync(path.join(dir, f.path), Buffer.alloc(SEG));
    expect(missingLocalWal(dir, files, SEG)).toBeNull();
    fs.rmSync(path.join(dir, files[0].path));
    fs.writeFileSync(path.join(dir, files[2].path), Buffer.alloc(100));
    expect(missingLocalWal(dir, files, SEG)).toBe(`the source no longer has 2 of the 3 WAL segment(s) from R (first: ${files[0].path}, from 0/300000)`);
    expect(missingLocalWal(dir, [], SEG)).toBeNull();
  });
});
