import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccountExport } from '../protocol/types/account-export.js';
import { csvRows } from '../test-support/csv-rows.js';
import { register } from './support/accounts.js';
import { befriend, connectedClient, eventually } from './support/clients.js';
import { sharedServer } from './support/shared-server.js';
import { openDatabase } from '../persistence/sqlite/open-database.js';

async function get(url: string, path: string, token: string | null): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('your data is yours: export and delete', () => {
  const serverOf = sharedServer({ single: true });

  it('exports everything about the caller as JSON and the moods as CSV, then deletion removes the moods', async () => {
    const server = serverOf();
    const [a, b] = [await register(server.url, 'kim'), await register(server.url, 'lee')];
    const [ca, cb] = [await connectedClient(server.url, a), await connectedClient(server.url, b)];
    await befriend(ca, cb, b.userId, a.userId);
    await ca.hugs.request(b.userId, { message: 'need one' });
    const open = await ca.moods.record('grateful', { intensity: 0.8, note: 'said "thanks", then\nsmiled', tags: ['family', '=1+1'], timeZone: 'Europe/Paris' });
    const secret = await ca.moods.record('anxious', { intensity: 0.6, visibility: 'private', timeZone: 'Europe/Paris' });
    const sent = await ca.hugs.send(b.userId, { kind: 'bear', message: 'hi' });
    const got = await cb.hugs.send(a.userId, { kind: 'warm' });

    expect((await get(server.url, '/v1/account/export', null)).status).toBe(401);
    expect((await get(server.url, '/v1/account/export', 'not-a-token')).status).toBe(401);
    // A request sent a moment ago shows once its queued write is in the store (milliseconds); the rest is read
    // fresh. The export checked below is the one that has it (an earlier one may not, on a loaded machine).
    const response = await eventually(
      async () => {
        const r = await get(server.url, '/v1/account/export', a.tokens.accessToken);
        expect(r.status).toBe(200);
        return (JSON.parse(r.text) as AccountExport).hugRequests.length === 1 && r;
      },
      10_000,
      'the sent hug request in the export',
    );
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="hugmood-account-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.text).not.toMatch(/passwordHash|fingerprint|clientId/);
    const data = JSON.parse(response.text) as AccountExport;
    expect(data).toMatchObject({ format: 'hugmood-account-export', version: 1, account: { id: a.userId, username: a.username }, privacy: { shareMoodsWith: 'friends' } });
    expect(data.friends.friends.map((f) => f.profile.userId)).toEqual([b.userId]);
    expect(data.moods.entries.map((m) => m.id)).toEqual([open.moodId, secret.moodId]);
    expect(data.moods.streak).toMatchObject({ current: 1, longest: 1 });
    expect(data.hugs.sent.map((h) => h.id)).toEqual([sent.hugId]);
    expect(data.hugs.received.map((h) => h.id)).toEqual([got.hugId]);
    expect(data.hugRequests).toEqual([expect.objectContaining({ from: a.userId, to: b.userId, message: 'need one', status: 'pending' })]);
    expect(data.inbox.map((e) => e.type)).toContain('hug');
    expect(data.groupHugs).toEqual([]);
    // b's export holds b's side only: no word of a's private mood.
    const theirs = JSON.parse((await get(server.url, '/v1/account/export', b.tokens.accessToken)).text) as AccountExport;
    expect(theirs.moods.entries).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain(secret.moodId);

    const csv = await get(server.url, '/v1/moods/export?format=csv', a.tokens.accessToken);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = csvRows(csv.text);
    expect(rows[0]?.slice(0, 5)).toEqual(['id', 'recorded_at', 'local_date', 'time_zone', 'mood']);
    expect(rows.slice(1).map((r) => [r[0], r[4], r[9], r[10]])).toEqual([
      [open.moodId, 'grateful', 'family;=1+1', 'said "thanks", then\nsmiled'],
      [secret.moodId, 'anxious', '', ''],
    ]);
    const bad = await get(server.url, '/v1/moods/export?format=xlsx', a.tokens.accessToken);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ error: { code: 'invalid_payload', details: { field: 'format' } } });
    const asJson = JSON.parse((await get(server.url, '/v1/moods/export?format=json', a.tokens.accessToken)).text) as { moods: { id: string }[] };
    expect(asJson.moods.map((m) => m.id)).toEqual([open.moodId, secret.moodId]);

    // Deleting the account removes its moods and streak from the store, and its token exports nothing.
    const deleted = await fetch(`${server.url}/v1/account`, { method: 'DELETE', headers: { authorization: `Bearer ${a.tokens.accessToken}` } });
    expect(deleted.status).toBe(204);
    expect((await get(server.url, '/v1/account/export', a.tokens.accessToken)).status).toBe(401);
    const db = openDatabase(join(server.dataDir, 'hugmood.db'), { readonly: true });
    try {
      await eventually(() => {
        const moods = db.prepare('SELECT count(*) AS n FROM moods WHERE user_id = ?').get(a.userId) as { n: number };
        const streaks = db.prepare('SELECT count(*) AS n FROM mood_streaks WHERE user_id = ?').get(a.userId) as { n: number };
        return moods.n === 0 && streaks.n === 0;
      }, 10_000, 'the deleted account\'s moods to leave the store');
    } finally {
      db.close();
    }
  });
});
