import { randomUUID } from 'node:crypto';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { runGroupHugDirectoryContract } from './group-hug-directory.contract.js';
import { RedisGroupHugDirectory } from './redis-group-hug-directory.js';

describeWithRedis('redis group hug directory', (redis) => {
  runGroupHugDirectoryContract('redis', { open: async () => new RedisGroupHugDirectory(await redis.connect({ keyPrefix: `d-${randomUUID()}:` })) });
});
