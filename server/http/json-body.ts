import type { z } from 'zod';
import { CommandError } from '../../domain/command-error.js';
import { invalidPayload } from '../../domain/invalid-payload.js';
import type { HttpRequest } from './http-types.js';

/** Parses the request body as JSON and validates it with `schema`, or throws `invalid_payload`. */
export function parseJsonBody<S extends z.ZodType>(request: HttpRequest, schema: S): z.output<S> {
  const type = request.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new CommandError('invalid_payload', 'the body must be JSON (content-type: application/json)', { field: 'content-type' });
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(request.body));
  } catch {
    throw new CommandError('invalid_payload', 'the body is not valid JSON', { field: 'body' });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidPayload(parsed.error);
  return parsed.data;
}
