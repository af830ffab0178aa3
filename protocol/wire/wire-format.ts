import * as jsonParser from './json-parser.js';
import * as msgpackParser from './msgpack-parser.js';

/** The two wire formats. `msgpack` (binary frames) is the default; `json` is for debugging and third-party clients. */
export const WIRE_FORMATS = ['msgpack', 'json'] as const;

/** One of {@link WIRE_FORMATS}. */
export type WireFormat = (typeof WIRE_FORMATS)[number];

/** A Socket.IO custom parser: what the `parser` option of both server and client takes. */
export interface SocketIoParser {
  readonly Encoder: typeof msgpackParser.Encoder | typeof jsonParser.Encoder;
  readonly Decoder: typeof msgpackParser.Decoder | typeof jsonParser.Decoder;
}

/** The Socket.IO parser for `wire`. Server and client must use the same one. */
export function parserFor(wire: WireFormat): SocketIoParser {
  return wire === 'msgpack' ? msgpackParser : jsonParser;
}
