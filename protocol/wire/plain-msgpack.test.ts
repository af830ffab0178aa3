import { Packr, pack } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import { decodePlainMsgpack, MAX_DEPTH, PlainMsgpackError } from './plain-msgpack.js';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('plain MessagePack decoder', () => {
  it('reads every plain type as msgpackr writes it', () => {
    const values: unknown[] = [
      null,
      true,
      false,
      0,
      127,
      128,
      255,
      256,
      65_535,
      65_536,
      2 ** 32,
      Number.MAX_SAFE_INTEGER,
      -1,
      -32,
      -33,
      -128,
      -129,
      -32_768,
      -32_769,
      -(2 ** 31) - 1,
      Number.MIN_SAFE_INTEGER,
      1.5,
      -0.25,
      1e300,
      '',
      'ascii',
      'é ünïcödé 🤗',
      'ascii first, then é',
      'x'.repeat(31),
      `${'w'.repeat(31)}é`,
      'x'.repeat(32),
      'y'.repeat(300),
      'z'.repeat(70_000),
      [],
      [1, [2, [3, 'four']]],
      new Array(20).fill(7),
      new Array(70_000).fill(0),
      {},
      { a: 1, b: { c: [null, 'd'] } },
      Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i])),
    ];
    for (const value of values) expect(decodePlainMsgpack(pack(value)), JSON.stringify(value)?.slice(0, 80)).toEqual(value);
  });

  it('reads binary values as copies', () => {
    const frame = pack({ b: new Uint8Array([1, 2, 3]) });
    const out = decodePlainMsgpack(frame) as { b: Uint8Array };
    expect([...out.b]).toEqual([1, 2, 3]);
    frame.fill(0);
    expect([...out.b]).toEqual([1, 2, 3]);
  });

  it('refuses msgpackr record definitions and references', () => {
    const withRecords = new Packr({ useRecords: true });
    const frame = withRecords.pack([{ a: 1, b: 2 }, { a: 3, b: 4 }]);
    expect(frame.includes(0x72)).toBe(true);
    expect(() => decodePlainMsgpack(frame)).toThrow(PlainMsgpackError);
    // A record definition by hand: fixext1 (0xd4), type 0x72 ('r').
    expect(() => decodePlainMsgpack(bytes(0xd4, 0x72, 0x40))).toThrow(/not plain MessagePack/);
  });

  it('refuses every extension type: timestamps, structured clones, errors, regexps, BigInt, sets', () => {
    const more = new Packr({ moreTypes: true, structuredClone: true, useBigIntExtension: true });
    const extended: unknown[] = [new Date(0), new Error('boom'), /re/g, new Set([1]), new Map([[1, 2]]), 2n ** 70n];
    for (const value of extended) {
      let frame: Uint8Array;
      try {
        frame = more.pack(value);
      } catch {
        continue;
      }
      expect(() => decodePlainMsgpack(frame), String(value)).toThrow(PlainMsgpackError);
    }
    for (const head of [0xc7, 0xc8, 0xc9, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8]) {
      expect(() => decodePlainMsgpack(bytes(head, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1))).toThrow(/not plain/);
    }
  });

  it('refuses 0xc1, truncation, trailing bytes, lying lengths and empty frames', () => {
    const bad = [
      bytes(0xc1),
      bytes(),
      bytes(0xd9, 5, 0x61),
      bytes(0x01, 0x02),
      bytes(0xdd, 0xff, 0xff, 0xff, 0xff),
      bytes(0xdf, 0xff, 0xff, 0xff, 0xff),
      bytes(0xc6, 0xff, 0xff, 0xff, 0xff),
    ];
    for (const frame of bad) expect(() => decodePlainMsgpack(frame), String([...frame])).toThrow(PlainMsgpackError);
  });

  it('refuses invalid UTF-8, but gives a lone surrogate back as sent so its schema can name the field', () => {
    expect(() => decodePlainMsgpack(bytes(0xa1, 0x80))).toThrow(/UTF-8/);
    expect(() => decodePlainMsgpack(bytes(0xa2, 0xc0, 0x80))).toThrow(/UTF-8/);
    expect(() => decodePlainMsgpack(bytes(0xa3, 0xe0, 0x80, 0x80))).toThrow(/UTF-8/);
    expect(() => decodePlainMsgpack(bytes(0xa2, 0xe2, 0x82))).toThrow(/UTF-8/);
    // msgpackr (the SDK's encoder) writes a lone surrogate as its three-byte form.
    expect(decodePlainMsgpack(pack('a\ud800b'))).toBe('a\ud800b');
    expect(decodePlainMsgpack(pack('🤗\udc00'))).toBe('🤗\udc00');
  });

  it('refuses integers past the safe range, non-string map keys and deep nesting', () => {
    expect(() => decodePlainMsgpack(bytes(0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff))).toThrow(/MAX_SAFE/);
    expect(() => decodePlainMsgpack(bytes(0xd3, 0x80, 0, 0, 0, 0, 0, 0, 0))).toThrow(/MAX_SAFE/);
    expect(() => decodePlainMsgpack(bytes(0x81, 0x01, 0x02))).toThrow(/keys/);
    let nested: unknown = 1;
    for (let i = 0; i < MAX_DEPTH; i += 1) nested = [nested];
    expect(() => decodePlainMsgpack(pack(nested))).not.toThrow();
    expect(() => decodePlainMsgpack(pack([nested]))).toThrow(/deeper/);
    expect(() => decodePlainMsgpack(new Uint8Array(60_000).fill(0x91))).toThrow(PlainMsgpackError);
  });

  it('keeps "__proto__" an own property', () => {
    const out = decodePlainMsgpack(bytes(0x81, 0xa9, ...new TextEncoder().encode('__proto__'), 0x81, 0xa1, 0x70, 0xc3)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['p']).toBeUndefined();
  });

  it('decodes in time linear in the frame: 3,800 record definitions cost no more than plain bytes', () => {
    // Not a timing: the frame is refused at its first byte of extension, before any work on the rest.
    const definitions = new Uint8Array(63_000);
    for (let i = 0; i + 3 < definitions.length; i += 3) definitions.set([0xd4, 0x72, 0x40], i);
    expect(() => decodePlainMsgpack(definitions)).toThrow(/not plain/);
  });
});
