import { randomUUID } from 'node:crypto';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { BullmqPushQueue } from './bullmq-push-queue.js';
import { runPushQueueContract } from './push-queue.contract.js';

describeWithRedis('bullmq push queue', (redis) => {
  runPushQueueContract('bullmq', async () => {
    // BullMQ names its own keys: a fresh prefix per test, no ioredis key prefix.
    const [commands, worker] = await Promise.all([redis.connect({ keyPrefix: '' }), redis.connect({ keyPrefix: '', failFast: false })]);
    return new BullmqPushQueue({ commands, worker, retry: { attempts: 3, backoffMs: 50 }, prefix: `{hm-push-${randomUUID()}}` });
  });
});
