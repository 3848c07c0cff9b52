// A TCP relay between the client and the simulator, for faults the simulator itself does not produce:
// injecting a well-formed reply (an unknown tag), a link that dies without FIN or RST (blackhole), and
// paced 1-byte delivery (trickle) so that every byte reaches the client in its own read, whatever the load.
import net from 'node:net';

export interface Relay {
  port: number;
  /** Writes bytes to every connected client as if the router had sent them. */
  inject(bytes: Buffer): void;
  /** Stops forwarding in both directions and keeps the sockets open: a dead link. */
  blackhole(): void;
  /** Router-to-client bytes are written one at a time with this gap between them (0: off). */
  trickle(gapMs: number): void;
  close(): Promise<void>;
}

export async function startRelay(target: { host: string; port: number }): Promise<Relay> {
  const clients = new Set<net.Socket>();
  const upstreams = new Set<net.Socket>();
  let dead = false;
  let gapMs = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    client.setNoDelay(true); // without it Nagle would merge the trickled bytes again
    clients.add(client);
    upstreams.add(upstream);
    client.on('data', (chunk) => {
      if (!dead) upstream.write(chunk);
    });
    const queue: number[] = [];
    let pumping = false;
    const pump = (): void => {
      const byte = queue.shift();
      if (byte === undefined || dead || client.destroyed) {
        pumping = false;
        return;
      }
      client.write(Buffer.from([byte]));
      setTimeout(pump, gapMs);
    };
    upstream.on('data', (chunk: Buffer) => {
      if (dead) return;
      if (gapMs === 0 && !pumping) {
        client.write(chunk);
        return;
      }
      for (const byte of chunk) queue.push(byte);
      if (!pumping) {
        pumping = true;
        pump();
      }
    });
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      clients.delete(client);
      upstreams.delete(upstream);
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    port: address.port,
    inject: (bytes) => {
      for (const client of clients) client.write(bytes);
    },
    blackhole: () => {
      dead = true;
    },
    trickle: (ms) => {
      gapMs = ms;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of [...clients, ...upstreams]) s.destroy();
        server.close(() => resolve());
      }),
  };
}
