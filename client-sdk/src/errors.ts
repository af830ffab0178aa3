import { type ErrorCode, type ErrorDetails, type ProtocolError, TEMPORARY_CODES } from '../../protocol/errors.js';

/** Codes the SDK adds to the server's catalogue for failures on its own side. */
export type ClientErrorCode = 'timeout' | 'closed' | 'protocol_version' | 'wire_mismatch';

/**
 * Every error the SDK throws or reports. `code` is the server's catalogued code, or one of the
 * SDK's own (`timeout`, `closed`, `protocol_version`, `wire_mismatch`). Check with `instanceof` on a subclass, or
 * on `code`.
 *
 * @example
 * ```ts
 * try {
 *   await client.friends.request(userId);
 * } catch (error) {
 *   if (error instanceof RateLimitedError) await sleep(error.retryAfterMs);
 *   else if (error instanceof HugMoodError && error.code === 'forbidden') showNotAllowed();
 *   else throw error;
 * }
 * ```
 */
export class HugMoodError extends Error {
  override name = 'HugMoodError';
  readonly code: ErrorCode | ClientErrorCode;
  readonly details: ErrorDetails | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode | ClientErrorCode, message: string, details?: ErrorDetails, retryAfterMs?: number) {
    super(message);
    this.code = code;
    this.details = details;
    this.retryAfterMs = retryAfterMs;
  }

  /** True when the same call may succeed later unchanged. */
  get temporary(): boolean {
    return this.code === 'timeout' || TEMPORARY_CODES.has(this.code as ErrorCode);
  }
}

/** The payload failed validation; `details.field` names the field. */
export class InvalidPayloadError extends HugMoodError {
  override name = 'InvalidPayloadError';
}
/** The token is missing, invalid or expired, or the account is gone. */
export class UnauthorizedError extends HugMoodError {
  override name = 'UnauthorizedError';
}
/** The caller may not do this (privacy, blocks, relationship). */
export class ForbiddenError extends HugMoodError {
  override name = 'ForbiddenError';
}
/** The target does not exist (or is hidden from the caller). */
export class NotFoundError extends HugMoodError {
  override name = 'NotFoundError';
}
/** Too many requests; wait `retryAfterMs`. */
export class RateLimitedError extends HugMoodError {
  override name = 'RateLimitedError';
}
/** The request conflicts with the current state (for example, already friends). */
export class ConflictError extends HugMoodError {
  override name = 'ConflictError';
}
/** The server cannot take this now; wait `retryAfterMs`. */
export class UnavailableError extends HugMoodError {
  override name = 'UnavailableError';
}
/** The server failed; the request may be retried. */
export class InternalError extends HugMoodError {
  override name = 'InternalError';
}
/** No answer in time (the connection may have dropped). */
export class TimeoutError extends HugMoodError {
  override name = 'TimeoutError';
}
/** The client was closed, by the app or after a fatal error. */
export class ClientClosedError extends HugMoodError {
  override name = 'ClientClosedError';
}
/** The server does not speak this SDK's protocol version: upgrade the SDK. */
export class ProtocolVersionError extends HugMoodError {
  override name = 'ProtocolVersionError';
}
/**
 * The server speaks the other wire format: set the client's `wire` option to `details.serverWire`
 * (`msgpack` or `json`). Final: the client does not retry.
 */
export class WireMismatchError extends HugMoodError {
  override name = 'WireMismatchError';
}

const BY_CODE: Record<ErrorCode, typeof HugMoodError> = {
  invalid_payload: InvalidPayloadError,
  unauthorized: UnauthorizedError,
  forbidden: ForbiddenError,
  not_found: NotFoundError,
  rate_limited: RateLimitedError,
  conflict: ConflictError,
  unavailable: UnavailableError,
  internal: InternalError,
};

/** The typed error for a server error body. */
export function errorFromProtocol(error: ProtocolError): HugMoodError {
  const Type = BY_CODE[error.code] ?? HugMoodError;
  return new Type(error.code, error.message, error.details, error.retryAfterMs);
}
