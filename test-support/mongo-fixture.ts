import { describe } from 'vitest';
import { FERRETDB_HOW_TO, ferretDbBinary } from './ferretdb-server.js';

/** Where the MongoDB suites get their server: `MONGO_URL`, else a FerretDB each file starts, else none. */
export type MongoSource = { readonly kind: 'url'; readonly url: string } | { readonly kind: 'ferretdb' } | { readonly kind: 'none' };

/** What the environment offers for the MongoDB suites. */
export function mongoSource(): MongoSource {
  const url = process.env['MONGO_URL'];
  if (url) return { kind: 'url', url };
  return ferretDbBinary() ? { kind: 'ferretdb' } : { kind: 'none' };
}

/**
 * Whether the MongoDB suites can run; when not, registers a skipped suite under `name` with the
 * printed reason (or, with `REQUIRE_MONGO=1` as in CI, lets them run and fail loudly).
 */
export function mongoSuitesRun(name: string): boolean {
  if (mongoSource().kind !== 'none' || process.env['REQUIRE_MONGO'] === '1') return true;
  console.warn(`[skipped] ${name}: no MONGO_URL and no FerretDB binary; ${FERRETDB_HOW_TO}`);
  describe.skip(`${name} (skipped: no MONGO_URL and no FerretDB; ${FERRETDB_HOW_TO})`, () => undefined);
  return false;
}
