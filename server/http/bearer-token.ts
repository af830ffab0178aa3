import type { HttpRequest } from './http-types.js';

/** The token of an `Authorization: Bearer <token>` header, or `null`. */
export function bearerToken(request: HttpRequest): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers['authorization'] ?? '');
  return match?.[1] ?? null;
}
