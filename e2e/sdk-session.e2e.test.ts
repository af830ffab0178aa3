import { describe, expect, it } from 'vitest';
import { type HugMoodClient, memoryStorage, type PresenceEntry, type ReceivedHug, type StorageAdapter, UnauthorizedError } from '../client-sdk/src/index.js';
import { register, uniqueUsername } from './support/accounts.js';
import { befriend, connectedClient, eventually, startClient as start } from './support/clients.js';
import { freePort } from './support/node-process.js';
import { sharedServer } from './support/shared-server.js';

const PASSWORD = 'a long enough password';

/** Closes the client like a killed app: no sign-out, and the storage keeps what was written. */
async function kill(client: HugMoodClient): Promise<void> {
  client.close();
  await client.flushStorage();
}

/** A storage that counts the writes of each key. */
function countingStorage(): StorageAdapter & { readonly writes: Map<string, number>; readonly items: () => Map<string, string> } {
  const inner = new Map<string, string>();
  const writes = new Map<string, number>();
  return {
    writes,
    items: () => inner,
    getItem: (key) => inner.get(key) ?? null,
    setItem: (key, value) => {
      writes.set(key, (writes.get(key) ?? 0) + 1);
      inner.set(key, value);
    },
    removeItem: (key) => void inner.delete(key),
  };
}

describe("the SDK's own sign-in and stored state", () => {
  const server = sharedServer({ env: { ACCESS_TOKEN_TTL_S: '8', TOKEN_EXPIRY_WARNING_S: '1' } });

  it('signs up, knows its user and profile, and a later start resumes the stored session on the same device id', async () => {
    const { url } = server();
    const storage = memoryStorage();
    const username = uniqueUsername('amy');
    const first = start(url, { auth: { username, password: PASSWORD, signUp: true, displayName: 'Amy A.' }, storage });
    await first.whenConnected(10_000);
    expect(first.userId).toMatch(/^[A-Za-z0-9_-]+$/);
    const me = await eventually(() => first.me ?? undefined, 5000, 'own profile');
    expect(me).toMatchObject({ userId: first.userId, username, displayName: 'Amy A.' });
    const { deviceId, userId } = first;
    await kill(first);

    const again = start(url, { auth: 'stored', storage });
    // The stored session names the user before any network.
    await eventually(() => again.userId === userId, 5000, 'the stored user id');
    await again.whenConnected(10_000);
    expect(again.deviceId).toBe(deviceId);
    expect((await again.profile.get(userId ?? '')).username).toBe(username);
  });

  it('closes with UnauthorizedError on a wrong password or a missing stored session, and stores nothing', async () => {
    const { url } = server();
    const account = await register(url);
    const storage = countingStorage();
    const wrong = start(url, { auth: { username: account.username, password: 'not the password' }, storage });
    await expect(wrong.whenConnected(10_000)).rejects.toBeInstanceOf(UnauthorizedError);
    expect(wrong.state).toBe('closed');
    expect(wrong.userId).toBeNull();
    const none = start(url, { auth: 'stored', storage: memoryStorage() });
    await expect(none.whenConnected(10_000)).rejects.toThrow(/no stored session/);
    await wrong.flushStorage();
    expect([...storage.items().keys()].filter((k) => k.endsWith(':session'))).toEqual([]);
  });

  it('refreshes the access token before it expires: one connection outlives several tokens', async () => {
    const { url } = server();
    const account = await register(url);
    const storage = countingStorage();
    const client = start(url, { auth: { username: account.username, password: account.password }, storage });
    await client.whenConnected(10_000);
    const ended: string[] = [];
    client.onSessionEnded(({ reason }) => ended.push(reason));
    let reconnects = 0;
    client.onStateChange((state) => {
      if (state === 'reconnecting') reconnects += 1;
    });
    // Each token lives 8 s and is refreshed 5 s before expiry: three refreshes take over 9 s,
    // past the first token's expiry.
    const sessionKey = 'hugmood:session';
    const issuedAt = Date.now();
    await eventually(() => (storage.writes.get(sessionKey) ?? 0) >= 4, 20_000, 'three refreshes');
    expect(Date.now() - issuedAt).toBeGreaterThan(8000);
    expect(ended).toEqual([]);
    expect(reconnects).toBe(0);
    expect(client.state).toBe('connected');
    expect((await client.friends.list()).friends).toEqual([]);
  }, 40_000);

  it('two tabs sharing one stored session both keep refreshing it on a real server', async () => {
    const { url } = server();
    const account = await register(url);
    const storage = countingStorage();
    const first = start(url, { auth: { username: account.username, password: account.password }, storage });
    await first.whenConnected(10_000);
    await first.flushStorage();
    const second = start(url, { auth: 'stored', storage });
    await second.whenConnected(10_000);
    const fatal: string[] = [];
    for (const tab of [first, second]) tab.onError((error, { fatal: isFatal }) => isFatal && fatal.push(error.message));
    // Each refreshes 5 s before its 8 s token expires, on its own timer: after six rotations of the
    // shared refresh token, both have outlived their first tokens. (Which token a tab presents when
    // the other rotated it first is client-sdk/test/token-session.test.ts's, on a strict server.)
    const writes = storage.writes.get('hugmood:session') ?? 0;
    await eventually(() => (storage.writes.get('hugmood:session') ?? 0) >= writes + 6, 25_000, 'six refreshes between the two tabs');
    expect(fatal).toEqual([]);
    expect([first.state, second.state]).toEqual(['connected', 'connected']);
    await Promise.all([first.friends.list(), second.friends.list()]);
  }, 45_000);

  it('a killed app resumes at its stored inbox cursor: hugs it had are not reported again', async () => {
    const { url } = server();
    const [amy, bob] = await Promise.all([register(url, 'amy'), register(url, 'bob')]);
    const amyClient = await connectedClient(url, amy);
    const bobStorage = memoryStorage();
    const bobFirst = start(url, { auth: { username: bob.username, password: bob.password }, storage: bobStorage });
    await bobFirst.whenConnected(10_000);
    await befriend(amyClient, bobFirst, bob.userId, amy.userId);
    const firstRun: string[] = [];
    bobFirst.hugs.on('received', (hug) => firstRun.push(hug.message ?? ''));
    await amyClient.hugs.send(bob.userId, { kind: 'warm', message: 'one' });
    await eventually(() => firstRun.includes('one'), 5000, 'the first hug');
    await kill(bobFirst);

    await amyClient.hugs.send(bob.userId, { kind: 'warm', message: 'two' });
    const secondRun: ReceivedHug[] = [];
    const bobAgain = start(url, { auth: 'stored', storage: bobStorage });
    bobAgain.hugs.on('received', (hug) => secondRun.push(hug));
    await eventually(() => secondRun.some((h) => h.message === 'two'), 10_000, 'the hug sent while the app was closed');
    await bobAgain.hugs.sync();
    expect(secondRun.map((h) => h.message)).toEqual(['two']);
    expect(secondRun[0]?.source).toBe('sync');
  });

  it('a hug sent offline survives the app being killed, and goes out once when it starts again', async () => {
    const { url } = server();
    const bob = await register(url, 'bob');
    const amyStorage = countingStorage();
    const amyFirst = start(url, { auth: { username: uniqueUsername('amy'), password: PASSWORD, signUp: true }, storage: amyStorage });
    await amyFirst.whenConnected(10_000);
    const amyId = amyFirst.userId ?? '';
    const bobClient = await connectedClient(url, bob);
    await befriend(amyFirst, bobClient, bob.userId, amyId);
    const received: ReceivedHug[] = [];
    bobClient.hugs.on('received', (hug) => received.push(hug));
    await kill(amyFirst);

    // Offline: the app starts where no server answers, sends, and is killed.
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const offline = start(nowhere, { auth: 'stored', storage: amyStorage });
    const lost = offline.hugs.send(bob.userId, { kind: 'bear', message: 'sent offline' });
    lost.catch(() => undefined);
    const outboxKey = `hugmood:${amyId}:outbox`;
    await eventually(() => amyStorage.items().get(outboxKey)?.includes('sent offline'), 5000, 'the persisted outbox');
    await kill(offline);
    await expect(lost).rejects.toThrow();

    // Online again: the stored send goes out by itself, once.
    const amyAgain = start(url, { auth: 'stored', storage: amyStorage });
    await eventually(() => received.some((h) => h.message === 'sent offline'), 10_000, 'the hug sent offline');
    await eventually(() => !amyStorage.items().has(outboxKey), 5000, 'the emptied outbox');
    await amyAgain.hugs.sync();
    const history = await bobClient.hugs.history({ direction: 'received' });
    expect(history.hugs.filter((h) => h.message === 'sent offline')).toHaveLength(1);
    expect(received.filter((h) => h.message === 'sent offline')).toHaveLength(1);
  });

  it('a send the server took just before the app was killed is not doubled when the stored outbox replays it', async () => {
    const { url } = server();
    const [amy, bob] = await Promise.all([register(url, 'amy'), register(url, 'bob')]);
    const storage = countingStorage();
    const amyFirst = start(url, { auth: { username: amy.username, password: amy.password }, storage });
    await amyFirst.whenConnected(10_000);
    const bobClient = await connectedClient(url, bob);
    await befriend(amyFirst, bobClient, bob.userId, amy.userId);
    const received: ReceivedHug[] = [];
    bobClient.hugs.on('received', (hug) => received.push(hug));
    const clientId = `replay_${Date.now()}`;
    await amyFirst.hugs.send(bob.userId, { kind: 'warm', message: 'once', clientId });
    await kill(amyFirst);
    // Killed between the server's acceptance and the outbox's removal: the entry is still stored.
    const payload = { to: bob.userId, kind: 'warm', message: 'once', clientId };
    void storage.setItem(`hugmood:${amy.userId}:outbox`, JSON.stringify([{ name: 'hug:send', payload, deadline: Date.now() + 60_000 }]));

    start(url, { auth: 'stored', storage });
    await eventually(() => !storage.items().has(`hugmood:${amy.userId}:outbox`), 10_000, 'the replayed send to settle');
    const history = await bobClient.hugs.history({ direction: 'received' });
    expect(history.hugs.filter((h) => h.message === 'once')).toHaveLength(1);
    expect(received.filter((h) => h.message === 'once')).toHaveLength(1);
  });
});

describe('following friends and the app state', () => {
  const server = sharedServer();

  it('watchFriends follows the friends list as it changes, with a new immutable snapshot per change', async () => {
    const { url } = server();
    const [amy, bob] = await Promise.all([register(url, 'amy'), register(url, 'bob')]);
    const amyClient = await connectedClient(url, amy);
    const bobClient = await connectedClient(url, bob);
    const snapshots: ReadonlyMap<string, PresenceEntry>[] = [];
    amyClient.presence.subscribe((statuses) => snapshots.push(statuses));
    const result = await amyClient.presence.watchFriends();
    expect(result.presences).toEqual([]);
    expect(amyClient.presence.friendIds()).toEqual([]);

    await befriend(amyClient, bobClient, bob.userId, amy.userId);
    // No watch call: the new friendship alone brings Bob's presence.
    const online = await eventually(() => amyClient.presence.get(bob.userId), 5000, "Bob's presence");
    expect(online.status).toBe('online');
    expect(amyClient.presence.friendIds()).toEqual([bob.userId]);
    const before = amyClient.presence.statuses();
    expect(Object.isFrozen(online)).toBe(true);

    await bobClient.presence.setStatus('away');
    await eventually(() => amyClient.presence.get(bob.userId)?.status === 'away', 5000, 'Bob away');
    // The snapshot handed out earlier is untouched; a new one holds the change.
    expect(before.get(bob.userId)?.status).toBe('online');
    expect(amyClient.presence.statuses()).not.toBe(before);
    expect(new Set(snapshots).size).toBe(snapshots.length);

    await bobClient.friends.remove(amy.userId);
    await eventually(() => !amyClient.presence.statuses().has(bob.userId), 5000, 'Bob dropped');
    expect(amyClient.presence.friendIds()).toEqual([]);
  });

  it("setAppState('background') shows the device away to friends, and back online in the foreground", async () => {
    const { url } = server();
    const [amy, bob] = await Promise.all([register(url, 'amy'), register(url, 'bob')]);
    const amyClient = await connectedClient(url, amy);
    const bobClient = await connectedClient(url, bob);
    await befriend(amyClient, bobClient, bob.userId, amy.userId);
    await amyClient.presence.watchFriends();
    await eventually(() => amyClient.presence.get(bob.userId)?.status === 'online', 5000, 'Bob online');
    await bobClient.setAppState('background');
    await eventually(() => amyClient.presence.get(bob.userId)?.status === 'away', 5000, 'Bob away in the background');
    await bobClient.setAppState('active');
    await eventually(() => amyClient.presence.get(bob.userId)?.status === 'online', 5000, 'Bob back online');
    // A status Bob chose stays his in the foreground; the background only overrides it while there.
    await bobClient.presence.setStatus('away', 'reading');
    await bobClient.setAppState('background');
    await bobClient.setAppState('active');
    await eventually(() => amyClient.presence.get(bob.userId)?.activity === 'reading', 5000, "Bob's activity");
    expect(amyClient.presence.get(bob.userId)?.status).toBe('away');
  });
});
