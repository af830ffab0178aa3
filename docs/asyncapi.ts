import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { z } from 'zod';
import { COMMAND_NAMES, COMMAND_SCHEMAS } from '../protocol/commands.js';
import { ERROR_CODES, HTTP_STATUS_BY_CODE, TEMPORARY_CODES } from '../protocol/errors.js';
import { COMMAND_RESULT_SCHEMAS } from '../protocol/schemas/command-results.js';
import { protocolErrorSchema, SERVER_EVENT_SCHEMAS } from '../protocol/schemas/server-event-schemas.js';
import { PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS } from '../protocol/version.js';
import { readProtocolComments } from './protocol-comments.js';

/**
 * The AsyncAPI 3 document of the Socket.IO protocol, generated from the zod schemas in
 * `protocol/` (payloads with `z.toJSONSchema`) and the doc comments beside them: `npm run asyncapi`
 * writes `docs/asyncapi.yaml`; a test regenerates it, fails if the committed one differs, and
 * validates it with `@asyncapi/parser`.
 *
 * Every command is an operation the server receives, with its ack as the reply
 * (`{ ok: true, data }` or `{ ok: false, error }`); every server event is a message the server sends.
 */

const SCHEMAS = '#/components/schemas/';
const SHARED = new RegExp(`^${SCHEMAS}__shared#/(?:definitions|\\$defs)/`);

/** `hug:send` → `hug.send`: AsyncAPI component and operation keys allow `[A-Za-z0-9._-]`. */
const key = (name: string) => name.replaceAll(':', '.');

type Json = Record<string, unknown>;

/**
 * Converts the schemas of `entries` in one go, so the records they share are written once under
 * `components.schemas` and referenced. A record (a schema with `.meta({ id })`) keeps its own name:
 * an entry that is one is registered under that name (a schema several entries share, under the
 * first one's), and `names` maps each entry to its name; zod puts
 * the others it meets in `__shared`, moved here to their names. `$schema` and `$id` go: AsyncAPI's
 * schema format is JSON Schema draft 7 with its own keywords.
 */
function convert(entries: readonly (readonly [string, z.ZodType])[], io: 'input' | 'output'): { schemas: Json; names: ReadonlyMap<string, string> } {
  const registry = z.registry<{ id: string }>();
  const names = new Map<string, string>();
  for (const [id, schema] of entries) {
    // A schema several commands share (friend targets, empty payloads) is written once, under its first name.
    const name = registry.get(schema)?.id ?? z.globalRegistry.get(schema)?.id ?? id;
    names.set(id, name);
    if (!registry.has(schema)) registry.add(schema, { id: name });
  }
  const converted = z.toJSONSchema(registry, { io, target: 'draft-7', unrepresentable: 'any', uri: (id) => `${SCHEMAS}${id}` }) as { schemas: Record<string, Json> };
  const { __shared: shared, ...schemas } = converted.schemas;
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(clean);
    if (!value || typeof value !== 'object') return value;
    const out: Json = {};
    for (const [k, v] of Object.entries(value as Json)) {
      // zod bounds every integer by the safe range; it says nothing, and documentation tools show it as the example.
      if (k === '$schema' || k === '$id' || ((k === 'minimum' || k === 'maximum') && Math.abs(Number(v)) === Number.MAX_SAFE_INTEGER)) continue;
      out[k] = k === '$ref' && typeof v === 'string' ? v.replace(SHARED, SCHEMAS).replace(/^#\/definitions\//, SCHEMAS) : clean(v);
    }
    return out;
  };
  const defs = (shared?.['definitions'] ?? shared?.['$defs'] ?? {}) as Json;
  return { schemas: { ...(clean(defs) as Json), ...(clean(schemas) as Json) }, names };
}

function errorCatalogue(): Json {
  const lines = ERROR_CODES.map((code) => `- \`${code}\`: HTTP ${HTTP_STATUS_BY_CODE[code]}${TEMPORARY_CODES.has(code) ? '; temporary: the same request may succeed later (wait `retryAfterMs` when given)' : ''}`);
  return { type: 'string', enum: [...ERROR_CODES], description: `The closed catalogue of error codes: every refusal (an ack, a connect_error, an HTTP error) carries one.\n\n${lines.join('\n')}` };
}

/** The document as an object. */
export function buildAsyncApi(): Json {
  const comments = readProtocolComments();
  const inputs = convert(COMMAND_NAMES.map((name) => [`${key(name)}.payload`, COMMAND_SCHEMAS[name]] as const), 'input');
  const outputs = convert(
    [
      ...COMMAND_NAMES.map((name) => [`${key(name)}.result`, COMMAND_RESULT_SCHEMAS[name]] as const),
      ...Object.entries(SERVER_EVENT_SCHEMAS).map(([name, schema]) => [`${key(name)}.event`, schema as z.ZodType] as const),
      ['ProtocolError', protocolErrorSchema] as const,
    ],
    'output',
  );
  const messages: Json = {};
  const channelMessages: Json = {};
  const operations: Json = {};
  const channel = { $ref: '#/channels/connection' };
  const ref = (id: string) => ({ $ref: `#/channels/connection/messages/${id}` });

  for (const name of COMMAND_NAMES) {
    const id = key(name);
    const doc = comments.commands.get(name);
    const empty = Object.keys((COMMAND_SCHEMAS[name] as unknown as z.ZodObject).shape ?? {}).length === 0;
    messages[id] = { name, title: name, summary: empty ? 'Takes no arguments: send `{}`.' : (doc?.payload ?? ''), payload: { $ref: `${SCHEMAS}${inputs.names.get(`${id}.payload`) ?? ''}` } };
    messages[`${id}.ack`] = {
      name,
      title: `${name} ack`,
      summary: doc?.result ?? '',
      payload: {
        oneOf: [
          { type: 'object', properties: { ok: { const: true }, data: { $ref: `${SCHEMAS}${outputs.names.get(`${id}.result`) ?? ''}` } }, required: ['ok', 'data'], additionalProperties: false },
          { type: 'object', properties: { ok: { const: false }, error: { $ref: `${SCHEMAS}ProtocolError` } }, required: ['ok', 'error'], additionalProperties: false },
        ],
      },
    };
    channelMessages[id] = { $ref: `#/components/messages/${id}` };
    channelMessages[`${id}.ack`] = { $ref: `#/components/messages/${id}.ack` };
    operations[id] = {
      action: 'receive',
      title: name,
      summary: doc?.payload && !empty ? doc.payload : `${name}`,
      description: `The client emits \`${name}\` with the payload and an acknowledgement callback; the server validates the payload first (\`invalid_payload\` names the field) and answers through the callback.`,
      channel,
      messages: [ref(id)],
      reply: { channel, messages: [ref(`${id}.ack`)] },
    };
  }
  for (const name of Object.keys(SERVER_EVENT_SCHEMAS)) {
    const id = `${key(name)}.event`;
    messages[id] = { name, title: name, summary: comments.events.get(name) ?? '', payload: { $ref: `${SCHEMAS}${outputs.names.get(id) ?? ''}` } };
    channelMessages[id] = { $ref: `#/components/messages/${id}` };
    operations[`on.${key(name)}`] = { action: 'send', title: name, summary: comments.events.get(name) ?? '', channel, messages: [ref(id)] };
  }

  const refusals = [...comments.refusals].map(([reason, doc]) => `- \`${reason}\`: ${doc}`).join('\n');
  return {
    asyncapi: '3.1.0',
    info: {
      title: 'HugMood realtime',
      version: String(PROTOCOL_VERSION),
      description: [
        'The Socket.IO protocol of the HugMood real-time server: presence, friends, hugs, group hugs, moods, notifications and the feed.',
        `Generated from the zod schemas in \`protocol/\` by \`npm run asyncapi\`; the version is the protocol version (a client may send any of ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}).`,
        '',
        'Connect with Socket.IO 4 over WebSocket to the default namespace, with the handshake `auth: { token, v, deviceId?, deviceKind? }` (`v`: the protocol version). The wire is a msgpack Socket.IO parser by default (plain MessagePack, compatible with `socket.io-msgpack-parser`) or JSON (`WIRE=json`); `GET /v1/server` tells which. A refused handshake gets a `connect_error` whose `data` is a ProtocolError with `details.reason`:',
        refusals,
      ].join('\n'),
      license: { name: 'Proprietary' },
    },
    defaultContentType: 'application/json',
    servers: {
      local: { host: '127.0.0.1:3000', protocol: 'ws', pathname: '/socket.io/', description: '`npm start` on the embedded default. The Socket.IO path: append `?EIO=4&transport=websocket`.' },
    },
    channels: {
      connection: {
        address: '/socket.io/',
        title: 'One client connection',
        description: 'Every command and event travels over the client\'s one Socket.IO connection. Commands are events with an acknowledgement callback; events the server does not know, events sent without an ack, and reserved names are refused (`command:rejected`).',
        messages: channelMessages,
      },
    },
    operations,
    components: {
      schemas: { ErrorCode: errorCatalogue(), ...inputs.schemas, ...outputs.schemas },
      messages,
    },
  };
}

/** The committed file's text. */
export function asyncApiText(): string {
  return `# Generated by \`npm run asyncapi\` (docs/asyncapi.ts) from the zod schemas in protocol/. Do not edit.\n${stringify(buildAsyncApi(), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

/** Where the document is committed. */
export const ASYNCAPI_FILE = join(import.meta.dirname, 'asyncapi.yaml');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(ASYNCAPI_FILE, asyncApiText());
  console.log(`wrote ${ASYNCAPI_FILE}`);
}
