import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HugMoodClient, Notification, NotificationReadStateEvent, ReceivedNotification } from '../client-sdk/src/index.js';
import { type PushEndpoint, startPushEndpoint } from '../test-support/push-endpoint.js';
import { verifyVapid, webPushSubscriber } from '../test-support/web-push-subscriber.js';
import { register } from './support/accounts.js';
import { offlineWithPush } from './support/push-users.js';
import { befriend, connectedClient, eventually, sdkClient } from './support/clients.js';
import type { ServerProcess } from './support/server-process.js';
import { sharedServer } from './support/shared-server.js';

/** A push as the device reads it, once decrypted. */
interface PushPayload {
  readonly type: string;
  readonly title: string;
  readonly body: string;
  readonly data: Record<string, unknown>;
  readonly count: number;
}

/** Every notification a client hears, from now on. */
function heard(client: HugMoodClient): ReceivedNotification[] {
  const seen: ReceivedNotification[] = [];
  client.notifications.on('new', (n) => seen.push(n));
  return seen;
}

/** `HH:MM` in UTC, `minutes` from now. */
function utcClock(minutes: number): string {
  const d = new Date(Date.now() + minutes * 60_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** Waits until a server log line says `msg` about notification pushes of `userId`. */
function logged(server: ServerProcess, msg: string, userId: string, timeoutMs = 10_000) {
  return eventually(() => server.logs.find((l) => l.msg === msg && l['userId'] === userId), timeoutMs, `"${msg}" for ${userId}`);
}

describe('notifications and push through the SDK', () => {
  // A scheduled group hug's participants hear it starts 1.5 s ahead (a minute by default).
  const serverOf = sharedServer({ env: { GROUP_STARTING_NOTICE_MS: '1500' } });
  let endpoint: PushEndpoint;
  beforeAll(async () => {
    endpoint = await startPushEndpoint();
  });
  afterAll(() => endpoint.close());

  it('pushes a hug and a friend request to an offline user by real Web Push, then shows both unread on two devices, a read on one moving the other', async () => {
    const server = serverOf();
    const [a, b] = [await register(server.url, 'ana'), await register(server.url, 'ben')];
    const path = `/push/${randomUUID()}`;
    const subscriber = await offlineWithPush(server, endpoint, b, path);
    const ca = await connectedClient(server.url, a);
    const { hugId } = await ca.hugs.send(b.userId, { kind: 'bear', message: 'thinking of you' });
    await ca.friends.request(b.userId);

    // The push service got one push per notification: encrypted for B's keys, signed by the server.
    // (A push of C's friend request, had it been slower than B's leaving, is left out: A's are counted.)
    const fromA = () => endpoint.delivered(path).filter((p) => (JSON.parse(subscriber.decrypt(p.body)) as PushPayload).data['userId'] === a.userId);
    const pushes = await eventually(() => (fromA().length >= 2 ? fromA() : false), 10_000, 'two pushes');
    const payloads = pushes.map((p) => JSON.parse(subscriber.decrypt(p.body)) as PushPayload);
    const byType = new Map(payloads.map((p) => [p.type, p]));
    expect([...byType.keys()].sort()).toEqual(['friend-request', 'hug']);
    expect(byType.get('hug')).toMatchObject({ body: 'thinking of you', data: { userId: a.userId, hugId }, count: 1 });
    expect(byType.get('hug')?.title).toMatch(/sent you a bear hug/);
    expect(byType.get('friend-request')).toMatchObject({ data: { userId: a.userId }, count: 1 });
    const { publicKey } = (await (await fetch(`${server.url}/v1/push/vapid-public-key`)).json()) as { publicKey: string };
    for (const push of pushes) {
      expect(verifyVapid(push.headers.authorization, endpoint.origin)).toMatchObject({ publicKey });
      expect(push.headers['content-encoding']).toBe('aes128gcm');
      expect(Number(push.headers.ttl)).toBeGreaterThan(0);
    }
    expect(pushes.map((p) => p.headers.topic).sort()).toEqual(['hm-friend-request', 'hm-hug']);
    expect(pushes.find((p) => p.headers.topic === 'hm-hug')?.headers.urgency).toBe('high');

    // B comes back on two devices: each finds both notifications, unread, once.
    const [phone, laptop] = [sdkClient(server.url, b, { deviceId: 'ben-phone-2' }), sdkClient(server.url, b, { deviceId: 'ben-laptop' })];
    const [onPhone, onLaptop] = [heard(phone), heard(laptop)];
    await Promise.all([phone.whenConnected(), laptop.whenConnected()]);
    for (const seen of [onPhone, onLaptop]) {
      await eventually(() => seen.length >= 2, 5000, 'both notifications synced');
      expect(seen.map((n) => n.type).sort()).toEqual(['friend-request', 'hug']);
      expect(seen.every((n) => n.readAt === null && n.source === 'sync')).toBe(true);
    }
    await eventually(() => phone.notifications.unread.get() === 2 && laptop.notifications.unread.get() === 2, 5000, 'two unread on each device');
    const page = await laptop.notifications.list({ limit: 10 });
    expect(page).toMatchObject({ unread: 2, next: null });
    expect(page.notifications.map((n) => n.type)).toEqual(['friend-request', 'hug']);

    // A read on the phone: the laptop hears it, with the count as it is now.
    const states: NotificationReadStateEvent[] = [];
    laptop.notifications.on('read-state', (e) => states.push(e));
    const hugNote = onPhone.find((n) => n.type === 'hug') as Notification;
    expect(await phone.notifications.read([hugNote.id])).toMatchObject({ unread: 1 });
    await eventually(() => laptop.notifications.unread.get() === 1, 5000, "the laptop's count to follow");
    expect(states.map((s) => [s.unread, s.readIds])).toEqual([[1, [hugNote.id]]]);
    const again = await laptop.notifications.list({ limit: 10 });
    expect(again.notifications.find((n) => n.id === hugNote.id)?.readAt).toBeGreaterThan(0);
    expect((await laptop.notifications.list({ unreadOnly: true })).notifications.map((n) => n.type)).toEqual(['friend-request']);

    // Reading all on the laptop, and a second read of the same on the phone, leave both at 0.
    await laptop.notifications.readUpTo(page.notifications[0]?.id ?? '');
    await phone.notifications.read([hugNote.id]);
    await eventually(() => phone.notifications.unread.get() === 0 && laptop.notifications.unread.get() === 0, 5000, 'no unread anywhere');
    expect(await phone.notifications.refresh()).toBe(0);
    // No notification came twice to either device.
    expect(new Set(onPhone.map((n) => n.id)).size).toBe(onPhone.length);
  });

  it('tells a connected device live and pushes nothing while a device of the user is connected', async () => {
    const server = serverOf();
    const [a, b] = [await register(server.url, 'amy'), await register(server.url, 'bob')];
    const [ca, cb] = [await connectedClient(server.url, a), await connectedClient(server.url, b, { deviceId: 'bob-phone' })];
    const path = `/push/${randomUUID()}`;
    const subscriber = webPushSubscriber(`${endpoint.origin}${path}`);
    await cb.devices.registerWebPush(subscriber.subscription);
    const seen = heard(cb);
    await befriend(ca, cb, b.userId, a.userId);
    await eventually(() => seen.length === 1, 5000, 'the friend request live');
    expect(seen[0]).toMatchObject({ type: 'friend-request', source: 'live', data: { userId: a.userId } });
    await eventually(() => cb.notifications.unread.get() === 1, 5000, 'the unread count');
    const { hugId: whileConnected } = await ca.hugs.send(b.userId, { kind: 'warm' });
    await eventually(() => seen.length === 2, 5000, 'the hug notification live');
    expect(seen[1]).toMatchObject({ type: 'hug', source: 'live', data: { hugId: whileConnected } });
    // Once B is gone, hugs are pushed: the pushes B's device gets are of those alone.
    await ca.presence.watch([b.userId]);
    cb.close();
    await eventually(() => ca.presence.get(b.userId)?.status === 'offline', 5000, 'B offline');
    const { hugId: whileAway } = await ca.hugs.send(b.userId, { kind: 'side', message: 'miss you' });
    const pushes = await eventually(() => (endpoint.delivered(path).length >= 1 ? endpoint.delivered(path) : false), 10_000, 'the push of the hug sent while B was away');
    const payloads = pushes.map((p) => JSON.parse(subscriber.decrypt(p.body)) as PushPayload);
    expect(payloads.map((p) => p.data['hugId'])).toEqual([whileAway]);
    expect(payloads[0]).toMatchObject({ type: 'hug', body: 'miss you', count: 1 });
  });

  it('tells a friend who marked you close of each mood they may see, and no one else', async () => {
    const server = serverOf();
    const [a, b, c] = [await register(server.url, 'abe'), await register(server.url, 'bev'), await register(server.url, 'cyd')];
    const [ca, cb, cc] = [await connectedClient(server.url, a), await connectedClient(server.url, b), await connectedClient(server.url, c)];
    await befriend(ca, cb, b.userId, a.userId);
    await befriend(ca, cc, c.userId, a.userId);
    // B marks A close; C, a friend too, does not.
    await cb.notifications.preferences.update({ closeUserIds: [a.userId] });
    const [onB, onC] = [heard(cb), heard(cc)];
    const secret = await ca.moods.record('anxious', { intensity: 0.6, visibility: 'private', timeZone: 'UTC' });
    const shared = await ca.moods.record('calm', { intensity: 0.5, timeZone: 'UTC' });
    const moodsOfA = () => onB.filter((n) => n.type === 'friend-mood');
    await eventually(() => moodsOfA().length >= 1, 5000, "B hears of A's shared mood");
    expect(moodsOfA()[0]).toMatchObject({ data: { userId: a.userId, moodId: shared.moodId }, body: 'Send a hug?' });
    expect(moodsOfA()[0]?.title).toMatch(/^abe.* feels calm/);
    expect(onC.filter((n) => n.type === 'friend-mood')).toEqual([]);
    // After a block the watcher hears of no mood, however close they marked the author. C marks A
    // close now: C hearing of the next mood means it was announced (B's was decided in the same pass).
    await cb.friends.block(a.userId);
    await cc.notifications.preferences.update({ closeUserIds: [a.userId] });
    const after = await ca.moods.record('hopeful', { intensity: 0.7, timeZone: 'UTC' });
    await eventually(() => onC.some((n) => n.type === 'friend-mood' && n.data['moodId'] === after.moodId), 5000, "C hears of A's next mood");
    const listed = (await cb.notifications.list({ limit: 20 })).notifications.filter((n) => n.type === 'friend-mood');
    expect(listed.map((n) => n.data['moodId'])).toEqual([shared.moodId]);
    expect(moodsOfA().map((n) => n.data['moodId'])).toEqual([shared.moodId]);
    expect(secret.moodId).not.toBe(shared.moodId);
  });

  it('tells those who joined a scheduled group hug that it starts soon, live or by push, once each', async () => {
    const server = serverOf();
    const [a, b, d, e] = [await register(server.url, 'gia'), await register(server.url, 'hal'), await register(server.url, 'ivy'), await register(server.url, 'jon')];
    const [ca, cb, cd, ce] = [await connectedClient(server.url, a), await connectedClient(server.url, b), await connectedClient(server.url, d), await connectedClient(server.url, e)];
    await Promise.all([befriend(ca, cb, b.userId, a.userId), befriend(ca, cd, d.userId, a.userId), befriend(ca, ce, e.userId, a.userId)]);
    const [onB, onE] = [heard(cb), heard(ce)];
    const group = await ca.groupHugs.create({ title: 'Friday hug', invitees: [b.userId, d.userId, e.userId], scheduledAt: ca.clock.now() + 6000, durationMs: 3000 });
    await cb.groupHugs.join(group.id);
    // D joins, registers for push and leaves: D hears of it by push. E, invited, never joined.
    await cd.groupHugs.join(group.id);
    const path = `/push/${randomUUID()}`;
    const subscriber = webPushSubscriber(`${endpoint.origin}${path}`);
    await cd.devices.registerWebPush(subscriber.subscription);
    await ca.presence.watch([d.userId]);
    await eventually(() => ca.presence.get(d.userId)?.status === 'online', 5000, 'D online');
    cd.close();
    await eventually(() => ca.presence.get(d.userId)?.status === 'offline', 5000, 'D offline');

    const starting = () => onB.filter((n) => n.type === 'group-starting');
    await eventually(() => starting().length >= 1, 10_000, 'B hears the group hug starts soon');
    expect(starting()[0]).toMatchObject({ title: 'Your group hug starts in a moment', body: 'Friday hug', data: { groupId: group.id } });
    const pushes = await eventually(() => (endpoint.delivered(path).length >= 1 ? endpoint.delivered(path) : false), 10_000, "D's push");
    expect(pushes.map((p) => JSON.parse(subscriber.decrypt(p.body)) as PushPayload)).toEqual([expect.objectContaining({ type: 'group-starting', data: { groupId: group.id, startsAt: expect.any(Number) as unknown } })]);
    // Once it is live, each was told once, and E, who never joined, not at all.
    await eventually(() => cb.groupHugs.handle(group.id)?.state.phase === 'live', 10_000, 'the group hug live');
    expect(starting()).toHaveLength(1);
    expect((await cb.notifications.list({ limit: 50 })).notifications.filter((n) => n.type === 'group-starting')).toHaveLength(1);
    expect(onE.filter((n) => n.type === 'group-starting')).toEqual([]);
  }, 30_000);

  it('holds a push back through quiet hours, and removes a subscription the push service calls gone', async () => {
    const server = serverOf();
    const [a, b] = [await register(server.url, 'ari'), await register(server.url, 'bea')];
    const quietPath = `/push/${randomUUID()}`;
    await offlineWithPush(server, endpoint, b, quietPath);
    // Quiet from five minutes ago to an hour from now, in B's zone (UTC here).
    const quiet = await connectedClient(server.url, b, { deviceId: 'bea-settings' });
    await quiet.notifications.preferences.update({ quietHours: { start: utcClock(-5), end: utcClock(60), timeZone: 'UTC' } });
    quiet.close();
    const ca = await connectedClient(server.url, a);
    await ca.hugs.send(b.userId, { kind: 'warm' });
    const held = await logged(server, 'push held back', b.userId);
    expect(held).toMatchObject({ reason: 'quiet-hours', type: 'hug' });
    expect(Number(held['until'])).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(endpoint.received.filter((p) => p.path === quietPath)).toEqual([]);

    // A subscription the push service answers 410 is removed.
    const [d] = [await register(server.url, 'dot')];
    const gonePath = `/push/${randomUUID()}`;
    endpoint.answer(gonePath, 410);
    await offlineWithPush(server, endpoint, d, gonePath);
    await ca.hugs.send(d.userId, { kind: 'warm' });
    await logged(server, 'push registration gone (404/410): removed', d.userId);
    expect(endpoint.received.filter((p) => p.path === gonePath).map((p) => p.status)).toEqual([410]);
    // The old registration is gone: a new device's registration is D's only one.
    const back = await connectedClient(server.url, d, { deviceId: 'dot-new-phone' });
    expect(await back.devices.registerWebPush(webPushSubscriber(`${endpoint.origin}/push/${randomUUID()}`).subscription)).toMatchObject({ devices: 1 });
  });
});
