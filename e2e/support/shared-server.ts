import { afterAll, afterEach, beforeAll } from 'vitest';
import { closeAllClients } from './clients.js';
import { type ServerProcess, startServer } from './server-process.js';

/**
 * One server for every test of the calling `describe`: started before them, stopped after them,
 * with the clients each test connected closed after it. Returns the server (once started).
 */
export function sharedServer(options: Parameters<typeof startServer>[0] = {}): () => ServerProcess {
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    server = await startServer(options);
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('the shared server has not started');
    return server;
  };
}
