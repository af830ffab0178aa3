import { PacketType } from 'socket.io-parser';
import { expect } from 'vitest';
import type { WireFormat } from '../../protocol/wire/wire-format.js';
import { register } from './accounts.js';
import { connected, connectedClient, rawSocket } from './clients.js';
import { RawEngineSocket } from './raw-engine-socket.js';

/**
 * Sends each reserved event name over a hand-made connection and through socket.io-client, and
 * expects each connection to be closed while another client of the same user carries on.
 */
export async function expectReservedNamesRefused(url: string, wire: WireFormat): Promise<void> {
  const account = await register(url);
  const bystander = await connectedClient(url, account, { wire });
  for (const name of ['error', 'disconnecting', 'newListener', 'connect']) {
    const raw = new RawEngineSocket(url, wire);
    await raw.connect(account.tokens.accessToken);
    raw.sendPacket({ type: PacketType.EVENT, nsp: '/', data: [name, { boom: true }], id: 1 });
    await raw.closed;
  }
  // "error" is the one reserved name socket.io-client itself lets through.
  const socket = rawSocket(url, { token: account.tokens.accessToken }, { wire });
  await connected(socket);
  const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
  socket.emit('error', 'not really');
  expect(await gone).toMatch(/transport close|io server disconnect|parse error/);
  await expect(bystander.friends.list()).resolves.toMatchObject({ friends: [] });
}
