import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { runIdempotencyKeysContract } from './idempotency-keys.contract.js';
import { RedisIdempotencyKeys } from './redis-idempotency-keys.js';

describeWithRedis('redis idempotency keys', (redis) => {
  runIdempotencyKeysContract('redis', async () => new RedisIdempotencyKeys(await redis.connect()));
});
