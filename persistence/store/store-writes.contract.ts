import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { groupHugSummary, hugCreate, hugDelivered, hugRead, hugRequestAnswer, hugRequestCreate, inboxAppend } from '../write-behind/write-operation.js';
import type { InboxRecord } from './inbox-repository.js';
import { hugRecord as hug } from './store-fixtures.js';
import type { Store } from './store.js';


function entry(userId: string, cursor: number, ref: string): InboxRecord {
  return { userId, cursor, id: `hug:${ref}`, type: 'hug', ref, createdAt: 1000 + cursor, data: {} };
}

/**
 * The write side of the store contract: batches of write-behind operations, idempotent on replay,
 * with a failing operation isolated; and the hug, request and inbox reads over what they wrote.
 * Runs inside `runStoreContract`, once per implementation.
 */
export function describeStoreWrites(store: () => Store): void {
  describe('write-behind batches', () => {
    it('writes a batch, and a replay of it changes nothing', async () => {
      const h = hug();
      const batch = [hugCreate(h), inboxAppend(entry(h.to, 1, h.id)), hugDelivered(h.id, 1500), hugRead(h.id, 2000)];
      expect((await store().applyWrites(batch)).failed.size).toBe(0);
      expect((await store().applyWrites(batch)).failed.size).toBe(0);
      expect(await store().hugs.get(h.id)).toEqual({ ...h, deliveredAt: 1500, readAt: 2000 });
      expect(await store().inbox.after(h.to, 0, 10)).toHaveLength(1);
      expect(await store().inbox.lastCursor(h.to)).toBe(1);
      expect(await store().inbox.lastCursor('nobody')).toBe(0);
    });

    it('keeps the feed item a hug answers, and reads none on a hug without one', async () => {
      const answering = hug({ context: { activityId: 'a_0123456789abcdef01234567', type: 'streak-milestone' } });
      const plain = hug();
      await store().applyWrites([hugCreate(answering), hugCreate(plain)]);
      expect((await store().hugs.get(answering.id))?.context).toEqual({ activityId: 'a_0123456789abcdef01234567', type: 'streak-milestone' });
      expect((await store().hugs.getMany([plain.id]))[0]?.context).toBeNull();
    });

    it('keeps the first delivery and read times', async () => {
      const h = hug();
      await store().applyWrites([hugCreate(h), hugRead(h.id, 2000), hugRead(h.id, 3000), hugDelivered(h.id, 2500)]);
      expect(await store().hugs.get(h.id)).toMatchObject({ deliveredAt: 2000, readAt: 2000 });
    });

    it('fails a poison operation alone: its batch-mates are written, later ops of its key held back', async () => {
      const user = `u-${randomUUID()}`;
      const first = hug({ to: user });
      await store().applyWrites([hugCreate(first), inboxAppend(entry(user, 1, first.id))]);
      const second = hug({ to: user });
      const third = hug({ to: user });
      const clash = inboxAppend({ ...entry(user, 1, second.id) });
      const after = inboxAppend(entry(user, 2, third.id));
      const other = hug();
      const outcome = await store().applyWrites([hugCreate(second), clash, after, hugCreate(other)]);
      expect([...outcome.failed.keys()].sort()).toEqual([clash.id, after.id].sort());
      expect(await store().hugs.get(second.id)).not.toBeNull();
      expect(await store().hugs.get(other.id)).not.toBeNull();
      expect((await store().inbox.after(user, 0, 10)).map((e) => e.ref)).toEqual([first.id]);
    });

    it('pages hug history newest first, by direction', async () => {
      const me = `me-${randomUUID()}`;
      const sent = [1, 2, 3, 3].map((t, i) => hug({ from: me, sentAt: t * 1000, id: `h-sent-${i}-${randomUUID().slice(0, 8)}` }));
      const received = hug({ to: me, sentAt: 5000 });
      await store().applyWrites([...sent, received].map(hugCreate));
      const page1 = await store().hugs.history(me, 'sent', null, 3);
      expect(page1.map((h) => h.sentAt)).toEqual([3000, 3000, 2000]);
      const last = page1.at(-1);
      const page2 = await store().hugs.history(me, 'sent', last ? { sentAt: last.sentAt, id: last.id } : null, 3);
      expect(page2.map((h) => h.sentAt)).toEqual([1000]);
      expect((await store().hugs.history(me, 'received', null, 10)).map((h) => h.id)).toEqual([received.id]);
      expect((await store().hugs.getMany([received.id, 'missing'])).map((h) => h.id)).toEqual([received.id]);
    });

    it("lists a user's unread hugs newest first, and drops each once it is read", async () => {
      const me = `me-${randomUUID()}`;
      const [old, mid, newest, read, sent] = [hug({ to: me, sentAt: 1000 }), hug({ to: me, sentAt: 2000 }), hug({ to: me, sentAt: 3000 }), hug({ to: me, sentAt: 4000 }), hug({ from: me, sentAt: 5000 })];
      await store().applyWrites([...[old, mid, newest, read, sent].map(hugCreate), hugRead(read.id, 4500), hugDelivered(mid.id, 2500)]);
      expect((await store().hugs.unread(me, 10)).map((h) => h.id)).toEqual([newest.id, mid.id, old.id]);
      expect((await store().hugs.unread(me, 2)).map((h) => h.id)).toEqual([newest.id, mid.id]);
      await store().applyWrites([hugRead(newest.id, 6000)]);
      expect((await store().hugs.unread(me, 10)).map((h) => h.id)).toEqual([mid.id, old.id]);
      expect(await store().hugs.unread(`u-${randomUUID()}`, 10)).toEqual([]);
    });

    it('lists the hug requests waiting for a user\'s answer, newest first, without answered or expired ones', async () => {
      const [me, other] = [`u-${randomUUID()}`, `u-${randomUUID()}`];
      const request = (from: string, to: string, createdAt: number, expiresAt = createdAt + 1000) => ({
        id: `r${randomUUID().replaceAll('-', '')}`,
        from,
        to,
        message: null,
        createdAt,
        expiresAt,
        status: 'pending' as const,
        answeredAt: null,
        hugId: null,
        fingerprint: 'f',
      });
      const [waiting, newer, answered, expired, mine] = [request(other, me, 100), request(other, me, 200), request(other, me, 150), request(other, me, 50, 120), request(me, other, 300)];
      await store().applyWrites([...[waiting, newer, answered, expired, mine].map(hugRequestCreate), hugRequestAnswer(answered.id, 'declined', 160, null)]);
      expect((await store().hugRequests.pendingFor(me, 130, 10)).map((r) => r.id)).toEqual([newer.id, waiting.id]);
      expect((await store().hugRequests.pendingFor(me, 110, 1)).map((r) => r.id)).toEqual([newer.id]);
      expect((await store().hugRequests.pendingFor(me, 1200, 10)).map((r) => r.id)).toEqual([]);
    });

    it('pages an inbox in cursor order', async () => {
      const user = `u-${randomUUID()}`;
      await store().applyWrites([3, 1, 2, 4].map((c) => inboxAppend(entry(user, c, `ref${c}`))));
      expect((await store().inbox.after(user, 0, 2)).map((e) => e.cursor)).toEqual([1, 2]);
      expect((await store().inbox.after(user, 2, 10)).map((e) => e.cursor)).toEqual([3, 4]);
    });

    it('answers a hug request once', async () => {
      const id = `r${randomUUID().replaceAll('-', '')}`;
      const request = { id, from: 'a', to: 'b', message: null, createdAt: 1, expiresAt: 100, status: 'pending' as const, answeredAt: null, hugId: null, fingerprint: 'f' };
      await store().applyWrites([hugRequestCreate(request), hugRequestAnswer(id, 'declined', 5, null), hugRequestAnswer(id, 'accepted', 6, 'h1')]);
      expect(await store().hugRequests.get(id)).toMatchObject({ status: 'declined', answeredAt: 5, hugId: null });
      expect((await store().hugRequests.getMany([id])).length).toBe(1);
    });

    it('lists the hug requests a user sent and received, oldest first', async () => {
      const [me, other] = [`u-${randomUUID()}`, `u-${randomUUID()}`];
      const request = (from: string, to: string, createdAt: number) => ({
        id: `r${randomUUID().replaceAll('-', '')}`,
        from,
        to,
        message: null,
        createdAt,
        expiresAt: createdAt + 100,
        status: 'pending' as const,
        answeredAt: null,
        hugId: null,
        fingerprint: 'f',
      });
      const [sent, received, elsewhere] = [request(me, other, 20), request(other, me, 10), request(other, `u-${randomUUID()}`, 15)];
      await store().applyWrites([sent, received, elsewhere].map(hugRequestCreate));
      expect((await store().hugRequests.involving(me)).map((r) => r.id)).toEqual([received.id, sent.id]);
      expect(await store().hugRequests.involving(`u-${randomUUID()}`)).toEqual([]);
    });

    it('stores a group hug summary once and pages each participant history newest first', async () => {
      const u = `u-${randomUUID()}`;
      const summary = (n: number, endedAt: number) => ({
        groupId: `g_${randomUUID()}`,
        title: `group ${n}`,
        creatorId: u,
        participants: [u, `other-${n}`],
        peakWarmth: 0.5,
        startsAt: endedAt - 1000,
        durationMs: 1000,
        endedAt,
      });
      const all = [summary(1, 5000), summary(2, 7000), summary(3, 7000), summary(4, 9000)];
      expect((await store().applyWrites(all.map(groupHugSummary))).failed.size).toBe(0);
      const changed = { ...all[0], title: 'rewritten', participants: [u] } as (typeof all)[number];
      expect((await store().applyWrites([groupHugSummary(changed)])).failed.size).toBe(0);
      const first = await store().groupHugs.history(u, null, 2);
      expect(first.map((g) => g.endedAt)).toEqual([9000, 7000]);
      const last = first.at(-1);
      if (!last) throw new Error('empty page');
      const second = await store().groupHugs.history(u, { endedAt: last.endedAt, groupId: last.groupId }, 10);
      expect(second.map((g) => g.endedAt)).toEqual([7000, 5000]);
      expect(new Set([...first, ...second].map((g) => g.groupId)).size).toBe(4);
      expect(second.at(-1)).toEqual(all[0]);
      expect(await store().groupHugs.history('other-2', null, 10)).toEqual([all[1]]);
      expect(await store().groupHugs.history(`nobody-${randomUUID()}`, null, 10)).toEqual([]);
    });
  });
}
