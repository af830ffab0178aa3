import { describe, expect, it } from 'vitest';
import { DELETED_USER_ID } from '../../protocol/ids.js';
import { hugRecord } from '../store/store-fixtures.js';
import { LandingPendingWrites } from './landing-pending-writes.js';
import { MemoryPendingWrites } from './memory-pending-writes.js';
import { hugCreate, hugRead, hugRequestCreate, inboxAppend } from './write-operation.js';

describe('pending writes as they will land', () => {
  it('applies the deletions the store knows of: a deleted sender anonymised, nothing for a deleted recipient', async () => {
    const deleted = new Set<string>();
    const inner = new MemoryPendingWrites(60_000);
    const pending = new LandingPendingWrites(inner, { isDeleted: (u) => Promise.resolve(deleted.has(u)) });
    const toBen = hugRecord({ id: 'h1', from: 'ana', to: 'ben', message: 'from ana' });
    const toAna = hugRecord({ id: 'h2', from: 'ben', to: 'ana' });
    const receipt = inboxAppend({ userId: 'ben', cursor: 2, id: 'read:h9', type: 'read-receipt', ref: 'h9', createdAt: 5, data: { by: 'ana', readAt: 5 } });
    await pending.record([
      hugCreate(toBen),
      hugRead('h1', 9, 'ben'),
      inboxAppend({ userId: 'ben', cursor: 1, id: 'hug:h1', type: 'hug', ref: 'h1', createdAt: 1, data: {} }),
      receipt,
      hugCreate(toAna),
      inboxAppend({ userId: 'ana', cursor: 1, id: 'hug:h2', type: 'hug', ref: 'h2', createdAt: 1, data: {} }),
      hugRequestCreate({ id: 'r1', from: 'ana', to: 'ben', message: null, createdAt: 1, expiresAt: 99, status: 'pending', answeredAt: null, hugId: null, fingerprint: 'fp' }),
    ]);
    // Nobody deleted: everything as recorded.
    expect((await pending.hugOperations([{ id: 'h1', recipient: 'ben' }])).get('h1')?.map((op) => op.type)).toEqual(['hug.create', 'hug.read']);
    expect((await pending.inboxAfter('ben', 0)).map((e) => e.data)).toEqual([{}, { by: 'ana', readAt: 5 }]);

    deleted.add('ana');
    const hugs = await pending.hugOperations([
      { id: 'h1', recipient: 'ben' },
      { id: 'h2', recipient: 'ana' },
    ]);
    const created = hugs.get('h1')?.find((op) => op.type === 'hug.create');
    expect(created?.type === 'hug.create' && created.hug).toMatchObject({ from: DELETED_USER_ID, message: null, to: 'ben' });
    expect(hugs.get('h1')?.map((op) => op.type)).toEqual(['hug.create', 'hug.read']);
    expect(hugs.has('h2')).toBe(false);
    expect((await pending.requestOperations([{ id: 'r1', recipient: 'ben' }])).size).toBe(0);
    expect((await pending.inboxAfter('ben', 0)).map((e) => e.data)).toEqual([{}, { by: DELETED_USER_ID, readAt: 5 }]);
    expect(await pending.inboxAfter('ana', 0)).toEqual([]);
    await pending.close();
  });
});
