import { createHash } from 'crypto';
import { Readable } from 'stream';
import { buildBackupManifest } from '../../../../src/engine/source/server/incremental/backup-manifest';
import {
  INCREMENTAL_MAGIC, incrementalTargetPath, readIncrementalFile, reconstructedBlockLength,
} from '../../../../src/engine/source/server/incremental/incremental-file';
import { fullBackupLabel, targetPathOf } from '../../../../src/engine/source/server/incremental/incremental-copy';
import { parseLsn } from '../../../../src/engine/wal/lsn';

const BS = 8192;

function incrementalFile(blocks: number[], truncation: number, fill: (b: number) => number): Buffer {
  let header = 12 + 4 * blocks.length;
  if (blocks.length > 0 && header % BS !== 0) header += BS - (header % BS);
  const buf = Buffer.alloc(header + blocks.length * BS);
  buf.writeUInt32LE(INCREMENTAL_MAGIC, 0);
  buf.writeUInt32LE(blocks.length, 4);
  buf.writeUInt32LE(truncation, 8);
  blocks.forEach((b, i) => {
    buf.writeUInt32LE(b, 12 + 4 * i);
    buf.fill(fill(b), header + i * BS, header + (i + 1) * BS);
  });
  return buf;
}

/** Cut into uneven chunks, so headers, padding and blocks straddle chunk edges. */
function chunked(buf: Buffer, size: number): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return Readable.from(parts);
}

describe('backup manifest for UPLOAD_MANIFEST', () => {
  const manifest = buildBackupManifest({
    systemIdentifier: '7412345678901234567',
    files: [
      { path: 'base/5/16384', size: 16384, isDir: false },
      { path: 'base/5', size: 0, isDir: true },
      { path: 'pg_wal/000000010000000000000003', size: 16 << 20, isDir: false },
      { path: 'odd "name"', size: 1, isDir: false },
    ],
    referenceLsn: parseLsn('0/3000028'),
    history: [{ tli: 1, switchpoint: parseLsn('0/2000000') }] as never,
    currentTli: 2,
  }).toString('utf8');

  test('version 2, the system identifier as a number, files only (no WAL, no directories), one WAL range at R on its timeline', () => {
    const parsed = JSON.parse(manifest);
    expect(parsed['PostgreSQL-Backup-Manifest-Version']).toBe(2);
    expect(manifest).toContain('"System-Identifier": 7412345678901234567,');
    expect(parsed.Files).toEqual([{ Path: 'base/5/16384', Size: 16384 }, { Path: 'odd "name"', Size: 1 }]);
    expect(parsed['WAL-Ranges']).toEqual([{ Timeline: 2, 'Start-LSN': '0/3000028', 'End-LSN': '0/3000028' }]);
  });

  test('the checksum is the SHA-256 of every byte up to the last line, as parse_manifest.c verifies it', () => {
    expect(manifest.endsWith('}\n')).toBe(true);
    const lastLineStart = manifest.lastIndexOf('\n', manifest.length - 2) + 1;
    const expected = createHash('sha256').update(manifest.slice(0, lastLineStart)).digest('hex');
    expect(JSON.parse(manifest)['Manifest-Checksum']).toBe(expected);
    expect(manifest.slice(lastLineStart)).toBe(`"Manifest-Checksum": "${expected}"}\n`);
  });
});

describe('INCREMENTAL files', () => {
  test('names map to the relation file they patch', () => {
    expect(incrementalTargetPath('base/5/INCREMENTAL.16384')).toBe('base/5/16384');
    expect(incrementalTargetPath('pg_tblspc/16390/PG_17_202406281/5/INCREMENTAL.16384_vm.2')).toBe('pg_tblspc/16390/PG_17_202406281/5/16384_vm.2');
    expect(incrementalTargetPath('base/5/16384')).toBeNull();
    expect(incrementalTargetPath('INCREMENTAL.')).toBeNull();
    expect(targetPathOf({ path: 'PG_17_202406281/5/INCREMENTAL.1', tablespaceOid: 16390 })).toBe('pg_tblspc/16390/PG_17_202406281/5/INCREMENTAL.1');
    expect(targetPathOf({ path: '.', tablespaceOid: null })).toBeNull();
  });

  test.each([1, 7, 4096, 100_000])('header, padding and blocks are read in order whatever the chunking (%i-byte chunks)', async (size) => {
    const file = incrementalFile([0, 3, 9], 12, (b) => b + 1);
    const got: Array<[number, number]> = [];
    let header: { truncationBlockLength: number } | null = null;
    await readIncrementalFile(chunked(file, size), BS, 131072, 'f', (h) => { header = h; }, (b, data) => {
      expect(data.length).toBe(BS);
      expect(data.every((x) => x === data[0])).toBe(true);
      got.push([b, data[0]]);
    });
    expect(header!.truncationBlockLength).toBe(12);
    expect(got).toEqual([[0, 1], [3, 4], [9, 10]]);
  });

  test('an incremental file without blocks is just the 12-byte header', async () => {
    const file = incrementalFile([], 40, () => 0);
    expect(file.length).toBe(12);
    const blocks: number[] = [];
    const h = await readIncrementalFile(chunked(file, 5), BS, 131072, 'f', () => undefined, (b) => void blocks.push(b));
    expect(blocks).toEqual([]);
    expect(reconstructedBlockLength(h)).toBe(40);
  });

  test("the file's length: the truncation length, or past the highest block sent (reconstruct.c)", () => {
    expect(reconstructedBlockLength({ blocks: [1, 2], truncationBlockLength: 10 })).toBe(10);
    expect(reconstructedBlockLength({ blocks: [1, 14], truncationBlockLength: 10 })).toBe(15);
    expect(reconstructedBlockLength({ blocks: [], truncationBlockLength: 0 })).toBe(0);
  });

  test('a wrong magic, a block past the segment, or a short file is refused', async () => {
    const bad = incrementalFile([1], 2, () => 0);
    bad.writeUInt32LE(0x12345678, 0);
    await expect(readIncrementalFile(chunked(bad, 100), BS, 131072, 'x', () => undefined, () => undefined)).rejects.toThrow(/not an incremental file/);
    await expect(readIncrementalFile(chunked(incrementalFile([200], 2, () => 0), 100), BS, 131, 'x', () => undefined, () => undefined)).rejects.toThrow(/exceeds|beyond/);
    const short = incrementalFile([1, 2], 3, () => 0).subarray(0, BS + BS + 100);
    await expect(readIncrementalFile(chunked(short, 100), BS, 131072, 'x', () => undefined, () => undefined)).rejects.toThrow(/holds 1 of its 2 blocks/);
  });

  test("backup_label loses the INCREMENTAL lines PostgreSQL refuses to start from, and keeps the rest", () => {
    const label = 'START WAL LOCATION: 0/5000028 (file 000000010000000000000005)\nCHECKPOINT LOCATION: 0/5000080\n' +
      'BACKUP METHOD: streamed\nSTART TIMELINE: 1\nINCREMENTAL FROM LSN: 0/3000028\nINCREMENTAL FROM TLI: 1\n';
    expect(fullBackupLabel(label)).toBe('START WAL LOCATION: 0/5000028 (file 000000010000000000000005)\nCHECKPOINT LOCATION: 0/5000080\nBACKUP METHOD: streamed\nSTART TIMELINE: 1\n');
  });
});
