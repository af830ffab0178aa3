import type { Logger } from 'pino';
import { PendingKeys } from '../../persistence/redis/pending-keys.js';
import { connectRedisTarget, type RedisClient, type RedisTarget } from '../../persistence/redis/redis-client.js';
import type { RedisConnectionOptions } from '../../persistence/redis/redis-connection.js';
import { RedisClock } from '../../persistence/redis/redis-clock.js';
import { RedisPendingWrites, sweepPendingPartition } from '../../persistence/redis/redis-pending-writes.js';
import { partitionTags } from '../../persistence/redis-streams/stream-keys.js';
import { RedisStreamWriteQueue } from '../../persistence/redis-streams/stream-write-queue.js';
import { RedisNodeTransport } from '../../rooms/cluster/redis-node-transport.js';
import { RedisGroupHugDirectory } from '../../rooms/group-hugs/redis-group-hug-directory.js';
import { RedisIdempotencyKeys } from '../../rooms/idempotency/redis-idempotency-keys.js';
import { CURSOR_PREFIX, RedisInboxCursors } from '../../rooms/inbox/redis-inbox-cursors.js';
import { RedisCommandSteps } from '../../rooms/command-steps/redis-command-steps.js';
import { RedisPresence } from '../../rooms/presence/redis-presence.js';
import type { Config } from '../config/config.js';
import type { Metrics } from '../observability/metrics.js';
import { RedisRateLimiter } from '../rate-limit/redis-rate-limiter.js';
import { type Infrastructure, PENDING_WRITES_TTL_MS } from './infrastructure.js';
import { openStore } from './open-store.js';
import { assertNoEviction } from './redis-policy.js';
import { RedisPushSlots } from '../../rooms/notifications/redis-push-slots.js';
import { BullmqPushQueue } from '../push/bullmq-push-queue.js';
import { BullmqReminderSchedule } from '../notifications/bullmq-reminder-schedule.js';
import { moodClockOf } from '../config/file-clock.js';
import { redisAdapter } from './socket-adapter.js';

/** What a cluster node needs from its config beyond the store. */
export type ClusterConfig = Config & { readonly redis: RedisTarget };

/** Opens the write-behind queue of a cluster (a node, or a `npm run worker` process). */
export function openClusterQueue(config: ClusterConfig, log: Logger, metrics: Metrics): Promise<RedisStreamWriteQueue> {
  const pendingKeys = new PendingKeys(undefined, partitionTags(config.queue.partitions));
  return RedisStreamWriteQueue.open({
    ...config.redis,
    partitions: config.queue.partitions,
    maxBatch: config.queue.batchMax,
    lingerMs: config.queue.lingerMs,
    maxAttempts: config.queue.maxAttempts,
    lagBoundMs: config.queue.lagBoundMs,
    // Written batches stop being pending in a later call that acknowledges.
    forget: (written) => pendingKeys.changes(written, 'forget'),
    sweep: (redis, partition) => sweepPendingPartition(redis, pendingKeys, PENDING_WRITES_TTL_MS, partition, Date.now()),
    clientName: `hugmood:${config.nodeId}`,
    onError: (error, where) => {
      metrics.redisErrors.inc({ connection: 'write-queue' });
      log.warn({ err: error, where }, 'write queue: redis error');
    },
  });
}

/**
 * The cluster shape, on one Redis or a Redis Cluster: Redis presence (per-node entries, heartbeats, sweeps), rate limiter,
 * idempotency keys and cursors; the Redis Streams write-behind log; the Redis Socket.IO adapter. Commands
 * use fail-fast connections, so a Redis outage answers `unavailable` instead of hanging, and every
 * connection reconnects by itself.
 *
 * Every key of a user's state (claims, rate buckets, inbox cursor, presence, pending writes) carries
 * the hash tag of the user's log partition, which the partition's stream carries too, so each
 * command step is one script in one hash slot of a Redis Cluster.
 */
export async function openClusterInfrastructure(config: ClusterConfig, log: Logger, metrics: Metrics): Promise<Infrastructure> {
  const onError = (name: string) => {
    let down = false;
    return (error: Error) => {
      metrics.redisErrors.inc({ connection: name });
      if (!down) log.warn({ err: error, connection: name }, 'redis connection error; reconnecting');
      down = true;
    };
  };
  const connect = (name: string, options: Partial<RedisConnectionOptions> = {}) =>
    connectRedisTarget(config.redis, { name: `hugmood:${config.nodeId}:${name}`, onError: onError(name), ...options });
  const commands = await connect('commands');
  await assertNoEviction(commands);
  const pub = await connect('adapter-pub');
  // Subscribers wait for a reconnect; on a Redis Cluster they subscribe per shard (sharded pub/sub).
  const subscriber = { failFast: false, shardedSubscribers: true };
  const sub = await connect('adapter-sub', subscriber);
  const nodeSub = await connect('node-sub', subscriber);
  // BullMQ's worker blocks on a connection of its own and waits out a reconnect.
  const pushWorker = await connect('push-worker', { failFast: false });
  const connections: RedisClient[] = [commands, pub, sub, nodeSub, pushWorker];
  const pushQueue = new BullmqPushQueue({ commands, worker: pushWorker, lockMs: config.push.lockMs });
  const reminderWorker = await connect('reminder-worker', { failFast: false });
  connections.push(reminderWorker);
  const reminders = new BullmqReminderSchedule({ commands, worker: reminderWorker, now: moodClockOf(config) });

  const store = await openStore(config);
  const queue = await openClusterQueue(config, log, metrics);
  metrics.presenceNodeTimeout.set(config.presenceNodeTimeoutMs / 1000);
  const tags = partitionTags(config.queue.partitions);
  const pending = new RedisPendingWrites(commands, PENDING_WRITES_TTL_MS, new PendingKeys(undefined, tags));
  if (config.workers) queue.start(metrics.instrumentApplier((batch) => store.applyWrites(batch)));
  log.info({ workers: config.workers, partitions: config.queue.partitions, depth: queue.stats().depth }, 'write queue ready (redis streams)');

  const presence = new RedisPresence(commands, { nodeId: config.nodeId, nodeTimeoutMs: config.presenceNodeTimeoutMs, tagOf: tags.user });
  const limiter = new RedisRateLimiter(commands, { tagOf: tags.user });
  const keys = new RedisIdempotencyKeys(commands);
  // A counter not in Redis yet starts after the store's last cursor, or after the counter of the
  // layout before hash tags (untagged, kept by a Redis that ran an older version).
  const seed = async (userId: string) => Math.max(await store.inbox.lastCursor(userId), Number((await commands.get(CURSOR_PREFIX + userId)) ?? 0));
  const cursors = new RedisInboxCursors(commands, seed, { tagOf: tags.user });
  // Steps spend rate-limit tokens at the Redis time this node estimates: no TIME in each.
  const clock = new RedisClock(commands);
  await clock.start();
  const steps = new RedisCommandSteps({
    redis: commands,
    log: queue,
    keys: {
      claim: (userId, key) => `hm:step:${tags.user(userId)}:${key}`,
      buckets: (key) => limiter.bucketsKeyOf(key),
      cursor: (userId) => cursors.keyOf(userId),
      presence: (userId) => presence.userKey(userId),
      pending: pending.keys,
    },
    seed,
    pendingTtlMs: PENDING_WRITES_TTL_MS,
    redisNow: () => clock.now(),
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
    pushQueue,
    pushSlots: new RedisPushSlots(commands),
    reminders,
    runsWorkers: config.workers,
    attachAdapter(io) {
      io.adapter(redisAdapter(config.redisAdapter, pub, sub, 'hm:sio'));
    },
    async checkReady() {
      await commands.ping();
      await store.ping();
    },
    async close() {
      clock.stop();
      await reminders.close();
      await pushQueue.close();
      await queue.close();
      await store.close();
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
