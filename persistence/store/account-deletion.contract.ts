import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DELETED_USER_ID } from '../../protocol/ids.js';
import { DEFAULT_PRIVACY } from '../../protocol/schemas/privacy.js';
import { groupHugSummary, hugCreate, hugRequestCreate, inboxAppend } from '../write-behind/write-operation.js';
import { hugRecord } from './store-fixtures.js';
import type { Store } from './store.js';

const uid = (name: string) => `${name}-${randomUUID()}`;

const hug = (from: string, to: string, message: string | null = 'hello') => hugRecord({ from, to, message });

async function account(store: Store, id: string): Promise<void> {
  await store.users.create({ id, username: `u${randomUUID().replaceAll('-', '').slice(0, 12)}`, passwordHash: 'scrypt$x', displayName: id, privacy: DEFAULT_PRIVACY, createdAt: 1 });
}

/**
 * Account deletion: what goes, what stays anonymised, and what happens to writes that reach the
 * store after the deletion. Runs inside `runStoreContract`, once per implementation.
 */
export function describeAccountDeletion(store: () => Store): void {
  describe('account deletion', () => {
    it('removes the profile, friendships, blocks, tokens, inbox and what was sent to the user; keeps their sent hugs anonymised', async () => {
      const s = store();
      const gone = uid('gone');
      const friend = uid('friend');
      const blocker = uid('blocker');
      await account(s, gone);
      await account(s, friend);
      await account(s, blocker);
      await s.friendships.createRequest(gone, friend, 1);
      await s.friendships.acceptRequest(gone, friend, 2);
      await s.friendships.block(blocker, gone, 3);
      const tokenHash = `t-${randomUUID()}`;
      await s.refreshTokens.insert({ id: randomUUID(), familyId: 'f', userId: gone, tokenHash, createdAt: 1, expiresAt: 10_000, rotatedAt: null, revokedAt: null, successor: null });
      const sent = hug(gone, friend, 'from the deleted one');
      const received = hug(friend, gone);
      const request = { id: `r-${randomUUID()}`, from: gone, to: friend, message: null, createdAt: 1, expiresAt: 10_000, status: 'pending' as const, answeredAt: null, hugId: null, fingerprint: 'fp' };
      await s.applyWrites([
        hugCreate(sent),
        hugCreate(received),
        hugRequestCreate(request),
        inboxAppend({ userId: friend, cursor: 1, id: `hug:${sent.id}`, type: 'hug', ref: sent.id, createdAt: 1, data: {} }),
        inboxAppend({ userId: friend, cursor: 2, id: `read-receipt:${received.id}`, type: 'read-receipt', ref: received.id, createdAt: 2, data: { by: gone, readAt: 2 } }),
        inboxAppend({ userId: gone, cursor: 1, id: `hug:${received.id}`, type: 'hug', ref: received.id, createdAt: 1, data: {} }),
        groupHugSummary({ groupId: `g-${randomUUID()}`, title: 't', creatorId: gone, participants: [gone, friend], peakWarmth: 0.5, startsAt: 1, durationMs: 10, endedAt: 20 }),
      ]);

      await s.accounts.delete(gone, 50);
      await s.accounts.delete(gone, 60);

      expect(await s.accounts.isDeleted(gone)).toBe(true);
      expect(await s.accounts.isDeleted(friend)).toBe(false);
      expect(await s.users.findById(gone)).toBeNull();
      expect(await s.refreshTokens.findByHash(tokenHash)).toBeNull();
      expect(await s.friendships.friendIds(friend)).toEqual([]);
      expect((await s.friendships.relation(blocker, gone)).actorBlockedOther).toBe(false);
      expect(await s.friendships.listBlocked(blocker)).toEqual([]);
      expect(await s.inbox.after(gone, 0, 10)).toEqual([]);
      expect(await s.hugs.get(received.id)).toBeNull();
      expect(await s.hugRequests.getMany([request.id])).toEqual([]);
      expect(await s.hugs.get(sent.id)).toMatchObject({ from: DELETED_USER_ID, to: friend, message: null });
      const friendInbox = await s.inbox.after(friend, 0, 10);
      expect(friendInbox.map((e) => e.type)).toEqual(['hug', 'read-receipt']);
      expect(friendInbox[1]?.data['by']).toBe(DELETED_USER_ID);
      const groups = await s.groupHugs.history(friend, null, 10);
      expect(groups[0]).toMatchObject({ creatorId: DELETED_USER_ID, participants: [DELETED_USER_ID, friend] });
      expect(await s.groupHugs.history(gone, null, 10)).toEqual([]);
    });

    it('lands writes applied after a deletion as if they had come before it', async () => {
      const s = store();
      const gone = uid('gone');
      const other = uid('other');
      await account(s, gone);
      await account(s, other);
      await s.accounts.delete(gone, 50);
      const late = hug(gone, other, 'queued before the deletion');
      const toGone = hug(other, gone);
      const outcome = await s.applyWrites([
        hugCreate(late),
        hugCreate(toGone),
        inboxAppend({ userId: gone, cursor: 1, id: `hug:${toGone.id}`, type: 'hug', ref: toGone.id, createdAt: 1, data: {} }),
        inboxAppend({ userId: other, cursor: 1, id: `hug:${late.id}`, type: 'hug', ref: late.id, createdAt: 1, data: {} }),
        hugRequestCreate({ id: `r-${randomUUID()}`, from: other, to: gone, message: null, createdAt: 1, expiresAt: 10_000, status: 'pending', answeredAt: null, hugId: null, fingerprint: 'fp' }),
      ]);
      expect(outcome.failed.size).toBe(0);
      expect(await s.hugs.get(late.id)).toMatchObject({ from: DELETED_USER_ID, message: null });
      expect(await s.hugs.get(toGone.id)).toBeNull();
      expect(await s.inbox.after(gone, 0, 10)).toEqual([]);
      expect((await s.inbox.after(other, 0, 10)).map((e) => e.ref)).toEqual([late.id]);
    });
  });
}
