import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { DEFAULT_PRIVACY } from '../../protocol/schemas/privacy.js';
import { openSqliteStore } from '../../persistence/sqlite/sqlite-store.js';
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
export async function seedUsers(count: number, friendPairs: number, hub = false): Promise<Seeded> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hugmood-bench-'));
  const store = openSqliteStore({ file: join(dataDir, 'hugmood.db') });
  const ids = Array.from({ length: count }, (_, i) => `bench-user-${i}`);
  store.db.transaction(() => {
    ids.forEach((id, i) => {
      void store.users.create({ id, username: `bench${i}`, passwordHash: 'unused', displayName: `Bench ${i}`, privacy: DEFAULT_PRIVACY, createdAt: Date.now() });
    });
  })();
  for (let k = 0; k < friendPairs; k += 1) {
    const [a, b] = [ids[2 * k], ids[2 * k + 1]];
    if (a === undefined || b === undefined) break;
    await store.friendships.createRequest(a, b, Date.now());
    await store.friendships.acceptRequest(a, b, Date.now());
  }
  // With `hub`, user 0 is everyone's friend (the creator of a group hug with everyone in it).
  for (let k = 1; hub && k < ids.length; k += 1) {
    const [a, b] = [ids[0], ids[k]];
    if (a === undefined || b === undefined) break;
    await store.friendships.createRequest(a, b, Date.now());
    await store.friendships.acceptRequest(a, b, Date.now());
  }
  await store.close();
  const users: SocketSpec[] = [];
  for (const userId of ids) users.push({ userId, token: await token(userId) });
  return { dataDir, users };
}
