import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, InvalidPayloadError, NotFoundError, RateLimitedError } from '../client-sdk/src/index.js';
import { MAX_HUG_MESSAGE } from '../protocol/limits.js';
import { register } from './support/accounts.js';
import { befriend, closeAllClients, connectedClient } from './support/clients.js';
import { type ServerProcess, startServer } from './support/server-process.js';

describe('hugs refuse bad input with a clear code and lose nothing', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: { RATE_HUGS_BURST: '3', RATE_HUGS_PER_MIN: '6' } });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await server.stop()).toBe(0);
  });

  async function friends() {
    const a = await register(server.url, 'ana');
    const b = await register(server.url, 'ben');
    const ca = await connectedClient(server.url, a, { maxOfflineSends: 1 });
    const cb = await connectedClient(server.url, b);
    await befriend(ca, cb, b.userId, a.userId);
    return { a, b, ca, cb };
  }

  it('refuses a hug to yourself, to an unknown user, and of an unknown kind', async () => {
    const { a, ca } = await friends();
    await expect(ca.hugs.send(a.userId, { kind: 'warm' })).rejects.toMatchObject({ code: 'invalid_payload', details: { field: 'to' } });
    await expect(ca.hugs.send('no-such-user', { kind: 'warm' })).rejects.toBeInstanceOf(NotFoundError);
    const unknownKind = ca.request('hug:send', { to: a.userId, kind: 'tackle' as 'warm', clientId: 'client-id-0001' });
    await expect(unknownKind).rejects.toBeInstanceOf(InvalidPayloadError);
    await expect(unknownKind).rejects.toMatchObject({ details: { field: 'kind' } });
  });

  it('refuses an oversized message and a malformed clientId', async () => {
    const { b, ca } = await friends();
    const long = 'x'.repeat(MAX_HUG_MESSAGE + 1);
    await expect(ca.hugs.send(b.userId, { kind: 'warm', message: long })).rejects.toMatchObject({ code: 'invalid_payload', details: { field: 'message' } });
    await expect(ca.hugs.send(b.userId, { kind: 'warm', clientId: 'short' })).rejects.toMatchObject({ code: 'invalid_payload', details: { field: 'clientId' } });
    await expect(ca.hugs.send(b.userId, { kind: 'warm', message: 'x'.repeat(MAX_HUG_MESSAGE) })).resolves.toMatchObject({ delivered: true });
  });

  it('refuses hugs across a block and against allowHugsFrom', async () => {
    const { a, b, ca, cb } = await friends();
    await cb.privacy.update({ allowHugsFrom: 'none' });
    await expect(ca.hugs.send(b.userId, { kind: 'warm' })).rejects.toBeInstanceOf(ForbiddenError);
    await cb.privacy.update({ allowHugsFrom: 'friends' });
    await expect(ca.hugs.send(b.userId, { kind: 'warm' })).resolves.toMatchObject({ delivered: true });
    await cb.friends.block(a.userId);
    await expect(ca.hugs.send(b.userId, { kind: 'warm' })).rejects.toMatchObject({ code: 'forbidden', details: { field: 'to' } });
    await expect(ca.hugs.request(b.userId)).rejects.toBeInstanceOf(ForbiddenError);
    const stranger = await register(server.url, 'eve');
    const ce = await connectedClient(server.url, stranger);
    await expect(ce.hugs.send(a.userId, { kind: 'warm' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses a reused clientId with a different payload (conflict) but answers a true retry', async () => {
    const { b, ca } = await friends();
    const first = await ca.hugs.send(b.userId, { kind: 'warm', message: 'one', clientId: 'reused-client-id' });
    await expect(ca.hugs.send(b.userId, { kind: 'bear', message: 'one', clientId: 'reused-client-id' })).rejects.toBeInstanceOf(ConflictError);
    await expect(ca.hugs.send(b.userId, { kind: 'warm', message: 'two', clientId: 'reused-client-id' })).rejects.toMatchObject({ code: 'conflict', details: { field: 'clientId' } });
    expect(await ca.hugs.send(b.userId, { kind: 'warm', message: 'one', clientId: 'reused-client-id' })).toEqual(first);
  });

  it('refuses answers to someone else’s request, to unknown requests, and reads of others’ hugs', async () => {
    const { a, b, ca, cb } = await friends();
    const { requestId } = await ca.hugs.request(b.userId);
    await expect(ca.hugs.answer(requestId, true)).rejects.toMatchObject({ code: 'forbidden', details: { field: 'requestId' } });
    const outsider = await register(server.url, 'olga');
    const co = await connectedClient(server.url, outsider);
    await expect(co.hugs.answer(requestId, false)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cb.hugs.answer('r_doesnotexist000000000000', true)).rejects.toBeInstanceOf(NotFoundError);
    const { hugId } = await cb.hugs.send(a.userId, { kind: 'side' });
    await expect(co.hugs.markRead(hugId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(cb.hugs.markRead(hugId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(ca.hugs.markRead(hugId)).resolves.toMatchObject({ hugId });
  });

  it('refuses malformed sync and history requests', async () => {
    const { ca } = await friends();
    await expect(ca.request('inbox:sync', { after: -1 })).rejects.toMatchObject({ code: 'invalid_payload', details: { field: 'after' } });
    await expect(ca.request('inbox:sync', { after: 0, limit: 10_000 })).rejects.toMatchObject({ details: { field: 'limit' } });
    await expect(ca.hugs.history({ direction: 'sent', before: 'not-a-token' })).rejects.toMatchObject({ code: 'invalid_payload', details: { field: 'before' } });
  });

  it('rate limits hugs per sender, with retryAfterMs, without slowing anyone else', async () => {
    const { a, b, ca, cb } = await friends();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => ca.request('hug:send', { to: b.userId, kind: 'warm', clientId: `flood-${i}-abcdef` })),
    );
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(refused).toHaveLength(2);
    for (const error of refused) {
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).retryAfterMs).toBeGreaterThan(0);
    }
    await expect(cb.hugs.send(a.userId, { kind: 'warm' })).resolves.toMatchObject({ delivered: true });
  });
});
