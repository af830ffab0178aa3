import type { TestProject } from 'vitest/node';
import { startFerretDb } from './ferretdb-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The MongoDB URL the `*-mongodb` projects' servers use (MONGO_URL, or a FerretDB this setup started). */
    mongoUrl: string;
  }
}

/**
 * Global setup of the projects that run end-to-end suites on the MongoDB store: one FerretDB for
 * the whole run (or MONGO_URL when set), provided to the tests, stopped at the end. Each server a
 * test starts gets a database of its own on it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env['MONGO_URL'];
  if (given) {
    project.provide('mongoUrl', given);
    return () => Promise.resolve();
  }
  const ferret = await startFerretDb();
  project.provide('mongoUrl', ferret.url);
  return () => ferret.stop();
}
