import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../../client-sdk/src/index.js';
import { DELETED_USER_ID } from '../../protocol/ids.js';
import type { TokenPair } from '../../protocol/schemas/auth.js';
import type { SessionEndedEvent } from '../../protocol/server-events.js';
import { type Account, postJson, register } from '../support/accounts.js';
import { befriend, closeAllClients, connectedClient, connectError, eventually, rawSocket } from '../support/clients.js';
import { CLUSTER_JWT_SECRET } from '../support/cluster-process.js';
import { type ServerProcess, startServer } from '../support/server-process.js';
import { signAccessToken } from '../support/tokens.js';

const refresh = (url: string, refreshToken: string) => postJson(url, '/v1/auth/refresh', { refreshToken });

async function deleteAccount(url: string, token: string | null, body?: unknown) {
  const response = await fetch(`${url}/v1/account`, {
    method: 'DELETE',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** An access token for `userId` signed with the server's secret, issued `ageMs` ago. */
const agedToken = (userId: string, ageMs: number) => signAccessToken(userId, 600, CLUSTER_JWT_SECRET, { issuedAgoS: Math.floor(ageMs / 1000) });

describe('refresh tokens and account deletion', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: { JWT_SECRET: CLUSTER_JWT_SECRET, REFRESH_REUSE_GRACE_MS: '1500' } });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await server.stop();
  });

  it('answers ten concurrent refreshes of one token with one new pair, and keeps the login', async () => {
    const account = await register(server.url);
    const answers = await Promise.all(Array.from({ length: 10 }, () => refresh(server.url, account.tokens.refreshToken)));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 10 }, () => 200));
    const pairs = new Set(answers.map((a) => JSON.stringify(a.body)));
    expect(pairs.size).toBe(1);
    const pair = answers[0]?.body as TokenPair;
    expect(pair.refreshToken).not.toBe(account.tokens.refreshToken);
    // Nothing counted as reuse: the new token still works.
    expect((await refresh(server.url, pair.refreshToken)).status).toBe(200);
  });

  it('counts a token presented again after the grace window as reuse, and revokes its family', async () => {
    const account = await register(server.url);
    const first = await refresh(server.url, account.tokens.refreshToken);
    expect(first.status).toBe(200);
    const next = first.body as TokenPair;
    // Within the window the old token keeps answering with the same pair; past it, it is refused.
    const refused = await eventually(async () => {
      const again = await refresh(server.url, account.tokens.refreshToken);
      if (again.status === 200) expect(again.body).toEqual(next);
      return again.status === 401 ? again : undefined;
    }, 10_000, 'the grace window to end');
    expect(refused.body).toMatchObject({ error: { code: 'unauthorized', details: { reason: 'refresh_token_reused' } } });
    expect((await refresh(server.url, next.refreshToken)).status).toBe(401);
  });

  it('refuses to delete without a token, or with a token that is not fresh and no password', async () => {
    const account = await register(server.url);
    expect((await deleteAccount(server.url, null)).status).toBe(401);
    const stale = await agedToken(account.userId, 10 * 60 * 1000);
    expect(await deleteAccount(server.url, stale)).toMatchObject({ status: 403, body: { error: { code: 'forbidden', details: { reason: 'confirmation_required' } } } });
    expect(await deleteAccount(server.url, stale, { password: 'not the password' })).toMatchObject({ status: 401, body: { error: { details: { field: 'password' } } } });
    expect((await postJson(server.url, '/v1/auth/login', { username: account.username, password: account.password })).status).toBe(200);
  });

  it('deletes an account: tokens revoked, sessions ended everywhere, friendships gone, hugs others received kept anonymised', async () => {
    const ana = await register(server.url, 'ana');
    const ben = await register(server.url, 'ben');
    const ca = await connectedClient(server.url, ana);
    const anaPhone = await connectedClient(server.url, ana);
    const cb = await connectedClient(server.url, ben);
    await befriend(ca, cb, ben.userId, ana.userId);
    const { hugId } = await ca.hugs.send(ben.userId, { kind: 'bear', message: 'from ana' });
    const ended: SessionEndedEvent[] = [];
    anaPhone.onSessionEnded((e) => ended.push(e));

    // A stale token, confirmed by the password.
    const stale = await agedToken(ana.userId, 10 * 60 * 1000);
    expect((await deleteAccount(server.url, stale, { password: ana.password })).status).toBe(204);

    await eventually(() => ca.state === 'closed' && anaPhone.state === 'closed', 10_000, 'both of ana\'s devices to be closed');
    expect(ended[0]).toMatchObject({ reason: 'account_deleted' });
    expect(ca.closedBy).toBeInstanceOf(UnauthorizedError);
    const refused = await connectError(rawSocket(server.url, { token: ana.tokens.accessToken }));
    expect(refused.data).toMatchObject({ details: { reason: 'user_unknown' } });
    expect((await refresh(server.url, ana.tokens.refreshToken)).status).toBe(401);
    expect((await postJson(server.url, '/v1/auth/login', { username: ana.username, password: ana.password })).status).toBe(401);

    expect((await cb.friends.list()).friends).toEqual([]);
    const received = await cb.hugs.history({ direction: 'received' });
    expect(received.hugs.find((h) => h.id === hugId)).toMatchObject({ from: DELETED_USER_ID, message: null, kind: 'bear' });
  });

  it('deletes with a fresh token alone, and the deleted account\'s refresh token mints nothing', async () => {
    const account: Account = await register(server.url);
    expect((await deleteAccount(server.url, account.tokens.accessToken)).status).toBe(204);
    expect(await refresh(server.url, account.tokens.refreshToken)).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    expect((await deleteAccount(server.url, account.tokens.accessToken)).status).toBe(401);
  });
});
