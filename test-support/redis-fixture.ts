import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe } from 'vitest';
import { connectRedis } from '../persistence/redis/redis-connection.js';
import { disposeRedisServer, type RedisServer, redisServerAvailable, startRedisServer, type RedisServerOptions } from './redis-server.js';

/** What a Redis-backed test file gets from {@link describeWithRedis}. */
export interface RedisFixture {
  /** The running server. */
  readonly server: () => RedisServer;
  /** A new connection whose keys live under a fresh prefix (closed after the file). */
  readonly connect: (options?: { readonly keyPrefix?: string; readonly failFast?: boolean }) => Promise<Redis>;
}

const HOW_TO_ENABLE = 'install it (Debian: apt-get install -y redis-server; macOS: brew install redis) and rerun; .ci/run installs it and sets REQUIRE_REDIS=1';

/**
 * Runs `body` against a real `redis-server` that this file starts on a free port and stops after.
 * Without a `redis-server` binary the suite is skipped with a printed reason, unless
 * `REQUIRE_REDIS=1` (as in CI), where that is a failure.
 */
export function describeWithRedis(name: string, body: (redis: RedisFixture) => void, options: RedisServerOptions = {}): void {
  const available = redisServerAvailable();
  if (!available && process.env['REQUIRE_REDIS'] !== '1') {
    console.warn(`[skipped] ${name}: no redis-server on the PATH; ${HOW_TO_ENABLE}`);
    describe.skip(`${name} (skipped: no redis-server; ${HOW_TO_ENABLE})`, () => undefined);
    return;
  }
  describe(name, () => {
    let server: RedisServer | undefined;
    const connections: Redis[] = [];
    beforeAll(async () => {
      server = await startRedisServer(options);
    });
    afterAll(async () => {
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
      await disposeRedisServer(server);
    });
    body({
      server: () => {
        if (!server) throw new Error('the Redis server is not started yet (use it inside a test or hook)');
        return server;
      },
      connect: async (opts = {}) => {
        if (!server) throw new Error('the Redis server is not started yet (use it inside a test or hook)');
        const redis = await connectRedis(server.url, {
          name: 'test',
          keyPrefix: opts.keyPrefix ?? `t-${randomUUID()}:`,
          failFast: opts.failFast,
        });
        connections.push(redis);
        return redis;
      },
    });
  });
}
