import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeWithRedisCluster } from '../../test-support/redis-cluster-fixture.js';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import type { RateRule } from './rate-limiter.js';
import { runRateLimiterContract } from './rate-limiter.contract.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';

describeWithRedis('redis rate limiter', (redis) => {
  runRateLimiterContract('redis', async () => new RedisRateLimiter(await redis.connect()));
});

describeWithRedisCluster('redis rate limiter on a Redis Cluster', (cluster) => {
  runRateLimiterContract('redis cluster', async () => new RedisRateLimiter(await cluster.connect()));
});

describeWithRedis('redis rate limiter: one key per subject', (redis) => {
  it('keeps all of a subject’s buckets in one key, which expires once the slowest is full again', async () => {
    const client = await redis.connect();
    const limiter = new RedisRateLimiter(client, { prefix: `t-${randomUUID()}:` });
    const fast: RateRule = { name: 'fast', capacity: 2, refillPerSecond: 5 };
    const slow: RateRule = { name: 'slow', capacity: 1, refillPerSecond: 1 };
    expect((await limiter.consume('alice', fast)).allowed).toBe(true);
    expect((await limiter.consume('alice', slow)).allowed).toBe(true);
    const key = limiter.bucketsKeyOf('alice');
    expect(await client.get(key)).toMatch(/^fast=[^;]+;slow=[^;]+$/);
    const ttl = await client.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1000);
    // A refused charge writes nothing: the slow bucket's state (and the key's expiry) stand.
    const before = await client.get(key);
    expect((await limiter.consume('alice', slow)).allowed).toBe(false);
    expect(await client.get(key)).toBe(before);
    // Once full again (on the Redis clock), the fast bucket is left out of the next write.
    const fastFullAt = Number(/fast=[^/]+\/\d+\/(\d+)/.exec(before ?? '')?.[1]);
    await waitUntil(async () => {
      const [seconds, micros] = await client.time();
      return Number(seconds) * 1000 + Number(micros) / 1000 > fastFullAt;
    });
    expect((await limiter.consume('alice', { name: 'probe', capacity: 10, refillPerSecond: 100 })).allowed).toBe(true);
    expect(await client.get(key)).toMatch(/^slow=[^;]+;probe=[^;]+$/);
    await waitUntil(async () => (await client.exists(key)) === 0);
    await client.quit();
  });

  it('spends the consumes of one turn in one script call, each key in the order its consumes came', async () => {
    const client = await redis.connect();
    const limiter = new RedisRateLimiter(client, { prefix: `t-${randomUUID()}:` });
    const one: RateRule = { name: 'one', capacity: 1, refillPerSecond: 0.001 };
    const calls = async () => Number(/cmdstat_evalsha:calls=(\d+)/.exec(await client.info('commandstats'))?.[1] ?? 0);
    await limiter.consume('warm', one);
    const before = await calls();
    const decisions = await Promise.all([
      limiter.consume('bob', one),
      limiter.consume('carol', one),
      limiter.consume('bob', one),
      limiter.consume('dave', { ...one, capacity: 3 }, 2),
      limiter.consume('dave', { ...one, capacity: 3 }, 2),
    ]);
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, false, true, false]);
    expect(decisions[2]?.retryAfterMs).toBeGreaterThan(0);
    expect(await calls()).toBe(before + 1);
    await client.quit();
  });

  it('refuses a rule name the key could not hold', async () => {
    const client = await redis.connect();
    const limiter = new RedisRateLimiter(client, { prefix: `t-${randomUUID()}:` });
    await expect(limiter.consume('alice', { name: 'a;b', capacity: 1, refillPerSecond: 1 })).rejects.toThrow(/rule name/);
    await client.quit();
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
