import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../sqlite/sqlite-store.js';
import { notificationRecord } from '../store/notification-store.contract.js';
import type { NotificationRepository } from '../store/notification-repository.js';
import { FreshNotifications } from './fresh-notification-reads.js';
import { MemoryPendingWrites } from './memory-pending-writes.js';
import { notificationCreate, notificationDelete, notificationRead, notificationReadUpTo, type WriteOperation } from './write-operation.js';

const dir = mkdtempSync(join(tmpdir(), 'hugmood-fresh-notifications-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** A small deterministic generator (mulberry32), so a failing case can be replayed by its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random history of one user's notification operations, in time order, with another user's mixed in. */
function history(seed: number): WriteOperation[] {
  const next = random(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const ops: WriteOperation[] = [];
  const made: { id: string; createdAt: number }[] = [];
  let t = 1000;
  for (let i = 0; i < 30; i += 1) {
    t += Math.floor(next() * 3) * 100;
    const roll = next();
    if (roll < 0.45 || made.length === 0) {
      const n = notificationRecord({ userId: next() < 0.9 ? 'ann' : 'bo', createdAt: t, id: `n${seed}x${String(i).padStart(3, '0')}` });
      if (n.userId === 'ann') made.push(n);
      ops.push(notificationCreate(n));
    } else if (roll < 0.7) {
      ops.push(notificationRead('ann', [pick(made).id, pick(made).id], t));
    } else if (roll < 0.85) {
      ops.push(notificationReadUpTo('ann', pick(made), t));
    } else {
      ops.push(notificationDelete('ann', [pick(made).id], t));
    }
  }
  return ops;
}

/** `store` with its unread count replaced (to land writes around it), everything else passed through. */
function withUnreadCount(store: NotificationRepository, unreadCount: NotificationRepository['unreadCount']): NotificationRepository {
  return {
    get: (id) => store.get(id),
    getMany: (ids) => store.getMany(ids),
    page: (...args) => store.page(...args),
    removeOlderThan: (...args) => store.removeOlderThan(...args),
    countSettled: (...args) => store.countSettled(...args),
    unreadCount,
  };
}

describe('fresh notification reads', () => {
  it('show what the store will hold once every pending operation is written, wherever the store has got to', async () => {
    for (let seed = 1; seed <= 60; seed += 1) {
      const ops = history(seed);
      const next = random(seed * 7919);
      // The store has a prefix of the log; the pending operations are a suffix that may overlap it
      // (an operation stays pending a while after it is written).
      const written = Math.floor(next() * ops.length);
      const pendingFrom = Math.max(0, written - Math.floor(next() * 4));
      const now = openSqliteStore({ file: join(dir, `s-${files++}.db`) });
      const later = openSqliteStore({ file: join(dir, `s-${files++}.db`) });
      const pending = new MemoryPendingWrites(60_000);
      try {
        await now.applyWrites(ops.slice(0, written));
        await pending.record(ops.slice(pendingFrom));
        await later.applyWrites(ops);
        const fresh = new FreshNotifications(now.notifications, pending);
        const where = `seed ${seed}, written ${written}, pending from ${pendingFrom}`;
        expect(await fresh.unreadCount('ann'), where).toBe(await later.notifications.unreadCount('ann'));
        for (const unreadOnly of [false, true]) {
          expect(await fresh.page('ann', null, 100, unreadOnly), where).toEqual(await later.notifications.page('ann', null, 100, unreadOnly));
          const firstPage = await later.notifications.page('ann', null, 3, unreadOnly);
          expect(await fresh.page('ann', null, 3, unreadOnly), where).toEqual(firstPage);
          const last = firstPage.at(-1);
          if (last) expect(await fresh.page('ann', last, 3, unreadOnly), where).toEqual(await later.notifications.page('ann', last, 3, unreadOnly));
        }
        for (const op of ops) {
          if (op.type !== 'notification.create') continue;
          const expected = await later.notifications.get(op.notification.id);
          const visible = expected && expected.userId === 'ann' && expected.deletedAt === null ? expected : null;
          expect(await fresh.get(op.notification.id, 'ann'), where).toEqual(visible);
        }
      } finally {
        await now.close();
        await later.close();
        await pending.close();
      }
    }
  });

  it('counts right when the store lands the rest of the log between its reads (the writer does not wait)', async () => {
    for (let seed = 1; seed <= 60; seed += 1) {
      const ops = history(seed);
      const written = Math.floor(random(seed * 31)() * ops.length);
      const now = openSqliteStore({ file: join(dir, `s-${files++}.db`) });
      const later = openSqliteStore({ file: join(dir, `s-${files++}.db`) });
      const pending = new MemoryPendingWrites(60_000);
      try {
        await now.applyWrites(ops.slice(0, written));
        await pending.record(ops.slice(written));
        await later.applyWrites(ops);
        // Between reading the named notifications and counting the rest, the writer lands everything.
        const landing = withUnreadCount(now.notifications, async (userId, options) => {
          await now.applyWrites(ops.slice(written));
          return now.notifications.unreadCount(userId, options);
        });
        expect(await new FreshNotifications(landing, pending).unreadCount('ann'), `seed ${seed}, written ${written}`).toBe(await later.notifications.unreadCount('ann'));
      } finally {
        await now.close();
        await later.close();
        await pending.close();
      }
    }
  });

  it('counts right when only creations are pending: some written, some read or deleted since, the store landing between its counts', async () => {
    for (let seed = 1; seed <= 60; seed += 1) {
      const next = random(seed * 104_729);
      // Whatever came before, then notifications arriving; some of them read or deleted, those
      // writes already forgotten while their creations are still pending.
      const before = history(seed);
      const arriving = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, i) => notificationRecord({ userId: 'ann', createdAt: 10_000 + i * 100, id: `n${seed}y${i}` }));
      const settled = arriving.filter(() => next() < 0.3);
      const settle = settled.map((n, i) => (next() < 0.5 ? notificationRead('ann', [n.id], 20_000 + i) : notificationDelete('ann', [n.id], 20_000 + i)));
      const written = before.length + Math.floor(next() * (arriving.length + 1));
      const log = [...before, ...arriving.map(notificationCreate)];
      const lands = next() < 0.5;
      const now = openSqliteStore({ file: join(dir, `s-${files++}.db`) });
      const later = openSqliteStore({ file: join(dir, `s-${files++}.db`) });
      const pending = new MemoryPendingWrites(60_000);
      try {
        // A settling write is in the store only once its notification's creation is.
        await now.applyWrites([...log.slice(0, written), ...settle.filter((op) => 'ids' in op && op.ids.every((id) => log.slice(0, written).some((c) => c.type === 'notification.create' && c.notification.id === id)))]);
        await pending.record(arriving.map(notificationCreate));
        await later.applyWrites([...log, ...settle.filter((op) => 'ids' in op && op.ids.every((id) => log.slice(0, written).some((c) => c.type === 'notification.create' && c.notification.id === id)))]);
        const store: NotificationRepository = lands
          ? withUnreadCount(now.notifications, async (userId, options) => {
              const n = await now.notifications.unreadCount(userId, options);
              // The writer lands the rest of the creations right after the first count.
              await now.applyWrites(log.slice(written));
              return n;
            })
          : now.notifications;
        expect(await new FreshNotifications(store, pending).unreadCount('ann'), `seed ${seed}, written ${written}, lands ${lands}`).toBe(await later.notifications.unreadCount('ann'));
      } finally {
        await now.close();
        await later.close();
        await pending.close();
      }
    }
  });
});
