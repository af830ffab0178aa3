import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { runPendingWritesContract } from '../write-behind/pending-writes.contract.js';
import { RedisPendingWrites } from './redis-pending-writes.js';

describeWithRedis('redis pending writes', (redis) => {
  runPendingWritesContract('redis', async (ttlMs) => new RedisPendingWrites(await redis.connect(), ttlMs));
});
