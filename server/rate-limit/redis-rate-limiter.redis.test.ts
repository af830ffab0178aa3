import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { runRateLimiterContract } from './rate-limiter.contract.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';

describeWithRedis('redis rate limiter', (redis) => {
  runRateLimiterContract('redis', async () => new RedisRateLimiter(await redis.connect()));
});
