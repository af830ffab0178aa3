import { randomUUID } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { userIdSchema } from '../../protocol/ids.js';

/** Why a token was refused. */
export type TokenRefusal = 'token_invalid' | 'token_expired';

/** A verification failure with its reason. */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    readonly reason: TokenRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** A verified access token. */
export interface VerifiedToken {
  readonly userId: string;
  /** Epoch ms. */
  readonly expiresAt: number;
  /** Epoch ms of `iat`, or `null` when the token has none. */
  readonly issuedAt: number | null;
  /** `local` for our own HS256 tokens; `jwks` for the identity provider's. */
  readonly source: 'local' | 'jwks';
  /** A display name claim from the identity provider, if any. */
  readonly name: string | null;
}

/** What {@link AccessTokens} needs. */
export interface AccessTokenOptions {
  /** HS256 secret for tokens we issue; `null` when only an identity provider issues tokens. */
  readonly secret: string | null;
  readonly jwksUrl: string | null;
  readonly issuer: string;
  readonly audience: string;
  readonly ttlS: number;
  readonly now?: () => number;
}

/** Issues our short-lived access JWTs and verifies ours or the identity provider's. */
export class AccessTokens {
  private readonly key: Uint8Array | null;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | null;
  private readonly now: () => number;

  constructor(private readonly options: AccessTokenOptions) {
    this.key = options.secret === null ? null : new TextEncoder().encode(options.secret);
    this.jwks = options.jwksUrl === null ? null : createRemoteJWKSet(new URL(options.jwksUrl));
    this.now = options.now ?? Date.now;
  }

  /** Whether this server can issue tokens (it has a secret). */
  get canIssue(): boolean {
    return this.key !== null;
  }

  /** Issues an access token for `userId`. */
  async issue(userId: string): Promise<{ token: string; expiresAt: number }> {
    if (!this.key) throw new Error('no JWT_SECRET: this server only verifies tokens from JWKS_URL');
    const issuedAt = Math.floor(this.now() / 1000);
    const exp = issuedAt + this.options.ttlS;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(this.key);
    return { token, expiresAt: exp * 1000 };
  }

  /** Verifies `token`: signature, issuer, audience, expiry. Throws {@link TokenError}. */
  async verify(token: string): Promise<VerifiedToken> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new TokenError('token_invalid', 'the token is not a JWT');
    }
    const common = {
      issuer: this.options.issuer,
      audience: this.options.audience,
      requiredClaims: ['sub', 'exp'],
      currentDate: new Date(this.now()),
    };
    try {
      let payload: JWTPayload;
      let source: VerifiedToken['source'];
      if (alg === 'HS256' && this.key) {
        ({ payload } = await jwtVerify(token, this.key, { ...common, algorithms: ['HS256'] }));
        source = 'local';
      } else if (alg !== 'HS256' && this.jwks) {
        ({ payload } = await jwtVerify(token, this.jwks, { ...common, algorithms: ['RS256', 'ES256', 'EdDSA', 'PS256'] }));
        source = 'jwks';
      } else {
        throw new TokenError('token_invalid', `tokens signed with ${alg ?? 'no algorithm'} are not accepted here`);
      }
      // A signature vouches for who issued the token, not for the shape of its claims: a subject that
      // is not a string of our user-id alphabet (an object, a path, a 2 KB string) is refused here.
      const sub: unknown = payload.sub;
      if (typeof sub !== 'string' || !userIdSchema.safeParse(sub).success) {
        throw new TokenError('token_invalid', 'the token subject is not a valid user id');
      }
      const name = typeof payload['name'] === 'string' ? payload['name'] : null;
      const issuedAt = typeof payload.iat === 'number' ? payload.iat * 1000 : null;
      return { userId: sub, expiresAt: (payload.exp as number) * 1000, issuedAt, source, name };
    } catch (error) {
      if (error instanceof TokenError) throw error;
      if (error instanceof errors.JWTExpired) throw new TokenError('token_expired', 'the token has expired');
      throw new TokenError('token_invalid', 'the token is not valid');
    }
  }
}
