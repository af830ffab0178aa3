/**
 * Type tests for the server side: each `@ts-expect-error` line must fail to compile, or tsc
 * reports the directive as unused and `npm run typecheck` fails. Compiled, never run.
 */
import type { CommandHandlers } from './command-context.js';
import type { HugServer, HugSocket } from './socket-types.js';

export function serverTypeTests(io: HugServer, socket: HugSocket, handlers: CommandHandlers): void {
  // Correct use compiles.
  io.to('presence:u1:friends').emit('presence:update', { userId: 'u1', status: 'away', lastSeenAt: null, activity: null, devices: [], at: 1 });
  socket.emit('session:ended', { reason: 'token_expired', at: 1 });
  socket.on('presence:watch', (payload, ack) => ack({ ok: true, data: { presences: [], denied: [], at: payload.userIds.length } }));

  // @ts-expect-error: no such server event
  io.emit('presence:updated', {});
  // @ts-expect-error: status must be a UserStatus
  io.to('r').emit('presence:update', { userId: 'u1', status: 'sleeping', lastSeenAt: null, activity: null, devices: [], at: 1 });
  // @ts-expect-error: every event carries `at`
  socket.emit('presence:revoked', { userId: 'u1' });
  // @ts-expect-error: not a session end reason
  socket.emit('session:ended', { reason: 'bored', at: 1 });
  // @ts-expect-error: the ack of presence:watch must carry a WatchResult
  socket.on('presence:watch', (_payload, ack) => ack({ ok: true, data: { presences: 'none' } }));
  // @ts-expect-error: no such client command
  socket.on('presence:wach', () => undefined);

  const ctx = undefined as unknown as Parameters<CommandHandlers['friends:list']>[0];
  // @ts-expect-error: a handler receives its own validated payload type
  void handlers['presence:watch'](ctx, { userIds: 'u1' });
  // @ts-expect-error: a handler table must be complete
  const partial: CommandHandlers = { 'friends:list': handlers['friends:list'] };
  void partial;
}
