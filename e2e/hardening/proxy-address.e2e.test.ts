import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, register } from '../support/accounts.js';
import { type ServerProcess, startServer } from '../support/server-process.js';
import { withAvailableTransports } from '../support/transports.js';

/**
 * Behind a trusted proxy the client address (which login rate limits key on) is the hop the proxy
 * appended to `X-Forwarded-For`, never the leftmost hop, which the client writes itself.
 */
describe.each(withAvailableTransports(['uws', 'node'] as const))('client address behind a proxy: TRANSPORT=%s', (transport) => {
  let server: ServerProcess;
  let twoProxies: ServerProcess;
  beforeAll(async () => {
    [server, twoProxies] = await Promise.all([
      startServer({ single: true, env: { TRANSPORT: transport, TRUST_PROXY: 'true', LOGIN_ATTEMPTS_PER_MIN: '5' } }),
      startServer({ single: true, env: { TRANSPORT: transport, TRUST_PROXY: '2', LOGIN_ATTEMPTS_PER_MIN: '5' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([server.stop(), twoProxies.stop()]);
  });

  const wrongLogins = async (target: ServerProcess, forwardedFor: (attempt: number) => string) => {
    const account = await register(target.url);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const res = await postJson(target.url, '/v1/auth/login', { username: account.username, password: 'not the password' }, { 'x-forwarded-for': forwardedFor(attempt) });
      statuses.push(res.status);
    }
    return statuses;
  };

  it('keys the login limit on the hop the proxy appended: a spoofed leftmost hop changes nothing', async () => {
    // The client writes "10.9.9.<n>"; the proxy appends the address it saw, 203.0.113.7.
    const statuses = await wrongLogins(server, (n) => `10.9.9.${n}, 203.0.113.7`);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });

  it('tells different clients apart by the appended hop', async () => {
    const statuses = await wrongLogins(server, (n) => `198.51.100.${n}`);
    expect(statuses.every((s) => s === 401)).toBe(true);
  });

  it('with TRUST_PROXY=2 takes the second hop from the right', async () => {
    // client-written, then what the outer proxy saw (the client), then what the inner proxy saw (the outer proxy).
    const statuses = await wrongLogins(twoProxies, (n) => `10.0.0.${n}, 203.0.113.9, 192.0.2.1`);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });
});
