import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenPair } from '../protocol/schemas/auth.js';
import { postJson, register, uniqueUsername } from './support/accounts.js';
import { connected, closeAllClients, rawSocket } from './support/clients.js';
import { type ServerProcess, startServer } from './support/server-process.js';

describe('HTTP auth: register, login, refresh rotation, logout', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: { LOGIN_ATTEMPTS_PER_MIN: '3' } });
  });
  afterAll(async () => {
    closeAllClients();
    await server.stop();
  });

  it('registers an account whose access token opens a socket', async () => {
    const account = await register(server.url);
    expect(account.tokens).toMatchObject({ userId: expect.any(String), accessToken: expect.any(String), refreshToken: expect.stringMatching(/^rt_/) });
    expect(account.tokens.accessTokenExpiresAt).toBeGreaterThan(Date.now());
    await connected(rawSocket(server.url, { token: account.tokens.accessToken }));
  });

  it('refuses a taken username, whatever its case', async () => {
    const username = uniqueUsername('Case');
    expect((await postJson(server.url, '/v1/auth/register', { username, password: 'long enough pw' })).status).toBe(201);
    const again = await postJson(server.url, '/v1/auth/register', { username: username.toUpperCase(), password: 'long enough pw' });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'conflict', details: { field: 'username' } } } });
  });

  it('names the field of a malformed body, and refuses non-JSON and oversized bodies', async () => {
    const weak = await postJson(server.url, '/v1/auth/register', { username: uniqueUsername(), password: 'short' });
    expect(weak).toMatchObject({ status: 400, body: { error: { code: 'invalid_payload', details: { field: 'password' } } } });
    const notJson = await postJson(server.url, '/v1/auth/login', '{"username":');
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: 'invalid_payload', details: { field: 'body' } } } });
    const wrongType = await fetch(`${server.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' });
    expect(wrongType.status).toBe(400);
    const huge = await fetch(`${server.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(70_000) });
    expect(huge.status).toBe(413);
    expect((await fetch(`${server.url}/v1/auth/nope`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${server.url}/v1/auth/login`)).status).toBe(405);
  });

  it('answers wrong passwords and unknown users with one generic message, and rate limits them', async () => {
    const account = await register(server.url);
    const wrong = await postJson(server.url, '/v1/auth/login', { username: account.username, password: 'not the password' });
    const unknown = await postJson(server.url, '/v1/auth/login', { username: uniqueUsername('ghost'), password: 'not the password' });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'unauthorized', message: 'invalid username or password' } } });
    expect(unknown.body).toEqual(wrong.body);
    // LOGIN_ATTEMPTS_PER_MIN is 3 here: the third wrong attempt is still answered, the fourth is not.
    expect((await postJson(server.url, '/v1/auth/login', { username: account.username, password: 'still wrong' })).status).toBe(401);
    expect((await postJson(server.url, '/v1/auth/login', { username: account.username, password: 'wrong again' })).status).toBe(401);
    const limited = await postJson(server.url, '/v1/auth/login', { username: account.username, password: account.password });
    expect(limited).toMatchObject({ status: 429, body: { error: { code: 'rate_limited', retryAfterMs: expect.any(Number) } } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // The limit is per username and address: another account from here is unaffected.
    const other = await register(server.url);
    expect((await postJson(server.url, '/v1/auth/login', { username: other.username, password: other.password })).status).toBe(200);
  });

  it('rotates refresh tokens, and reuse of a rotated one revokes the whole family', async () => {
    const account = await register(server.url);
    const first = await postJson(server.url, '/v1/auth/refresh', { refreshToken: account.tokens.refreshToken });
    expect(first.status).toBe(200);
    const rotated = first.body as TokenPair;
    expect(rotated.refreshToken).not.toBe(account.tokens.refreshToken);
    const second = await postJson(server.url, '/v1/auth/refresh', { refreshToken: rotated.refreshToken });
    expect(second.status).toBe(200);
    const latest = second.body as TokenPair;

    const replay = await postJson(server.url, '/v1/auth/refresh', { refreshToken: account.tokens.refreshToken });
    expect(replay).toMatchObject({ status: 401, body: { error: { code: 'unauthorized', details: { reason: 'refresh_token_reused' } } } });
    // The legitimate holder's newest token died with the family.
    expect((await postJson(server.url, '/v1/auth/refresh', { refreshToken: latest.refreshToken })).status).toBe(401);
    // A separate login is a separate family.
    const login = await postJson(server.url, '/v1/auth/login', { username: account.username, password: account.password });
    expect((await postJson(server.url, '/v1/auth/refresh', { refreshToken: (login.body as TokenPair).refreshToken })).status).toBe(200);
  });

  it('logs out by revoking the login', async () => {
    const account = await register(server.url);
    const out = await postJson(server.url, '/v1/auth/logout', { refreshToken: account.tokens.refreshToken });
    expect(out.status).toBe(204);
    expect((await postJson(server.url, '/v1/auth/refresh', { refreshToken: account.tokens.refreshToken })).status).toBe(401);
    expect((await postJson(server.url, '/v1/auth/logout', { refreshToken: 'rt_unknown' })).status).toBe(204);
  });

  it('serves /healthz and /readyz', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ status: 'ok' });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toMatchObject({ status: 'ready' });
  });

  it('answers CORS preflights for allowed origins only', async () => {
    const ok = await fetch(`${server.url}/v1/auth/login`, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173' } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const evil = await fetch(`${server.url}/v1/auth/login`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('hands out one VAPID public key for browsers to subscribe with, the same on every node', async () => {
    // Each read of server.url is the next node in the cluster project (one node otherwise).
    const keys = await Promise.all(
      [0, 1, 2].map(async () => {
        const response = await fetch(`${server.url}/v1/push/vapid-public-key`);
        expect(response.status).toBe(200);
        return ((await response.json()) as { publicKey: string }).publicKey;
      }),
    );
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(new Set(keys).size).toBe(1);
  });
});
