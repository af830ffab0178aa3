import { Adapter } from 'socket.io-adapter';
import { describe, expect, it } from 'vitest';
import type { RedisClient } from '../../persistence/redis/redis-client.js';
import { joinsWaitForSubscription, type ShardedAdapter } from './socket-adapter.js';

/** A subscriber whose SSUBSCRIBE confirmations the test releases by hand. */
function heldSubscriber() {
  const held = new Map<string, () => void>();
  const sent: string[] = [];
  const sub = {
    ssubscribe: (...channels: string[]) => {
      sent.push(...channels);
      return new Promise<void>((resolve) => channels.forEach((c) => held.set(c, resolve)));
    },
  };
  return { sub: sub as unknown as RedisClient, sent, confirm: (channel: string) => held.get(channel)?.() };
}

describe('sharded adapter joins', () => {
  it('resolve once the room’s channel subscription is confirmed, for every socket joining meanwhile', async () => {
    const { sub, sent, confirm } = heldSubscriber();
    const adapter = new Adapter({ name: '/', sockets: new Map(), server: { encoder: {} } }) as unknown as ShardedAdapter & Adapter;
    // As the sharded adapter does in dynamic mode: subscribe when a room is created here.
    adapter.on('create-room', (room: string) => void (sub as unknown as { ssubscribe: (c: string) => Promise<void> }).ssubscribe(`p#/#${room}#`));
    joinsWaitForSubscription(adapter, sub, 'p#/#');
    const settled: string[] = [];
    const first = Promise.resolve(adapter.addAll('s1', new Set(['user:a']))).then(() => settled.push('s1'));
    const second = Promise.resolve(adapter.addAll('s2', new Set(['user:a']))).then(() => settled.push('s2'));
    expect(sent).toEqual(['p#/#user:a#']);
    // Everything already set off has run (nothing here waits on a timer): still unconfirmed, so unsettled.
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toEqual([]);
    confirm('p#/#user:a#');
    await Promise.all([first, second]);
    expect(settled).toEqual(['s1', 's2']);
    // Once confirmed, a join has nothing to wait for.
    expect(adapter.addAll('s3', new Set(['user:a']))).toBeUndefined();
    expect(adapter.rooms.get('user:a')).toEqual(new Set(['s1', 's2', 's3']));
  });
});
