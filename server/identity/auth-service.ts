import { randomUUID } from 'node:crypto';
import { CommandError } from '../../domain/command-error.js';
import type { TokenPair } from '../../protocol/schemas/auth.js';
import { DEFAULT_PRIVACY } from '../../protocol/schemas/privacy.js';
import type { Store } from '../../persistence/store/store.js';
import type { RateLimiter, RateRule } from '../rate-limit/rate-limiter.js';
import type { AccessTokens } from './access-tokens.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher.js';
import { hashRefreshToken, newRefreshToken } from './refresh-tokens.js';

/** What {@link AuthService} is built from. */
export interface AuthServiceDeps {
  readonly store: Store;
  readonly tokens: AccessTokens;
  readonly limiter: RateLimiter;
  readonly refreshTtlS: number;
  /** Per username and client address. */
  readonly loginRule: RateRule;
  /** Per client address, for every auth request. */
  readonly requestRule: RateRule;
  readonly now?: () => number;
}

const INVALID_CREDENTIALS = 'invalid username or password';
const INVALID_REFRESH = 'the refresh token is not valid';

/**
 * Local accounts: register, login, refresh with rotation, logout. Wrong credentials get one
 * generic answer and are rate limited per username and client address; reusing a rotated refresh
 * token revokes its whole family (every token descended from that login).
 */
export class AuthService {
  private readonly now: () => number;

  constructor(private readonly deps: AuthServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Creates an account and signs it in. */
  async register(input: { username: string; password: string; displayName?: string | undefined }, client: string): Promise<TokenPair> {
    await this.limit(client, this.deps.requestRule);
    const id = randomUUID();
    const outcome = await this.deps.store.users.create({
      id,
      username: input.username,
      passwordHash: await hashPassword(input.password),
      displayName: input.displayName ?? input.username,
      privacy: DEFAULT_PRIVACY,
      createdAt: this.now(),
    });
    if (outcome === 'username_taken') throw new CommandError('conflict', 'that username is taken', { field: 'username' });
    return this.issuePair(id, randomUUID());
  }

  /** Signs in with a username and password. */
  async login(input: { username: string; password: string }, client: string): Promise<TokenPair> {
    await this.limit(client, this.deps.requestRule);
    await this.limit(`${client}|${input.username}`, this.deps.loginRule);
    const user = await this.deps.store.users.findByUsername(input.username);
    const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !user.passwordHash || !ok) throw new CommandError('unauthorized', INVALID_CREDENTIALS);
    return this.issuePair(user.id, randomUUID());
  }

  /** Trades a refresh token for a new pair; the old token is spent. */
  async refresh(refreshToken: string, client: string): Promise<TokenPair> {
    await this.limit(client, this.deps.requestRule);
    const { refreshTokens } = this.deps.store;
    const record = await refreshTokens.findByHash(hashRefreshToken(refreshToken));
    const now = this.now();
    if (!record || record.revokedAt !== null || record.expiresAt <= now) throw new CommandError('unauthorized', INVALID_REFRESH);
    if (!(await refreshTokens.markRotated(record.id, now))) {
      // Already rotated: someone replayed an old token. Whoever holds the family may be an attacker.
      await refreshTokens.revokeFamily(record.familyId, now);
      throw new CommandError('unauthorized', INVALID_REFRESH, { reason: 'refresh_token_reused' });
    }
    return this.issuePair(record.userId, record.familyId);
  }

  /** Revokes the login that `refreshToken` belongs to. Unknown tokens are ignored. */
  async logout(refreshToken: string): Promise<void> {
    const record = await this.deps.store.refreshTokens.findByHash(hashRefreshToken(refreshToken));
    if (record) await this.deps.store.refreshTokens.revokeFamily(record.familyId, this.now());
  }

  private async issuePair(userId: string, familyId: string): Promise<TokenPair> {
    const access = await this.deps.tokens.issue(userId);
    const refreshToken = newRefreshToken();
    const now = this.now();
    const refreshTokenExpiresAt = now + this.deps.refreshTtlS * 1000;
    await this.deps.store.refreshTokens.insert({
      id: randomUUID(),
      familyId,
      userId,
      tokenHash: hashRefreshToken(refreshToken),
      createdAt: now,
      expiresAt: refreshTokenExpiresAt,
      rotatedAt: null,
      revokedAt: null,
    });
    return { userId, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt };
  }

  private async limit(key: string, rule: RateRule): Promise<void> {
    const decision = await this.deps.limiter.consume(key, rule);
    if (!decision.allowed) {
      throw new CommandError('rate_limited', 'too many attempts; wait before trying again', undefined, decision.retryAfterMs);
    }
  }
}
