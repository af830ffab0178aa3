import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthHttp, type FetchLike } from '../src/auth/auth-http.js';
import { TokenSession } from '../src/auth/token-session.js';
import { silentLogger } from '../src/logger.js';
import { PersistedState } from '../src/storage/persisted-state.js';
import { memoryStorage } from '../src/storage/storage-adapter.js';

const TTL_MS = 8000;

/**
 * A strict stand-in for `/v1/auth/*`: one refresh-token family; each refresh rotates it, and a
 * rotated token presented again (no grace at all) revokes the family.
 */
function strictServer() {
  let issued = 0;
  let current: string | null = null;
  const state = { refreshes: 0, reuses: 0 };
  const pair = () => {
    issued += 1;
    current = `r${issued}`;
    return { userId: 'u1', accessToken: `a${issued}`, accessTokenExpiresAt: Date.now() + TTL_MS, refreshToken: current, refreshTokenExpiresAt: Date.now() + 86_400_000 };
  };
  const reply = (status: number, body: unknown) => Promise.resolve({ status, text: () => Promise.resolve(JSON.stringify(body)) });
  const fetch: FetchLike = (url, init) => {
    const body = JSON.parse(init.body) as { refreshToken?: string };
    if (url.endsWith('/v1/auth/login')) return reply(200, pair());
    if (body.refreshToken !== undefined && body.refreshToken === current) {
      state.refreshes += 1;
      return reply(200, pair());
    }
    state.reuses += 1;
    current = null;
    return reply(401, { error: { code: 'unauthorized', message: 'the refresh token is not valid' } });
  };
  return { state, http: new AuthHttp('http://127.0.0.1:1', fetch), current: () => current };
}

describe('token session', () => {
  afterEach(() => vi.useRealTimers());

  it('presents the refresh token another tab rotated it to, never the one it holds, when they refresh at different moments', async () => {
    vi.useFakeTimers();
    const server = strictServer();
    const shared = memoryStorage();
    const refreshed: string[] = [];
    const tab = (start: ConstructorParameters<typeof TokenSession>[0], name: string) =>
      new TokenSession(start, server.http, new PersistedState(shared, 'hm', silentLogger), silentLogger, (token) => refreshed.push(`${name}:${token}`));
    const first = tab({ username: 'amy', password: 'secret password' }, 'first');
    expect(await first.accessToken()).toBe('a1');
    // The second tab opens 1.5 s later and resumes the stored session: it rotates r1 to r2.
    await vi.advanceTimersByTimeAsync(1500);
    const second = tab('stored', 'second');
    expect(await second.accessToken()).toBe('a2');
    // Each refreshes 5 s before its token's 8 s are up, on its own timer, 1.5 s apart, three times.
    await vi.advanceTimersByTimeAsync(3 * 3000);
    expect(server.state.reuses).toBe(0);
    expect(refreshed).toEqual(['first:a3', 'second:a4', 'first:a5', 'second:a6', 'first:a7', 'second:a8']);
    expect(await new PersistedState(shared, 'hm', silentLogger).session()).toMatchObject({ userId: 'u1', refreshToken: server.current() });
    first.close();
    second.close();
  });

  it('ends for good, and forgets the stored session, when the server refuses the refresh token', async () => {
    const server = strictServer();
    const storage = memoryStorage();
    const persisted = new PersistedState(storage, 'hm', silentLogger);
    const session = new TokenSession({ refreshToken: 'not issued' }, server.http, persisted, silentLogger, () => undefined);
    await expect(session.accessToken()).rejects.toMatchObject({ code: 'unauthorized' });
    await persisted.flush();
    expect(await persisted.session()).toBeNull();
    await expect(session.accessToken()).rejects.toThrow(/sign in again/);
  });
});
