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

/** What this file touches of the sharded adapter (a `ClusterAdapter`). */
export interface ShardedAdapter {
  encode(message: unknown): Buffer | string;
  addAll(id: string, rooms: Set<string>): Promise<void> | void;
}

/**
 * Makes `socket.join` resolve once this node receives the room's messages. In `dynamic` mode the
 * adapter subscribes to a room's own channel when its first socket here joins, and does not wait
 * for Redis to confirm: a message published meanwhile (a hug to a device that just connected) is
 * lost. The adapter's own `SSUBSCRIBE` calls are watched on the subscriber client (nothing more is
 * sent to Redis), and a join returns the confirmation of each room it created, or of one still on
 * its way.
 */
export function joinsWaitForSubscription(adapter: ShardedAdapter, sub: RedisClient, channelPrefix: string): void {
  const subscribing = new Map<string, Promise<unknown>>();
  const ssubscribe = sub.ssubscribe.bind(sub) as (...channels: string[]) => Promise<unknown>;
  (sub as { ssubscribe: (...channels: string[]) => Promise<unknown> }).ssubscribe = (...channels: string[]) => {
    const confirmed = ssubscribe(...channels);
    const settled = confirmed.catch(() => undefined);
    for (const channel of channels) {
      subscribing.set(channel, settled);
      void settled.finally(() => {
        if (subscribing.get(channel) === settled) subscribing.delete(channel);
      });
    }
    return confirmed;
  };
  // Looked up at each call, not bound once: Socket.IO's uWS integration patches the adapter
  // prototype's `addAll` (to subscribe the socket to its uWS topics) after this adapter exists.
  const inherited = Object.getPrototypeOf(adapter) as ShardedAdapter;
  adapter.addAll = (id, rooms) => {
    const added = inherited.addAll.call(adapter, id, rooms);
    const waits = [...rooms].flatMap((room) => subscribing.get(`${channelPrefix}${room}#`) ?? []);
    if (waits.length === 0) return added;
    return Promise.all([added, ...waits]).then(() => undefined);
  };
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
  const sharded = createShardedAdapter(pub, sub, { channelPrefix, subscriptionMode: 'dynamic' }) as unknown as (nsp: unknown) => ShardedAdapter;
  // Socket.IO calls `new factory(nsp)`, so this must be a function, not an arrow.
  return function shardedMsgpack(nsp: { readonly name: string }) {
    const adapter = sharded(nsp);
    // The sharded adapter sends JSON unless a payload holds binary; its decoder reads msgpack too
    // (anything not starting with '{'), so encoding every message as msgpack is compatible.
    adapter.encode = (message: unknown) => packr.pack(message);
    joinsWaitForSubscription(adapter, sub, `${channelPrefix}#${nsp.name}#`);
    return adapter;
  } as unknown as AdapterFactory;
}
