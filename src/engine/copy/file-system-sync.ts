import type childProcess from 'child_process';
import fs from 'fs';
import path from 'path';
import { CatchupError } from '../errors';

/**
 * --sync-method=syncfs, as PostgreSQL 16's tools have it: one syncfs(2) per file system instead
 * of an fsync per file, which for a cluster of many small relations is the difference between
 * seconds and minutes. Node has no syncfs binding; coreutils' `sync --file-system` is that call.
 * It also writes back other files on those file systems, which is the method's known cost.
 */
export type SyncMethod = 'fsync' | 'syncfs';

/** The target directory, its pg_wal and its tablespaces: one path per file system among them. */
export function fileSystemsOf(root: string): string[] {
  const candidates = [root, path.join(root, 'pg_wal')];
  const tblspc = path.join(root, 'pg_tblspc');
  if (fs.existsSync(tblspc)) for (const name of fs.readdirSync(tblspc)) candidates.push(path.join(tblspc, name));
  const byDevice = new Map<number, string>();
  for (const p of candidates) {
    const st = fs.statSync(p, { throwIfNoEntry: false }); // follows the links to where the files are
    if (st && !byDevice.has(st.dev)) byDevice.set(st.dev, p);
  }
  return [...byDevice.values()];
}

export async function syncFileSystems(root: string): Promise<void> {
  // Required here: `child_process` costs ~3 ms of every start, and only --sync-method=syncfs needs it.
  const { execFile } = require('child_process') as typeof childProcess;
  await Promise.all(fileSystemsOf(root).map((p) => new Promise<void>((resolve, reject) => {
    execFile('sync', ['--file-system', p], (err, _stdout, stderr) => {
      if (!err) return resolve();
      reject(new CatchupError('syncfs-failed', `syncfs of the file system holding ${p} failed: ${stderr.trim() || err.message}.`,
        'Run the same command again with --sync-method=fsync (every file is then fsynced one by one).'));
    });
  })));
}
