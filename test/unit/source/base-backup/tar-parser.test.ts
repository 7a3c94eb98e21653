import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { TarEntry, TarParser, TarParserOptions, parsePaxRecords, parseTarNumber } from '../../../../src/engine/source/base-backup/tar-parser';
import { bytes, chunked, END_OF_ARCHIVE, paxRecord, tarArchive, tarEntry } from './tar-bytes';

interface Seen {
  entry: TarEntry;
  data: Buffer | null;
}

async function readAll(body: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of body) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** Feeds `pieces` into a parser (awaiting each write) and collects every entry with its bytes. */
async function parse(pieces: Buffer[], opts: TarParserOptions = {}, onEntry?: (e: TarEntry, body: Readable | null) => Promise<Buffer | null>): Promise<Seen[]> {
  const seen: Seen[] = [];
  const parser = new TarParser(async (entry, body) => {
    const data = onEntry ? await onEntry(entry, body) : body ? await readAll(body) : null;
    seen.push({ entry, data });
  }, opts);
  await new Promise<void>((resolve, reject) => {
    parser.on('error', reject);
    parser.on('finish', resolve);
    Readable.from(pieces).pipe(parser);
  });
  return seen;
}

const files = [
  { name: 'PG_VERSION', data: Buffer.from('15\n') },
  { name: 'empty', data: Buffer.alloc(0) },
  { name: 'base/1/511', data: bytes(511, 2) },
  { name: 'base/1/512', data: bytes(512, 3) },
  { name: 'base/1/513', data: bytes(513, 4) },
  { name: 'base/1/big', data: bytes(300_000, 5) },
];

describe('TarParser', () => {
  test.each([[[1]], [[7, 13]], [[511, 1, 512, 2]], [[100_000]], [[10_000_000]]])('hands over every entry and its exact bytes, whatever the chunking (%j)', async (sizes) => {
    const archive = tarArchive([
      { name: 'base/', type: '5', mode: 0o700 },
      ...files.map((f) => ({ ...f, mode: 0o600 })),
      { name: 'pg_tblspc/16385', type: '2', linkname: '/srv/ts1' },
    ]);
    const seen = await parse(chunked(archive, sizes));
    expect(seen.map((s) => s.entry.path)).toEqual(['base', ...files.map((f) => f.name), 'pg_tblspc/16385']);
    expect(seen[0].entry).toMatchObject({ type: 'directory', mode: 0o700, size: 0 });
    expect(seen[0].data).toBeNull();
    for (const f of files) {
      const s = seen.find((x) => x.entry.path === f.name)!;
      expect(s.entry).toMatchObject({ type: 'file', size: f.data.length, mode: 0o600, mtimeS: 1700000000 });
      expect(s.data!.equals(f.data)).toBe(true);
    }
    expect(seen[seen.length - 1].entry).toMatchObject({ type: 'symlink', linkTarget: '/srv/ts1' });
  });

  test('reads long names from the ustar prefix, a pax header and a GNU long-name entry', async () => {
    const long = `${'d'.repeat(60)}/${'e'.repeat(60)}/${'f'.repeat(60)}`;
    const paxData = Buffer.from(paxRecord('path', long) + paxRecord('mtime', '1700000000.5'));
    const archive = tarArchive([
      { name: 'file-in-prefix', prefix: 'some/dir', data: Buffer.from('a') },
      { name: 'PaxHeaders/x', type: 'x', data: paxData },
      { name: 'truncated-name', data: Buffer.from('b') },
      { name: '././@LongLink', type: 'L', data: Buffer.from(`${long}-gnu\0`) },
      { name: 'also-truncated', data: Buffer.from('c') },
      { name: 'after', data: Buffer.from('d') },
    ]);
    const seen = await parse([archive]);
    expect(seen.map((s) => s.entry.path)).toEqual(['some/dir/file-in-prefix', long, `${long}-gnu`, 'after']);
    expect(seen.map((s) => s.data!.toString())).toEqual(['a', 'b', 'c', 'd']);
  });

  test('a pax size wins over the header, and base-256 sizes are read', async () => {
    const data = bytes(1000, 9);
    // The entry whose header says 0 carries 1000 bytes (the pax size), padded as 1000.
    const fixed = Buffer.concat([tarEntry({ name: 'p', type: 'x', data: Buffer.from(paxRecord('size', '1000')) }),
      tarEntry({ name: 'sized-by-pax', sizeField: 0 }).subarray(0, 512), data, Buffer.alloc(24),
      tarEntry({ name: 'base256', data, base256Size: true }), END_OF_ARCHIVE]);
    const seen = await parse([fixed]);
    expect(seen.map((s) => [s.entry.path, s.entry.size])).toEqual([['sized-by-pax', 1000], ['base256', 1000]]);
    expect(seen.every((s) => s.data!.equals(data))).toBe(true);
  });

  test('keeps memory bounded: a slow reader holds the writer back', async () => {
    const big = bytes(4 * 1024 * 1024, 11);
    const archive = tarArchive([{ name: 'big', data: big }]);
    let written = 0;
    let read = 0;
    let maxAhead = 0;
    const parser = new TarParser(async (_e, body) => {
      for await (const c of body!) {
        read += (c as Buffer).length;
        await new Promise((r) => setImmediate(r));
      }
    }, { bodyHighWaterMark: 64 * 1024 });
    const done = new Promise<void>((resolve, reject) => {
      parser.on('finish', resolve);
      parser.on('error', reject);
    });
    for (const piece of chunked(archive, [32 * 1024])) {
      if (!parser.write(piece)) await new Promise((r) => parser.once('drain', r));
      written += piece.length;
      maxAhead = Math.max(maxAhead, written - read);
    }
    parser.end();
    await done;
    expect(read).toBe(big.length);
    // Parser buffer (64 KiB) + body buffer (64 KiB) + one piece in flight, not the 4 MiB.
    expect(maxAhead).toBeLessThan(512 * 1024);
  });

  test('a handler that resolves without reading skips the rest of its entry', async () => {
    const archive = tarArchive([{ name: 'skipped', data: bytes(200_000) }, { name: 'next', data: Buffer.from('next bytes') }]);
    const seen = await parse(chunked(archive, [4096]), {}, async (e, body) => (e.path === 'skipped' ? null : readAll(body!)));
    expect(seen.map((s) => [s.entry.path, s.data?.toString() ?? null])).toEqual([['skipped', null], ['next', 'next bytes']]);
  });

  test('several handlers may run at once with maxPendingEntries, entries still start in order', async () => {
    const archive = tarArchive(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}`, data: bytes(10_000, i + 1) })));
    const started: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const seen = await parse([archive], { maxPendingEntries: 3 }, async (e, body) => {
      started.push(e.path);
      running++;
      maxRunning = Math.max(maxRunning, running);
      const data = await readAll(body!);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return data;
    });
    expect(started).toEqual(['f0', 'f1', 'f2', 'f3', 'f4', 'f5']);
    expect(maxRunning).toBeGreaterThan(1);
    expect(maxRunning).toBeLessThanOrEqual(3);
    expect(seen).toHaveLength(6);
  });

  test.each([
    ['cut inside a file', (a: Buffer) => a.subarray(0, 512 + 100), /ends inside "x"/],
    ['without end-of-archive blocks', (a: Buffer) => a.subarray(0, a.length - 1024), /without its end-of-archive blocks/],
    ['with a bad header checksum', () => tarArchive([{ name: 'x', data: bytes(10), badChecksum: true }]), /checksum does not match/],
    ['with a hard link', () => tarArchive([{ name: 'x', type: '1', linkname: 'y' }]), /"x" is a hard link/],
    ['with a path leaving the directory', () => tarArchive([{ name: '../etc/passwd', data: bytes(3) }]), /leaves the archive's directory/],
    ['with data after the end blocks', (a: Buffer) => Buffer.concat([a, Buffer.from('junk')]), /data after its end-of-archive blocks/],
  ])('fails on an archive %s', async (_what, make, message) => {
    const archive = make(tarArchive([{ name: 'x', data: bytes(1000) }]));
    await expect(parse([archive], { archiveName: 'archive t.tar' })).rejects.toThrow(message);
  });

  test("a handler's failure fails the parse", async () => {
    const archive = tarArchive([{ name: 'a', data: bytes(100) }, { name: 'b', data: bytes(100) }]);
    await expect(parse([archive], {}, async (e) => {
      if (e.path === 'a') throw new Error('disk full writing a');
      return null;
    })).rejects.toThrow('disk full writing a');
  });

  test('reads what GNU tar writes (gnu and pax formats, long names, symlinks, directories)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tar-parser-'));
    try {
      const long = path.join('d'.repeat(80), 'e'.repeat(80));
      fs.mkdirSync(path.join(dir, 'src', long), { recursive: true });
      fs.writeFileSync(path.join(dir, 'src', long, 'f'.repeat(90)), bytes(70_000, 21));
      fs.writeFileSync(path.join(dir, 'src', 'small'), 'small\n');
      fs.symlinkSync('small', path.join(dir, 'src', 'link'));
      for (const format of ['gnu', 'pax', 'ustar']) {
        const tarFile = path.join(dir, `${format}.tar`);
        const members = format === 'ustar' ? ['small', 'link'] : ['.'];
        execFileSync('tar', [`--format=${format}`, '-cf', tarFile, '-C', path.join(dir, 'src'), ...members]);
        const seen = await parse(chunked(fs.readFileSync(tarFile), [3000]));
        const byPath = new Map(seen.map((s) => [s.entry.path, s]));
        expect(byPath.get('small')!.data!.toString()).toBe('small\n');
        expect(byPath.get('link')!.entry).toMatchObject({ type: 'symlink', linkTarget: 'small' });
        if (format !== 'ustar') {
          expect(byPath.get(path.join(long, 'f'.repeat(90)))!.data!.equals(bytes(70_000, 21))).toBe(true);
          expect(byPath.get('d'.repeat(80))!.entry.type).toBe('directory');
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('tar fields', () => {
  test('octal and base-256 numbers', () => {
    expect(parseTarNumber(Buffer.from('00000001750\0'), 'size')).toBe(1000);
    expect(parseTarNumber(Buffer.from('   1750 \0'), 'size')).toBe(1000);
    expect(parseTarNumber(Buffer.from([0x80, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1]), 'size')).toBe(8589934593);
    expect(() => parseTarNumber(Buffer.from('12x\0'), 'size')).toThrow(/not an octal number/);
  });

  test('pax records', () => {
    expect(parsePaxRecords(Buffer.from(paxRecord('path', 'a/b') + paxRecord('size', '12')))).toEqual({ path: 'a/b', size: '12' });
  });
});
