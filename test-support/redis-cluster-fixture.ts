import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe } from 'vitest';
import { connectRedisCluster } from '../persistence/redis/redis-client.js';
import { type RedisClusterProcesses, startRedisCluster } from '../server/ops/redis-cluster-process.js';
import { redisServerAvailable } from './redis-server.js';

/** What a test file gets from {@link describeWithRedisCluster}. */
export interface RedisClusterFixture {
  /** The running cluster. */
  readonly cluster: () => RedisClusterProcesses;
  /** A new cluster client whose keys live under a fresh prefix (closed after the file). */
  readonly connect: (options?: { readonly keyPrefix?: string; readonly failFast?: boolean; readonly shardedSubscribers?: boolean }) => Promise<Cluster>;
}

const HOW_TO_ENABLE = 'install redis-server and redis-cli (Debian: apt-get install -y redis-server) and rerun; .ci/run installs them and sets REQUIRE_REDIS=1';

/**
 * Runs `body` against a real Redis Cluster of three masters that this file starts on free ports
 * (`redis-server` in cluster mode, joined by `redis-cli --cluster create`) and stops after. Skipped
 * with a printed reason without `redis-server`, unless `REQUIRE_REDIS=1` (CI).
 */
export function describeWithRedisCluster(name: string, body: (fixture: RedisClusterFixture) => void): void {
  if (!redisServerAvailable() && process.env['REQUIRE_REDIS'] !== '1') {
    console.warn(`[skipped] ${name}: no redis-server on the PATH; ${HOW_TO_ENABLE}`);
    describe.skip(`${name} (skipped: no redis-server; ${HOW_TO_ENABLE})`, () => undefined);
    return;
  }
  describe(name, () => {
    let processes: RedisClusterProcesses | undefined;
    const dir = mkdtempSync(join(tmpdir(), 'hugmood-redis-cluster-'));
    const clients: Cluster[] = [];
    beforeAll(async () => {
      processes = await startRedisCluster({ masters: 3, dir });
    });
    afterAll(async () => {
      for (const client of clients) client.disconnect();
      await processes?.stop();
      rmSync(dir, { recursive: true, force: true });
    });
    const started = () => {
      if (!processes) throw new Error('the Redis Cluster is not started yet (use it inside a test or hook)');
      return processes;
    };
    body({
      cluster: started,
      connect: async (options = {}) => {
        const client = await connectRedisCluster(started().seeds, {
          name: 'test',
          keyPrefix: options.keyPrefix ?? `t-${randomUUID()}:`,
          ...(options.failFast === undefined ? {} : { failFast: options.failFast }),
          ...(options.shardedSubscribers === undefined ? {} : { shardedSubscribers: options.shardedSubscribers }),
        });
        clients.push(client);
        return client;
      },
    });
  });
}
