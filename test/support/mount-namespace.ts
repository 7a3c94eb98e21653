/**
 * Private mount namespaces (unshare -m): a command sees an empty directory bind-mounted over a
 * path that, outside, belongs to another server. That is how one host plays two: a tablespace
 * kept "in place" on the target lands on the source's path, as it would on another machine.
 */
import { spawnSync } from 'child_process';
import { isRoot, serverOsUser } from './os-user';

export interface BindMount {
  /** The directory that really holds the data. */
  from: string;
  /** The path the command sees it at. */
  to: string;
}

let probed: string | null | undefined;

/** null when private mount namespaces work here; otherwise why not (for a skip message). */
export function mountNamespaceUnavailable(): string | null {
  if (probed !== undefined) return probed;
  if (!isRoot()) return (probed = 'needs root to unshare a mount namespace');
  const r = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', 'mount --bind / /mnt && umount /mnt'], { encoding: 'utf8' });
  probed = r.status === 0 ? null : `unshare -m failed: ${(r.stderr || r.error?.message || '').trim()}`;
  return probed;
}

/**
 * The argv that runs `cmd args` inside a new private mount namespace with `binds` in place,
 * as the server OS user when `asServerUser` (unshare and mount need root; PostgreSQL refuses it).
 */
export function inMountNamespace(binds: readonly BindMount[], cmd: string, args: readonly string[], asServerUser: boolean): { cmd: string; args: string[] } {
  const mounts = binds.map((_b, i) => `mount --bind "$${2 * i + 1}" "$${2 * i + 2}"`).join(' && ');
  const drop = asServerUser ? `runuser -u ${serverOsUser().name} -- ` : '';
  const script = `${mounts} && shift ${2 * binds.length} && exec ${drop}"$@"`;
  return { cmd: 'unshare', args: ['-m', '--propagation', 'private', 'sh', '-c', script, 'sh', ...binds.flatMap((b) => [b.from, b.to]), cmd, ...args] };
}
