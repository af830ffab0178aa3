import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { FERRETDB_HOW_TO, ferretDbBinary } from './test-support/ferretdb-server.js';

/** Suites that run a second time across a three-node cluster over Redis (see e2e/support/server-process.ts). */
const CLUSTER_SUITES = [
  'e2e/hugs.e2e.test.ts',
  'e2e/hug-bad-input.e2e.test.ts',
  'e2e/presence.e2e.test.ts',
  'e2e/social.e2e.test.ts',
  'e2e/session.e2e.test.ts',
  'e2e/bad-input.e2e.test.ts',
  'e2e/http-auth.e2e.test.ts',
  'e2e/group-hugs.e2e.test.ts',
  'e2e/moods.e2e.test.ts',
  'e2e/notifications.e2e.test.ts',
  'e2e/reminders.e2e.test.ts',
  'e2e/feed.e2e.test.ts',
  'e2e/pending-state.e2e.test.ts',
  'e2e/hardening/account.e2e.test.ts',
];

// Cluster suites start their own redis-server. Without one they are left out with a printed reason,
// unless REQUIRE_REDIS=1 (CI), where they run and fail loudly. The *.redis.test.ts files skip themselves.
const haveRedis = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
const runCluster = haveRedis || process.env['REQUIRE_REDIS'] === '1';
if (!runCluster) {
  console.warn(
    '[skipped] the across-nodes project and e2e/cluster/: no redis-server on the PATH; install it (Debian: apt-get install -y redis-server; macOS: brew install redis) and rerun',
  );
}

/** Suites that also run on the MongoDB store (FerretDB in CI): once on one node, once across three. */
const MONGO_SUITES = ['e2e/hugs.e2e.test.ts', 'e2e/notifications.e2e.test.ts'];

// The MongoDB projects need MONGO_URL or a FerretDB binary (scripts/install-ferretdb.sh); without
// either they are left out with a printed reason, unless REQUIRE_MONGO=1 (CI).
const runMongo = Boolean(process.env['MONGO_URL']) || ferretDbBinary() !== null || process.env['REQUIRE_MONGO'] === '1';
if (!runMongo) console.warn(`[skipped] the mongodb end-to-end projects: no MONGO_URL and no FerretDB binary; ${FERRETDB_HOW_TO}`);

export default defineConfig({
  // The React bindings import the SDK by its package name; tests run them on its source.
  resolve: { alias: { '@hugmood/client': fileURLToPath(new URL('./client-sdk/src/index.ts', import.meta.url)) } },
  test: {
    exclude: ['**/node_modules/**', '**/dist/**'],
    // End-to-end files start real server processes; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A failed end-to-end test prints its servers' warnings (see the file).
    setupFiles: ['e2e/support/failure-logs.setup.ts'],
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'main', include: ['**/*.test.ts', '**/*.test.tsx'], exclude: ['**/node_modules/**', '**/dist/**', ...(runCluster ? [] : ['e2e/cluster/**'])] } },
      ...(runCluster
        ? [
            { extends: true as const, test: { name: 'across-nodes', include: CLUSTER_SUITES, env: { HUGMOOD_E2E_SHAPE: 'cluster' } } },
            // The same suites with the nodes on a three-master Redis Cluster (REDIS_CLUSTER_NODES).
            { extends: true as const, test: { name: 'across-nodes-redis-cluster', include: CLUSTER_SUITES, env: { HUGMOOD_E2E_SHAPE: 'cluster', HUGMOOD_E2E_REDIS: 'cluster' } } },
          ]
        : []),
      ...(runMongo
        ? [
            { extends: true as const, test: { name: 'mongodb', include: MONGO_SUITES, globalSetup: ['test-support/mongo-global-setup.ts'], env: { HUGMOOD_E2E_STORE: 'mongo' } } },
            ...(runCluster
              ? [{ extends: true as const, test: { name: 'across-nodes-mongodb', include: MONGO_SUITES, globalSetup: ['test-support/mongo-global-setup.ts'], env: { HUGMOOD_E2E_SHAPE: 'cluster', HUGMOOD_E2E_STORE: 'mongo' } } }]
              : []),
          ]
        : []),
    ],
  },
});
