/**
 * The bench's shaped link (scripts/bench/wan-link.ts), which tests of compressed copies over a
 * slow network reuse: traffic between its two namespaces is held to the rate, its counters see
 * it, and nothing is left behind.
 */
import { spawn, spawnSync } from 'child_process';
import { CLIENT_ADDRESS, parseLinkRate, SERVER_ADDRESS, WanLink, wanLinkUnavailable } from '../../scripts/bench/wan-link';
import { useClusters } from '../support/cleanup';

useClusters();

const unavailable = wanLinkUnavailable();
const BYTES = 3 * 1024 * 1024;

/** Sends BYTES from the client namespace to a one-shot receiver in the server namespace; ms taken. */
async function sendAcross(link: WanLink): Promise<number> {
  const receiver = spawn('ip', ['netns', 'exec', link.serverNs, process.execPath, '-e', `
    const srv = require('net').createServer((s) => { let n = 0; s.on('data', (d) => (n += d.length)); s.on('end', () => { s.end(String(n)); srv.close(); }); });
    srv.listen(5432, '${SERVER_ADDRESS}', () => process.stdout.write('ready\\n'));`], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    receiver.stdout!.once('data', () => resolve());
    receiver.once('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
  });
  const started = Date.now();
  const sender = spawnSync('ip', ['netns', 'exec', link.clientNs, process.execPath, '-e', `
    const s = require('net').connect(5432, '${SERVER_ADDRESS}', () => s.end(Buffer.alloc(${BYTES}, 7)));
    let got = ''; s.on('data', (d) => (got += d)); s.on('close', () => process.stdout.write(got));`], { encoding: 'utf8', timeout: 60_000 });
  const ms = Date.now() - started;
  receiver.kill();
  expect(sender.stdout).toBe(String(BYTES));
  return ms;
}

(unavailable ? describe.skip : describe)(`a shaped link between two namespaces${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  test('holds traffic to its rate, counts it, can be reshaped, and leaves nothing behind', async () => {
    const link = WanLink.create(parseLinkRate('20mbit'));
    try {
      // Only the two namespaces know these addresses.
      expect(spawnSync('ip', ['-o', 'addr'], { encoding: 'utf8' }).stdout).not.toContain(SERVER_ADDRESS);
      expect(spawnSync('ip', ['-n', link.clientNs, '-o', 'addr'], { encoding: 'utf8' }).stdout).toContain(CLIENT_ADDRESS);

      const before = link.bytesCrossed();
      const slowMs = await sendAcross(link);
      const crossed = link.bytesCrossed();
      // 3 MiB at 20 Mbit/s is 1.26 s; unshaped veth traffic takes a few ms.
      expect(slowMs).toBeGreaterThan(1000);
      expect(crossed.toServer - before.toServer).toBeGreaterThanOrEqual(BYTES);

      link.reshape(parseLinkRate('1gbit'));
      const fastMs = await sendAcross(link);
      expect(fastMs).toBeLessThan(slowMs / 2);
    } finally {
      link.destroy();
    }
    const left = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout;
    expect(left).not.toContain(link.serverNs);
    expect(left).not.toContain(link.clientNs);
    expect(spawnSync('ip', ['link', 'show', link.serverIf]).status).not.toBe(0);
  });
});

test('link rates are tc rates', () => {
  expect(parseLinkRate('100mbit')).toEqual({ label: '100mbit', bitsPerS: 1e8 });
  expect(parseLinkRate('1Gbit').bitsPerS).toBe(1e9);
  expect(() => parseLinkRate('fast')).toThrow(/e\.g\. 100mbit/);
});
