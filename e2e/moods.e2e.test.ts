import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, type HugMoodClient, InvalidPayloadError, type MoodFriendUpdateEvent, RateLimitedError } from '../client-sdk/src/index.js';
import { register } from './support/accounts.js';
import { befriend, connectedClient, eventually, sdkClient } from './support/clients.js';
import { sharedServer } from './support/shared-server.js';

/** Every `friend-update` a client hears, from the moment it starts listening. */
function heard(client: HugMoodClient): MoodFriendUpdateEvent[] {
  const events: MoodFriendUpdateEvent[] = [];
  client.moods.on('friend-update', (e) => events.push(e));
  return events;
}

describe('moods through the SDK', () => {
  const serverOf = sharedServer();

  it('records a mood once per clientId, shows it to a friend and refuses a stranger, and follows a privacy change at once', async () => {
    const server = serverOf();
    const [a, b, c] = [await register(server.url, 'amy'), await register(server.url, 'bob'), await register(server.url, 'cat')];
    const [ca, cb, cc] = [await connectedClient(server.url, a), await connectedClient(server.url, b), await connectedClient(server.url, c)];
    await befriend(ca, cb, b.userId, a.userId);
    const options = { intensity: 0.7, note: 'sunny walk', tags: ['walk'], timeZone: 'Europe/Paris', clientId: 'amy-mood-0001' };
    const first = await ca.moods.record('grateful', options);
    expect(first).toMatchObject({ streak: { current: 1, longest: 1 }, milestone: null });
    expect(first.localDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A retry (same clientId) answers the same; the same clientId for another mood is a conflict.
    expect(await ca.moods.record('grateful', options)).toEqual(first);
    await expect(ca.moods.record('sad', options)).rejects.toBeInstanceOf(ConflictError);

    const seen = await cb.moods.history({ userId: a.userId });
    expect(seen.entries.map((e) => [e.id, e.mood, e.note])).toEqual([[first.moodId, 'grateful', 'sunny walk']]);
    expect(await cb.moods.streak({ userId: a.userId, timeZone: 'Europe/Paris' })).toMatchObject({ current: 1 });
    await expect(cc.moods.history({ userId: a.userId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cc.moods.streak({ userId: a.userId })).rejects.toBeInstanceOf(ForbiddenError);

    await ca.privacy.update({ shareMoodsWith: 'none' });
    await expect(cb.moods.history({ userId: a.userId })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await ca.moods.history()).entries).toHaveLength(1);
  });

  it('tells a listening friend a mood live and never a stranger; sharing with no one hides the next at once; an unfriend forgets', async () => {
    const server = serverOf();
    const [a, b, c, d] = [await register(server.url, 'ann'), await register(server.url, 'ben'), await register(server.url, 'cyd'), await register(server.url, 'dee')];
    const [ca, cb, cc, cd] = [await connectedClient(server.url, a), await connectedClient(server.url, b), await connectedClient(server.url, c), await connectedClient(server.url, d)];
    await befriend(ca, cb, b.userId, a.userId);
    // d is everyone's friend: a later mood of d's shows what has arrived by then.
    for (const [client, id] of [
      [ca, a.userId],
      [cb, b.userId],
      [cc, c.userId],
    ] as const) {
      await befriend(cd, client, id, d.userId);
    }
    const [toA, toB, toC] = [heard(ca), heard(cb), heard(cc)];
    // Friends with no mood yet are listed with none.
    expect((await cb.moods.friends()).friends.map((f) => [f.latest, f.streak.current]).sort()).toEqual([
      [null, 0],
      [null, 0],
    ]);
    await Promise.all([ca.moods.friends(), cc.moods.friends()]);

    const amy = await ca.moods.record('joyful', { intensity: 0.9, timeZone: 'Europe/Paris' });
    const live = await eventually(() => toB.find((e) => e.entry.id === amy.moodId), 5000, 'b to hear a\'s mood');
    expect(live).toMatchObject({ userId: a.userId, entry: { mood: 'joyful', intensity: 0.9, userId: a.userId }, streak: { current: 1 } });
    expect(cb.moods.friendMoods().get(a.userId)?.latest?.id).toBe(amy.moodId);
    const dee1 = await cd.moods.record('calm', { intensity: 0.3, timeZone: 'UTC' });
    await eventually(() => toC.some((e) => e.entry.id === dee1.moodId), 5000, 'the stranger to hear their friend d');
    expect(toC.filter((e) => e.userId === a.userId)).toEqual([]);

    // b records, a hears it; b then shares with no one: a forgets b at once and never hears b's next mood.
    const ben1 = await cb.moods.record('hopeful', { intensity: 0.5, timeZone: 'UTC' });
    await eventually(() => toA.some((e) => e.entry.id === ben1.moodId), 5000, 'a to hear b');
    const hidden = new Promise<string>((resolve) => ca.moods.on('friend-hidden', ({ userId }) => resolve(userId)));
    await cb.privacy.update({ shareMoodsWith: 'none' });
    expect(await hidden).toBe(b.userId);
    expect(ca.moods.friendMoods().has(b.userId)).toBe(false);
    const ben2 = await cb.moods.record('sad', { intensity: 0.6, timeZone: 'UTC', visibility: 'friends' });
    expect(ben2.streak.current).toBe(1);
    const dee2 = await cd.moods.record('proud', { intensity: 0.4, timeZone: 'UTC' });
    await eventually(() => toA.some((e) => e.entry.id === dee2.moodId), 5000, 'a to hear d');
    expect(toA.filter((e) => e.entry.id === ben2.moodId)).toEqual([]);
    expect((await ca.moods.friends()).friends.map((f) => f.userId)).toEqual([d.userId]);

    // An unfriend: b forgets a, and hears nothing more of a.
    const forgotten = new Promise<string>((resolve) => cb.moods.on('friend-hidden', ({ userId }) => resolve(userId)));
    await ca.friends.remove(b.userId);
    expect(await forgotten).toBe(a.userId);
    const amy2 = await ca.moods.record('content', { intensity: 0.5, timeZone: 'UTC' });
    const dee3 = await cd.moods.record('tired', { intensity: 0.5, timeZone: 'UTC' });
    await eventually(() => toB.some((e) => e.entry.id === dee3.moodId), 5000, 'b to hear d');
    expect(toB.filter((e) => e.entry.id === amy2.moodId)).toEqual([]);
  });

  it('gives a friend who was offline the latest mood and streak of each friend when they come back, and new friends live', async () => {
    const server = serverOf();
    const [a, b, c] = [await register(server.url, 'eve'), await register(server.url, 'fay'), await register(server.url, 'gus')];
    const [ca, cc] = [await connectedClient(server.url, a), await connectedClient(server.url, c)];
    let cb = await connectedClient(server.url, b);
    await befriend(ca, cb, b.userId, a.userId);
    cb.close();
    await ca.moods.record('tired', { intensity: 0.4, timeZone: 'UTC' });
    const latest = await ca.moods.record('grateful', { intensity: 0.8, note: 'tea with mum', timeZone: 'UTC' });
    await ca.moods.record('angry', { intensity: 0.2, timeZone: 'UTC', visibility: 'private' });
    cb = await connectedClient(server.url, b);
    const { friends } = await cb.moods.friends();
    expect(friends).toEqual([{ userId: a.userId, latest: expect.objectContaining({ id: latest.moodId, note: 'tea with mum' }), streak: { current: 1, longest: 1, lastDate: latest.localDate } }]);

    // A friendship made while listening: the new friend's latest mood arrives, then their next ones.
    const gus = await cc.moods.record('calm', { intensity: 0.5, timeZone: 'UTC' });
    const toB = heard(cb);
    await befriend(cb, cc, c.userId, b.userId);
    await eventually(() => toB.some((e) => e.entry.id === gus.moodId), 5000, 'the new friend\'s latest mood');
    const gus2 = await cc.moods.record('joyful', { intensity: 0.9, timeZone: 'UTC' });
    await eventually(() => toB.some((e) => e.entry.id === gus2.moodId), 5000, 'the new friend\'s next mood');
    // A deletion reaches the friends who saw it; the one before becomes the latest.
    await cc.moods.delete(gus2.moodId);
    await eventually(() => cb.moods.friendMoods().get(c.userId)?.latest?.id === gus.moodId, 5000, 'the latest mood after a deletion');
  });

  it('keeps moods made offline in the outbox with hugs, and sends each once, in the order they were made', async () => {
    const server = serverOf();
    const [a, b] = [await register(server.url, 'kai'), await register(server.url, 'liv')];
    const [ca, cb] = [await connectedClient(server.url, a), await connectedClient(server.url, b)];
    await befriend(ca, cb, b.userId, a.userId);
    ca.close();
    // A client that cannot connect yet: its token comes only once the gate opens.
    let open = () => undefined as void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const offline = sdkClient(server.url, a, { getToken: async () => (await gate, a.tokens.accessToken) });
    expect(offline.state).not.toBe('connected');
    const sends = [
      offline.moods.record('tired', { intensity: 0.3, timeZone: 'UTC', note: 'first' }),
      offline.hugs.send(b.userId, { kind: 'warm', message: 'between' }),
      offline.moods.record('hopeful', { intensity: 0.7, timeZone: 'UTC', note: 'second' }),
      offline.moods.record('calm', { intensity: 0.5, timeZone: 'UTC', note: 'third' }),
    ] as const;
    open();
    const [first, hug, second, third] = await Promise.all(sends);
    expect(hug.hugId).toBeTruthy();
    expect(third.streak.current).toBe(1);
    // Each recorded once, and in the order made: a user's records are handled one at a time, in the
    // order they arrive, so their server times follow the order the outbox sent them in.
    const history = await offline.moods.history();
    expect(history.entries.map((e) => e.note).sort()).toEqual(['first', 'second', 'third']);
    expect(first.recordedAt).toBeLessThanOrEqual(second.recordedAt);
    expect(second.recordedAt).toBeLessThanOrEqual(third.recordedAt);
  });

  it('limits a flood of records like hugs: the burst goes through, then rate_limited with when to retry, and nothing more is recorded', async () => {
    const server = serverOf();
    const a = await register(server.url, 'max');
    const ca = await connectedClient(server.url, a);
    // The command itself (the SDK's moods.record would wait out the refusal and retry).
    const flood = Array.from({ length: 14 }, (_, i) => ca.request('mood:record', { mood: 'stressed', intensity: 0.9, timeZone: 'UTC', clientId: `max-flood-${String(i).padStart(4, '0')}` }).then(() => null, (e: unknown) => e));
    const outcomes = await Promise.all(flood);
    const refused = outcomes.filter((e) => e !== null);
    // RATE_MOODS_BURST is 10 by default, refilled at 30 a minute (one more if the flood took over 2 s).
    const accepted = outcomes.filter((e) => e === null).length;
    expect(accepted).toBeGreaterThanOrEqual(10);
    expect(accepted).toBeLessThanOrEqual(11);
    expect(refused[0]).toBeInstanceOf(RateLimitedError);
    expect((refused[0] as RateLimitedError).retryAfterMs).toBeGreaterThan(0);
    expect((refused[0] as RateLimitedError).details).toMatchObject({ rule: 'mood' });
    expect((await ca.moods.history()).entries).toHaveLength(accepted);
  });

  it('names the field of bad input and records nothing', async () => {
    const server = serverOf();
    const a = await register(server.url, 'dan');
    const ca = await connectedClient(server.url, a);
    const valid = { mood: 'calm', intensity: 0.5, timeZone: 'UTC', clientId: 'dan-mood-0001' } as const;
    const field = async (payload: unknown) => {
      const error = await ca.request('mood:record', payload as typeof valid).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidPayloadError);
      return (error as InvalidPayloadError).details?.['field'];
    };
    expect(await field({ ...valid, mood: 'meh' })).toBe('mood');
    expect(await field({ ...valid, intensity: 2 })).toBe('intensity');
    expect(await field({ ...valid, timeZone: 'Mars/Olympus_Mons' })).toBe('timeZone');
    expect(await field({ ...valid, note: 'x'.repeat(501) })).toBe('note');
    expect(await field({ ...valid, tags: Array.from({ length: 11 }, (_, i) => `t${i}`) })).toBe('tags');
    expect((await ca.moods.history()).entries).toEqual([]);
    // Then a good one goes through, and its summary says what there is not enough of.
    await ca.moods.record('calm', { intensity: 0.5, timeZone: 'UTC' });
    const summary = await ca.moods.summary(7);
    expect(summary).toMatchObject({ entries: 1, counts: { calm: 1 }, averages: { status: 'ok' }, trend: { status: 'not-enough-data' } });
  });
});

describe('mood streaks on a test clock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hugmood-mood-clock-'));
  const clockFile = join(dir, 'offset');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const serverOf = sharedServer({ env: { MOOD_CLOCK_FILE: clockFile } });
  /** Moves the server's mood clock (every node's) to `at`. */
  const setClock = (at: number) => writeFileSync(clockFile, String(at - Date.now()));

  it('runs a streak over three days in two zones across a DST change, counts a date once, and a friend sees it', async () => {
    const server = serverOf();
    const [a, b] = [await register(server.url, 'ivy'), await register(server.url, 'jon')];
    const [ca, cb] = [await connectedClient(server.url, a), await connectedClient(server.url, b)];
    await befriend(ca, cb, b.userId, a.userId);
    const ny = 'America/New_York';
    const tokyo = 'Asia/Tokyo';
    // Saturday 7 March in New York; Sunday 8 March late at night, after clocks sprang forward at
    // 2:00 that morning; then Monday in Tokyo, where it is already the 9th; then again the 9th in Tokyo.
    const days = [
      { at: Date.UTC(2026, 2, 7, 14), zone: ny },
      { at: Date.UTC(2026, 2, 9, 3, 30), zone: ny },
      { at: Date.UTC(2026, 2, 9, 6), zone: tokyo },
      { at: Date.UTC(2026, 2, 9, 12), zone: tokyo },
    ];
    const results = [];
    for (const day of days) {
      setClock(day.at);
      results.push(await ca.moods.record('hopeful', { intensity: 0.6, timeZone: day.zone }));
    }
    expect(results.map((r) => r.localDate)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-09']);
    expect(results.map((r) => r.streak.current)).toEqual([1, 2, 3, 3]);
    expect(results.map((r) => r.milestone)).toEqual([null, null, 3, null]);
    // Recorded at the test clock's time (written just before each record).
    expect(results.map((r, i) => Math.abs(r.recordedAt - (days[i]?.at ?? 0)) < 5000)).toEqual(days.map(() => true));
    expect(await cb.moods.streak({ userId: a.userId, timeZone: tokyo })).toEqual({ current: 3, longest: 3, lastDate: '2026-03-09' });
    // Two whole dates later without a mood, it reads as broken; the longest run stays.
    setClock(Date.UTC(2026, 2, 11, 16));
    expect(await ca.moods.streak({ timeZone: tokyo })).toEqual({ current: 0, longest: 3, lastDate: '2026-03-09' });
    expect((await cb.moods.friends()).friends).toEqual([expect.objectContaining({ userId: a.userId, streak: { current: 0, longest: 3, lastDate: '2026-03-09' } })]);
  });
});
