/**
 * Moves a harness primary to the server side of a WanLink and back. The harness starts servers on
 * 127.0.0.1 in our own namespace, which the client namespace cannot reach; on the link the same
 * data directory runs under `ip netns exec`, listening on SERVER_ADDRESS only, with pg_hba lines
 * for the link's /30. pg_ctl stop works from anywhere (it signals the pid in postmaster.pid), so
 * the harness's own stop and cleanup still apply; its SQL helpers (127.0.0.1) do not while moved.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Cluster } from '../../test/support';
import { run } from '../../test/support/run';
import { SERVER_ADDRESS, WanLink } from './wan-link';

const HBA_MARK = '# pg-catchup bench: the WAN link';

function allowLinkClients(dataDir: string): void {
  const hba = path.join(dataDir, 'pg_hba.conf');
  const text = fs.readFileSync(hba, 'utf8');
  if (text.includes(HBA_MARK)) return;
  // Appending keeps the file's owner (the server user).
  fs.appendFileSync(hba, `${HBA_MARK}\nhost all all 10.213.0.0/30 trust\nhost replication all 10.213.0.0/30 trust\n`);
}

/** Stops `primary` and starts it again in the link's server namespace; returns its conninfo for clients. */
export async function startOnServerSide(primary: Cluster, link: WanLink): Promise<string> {
  await primary.stop('fast');
  allowLinkClients(primary.dataDir);
  const options = [
    '-p', String(primary.port),
    '-c', `listen_addresses=${SERVER_ADDRESS}`,
    '-c', `unix_socket_directories=${primary.socketDir}`,
    '-c', 'logging_collector=off',
  ].join(' ');
  const pgctl = path.join(primary.binDir, 'pg_ctl');
  const wrapped = link.asServerUserIn('server', pgctl, ['start', '-D', primary.dataDir, '-l', primary.logFile, '-w', '-t', '120', '-o', options]);
  await run(wrapped.cmd, wrapped.args, { asRoot: true, timeoutMs: 150_000, cwd: primary.socketDir, context: () => primary.logTail(30) });
  return `host=${SERVER_ADDRESS} port=${primary.port} user=postgres`;
}

/** Back on 127.0.0.1 in our own namespace, as the harness started it. */
export async function startOnLoopback(primary: Cluster): Promise<void> {
  await primary.stop('fast');
  await primary.start();
}
