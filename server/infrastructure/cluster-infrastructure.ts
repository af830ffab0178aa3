import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { connectRedis } from '../../persistence/redis/redis-connection.js';
import { PENDING_PREFIX, pendingChanges, RedisPendingWrites } from '../../persistence/redis/redis-pending-writes.js';
import { RedisStreamWriteQueue } from '../../persistence/redis-streams/stream-write-queue.js';
import { RedisNodeTransport } from '../../rooms/cluster/redis-node-transport.js';
import { RedisGroupHugDirectory } from '../../rooms/group-hugs/redis-group-hug-directory.js';
import { RedisIdempotencyKeys } from '../../rooms/idempotency/redis-idempotency-keys.js';
import { RedisInboxCursors } from '../../rooms/inbox/redis-inbox-cursors.js';
import { RedisCommandSteps } from '../../rooms/command-steps/redis-command-steps.js';
import { RedisPresence } from '../../rooms/presence/redis-presence.js';
import type { Config } from '../config/config.js';
import type { Metrics } from '../observability/metrics.js';
import { RedisRateLimiter } from '../rate-limit/redis-rate-limiter.js';
import { type Infrastructure, PENDING_WRITES_TTL_MS } from './infrastructure.js';
import { openStore } from './open-store.js';
import { assertNoEviction } from './redis-policy.js';
import { redisAdapter } from './socket-adapter.js';

/** What a cluster node needs from its config beyond the store. */
type ClusterConfig = Config & { readonly redisUrl: string };

/** Opens the write-behind queue of a cluster (a node, or a `npm run worker` process). */
export function openClusterQueue(config: ClusterConfig, log: Logger): Promise<RedisStreamWriteQueue> {
  return RedisStreamWriteQueue.open({
    url: config.redisUrl,
    partitions: config.queue.partitions,
    maxBatch: config.queue.batchMax,
    lingerMs: config.queue.lingerMs,
    maxAttempts: config.queue.maxAttempts,
    lagBoundMs: config.queue.lagBoundMs,
    // Written batches stop being pending in the call that acknowledges them.
    forget: (written) => pendingChanges(PENDING_PREFIX, written, 'forget'),
    clientName: `hugmood:${config.nodeId}`,
    onError: (error, where) => log.warn({ err: error, where }, 'write queue: redis error'),
  });
}

/**
 * The cluster shape: Redis presence (per-node entries, heartbeats, sweeps), rate limiter,
 * idempotency keys and cursors; the Redis Streams write-behind log; the Redis Socket.IO adapter. Commands
 * use fail-fast connections, so a Redis outage answers `unavailable` instead of hanging, and every
 * connection reconnects by itself.
 */
export async function openClusterInfrastructure(config: ClusterConfig, log: Logger, metrics: Metrics): Promise<Infrastructure> {
  const onError = (name: string) => {
    let down = false;
    return (error: Error) => {
      if (!down) log.warn({ err: error, connection: name }, 'redis connection error; reconnecting');
      down = true;
    };
  };
  const connect = (name: string, failFast = true) =>
    connectRedis(config.redisUrl, { name: `hugmood:${config.nodeId}:${name}`, failFast, onError: onError(name) });
  const commands = await connect('commands');
  await assertNoEviction(commands);
  const pub = await connect('adapter-pub');
  const sub = await connect('adapter-sub', false);
  const nodeSub = await connect('node-sub', false);
  const connections: Redis[] = [commands, pub, sub, nodeSub];

  const store = await openStore(config);
  const queue = await openClusterQueue(config, log);
  const pending = new RedisPendingWrites(commands, PENDING_WRITES_TTL_MS);
  if (config.workers) queue.start(metrics.instrumentApplier((batch) => store.applyWrites(batch)));
  log.info({ workers: config.workers, partitions: config.queue.partitions, depth: queue.stats().depth }, 'write queue ready (redis streams)');

  const presence = new RedisPresence(commands, { nodeId: config.nodeId, nodeTimeoutMs: config.presenceNodeTimeoutMs });
  const limiter = new RedisRateLimiter(commands);
  const keys = new RedisIdempotencyKeys(commands);
  const cursors = new RedisInboxCursors(commands, (userId) => store.inbox.lastCursor(userId));
  const steps = new RedisCommandSteps({
    redis: commands,
    log: queue,
    keys: {
      claim: (key) => `hm:step:${key}`,
      bucket: (rule, key) => limiter.bucketKeyOf(rule, key),
      cursor: (userId) => cursors.keyOf(userId),
      presence: (userId) => presence.userKey(userId),
      pendingPrefix: pending.prefix,
    },
    seed: (userId) => store.inbox.lastCursor(userId),
    pendingTtlMs: PENDING_WRITES_TTL_MS,
  });
  return {
    shape: 'cluster',
    store,
    queue,
    pending,
    presence,
    presenceCluster: presence,
    limiter,
    keys,
    cursors,
    steps,
    groupDirectory: new RedisGroupHugDirectory(commands),
    nodeTransport: new RedisNodeTransport(config.nodeId, commands, nodeSub),
    runsWorkers: config.workers,
    attachAdapter(io) {
      io.adapter(redisAdapter(config.redisAdapter, pub, sub, 'hm:sio'));
    },
    async checkReady() {
      await commands.ping();
      await store.ping();
    },
    async close() {
      await queue.close();
      await store.close();
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
