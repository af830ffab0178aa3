import { type WriteOperation, writeOperationSchema } from './write-operation.js';

/** Any thrown value as an Error. */
export const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

/** Reads a queued body back; a body that is not a valid operation is poison. */
export function parseOperation(body: string): { op: WriteOperation } | { poison: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { poison: `malformed operation: ${asError(error).message}` };
  }
  const parsed = writeOperationSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { poison: `malformed operation: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}` };
  }
  return { op: parsed.data };
}
