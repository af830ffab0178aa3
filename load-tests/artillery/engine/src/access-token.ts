import { createHmac } from 'node:crypto';
import type { SeedFile } from './seed-file.js';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * An HS256 access token for `userId`, as the app's own identity provider would issue it (the
 * server trusts `JWT_SECRET`), valid for the seed's `tokenTtlS`.
 */
export function mintAccessToken(seed: SeedFile, userId: string, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ sub: userId, iss: seed.issuer, aud: seed.audience, iat, exp: iat + seed.tokenTtlS }));
  const signature = createHmac('sha256', seed.secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
