import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HUG_KINDS } from '../client-sdk/src/index.js';
import { register } from './support/accounts.js';
import { befriend, closeAllClients, connectedClient, eventually, sdkClient } from './support/clients.js';
import { recordHugs } from './support/hug-recorder.js';
import { metricsText } from './support/metrics.js';
import { type ServerProcess, startServer } from './support/server-process.js';
import { onMongoStore, sharedServer } from './support/shared-server.js';

// Bursts of a few hundred hugs from one user: the rate limits are tested in bad-input tests.
const GENEROUS_LIMITS = { RATE_HUGS_BURST: '1000', RATE_HUGS_PER_MIN: '100000', RATE_USER_BURST: '1000', RATE_USER_PER_S: '1000', RATE_CONN_BURST: '1000', RATE_CONN_PER_S: '1000' };

describe('hugs end to end through the SDK', () => {
  // On FerretDB a test that wrote hundreds of hugs would slow every query of the next (see onMongoStore).
  const serverOf = sharedServer({ env: GENEROUS_LIMITS }, { eachTest: onMongoStore() });

  it('runs on the store its project asks for', () => {
    // The mongodb projects run this suite on MongoDB's wire protocol (FerretDB in CI), the others on SQLite.
    const expected = process.env['HUGMOOD_E2E_STORE'] === 'mongo' ? 'mongodb' : 'sqlite';
    const stores = serverOf().logs.filter((l) => l.msg === 'store ready').map((l) => l['store']);
    expect(stores.length).toBeGreaterThan(0);
    expect(new Set(stores)).toEqual(new Set([expected]));
  });

  async function pair() {
    const a = await register(serverOf().url, 'ana');
    const b = await register(serverOf().url, 'ben');
    const ca = await connectedClient(serverOf().url, a, { maxOfflineSends: 500 });
    const cb = await connectedClient(serverOf().url, b);
    await befriend(ca, cb, b.userId, a.userId);
    return { a, b, ca, cb };
  }

  it('delivers a hug live with its timeline to every device; the sender sees delivered, then read', async () => {
    const { a, b, ca, cb } = await pair();
    const phone = await connectedClient(serverOf().url, b);
    const sender = recordHugs(ca);
    const laptop = recordHugs(cb);
    const onPhone = recordHugs(phone);

    const before = Date.now();
    const sent = await ca.hugs.send(b.userId, { kind: 'bear', message: 'you got this' });
    expect(sent).toEqual({ hugId: expect.stringMatching(/^h_/) as string, delivered: true });

    const hug = await eventually(() => laptop.received[0], 3000, 'the hug on the laptop');
    await eventually(() => onPhone.received[0], 3000, 'the hug on the phone');
    expect(hug).toMatchObject({ id: sent.hugId, from: a.userId, to: b.userId, kind: 'bear', message: 'you got this', source: 'live', readAt: null });
    expect(hug.sentAt).toBeGreaterThanOrEqual(before - 5);
    // B's inbox: A's friend request (a notification) at 1, the hug at 2, its notification at 3.
    expect(hug.cursor).toBe(2);
    expect(hug.animation).toEqual({ durationMs: HUG_KINDS.bear.durationMs, curve: HUG_KINDS.bear.curve });
    const { timeline } = hug;
    expect(timeline.durationMs).toBe(3200);
    expect(timeline.progress(timeline.startsAt)).toEqual({ t: 0, intensity: 0, done: false });
    expect(timeline.progress(timeline.startsAt + 1600)).toMatchObject({ t: 0.5, intensity: 1, done: false });
    expect(timeline.progress(timeline.startsAt + 5000)).toMatchObject({ t: 1, done: true });

    await eventually(() => sender.delivered.length === 1, 3000, 'hug:delivered');
    expect(sender.delivered[0]).toMatchObject({ hugId: sent.hugId, to: b.userId });

    const read = await cb.hugs.markRead(sent.hugId);
    await eventually(() => sender.read.length === 1, 3000, 'the read receipt');
    expect(sender.read[0]).toEqual({ hugId: sent.hugId, by: b.userId, readAt: read.readAt });
    expect(sender.statusOf(sent.hugId)).toEqual(['delivered', 'read']);
    // Read state syncs to the other device, and reading again changes nothing.
    await eventually(() => onPhone.readState.length === 1, 3000, 'read state on the phone');
    expect(onPhone.readState[0]).toMatchObject({ hugId: sent.hugId, readAt: read.readAt });
    expect(await phone.hugs.markRead(sent.hugId)).toEqual(read);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sender.read).toHaveLength(1);
    expect(sender.delivered).toHaveLength(1);

    const history = await ca.hugs.history({ direction: 'sent', limit: 10 });
    expect(history.hugs).toMatchObject([{ id: sent.hugId, readAt: read.readAt }]);
    expect(history.hugs[0]?.deliveredAt).not.toBeNull();
  });

  it('an offline recipient gets exactly the hugs sent meanwhile, in order, on reconnect', async () => {
    const { b, ca, cb } = await pair();
    // Record before sending: the hug may reach B before A's ack does.
    const seen = recordHugs(cb);
    const first = await ca.hugs.send(b.userId, { kind: 'warm' });
    await eventually(() => seen.received.length === 1, 3000, 'the first hug');
    // The friend request's notification, the hug and the hug's notification.
    const cursor = await eventually(() => cb.hugs.cursor === 3 && cb.hugs.cursor, 3000, "the hug's notification");
    cb.close();
    await new Promise((resolve) => setTimeout(resolve, 200));

    const offline = [];
    for (const kind of ['side', 'squeeze', 'healing'] as const) offline.push(await ca.hugs.send(b.userId, { kind, message: kind }));
    expect(offline.map((s) => s.delivered)).toEqual([false, false, false]);

    const back = await connectedClient(serverOf().url, b, { inboxCursor: cursor });
    const again = recordHugs(back);
    await eventually(() => again.received.length >= 3, 5000, 'the three hugs after reconnecting');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(again.received.map((h) => h.id)).toEqual(offline.map((s) => s.hugId));
    expect(again.received.map((h) => h.kind)).toEqual(['side', 'squeeze', 'healing']);
    expect(again.received.every((h) => h.source === 'sync')).toBe(true);
    expect(again.received.some((h) => h.id === first.hugId)).toBe(false);
    // Each hug came with its notification.
    expect(back.hugs.cursor).toBe(9);
  });

  it('never shows a hug twice when live delivery and sync overlap', async () => {
    const { b, ca } = await pair();
    // 150 hugs already in B's inbox: syncing them takes two pages while more arrive live.
    const sends: Promise<{ hugId: string }>[] = [];
    for (let i = 0; i < 150; i += 1) sends.push(ca.hugs.send(b.userId, { kind: 'warm', message: `before ${i}` }));
    await Promise.all(sends);
    // More hugs stream in while B's device connects and syncs its first pages.
    const during: Promise<{ hugId: string }>[] = [];
    for (let i = 0; i < 40; i += 1) during.push(ca.hugs.send(b.userId, { kind: 'side', message: `during ${i}` }));
    const late = sdkClient(serverOf().url, b);
    const seen = recordHugs(late);
    const notified: string[] = [];
    late.notifications.on('new', (n) => notified.push(n.id));
    const sources = () => ({ live: seen.received.filter((h) => h.source === 'live').length, sync: seen.received.filter((h) => h.source === 'sync').length });
    // Then, connected, syncs race with live deliveries: a page may carry a hug that also arrived live.
    await late.whenConnected();
    for (let i = 0; i < 20; i += 1) {
      during.push(ca.hugs.send(b.userId, { kind: 'squeeze', message: `racing ${i}` }));
      void late.hugs.sync();
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const all = [...(await Promise.all(sends)), ...(await Promise.all(during))].map((s) => s.hugId);
    await eventually(() => seen.received.length >= all.length, 30_000, 'every hug');
    await late.hugs.sync();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const ids = seen.received.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(all));
    // The friend request's notification and each hug's, once each. The cursor is past the 421 entries
    // when a write the log refused (past its lag bound, retried by the SDK) left its reserved cursors unused.
    await eventually(() => notified.length >= 211, 60_000, 'every notification').catch((error: unknown) => {
      throw new Error(`${String(error)}: ${notified.length} notifications, the cursor at ${late.hugs.cursor}`);
    });
    expect(new Set(notified).size).toBe(notified.length);
    expect(notified).toHaveLength(211);
    expect(late.hugs.cursor).toBeGreaterThanOrEqual(421);
    console.info('overlap test: hugs reported by source', sources(), 'cursor', late.hugs.cursor);
    // 210 hugs and their notifications: FerretDB (the MongoDB stand-in) writes them several times slower than
    // SQLite, and slower still under the full suite's load (12 s alone, 58 s there once).
  }, 150_000);

  it('one clientId yields one hug, even sent twice at once and again from a new connection', async () => {
    const { a, b, ca, cb } = await pair();
    const seen = recordHugs(cb);
    const clientId = 'retry-key-0001';
    const [x, y] = await Promise.all([
      ca.hugs.send(b.userId, { kind: 'warm', message: 'once', clientId }),
      ca.hugs.send(b.userId, { kind: 'warm', message: 'once', clientId }),
    ]);
    expect(y.hugId).toBe(x.hugId);
    const other = await connectedClient(serverOf().url, a);
    expect((await other.hugs.send(b.userId, { kind: 'warm', message: 'once', clientId })).hugId).toBe(x.hugId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.received.map((h) => h.id)).toEqual([x.hugId]);
    expect((await ca.hugs.history({ direction: 'sent' })).hugs).toHaveLength(1);
  });

  it('exposes hug delivery latency and write-behind depth, lag, batch size, flush latency and dead letters in /metrics', async () => {
    const { b, ca } = await pair();
    const sender = recordHugs(ca);
    await ca.hugs.send(b.userId, { kind: 'warm' });
    await eventually(() => sender.delivered.length === 1, 3000, 'the delivery receipt');
    // In a cluster each node has its own registry (the receipt is counted on the recipient's node):
    // `serverOf().url` goes round the three nodes.
    // The send is counted on the sender's node, the receipt on the recipient's, the batch where it was written.
    const [metrics, sent] = await eventually(async () => {
      const texts = await Promise.all(Array.from({ length: 3 }, () => serverOf().url).map((url) => metricsText(serverOf(), url)));
      const delivered = texts.some((t) => /^hugmood_hug_delivery_seconds_count\{[^}]*\} [1-9]/m.test(t));
      const text = texts.find((t) => /hugmood_write_queue_batch_size_count\{[^}]*\} [1-9]/.test(t));
      const sender = texts.find((t) => /hugmood_commands_total\{[^}]*command="hug:send"[^}]*outcome="ok"/.test(t));
      return delivered && text && sender ? [text, sender] : undefined;
    }, 3000, 'a delivery, a flushed batch and a send in /metrics');
    for (const name of ['hugmood_write_queue_depth', 'hugmood_write_queue_lag_seconds', 'hugmood_write_queue_dead_letters', 'hugmood_write_queue_flush_seconds_bucket']) {
      expect(metrics).toMatch(new RegExp(`^${name}\\{`, 'm'));
    }
    expect(sent).toMatch(/hugmood_commands_total\{[^}]*command="hug:send"[^}]*outcome="ok"/);
  });

  it('answers hug requests: accepting sends a hug back linked to the request; declining does not', async () => {
    const { a, b, ca, cb } = await pair();
    const asker = recordHugs(ca);
    const giver = recordHugs(cb);

    const { requestId, expiresAt } = await ca.hugs.request(b.userId, { message: 'rough day' });
    expect(expiresAt).toBeGreaterThan(Date.now());
    const request = await eventually(() => giver.requests[0], 3000, 'the request');
    expect(request).toMatchObject({ id: requestId, from: a.userId, to: b.userId, message: 'rough day', status: 'pending' });

    const accepted = await cb.hugs.answer(requestId, true, { kind: 'healing' });
    expect(accepted).toMatchObject({ requestId, status: 'accepted', hugId: expect.stringMatching(/^h_/) as string });
    const hug = await eventually(() => asker.received[0], 3000, 'the hug back');
    expect(hug).toMatchObject({ id: accepted.hugId, from: b.userId, kind: 'healing', requestId });
    await eventually(() => asker.answers[0], 3000, 'the answer');
    expect(asker.answers[0]).toEqual({ requestId, by: b.userId, accepted: true, hugId: accepted.hugId });
    // Answering the same way again is a harmless retry; changing the answer is refused.
    expect(await cb.hugs.answer(requestId, true, { kind: 'healing' })).toEqual(accepted);
    await expect(cb.hugs.answer(requestId, false)).rejects.toMatchObject({ code: 'conflict' });

    const second = await ca.hugs.request(b.userId);
    await eventually(() => giver.requests.length === 2, 3000, 'the second request');
    expect(await cb.hugs.answer(second.requestId, false)).toEqual({ requestId: second.requestId, status: 'declined', hugId: null });
    await eventually(() => asker.answers.length === 2, 3000, 'the decline');
    expect(asker.answers[1]).toEqual({ requestId: second.requestId, by: b.userId, accepted: false, hugId: null });
    expect(asker.received).toHaveLength(1);

    // The requester's inbox holds the answers too, for a device that was offline.
    const fresh = await connectedClient(serverOf().url, a);
    const synced = recordHugs(fresh);
    await eventually(() => synced.answers.length === 2, 3000, 'answers through sync');
    expect(synced.received.map((h) => h.requestId)).toEqual([requestId]);
    // About 1 s; under the full suite on two nodes over FerretDB it took 6, 12.6 and 17 s in CI runs, and once
    // passed 30 s (a command held, not a wait for an event: each of those is bounded at 3 s above).
  }, 60_000);
});

describe('hug requests expire', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: { HUG_REQUEST_TTL_S: '1' } });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await server.stop();
  });

  it('refuses an answer after the configured time and shows the request as expired', async () => {
    const a = await register(server.url, 'ana');
    const b = await register(server.url, 'ben');
    const ca = await connectedClient(server.url, a);
    const cb = await connectedClient(server.url, b);
    await befriend(ca, cb, b.userId, a.userId);
    const { requestId } = await ca.hugs.request(b.userId);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(cb.hugs.answer(requestId, true)).rejects.toMatchObject({ code: 'conflict', details: { reason: 'expired' } });
    const later = await connectedClient(server.url, b);
    const seen = recordHugs(later);
    await eventually(() => seen.requests[0], 3000, 'the request through sync');
    expect(seen.requests[0]).toMatchObject({ id: requestId, status: 'expired' });
  });
});
