/**
 * The streaming BASE_BACKUP reader against real PostgreSQL 15+ servers: for each compression
 * method, every file the backup hands over must equal, byte for byte (and mode for mode), the
 * server's own file read from its data directory. The server is idle between backups (autovacuum
 * off, no sessions), so a backup's files do not change after its start checkpoint.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { readBaseBackup, BackupFile } from '../../src/engine/source/base-backup/base-backup-reader';
import { CompressionMethod, decompressionUnavailable } from '../../src/engine/source/base-backup/decompressor';
import { resolveConnection } from '../../src/engine/source/connection-options';
import { useClusters } from '../support/cleanup';
import { Cluster } from '../support/cluster';
import { testVersions } from '../support/pg-versions';
import { makeOwnedDir, makeScratchDir } from '../support/scratch';

useClusters();

interface Got {
  file: BackupFile;
  sha: string | null;
  bytes: number;
}

async function sha256(body: Readable, slow: boolean): Promise<{ sha: string; bytes: number }> {
  const h = createHash('sha256');
  let bytes = 0;
  let n = 0;
  for await (const c of body) {
    h.update(c as Buffer);
    bytes += (c as Buffer).length;
    // A slow writer every few pieces: the socket has to wait (back-pressure), not the memory grow.
    if (slow && ++n % 16 === 0) await new Promise((r) => setTimeout(r, 1));
  }
  return { sha: h.digest('hex'), bytes };
}

const shaOfFile = (p: string) => createHash('sha256').update(fs.readFileSync(p)).digest('hex');

/** Relation files on disk (what a backup must carry): base/<db>/<digits>[_fsm|_vm][.N], global/<digits>..., tablespace dirs. */
function relationFiles(root: string, rel: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const ent of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const p = path.join(dir, ent.name);
      if (ent.isDirectory()) walk(p);
      else if (/^\d+(_fsm|_vm|_init)?(\.\d+)?$/.test(ent.name)) out.push(p);
    }
  };
  if (fs.existsSync(path.join(root, rel))) walk(rel);
  return out;
}

// BASE_BACKUP's option list and server-side compression arrived in 15.
describe.each(testVersions().filter((v) => v >= 15))('BASE_BACKUP reader on PostgreSQL %i', (VERSION) => {
  let primary: Cluster;
  let tsDir: string;
  let tsOid: number;

  beforeAll(async () => {
    primary = await Cluster.createPrimary(VERSION, { settings: { autovacuum: 'off' } });
    tsDir = makeOwnedDir(path.join(makeScratchDir('bb-ts'), 'location'));
    await primary.query(`CREATE TABLESPACE bbts LOCATION '${tsDir}'`);
    tsOid = Number(await primary.scalar<string>("SELECT oid::text FROM pg_tablespace WHERE spcname = 'bbts'"));
    // ~25 MB in the main directory (more than one 1 GB segment is not needed: segment names are just names here),
    // ~5 MB in the tablespace, with indexes, FSM and VM forks.
    await primary.query(`CREATE TABLE t AS SELECT g AS id, md5(g::text) AS h, repeat(md5((g % 91)::text), 3) AS pad,
      jsonb_build_object('g', g, 'm', g % 17) AS j FROM generate_series(1, 100000) g`);
    await primary.query('CREATE INDEX t_h ON t (h)');
    await primary.query('CREATE TABLE in_ts TABLESPACE bbts AS SELECT g AS id, md5(g::text) AS h FROM generate_series(1, 60000) g');
    await primary.query('CREATE INDEX in_ts_id ON in_ts (id) TABLESPACE bbts');
    await primary.query('VACUUM (FREEZE, ANALYZE)');
    await primary.query('CHECKPOINT');
  });

  const conn = () => resolveConnection({ host: '127.0.0.1', port: primary.port, user: 'postgres' }, {});
  /** Whether the server was built with the method (Debian's 15 has lz4 and zstd; the npm builds of 16+ have neither). */
  const serverHas = async (method: CompressionMethod) =>
    method === 'none' || method === 'gzip' || (await primary.scalar<string>("SELECT setting FROM pg_config WHERE name = 'CONFIGURE'")).includes(`--with-${method}`);

  const methods: CompressionMethod[] = ['lz4', 'gzip', 'zstd', 'none'];
  for (const method of methods) {
    const unavailable = decompressionUnavailable(method);
    (unavailable ? test.skip : test)(`${method}: every file equals the server's own, in both archives${unavailable ? ` (skipped: ${unavailable})` : ''}`, async () => {
      if (!(await serverHas(method))) {
        // Not built in: the refusal says so and how to go on.
        await expect(readBaseBackup(conn(), { label: 'x', compression: method, onFile: async () => undefined }))
          .rejects.toThrow(new RegExp(`built without ${method} support.*Choose another method`));
        return;
      }
      const got = new Map<string, Got>();
      const progress: number[] = [];
      const started = Date.now();
      const result = await readBaseBackup(conn(), {
        label: `reader test ${method}`,
        compression: method,
        compressionDetail: method === 'gzip' ? 'level=1' : undefined,
        onProgress: (p) => progress.push(p.bytesDone),
        onFile: async (file, body) => {
          const key = `${file.tablespaceOid ?? 'base'}:${file.path}`;
          expect(got.has(key)).toBe(false);
          const h = body ? await sha256(body, method === 'lz4') : null;
          got.set(key, { file, sha: h?.sha ?? null, bytes: h?.bytes ?? 0 });
        },
      });
      const seconds = (Date.now() - started) / 1000;

      // The result sets: positions, the tablespace list (main directory last), one archive each.
      expect(result.end.lsn).toBeGreaterThan(result.start.lsn);
      expect(result.start.timeline).toBe(1);
      expect(result.tablespaces).toEqual([
        { oid: tsOid, location: tsDir, sizeKb: expect.any(Number) },
        { oid: null, location: null, sizeKb: expect.any(Number) },
      ]);
      const suffix = { none: '', gzip: '.gz', lz4: '.lz4', zstd: '.zst' }[method];
      expect(result.archives.map((a) => a.name)).toEqual([`${tsOid}.tar${suffix}`, `base.tar${suffix}`]);
      expect(progress.length).toBeGreaterThan(0);

      // backup_label names the start position; tablespace_map the tablespace.
      const label = got.get('base:backup_label')!;
      expect(label.file.type).toBe('file');
      const map = got.get('base:tablespace_map')!;
      expect(map.file.size).toBeGreaterThan(0);
      // pg_control comes last in the main archive.
      expect([...got.keys()].filter((k) => k.startsWith('base:')).pop()).toBe('base:global/pg_control');

      // Every file equals the server's file, byte for byte, with its mode.
      let compared = 0;
      let fileBytes = 0;
      for (const { file, sha, bytes } of got.values()) {
        if (file.tablespaceOid === null && (file.path === 'backup_label' || file.path === 'tablespace_map')) continue;
        const onDisk = path.join(file.tablespaceOid === null ? primary.dataDir : tsDir, file.path);
        const st = fs.lstatSync(onDisk);
        if (file.type === 'directory') {
          expect({ path: file.path, isDir: st.isDirectory() || st.isSymbolicLink() }).toEqual({ path: file.path, isDir: true });
          continue;
        }
        expect(file.type).toBe('file');
        expect({ path: file.path, size: bytes, mode: file.mode }).toEqual({ path: file.path, size: st.size, mode: st.mode & 0o7777 });
        expect({ path: file.path, sha }).toEqual({ path: file.path, sha: shaOfFile(onDisk) });
        compared++;
        fileBytes += bytes;
      }
      // ...and every relation file on disk was in the backup (nothing silently dropped).
      const wanted = [
        ...relationFiles(primary.dataDir, 'base').map((p) => `base:${p}`),
        ...relationFiles(primary.dataDir, 'global').map((p) => `base:${p}`),
        ...relationFiles(tsDir, '.').map((p) => `${tsOid}:${p}`),
      ];
      expect(wanted.filter((k) => !got.has(k))).toEqual([]);
      expect(wanted.some((k) => k.startsWith(`${tsOid}:PG_${VERSION}_`))).toBe(true);
      expect(compared).toBeGreaterThan(500);
      process.stdout.write(`BASE_BACKUP ${method}: ${compared} files, ${(fileBytes / 1048576).toFixed(1)} MB of files, ` +
        `${(result.receivedBytes / 1048576).toFixed(1)} MB received, ${seconds.toFixed(2)} s\n`);
    });
  }

  test('a failing file handler stops the backup with its error, and the server takes the next backup', async () => {
    // gzip decompresses on zlib's threads, lz4 in ours: both must let go when the handler fails.
    for (const method of ['gzip', 'lz4'] as const) {
      if (!(await serverHas(method))) continue;
      await expect(readBaseBackup(conn(), {
        label: `reader test failure ${method}`,
        compression: method,
        onFile: async (file, body) => {
          if (file.path.startsWith('base/') && file.type === 'file') throw new Error(`no room for ${file.path}`);
          if (body) body.resume();
        },
      })).rejects.toThrow(/^no room for base\//);
    }
    // The walsender went away with the connection: a new backup starts and completes.
    let files = 0;
    const r = await readBaseBackup(conn(), {
      label: 'reader test after failure',
      compression: 'gzip',
      onFile: async (_f, body) => {
        files++;
        body?.resume();
        if (body) await new Promise((res) => body.on('end', res));
      },
    });
    expect(files).toBeGreaterThan(500);
    expect(r.archives).toHaveLength(2);
  });

  (decompressionUnavailable('zstd') ? test : test.skip)('zstd on a Node.js without it is refused before anything is asked of the server', async () => {
    await expect(readBaseBackup(conn(), { label: 'x', compression: 'zstd', onFile: async () => undefined }))
      .rejects.toThrow(/zstd decompression needs Node\.js 22\.15 or later .*Use compression lz4 or gzip/);
  });
});
