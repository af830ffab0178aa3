import type { z } from 'zod';
import { CommandError } from './command-error.js';

/**
 * The `invalid_payload` error for a failed zod parse. `details.field` names the first offending
 * field as a dotted path (`userIds.0`), and `details.issues` lists every problem.
 */
export function invalidPayload(error: z.ZodError): CommandError {
  const issues = error.issues.slice(0, 10).map((issue) => ({
    field: issue.path.map(String).join('.') || '(payload)',
    message: issue.message,
  }));
  const first = issues[0] ?? { field: '(payload)', message: 'invalid' };
  return new CommandError('invalid_payload', `${first.field}: ${first.message}`, { field: first.field, issues });
}
