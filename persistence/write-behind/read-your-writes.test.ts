import { describe, expect, it } from 'vitest';
import type { HugRecord, HugRepository } from '../store/hug-repository.js';
import type { HugRequestRepository } from '../store/hug-request-repository.js';
import type { InboxRecord, InboxRepository } from '../store/inbox-repository.js';
import { MemoryPendingWrites } from './memory-pending-writes.js';
import type { SubjectRef } from './pending-writes.js';
import { freshReads } from './read-your-writes.js';
import { hugCreate, hugRead, inboxAppend } from './write-operation.js';

const hug: HugRecord = { id: 'h1', from: 'a', to: 'b', kind: 'warm', message: null, sentAt: 10, requestId: null, context: null, clientId: 'c1', fingerprint: 'f', deliveredAt: null, readAt: null };
const entry: InboxRecord = { userId: 'b', cursor: 1, id: 'hug:h1', type: 'hug', ref: 'h1', createdAt: 10, data: {} };

/** A store with just what these reads need; `rows` is what it has committed. */
function fakeStore(rows: { inbox: InboxRecord[]; hugs: HugRecord[] }) {
  const inbox: InboxRepository = {
    after: (userId, after, limit) => Promise.resolve(rows.inbox.filter((e) => e.userId === userId && e.cursor > after).slice(0, limit)),
    lastCursor: () => Promise.resolve(Math.max(0, ...rows.inbox.map((e) => e.cursor))),
  };
  const hugs: HugRepository = {
    get: (id) => Promise.resolve(rows.hugs.find((h) => h.id === id) ?? null),
    getMany: (ids) => Promise.resolve(rows.hugs.filter((h) => ids.includes(h.id))),
    history: () => Promise.resolve(rows.hugs),
    unread: (userId, limit) => Promise.resolve(rows.hugs.filter((h) => h.to === userId && h.readAt === null).slice(0, limit)),
  };
  const hugRequests: HugRequestRepository = { get: () => Promise.resolve(null), getMany: () => Promise.resolve([]), involving: () => Promise.resolve([]), pendingFor: () => Promise.resolve([]) };
  return { inbox, hugs, hugRequests };
}

describe('read-your-writes', () => {
  it('shows an acknowledged write before the store has it, with the store semantics applied', async () => {
    const pending = new MemoryPendingWrites(60_000);
    const reads = freshReads(fakeStore({ inbox: [], hugs: [] }), pending);
    await pending.record([hugCreate(hug), inboxAppend(entry), hugRead('h1', 20, 'b')]);
    expect(await reads.inbox.after('b', 0, 10)).toEqual([entry]);
    expect(await reads.hugs.get('h1', 'b')).toEqual({ ...hug, readAt: 20, deliveredAt: 20 });
    await pending.close();
  });

  it('never misses a write the worker commits and forgets in the middle of a read', async () => {
    const rows = { inbox: [] as InboxRecord[], hugs: [] as HugRecord[] };
    const inner = new MemoryPendingWrites(60_000);
    await inner.record([hugCreate(hug), inboxAppend(entry)]);
    // The worker commits the batch and forgets it exactly while the read asks for pending writes.
    const worker = async () => {
      rows.inbox.push(entry);
      rows.hugs.push(hug);
      await inner.forget([hugCreate(hug), inboxAppend(entry)]);
    };
    const racing = Object.assign(Object.create(inner) as MemoryPendingWrites, {
      inboxAfter: async (userId: string, after: number) => {
        await worker();
        return inner.inboxAfter(userId, after);
      },
      hugOperations: async (refs: readonly SubjectRef[]) => {
        await worker();
        return inner.hugOperations(refs);
      },
    });
    const reads = freshReads(fakeStore(rows), racing);
    expect(await reads.inbox.after('b', 0, 10)).toEqual([entry]);
    rows.inbox.length = 0;
    rows.hugs.length = 0;
    await inner.record([hugCreate(hug)]);
    expect(await reads.hugs.getMany(['h1'], 'b')).toEqual([hug]);
    await inner.close();
  });
});
