import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { notificationCreate, notificationDelete, notificationRead, notificationReadUpTo } from '../write-behind/write-operation.js';
import type { NotificationRecord } from './notification-repository.js';
import type { Store } from './store.js';

const uid = (name: string) => `${name}-${randomUUID()}`;

/** A notification record for the contract: a fresh id, and whatever `overrides` says. */
export function notificationRecord(overrides: Partial<NotificationRecord> = {}): NotificationRecord {
  return {
    id: `n${randomUUID().replaceAll('-', '')}`,
    userId: 'ann',
    type: 'hug',
    title: 'Bo sent you a warm hug 🤗',
    body: 'thinking of you',
    data: { userId: 'bo', hugId: 'h1' },
    createdAt: 1000,
    readAt: null,
    deletedAt: null,
    ...overrides,
  };
}

/**
 * Notifications: made once by write-behind batches (a replay changes nothing), paged newest first,
 * read by ids or up to one, deleted as tombstones, counted while unread, removed by age, and gone
 * with an account. Runs inside `runStoreContract`, once per implementation.
 */
export function describeNotificationStore(store: () => Store): void {
  describe('notifications', () => {
    it('makes a notification once, however often its batch is replayed, and reads it back whole', async () => {
      const n = notificationRecord({ userId: uid('ann') });
      await store().applyWrites([notificationCreate(n)]);
      await store().applyWrites([notificationCreate({ ...n, title: 'a replay never overwrites' })]);
      expect(await store().notifications.get(n.id)).toEqual(n);
      expect(await store().notifications.get('missing-notification')).toBeNull();
      const other = notificationRecord({ userId: uid('bo') });
      await store().applyWrites([notificationCreate(other)]);
      const many = await store().notifications.getMany([n.id, 'missing-notification', other.id, n.id]);
      expect(many.sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual([n, other].sort((x, y) => (x.id < y.id ? -1 : 1)));
      expect(await store().notifications.getMany([])).toEqual([]);
    });

    it('pages newest first, unread only when asked, and counts the unread, after reads by id and up to one', async () => {
      const me = uid('me');
      const made = [1, 2, 3, 3, 4, 5].map((t, i) => notificationRecord({ userId: me, createdAt: t * 1000, id: `n-${i}-${randomUUID().slice(0, 8)}` }));
      const other = notificationRecord({ userId: uid('other'), createdAt: 2000 });
      await store().applyWrites([...made, other].map(notificationCreate));
      expect(await store().notifications.unreadCount(me)).toBe(6);
      const [, , x2, x3] = made as [NotificationRecord, NotificationRecord, NotificationRecord, NotificationRecord];
      const earlierAt3000 = x2.id < x3.id ? x2 : x3;
      // After one: those younger, and those as old with an id after it; and leaving some out.
      expect(await store().notifications.unreadCount(me, { after: { createdAt: 3000, id: earlierAt3000.id } })).toBe(3);
      expect(await store().notifications.unreadCount(me, { after: { createdAt: 500, id: 'z' } })).toBe(6);
      expect(await store().notifications.unreadCount(me, { after: { createdAt: 5000, id: 'z' } })).toBe(0);
      expect(await store().notifications.unreadCount(me, { except: [x2.id, x3.id, 'missing'] })).toBe(4);
      expect(await store().notifications.unreadCount(me, { after: { createdAt: 3000, id: earlierAt3000.id }, except: [x2.id, x3.id] })).toBe(2);
      const [n0, n1, n2, n3, n4, n5] = made as [NotificationRecord, NotificationRecord, NotificationRecord, NotificationRecord, NotificationRecord, NotificationRecord];
      // Up to the later of the two at 3000 (ids break the tie), then one more by id, read twice.
      const upTo = n2.id < n3.id ? n3 : n2;
      await store().applyWrites([notificationReadUpTo(me, upTo, 7000), notificationRead(me, [n5.id], 8000), notificationRead(me, [n5.id], 9000)]);
      expect(await store().notifications.unreadCount(me)).toBe(1);
      expect(await store().notifications.unreadCount(me, { after: { createdAt: 3000, id: 'z' } })).toBe(1);
      expect(await store().notifications.unreadCount(me, { after: { createdAt: 4000, id: n4.id } })).toBe(0);
      expect(await store().notifications.unreadCount(other.userId)).toBe(1);
      expect((await store().notifications.get(n5.id))?.readAt).toBe(8000);
      expect((await store().notifications.get(n0.id))?.readAt).toBe(7000);
      expect((await store().notifications.page(me, null, 10, true)).map((n) => n.id)).toEqual([n4.id]);
      const page1 = await store().notifications.page(me, null, 2, false);
      expect(page1.map((n) => n.createdAt)).toEqual([5000, 4000]);
      const last = page1.at(-1);
      if (!last) throw new Error('empty page');
      const page2 = await store().notifications.page(me, { createdAt: last.createdAt, id: last.id }, 10, false);
      expect(page2.map((n) => n.createdAt)).toEqual([3000, 3000, 2000, 1000]);
      // Read or deleted among some: n0 and n5 are read, n4 is not, the other's is not mine, one is missing.
      expect(await store().notifications.countSettled(me, [n0.id, n4.id, n5.id, other.id, 'missing'])).toBe(2);
      const gone = notificationRecord({ userId: me, createdAt: 6000 });
      await store().applyWrites([notificationCreate(gone), notificationDelete(me, [gone.id], 9200)]);
      expect(await store().notifications.countSettled(me, [gone.id, n4.id])).toBe(1);
      expect(await store().notifications.countSettled(me, [])).toBe(0);
      // Another user's reads touch none of mine.
      await store().applyWrites([notificationRead(other.userId, [n4.id], 9500)]);
      expect((await store().notifications.get(n4.id))?.readAt).toBeNull();
      expect(n1.userId).toBe(me);
    });

    it('deletes as a tombstone whose words are gone, that a replayed creation cannot revive, and only the owner\'s', async () => {
      const me = uid('me');
      const n = notificationRecord({ userId: me });
      await store().applyWrites([notificationCreate(n), notificationDelete(uid('stranger'), [n.id], 1500)]);
      expect((await store().notifications.get(n.id))?.deletedAt).toBeNull();
      await store().applyWrites([notificationDelete(me, [n.id], 2000), notificationCreate(n), notificationRead(me, [n.id], 3000)]);
      expect(await store().notifications.get(n.id)).toMatchObject({ deletedAt: 2000, readAt: null, title: '', body: '', data: {} });
      expect(await store().notifications.page(me, null, 10, false)).toEqual([]);
      expect(await store().notifications.unreadCount(me)).toBe(0);
    });

    it('removes notifications past retention, oldest first, a bounded number at a time', async () => {
      const me = uid('me');
      // Far in the past, so the contract's other notifications are all younger.
      const old = [1, 2, 3].map((t) => notificationRecord({ userId: me, createdAt: t }));
      const young = notificationRecord({ userId: me, createdAt: 500 });
      await store().applyWrites([...old, young].map(notificationCreate));
      expect(await store().notifications.removeOlderThan(100, 2)).toBe(2);
      expect(await store().notifications.removeOlderThan(100, 10)).toBe(1);
      expect(await store().notifications.removeOlderThan(100, 10)).toBe(0);
      expect((await store().notifications.page(me, null, 10, false)).map((n) => n.id)).toEqual([young.id]);
    });

    it('goes with its recipient\'s account and with the account it names, and writes queued before the deletion land as nothing', async () => {
      const [gone, friend] = [uid('gone'), uid('friend')];
      const mine = notificationRecord({ userId: gone });
      const naming = notificationRecord({ userId: friend, data: { userId: gone } });
      const unrelated = notificationRecord({ userId: friend, data: { userId: uid('someone') } });
      await store().applyWrites([mine, naming, unrelated].map(notificationCreate));
      await store().accounts.delete(gone, 50);
      expect(await store().notifications.get(mine.id)).toBeNull();
      expect(await store().notifications.get(naming.id)).toBeNull();
      expect(await store().notifications.get(unrelated.id)).not.toBeNull();
      const late = notificationRecord({ userId: gone });
      const lateNaming = notificationRecord({ userId: friend, data: { userId: gone } });
      await store().applyWrites([notificationCreate(late), notificationCreate(lateNaming)]);
      expect(await store().notifications.get(late.id)).toBeNull();
      expect(await store().notifications.get(lateNaming.id)).toBeNull();
    });
  });
}
