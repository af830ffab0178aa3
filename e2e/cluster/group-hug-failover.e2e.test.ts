import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GroupPulseEvent, HugMoodClient } from '../../client-sdk/src/index.js';
import { type Account, register } from '../support/accounts.js';
import { closeAllClients, connectedClient, eventually } from '../support/clients.js';
import { startCluster, type TestCluster } from '../support/cluster-process.js';
import { nextOwner, ownerOf } from '../support/group-owner.js';

const ENV = {
  GROUP_LEAD_MS: '2500',
  GROUP_LEASE_MS: '2000',
  AUTH_REQUESTS_PER_MIN: '100000',
  RATE_USER_BURST: '5000',
  RATE_USER_PER_S: '5000',
  RATE_CONN_BURST: '5000',
  RATE_CONN_PER_S: '5000',
};
const PARTICIPANTS = 200;

interface Member {
  readonly account: Account;
  readonly client: HugMoodClient;
  readonly node: number;
}

describe('group hug owner failover (three node processes, real Redis, kill -9)', () => {
  let cluster: TestCluster;
  let redis: Redis;
  beforeAll(async () => {
    cluster = await startCluster({ env: ENV });
    redis = new Redis(cluster.redis.url, { lazyConnect: false, maxRetriesPerRequest: 1 });
  }, 120_000);
  afterEach(() => closeAllClients());
  afterAll(async () => {
    redis.disconnect();
    await cluster.stop();
  });

  const nodeUrl = (i: number) => {
    const node = cluster.nodes[i];
    if (!node) throw new Error(`no node ${i}`);
    return node.url;
  };

  it(`${PARTICIPANTS} participants over three nodes: kill -9 the owner in gathering and again live; membership, phase and startsAt hold, pulses go on, the summary arrives`, async () => {
    // The creator has a device on node 0 (which will own the group hug) and one on node 1.
    const creatorAccount = await register(nodeUrl(0), 'host');
    const creatorOn0 = await connectedClient(nodeUrl(0), creatorAccount);
    const creatorOn1 = await connectedClient(nodeUrl(1), creatorAccount);
    const friends: Member[] = [];
    for (let i = 0; i < PARTICIPANTS - 1; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, PARTICIPANTS - 1 - i) }, async (_, k) => {
          const node = (i + k) % 3;
          const account = await register(nodeUrl(node), 'pal');
          const client = await connectedClient(nodeUrl(node), account, { clockSyncSamples: 2 });
          await creatorOn1.friends.request(account.userId);
          await client.friends.accept(creatorAccount.userId);
          return { account, client, node };
        }),
      );
      friends.push(...batch);
    }
    const group = await creatorOn0.groupHugs.create({ title: 'Two crashes', invitees: friends.map((f) => f.account.userId), durationMs: 12_000 });
    expect((await ownerOf(redis, group.id))?.node).toBe('node-0');
    const joinStarted = Date.now();
    for (let i = 0; i < friends.length; i += 25) await Promise.all(friends.slice(i, i + 25).map((f) => f.client.groupHugs.join(group.id)));
    console.info(`group hug: ${friends.length} joins in ${Date.now() - joinStarted} ms`);
    const before = await creatorOn1.groupHugs.get(group.id);
    expect(before.state.participants).toHaveLength(PARTICIPANTS);

    // Crash one: the owner, during gathering.
    const killedAt = Date.now();
    await cluster.nodes[0]?.stop('SIGKILL');
    const first = await nextOwner(redis, group.id, 'node-0', killedAt);
    console.info(`group hug failover in gathering: ${first.ms} ms (now ${first.node}, token ${first.token})`);
    expect(first.ms).toBeLessThan(3000);
    expect(first.token).toBe(2);
    const survivors = friends.filter((f) => f.node !== 0);
    const afterCrash = await survivors[0]?.client.groupHugs.get(group.id);
    expect(afterCrash?.state).toMatchObject({ phase: 'gathering', version: before.state.version });
    expect(afterCrash?.state.participants).toEqual(before.state.participants);

    const started = await creatorOn1.groupHugs.start(group.id);
    const startsAt = started.state.startsAt;
    expect(startsAt).not.toBeNull();
    await eventually(() => survivors.every((f) => f.client.groupHugs.handle(group.id)?.state.startsAt === startsAt), 5000, 'startsAt on every survivor');
    await eventually(() => survivors.every((f) => f.client.groupHugs.handle(group.id)?.state.phase === 'live'), 6000, 'live on every survivor');

    // Crash two: whoever owns it now, during live. Its own clients go with it.
    const liveOwner = await ownerOf(redis, group.id);
    const liveIndex = Number(liveOwner?.node.replace('node-', ''));
    const remaining = survivors.filter((f) => f.node !== liveIndex);
    const pulses = remaining.map((f) => {
      const got: GroupPulseEvent[] = [];
      f.client.groupHugs.handle(group.id)?.on('pulse', (p) => got.push(p));
      return got;
    });
    const summaries: unknown[] = [];
    for (const f of remaining) f.client.groupHugs.handle(group.id)?.on('complete', (s) => summaries.push(s));
    const squeezing = setInterval(() => {
      for (const f of remaining.slice(0, 20)) void f.client.groupHugs.squeeze(group.id, 0.8).catch(() => undefined);
    }, 150);
    try {
      await eventually(() => pulses.every((p) => p.length > 0), 5000, 'pulses before the crash');
      const liveKilledAt = Date.now();
      await cluster.nodes[liveIndex]?.stop('SIGKILL');
      const second = await nextOwner(redis, group.id, `node-${liveIndex}`, liveKilledAt);
      console.info(`group hug failover in live: ${second.ms} ms (now ${second.node}, token ${second.token})`);
      expect(second.ms).toBeLessThan(3000);
      expect(second.token).toBe(3);
      const counts = pulses.map((p) => p.length);
      await eventually(() => pulses.every((p, i) => p.length > (counts[i] ?? 0) && (p.at(-1)?.t ?? 0) > liveKilledAt), 5000, 'pulses from the new owner');
      const view = await remaining[0]?.client.groupHugs.get(group.id);
      expect(view?.state).toMatchObject({ phase: 'live', startsAt });
      expect(view?.state.participants).toHaveLength(PARTICIPANTS);
    } finally {
      clearInterval(squeezing);
    }
    await eventually(() => summaries.length === remaining.length, 15_000, 'group:complete on every remaining client');
    expect(summaries[0]).toMatchObject({ groupId: group.id, startsAt, durationMs: 12_000 });
    expect((summaries[0] as { participants: string[] }).participants).toHaveLength(PARTICIPANTS);
    const history = await eventually(async () => {
      const page = await remaining[0]?.client.groupHugs.history();
      return page && page.summaries.length > 0 ? page : undefined;
    }, 10_000, 'the summary persisted');
    expect(history.summaries[0]).toEqual(summaries[0]);
  }, 240_000);
});
