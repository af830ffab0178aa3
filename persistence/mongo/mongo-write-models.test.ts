import { describe, expect, it } from 'vitest';
import type { HugRecord } from '../store/hug-repository.js';
import { hugCreate, hugDelivered, hugRead, inboxAppend, userLastSeen } from '../write-behind/write-operation.js';
import { waves, writeModelsOf } from './mongo-write-models.js';

const hug: HugRecord = { id: 'h1', from: 'a', to: 'b', kind: 'warm', message: null, sentAt: 10, requestId: null, context: null, clientId: 'c1', fingerprint: 'f', deliveredAt: null, readAt: null };

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
    expect(writeModelsOf(hugCreate(hug))).toEqual([
      {
        collection: 'hugs',
        model: { updateOne: { filter: { _id: 'h1' }, update: { $setOnInsert: fields }, upsert: true } },
      },
    ]);
    expect(writeModelsOf(hugDelivered('h1', 11))[0]?.model).toEqual({ updateOne: { filter: { _id: 'h1', deliveredAt: null }, update: { $set: { deliveredAt: 11 } } } });
    expect(writeModelsOf(userLastSeen('a', 5))[0]?.model).toMatchObject({ updateOne: { filter: { _id: 'a', $or: [{ lastSeenAt: null }, { lastSeenAt: { $lt: 5 } }] } } });
    const append = writeModelsOf(inboxAppend({ userId: 'b', cursor: 3, id: 'hug:h1', type: 'hug', ref: 'h1', createdAt: 10, data: {} }));
    expect(append[0]).toMatchObject({ collection: 'inbox', model: { updateOne: { filter: { _id: 'b|hug:h1' }, upsert: true } } });
  });

  it('uses plain update documents only, never pipelines: a read is two conditional updates', () => {
    const models = writeModelsOf(hugRead('h1', 12)).map((m) => m.model);
    expect(models).toEqual([
      { updateOne: { filter: { _id: 'h1', readAt: null }, update: { $set: { readAt: 12 } } } },
      { updateOne: { filter: { _id: 'h1', deliveredAt: null }, update: { $set: { deliveredAt: 12 } } } },
    ]);
  });
});
