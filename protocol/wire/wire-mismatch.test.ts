import { pack } from 'msgpackr';
import { type Packet, PacketType } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import * as json from './json-parser.js';
import * as msgpack from './msgpack-parser.js';
import { mismatchedWireOf } from './wire-mismatch.js';

function decodeAll(decoder: json.Decoder | msgpack.Decoder, frames: unknown[]): Packet[] {
  const out: Packet[] = [];
  decoder.on('decoded', (p: Packet) => out.push(p));
  for (const frame of frames) decoder.add(frame);
  return out;
}

const refusal = (clientWire: string): Packet => ({
  type: PacketType.CONNECT_ERROR,
  nsp: '/',
  data: { message: 'other wire', data: { code: 'invalid_payload', message: 'other wire', details: { reason: 'wire_mismatch', clientWire } } },
});

describe('wire mismatch', () => {
  it('reads a first text frame on the msgpack wire as a marked CONNECT, and only the first', () => {
    const [packet] = decodeAll(new msgpack.Decoder(), ['0{"token":"t"}']);
    expect(packet?.type).toBe(PacketType.CONNECT);
    expect(mismatchedWireOf(packet?.data)).toBe('json');
    expect(() => decodeAll(new msgpack.Decoder(), [pack({ type: PacketType.CONNECT, nsp: '/', data: {} }), '2["x"]'])).toThrow(/binary/);
  });

  it('reads a first binary frame on the JSON wire as a marked CONNECT, and only the first', () => {
    const [packet] = decodeAll(new json.Decoder(), [pack({ type: PacketType.CONNECT, nsp: '/', data: {} })]);
    expect(mismatchedWireOf(packet?.data)).toBe('msgpack');
    expect(() => decodeAll(new json.Decoder(), ['0{}', new Uint8Array([1])])).toThrow();
  });

  it('a real CONNECT carries no mark, whatever its auth says', () => {
    const [packet] = decodeAll(new json.Decoder(), ['0{"wire_mismatch":"json"}']);
    expect(mismatchedWireOf(packet?.data)).toBeNull();
  });

  it('encodes the refusal in the client\'s wire, and everything else in the server\'s', () => {
    const [forJsonClient] = new msgpack.Encoder().encode(refusal('json'));
    expect(typeof forJsonClient).toBe('string');
    expect(decodeAll(new json.Decoder(), [forJsonClient])[0]?.data).toMatchObject({ data: { details: { reason: 'wire_mismatch' } } });
    const [forMsgpackClient] = new json.Encoder().encode(refusal('msgpack'));
    expect(forMsgpackClient).toBeInstanceOf(Uint8Array);
    expect(decodeAll(new msgpack.Decoder(), [forMsgpackClient])[0]?.data).toMatchObject({ data: { details: { reason: 'wire_mismatch' } } });
    expect(new msgpack.Encoder().encode({ type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'no' } })[0]).toBeInstanceOf(Uint8Array);
  });
});
