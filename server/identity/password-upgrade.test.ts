import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../persistence/sqlite/sqlite-store.js';
import { MemoryRateLimiter } from '../rate-limit/memory-rate-limiter.js';
import { AccessTokens } from './access-tokens.js';
import { AuthService } from './auth-service.js';
import { PasswordHasher } from './password-hasher.js';

const tokens = new AccessTokens({ secret: 'a'.repeat(40), jwksUrl: null, issuer: 'hugmood', audience: 'hugmood-realtime', ttlS: 60 });
const rule = (name: string) => ({ name, capacity: 1000, refillPerSecond: 1000 });

describe('password hashes made with an older scrypt cost', () => {
  let dir: string;
  let store: SqliteStore;
  const service = (logN: number) =>
    new AuthService({ store, tokens, passwords: new PasswordHasher(logN), limiter: new MemoryRateLimiter(), refreshTtlS: 3600, loginRule: rule('login'), requestRule: rule('auth'), reuseGraceMs: 10_000 });
  const storedHash = async (username: string) => (await store.users.findByUsername(username))?.passwordHash;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hugmood-rehash-'));
    store = openSqliteStore({ file: join(dir, 'hugmood.db') });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keep signing in, and are replaced at the next login by a hash of the current cost', async () => {
    await service(11).register({ username: 'olive', password: 'an old password' }, '10.0.0.1');
    const old = await storedHash('olive');
    expect(old).toMatch(/^scrypt\$2048\$/);

    const raised = service(12);
    await expect(raised.login({ username: 'olive', password: 'wrong password' }, '10.0.0.1')).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await storedHash('olive')).toBe(old);

    const pair = await raised.login({ username: 'olive', password: 'an old password' }, '10.0.0.1');
    expect(pair.accessToken).toEqual(expect.any(String));
    const upgraded = await storedHash('olive');
    expect(upgraded).toMatch(/^scrypt\$4096\$8\$1\$/);

    // The new hash signs in, and another login leaves it alone.
    await raised.login({ username: 'olive', password: 'an old password' }, '10.0.0.1');
    expect(await storedHash('olive')).toBe(upgraded);
  });

  it('are not replaced by a server whose cost is lower', async () => {
    await service(12).register({ username: 'pia', password: 'a strong one' }, '10.0.0.1');
    const stored = await storedHash('pia');
    await service(11).login({ username: 'pia', password: 'a strong one' }, '10.0.0.1');
    expect(await storedHash('pia')).toBe(stored);
  });
});
