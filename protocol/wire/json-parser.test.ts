import { type Packet, PacketType } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { Decoder, Encoder } from './json-parser.js';

function decode(frame: string): Packet | undefined {
  const decoder = new Decoder();
  let out: Packet | undefined;
  decoder.on('decoded', (p) => (out = p));
  decoder.add(frame);
  return out;
}

describe('json parser', () => {
  it('speaks Socket.IO\'s own JSON format', () => {
    const frame: unknown = new Encoder().encode({ type: PacketType.EVENT, nsp: '/', data: ['friends:list', {}], id: 3 })[0];
    expect(frame).toBe('23["friends:list",{}]');
    expect(decode(frame as string)).toEqual({ type: PacketType.EVENT, nsp: '/', data: ['friends:list', {}], id: 3 });
  });

  it('refuses "error" as well as the names Socket.IO reserves', () => {
    expect(() => decode('2["error","x"]')).toThrow(/reserved/);
    expect(() => decode('2["newListener","x"]')).toThrow();
    expect(() => decode('2["disconnect"]')).toThrow();
  });

  it('refuses malformed frames', () => {
    for (const frame of ['2["x"', '9', '2{"not":"array"}', '2[1.5', '2["x"]junk']) expect(() => decode(frame), frame).toThrow();
  });

  it('refuses packets for any namespace but "/"', () => {
    expect(() => decode('0/admin,{"token":"t"}')).toThrow(/namespace/);
    expect(decode('0{"token":"t"}')).toMatchObject({ type: PacketType.CONNECT, nsp: '/' });
  });
});
