/** A loopback TCP proxy in front of a server, whose connections a test can cut (fault injection). */
import * as net from 'net';

export class TcpProxy {
  /** Every connection made through the proxy, in the order they were opened. */
  readonly connections: Array<{ client: net.Socket; upstream: net.Socket }> = [];

  private constructor(private readonly server: net.Server, readonly port: number) {}

  static async start(targetPort: number): Promise<TcpProxy> {
    let proxy: TcpProxy | null = null;
    const server = net.createServer((client) => {
      const upstream = net.connect(targetPort, '127.0.0.1');
      client.pipe(upstream);
      upstream.pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', drop);
      upstream.on('error', drop);
      client.on('close', drop);
      upstream.on('close', drop);
      proxy!.connections.push({ client, upstream });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new TcpProxy(server, (server.address() as net.AddressInfo).port);
    return proxy;
  }

  /** Cuts connection `index` as a network failure would: both sides reset. */
  cut(index: number): void {
    const c = this.connections[index];
    if (!c) throw new Error(`TcpProxy: no connection #${index} (${this.connections.length} opened)`);
    c.client.resetAndDestroy();
    c.upstream.resetAndDestroy();
  }

  async close(): Promise<void> {
    for (const c of this.connections) {
      c.client.destroy();
      c.upstream.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
