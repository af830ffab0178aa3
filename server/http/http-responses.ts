import { CommandError } from '../../domain/command-error.js';
import { HTTP_STATUS_BY_CODE, type ProtocolError } from '../../protocol/errors.js';
import type { HttpResponse } from './http-types.js';

/** A JSON response. */
export function json(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

/** The HTTP form of a catalogued error: its status, `{ error }`, and `Retry-After` when it has a delay. */
export function errorResponse(error: ProtocolError): HttpResponse {
  const headers: Record<string, string> = {};
  if (error.retryAfterMs !== undefined) headers['retry-after'] = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
  return json(HTTP_STATUS_BY_CODE[error.code], { error }, headers);
}

/** Turns anything thrown by a handler into an error response; unknown errors become `internal`. */
export function responseForThrown(error: unknown): { response: HttpResponse; unexpected: boolean } {
  if (error instanceof CommandError) return { response: errorResponse(error.toProtocolError()), unexpected: false };
  return { response: errorResponse({ code: 'internal', message: 'internal error' }), unexpected: true };
}
