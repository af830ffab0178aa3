import { createAdapter } from '@socket.io/redis-adapter';
import { createShardedAdapter } from '@socket.io/redis-adapter';
import { Packr } from 'msgpackr';
import type { RedisClient } from '../../persistence/redis/redis-client.js';
import type { HugServer } from '../gateway/socket-types.js';

/** The two adapters of `@socket.io/redis-adapter`, compared in the bench (see the README). */
export type AdapterKind = 'sharded' | 'classic';

/** Plain msgpack (no msgpackr records), so any msgpack decoder, notepack included, reads it. */
const packr = new Packr({ useRecords: false, moreTypes: false });

/** The adapter factory that `io.adapter` takes. */
type AdapterFactory = Parameters<HugServer['adapter']>[0];

interface Encoding {
  encode(message: unknown): Buffer | string;
}

/**
 * Joins this node to the others over Redis, with msgpack for every message between nodes.
 *
 * - `sharded` (Redis 7 sharded pub/sub, `subscriptionMode: dynamic`): a message to one room goes
 *   to that room's own channel, which only nodes holding a socket in the room subscribe to.
 * - `classic`: every node pattern-subscribes to every message of the namespace.
 *
 * On a Redis Cluster `sub` must be opened with sharded subscribers (one per shard) for `sharded`.
 */
export function redisAdapter(kind: AdapterKind, pub: RedisClient, sub: RedisClient, channelPrefix: string): AdapterFactory {
  if (kind === 'classic') {
    return createAdapter(pub, sub, {
      key: channelPrefix,
      parser: { encode: (m: unknown) => packr.pack(m), decode: (b: Buffer) => packr.unpack(b) as unknown },
    }) as AdapterFactory;
  }
  const sharded = createShardedAdapter(pub, sub, { channelPrefix, subscriptionMode: 'dynamic' }) as unknown as (nsp: unknown) => Encoding;
  // Socket.IO calls `new factory(nsp)`, so this must be a function, not an arrow.
  return function shardedMsgpack(nsp: unknown) {
    const adapter = sharded(nsp);
    // The sharded adapter sends JSON unless a payload holds binary; its decoder reads msgpack too
    // (anything not starting with '{'), so encoding every message as msgpack is compatible.
    adapter.encode = (message: unknown) => packr.pack(message);
    return adapter;
  } as unknown as AdapterFactory;
}
