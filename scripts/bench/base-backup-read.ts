/**
 * A stand-in for the compressed FULL the engine does not have yet: reads a BASE_BACKUP with the
 * streaming reader (src/engine/source/base-backup/) into a directory, as pg_basebackup's plain
 * format does (files written as they arrive, tablespaces into <dir>/pg_tblspc_<oid>/), then
 * syncs the file system once. No WAL, no page checksum check, no standby setup: it times the
 * transfer path alone, for the bench's wan section. Prints one JSON line.
 *
 *   node base-backup-read.js --host H --port P --user U --compression lz4 [--detail level=1] --target DIR
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pipeline } from 'stream/promises';
import { parseArgs } from 'util';
import { readBaseBackup } from '../../src/engine/source/base-backup/base-backup-reader';
import type { CompressionMethod } from '../../src/engine/source/base-backup/decompressor';
import { resolveConnection } from '../../src/engine/source/connection-options';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { host: { type: 'string' }, port: { type: 'string' }, user: { type: 'string' }, compression: { type: 'string' }, detail: { type: 'string' }, target: { type: 'string' } },
  });
  const target = values.target!;
  const started = process.hrtime.bigint();
  let files = 0;
  let bytes = 0;
  const conn = resolveConnection({ host: values.host, port: values.port, user: values.user ?? 'postgres' }, {});
  const result = await readBaseBackup(conn, {
    label: 'pg-catchup bench reader',
    compression: (values.compression ?? 'lz4') as CompressionMethod,
    compressionDetail: values.detail,
    // Two files in flight: one being written while the next is parsed.
    maxPendingFiles: 2,
    onFile: async (file, body) => {
      const root = file.tablespaceOid === null ? target : path.join(target, `pg_tblspc_${file.tablespaceOid}`);
      const p = path.join(root, file.path);
      if (file.type === 'directory') {
        fs.mkdirSync(p, { recursive: true, mode: file.mode });
        return;
      }
      if (file.type === 'symlink') return;
      fs.mkdirSync(path.dirname(p), { recursive: true });
      await pipeline(body!, fs.createWriteStream(p, { mode: file.mode, highWaterMark: 1024 * 1024 }));
      files++;
      bytes += file.size;
    },
  });
  const copiedMs = Number(process.hrtime.bigint() - started) / 1e6;
  spawnSync('sync', ['-f', target]);
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`${JSON.stringify({ files, bytes, receivedBytes: result.receivedBytes, copiedMs, totalMs, start: result.start.lsn.toString(), end: result.end.lsn.toString() })}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`base-backup-read: ${err.message}\n`);
  process.exitCode = 1;
});
