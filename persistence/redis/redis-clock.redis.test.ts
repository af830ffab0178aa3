import { expect, it } from 'vitest';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { RedisClock } from './redis-clock.js';

describeWithRedis('redis clock', (redis) => {
  it('knows nothing before a sample, then tells the Redis time within a few milliseconds', async () => {
    const connection = await redis.connect();
    // Our clock runs an hour behind: the estimate still follows Redis's.
    const clock = new RedisClock(connection, 60_000, 20, () => Date.now() - 3_600_000);
    expect(clock.now()).toBeNull();
    await clock.start();
    try {
      const estimate = clock.now();
      const [seconds, micros] = await connection.time();
      const redisNow = Number(seconds) * 1000 + Number(micros) / 1000;
      expect(estimate).not.toBeNull();
      expect(Math.abs(redisNow - (estimate ?? 0))).toBeLessThan(25);
    } finally {
      clock.stop();
    }
  });

  it('does not trust a sample whose round trip was too slow', async () => {
    const connection = await redis.connect();
    let calls = 0;
    // Each read of our clock moves it 50 ms on: every round trip looks 50 ms long.
    const clock = new RedisClock(connection, 60_000, 20, () => 50 * ++calls);
    await clock.start();
    clock.stop();
    expect(clock.now()).toBeNull();
  });
});
