import { SignJWT } from 'jose';

/** The secret test servers started with {@link TEST_JWT_SECRET} sign with. */
export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/** Signs an access token the way the server does, with any expiry (past ones too). */
export function signAccessToken(userId: string, expiresInS: number, secret = TEST_JWT_SECRET, claims: { iss?: string; aud?: string } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer(claims.iss ?? 'hugmood')
    .setAudience(claims.aud ?? 'hugmood-realtime')
    .setIssuedAt(now - 10)
    .setExpirationTime(now + expiresInS)
    .sign(new TextEncoder().encode(secret));
}
