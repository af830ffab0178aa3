import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMAND_NAMES } from '../protocol/commands.js';
import { ERROR_CODES } from '../protocol/errors.js';
import { SERVER_EVENT_SCHEMAS } from '../protocol/schemas/server-event-schemas.js';
import { ASYNCAPI_FILE, asyncApiText } from './asyncapi.js';

interface Doc {
  readonly asyncapi: string;
  readonly operations: Record<string, { action: string; title: string; messages: { $ref: string }[]; reply?: { messages: { $ref: string }[] } }>;
  readonly components: { schemas: Record<string, { enum?: string[]; required?: string[] }>; messages: Record<string, { name: string; payload: unknown }> };
}

const committed = readFileSync(ASYNCAPI_FILE, 'utf8');
const doc = parse(committed) as Doc;
const EVENT_NAMES = Object.keys(SERVER_EVENT_SCHEMAS);

describe('docs/asyncapi.yaml', () => {
  it('is what npm run asyncapi generates from the zod schemas now', () => {
    expect(committed).toBe(asyncApiText());
  }, 30_000);

  it('is a valid AsyncAPI 3 document: @asyncapi/parser reports no error and no warning', async () => {
    const { document, diagnostics } = await new Parser().parse(committed);
    expect(diagnostics.map((d) => `${String(d.severity)} ${String(d.code)}: ${d.message} at ${d.path.join('.')}`)).toEqual([]);
    expect(document?.version()).toMatch(/^3\./);
    expect(document?.operations().length).toBe(COMMAND_NAMES.length + EVENT_NAMES.length);
  }, 60_000);

  it('makes every command an operation the server receives, with its ack as the reply', () => {
    for (const name of COMMAND_NAMES) {
      const operation = Object.values(doc.operations).find((o) => o.title === name && o.action === 'receive');
      expect(operation, name).toBeDefined();
      expect(operation?.reply?.messages, name).toHaveLength(1);
      const ack = doc.components.messages[`${name.replaceAll(':', '.')}.ack`];
      expect(ack?.name).toBe(name);
      expect(JSON.stringify(ack?.payload)).toContain('#/components/schemas/ProtocolError');
    }
  });

  it('makes every server event a message the server sends', () => {
    for (const name of EVENT_NAMES) {
      expect(Object.values(doc.operations).some((o) => o.title === name && o.action === 'send'), name).toBe(true);
      expect(doc.components.messages[`${name.replaceAll(':', '.')}.event`]?.name).toBe(name);
    }
  });

  it('is what the committed HTML rendering (docs/asyncapi/, npm run asyncapi:html) shows', () => {
    const app = readFileSync(new URL('./asyncapi/js/app.js', import.meta.url), 'utf8');
    const embedded = /const schema = (\{[\s\S]*?\n\});\n/.exec(app)?.[1];
    expect(embedded, 'the document in docs/asyncapi/js/app.js').toBeDefined();
    const rendered = JSON.parse(embedded ?? '{}') as Doc & { info: unknown };
    expect(rendered.info).toEqual((doc as unknown as { info: unknown }).info);
    expect(Object.keys(rendered.operations)).toEqual(Object.keys(doc.operations));
    expect(Object.keys(rendered.components.messages)).toEqual(Object.keys(doc.components.messages));
    const channels = (rendered as unknown as { channels: { connection: { messages: Record<string, { payload: { required?: string[] } }> } } }).channels;
    expect(channels.connection.messages['hug.send']?.payload.required).toEqual(['to', 'kind', 'clientId']);
  });

  it('carries the payload schemas and the error catalogue', () => {
    expect(doc.components.schemas['hug.send.payload']?.required).toEqual(['to', 'kind', 'clientId']);
    expect(doc.components.schemas['ErrorCode']?.enum).toEqual([...ERROR_CODES]);
    expect(doc.components.schemas['ProtocolError']?.required).toEqual(['code', 'message']);
    expect(doc.components.schemas['Hug']?.required).toContain('sentAt');
  });
});
