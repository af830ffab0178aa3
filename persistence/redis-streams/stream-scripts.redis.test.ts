import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { replyArray } from '../redis/redis-script.js';
import type { RedisClient } from '../redis/redis-client.js';
import { createWritersGroup } from './partition-writer.js';
import { READ } from './stream-scripts.js';

const GROUP = 'writers';

/** `writer`'s read as the partition writer makes it: {1, entries} or {0} when fenced off. */
async function read(redis: RedisClient, log: string, owner: string, writer: string, from: '0' | '>', claim: boolean): Promise<unknown[]> {
  return replyArray(await READ.run(redis, [log, owner], [GROUP, writer, 100, from, claim ? 1 : 0]), READ.name);
}

const idsOf = (reply: unknown[]) => (reply[1] as [string, unknown][]).map(([id]) => id);

describeWithRedis('the log read script', (redis) => {
  it('reads only for the lease holder, who first takes over what earlier owners left unacknowledged', async () => {
    // Keys as the writer names them (no client-side prefix: XGROUP's key would not get it).
    const client = await redis.connect({ keyPrefix: '' });
    const [log, owner] = [`t-${randomUUID()}:log`, `t-${randomUUID()}:owner`];
    await createWritersGroup(client, log, GROUP);
    const first = await client.xadd(log, '*', 'o', '1');
    await client.set(owner, 'old');
    // The old owner reads the first entry and stalls before acknowledging it.
    expect(idsOf(await read(client, log, owner, 'old', '>', false))).toEqual([first]);
    // Its lease lapses and a new writer takes the partition; entries keep coming.
    await client.set(owner, 'new');
    const second = await client.xadd(log, '*', 'o', '2');
    // The old owner wakes up and reads again: fenced off, it takes nothing into its pending list.
    expect(await read(client, log, owner, 'old', '>', false)).toEqual([0]);
    expect(await read(client, log, owner, 'old', '0', true)).toEqual([0]);
    const pendingOf = async (consumer: string) => (await client.xpending(log, GROUP, '-', '+', 10, consumer)).length;
    expect(await pendingOf('old')).toBe(1);
    // The new owner claims the old owner's entry, reads its backlog in order, then the new entries.
    expect(idsOf(await read(client, log, owner, 'new', '0', true))).toEqual([first]);
    expect(await pendingOf('old')).toBe(0);
    expect(idsOf(await read(client, log, owner, 'new', '>', false))).toEqual([second]);
    expect(idsOf(await read(client, log, owner, 'new', '>', false))).toEqual([]);
    await client.quit();
  });
});
