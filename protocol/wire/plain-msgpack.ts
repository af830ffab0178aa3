/**
 * A strict decoder of plain MessagePack: nil, booleans, integers, floats, strings, binary, arrays
 * and maps with string keys. Everything else is refused with a {@link PlainMsgpackError}: every
 * extension type (msgpackr's record definitions and bundled strings, timestamps, structured
 * clones, errors, regular expressions, BigInt), the never-used byte `0xc1`, invalid UTF-8,
 * integers past `Number.MAX_SAFE_INTEGER`, nesting deeper than {@link MAX_DEPTH}, and trailing
 * bytes. Decoding is one linear pass with no code generation, so a frame costs in proportion to
 * its size, whatever it holds.
 *
 * No Node-only imports: the SDK decodes with it too.
 */

/** Deepest nesting of arrays and maps a frame may have. */
export const MAX_DEPTH = 32;

/** A frame that is not plain MessagePack, or not one value. */
export class PlainMsgpackError extends Error {
  override readonly name = 'PlainMsgpackError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// Short ASCII strings are built in JavaScript: cheaper than a call into the native decoder.
const SHORT_STRING = 32;

class Reader {
  private pos = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  done(): boolean {
    return this.pos === this.bytes.length;
  }

  private need(n: number): number {
    const at = this.pos;
    if (at + n > this.bytes.length) throw new PlainMsgpackError('msgpack: the frame ends inside a value');
    this.pos = at + n;
    return at;
  }

  value(depth: number): unknown {
    const token = this.bytes[this.need(1)] as number;
    if (token <= 0x7f) return token;
    if (token >= 0xe0) return token - 0x100;
    if (token <= 0x8f) return this.map(token & 0x0f, depth);
    if (token <= 0x9f) return this.array(token & 0x0f, depth);
    if (token <= 0xbf) return this.string(token & 0x1f);
    switch (token) {
      case 0xc0:
        return null;
      case 0xc2:
        return false;
      case 0xc3:
        return true;
      case 0xc4:
        return this.binary(this.bytes[this.need(1)] as number);
      case 0xc5:
        return this.binary(this.view.getUint16(this.need(2)));
      case 0xc6:
        return this.binary(this.view.getUint32(this.need(4)));
      case 0xca:
        return this.view.getFloat32(this.need(4));
      case 0xcb:
        return this.view.getFloat64(this.need(8));
      case 0xcc:
        return this.bytes[this.need(1)];
      case 0xcd:
        return this.view.getUint16(this.need(2));
      case 0xce:
        return this.view.getUint32(this.need(4));
      case 0xcf:
        return safe(this.view.getBigUint64(this.need(8)));
      case 0xd0:
        return this.view.getInt8(this.need(1));
      case 0xd1:
        return this.view.getInt16(this.need(2));
      case 0xd2:
        return this.view.getInt32(this.need(4));
      case 0xd3:
        return safe(this.view.getBigInt64(this.need(8)));
      case 0xd9:
        return this.string(this.bytes[this.need(1)] as number);
      case 0xda:
        return this.string(this.view.getUint16(this.need(2)));
      case 0xdb:
        return this.string(this.view.getUint32(this.need(4)));
      case 0xdc:
        return this.array(this.view.getUint16(this.need(2)), depth);
      case 0xdd:
        return this.array(this.view.getUint32(this.need(4)), depth);
      case 0xde:
        return this.map(this.view.getUint16(this.need(2)), depth);
      case 0xdf:
        return this.map(this.view.getUint32(this.need(4)), depth);
      default:
        // 0xc1 (never used), 0xc7-0xc9 and 0xd4-0xd8 (extensions).
        throw new PlainMsgpackError(`msgpack: type 0x${token.toString(16)} is not plain MessagePack (extensions and records are refused)`);
    }
  }

  private string(length: number): string {
    const at = this.need(length);
    const bytes = this.bytes;
    if (length <= SHORT_STRING) {
      // One pass: built while it is ASCII (a spread of the bytes would go through an iterator).
      const end = at + length;
      let out = '';
      let i = at;
      for (; i < end; i += 1) {
        const byte = bytes[i] as number;
        if (byte >= 0x80) break;
        out += String.fromCharCode(byte);
      }
      if (i === end) return out;
    }
    try {
      return utf8.decode(bytes.subarray(at, at + length));
    } catch {
      return decodeWtf8(bytes.subarray(at, at + length));
    }
  }

  private binary(length: number): Uint8Array {
    const at = this.need(length);
    // A copy: the frame's memory may be reused by the transport.
    return new Uint8Array(this.bytes.subarray(at, at + length));
  }

  /**
   * Checks a container before reading it: not too deep, and no more items than bytes left (each
   * takes at least one), so a lying length is refused, not allocated for.
   */
  private enter(items: number, depth: number, what: string): void {
    if (depth >= MAX_DEPTH) throw new PlainMsgpackError(`msgpack: nested deeper than ${MAX_DEPTH}`);
    if (items > this.bytes.length - this.pos) throw new PlainMsgpackError(`msgpack: the frame ends inside ${what}`);
  }

  private array(length: number, depth: number): unknown[] {
    this.enter(length, depth, 'an array');
    const out: unknown[] = [];
    for (let i = 0; i < length; i += 1) out.push(this.value(depth + 1));
    return out;
  }

  private map(size: number, depth: number): Record<string, unknown> {
    this.enter(size * 2, depth, 'a map');
    const out: Record<string, unknown> = {};
    for (let i = 0; i < size; i += 1) {
      const key = this.value(depth + 1);
      if (typeof key !== 'string') throw new PlainMsgpackError('msgpack: map keys must be strings');
      const value = this.value(depth + 1);
      // An own property even for "__proto__": never a prototype change.
      if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
    }
    return out;
  }
}

/**
 * Decodes UTF-8 that may also hold encoded surrogates (WTF-8), which is how msgpackr, and so the
 * SDK, writes a JavaScript string with a lone surrogate. The lone surrogate comes back as it was
 * sent, so the payload's schema refuses it with `invalid_payload` naming its field, instead of the
 * whole connection being dropped. Any other invalid byte sequence is refused.
 */
function decodeWtf8(bytes: Uint8Array): string {
  const units: number[] = [];
  const bad = () => new PlainMsgpackError('msgpack: a string is not valid UTF-8');
  const continuation = (i: number): number => {
    const byte = bytes[i];
    if (byte === undefined || (byte & 0xc0) !== 0x80) throw bad();
    return byte & 0x3f;
  };
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] as number;
    let point: number;
    if (lead < 0x80) {
      point = lead;
      i += 1;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      point = ((lead & 0x1f) << 6) | continuation(i + 1);
      i += 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      point = ((lead & 0x0f) << 12) | (continuation(i + 1) << 6) | continuation(i + 2);
      if (point < 0x800) throw bad();
      i += 3;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      point = ((lead & 0x07) << 18) | (continuation(i + 1) << 12) | (continuation(i + 2) << 6) | continuation(i + 3);
      if (point < 0x10000 || point > 0x10ffff) throw bad();
      i += 4;
    } else throw bad();
    if (point >= 0x10000) units.push(0xd800 + ((point - 0x10000) >> 10), 0xdc00 + ((point - 0x10000) & 0x3ff));
    else units.push(point);
  }
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.slice(i, i + 8192));
  return out;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

function safe(value: bigint): number {
  if (value > MAX_SAFE || value < MIN_SAFE) {
    throw new PlainMsgpackError('msgpack: an integer past Number.MAX_SAFE_INTEGER');
  }
  return Number(value);
}

/** Decodes one plain MessagePack value that fills `bytes` exactly, or throws {@link PlainMsgpackError}. */
export function decodePlainMsgpack(bytes: Uint8Array): unknown {
  const reader = new Reader(bytes);
  const value = reader.value(0);
  if (!reader.done()) throw new PlainMsgpackError('msgpack: bytes after the value');
  return value;
}
