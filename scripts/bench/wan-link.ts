/**
 * A shaped network link on one machine: two network namespaces of our own joined by a veth pair,
 * with `tc tbf` (a token bucket) on both ends. The server side runs in one namespace and every
 * client in the other, so every byte between them crosses the shaped link (loopback stays inside
 * each namespace). netem (delay, loss) is not on this kernel; tbf is.
 *
 * Addresses are private and exist only inside the two namespaces (10.213.0.1/30 server side,
 * .2 client side): nothing is routed to or from the host's own namespace. Needs root (ip netns).
 * Namespaces are removed by destroy(), by the harness's cleanup, and on process exit.
 */
import { spawnSync } from 'child_process';
import { registerCleanup } from '../../test/support/cleanup';
import { isRoot, serverOsUser } from '../../test/support/os-user';

export interface LinkRate {
  /** As the user gave it, e.g. "100mbit". */
  label: string;
  bitsPerS: number;
}

const UNITS: Record<string, number> = { kbit: 1e3, mbit: 1e6, gbit: 1e9 };

/** "100mbit", "1gbit", "500kbit" (tc's units, decimal) into a rate. */
export function parseLinkRate(text: string): LinkRate {
  const m = /^(\d+(?:\.\d+)?)(kbit|mbit|gbit)$/i.exec(text.trim());
  if (!m) throw new Error(`link rate "${text}": give a number and kbit, mbit or gbit, e.g. 100mbit or 1gbit`);
  const bitsPerS = Number(m[1]) * UNITS[m[2].toLowerCase()];
  if (!(bitsPerS >= 1e5)) throw new Error(`link rate "${text}" is below 100kbit: too slow to copy a cluster over`);
  return { label: text.trim().toLowerCase(), bitsPerS };
}

export const SERVER_ADDRESS = '10.213.0.1';
export const CLIENT_ADDRESS = '10.213.0.2';
const PREFIX = 30;

function sh(cmd: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}`.trim() };
}

function must(cmd: string, args: string[]): string {
  const r = sh(cmd, args);
  if (!r.ok) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.out || 'no message'}`);
  return r.out;
}

/** tbf's bucket: 10 ms of the rate (at least 64 KiB, above one GSO super-packet), queue up to 50 ms. */
function tbfArgs(rate: LinkRate): string[] {
  const burstBytes = Math.max(64 * 1024, Math.round(rate.bitsPerS / 8 / 100));
  return ['tbf', 'rate', `${rate.bitsPerS}bit`, 'burst', String(burstBytes), 'latency', '50ms'];
}

let probed: string | null | undefined;

/** null when a shaped link can be built here; otherwise why not (for a "skipped" line). */
export function wanLinkUnavailable(): string | null {
  if (probed !== undefined) return probed;
  if (!isRoot()) return (probed = 'needs root (ip netns add, tc qdisc)');
  for (const tool of ['ip', 'tc']) {
    if (!sh(tool, ['-V']).ok) return (probed = `no ${tool} command (install iproute2)`);
  }
  // Build a throw-away pair with tbf on it: what create() does, so a yes here means it works.
  let link: WanLink | null = null;
  try {
    link = WanLink.create({ label: '10mbit', bitsPerS: 1e7 });
    probed = null;
  } catch (err) {
    probed = `cannot build a shaped veth pair here: ${(err as Error).message}`;
  } finally {
    link?.destroy();
  }
  return probed;
}

let counter = 0;

export class WanLink {
  private destroyed = false;
  private readonly onExit = () => this.destroy();

  private constructor(
    /** Namespace of the server side (SERVER_ADDRESS). */
    readonly serverNs: string,
    /** Namespace of the clients (CLIENT_ADDRESS). */
    readonly clientNs: string,
    readonly serverIf: string,
    readonly clientIf: string,
    private rateNow: LinkRate,
  ) {}

  /** Two new namespaces, a veth pair between them, addresses, and tbf at `rate` on both ends. */
  static create(rate: LinkRate): WanLink {
    const tag = `${process.pid}x${++counter}`;
    // Interface names are at most 15 characters.
    const link = new WanLink(`pgc-wan-${tag}-srv`, `pgc-wan-${tag}-cli`, `pgcs${tag}`.slice(0, 15), `pgcc${tag}`.slice(0, 15), rate);
    process.once('exit', link.onExit);
    registerCleanup(() => link.destroy());
    try {
      must('ip', ['netns', 'add', link.serverNs]);
      must('ip', ['netns', 'add', link.clientNs]);
      // Created in our namespace, then each end moved into its own: nothing stays behind here.
      must('ip', ['link', 'add', link.serverIf, 'type', 'veth', 'peer', 'name', link.clientIf]);
      must('ip', ['link', 'set', link.serverIf, 'netns', link.serverNs]);
      must('ip', ['link', 'set', link.clientIf, 'netns', link.clientNs]);
      for (const [ns, dev, addr] of [[link.serverNs, link.serverIf, SERVER_ADDRESS], [link.clientNs, link.clientIf, CLIENT_ADDRESS]]) {
        must('ip', ['-n', ns, 'addr', 'add', `${addr}/${PREFIX}`, 'dev', dev]);
        must('ip', ['-n', ns, 'link', 'set', dev, 'up']);
        must('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
        must('tc', ['-n', ns, 'qdisc', 'add', 'dev', dev, 'root', ...tbfArgs(rate)]);
      }
    } catch (err) {
      link.destroy();
      throw err;
    }
    return link;
  }

  get rate(): LinkRate {
    return this.rateNow;
  }

  /** Change the shaping of both ends (the link stays up). */
  reshape(rate: LinkRate): void {
    for (const [ns, dev] of [[this.serverNs, this.serverIf], [this.clientNs, this.clientIf]]) {
      must('tc', ['-n', ns, 'qdisc', 'replace', 'dev', dev, 'root', ...tbfArgs(rate)]);
    }
    this.rateNow = rate;
  }

  /** Bytes that crossed the link so far, both directions (the client end's counters). */
  bytesCrossed(): { toClient: number; toServer: number; total: number } {
    // /sys/class/net shows the namespace's own devices only inside it: ip netns exec remounts /sys.
    const read = (name: string) => Number(must('ip', ['netns', 'exec', this.clientNs, 'cat', `/sys/class/net/${this.clientIf}/statistics/${name}`]));
    const toClient = read('rx_bytes');
    const toServer = read('tx_bytes');
    return { toClient, toServer, total: toClient + toServer };
  }

  /** argv that runs `cmd args` in the client namespace, as root. */
  inClient(cmd: string, args: readonly string[]): { cmd: string; args: string[] } {
    return { cmd: 'ip', args: ['netns', 'exec', this.clientNs, cmd, ...args] };
  }

  /** argv that runs `cmd args` in a namespace as the PostgreSQL OS user (PostgreSQL refuses root). */
  asServerUserIn(side: 'server' | 'client', cmd: string, args: readonly string[]): { cmd: string; args: string[] } {
    const u = serverOsUser();
    const ns = side === 'server' ? this.serverNs : this.clientNs;
    // setpriv execs (no fork), so time/RSS measure the program itself.
    return { cmd: 'ip', args: ['netns', 'exec', ns, 'setpriv', `--reuid=${u.uid}`, `--regid=${u.gid}`, '--init-groups', cmd, ...args] };
  }

  /** Removes both namespaces (the veth pair goes with them). Idempotent, synchronous, never throws. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    process.removeListener('exit', this.onExit);
    for (const ns of [this.clientNs, this.serverNs]) {
      // Processes still inside keep a namespace's network alive; ours are ended by then.
      sh('ip', ['netns', 'del', ns]);
    }
  }
}
