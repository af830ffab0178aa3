import { describe, expect, it } from 'vitest';
import type { HugRecord } from '../store/hug-repository.js';
import { hugCreate, hugDelivered, hugRead, inboxAppend, userLastSeen } from '../write-behind/write-operation.js';
import { waves, writeModelOf } from './mongo-write-models.js';

const hug: HugRecord = { id: 'h1', from: 'a', to: 'b', kind: 'warm', message: null, sentAt: 10, requestId: null, clientId: 'c1', fingerprint: 'f', deliveredAt: null, readAt: null };

// These run without a server: they pin the batch shape and the idempotent models the contract relies on.
describe('mongodb write models', () => {
  it('splits a batch into waves with one operation per key, in order', () => {
    const ops = [hugCreate(hug), inboxAppend({ userId: 'b', cursor: 1, id: 'hug:h1', type: 'hug', ref: 'h1', createdAt: 10, data: {} }), hugDelivered('h1', 11), hugRead('h1', 12), userLastSeen('a', 5)];
    expect(waves(ops).map((w) => w.map((op) => op.type))).toEqual([
      ['hug.create', 'inbox.append', 'user.last-seen'],
      ['hug.delivered'],
      ['hug.read'],
    ]);
  });

  it('makes creations upserts that never overwrite, and updates conditional', () => {
    const { id: _id, ...fields } = hug;
    expect(writeModelOf(hugCreate(hug))).toEqual({
      collection: 'hugs',
      model: { updateOne: { filter: { _id: 'h1' }, update: { $setOnInsert: fields }, upsert: true } },
    });
    expect(writeModelOf(hugDelivered('h1', 11)).model).toEqual({ updateOne: { filter: { _id: 'h1', deliveredAt: null }, update: { $set: { deliveredAt: 11 } } } });
    expect(writeModelOf(userLastSeen('a', 5)).model).toMatchObject({ updateOne: { filter: { _id: 'a', $or: [{ lastSeenAt: null }, { lastSeenAt: { $lt: 5 } }] } } });
    const append = writeModelOf(inboxAppend({ userId: 'b', cursor: 3, id: 'hug:h1', type: 'hug', ref: 'h1', createdAt: 10, data: {} }));
    expect(append).toMatchObject({ collection: 'inbox', model: { updateOne: { filter: { _id: 'b|hug:h1' }, upsert: true } } });
  });
});
