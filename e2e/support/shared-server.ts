import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { closeAllClients } from './clients.js';
import { type ServerProcess, startServer } from './server-process.js';

/** How long a server of {@link sharedServer} lives. */
export interface SharedServerLife {
  /** A fresh server (and store) for each test rather than one for the whole `describe`. */
  readonly eachTest?: boolean;
}

/**
 * One server for every test of the calling `describe` (or, with `eachTest`, one per test): started
 * before them, stopped after them, with the clients each test connected closed after it. Returns
 * the server (once started).
 */
export function sharedServer(options: Parameters<typeof startServer>[0] = {}, life: SharedServerLife = {}): () => ServerProcess {
  let server: ServerProcess | undefined;
  const start = async () => {
    server = await startServer(options);
  };
  const stop = async () => {
    await server?.stop();
    server = undefined;
  };
  if (life.eachTest) {
    beforeEach(start);
    afterEach(async () => {
      closeAllClients();
      await stop();
    });
  } else {
    beforeAll(start);
    afterEach(() => closeAllClients());
    afterAll(stop);
  }
  return () => {
    if (!server) throw new Error('the shared server has not started');
    return server;
  };
}

/**
 * Whether this project runs on the MongoDB store (FerretDB in CI). FerretDB's SQLite backend reads
 * a whole collection for every query that is not one `_id` (about 0.1 ms per document here: 0.45 s
 * per query at 4,000), so a suite that writes hundreds of hugs takes a fresh store for each test
 * there, or the next test waits behind the last one's writes.
 */
export const onMongoStore = (): boolean => process.env['HUGMOOD_E2E_STORE'] === 'mongo';
