import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PushEndpoint, startPushEndpoint } from '../test-support/push-endpoint.js';
import { register } from './support/accounts.js';
import { eventually } from './support/clients.js';
import { offlineWithPush } from './support/push-users.js';
import { sharedServer } from './support/shared-server.js';

/** What a device reads from a push. */
interface PushPayload {
  readonly type: string;
  readonly title: string;
}

const DAY = 24 * 3600 * 1000;

describe('the daily mood reminder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hugmood-reminder-clock-'));
  const clockFile = join(dir, 'offset');
  // Every node reads the clock of moods and reminders from this file.
  const serverOf = sharedServer({ env: { MOOD_CLOCK_FILE: clockFile } });
  let endpoint: PushEndpoint;
  beforeAll(async () => {
    endpoint = await startPushEndpoint();
  });
  afterAll(async () => {
    await endpoint.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fires at the local time as one push, once however many nodes run, and is skipped on a day with a mood', async () => {
    const server = serverOf();
    // The server's clock reads 08:59:45 UTC on a fresh day: 09:00 comes 15 s from now (the set-up takes a few).
    const realNow = Date.now();
    const nine = Math.floor(realNow / DAY) * DAY + 30 * DAY + 9 * 3600 * 1000;
    writeFileSync(clockFile, String(nine - 15_000 - realNow));
    const [b, c] = [await register(server.url, 'bev'), await register(server.url, 'cid')];
    const reminder = { time: '09:00', timeZone: 'UTC' };
    const [bPath, cPath] = [`/push/${randomUUID()}`, `/push/${randomUUID()}`];
    const subscriber = await offlineWithPush(server, endpoint, b, bPath, (client) => client.notifications.preferences.update({ dailyReminder: reminder }));
    // C recorded a mood this morning: no reminder today.
    await offlineWithPush(server, endpoint, c, cPath, async (client) => {
      await client.moods.record('calm', { intensity: 0.5, timeZone: 'UTC' });
      await client.notifications.preferences.update({ dailyReminder: reminder });
    });

    const fired = (userId: string) => server.logs.filter((l) => l.msg === 'daily reminder fired' && l['userId'] === userId);
    await eventually(() => fired(b.userId).length > 0 && fired(c.userId).length > 0, 30_000, 'both reminders to fire');
    expect(fired(c.userId).map((l) => [l['outcome'], l['date']])).toEqual([['skipped', new Date(nine).toISOString().slice(0, 10)]]);
    expect(fired(b.userId).map((l) => l['outcome'])).toEqual(['sent']);
    expect(Number(fired(b.userId)[0]?.['at'])).toBe(nine);
    const pushes = await eventually(() => (endpoint.delivered(bPath).length > 0 ? endpoint.delivered(bPath) : false), 10_000, "B's reminder push");
    expect(pushes.map((p) => (JSON.parse(subscriber.decrypt(p.body)) as PushPayload).type)).toEqual(['mood-reminder']);
    expect(JSON.parse(subscriber.decrypt(pushes[0]?.body ?? new Uint8Array())) as PushPayload).toMatchObject({ title: 'How are you feeling today?' });
    expect(endpoint.received.filter((p) => p.path === cPath)).toEqual([]);
  }, 60_000);
});
