import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** Options of {@link startJitterProxy}. */
export interface JitterOptions {
  /** Where to forward (`host:port`). */
  readonly targetHost: string;
  readonly targetPort: number;
  /** Mean one-way delay added to each chunk, in ms. */
  readonly meanMs: number;
  /** Each chunk's delay is uniform in `meanMs ± jitterMs`. */
  readonly jitterMs: number;
  readonly random?: () => number;
}

/** A running proxy and what went through it. */
export interface JitterProxy {
  readonly port: number;
  readonly url: string;
  /** Chunks and bytes forwarded, both ways. */
  readonly stats: { chunks: number; bytes: number; connections: number };
  close(): Promise<void>;
}

/**
 * A TCP proxy on 127.0.0.1 that delays every chunk, each way, by `meanMs ± jitterMs` (uniform):
 * the network of a phone on a busy cell, for one browser page, where `tc netem` is not available.
 * A TCP stream cannot reorder, so a chunk never overtakes the one before it (a short delay after a
 * long one waits for it), as on a real link.
 */
export async function startJitterProxy(options: JitterOptions): Promise<JitterProxy> {
  const random = options.random ?? Math.random;
  const stats = { chunks: 0, bytes: 0, connections: 0 };
  const sockets = new Set<Socket>();
  const delay = () => options.meanMs + (random() * 2 - 1) * options.jitterMs;

  /** Forwards `from` → `to`, each chunk after its own delay, in order. */
  const pipeDelayed = (from: Socket, to: Socket) => {
    let lastAt = 0;
    from.on('data', (chunk: Buffer) => {
      const at = Math.max(lastAt, Date.now() + delay());
      lastAt = at;
      stats.chunks += 1;
      stats.bytes += chunk.length;
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk);
      }, at - Date.now());
    });
    // Close after the last delayed chunk has gone.
    from.on('end', () => setTimeout(() => to.end(), Math.max(0, lastAt - Date.now()) + 1));
    from.on('error', () => to.destroy());
  };

  const server: Server = createServer((client) => {
    stats.connections += 1;
    const upstream = createConnection({ host: options.targetHost, port: options.targetPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    pipeDelayed(client, upstream);
    pipeDelayed(upstream, client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
