import fs from 'fs';
import path from 'path';
import { Worker } from 'worker_threads';

/** Where the target's old WAL waits for its removal; PostgreSQL never looks into subdirectories of pg_wal for segments. */
export const DISCARDED_WAL_DIR = 'pg_wal/pg_catchup_discarded';

/**
 * Moves the target's old WAL (possibly of its own branch, which must not be replayed after the
 * sync) out of pg_wal at once, and returns its removal, which runs in the background: unlinking
 * a few GB of segments takes the file system a noticeable time (150 ms for 60 segments here)
 * that the run need not wait for until it ends. Contents of archive_status and summaries go too;
 * the directories stay. `keep` names segments that stay (with their archive status): a files-only
 * copy's target replays them (pg_rewind keeps them for the same reason).
 */
export function setTargetWalAside(targetDir: string, keep: readonly string[] = []): Promise<void> {
  const walDir = path.join(targetDir, 'pg_wal');
  if (!fs.existsSync(walDir)) return Promise.resolve();
  const discard = path.join(targetDir, DISCARDED_WAL_DIR);
  fs.mkdirSync(discard, { recursive: true });
  const aside = path.basename(discard);
  for (const name of fs.readdirSync(walDir)) {
    if (name === aside || keep.includes(name)) continue;
    const p = path.join(walDir, name);
    if (name === 'archive_status' || name === 'summaries') {
      for (const f of fs.readdirSync(p)) if (!keep.some((k) => f.startsWith(`${k}.`))) fs.renameSync(path.join(p, f), path.join(discard, `${name}.${f}`));
    } else {
      fs.renameSync(p, path.join(discard, name));
    }
  }
  return removeInThread(discard);
}

/**
 * Removes a directory tree on a thread of its own: fs.promises.rm would queue one unlink per
 * file on libuv's four shared threads, and every other file operation of the run would wait
 * behind them (120 ms for 60 segments, here).
 */
function removeInThread(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker("require('fs').rmSync(require('worker_threads').workerData, { recursive: true, force: true })", { eval: true, workerData: dir });
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`removal thread exited with code ${code}`))));
  });
}
