import { afterEach, describe, expect, it } from 'vitest';
import { register } from '../support/accounts.js';
import { befriend, closeAllClients, connectedClient, eventually } from '../support/clients.js';
import { startCluster, type TestCluster } from '../support/cluster-process.js';
import { allHistory, allInbox, storedHugs, storeHolds } from '../support/hug-reads.js';
import { startHugStream } from '../support/hug-stream.js';
import { freePort } from '../support/server-process.js';

/** Each test starts several processes and kills some; on a loaded 2-core CI machine that takes a while. */
const CRASH_TEST_TIMEOUT_MS = 120_000;

// These tests are about crashes, not backpressure (tested on its own): a lag bound a loaded CI machine
// cannot reach keeps a slow worker from turning the stream into `unavailable`.
const LIMITS = { QUEUE_LAG_BOUND_MS: '120000', RATE_HUGS_BURST: '1000', RATE_HUGS_PER_MIN: '100000', RATE_USER_BURST: '1000', RATE_USER_PER_S: '1000', RATE_CONN_BURST: '1000', RATE_CONN_PER_S: '1000' };

function countDuplicates(ids: readonly string[]): number {
  return ids.length - new Set(ids).size;
}

describe('cluster durability (real processes, real Redis)', () => {
  let cluster: TestCluster | undefined;
  afterEach(async () => {
    closeAllClients();
    await cluster?.stop();
    cluster = undefined;
  });

  it('keeps every hug a node acknowledged, exactly once, when that node is killed -9 mid-stream', async () => {
    const c = await startCluster({ nodes: 2, env: LIMITS });
    cluster = c;
    const port = await freePort();
    const doomed = await c.startNode(2, { PORT: String(port) });
    const survivor = c.nodes[0];
    if (!survivor) throw new Error('no survivor');
    const a = await register(survivor.url, 'ana');
    const b = await register(survivor.url, 'ben');
    const sender = await connectedClient(doomed.url, a, { maxOfflineSends: 1000, requestTimeoutMs: 3000 });
    const receiverSetup = await connectedClient(survivor.url, b);
    await befriend(sender, receiverSetup, b.userId, a.userId);
    receiverSetup.close();

    const stream = startHugStream(sender, b.userId, { total: 200, inFlight: 20, clientIdPrefix: 'node-crash' });
    await eventually(() => stream.acked.length >= 100, 20_000, '100 acknowledged hugs');
    expect(await doomed.stop('SIGKILL')).toBeNull();
    const ackedBeforeKill = [...stream.acked];
    // The same node comes back on its port; the SDK reconnects and retries what was in flight.
    await c.startNode(2, { PORT: String(port) });
    await stream.finished;

    const receiver = await connectedClient(survivor.url, b);
    const inboxIds = (await allInbox(receiver)).flatMap((e) => (e.type === 'hug' ? [e.hug.id] : []));
    const sent = (await allHistory(receiver, 'received')).map((h) => h.id);
    const stored = await storeHolds(c.dataDir, survivor.metricsUrl, a.userId, 200);
    const found = ackedBeforeKill.filter((id) => inboxIds.includes(id) && sent.includes(id) && stored.hugIds.includes(id)).length;
    const duplicates = countDuplicates(inboxIds) + countDuplicates(sent) + countDuplicates(stored.inboxRefs);
    console.info('node crash:', { ackedBeforeKill: ackedBeforeKill.length, found, duplicates, totalAcked: stream.acked.length, inInbox: inboxIds.length, inStore: stored.hugIds.length });
    expect(found).toBe(ackedBeforeKill.length);
    expect(duplicates).toBe(0);
    expect(new Set(stream.acked).size).toBe(200);
    expect(inboxIds).toHaveLength(200);
  }, CRASH_TEST_TIMEOUT_MS);

  it('applies every acknowledged hug exactly once when a worker process is killed -9 mid-stream', async () => {
    const c = await startCluster({ nodes: 2, env: { ...LIMITS, WORKERS: '0' } });
    cluster = c;
    const [n0, n1] = c.nodes;
    if (!n0 || !n1) throw new Error('two nodes expected');
    const first = await c.startWorker();
    const a = await register(n0.url, 'ana');
    const b = await register(n1.url, 'ben');
    const sender = await connectedClient(n0.url, a);
    const receiverSetup = await connectedClient(n1.url, b);
    await befriend(sender, receiverSetup, b.userId, a.userId);

    const stream = startHugStream(sender, b.userId, { total: 200, inFlight: 20, clientIdPrefix: 'worker-crash' });
    await eventually(() => stream.acked.length >= 80 && storedHugs(c.dataDir, a.userId).hugIds.length > 0, 20_000, 'the worker to be writing');
    expect(await first.stop('SIGKILL')).toBeNull();
    const ackedBeforeKill = [...stream.acked];
    await stream.finished;
    // Until a worker runs again nothing more lands; the next one also takes over any job the dead one held.
    await c.startWorker();
    const stored = await storeHolds(c.dataDir, n1.metricsUrl, a.userId, 200);
    const duplicates = countDuplicates(stored.hugIds) + countDuplicates(stored.inboxRefs);
    console.info('worker crash:', { ackedBeforeKill: ackedBeforeKill.length, inStore: stored.hugIds.length, inboxRows: stored.inboxRefs.length, duplicates });
    expect(stream.acked.every((id) => stored.hugIds.includes(id))).toBe(true);
    expect(stored.inboxRefs.sort()).toEqual([...stream.acked].sort());
    expect(duplicates).toBe(0);
  }, CRASH_TEST_TIMEOUT_MS);

  it('goes unready during a 3 s Redis outage, refuses commands quickly, recovers without restarts and loses no acked write', async () => {
    const c = await startCluster({ nodes: 3, env: { ...LIMITS, PRESENCE_NODE_TIMEOUT_MS: '5000' }, appendOnly: true });
    cluster = c;
    const urls = c.nodes.map((n) => n.url);
    const [u0, u1] = urls;
    if (!u0 || !u1) throw new Error('nodes expected');
    const a = await register(u0, 'ana');
    const b = await register(u1, 'ben');
    const sender = await connectedClient(u0, a);
    const watcher = await connectedClient(u1, b);
    await befriend(sender, watcher, b.userId, a.userId);
    await watcher.presence.watch([a.userId]);
    const offlineSeen: number[] = [];
    watcher.presence.on('update', (p) => p.userId === a.userId && p.status === 'offline' && offlineSeen.push(Date.now()));
    const t0 = Date.now();
    const before = startHugStream(sender, b.userId, { total: 20, inFlight: 5, clientIdPrefix: 'before-outage' });
    await before.finished;

    const ready = async (url: string) => (await fetch(`${url}/readyz`)).status;
    const phase = (what: string) => console.info(`redis outage test: ${what} (+${Date.now() - t0} ms)`);
    phase('stopping redis');
    await c.redis.stop();
    const down = Date.now();
    await eventually(async () => (await Promise.all(urls.map(ready))).every((s) => s === 503), 5000, 'every node to report unready');
    const started = Date.now();
    const refused = await sender.request('hug:send', { to: b.userId, kind: 'warm', clientId: 'during-outage-1' }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(refused).toMatchObject({ code: 'unavailable' });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 3000 - (Date.now() - down))));
    phase('starting redis');
    await c.redis.start();
    await eventually(async () => (await Promise.all(urls.map(ready))).every((s) => s === 200), 10_000, 'every node to report ready again');
    phase('every node ready');

    const after = startHugStream(sender, b.userId, { total: 20, inFlight: 5, clientIdPrefix: 'after-outage' });
    await after.finished;
    phase('sent after the outage');
    const inboxIds = (await allInbox(watcher)).flatMap((e) => (e.type === 'hug' ? [e.hug.id] : []));
    const acked = [...before.acked, ...after.acked];
    expect(acked.filter((id) => !inboxIds.includes(id))).toEqual([]);
    expect(countDuplicates(inboxIds)).toBe(0);
    const stored = await storeHolds(c.dataDir, c.nodes[0]?.metricsUrl ?? '', a.userId, 40);
    expect(acked.every((id) => stored.hugIds.includes(id))).toBe(true);
    // The connected sender never looked offline to its watcher.
    expect(offlineSeen).toEqual([]);
    expect(watcher.presence.get(a.userId)?.status).toBe('online');
  }, CRASH_TEST_TIMEOUT_MS);
});
