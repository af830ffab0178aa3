import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { HugRecord } from '../store/hug-repository.js';
import type { PendingWrites } from './pending-writes.js';
import { moodRecord } from '../store/mood-store.contract.js';
import { notificationRecord } from '../store/notification-store.contract.js';
import {
  hugCreate,
  hugRead,
  hugRequestAnswer,
  hugRequestCreate,
  inboxAppend,
  moodCreate,
  moodDelete,
  moodStreakSave,
  moodUpdate,
  notificationCreate,
  notificationDelete,
  notificationRead,
  userLastSeen,
} from './write-operation.js';

/**
 * Builds fresh pending writes for one test, whose entries expire after `ttlMs`; `sweepAll`, where
 * a sweep (not the pending writes by themselves) removes them, runs it as the log's writers do.
 */
export type PendingWritesFactory = (ttlMs: number) => Promise<PendingWrites & { readonly sweepAll?: (now: number) => Promise<unknown> }>;

const hug = (id: string, from: string, to: string, sentAt: number): HugRecord => ({
  id,
  from,
  to,
  kind: 'warm',
  message: null,
  sentAt,
  requestId: null,
  context: null,
  clientId: `c-${id}`,
  fingerprint: 'fp',
  deliveredAt: null,
  readAt: null,
});

/** The behaviour every {@link PendingWrites} must show. */
export function runPendingWritesContract(name: string, factory: PendingWritesFactory): void {
  describe(`pending writes contract: ${name}`, () => {
    let pending: PendingWrites | undefined;
    afterEach(async () => {
      await pending?.close();
      pending = undefined;
    });
    const ids = () => ({ a: `a-${randomUUID()}`, b: `b-${randomUUID()}`, h: `h-${randomUUID()}`, r: `r-${randomUUID()}` });

    it('shows recorded hug operations by hug, and new hugs by sender and recipient, until forgotten', async () => {
      const p = await factory(60_000);
      pending = p;
      const { a, b, h } = ids();
      const create = hugCreate(hug(h, a, b, 10));
      const entry = inboxAppend({ userId: b, cursor: 1, id: `hug:${h}`, type: 'hug', ref: h, createdAt: 10, data: {} });
      const read = hugRead(h, 20, b);
      await p.record([create, entry, read, userLastSeen(a, 5)]);
      const ops = await p.hugOperations([
        { id: h, recipient: b },
        { id: 'unknown', recipient: b },
      ]);
      expect(ops.get(h)?.map((op) => op.id).sort()).toEqual([create.id, read.id].sort());
      expect(ops.has('unknown')).toBe(false);
      expect(await p.newHugs(a, 'sent')).toEqual([{ id: h, recipient: b }]);
      expect(await p.newHugs(b, 'received')).toEqual([{ id: h, recipient: b }]);
      expect(await p.newHugs(a, 'received')).toEqual([]);
      await p.forget([create, entry]);
      expect((await p.hugOperations([{ id: h, recipient: b }])).get(h)?.map((op) => op.id)).toEqual([read.id]);
      expect(await p.newHugs(a, 'sent')).toEqual([]);
      expect(await p.newHugs(b, 'received')).toEqual([]);
    });

    it("shows a user's pending mood operations in the order they happened, until forgotten", async () => {
      const p = await factory(60_000);
      pending = p;
      const { a, b } = ids();
      const first = moodRecord({ userId: a, recordedAt: 1000 });
      const second = moodRecord({ userId: a, recordedAt: 2000 });
      const streak = moodStreakSave(a, { current: 1, longest: 1, firstDate: '2026-11-30', lastDate: '2026-11-30', lastZone: 'UTC' }, 2000);
      const change = moodUpdate(first.id, a, { mood: 'joyful' }, 2500);
      const removal = moodDelete(second.id, a, 3000);
      // Recorded out of order, and another user's in between.
      await p.record([moodCreate(second), removal, moodCreate(moodRecord({ userId: b })), streak, change, moodCreate(first), userLastSeen(a, 5)]);
      expect((await p.ownedOperations(a, 'moods')).map((op) => op.id)).toEqual([moodCreate(first).id, moodCreate(second).id, streak.id, change.id, removal.id]);
      expect(await p.ownedOperations(b, 'moods')).toHaveLength(1);
      await p.forget([moodCreate(first), change]);
      expect((await p.ownedOperations(a, 'moods')).map((op) => op.id)).toEqual([moodCreate(second).id, streak.id, removal.id]);
      expect(await p.ownedOperations(`nobody-${randomUUID()}`, 'moods')).toEqual([]);
    });

    it("keeps a user's pending notification operations apart from their moods, in the order they happened", async () => {
      const p = await factory(60_000);
      pending = p;
      const { a, b } = ids();
      const created = notificationCreate(notificationRecord({ userId: a, createdAt: 1000 }));
      const read = notificationRead(a, [created.notification.id], 1500);
      const removed = notificationDelete(a, [created.notification.id], 2000);
      await p.record([removed, moodCreate(moodRecord({ userId: a })), read, notificationCreate(notificationRecord({ userId: b })), created]);
      expect((await p.ownedOperations(a, 'notifications')).map((op) => op.id)).toEqual([created.id, read.id, removed.id]);
      expect(await p.ownedOperations(a, 'moods')).toHaveLength(1);
      expect(await p.ownedOperations(b, 'notifications')).toHaveLength(1);
      await p.forget([created, read]);
      expect((await p.ownedOperations(a, 'notifications')).map((op) => op.id)).toEqual([removed.id]);
    });

    it('records and reads hugs to many recipients in one call (their state may live apart)', async () => {
      const p = await factory(60_000);
      pending = p;
      const a = `a-${randomUUID()}`;
      const sent = Array.from({ length: 12 }, (_, i) => ({ id: `h-${randomUUID()}`, recipient: `b${i}-${randomUUID()}` }));
      await p.record(sent.map((s, i) => hugCreate(hug(s.id, a, s.recipient, 100 + i))));
      const byId = (refs: readonly { id: string }[]) => [...refs].sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(byId(await p.newHugs(a, 'sent'))).toEqual(byId(sent));
      const ops = await p.hugOperations(sent);
      expect(sent.map((s) => ops.get(s.id)?.[0]?.type)).toEqual(sent.map(() => 'hug.create'));
      await p.forget(sent.slice(0, 6).map((s, i) => hugCreate(hug(s.id, a, s.recipient, 100 + i))));
      expect(byId(await p.newHugs(a, 'sent'))).toEqual(byId(sent.slice(6)));
    });

    it('shows hug request operations, and inbox entries after a cursor in cursor order', async () => {
      const p = await factory(60_000);
      pending = p;
      const { a, b, r } = ids();
      const request = hugRequestCreate({ id: r, from: a, to: b, message: null, createdAt: 1, expiresAt: 99, status: 'pending', answeredAt: null, hugId: null, fingerprint: 'fp' });
      const entries = [3, 1, 2].map((cursor) => inboxAppend({ userId: b, cursor, id: `e${cursor}`, type: 'hug-request', ref: r, createdAt: cursor, data: {} }));
      await p.record([request, hugRequestAnswer(r, 'accepted', 5, null, b), ...entries]);
      expect((await p.requestOperations([{ id: r, recipient: b }])).get(r)).toHaveLength(2);
      // Without the recipient, every partition is looked at.
      expect((await p.requestOperations([{ id: r, recipient: null }])).get(r)).toHaveLength(2);
      expect((await p.inboxAfter(b, 1)).map((e) => e.cursor)).toEqual([2, 3]);
      await p.forget(entries.slice(0, 1));
      expect((await p.inboxAfter(b, 0)).map((e) => e.cursor)).toEqual([1, 2]);
    });

    it('tells each sender only their own new hugs, also when one id starts with the other', async () => {
      const p = await factory(60_000);
      pending = p;
      const { a, b } = ids();
      const longer = `${a}2`;
      const [h1, h2] = [`h-${randomUUID()}`, `h-${randomUUID()}`];
      await p.record([hugCreate(hug(h1, a, b, Date.now())), hugCreate(hug(h2, longer, b, Date.now()))]);
      expect(await p.newHugs(a, 'sent')).toEqual([{ id: h1, recipient: b }]);
      expect(await p.newHugs(longer, 'sent')).toEqual([{ id: h2, recipient: b }]);
    });

    it('lets entries expire after the TTL', async () => {
      const p = await factory(200);
      pending = p;
      const { a, b, h } = ids();
      const at = Date.now();
      await p.record([hugCreate(hug(h, a, b, at)), inboxAppend({ userId: b, cursor: 1, id: 'e', type: 'hug', ref: h, createdAt: at, data: {} })]);
      // Not before the TTL: a sweep now leaves them.
      await p.sweepAll?.(Date.now());
      expect((await p.hugOperations([{ id: h, recipient: b }])).size).toBe(1);
      expect(await p.newHugs(a, 'sent')).toEqual([{ id: h, recipient: b }]);
      while (Date.now() - at <= 400) await new Promise((resolve) => setTimeout(resolve, 50));
      await p.sweepAll?.(Date.now());
      expect((await p.hugOperations([{ id: h, recipient: b }])).size).toBe(0);
      expect(await p.newHugs(a, 'sent')).toEqual([]);
      expect(await p.inboxAfter(b, 0)).toEqual([]);
    });
  });
}
