import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DevicePush } from '../../protocol/types/devices.js';
import type { Store } from './store.js';

const uid = (name: string) => `${name}-${randomUUID()}`;
const web = (n: string): DevicePush => ({ platform: 'web', subscription: { endpoint: `https://push.example.net/${n}`, keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) } } });

/**
 * Devices registered for push, and users' notification preferences: both written directly and
 * read back at once, both gone with the account. Runs inside `runStoreContract`, once per implementation.
 */
export function describeDeviceStore(store: () => Store): void {
  describe('devices and notification preferences', () => {
    it('registers a device per deviceId, replaces it when registered again, lists them and counts them', async () => {
      const me = uid('me');
      const endpoint = randomUUID();
      expect(await store().devices.register({ userId: me, deviceId: 'phone', push: web(endpoint), createdAt: 1, updatedAt: 1 })).toBe(1);
      expect(await store().devices.register({ userId: me, deviceId: 'laptop', push: { platform: 'android', token: `tok-${endpoint}` }, createdAt: 2, updatedAt: 2 })).toBe(2);
      // The phone's browser renewed its subscription: the same device, a new endpoint, its first registration time kept.
      expect(await store().devices.register({ userId: me, deviceId: 'phone', push: web(`${endpoint}-2`), createdAt: 3, updatedAt: 3 })).toBe(2);
      expect(await store().devices.list(me)).toEqual([
        { userId: me, deviceId: 'phone', push: web(`${endpoint}-2`), createdAt: 1, updatedAt: 3 },
        { userId: me, deviceId: 'laptop', push: { platform: 'android', token: `tok-${endpoint}` }, createdAt: 2, updatedAt: 2 },
      ]);
      expect(await store().devices.unregister(me, 'laptop')).toBe(true);
      expect(await store().devices.unregister(me, 'laptop')).toBe(false);
      expect((await store().devices.list(me)).map((d) => d.deviceId)).toEqual(['phone']);
    });

    it('removes every registration of an address the push service called gone, and only those', async () => {
      const [a, b] = [uid('a'), uid('b')];
      const gone = randomUUID();
      await store().devices.register({ userId: a, deviceId: 'd1', push: web(gone), createdAt: 1, updatedAt: 1 });
      await store().devices.register({ userId: b, deviceId: 'd1', push: web(gone), createdAt: 1, updatedAt: 1 });
      await store().devices.register({ userId: b, deviceId: 'd2', push: web(randomUUID()), createdAt: 1, updatedAt: 1 });
      expect(await store().devices.removeByAddress(`https://push.example.net/${gone}`)).toBe(2);
      expect(await store().devices.list(a)).toEqual([]);
      expect((await store().devices.list(b)).map((d) => d.deviceId)).toEqual(['d2']);
    });

    it('reads defaults until a user changes their preferences, then applies each change over the last', async () => {
      const me = uid('me');
      const defaults = await store().notificationPreferences.get(me);
      expect(defaults.channels.hug).toEqual({ in_app: true, push: true, email: false });
      const first = await store().notificationPreferences.update(me, { channels: { hug: { push: false } }, quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' } });
      expect(first.before).toEqual(defaults);
      expect(first.after.channels.hug).toEqual({ in_app: true, push: false, email: false });
      const second = await store().notificationPreferences.update(me, { mutedUserIds: ['x'], channels: { hug: { email: true } } });
      expect(second.before).toEqual(first.after);
      expect(second.after).toMatchObject({ channels: { hug: { in_app: true, push: false, email: true } }, quietHours: { start: '22:00' }, mutedUserIds: ['x'] });
      expect(await store().notificationPreferences.get(me)).toEqual(second.after);
    });

    it('keeps a daily reminder, lists every user who has one, and forgets one cleared', async () => {
      const [me, other] = [uid('me'), uid('other')];
      await store().notificationPreferences.update(me, { dailyReminder: { time: '09:00', timeZone: 'Europe/Lisbon' } });
      await store().notificationPreferences.update(other, { dailyReminder: { time: '21:30', timeZone: 'Asia/Tokyo' }, previews: false });
      expect((await store().notificationPreferences.get(me)).dailyReminder).toEqual({ time: '09:00', timeZone: 'Europe/Lisbon' });
      const listed = (await store().notificationPreferences.dailyReminders()).filter((r) => r.userId === me || r.userId === other);
      expect(listed.sort((a, b) => (a.userId < b.userId ? -1 : 1))).toEqual(
        [
          { userId: me, reminder: { time: '09:00', timeZone: 'Europe/Lisbon' } },
          { userId: other, reminder: { time: '21:30', timeZone: 'Asia/Tokyo' } },
        ].sort((a, b) => (a.userId < b.userId ? -1 : 1)),
      );
      await store().notificationPreferences.update(me, { dailyReminder: null });
      expect((await store().notificationPreferences.get(me)).dailyReminder).toBeNull();
      expect((await store().notificationPreferences.dailyReminders()).some((r) => r.userId === me)).toBe(false);
    });

    it('loses no change when several are made to one user\'s preferences at once', async () => {
      const me = uid('me');
      const friends = Array.from({ length: 6 }, (_, i) => `f${i}`);
      await Promise.all(friends.map((f) => store().notificationPreferences.update(me, { channels: { [f === 'f0' ? 'hug' : 'friend-request']: { email: true } }, closeUserIds: [f] })));
      const final = await store().notificationPreferences.get(me);
      expect(final.channels.hug.email).toBe(true);
      expect(final.channels['friend-request'].email).toBe(true);
      expect(final.closeUserIds).toHaveLength(1);
    });

    it('knows who marked a user close, following each change of close friends', async () => {
      const [me, a, b, c] = [uid('me'), uid('a'), uid('b'), uid('c')];
      expect(await store().notificationPreferences.closeWatchersOf(me)).toEqual([]);
      await store().notificationPreferences.update(a, { closeUserIds: [me, c] });
      await store().notificationPreferences.update(b, { closeUserIds: [me] });
      expect((await store().notificationPreferences.closeWatchersOf(me)).sort()).toEqual([a, b].sort());
      expect(await store().notificationPreferences.closeWatchersOf(c)).toEqual([a]);
      // Another setting leaves the close friends as they are; a new list replaces the old one.
      await store().notificationPreferences.update(a, { previews: false });
      expect((await store().notificationPreferences.closeWatchersOf(me)).sort()).toEqual([a, b].sort());
      await store().notificationPreferences.update(a, { closeUserIds: [c] });
      expect(await store().notificationPreferences.closeWatchersOf(me)).toEqual([b]);
      await store().notificationPreferences.update(b, { closeUserIds: [] });
      expect(await store().notificationPreferences.closeWatchersOf(me)).toEqual([]);
      expect(await store().notificationPreferences.closeWatchersOf(c)).toEqual([a]);
    });

    it('forgets a deleted account\'s devices and preferences', async () => {
      const gone = uid('gone');
      await store().devices.register({ userId: gone, deviceId: 'd', push: web(randomUUID()), createdAt: 1, updatedAt: 1 });
      const watcher = uid('watcher');
      await store().notificationPreferences.update(gone, { previews: false });
      await store().notificationPreferences.update(watcher, { closeUserIds: [gone] });
      await store().accounts.delete(gone, 10);
      expect(await store().notificationPreferences.closeWatchersOf(gone)).toEqual([]);
      expect(await store().devices.list(gone)).toEqual([]);
      expect((await store().notificationPreferences.get(gone)).previews).toBe(true);
    });
  });
}
