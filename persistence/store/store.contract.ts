import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PRIVACY } from '../../protocol/schemas/privacy.js';
import type { Store } from './store.js';
import { describeAccountDeletion } from './account-deletion.contract.js';
import { describeMoodStore } from './mood-store.contract.js';
import { describeNotificationStore } from './notification-store.contract.js';
import { describeDeviceStore } from './device-store.contract.js';
import { describeActivityStore } from './activity-store.contract.js';
import { describeStoreWrites } from './store-writes.contract.js';
import type { NewUser } from './user-repository.js';

/** Opens a fresh, empty store for one test, and disposes of it. */
export interface StoreFactory {
  open(): Promise<Store>;
  dispose?(store: Store): Promise<void>;
}

function newUser(overrides: Partial<NewUser> = {}): NewUser {
  const id = randomUUID();
  return {
    id,
    username: `u${id.slice(0, 8)}`,
    passwordHash: 'scrypt$test',
    displayName: 'Test User',
    privacy: DEFAULT_PRIVACY,
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}

/**
 * The behaviour every {@link Store} implementation must show. Run it once per implementation
 * (SQLite now, MongoDB when MONGO_URL is set) so none can drift.
 */
export function runStoreContract(name: string, factory: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;

    beforeEach(async () => {
      store = await factory.open();
    });

    afterEach(async () => {
      if (factory.dispose) await factory.dispose(store);
      else await store.close();
    });

    describe('users', () => {
      it('creates a user and finds it by id, username and in a batch', async () => {
        const u = newUser();
        expect(await store.users.create(u)).toBe('created');
        const byId = await store.users.findById(u.id);
        expect(byId).toMatchObject({ id: u.id, username: u.username, displayName: 'Test User', avatarUrl: null, bio: '', lastSeenAt: null });
        expect(byId?.privacy).toEqual(DEFAULT_PRIVACY);
        expect((await store.users.findByUsername(u.username))?.id).toBe(u.id);
        const batch = await store.users.findByIds([u.id, 'missing', u.id]);
        expect([...batch.keys()]).toEqual([u.id]);
        expect(await store.users.findById('missing')).toBeNull();
      });

      it('refuses a second user with the same username', async () => {
        const a = newUser();
        await store.users.create(a);
        expect(await store.users.create(newUser({ username: a.username }))).toBe('username_taken');
      });

      it('patches only the given profile fields and clears the avatar with null', async () => {
        const u = newUser();
        await store.users.create(u);
        await store.users.updateProfile(u.id, { avatarUrl: 'https://example.com/a.png', bio: 'hi' });
        let after = await store.users.updateProfile(u.id, { displayName: 'Renamed' });
        expect(after).toMatchObject({ displayName: 'Renamed', avatarUrl: 'https://example.com/a.png', bio: 'hi' });
        after = await store.users.updateProfile(u.id, { avatarUrl: null });
        expect(after?.avatarUrl).toBeNull();
        expect(await store.users.updateProfile('missing', { bio: 'x' })).toBeNull();
      });

      it('merges privacy updates and returns the settings before and after', async () => {
        const u = newUser();
        await store.users.create(u);
        const change = await store.users.updatePrivacy(u.id, { showOnlineStatus: 'none' });
        expect(change?.before).toEqual(DEFAULT_PRIVACY);
        expect(change?.after).toEqual({ ...DEFAULT_PRIVACY, showOnlineStatus: 'none' });
        expect((await store.users.findById(u.id))?.privacy.showOnlineStatus).toBe('none');
        expect(await store.users.updatePrivacy('missing', { allowFriendRequests: false })).toBeNull();
      });

      it('reads the privacy settings alone, current after each update, and null for no such user', async () => {
        const u = newUser();
        expect(await store.users.privacyOf(u.id)).toBeNull();
        await store.users.create(u);
        expect(await store.users.privacyOf(u.id)).toEqual(DEFAULT_PRIVACY);
        await store.users.updatePrivacy(u.id, { allowHugsFrom: 'none' });
        expect(await store.users.privacyOf(u.id)).toEqual({ ...DEFAULT_PRIVACY, allowHugsFrom: 'none' });
        await store.users.updatePrivacy(u.id, { allowHugsFrom: 'friends', shareMoodsWith: 'none' });
        expect(await store.users.privacyOf(u.id)).toEqual({ ...DEFAULT_PRIVACY, allowHugsFrom: 'friends', shareMoodsWith: 'none' });
        expect(await store.users.privacyOf('missing')).toBeNull();
      });

      it('replaces a password hash only while it is still the expected one', async () => {
        const u = newUser({ passwordHash: 'scrypt$old' });
        await store.users.create(u);
        expect(await store.users.replacePasswordHash(u.id, 'scrypt$stale', 'scrypt$lost')).toBe(false);
        expect((await store.users.findById(u.id))?.passwordHash).toBe('scrypt$old');
        expect(await store.users.replacePasswordHash(u.id, 'scrypt$old', 'scrypt$new')).toBe(true);
        expect((await store.users.findById(u.id))?.passwordHash).toBe('scrypt$new');
        expect(await store.users.replacePasswordHash(u.id, 'scrypt$old', 'scrypt$again')).toBe(false);
        expect(await store.users.replacePasswordHash('missing', 'scrypt$old', 'scrypt$new')).toBe(false);
      });

      it('never moves lastSeenAt backwards', async () => {
        const u = newUser();
        await store.users.create(u);
        await store.users.recordLastSeen(u.id, 2000);
        await store.users.recordLastSeen(u.id, 1000);
        expect((await store.users.findById(u.id))?.lastSeenAt).toBe(2000);
        await store.users.recordLastSeen(u.id, 3000);
        expect((await store.users.findById(u.id))?.lastSeenAt).toBe(3000);
      });

      it('provisions an external user once', async () => {
        const id = `ext|${randomUUID()}`;
        const first = await store.users.ensureExternal(id, 'Ext', DEFAULT_PRIVACY, 5);
        await store.users.updateProfile(id, { bio: 'kept' });
        const second = await store.users.ensureExternal(id, 'Other', DEFAULT_PRIVACY, 6);
        expect(first).toMatchObject({ id, username: null, passwordHash: null, displayName: 'Ext' });
        expect(second).toMatchObject({ displayName: 'Ext', bio: 'kept', createdAt: 5 });
      });
    });

    describe('friendships', () => {
      let a: string;
      let b: string;
      beforeEach(async () => {
        const ua = newUser();
        const ub = newUser();
        await store.users.create(ua);
        await store.users.create(ub);
        a = ua.id;
        b = ub.id;
      });

      it('creates one pending request per pair and shows it from both sides', async () => {
        expect(await store.friendships.createRequest(a, b, 10)).toBe(true);
        expect(await store.friendships.createRequest(b, a, 11)).toBe(false);
        expect(await store.friendships.relation(a, b)).toEqual({
          friendship: { status: 'pending', requestedBy: a, since: 10 },
          actorBlockedOther: false,
          otherBlockedActor: false,
        });
        expect((await store.friendships.relation(b, a)).friendship).toEqual({ status: 'pending', requestedBy: a, since: 10 });
      });

      it('lets only the addressee accept, once', async () => {
        await store.friendships.createRequest(a, b, 10);
        expect(await store.friendships.acceptRequest(b, a, 20)).toBe(false);
        expect(await store.friendships.acceptRequest(a, b, 20)).toBe(true);
        expect(await store.friendships.acceptRequest(a, b, 30)).toBe(false);
        expect((await store.friendships.relation(b, a)).friendship).toEqual({ status: 'friends', since: 20 });
        expect(await store.friendships.friendIds(a)).toEqual([b]);
        expect(await store.friendships.friendIds(b)).toEqual([a]);
      });

      it('deletes a friendship or request', async () => {
        await store.friendships.createRequest(a, b, 10);
        expect(await store.friendships.deleteFriendship(b, a)).toBe(true);
        expect(await store.friendships.deleteFriendship(a, b)).toBe(false);
        expect((await store.friendships.relation(a, b)).friendship).toBeNull();
      });

      it('blocks atomically with removing the friendship, and unblocks', async () => {
        await store.friendships.createRequest(a, b, 10);
        await store.friendships.acceptRequest(a, b, 11);
        await store.friendships.block(a, b, 12);
        await store.friendships.block(a, b, 13);
        expect(await store.friendships.relation(a, b)).toEqual({ friendship: null, actorBlockedOther: true, otherBlockedActor: false });
        expect(await store.friendships.relation(b, a)).toEqual({ friendship: null, actorBlockedOther: false, otherBlockedActor: true });
        expect(await store.friendships.listBlocked(a)).toEqual([{ userId: b, since: 12 }]);
        expect(await store.friendships.unblock(a, b)).toBe(true);
        expect(await store.friendships.unblock(a, b)).toBe(false);
        expect((await store.friendships.relation(a, b)).actorBlockedOther).toBe(false);
      });

      it('lists friendships in both directions', async () => {
        const c = newUser();
        await store.users.create(c);
        await store.friendships.createRequest(a, b, 10);
        await store.friendships.acceptRequest(a, b, 11);
        await store.friendships.createRequest(c.id, a, 12);
        const rows = await store.friendships.listFriendships(a);
        expect(rows).toHaveLength(2);
        expect(rows).toEqual(
          expect.arrayContaining([
            { otherId: b, friendship: { status: 'friends', since: 11 } },
            { otherId: c.id, friendship: { status: 'pending', requestedBy: c.id, since: 12 } },
          ]),
        );
        expect(await store.friendships.friendIds(a)).toEqual([b]);
      });
    });

    describe('refresh tokens', () => {
      const record = (familyId: string, hash: string, expiresAt = 10_000) => ({
        id: randomUUID(),
        familyId,
        userId: 'user-1',
        tokenHash: hash,
        createdAt: 1,
        expiresAt,
        rotatedAt: null,
        revokedAt: null,
        successor: null,
      });

      it('finds a token by hash and rotates it exactly once, keeping the first successor', async () => {
        const t = record('fam', `h-${randomUUID()}`);
        await store.refreshTokens.insert(t);
        expect(await store.refreshTokens.findByHash(t.tokenHash)).toEqual(t);
        expect(await store.refreshTokens.markRotated(t.id, 5, 'sealed-1')).toBe(true);
        expect(await store.refreshTokens.markRotated(t.id, 6, 'sealed-2')).toBe(false);
        expect(await store.refreshTokens.findByHash(t.tokenHash)).toMatchObject({ rotatedAt: 5, successor: 'sealed-1' });
        expect(await store.refreshTokens.findByHash('nope')).toBeNull();
      });

      it('deletes one token by id', async () => {
        const a = record('fam', `h-${randomUUID()}`);
        const b = record('fam', `h-${randomUUID()}`);
        await store.refreshTokens.insert(a);
        await store.refreshTokens.insert(b);
        await store.refreshTokens.deleteById(a.id);
        expect(await store.refreshTokens.findByHash(a.tokenHash)).toBeNull();
        expect(await store.refreshTokens.findByHash(b.tokenHash)).not.toBeNull();
      });

      it('revokes a whole family, and a revoked token cannot rotate', async () => {
        const family = randomUUID();
        const t1 = record(family, `h-${randomUUID()}`);
        const t2 = record(family, `h-${randomUUID()}`);
        const other = record(randomUUID(), `h-${randomUUID()}`);
        await store.refreshTokens.insert(t1);
        await store.refreshTokens.insert(t2);
        await store.refreshTokens.insert(other);
        await store.refreshTokens.revokeFamily(family, 7);
        expect((await store.refreshTokens.findByHash(t1.tokenHash))?.revokedAt).toBe(7);
        expect((await store.refreshTokens.findByHash(t2.tokenHash))?.revokedAt).toBe(7);
        expect((await store.refreshTokens.findByHash(other.tokenHash))?.revokedAt).toBeNull();
        expect(await store.refreshTokens.markRotated(t2.id, 8, 'sealed')).toBe(false);
      });

      it('deletes expired tokens', async () => {
        await store.refreshTokens.insert(record('f', `h-${randomUUID()}`, 100));
        const live = record('f', `h-${randomUUID()}`, 10_000);
        await store.refreshTokens.insert(live);
        expect(await store.refreshTokens.deleteExpired(500)).toBe(1);
        expect(await store.refreshTokens.findByHash(live.tokenHash)).not.toBeNull();
      });
    });

    describeStoreWrites(() => store);
    describeAccountDeletion(() => store);
    describeMoodStore(() => store);
    describeNotificationStore(() => store);
    describeDeviceStore(() => store);
    describeActivityStore(() => store);

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
