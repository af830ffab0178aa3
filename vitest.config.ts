import { defineConfig } from 'vitest/config';

/** Suites that run a second time across a three-node cluster over Redis (see e2e/support/server-process.ts). */
const CLUSTER_SUITES = [
  'e2e/hugs.e2e.test.ts',
  'e2e/hug-bad-input.e2e.test.ts',
  'e2e/presence.e2e.test.ts',
  'e2e/social.e2e.test.ts',
  'e2e/session.e2e.test.ts',
  'e2e/bad-input.e2e.test.ts',
  'e2e/http-auth.e2e.test.ts',
];

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', '**/dist/**'],
    // End-to-end files start real server processes; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'main', include: ['**/*.test.ts'] } },
      { extends: true, test: { name: 'across-nodes', include: CLUSTER_SUITES, env: { HUGMOOD_E2E_SHAPE: 'cluster' } } },
    ],
  },
});
