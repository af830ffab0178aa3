import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ASYNCAPI_FILE } from '../docs/asyncapi.js';
import { COMMAND_NAMES } from '../protocol/commands.js';
import { SERVER_EVENT_SCHEMAS } from '../protocol/schemas/server-event-schemas.js';
import { type Account, login, register } from './support/accounts.js';
import { closeAllClients, connected, eventually, rawSocket } from './support/clients.js';
import { type ServerProcess, startServer } from './support/server-process.js';
import { webPushSubscriber } from '../test-support/web-push-subscriber.js';

interface Ack {
  readonly ok: boolean;
  readonly data?: Record<string, unknown>;
  readonly error?: { readonly code: string };
}

/**
 * The AsyncAPI document against a real server: two people run through every area of the protocol
 * over bare Socket.IO clients (no SDK), and every ack and every event they get must match the
 * document's schema for it (additional properties refused). So the document describes what the
 * server sends, not only what the types say.
 */
describe('docs/asyncapi.yaml against a real server', () => {
  const doc = { $id: 'asyncapi', ...(parse(readFileSync(ASYNCAPI_FILE, 'utf8')) as Record<string, unknown>) };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema(doc);
  const validators = new Map<string, ValidateFunction>();
  const validatorOf = (message: string) => {
    let validate = validators.get(message);
    if (!validate) {
      validate = ajv.getSchema(`asyncapi#/components/messages/${message}/payload`);
      if (!validate) throw new Error(`no message ${message} in the document`);
      validators.set(message, validate);
    }
    return validate;
  };
  const mismatches: string[] = [];
  const answered = new Map<string, number>();
  const seen = new Map<string, number>();
  const received: { event: string; payload: unknown }[] = [];
  const check = (message: string, value: unknown) => {
    const validate = validatorOf(message);
    if (!validate(value)) mismatches.push(`${message}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(value).slice(0, 300)}`);
  };

  let server: ServerProcess | undefined;
  let url: string;
  let ana: Account;
  let ben: Account;
  let carl: Account;
  let sa: Socket;
  let sb: Socket;
  let sc: Socket;
  let sb2: Socket;

  const listen = (socket: Socket) => {
    socket.onAny((event: string, payload: unknown) => {
      seen.set(event, (seen.get(event) ?? 0) + 1);
      received.push({ event, payload });
      check(`${event.replaceAll(':', '.')}.event`, payload);
    });
  };
  async function send(socket: Socket, command: string, payload: unknown): Promise<Record<string, unknown>> {
    const ack = (await socket.timeout(5000).emitWithAck(command, payload)) as Ack;
    check(`${command.replaceAll(':', '.')}.ack`, ack);
    if (!ack.ok) return {};
    answered.set(command, (answered.get(command) ?? 0) + 1);
    return ack.data ?? {};
  }
  const waitFor = (event: string, count = 1) => eventually(() => (seen.get(event) ?? 0) >= count, 8000, event);

  beforeAll(async () => {
    // Tokens that warn 5 s after they are issued (auth:expiring) and expire long after the test.
    server = await startServer({ single: true, env: { ACCESS_TOKEN_TTL_S: '120', TOKEN_EXPIRY_WARNING_S: '115' } });
    url = server.url;
    [ana, ben, carl] = await Promise.all([register(url, 'ana'), register(url, 'ben'), register(url, 'carl')]);
    sa = rawSocket(url, { token: ana.tokens.accessToken, deviceId: 'contract-ana-1' });
    sb = rawSocket(url, { token: ben.tokens.accessToken, deviceId: 'contract-ben-1' });
    sc = rawSocket(url, { token: carl.tokens.accessToken, deviceId: 'contract-carl-1' });
    // Ben's second device hears what his first one does (hug:read-state, notification:read-state).
    sb2 = rawSocket(url, { token: ben.tokens.accessToken, deviceId: 'contract-ben-2' });
    for (const socket of [sa, sb, sc, sb2]) listen(socket);
    await Promise.all([connected(sa), connected(sb), connected(sc), connected(sb2)]);
  });

  afterAll(async () => {
    closeAllClients();
    await server?.stop();
  });

  it('answers profiles, privacy and friends as the document says', async () => {
    await send(sa, 'profile:get', { userId: ana.userId });
    await send(sa, 'profile:update', { bio: 'hello there' });
    await send(sa, 'user:lookup', { username: ben.username });
    await send(sa, 'privacy:get', {});
    await send(sa, 'privacy:update', { shareMoodsWith: 'friends' });
    await send(sa, 'friend:request', { userId: ben.userId });
    await send(sb, 'friend:accept', { userId: ana.userId });
    await send(sc, 'friend:request', { userId: ana.userId });
    await send(sa, 'friend:decline', { userId: carl.userId });
    await send(sa, 'friend:block', { userId: carl.userId });
    await send(sa, 'friend:unblock', { userId: carl.userId });
    await send(sa, 'friends:list', {});
    await send(sb, 'profile:update', { displayName: 'Ben B' });
    await waitFor('profile:updated');
    await waitFor('friend:update', 2);
    expect(mismatches).toEqual([]);
  });

  it('answers presence, hugs, requests and the inbox, and sends their events, as the document says', async () => {
    await send(sa, 'presence:watch', { userIds: [ben.userId] });
    // Away on both of Ben's devices: his aggregate status changes.
    await send(sb2, 'presence:set', { status: 'away' });
    await send(sb, 'presence:set', { status: 'away', activity: 'on a walk' });
    await waitFor('presence:update');
    const hug = await send(sa, 'hug:send', { to: ben.userId, kind: 'warm', message: 'for you', clientId: `c-${randomUUID()}` });
    await waitFor('hug:received');
    await send(sb, 'hug:ack', { hugIds: [hug['hugId']] });
    await waitFor('hug:delivered');
    await send(sb, 'hug:read', { hugId: hug['hugId'] });
    await waitFor('hug:read-receipt');
    await send(sa, 'hug:history', { direction: 'sent' });
    await send(sb, 'hug:unread', {});
    const request = await send(sb, 'hug:request', { to: ana.userId, message: 'a hug please', clientId: `r-${randomUUID()}` });
    await waitFor('hug:request:received');
    await send(sa, 'hug:request:pending', {});
    await send(sa, 'hug:request:answer', { requestId: request['requestId'], accept: true });
    await waitFor('hug:request:answered');
    await send(sb, 'inbox:sync', { after: 0 });
    await send(sa, 'time:sync', {});
    await send(sa, 'presence:unwatch', { userIds: [ben.userId] });
    expect(mismatches).toEqual([]);
  });

  it('answers moods and the feed, and sends their events, as the document says', async () => {
    await send(sa, 'mood:friends', {});
    await send(sa, 'feed:get', {});
    const mood = await send(sb, 'mood:record', { mood: 'calm', intensity: 0.5, visibility: 'friends', timeZone: 'Europe/Paris', clientId: `m-${randomUUID()}` });
    await waitFor('mood:friend-update');
    await waitFor('feed:new');
    await send(sb, 'mood:update', { moodId: mood['moodId'], note: 'after a walk' });
    await send(sb, 'mood:streak', {});
    await send(sb, 'mood:history', {});
    await send(sb, 'mood:summary', { days: 7 });
    await send(sb, 'mood:delete', { moodId: mood['moodId'] });
    await waitFor('mood:friend-removed');
    await send(sb, 'privacy:update', { shareMoodsWith: 'none' });
    await waitFor('privacy:updated');
    await waitFor('mood:friend-hidden');
    expect(mismatches).toEqual([]);
  });

  it('answers a group hug from creation to its end, and sends its events, as the document says', async () => {
    const group = await send(sa, 'group:create', { title: 'together', invitees: [ben.userId], durationMs: 3000, clientId: `g-${randomUUID()}` });
    const groupId = group['id'];
    await waitFor('group:invited');
    await send(sa, 'group:invite', { groupId, userIds: [ben.userId] });
    await send(sb, 'group:join', { groupId });
    await send(sb, 'group:get', { groupId });
    await send(sb, 'group:open', {});
    await send(sa, 'group:start', { groupId });
    await eventually(() => received.some((r) => r.event === 'group:state' && (r.payload as { phase?: string }).phase === 'live'), 10_000, 'the group hug live');
    await send(sb, 'group:squeeze', { groupId, intensity: 0.9 });
    await waitFor('group:pulse');
    await waitFor('group:complete');
    await send(sa, 'group:history', {});
    const other = await send(sa, 'group:create', { title: 'another', invitees: [ben.userId], clientId: `g-${randomUUID()}` });
    await send(sb, 'group:decline', { groupId: other['id'] });
    await send(sa, 'group:leave', { groupId: other['id'] });
    const third = await send(sa, 'group:create', { title: 'a third', invitees: [], clientId: `g-${randomUUID()}` });
    await send(sa, 'group:cancel', { groupId: third['id'] });
    expect(seen.get('group:state')).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });

  it('answers notifications, devices, tokens and refusals as the document says', async () => {
    const page = await send(sb, 'notification:list', {});
    await send(sb, 'notification:unread-count', {});
    const first = (page['notifications'] as { id: string }[] | undefined)?.[0]?.id;
    expect(first).toBeDefined();
    await send(sb, 'notification:read', { ids: [first] });
    await waitFor('notification:read-state');
    await send(sb, 'notification:delete', { ids: [first] });
    await send(sb, 'notification:preferences:get', {});
    await send(sb, 'notification:preferences:update', { previews: false });
    await send(sb, 'device:register', { platform: 'web', push: webPushSubscriber('https://push.example.com/hugmood/contract').subscription });
    await send(sb, 'device:unregister', {});
    await send(sa, 'auth:refresh', { token: (await login(url, ana)).accessToken });
    // A refusal is an ack too: { ok: false, error } with a code of the catalogue.
    await send(sa, 'hug:send', { to: ana.userId, kind: 'nope', clientId: 'x' });
    await send(sa, 'friend:remove', { userId: ben.userId });
    await waitFor('presence:revoked').catch(() => undefined);
    sa.emit('not:a-command', {});
    await waitFor('command:rejected');
    expect(mismatches).toEqual([]);
  });

  it('sends auth:expiring before a token expires, and session:ended when the server stops, as the document says', async () => {
    await waitFor('auth:expiring');
    const stopping = server;
    server = undefined;
    expect(await stopping?.stop()).toBe(0);
    await waitFor('session:ended', 3);
    expect(mismatches).toEqual([]);
  });

  it('covered every command and every event, and its schemas refuse what they should', () => {
    expect(COMMAND_NAMES.filter((c) => !answered.has(c))).toEqual([]);
    expect(Object.keys(SERVER_EVENT_SCHEMAS).filter((e) => !seen.has(e))).toEqual([]);
    const ack = validatorOf('hug.send.ack');
    expect(ack({ ok: true, data: { hugId: 'h1', delivered: true } })).toBe(true);
    expect(ack({ ok: true, data: { hugId: 'h1', delivered: true, extra: 1 } })).toBe(false);
    expect(ack({ ok: true, data: { hugId: 'h1' } })).toBe(false);
    expect(ack({ ok: false, error: { code: 'nope', message: 'x' } })).toBe(false);
    expect(ack({ ok: false, error: { code: 'rate_limited', message: 'slow down', retryAfterMs: 100 } })).toBe(true);
  });
});
