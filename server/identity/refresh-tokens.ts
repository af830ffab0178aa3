import { createHash, randomBytes } from 'node:crypto';

/** A new opaque refresh token: 256 random bits. Only its hash is stored. */
export function newRefreshToken(): string {
  return `rt_${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a refresh token. SHA-256 suffices: the token is random, not a password. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
