import { SignJWT } from 'jose';

/** The secret test servers started with {@link TEST_JWT_SECRET} sign with. */
export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/** Claims a test may set on a token it signs. */
export interface TestTokenClaims {
  readonly iss?: string;
  readonly aud?: string;
  /** How long ago it was issued (`iat`), in seconds; 10 by default. */
  readonly issuedAgoS?: number;
  /** A `sub` of any shape, in place of the user id (to test what a signature does not vouch for). */
  readonly sub?: unknown;
}

/** Signs an access token the way the server does, with any expiry (past ones too). */
export function signAccessToken(userId: string, expiresInS: number, secret = TEST_JWT_SECRET, claims: TestTokenClaims = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const token = new SignJWT(claims.sub === undefined ? {} : ({ sub: claims.sub } as Record<string, unknown>))
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(claims.iss ?? 'hugmood')
    .setAudience(claims.aud ?? 'hugmood-realtime')
    .setIssuedAt(now - (claims.issuedAgoS ?? 10))
    .setExpirationTime(now + expiresInS);
  return (claims.sub === undefined ? token.setSubject(userId) : token).sign(new TextEncoder().encode(secret));
}
