import { createServer } from 'node:net';

/** Below Linux's default ephemeral range (32768–60999): no outgoing connection or `listen(0)` takes these. */
const FIXED_PORTS = { from: 20_000, to: 30_000 };

/** Listens on `port` of 127.0.0.1 and closes again: the port it got, or null when it is taken. */
function probe(port: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolve(null) : reject(error)));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const got = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(got));
    });
  });
}

/**
 * A port on 127.0.0.1 that is free now. Restart tests listen on an explicit port from the start:
 * uWS cannot bind again a port it first took as port 0 while one of its connections lingers. The
 * port comes from below the ephemeral range, so that between a `kill -9` and the restart on the
 * same port no outgoing connection of another test (they use ephemeral local ports) can hold it.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const candidate = FIXED_PORTS.from + Math.floor(Math.random() * (FIXED_PORTS.to - FIXED_PORTS.from));
    const port = await probe(candidate);
    if (port !== null) return port;
  }
  const any = await probe(0);
  if (any === null) throw new Error('no free port on 127.0.0.1');
  return any;
}
