import { Redis } from 'ioredis';
import { expect, it } from 'vitest';
import { RedisScript } from '../persistence/redis/redis-script.js';
import { describeWithRedisCluster } from './redis-cluster-fixture.js';

const TOUCH_TWO = new RedisScript('test-touch-two', `redis.call('SET', KEYS[1], ARGV[1]); redis.call('SET', KEYS[2], ARGV[1]); return 1`);

describeWithRedisCluster('a real three-master Redis Cluster (the harness)', (fixture) => {
  it('spreads keys over every master, runs a script whose keys share a hash tag, refuses one across slots', async () => {
    const client = await fixture.connect();
    for (let i = 0; i < 60; i += 1) await client.set(`spread:${i}`, String(i));
    const perMaster = await Promise.all(
      fixture.cluster().masters.map(async (m) => {
        const direct = new Redis(m.port, '127.0.0.1', { lazyConnect: true });
        await direct.connect();
        try {
          return await direct.dbsize();
        } finally {
          direct.disconnect();
        }
      }),
    );
    expect(perMaster).toHaveLength(3);
    expect(perMaster.every((n) => n > 0)).toBe(true);
    expect(await TOUCH_TWO.run(client, ['{p7}:a', '{p7}:b'], ['x'])).toBe(1);
    expect(await client.get('{p7}:b')).toBe('x');
    await expect(TOUCH_TWO.run(client, ['{p1}:a', '{p2}:b'], ['x'])).rejects.toThrow(/CROSSSLOT|same slot/i);
  });
});
