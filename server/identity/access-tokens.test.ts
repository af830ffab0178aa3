import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokens, TokenError } from './access-tokens.js';

const options = { secret: 'a'.repeat(40), jwksUrl: null, issuer: 'hugmood', audience: 'hugmood-realtime', ttlS: 60 };

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof TokenError) return error.reason;
    throw error;
  }
}

describe('access tokens', () => {
  it('issues tokens it verifies, with their expiry', async () => {
    const tokens = new AccessTokens(options);
    const { token, expiresAt } = await tokens.issue('user-1');
    expect(await tokens.verify(token)).toEqual({ userId: 'user-1', expiresAt, issuedAt: expect.any(Number) as number, source: 'local', name: null });
    expect(expiresAt - Date.now()).toBeGreaterThan(55_000);
  });

  it('refuses expired, foreign, tampered and malformed tokens with a reason', async () => {
    let now = Date.now();
    const tokens = new AccessTokens({ ...options, now: () => now });
    const { token } = await tokens.issue('user-1');
    now += 61_000;
    expect(await refusal(tokens.verify(token))).toBe('token_expired');
    now = Date.now();
    const other = await new AccessTokens({ ...options, secret: 'b'.repeat(40) }).issue('user-1');
    expect(await refusal(tokens.verify(other.token))).toBe('token_invalid');
    const wrongAudience = await new AccessTokens({ ...options, audience: 'other' }).issue('user-1');
    expect(await refusal(tokens.verify(wrongAudience.token))).toBe('token_invalid');
    const [h, p, s] = token.split('.') as [string, string, string];
    expect(await refusal(tokens.verify(`${h}.${p}x.${s}`))).toBe('token_invalid');
    expect(await refusal(tokens.verify('garbage'))).toBe('token_invalid');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`;
    expect(await refusal(tokens.verify(unsigned))).toBe('token_invalid');
  });

  it('refuses a validly signed token whose subject is not a user id (an object, a wrong alphabet)', async () => {
    const tokens = new AccessTokens(options);
    const key = new TextEncoder().encode(options.secret);
    const signed = (sub: unknown) =>
      new SignJWT({ sub } as Record<string, unknown>)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('hugmood')
        .setAudience('hugmood-realtime')
        .setExpirationTime('5m')
        .sign(key);
    expect(await refusal(tokens.verify(await signed({ $ne: null })))).toBe('token_invalid');
    expect(await refusal(tokens.verify(await signed(['u'])))).toBe('token_invalid');
    expect(await refusal(tokens.verify(await signed('../../etc')))).toBe('token_invalid');
    expect(await refusal(tokens.verify(await signed('x'.repeat(129))))).toBe('token_invalid');
    expect((await tokens.verify(await signed('user-1'))).userId).toBe('user-1');
  });

  describe('with an identity provider (JWKS_URL)', () => {
    let jwks: Server;
    let url: string;
    let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
    beforeAll(async () => {
      const pair = await generateKeyPair('ES256');
      privateKey = pair.privateKey;
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
      jwks = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: [jwk] }));
      });
      await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
      const address = jwks.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/jwks.json`;
    });
    afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

    const idpToken = (sub: string, aud = 'hugmood-realtime') =>
      new SignJWT({ name: 'Ida from the IdP' })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject(sub)
        .setIssuer('hugmood')
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);

    it('verifies the provider\'s tokens through its published keys', async () => {
      const tokens = new AccessTokens({ ...options, secret: null, jwksUrl: url });
      expect(tokens.canIssue).toBe(false);
      expect(await tokens.verify(await idpToken('auth0|42'))).toMatchObject({ userId: 'auth0|42', source: 'jwks', name: 'Ida from the IdP' });
      expect(await refusal(tokens.verify(await idpToken('auth0|42', 'elsewhere')))).toBe('token_invalid');
      // Without a secret, HS256 tokens are refused rather than checked against nothing.
      const local = await new AccessTokens(options).issue('user-1');
      expect(await refusal(tokens.verify(local.token))).toBe('token_invalid');
      await expect(tokens.issue('x')).rejects.toThrow(/JWT_SECRET/);
    });

    it('refuses provider subjects outside the user-id format', async () => {
      const tokens = new AccessTokens({ ...options, secret: null, jwksUrl: url });
      for (const sub of ['auth0 42', 'a/b', 'ü', 'x'.repeat(200), '']) {
        expect(await refusal(tokens.verify(await idpToken(sub))), JSON.stringify(sub)).toBe('token_invalid');
      }
    });

    it('accepts both kinds when both are configured', async () => {
      const tokens = new AccessTokens({ ...options, jwksUrl: url });
      expect((await tokens.verify(await idpToken('auth0|7'))).source).toBe('jwks');
      expect((await tokens.verify((await tokens.issue('u')).token)).source).toBe('local');
    });
  });
});
