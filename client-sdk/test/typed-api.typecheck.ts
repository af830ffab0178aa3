/**
 * Type tests for the SDK side: each `@ts-expect-error` line must fail to compile. If a mistake
 * ever compiles, tsc reports the directive as unused and `npm run typecheck` fails. This file is
 * compiled, never run.
 */
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../protocol/index.js';
import type { HugMoodClient } from '../src/index.js';

export function sdkTypeTests(client: HugMoodClient, socket: Socket<ServerToClientEvents, ClientToServerEvents>): void {
  // Correct use compiles.
  void client.request('presence:watch', { userIds: ['u1'] }).then((r) => r.presences[0]?.status);
  void client.presence.setStatus('away', 'tea');
  void client.friends.request('u1');
  void client.profile.update({ bio: 'hi', avatarUrl: null });
  void client.privacy.update({ showOnlineStatus: 'none' });
  socket.on('presence:update', (e) => e.lastSeenAt);

  // @ts-expect-error: no such command
  void client.request('presence:wach', { userIds: ['u1'] });
  // @ts-expect-error: userIds must be an array of strings
  void client.request('presence:watch', { userIds: 'u1' });
  // @ts-expect-error: missing payload field
  void client.request('friend:request', {});
  // @ts-expect-error: the status must be active or away
  void client.presence.setStatus('busy');
  // @ts-expect-error: not a privacy setting value
  void client.privacy.update({ showOnlineStatus: 'everyone' });
  // @ts-expect-error: not a profile field
  void client.profile.update({ nickname: 'x' });
  // @ts-expect-error: the result has no such field
  void client.request('friends:list', {}).then((r) => r.enemies);
  // @ts-expect-error: no such server event
  socket.on('presence:updated', () => undefined);
  // @ts-expect-error: a presence update's status is a string union, not a number
  socket.on('presence:update', (e) => e.status.toFixed());
  // @ts-expect-error: emitting an unknown command on the raw typed socket
  socket.emit('hug:explode', {}, () => undefined);
  // @ts-expect-error: not a hug kind
  void client.hugs.send('u1', { kind: 'tackle' });
  // @ts-expect-error: a hug needs a kind
  void client.hugs.send('u1', { message: 'hi' });
  // @ts-expect-error: no such hugs event
  client.hugs.on('opened', () => undefined);
  // @ts-expect-error: a received hug's kind is a kind id, not a number
  client.hugs.on('received', (hug) => hug.kind.toFixed());
  // @ts-expect-error: inbox:sync needs a cursor
  void client.request('inbox:sync', { limit: 10 });
  // @ts-expect-error: a hug:received event carries an inbox entry of type hug
  socket.on('hug:received', (e) => e.request);
}
