import { Redis } from 'ioredis';

/** Options for {@link connectRedis}. */
export interface RedisConnectionOptions {
  /** Shown in `CLIENT LIST`, e.g. `hugmood:node-1:presence`. */
  readonly name: string;
  /** Prefixes every key (tests isolate themselves with it). Never set for BullMQ connections. */
  readonly keyPrefix?: string;
  /**
   * Commands issued while disconnected fail at once (`true`, the default for commands: the caller
   * answers `unavailable` instead of hanging), or wait for the reconnect (`false`: subscribers).
   */
  readonly failFast?: boolean;
  /** A command that gets no reply within this fails (ms). */
  readonly commandTimeoutMs?: number;
  /** Redis Cluster only: sharded pub/sub (`SSUBSCRIBE`) through one subscriber per shard. */
  readonly shardedSubscribers?: boolean;
  /** Hears connection errors (the connection retries by itself). */
  readonly onError?: (error: Error) => void;
}

/** How long a reconnect waits after `attempt` failures: 50 ms growing to 1 s, forever. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(50 * 2 ** Math.min(attempt, 5), 1000);
}

/**
 * Connects to Redis and resolves once the connection is ready. The connection reconnects by itself
 * forever; while it is down, commands fail fast (`failFast`) so requests get `unavailable`.
 */
export async function connectRedis(url: string, options: RedisConnectionOptions): Promise<Redis> {
  const failFast = options.failFast ?? true;
  const redis = new Redis(url, {
    connectionName: options.name,
    lazyConnect: true,
    enableOfflineQueue: !failFast,
    maxRetriesPerRequest: failFast ? 1 : null,
    commandTimeout: failFast ? (options.commandTimeoutMs ?? 2000) : undefined,
    retryStrategy: reconnectDelayMs,
    ...(options.keyPrefix ? { keyPrefix: options.keyPrefix } : {}),
  });
  // Errors surface through the commands that fail; an unhandled 'error' event would crash the process.
  redis.on('error', options.onError ?? (() => undefined));
  await redis.connect();
  return redis;
}
