import { Cluster, type Redis } from 'ioredis';
import { connectRedis, reconnectDelayMs, type RedisConnectionOptions } from './redis-connection.js';

/**
 * A connection to one Redis or to a Redis Cluster. Code that takes one keeps every multi-key call
 * (a script, a MULTI) within one hash slot, so it runs on either.
 */
export type RedisClient = Redis | Cluster;

/** Where a Redis Cluster client starts: one of its nodes (it learns the rest from it). */
export interface RedisClusterSeed {
  readonly host: string;
  readonly port: number;
}

/**
 * Connects to a Redis Cluster through `seeds` and resolves once it is ready, with the same
 * behaviour as {@link connectRedis}: commands fail fast while disconnected (unless `failFast` is
 * false), reconnects go on forever, keys get `keyPrefix`.
 */
export async function connectRedisCluster(seeds: readonly RedisClusterSeed[], options: RedisConnectionOptions): Promise<Cluster> {
  const failFast = options.failFast ?? true;
  const cluster = new Cluster(
    seeds.map((s) => ({ host: s.host, port: s.port })),
    {
      lazyConnect: true,
      enableOfflineQueue: !failFast,
      clusterRetryStrategy: reconnectDelayMs,
      shardedSubscribers: options.shardedSubscribers ?? false,
      ...(options.keyPrefix ? { keyPrefix: options.keyPrefix } : {}),
      redisOptions: {
        connectionName: options.name,
        maxRetriesPerRequest: failFast ? 1 : null,
        commandTimeout: failFast ? (options.commandTimeoutMs ?? 2000) : undefined,
      },
    },
  );
  cluster.on('error', options.onError ?? (() => undefined));
  await cluster.connect();
  return cluster;
}

/** Where to connect: one Redis by URL, or a Redis Cluster through its seeds (which wins when both are set). */
export interface RedisTarget {
  readonly url?: string;
  readonly clusterSeeds?: readonly RedisClusterSeed[];
}

/** Connects to `target` ({@link connectRedis} or {@link connectRedisCluster}). */
export function connectRedisTarget(target: RedisTarget, options: RedisConnectionOptions): Promise<RedisClient> {
  if (target.clusterSeeds && target.clusterSeeds.length > 0) return connectRedisCluster(target.clusterSeeds, options);
  if (!target.url) throw new Error('no Redis to connect to: give a URL or the seeds of a Redis Cluster');
  return connectRedis(target.url, options);
}
