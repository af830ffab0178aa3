import { startClusterAsServer } from './cluster-process.js';
import { type ServerProcess, type StartOptions, startNodeProcess } from './node-process.js';

export * from './node-process.js';

/**
 * Starts the server the suites test: one process, or, in the cluster project (vitest.config.ts
 * sets `HUGMOOD_E2E_SHAPE=cluster`), three nodes over Redis behind one face, so every suite also
 * runs across nodes. `{ single: true }` keeps one process (tests of one node's own behaviour).
 */
export function startServer(options: StartOptions = {}): Promise<ServerProcess> {
  if (process.env['HUGMOOD_E2E_SHAPE'] === 'cluster' && !options.single) return startClusterAsServer(options);
  return startNodeProcess(options);
}
