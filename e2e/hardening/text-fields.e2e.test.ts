import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { register } from '../support/accounts.js';
import { befriend, closeAllClients, connectedClient } from '../support/clients.js';
import { type ServerProcess, startServer } from '../support/server-process.js';

/**
 * Text a user types is NFC-normalized and may not carry lone surrogates or bidi overrides, on
 * both wires: a refusal is `invalid_payload` naming the field, and the connection stays up.
 */
describe.each(['msgpack', 'json'] as const)('text fields: WIRE=%s', (wire) => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: { WIRE: wire } });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await server.stop();
  });

  it('refuses a display name with a right-to-left override, and a bio with a lone surrogate, naming the field', async () => {
    const client = await connectedClient(server.url, await register(server.url), { wire });
    await expect(client.request('profile:update', { displayName: 'a\u202egnp.exe' })).rejects.toMatchObject({ code: 'invalid_payload', details: { field: 'displayName' } });
    await expect(client.request('profile:update', { bio: 'hello \ud800' })).rejects.toMatchObject({ code: 'invalid_payload', details: { field: 'bio' } });
    await expect(client.request('group:create', { title: 'x\u2066y', invitees: [], durationMs: 10_000, clientId: 'c_title_0001' })).rejects.toMatchObject({ code: 'invalid_payload', details: { field: 'title' } });
    expect(client.state).toBe('connected');
  });

  it('stores names and messages in NFC, with invisible joiners trimmed from the ends', async () => {
    const ana = await register(server.url, 'ana');
    const ben = await register(server.url, 'ben');
    const ca = await connectedClient(server.url, ana, { wire });
    const cb = await connectedClient(server.url, ben, { wire });
    await befriend(ca, cb, ben.userId, ana.userId);
    const profile = await ca.request('profile:update', { displayName: '\u200bCafe\u0301 Ana\u200d' });
    expect(profile.displayName).toBe('Café Ana');
    expect((await cb.request('profile:get', { userId: ana.userId })).displayName).toBe('Café Ana');
    await expect(ca.hugs.send(ben.userId, { kind: 'warm', message: 'bad \udc00' })).rejects.toMatchObject({ code: 'invalid_payload', details: { field: 'message' } });
    const { hugId } = await ca.hugs.send(ben.userId, { kind: 'warm', message: 'no\u0308el 👩\u200d👩\u200d👧' });
    const sent = await ca.hugs.history({ direction: 'sent' });
    expect(sent.hugs.find((h) => h.id === hugId)?.message).toBe('nöel 👩\u200d👩\u200d👧');
  });
});
