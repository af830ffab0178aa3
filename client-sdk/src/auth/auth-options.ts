import type { TokenProvider } from '../connection/connection.js';

/** Sign in with a username and password (the server's own accounts). */
export interface PasswordAuth {
  readonly username: string;
  readonly password: string;
  /** Create the account first. Refused with `conflict` when the username is taken. */
  readonly signUp?: boolean;
  /** The new account's display name (with `signUp`). */
  readonly displayName?: string;
}

/** Resume a session from a refresh token the app kept itself. */
export interface RefreshTokenAuth {
  readonly refreshToken: string;
}

/**
 * How the client gets its access tokens:
 * - `{ username, password }` (add `signUp: true` to register): the SDK logs in, refreshes before
 *   expiry and keeps the refresh token in the storage adapter;
 * - `{ refreshToken }`: the same, starting from a refresh token;
 * - `'stored'`: the session a previous start kept in the storage adapter (an app that restarts);
 *   fails with `UnauthorizedError` when there is none;
 * - a function: your own identity provider's tokens (the SDK calls it before each connection and
 *   when the server warns of expiry; refresh them yourself).
 */
export type AuthOptions = PasswordAuth | RefreshTokenAuth | 'stored' | TokenProvider;
