import { createServer } from 'node:net';

/**
 * A port on 127.0.0.1 that is free now. Restart tests listen on an explicit port from the start:
 * uWS cannot bind again a port it first took as port 0 while one of its connections lingers.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
