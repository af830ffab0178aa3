import type { ProtocolError } from '../../../protocol/errors.js';
import type { TokenPair } from '../../../protocol/types/auth.js';
import { errorFromProtocol, InternalError, UnavailableError } from '../errors.js';

/** The `fetch` the SDK uses: the platform's unless the app passes its own. */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{
  readonly status: number;
  text(): Promise<string>;
}>;

function isProtocolError(value: unknown): value is ProtocolError {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && typeof (value as { message?: unknown }).message === 'string';
}

function isTokenPair(value: unknown): value is TokenPair {
  if (typeof value !== 'object' || value === null) return false;
  const pair = value as Record<string, unknown>;
  return (
    typeof pair['userId'] === 'string' &&
    typeof pair['accessToken'] === 'string' &&
    typeof pair['refreshToken'] === 'string' &&
    typeof pair['accessTokenExpiresAt'] === 'number' &&
    typeof pair['refreshTokenExpiresAt'] === 'number'
  );
}

/**
 * The server's `/v1/auth/*` routes over HTTP. Errors come back typed: the server's catalogued
 * error (`UnauthorizedError`, `ConflictError`, `RateLimitedError` with `retryAfterMs`, ...), or
 * `UnavailableError` when the server could not be reached (temporary: the client retries).
 */
export class AuthHttp {
  constructor(
    private readonly baseUrl: string,
    private readonly fetchImpl: FetchLike,
  ) {}

  login(username: string, password: string): Promise<TokenPair> {
    return this.pair('/v1/auth/login', { username, password });
  }

  register(username: string, password: string, displayName: string | undefined): Promise<TokenPair> {
    return this.pair('/v1/auth/register', { username, password, ...(displayName === undefined ? {} : { displayName }) });
  }

  refresh(refreshToken: string): Promise<TokenPair> {
    return this.pair('/v1/auth/refresh', { refreshToken });
  }

  async logout(refreshToken: string): Promise<void> {
    await this.post('/v1/auth/logout', { refreshToken });
  }

  private async pair(path: string, body: Record<string, unknown>): Promise<TokenPair> {
    const value = await this.post(path, body);
    if (!isTokenPair(value)) throw new InternalError('internal', `${path}: the server answered without a token pair`);
    return value;
  }

  private async post(path: string, body: Record<string, unknown>): Promise<unknown> {
    const url = new URL(path, this.baseUrl).toString();
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await this.fetchImpl(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    } catch (error) {
      throw new UnavailableError('unavailable', `${path}: the server could not be reached (${error instanceof Error ? error.message : String(error)})`);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      throw new UnavailableError('unavailable', `${path}: HTTP ${response.status} with a body that is not JSON`);
    }
    if (response.status >= 200 && response.status < 300) return parsed;
    const error = typeof parsed === 'object' && parsed !== null ? (parsed as { error?: unknown }).error : undefined;
    if (isProtocolError(error)) throw errorFromProtocol(error);
    throw new UnavailableError('unavailable', `${path}: HTTP ${response.status}`);
  }
}
