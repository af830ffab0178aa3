import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { DEFAULT_PRIVACY } from '../../protocol/schemas/privacy.js';
import { openSqliteStore, type SqliteStore } from '../../persistence/sqlite/sqlite-store.js';
import type { SocketSpec } from './worker-messages.js';

/** The secret the bench's server signs with, so the bench can mint tokens for seeded users. */
export const BENCH_JWT_SECRET = 'bench-secret-that-is-at-least-32-characters-long';

/** Seeded users and their tokens, in a fresh data folder. */
export interface Seeded {
  readonly dataDir: string;
  readonly users: readonly SocketSpec[];
}

async function token(userId: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer('hugmood')
    .setAudience('hugmood-realtime')
    .setIssuedAt(now)
    .setExpirationTime(now + 4 * 3600)
    .sign(new TextEncoder().encode(BENCH_JWT_SECRET));
}

/**
 * Writes `count` users straight into a fresh SQLite store (registering 19,800 users through scrypt
 * would take minutes and measure nothing we care about here), makes users 2k and 2k+1 friends for
 * the first `friendPairs` pairs (and, with `hub`, user 0 with everyone), and mints an access token for each.
 */
export function seedUsers(count: number, friendPairs: number, hub = false): Promise<Seeded> {
  return seedGraph(count, pairFriendships(count, friendPairs, hub));
}

/** Users 2k and 2k+1 for the first `friendPairs` pairs, and with `hub`, user 0 with everyone (by index). */
export function pairFriendships(count: number, friendPairs: number, hub = false): [number, number][] {
  const pairs: [number, number][] = [];
  for (let k = 0; k < friendPairs && 2 * k + 1 < count; k += 1) pairs.push([2 * k, 2 * k + 1]);
  // With `hub`, user 0 is everyone's friend (the creator of a group hug with everyone in it).
  for (let k = 1; hub && k < count; k += 1) pairs.push([0, k]);
  return pairs;
}

/** How far either way a ring of `count` users reaches to give each `friendsPerUser` friends. */
function ringReach(count: number, friendsPerUser: number): number {
  return Math.min(Math.floor(friendsPerUser / 2), Math.floor((count - 1) / 2));
}

/** The friends of user `i` in a ring of `count` (see {@link seedFriendRing}), as user ids. */
export function ringFriends(i: number, count: number, friendsPerUser: number): string[] {
  const reach = ringReach(count, friendsPerUser);
  const ids: string[] = [];
  for (let d = 1; d <= reach; d += 1) ids.push(`bench-user-${(i + d) % count}`, `bench-user-${(i - d + count) % count}`);
  return ids;
}

/** `count` users in a ring, each the friend of the `friendsPerUser / 2` users on either side of it. */
export function seedFriendRing(count: number, friendsPerUser: number, seed?: (store: SqliteStore, ids: readonly string[]) => Promise<void>): Promise<Seeded> {
  return seedGraph(count, ringFriendships(count, friendsPerUser), seed);
}

/** The friendships of a ring of `count` users, each with `friendsPerUser / 2` friends on either side (by index). */
export function ringFriendships(count: number, friendsPerUser: number): [number, number][] {
  const pairs: [number, number][] = [];
  const reach = ringReach(count, friendsPerUser);
  for (let i = 0; i < count; i += 1) for (let d = 1; d <= reach; d += 1) pairs.push([i, (i + d) % count]);
  return pairs;
}

/** `bench-user-<i>` for `i < count`, the friendships `pairs` (by index), then `seed` on the store, then a token each. */
export async function seedGraph(count: number, pairs: readonly (readonly [number, number])[], seed?: (store: SqliteStore, ids: readonly string[]) => Promise<void>): Promise<Seeded> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hugmood-bench-'));
  const store = openSqliteStore({ file: join(dataDir, 'hugmood.db') });
  const ids = Array.from({ length: count }, (_, i) => `bench-user-${i}`);
  // One transaction for everything: the repositories answer synchronously on SQLite.
  store.db.transaction(() => {
    ids.forEach((id, i) => {
      void store.users.create({ id, username: `bench${i}`, passwordHash: 'unused', displayName: `Bench ${i}`, privacy: DEFAULT_PRIVACY, createdAt: Date.now() });
    });
    for (const [x, y] of pairs) {
      const [a, b] = [ids[x], ids[y]];
      if (a === undefined || b === undefined) continue;
      void store.friendships.createRequest(a, b, Date.now());
      void store.friendships.acceptRequest(a, b, Date.now());
    }
  })();
  if (seed) await seed(store, ids);
  await store.close();
  const users: SocketSpec[] = [];
  for (const userId of ids) users.push({ userId, token: await token(userId) });
  return { dataDir, users };
}
