import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pageChecksum } from '../../../src/engine/checksums/page-checksum';
import { COMPLETED_FILES } from '../../../src/engine/pgdata/catchup-marker';
import { CompletedFilesJournal, readCompletedFiles, readResumeJournal, rewriteResumeJournal } from '../../../src/engine/pgdata/completed-files';
import { keptPartOf } from '../../../src/engine/pgdata/partly-written-file';

const BS = 8192;
const RELSEG = 131072;
/** A heap page PostgreSQL wrote (test/fixtures/pages), stamped with its checksum at `blockNo`. */
const heapPage = fs.readFileSync(path.join(__dirname, '../../fixtures/pages/heap-block0.bin'));
function pageAt(blockNo: number): Buffer {
  const page = Buffer.from(heapPage);
  page.writeUInt16LE(pageChecksum(page, 0, blockNo, BS), 8);
  return page;
}

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partly-written-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeFile(name: string, blocks: Buffer[], tail = 0): string {
  const abs = path.join(dir, name);
  fs.writeFileSync(abs, Buffer.concat([...blocks, Buffer.alloc(tail, 7)]));
  return abs;
}

describe('keptPartOf: what a rerun keeps of a relation file the interrupted FULL was writing', () => {
  const withChecksums = { blockSize: BS, relsegSize: RELSEG, dataChecksums: true, durableBytes: 0 };

  test('with checksums every verified block is kept; a torn block is copied again, a torn or zero end is cut off', () => {
    const torn = pageAt(2);
    torn.fill(0, 4096); // the second half of the block never made it
    const blocks = [pageAt(0), pageAt(1), torn, pageAt(3), Buffer.alloc(BS), pageAt(5), Buffer.alloc(BS), Buffer.alloc(BS)];
    const abs = writeFile('16384', blocks, 100);
    expect(keptPartOf(abs, 'base/5/16384', fs.statSync(abs).size, withChecksums)).toEqual({ length: 6 * BS, rejected: [2, 4] });
  });

  test('the checksum is checked at the block number within the relation: a block of segment 1 verifies only there', () => {
    const blocks = [pageAt(RELSEG), pageAt(RELSEG + 1), pageAt(2)];
    const abs = writeFile('16384.1', blocks);
    expect(keptPartOf(abs, 'base/5/16384.1', 3 * BS, withChecksums)).toEqual({ length: 2 * BS, rejected: [] });
  });

  test('nothing that proves itself: nothing kept', () => {
    const abs = writeFile('16384', [Buffer.alloc(BS), Buffer.alloc(BS)]);
    expect(keptPartOf(abs, 'base/5/16384', 2 * BS, withChecksums)).toEqual({ length: 0, rejected: [] });
  });

  test('without checksums only what an fsync covered is kept, in whole blocks, and never past the file', () => {
    const abs = writeFile('16384', [pageAt(0), pageAt(1), pageAt(2)], 10);
    const proof = (durableBytes: number) => ({ ...withChecksums, dataChecksums: false, durableBytes });
    expect(keptPartOf(abs, 'base/5/16384', 3 * BS + 10, proof(0))).toEqual({ length: 0, rejected: [] });
    expect(keptPartOf(abs, 'base/5/16384', 3 * BS + 10, proof(2 * BS + 100))).toEqual({ length: 2 * BS, rejected: [] });
    expect(keptPartOf(abs, 'base/5/16384', 3 * BS + 10, proof(64 * BS))).toEqual({ length: 3 * BS, rejected: [] });
  });
});

describe('the FULL journal', () => {
  test('done and durable-part lines; the last part line wins; a torn last line is ignored; an old reader skips part lines', () => {
    const journal = new CompletedFilesJournal(dir, null);
    journal.add('base/5/1259', 8192);
    journal.addDurablePart('base/5/16384', 32 << 20);
    journal.addDurablePart('base/5/16384', 64 << 20);
    journal.close();
    fs.appendFileSync(path.join(dir, COMPLETED_FILES), 'part\t999\tbase/5/16');
    expect(readResumeJournal(dir)).toEqual({ done: new Map([['base/5/1259', 8192]]), durable: new Map([['base/5/16384', 64 << 20]]) });
    expect(readCompletedFiles(dir)).toEqual(new Map([['base/5/1259', 8192]]));
  });

  test('a resume rewrites it to what it kept', () => {
    fs.writeFileSync(path.join(dir, COMPLETED_FILES), '8192\tbase/5/1259\n8192\tbase/5/gone\npart\t100\tbase/5/cut\n');
    rewriteResumeJournal(dir, { done: new Map([['base/5/1259', 8192]]), durable: new Map([['base/5/cut', 0]]) });
    expect(readResumeJournal(dir)).toEqual({ done: new Map([['base/5/1259', 8192]]), durable: new Map([['base/5/cut', 0]]) });
  });
});
