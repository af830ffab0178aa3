import type { DeviceKind } from './presence.js';

/* Identity as client and server exchange it (zod-free; the schemas are in ../schemas/auth.ts). */

/** The Socket.IO handshake `auth` object as a client builds it. */
export interface HandshakeAuth {
  readonly token: string;
  /** Protocol version (see `PROTOCOL_VERSION`). */
  readonly v: number;
  readonly deviceId?: string | undefined;
  readonly deviceKind?: DeviceKind | undefined;
}

/** The answer to register, login and refresh. */
export interface TokenPair {
  readonly userId: string;
  readonly accessToken: string;
  /** Epoch ms at which the access token expires. */
  readonly accessTokenExpiresAt: number;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: number;
}

/** `auth:refresh` result. */
export interface AuthRefreshResult {
  readonly userId: string;
  readonly expiresAt: number;
}
