import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, InvalidPayloadError } from '../client-sdk/src/index.js';
import { register } from './support/accounts.js';
import { befriend, connectedClient } from './support/clients.js';
import { sharedServer } from './support/shared-server.js';

// The mood commands over real sockets, through the SDK's typed `request` (its `moods` API comes
// with the rest of issue 12: live friend moods, the snapshot, export).
describe('moods over the wire', () => {
  const serverOf = sharedServer();

  it('records a mood once per clientId, shows it to a friend and refuses a stranger, and follows a privacy change at once', async () => {
    const server = serverOf();
    const [a, b, c] = [await register(server.url, 'amy'), await register(server.url, 'bob'), await register(server.url, 'cat')];
    const [ca, cb, cc] = [await connectedClient(server.url, a), await connectedClient(server.url, b), await connectedClient(server.url, c)];
    await befriend(ca, cb, b.userId, a.userId);
    const record = { mood: 'grateful' as const, intensity: 0.7, note: 'sunny walk', tags: ['walk'], timeZone: 'Europe/Paris', clientId: 'amy-mood-0001' };
    const first = await ca.request('mood:record', record);
    expect(first).toMatchObject({ streak: { current: 1, longest: 1 }, milestone: null });
    expect(first.localDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A retry (same clientId) answers the same; the same clientId for another mood is a conflict.
    expect(await ca.request('mood:record', record)).toEqual(first);
    await expect(ca.request('mood:record', { ...record, mood: 'sad' })).rejects.toBeInstanceOf(ConflictError);

    const seen = await cb.request('mood:history', { userId: a.userId });
    expect(seen.entries.map((e) => [e.id, e.mood, e.note])).toEqual([[first.moodId, 'grateful', 'sunny walk']]);
    expect(await cb.request('mood:streak', { userId: a.userId, timeZone: 'Europe/Paris' })).toMatchObject({ current: 1 });
    await expect(cc.request('mood:history', { userId: a.userId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cc.request('mood:streak', { userId: a.userId })).rejects.toBeInstanceOf(ForbiddenError);

    await ca.privacy.update({ shareMoodsWith: 'none' });
    await expect(cb.request('mood:history', { userId: a.userId })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await ca.request('mood:history', {})).entries).toHaveLength(1);
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
    expect((await ca.request('mood:history', {})).entries).toEqual([]);
    // Then a good one goes through, and its summary says what there is not enough of.
    await ca.request('mood:record', valid);
    const summary = await ca.request('mood:summary', { days: 7 });
    expect(summary).toMatchObject({ entries: 1, counts: { calm: 1 }, averages: { status: 'ok' }, trend: { status: 'not-enough-data' } });
  });
});
