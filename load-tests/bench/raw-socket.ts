import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import { parserFor, type WireFormat } from '../../protocol/wire/wire-format.js';
import type { SocketSpec } from './worker-messages.js';
import type { ServerKind } from './worker-messages.js';

type Ack = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/** Sends `event` with an ack and resolves with its data, or throws the error the server answered with. */
export async function call(socket: Socket, event: string, payload: unknown): Promise<unknown> {
  const answer = (await socket.timeout(30_000).emitWithAck(event, payload)) as Ack;
  if (!answer.ok) throw new Error(`${event}: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

/** Opens one bare socket.io-client socket for `user` (a token for ours, a user id for the baseline). */
export function openSocket(kind: ServerKind, url: string, user: SocketSpec, deviceNo: number, wire: WireFormat): Promise<Socket> {
  const auth = kind === 'ours' ? { v: PROTOCOL_VERSION, token: user.token, deviceId: `bench-device-${deviceNo}`, deviceKind: 'server' } : { userId: user.userId };
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, parser: parserFor(wire), auth, timeout: 20_000 });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}
