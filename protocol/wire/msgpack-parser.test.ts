import { Packr, pack } from 'msgpackr';
import { type Packet, PacketType } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { Decoder, Encoder } from './msgpack-parser.js';

function decode(frame: unknown): Packet {
  const decoder = new Decoder();
  let out: Packet | undefined;
  decoder.on('decoded', (p) => (out = p));
  decoder.add(frame);
  if (!out) throw new Error('nothing decoded');
  return out;
}

describe('msgpack parser', () => {
  it('round-trips events, acks, connects and binary data in one binary frame', () => {
    const encoder = new Encoder();
    const packets: Packet[] = [
      { type: PacketType.EVENT, nsp: '/', data: ['presence:watch', { userIds: ['a', 'b'] }], id: 7 },
      { type: PacketType.ACK, nsp: '/', data: [{ ok: true, data: { n: 1.5, list: [null, 'x'] } }], id: 7 },
      { type: PacketType.CONNECT, nsp: '/', data: { token: 't', v: 1 } },
      { type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'no', data: { code: 'unauthorized' } } },
      { type: PacketType.DISCONNECT, nsp: '/' },
    ];
    for (const packet of packets) {
      const frames = encoder.encode(packet);
      expect(frames).toHaveLength(1);
      expect(frames[0]).toBeInstanceOf(Uint8Array);
      expect(decode(frames[0])).toEqual(packet);
    }
  });

  it('carries binary values natively', () => {
    const [frame] = new Encoder().encode({ type: PacketType.EVENT, nsp: '/', data: ['x', new Uint8Array([1, 2, 3])] });
    const bytes = (decode(frame).data as unknown[])[1] as Uint8Array;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([1, 2, 3]);
  });

  it('drops undefined properties, as JSON would', () => {
    const [frame] = new Encoder().encode({ type: PacketType.EVENT, nsp: '/', data: ['x', { a: undefined, b: null }] });
    expect(decode(frame).data).toEqual(['x', { b: null }]);
  });

  it('refuses reserved event names, including "error"', () => {
    for (const name of ['error', 'connect', 'disconnect', 'disconnecting', 'newListener', 'removeListener', 'connect_error']) {
      expect(() => decode(pack({ type: PacketType.EVENT, nsp: '/', data: [name] }))).toThrow(/reserved/);
    }
  });

  it('refuses anything that is not a well-formed packet', () => {
    const bad: unknown[] = [
      pack([1, 2, 3]),
      pack({ type: 99, nsp: '/' }),
      pack({ type: PacketType.EVENT, nsp: 5, data: ['x'] }),
      pack({ type: PacketType.EVENT, nsp: '/', data: 'not an array' }),
      pack({ type: PacketType.EVENT, nsp: '/', data: [{}] }),
      pack({ type: PacketType.EVENT, nsp: '/', data: ['x'], id: 1.5 }),
      pack({ type: PacketType.BINARY_EVENT, nsp: '/', data: ['x'] }),
      pack({ type: PacketType.DISCONNECT, nsp: '/', data: 'why' }),
      new Uint8Array([0xc1]),
      new Uint8Array([]),
    ];
    for (const frame of bad) expect(() => decode(frame), String(frame)).toThrow();
    // A text frame after the first (a first one stands for a JSON-wire client: see wire-mismatch.test.ts).
    const decoder = new Decoder();
    decoder.add(pack({ type: PacketType.CONNECT, nsp: '/', data: {} }));
    expect(() => decoder.add('a text frame')).toThrow(/binary frame/);
  });

  it('does not let a payload reach Object.prototype', () => {
    const frame = pack({ type: PacketType.EVENT, nsp: '/', data: ['x', JSON.parse('{"__proto__":{"polluted":true}}') as object] });
    decode(frame);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('msgpack parser: plain MessagePack only', () => {
  it('refuses a CONNECT whose data carries msgpackr record definitions', () => {
    // Records compile a reader with new Function after a few reads: an unauthenticated CPU sink.
    const withRecords = new Packr({ useRecords: true });
    const auth = Array.from({ length: 50 }, (_, i) => ({ [`k${i}`]: i, v: 1 }));
    const frame = withRecords.pack({ type: PacketType.CONNECT, nsp: '/', data: { token: 't', v: 1, auth } });
    expect(() => decode(frame)).toThrow(/not plain MessagePack/);
  });

  it('refuses extension values anywhere in a packet', () => {
    const dated = new Packr({ useRecords: false }).pack({ type: PacketType.EVENT, nsp: '/', data: ['hug:send', { at: new Date(0) }], id: 1 });
    expect(() => decode(dated)).toThrow(/not plain MessagePack/);
  });

  it('refuses packets for any namespace but "/"', () => {
    expect(() => decode(pack({ type: PacketType.CONNECT, nsp: '/admin', data: { token: 't' } }))).toThrow(/namespace/);
  });
});
