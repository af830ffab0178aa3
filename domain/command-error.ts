import { type ErrorCode, type ErrorDetails, isErrorCode, type ProtocolError } from '../protocol/errors.js';

/**
 * A refusal with a catalogued code, thrown by rules, rooms and services and turned into an ack
 * error (or HTTP error) at the edge. Anything else thrown becomes `internal`.
 */
export class CommandError extends Error {
  override readonly name = 'CommandError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The error a wire form stands for (from another node); an unknown code becomes `internal`. */
  static fromProtocol(error: ProtocolError): CommandError {
    return new CommandError(isErrorCode(error.code) ? error.code : 'internal', error.message, error.details, error.retryAfterMs);
  }

  /** The wire form of this error. */
  toProtocolError(): ProtocolError {
    return {
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
      ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }),
    };
  }
}
