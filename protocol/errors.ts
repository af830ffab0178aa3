/**
 * The closed catalogue of error codes. Every refusal the server sends, over a socket ack, a
 * `connect_error` or HTTP, carries exactly one of these.
 */
export const ERROR_CODES = [
  'invalid_payload',
  'unauthorized',
  'forbidden',
  'not_found',
  'rate_limited',
  'conflict',
  'unavailable',
  'internal',
] as const;

/** One code of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Detail values are plain data so they survive both wire formats. */
export type ErrorDetailValue = string | number | boolean | null | readonly ErrorDetailValue[] | { readonly [key: string]: ErrorDetailValue };

/** Structured context for an error, for example `{ field: "userIds.0" }` for `invalid_payload`. */
export type ErrorDetails = { readonly [key: string]: ErrorDetailValue };

/** The error body of a failed ack, `connect_error` data or HTTP error response. */
export interface ProtocolError {
  readonly code: ErrorCode;
  /** A human-readable sentence. Never contains secrets. */
  readonly message: string;
  readonly details?: ErrorDetails;
  /** Set with `rate_limited` and `unavailable`: how long to wait before trying again. */
  readonly retryAfterMs?: number;
}

/** How each code maps to HTTP, for the REST routes. */
export const HTTP_STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  invalid_payload: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** Codes after which the same request may succeed later without change. */
export const TEMPORARY_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['rate_limited', 'unavailable', 'internal']);

/** True when `value` is one of the catalogue's codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Why a handshake was refused, in `connect_error.data.details.reason`. The SDK stops retrying on
 * the fatal ones.
 */
export const HANDSHAKE_REFUSALS = {
  /** No token in `auth.token`. Fatal. */
  tokenMissing: 'token_missing',
  /** Bad signature, wrong issuer or audience, malformed. Fatal. */
  tokenInvalid: 'token_invalid',
  /** The token's `exp` has passed. The SDK asks `getToken()` again. */
  tokenExpired: 'token_expired',
  /** The token is valid but its user no longer exists. Fatal. */
  userUnknown: 'user_unknown',
  /** A field of the handshake `auth` object other than the token is malformed (`deviceId`, `deviceKind`). Fatal. */
  authInvalid: 'auth_invalid',
  /** `auth.v` is missing or not supported. Fatal. */
  protocolVersion: 'protocol_version',
  /**
   * The client speaks the other wire format (msgpack against a JSON server, or the reverse);
   * `details.clientWire` and `details.serverWire` say which. Fatal: fix the client's `wire`.
   */
  wireMismatch: 'wire_mismatch',
  /** The user already holds `MAX_CONNECTIONS_PER_USER` sockets. Retried with backoff. */
  connectionLimit: 'connection_limit',
  /** A connection of this user was just cut for flooding; retried after `retryAfterMs`. */
  rateLimited: 'rate_limited',
  /**
   * The browser Origin is not in `ALLOWED_ORIGINS`. Refused before the WebSocket upgrade (HTTP 403),
   * so a browser sees only a failed connection; the reason shows in HTTP error bodies and metrics.
   */
  origin: 'origin',
} as const;

/** One value of {@link HANDSHAKE_REFUSALS}. */
export type HandshakeRefusal = (typeof HANDSHAKE_REFUSALS)[keyof typeof HANDSHAKE_REFUSALS];
