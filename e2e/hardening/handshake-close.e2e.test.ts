import { Packr } from 'msgpackr';
import { PacketType } from 'socket.io-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import type { WireFormat } from '../../protocol/wire/wire-format.js';
import { register } from '../support/accounts.js';
import { closeAllClients, connectedClient, eventually } from '../support/clients.js';
import { metricsText, sampleOf } from '../support/metrics.js';
import { RawEngineSocket } from '../support/raw-engine-socket.js';
import { type ServerProcess, startServer } from '../support/server-process.js';
import { withAvailableTransports } from '../support/transports.js';

const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms))]);

/**
 * A refused handshake gets one answer and a closed connection, on both wires and transports; a
 * CONNECT that is not plain MessagePack, or names another namespace, closes it without an answer.
 * A client may CONNECT and DISCONNECT over one connection as often as it likes without using up
 * its user's connection slots.
 */
describe.each(withAvailableTransports([
  { transport: 'uws', wire: 'msgpack' },
  { transport: 'node', wire: 'json' },
  { transport: 'uws', wire: 'json' },
  { transport: 'node', wire: 'msgpack' },
] as const))('handshakes: TRANSPORT=$transport WIRE=$wire', ({ transport, wire }) => {
  let server: ServerProcess;
  const raws: RawEngineSocket[] = [];
  const raw = (w: WireFormat = wire) => {
    const socket = new RawEngineSocket(server.url, w);
    raws.push(socket);
    return socket;
  };
  beforeAll(async () => {
    server = await startServer({ single: true, env: { TRANSPORT: transport, WIRE: wire, MAX_CONNECTIONS_PER_USER: '2' } });
  });
  afterEach(() => {
    closeAllClients();
    for (const socket of raws.splice(0)) socket.close();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('closes the connection after a refused CONNECT, once the refusal is out', async () => {
    const socket = raw();
    await socket.sendConnect({ token: 'not-a-jwt' });
    const refusal = await socket.packet((p) => p.type === PacketType.CONNECT_ERROR);
    expect(refusal.data).toMatchObject({ data: { code: 'unauthorized', details: { reason: 'token_invalid' } } });
    await within(socket.closed, 5000, 'the server closing a refused connection');
  });

  it('closes the connection when a CONNECT names another namespace', async () => {
    const account = await register(server.url);
    const socket = raw();
    await socket.sendConnect({ token: account.tokens.accessToken }, '/admin');
    await within(socket.closed, 5000, 'the server closing a connection to an unknown namespace');
  });

  it('does not leak connection slots over CONNECT → DISCONNECT cycles on one connection', async () => {
    const account = await register(server.url);
    const socket = raw();
    const connections = async () => sampleOf(await metricsText(server), 'hugmood_connections');
    for (let cycle = 0; cycle < 10; cycle += 1) {
      const before = socket.packets.length;
      await socket.sendConnect({ token: account.tokens.accessToken });
      const answer = await socket.packet((p) => socket.packets.indexOf(p) >= before && (p.type === PacketType.CONNECT || p.type === PacketType.CONNECT_ERROR));
      expect(answer.type, `cycle ${cycle}: ${JSON.stringify(answer.data)}`).toBe(PacketType.CONNECT);
      const open = await connections();
      socket.sendPacket({ type: PacketType.DISCONNECT, nsp: '/' });
      // Socket.IO handles a DISCONNECT on its next tick; a CONNECT read before that would find the
      // namespace still taken. The next cycle starts once the server has let the socket go.
      await eventually(async () => (await connections()) === open - 1, 5000, 'the server to drop the disconnected socket');
    }
    // MAX_CONNECTIONS_PER_USER is 2: two more sockets still fit.
    await connectedClient(server.url, account, { wire });
    await connectedClient(server.url, account, { wire });
  });

  it('gives the slot back when the client leaves between its CONNECT and the answer', async () => {
    const account = await register(server.url);
    for (let i = 0; i < 5; i += 1) {
      const socket = raw();
      await socket.sendConnect({ token: account.tokens.accessToken });
      // Gone while the token is checked: Socket.IO never connects the admitted socket.
      socket.close();
      await within(socket.closed, 5000, 'the connection to close');
    }
    // MAX_CONNECTIONS_PER_USER is 2: the abandoned handshakes hold none of them (once the server saw them go).
    await eventually(async () => {
      try {
        await connectedClient(server.url, account, { wire });
        return true;
      } catch {
        return false;
      }
    }, 5000, 'a first slot');
    await connectedClient(server.url, account, { wire });
  });
});

describe('handshakes: msgpack records', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ single: true, env: { WIRE: 'msgpack' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('closes the connection on a CONNECT whose data carries record definitions, and stays up for others', async () => {
    const socket = new RawEngineSocket(server.url, 'msgpack');
    await socket.open();
    const records = Array.from({ length: 400 }, (_, i) => ({ [`k${i}`]: i, [`j${i}`]: 'x' }));
    socket.sendBinary(new Packr({ useRecords: true }).pack({ type: PacketType.CONNECT, nsp: '/', data: { v: PROTOCOL_VERSION, token: 't', records } }));
    await within(socket.closed, 5000, 'the server closing a connection that sent msgpack records');
    expect(socket.packets).toEqual([]);
    const account = await register(server.url);
    await connectedClient(server.url, account);
    closeAllClients();
  });
});
