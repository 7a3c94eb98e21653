import * as fs from 'fs';
import { Cluster, expectCliSuccess, runCli, testVersions, useClusters } from '../support';

useClusters();

interface TcpSocket {
  remotePort: number;
  /** /proc/net/tcp's timer kind: 0 none, 1 retransmit, 2 keepalive, 3 TIME_WAIT, 4 zero-window probe. */
  timer: number;
  /** Until that timer fires, in clock ticks (USER_HZ: 100 per second). */
  whenTicks: number;
}

/** The TCP sockets a process holds, by inode, from /proc (no ss or netstat needed). */
function tcpSocketsOf(pid: number): Map<string, TcpSocket> {
  const inodes = new Set<string>();
  try {
    for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
      const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`, { encoding: 'utf8' }).toString());
      if (m) inodes.add(m[1]);
    }
  } catch {
    return new Map(); // the process ended, or an fd closed while we read
  }
  const found = new Map<string, TcpSocket>();
  for (const line of fs.readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10 || !inodes.has(f[9]) || f[3] !== '01') continue; // 01: ESTABLISHED
    const [timer, when] = f[5].split(':');
    found.set(f[9], { remotePort: parseInt(f[2].split(':')[1], 16), timer: parseInt(timer, 16), whenTicks: parseInt(when, 16) });
  }
  return found;
}

// Issue 8, fault 3: a control connection idle for the length of a long copy must not be dropped
// by a firewall, so every connection to the source carries TCP keepalives.
describe.each(testVersions().slice(-1))('TCP keepalives, PostgreSQL %i', (version) => {
  test('every connection to the source has a keepalive timer of at most 10 s, all through a run', async () => {
    const primary = await Cluster.createPrimary(version);
    await primary.query("CREATE TABLE t AS SELECT g, repeat(md5(g::text), 10) AS v FROM generate_series(1, 400000) g");
    const target = primary.makeTargetDir();
    const seen = new Map<string, TcpSocket[]>();
    let watch: NodeJS.Timeout | undefined;
    const res = await runCli(['catchup', '-b', 'FULL', '-D', target, '-j', '2', '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'], {
      onSpawn: (pid) => {
        watch = setInterval(() => {
          for (const [inode, s] of tcpSocketsOf(pid)) {
            if (s.remotePort === primary.port) seen.set(inode, [...(seen.get(inode) ?? []), s]);
          }
        }, 5);
      },
    });
    clearInterval(watch);
    expectCliSuccess(res);
    // The control connection, two data connections and the WAL stream, at least.
    expect(seen.size).toBeGreaterThanOrEqual(3);
    for (const [inode, samples] of seen) {
      // A socket with unacknowledged data shows its retransmit timer instead; between sends the keepalive one is armed.
      const keepalive = samples.filter((s) => s.timer === 2);
      expect({ inode, samples: samples.length, keepaliveSamples: keepalive.length > 0 }).toEqual({ inode, samples: samples.length, keepaliveSamples: true });
      expect(Math.max(...keepalive.map((s) => s.whenTicks))).toBeLessThanOrEqual(10 * 100);
    }
  });
});
