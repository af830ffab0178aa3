import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HugMoodClientOptions, PresenceEntry } from '../client-sdk/src/index.js';
import { register } from './support/accounts.js';
import { befriend, closeAllClients, connectedClient, eventually } from './support/clients.js';
import { type ServerProcess, startServer } from './support/server-process.js';
import { defaultTransport } from './support/transports.js';

const GRACE_MS = 400;

describe('presence end to end (uWS, msgpack)', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: { PRESENCE_GRACE_MS: String(GRACE_MS) } });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await server.stop();
  });

  /** Two accounts that are friends, each with a connected client. */
  async function friends(options: { a?: Partial<HugMoodClientOptions>; b?: Partial<HugMoodClientOptions> } = {}) {
    const a = await register(server.url, 'ana');
    const b = await register(server.url, 'ben');
    const ca = await connectedClient(server.url, a, options.a);
    const cb = await connectedClient(server.url, b, options.b);
    await befriend(ca, cb, b.userId, a.userId);
    return { a, b, ca, cb };
  }

  it('runs on the uWebSockets.js transport by default, where its binary loads', () => {
    expect(server.transport).toBe(defaultTransport());
  });

  it('shows friends each other online → away → offline (after the grace period) with lastSeenAt', async () => {
    const { a, b, ca, cb } = await friends({ a: { deviceKind: 'web' }, b: { deviceKind: 'ios' } });

    const seenByA: PresenceEntry[] = [];
    const seenByB: PresenceEntry[] = [];
    ca.presence.on('update', (p) => seenByA.push(p));
    cb.presence.on('update', (p) => seenByB.push(p));
    const fromA = await ca.presence.watch([b.userId]);
    const fromB = await cb.presence.watch([a.userId]);
    expect(fromA.denied).toEqual([]);
    expect(fromA.presences[0]).toMatchObject({ userId: b.userId, status: 'online', lastSeenAt: null, devices: [{ kind: 'ios', status: 'active' }] });
    expect(fromB.presences[0]).toMatchObject({ userId: a.userId, status: 'online' });

    await cb.presence.setStatus('away', 'making tea');
    await eventually(() => ca.presence.get(b.userId)?.status === 'away', 3000, 'A to see B away');
    expect(ca.presence.get(b.userId)?.activity).toBe('making tea');

    const closedAt = Date.now();
    cb.close();
    // Within the grace period nothing changes for A...
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS / 2));
    expect(ca.presence.get(b.userId)?.status).toBe('away');
    // ...after it, B is offline, with lastSeenAt at the disconnect.
    const offline = await eventually(() => {
      const p = ca.presence.get(b.userId);
      return p?.status === 'offline' ? p : undefined;
    }, 5000, 'A to see B offline');
    expect(offline.lastSeenAt).not.toBeNull();
    expect(offline.lastSeenAt as number).toBeGreaterThanOrEqual(closedAt - 50);
    expect(offline.lastSeenAt as number).toBeLessThanOrEqual(closedAt + GRACE_MS);
    expect(offline.at - (offline.lastSeenAt as number)).toBeGreaterThanOrEqual(GRACE_MS - 50);
    expect(seenByA.filter((p) => p.userId === b.userId).map((p) => p.status)).toEqual(['online', 'away', 'offline']);

    // A watcher who arrives later reads lastSeenAt from the snapshot.
    const late = await connectedClient(server.url, a);
    const snapshot = await late.presence.watch([b.userId]);
    expect(snapshot.presences[0]).toMatchObject({ status: 'offline', lastSeenAt: offline.lastSeenAt });
  });

  it('absorbs a reconnect within the grace period: no offline/online pair', async () => {
    const deviceId = 'flapping-device-1';
    const { b, ca, cb: first } = await friends({ b: { deviceId } });
    await ca.presence.watch([b.userId]);
    const statuses: string[] = [];
    ca.presence.on('update', (p) => statuses.push(p.status));
    first.close();
    const second = await connectedClient(server.url, b, { deviceId });
    await second.presence.setStatus('away');
    await eventually(() => ca.presence.get(b.userId)?.status === 'away', 3000, 'the away update');
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS * 2));
    expect(statuses).toEqual(['away']);
  });

  it('refuses to show a non-friend whose status is not public', async () => {
    const { a } = await friends();
    const stranger = await register(server.url, 'eve');
    const ce = await connectedClient(server.url, stranger);
    const result = await ce.presence.watch([a.userId]);
    expect(result.presences).toEqual([]);
    expect(result.denied).toEqual([{ userId: a.userId, code: 'forbidden' }]);
    expect(ce.presence.get(a.userId)).toBeUndefined();
  });

  it('lets a stranger watch a user whose status is public', async () => {
    const { a, ca } = await friends();
    const stranger = await register(server.url, 'sam');
    await ca.privacy.update({ showOnlineStatus: 'public' });
    const cs = await connectedClient(server.url, stranger);
    const result = await cs.presence.watch([a.userId]);
    expect(result.presences[0]).toMatchObject({ userId: a.userId, status: 'online' });
    await ca.presence.setStatus('away');
    await eventually(() => cs.presence.get(a.userId)?.status === 'away', 3000, 'the stranger to see away');
    // Going back to friends-only revokes the stranger at once.
    const denied = new Promise((resolve) => cs.presence.on('denied', resolve));
    await ca.privacy.update({ showOnlineStatus: 'friends' });
    expect(await denied).toEqual({ userId: a.userId, code: 'forbidden' });
    await ca.presence.setStatus('active');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(cs.presence.get(a.userId)).toBeUndefined();
  });

  it('hides the status from an existing watcher as soon as showOnlineStatus flips, and shows it again', async () => {
    const { b, ca, cb } = await friends();
    await ca.presence.watch([b.userId]);
    expect(ca.presence.get(b.userId)?.status).toBe('online');

    await cb.privacy.update({ showOnlineStatus: 'none' });
    const hidden = await eventually(() => (ca.presence.get(b.userId)?.status === 'hidden' ? ca.presence.get(b.userId) : undefined), 2000, 'hidden');
    expect(hidden).toMatchObject({ lastSeenAt: null, activity: null, devices: [] });
    // While hidden, changes do not leak.
    await cb.presence.setStatus('away');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ca.presence.get(b.userId)?.status).toBe('hidden');

    await cb.privacy.update({ showOnlineStatus: 'friends' });
    await eventually(() => ca.presence.get(b.userId)?.status === 'away', 2000, 'the status to come back');
  });

  it('cuts the watch at once on unfriend, and on block', async () => {
    const { a, b, ca, cb } = await friends();
    await ca.presence.watch([b.userId]);
    await cb.presence.watch([a.userId]);
    const deniedForA = new Promise((resolve) => ca.presence.on('denied', resolve));
    await cb.friends.remove(a.userId);
    expect(await deniedForA).toEqual({ userId: b.userId, code: 'forbidden' });
    await cb.presence.setStatus('away');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ca.presence.get(b.userId)).toBeUndefined();

    // Befriending again lets the SDK watch again by itself.
    await ca.friends.request(b.userId);
    await cb.friends.accept(a.userId);
    await eventually(() => ca.presence.get(b.userId)?.status === 'away', 3000, 'the watch to come back after befriending');

    const deniedAgain = new Promise((resolve) => ca.presence.on('denied', resolve));
    await cb.friends.block(a.userId);
    expect(await deniedAgain).toEqual({ userId: b.userId, code: 'forbidden' });
    const again = await ca.presence.watch([b.userId]);
    expect(again.denied).toEqual([{ userId: b.userId, code: 'forbidden' }]);
  });
});
