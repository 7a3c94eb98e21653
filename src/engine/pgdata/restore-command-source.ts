import fs from 'fs';
import os from 'os';
import path from 'path';
import type { CommandRunner } from '../command-runner';
import type { FileOwner } from './file-owner';
import { runAsOwner } from './single-user-recovery';
import type { WalSegmentSource } from '../wal/wal-reader';
import { segmentFileName } from '../wal/wal-segment';

/**
 * A segment source that falls back to the target's restore_command for segments its pg_wal no
 * longer has (-c/--restore-target-wal). Segments are restored into a private temporary
 * directory, never into the target, and removed when closed.
 */
export class RestoreCommandSource implements WalSegmentSource {
  readonly segSize: number;
  private readonly dir: string;
  restored: string[] = [];

  constructor(
    private readonly local: WalSegmentSource,
    private readonly restoreCommand: string,
    private readonly runner: CommandRunner,
    private readonly owner: FileOwner | null,
  ) {
    this.segSize = local.segSize;
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-catchup-restore-'));
    if (owner) fs.chownSync(this.dir, owner.uid, owner.gid);
  }

  async read(tli: number, segNo: bigint): Promise<Buffer | null> {
    const local = await this.local.read(tli, segNo);
    if (local) return local;
    const name = segmentFileName(tli, segNo, this.segSize);
    const dest = path.join(this.dir, name);
    const res = await runAsOwner(this.runner, this.owner, 'sh', ['-c', substitute(this.restoreCommand, name, dest)]);
    if (res.exitCode !== 0 || !fs.existsSync(dest)) return null;
    const data = fs.readFileSync(dest);
    fs.rmSync(dest, { force: true });
    if (data.length !== this.segSize) return null;
    this.restored.push(name);
    return data;
  }

  describe(tli: number, segNo: bigint): string {
    return `${segmentFileName(tli, segNo, this.segSize)} (pg_wal, then restore_command)`;
  }

  close(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

// %r names the oldest file recovery still needs; a restore_command may run pg_archivecleanup %r.
// We keep no restart point, so the lowest possible name: cleanup then removes nothing.
const NO_RESTART_POINT = '0'.repeat(24);

/** restore_command's placeholders, as PostgreSQL expands them (%f file, %p path, %r, %%). */
export function substitute(command: string, fileName: string, destPath: string): string {
  return command.replace(/%([fpr%])/g, (_m, c: string) => (c === 'f' ? fileName : c === 'p' ? destPath : c === 'r' ? NO_RESTART_POINT : '%'));
}
