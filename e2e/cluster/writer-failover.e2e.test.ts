import { afterEach, describe, expect, it } from 'vitest';
import { connectRedis } from '../../persistence/redis/redis-connection.js';
import type { HugMoodClient } from '../../client-sdk/src/index.js';
import { type Account, register } from '../support/accounts.js';
import { befriend, closeAllClients, connectedClient, eventually } from '../support/clients.js';
import { startCluster, type TestCluster } from '../support/cluster-process.js';
import { storeHolds } from '../support/hug-reads.js';
import { startHugStream } from '../support/hug-stream.js';
import { sampleOf } from '../support/metrics.js';
import type { ServerProcess } from '../support/node-process.js';

const TIMEOUT_MS = 120_000;

// Rates are raised so the load is not refused by limits; the lag bound stays at its default (5 s),
// so a stalled partition would show as `unavailable` answers on the surviving nodes.
const LIMITS = { RATE_HUGS_BURST: '1000', RATE_HUGS_PER_MIN: '100000', RATE_USER_BURST: '1000', RATE_USER_PER_S: '1000', RATE_CONN_BURST: '1000', RATE_CONN_PER_S: '1000' };

interface Pair {
  readonly sender: HugMoodClient;
  readonly from: Account;
  readonly to: Account;
}

/** A sender on `senderNode` befriended with a recipient registered on `recipientNode`. */
async function pairOn(senderNode: ServerProcess, recipientNode: ServerProcess, name: string): Promise<Pair> {
  const from = await register(senderNode.url, `${name}_from`);
  const to = await register(recipientNode.url, `${name}_to`);
  const sender = await connectedClient(senderNode.url, from, { maxOfflineSends: 1000 });
  const recipient = await connectedClient(recipientNode.url, to);
  await befriend(sender, recipient, to.userId, from.userId);
  recipient.close();
  return { sender, from, to };
}

async function unavailableAnswers(node: ServerProcess): Promise<number> {
  const text = await (await fetch(`${node.metricsUrl}/metrics`)).text();
  return sampleOf(text, 'hugmood_commands_total', { command: 'hug:send', outcome: 'unavailable' });
}

async function lagSeconds(node: ServerProcess): Promise<number> {
  const text = await (await fetch(`${node.metricsUrl}/metrics`)).text();
  return sampleOf(text, 'hugmood_write_queue_lag_seconds');
}

/** Waits until the log is written and the store holds `count` hugs of `from`, each once; returns their ids. */
async function storedOnce(cluster: TestCluster, node: ServerProcess, from: string, count: number): Promise<string[]> {
  const stored = await storeHolds(cluster.dataDir, node.metricsUrl, from, count);
  expect(stored.hugIds.length - new Set(stored.hugIds).size).toBe(0);
  expect(stored.inboxRefs.length - new Set(stored.inboxRefs).size).toBe(0);
  return stored.hugIds;
}

describe('write-behind writers under load (real processes, real Redis)', () => {
  let cluster: TestCluster | undefined;
  afterEach(async () => {
    closeAllClients();
    await cluster?.stop();
    cluster = undefined;
  });

  it('kill -9 of a node under load: the others keep taking hugs, its partitions are written again within 2 s, nothing acknowledged is lost or doubled', async () => {
    // Three partitions over three writer nodes: the doomed node owns one.
    const c = await startCluster({ nodes: 3, env: { ...LIMITS, QUEUE_PARTITIONS: '3' } });
    cluster = c;
    const [n0, n1, doomed] = c.nodes;
    if (!n0 || !n1 || !doomed) throw new Error('three nodes expected');
    const survivors = [await pairOn(n0, n1, 'ana'), await pairOn(n1, n0, 'ben')];
    const victim = await pairOn(doomed, n0, 'cid');
    const streams = survivors.map((p, i) => startHugStream(p.sender, p.to.userId, { total: 300, inFlight: 10, clientIdPrefix: `survivor-${i}` }));
    const doomedStream = startHugStream(victim.sender, victim.to.userId, { total: 1000, inFlight: 10, clientIdPrefix: 'doomed' });
    // Its sends end when its client is closed below.
    doomedStream.finished.catch(() => undefined);
    await eventually(() => streams.every((s) => s.acked.length >= 60) && doomedStream.acked.length >= 60, 20_000, 'every sender to be under way');

    // The doomed node writes one partition (writers are named after their node).
    const redis = await connectRedis(c.redis.url, { name: 'test' });
    const nodeOf = (owner: string | null) => owner?.split(':')[1];
    await eventually(async () => new Set((await Promise.all([0, 1, 2].map((p) => redis.get(`hm:wb:{p${p}}:owner`)))).map(nodeOf).filter(Boolean)).size === 3, 10_000, 'one partition on each node');
    const owners = await Promise.all([0, 1, 2].map((p) => redis.get(`hm:wb:{p${p}}:owner`)));
    await redis.quit();
    expect(owners.filter((o) => o?.startsWith('hugmood:node-2:'))).toHaveLength(1);

    const lags: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        lags.push(Math.max(...(await Promise.all([n0, n1].map(lagSeconds)))));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    expect(await doomed.stop('SIGKILL')).toBeNull();
    const ackedByDoomed = [...doomedStream.acked];
    victim.sender.close();
    await Promise.all(streams.map((s) => s.finished));
    sampling = false;
    await sampler;

    const refused = (await Promise.all([n0, n1].map(unavailableAnswers))).reduce((a, b) => a + b, 0);
    const maxLagS = Math.max(...lags);
    console.info('writer failover:', { refusedOnSurvivors: refused, maxLagMs: Math.round(maxLagS * 1000), ackedByDoomed: ackedByDoomed.length });
    expect(refused).toBeLessThanOrEqual(2);
    expect(maxLagS).toBeLessThan(2);
    for (const [i, pair] of survivors.entries()) {
      const stored = await storedOnce(c, n0, pair.from.userId, 300);
      expect(streams[i]?.acked.every((id) => stored.includes(id))).toBe(true);
    }
    const stored = await storedOnce(c, n0, victim.from.userId, ackedByDoomed.length);
    expect(ackedByDoomed.filter((id) => !stored.includes(id))).toEqual([]);
  }, TIMEOUT_MS);

  it('SIGTERM of a node while hugs are being added: it exits 0 and every hug it acknowledged is written once', async () => {
    const c = await startCluster({ nodes: 2, env: { ...LIMITS, QUEUE_PARTITIONS: '2' } });
    cluster = c;
    const [n0, leaving] = c.nodes;
    if (!n0 || !leaving) throw new Error('two nodes expected');
    const pair = await pairOn(leaving, n0, 'dora');
    const stream = startHugStream(pair.sender, pair.to.userId, { total: 2000, inFlight: 20, clientIdPrefix: 'sigterm' });
    stream.finished.catch(() => undefined);
    await eventually(() => stream.acked.length >= 100, 20_000, '100 acknowledged hugs');
    expect(await leaving.stop('SIGTERM')).toBe(0);
    const acked = [...stream.acked];
    pair.sender.close();
    const stored = await storedOnce(c, n0, pair.from.userId, acked.length);
    expect(acked.filter((id) => !stored.includes(id))).toEqual([]);
  }, TIMEOUT_MS);
});
