import { randomUUID } from 'node:crypto';
import { CommandError } from '../../domain/command-error.js';
import type { TokenPair } from '../../protocol/schemas/auth.js';
import { DEFAULT_PRIVACY } from '../../protocol/schemas/privacy.js';
import type { Store } from '../../persistence/store/store.js';
import type { UserRecord } from '../../persistence/store/user-repository.js';
import type { RateLimiter, RateRule } from '../rate-limit/rate-limiter.js';
import type { AccessTokens, VerifiedToken } from './access-tokens.js';
import type { PasswordHasher } from './password-hasher.js';
import { hashRefreshToken, newRefreshToken } from './refresh-tokens.js';
import { openSuccessor, sealSuccessor } from './successor-seal.js';

/** What {@link AuthService} is built from. */
export interface AuthServiceDeps {
  readonly store: Store;
  readonly tokens: AccessTokens;
  readonly passwords: PasswordHasher;
  readonly limiter: RateLimiter;
  readonly refreshTtlS: number;
  /** Per username and client address. */
  readonly loginRule: RateRule;
  /** Per client address, for every auth request. */
  readonly requestRule: RateRule;
  /** How long a rotated refresh token still answers with the pair it was rotated to. */
  readonly reuseGraceMs: number;
  /** How recent an access token must be to delete an account without the password. */
  readonly freshTokenMs?: number;
  /** Hears each deleted account, after the store forgot it (to end its sessions everywhere). */
  readonly onAccountDeleted?: (userId: string) => void;
  readonly now?: () => number;
}

/** An access token of this age or younger confirms an account deletion on its own. */
export const FRESH_TOKEN_MS = 5 * 60 * 1000;

const INVALID_CREDENTIALS = 'invalid username or password';
const INVALID_REFRESH = 'the refresh token is not valid';

/**
 * Local accounts: register, login, refresh with rotation, logout, delete. Wrong credentials get
 * one generic answer and are rate limited per username and client address. A refresh token is
 * spent by its rotation; presented again within the grace window (a retry, a second tab) it gets
 * the same new pair, and after that it counts as reuse, which revokes its whole family (every
 * token descended from that login).
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
      passwordHash: await this.deps.passwords.hash(input.password),
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
    const { users } = this.deps.store;
    const { passwords } = this.deps;
    const user = await users.findByUsername(input.username);
    const check = await passwords.verify(input.password, user?.passwordHash ?? (await passwords.dummyHash()));
    if (!user || !user.passwordHash || !check.ok) throw new CommandError('unauthorized', INVALID_CREDENTIALS);
    // Made with weaker scrypt parameters than today's: replace it now that the password is at hand
    // (only if unchanged meanwhile).
    if (check.rehash) await users.replacePasswordHash(user.id, user.passwordHash, await passwords.hash(input.password));
    return this.issuePair(user.id, randomUUID());
  }

  /**
   * Trades a refresh token for a new pair; the old token is spent. Of concurrent trades of one
   * token exactly one rotates it; the others (and any repeat within the grace window) get the
   * pair it was rotated to. A token of a deleted account, or one presented again after the grace
   * window, is refused; the latter also revokes its family.
   */
  async refresh(refreshToken: string, client: string): Promise<TokenPair> {
    await this.limit(client, this.deps.requestRule);
    const { refreshTokens, users } = this.deps.store;
    const tokenHash = hashRefreshToken(refreshToken);
    const record = await refreshTokens.findByHash(tokenHash);
    const now = this.now();
    if (!record || record.revokedAt !== null || record.expiresAt <= now) throw new CommandError('unauthorized', INVALID_REFRESH);
    if (!(await users.findById(record.userId))) {
      await refreshTokens.revokeFamily(record.familyId, now);
      throw new CommandError('unauthorized', INVALID_REFRESH, { reason: 'account_deleted' });
    }
    if (record.rotatedAt === null) {
      const next = await this.mintPair(record.userId, record.familyId);
      if (await refreshTokens.markRotated(record.id, now, sealSuccessor(next.pair, refreshToken))) return next.pair;
      // Another trade of the same token won: ours is void, theirs is the answer.
      await refreshTokens.deleteById(next.recordId);
    }
    const successor = await this.successorWithinGrace(tokenHash, refreshToken, now);
    if (successor) return successor;
    // Presented again after its grace window: someone replayed an old token. Whoever holds the family may be an attacker.
    await refreshTokens.revokeFamily(record.familyId, now);
    throw new CommandError('unauthorized', INVALID_REFRESH, { reason: 'refresh_token_reused' });
  }

  /**
   * The pair a rotated token was rotated to, while a repeat may still have it: within the grace
   * window, and only while that pair's own refresh token is unused (a client that already moved on
   * to it is not retrying).
   */
  private async successorWithinGrace(tokenHash: string, refreshToken: string, now: number): Promise<TokenPair | null> {
    const { refreshTokens } = this.deps.store;
    const rotated = await refreshTokens.findByHash(tokenHash);
    if (!rotated?.successor || rotated.rotatedAt === null || rotated.revokedAt !== null || now - rotated.rotatedAt > this.deps.reuseGraceMs) return null;
    const pair = openSuccessor(rotated.successor, refreshToken);
    if (!pair) return null;
    const next = await refreshTokens.findByHash(hashRefreshToken(pair.refreshToken));
    return next && next.rotatedAt === null && next.revokedAt === null ? pair : null;
  }

  /**
   * Deletes the account behind `accessToken`. Confirmed by the account's password, or, for an
   * access token issued within {@link FRESH_TOKEN_MS}, by the token alone (accounts from an identity
   * provider have no password). Every token is revoked and the profile, friendships and presence
   * go; hugs others received stay, anonymised (see `AccountRepository`).
   */
  async deleteAccount(input: { accessToken: string | null; password: string | undefined }, client: string): Promise<void> {
    const { user, verified } = await this.authenticate(input.accessToken, client);
    const now = this.now();
    if (input.password !== undefined) {
      await this.limit(`${client}|${user.id}`, this.deps.loginRule);
      if (!user.passwordHash || !(await this.deps.passwords.verify(input.password, user.passwordHash)).ok) throw new CommandError('unauthorized', 'the password is not right', { field: 'password' });
    } else if (verified.issuedAt === null || now - verified.issuedAt > (this.deps.freshTokenMs ?? FRESH_TOKEN_MS)) {
      throw new CommandError('forbidden', 'confirm with the password, or with an access token issued in the last 5 minutes', { reason: 'confirmation_required' });
    }
    await this.deps.store.accounts.delete(user.id, now);
    this.deps.onAccountDeleted?.(user.id);
  }

  /** Revokes the login that `refreshToken` belongs to. Unknown tokens are ignored. */
  async logout(refreshToken: string): Promise<void> {
    const record = await this.deps.store.refreshTokens.findByHash(hashRefreshToken(refreshToken));
    if (record) await this.deps.store.refreshTokens.revokeFamily(record.familyId, this.now());
  }

  private async issuePair(userId: string, familyId: string): Promise<TokenPair> {
    return (await this.mintPair(userId, familyId)).pair;
  }

  /** A new access token and a new stored refresh token of `familyId`. */
  private async mintPair(userId: string, familyId: string): Promise<{ pair: TokenPair; recordId: string }> {
    const access = await this.deps.tokens.issue(userId);
    const refreshToken = newRefreshToken();
    const now = this.now();
    const refreshTokenExpiresAt = now + this.deps.refreshTtlS * 1000;
    const recordId = randomUUID();
    await this.deps.store.refreshTokens.insert({
      id: recordId,
      familyId,
      userId,
      tokenHash: hashRefreshToken(refreshToken),
      createdAt: now,
      expiresAt: refreshTokenExpiresAt,
      rotatedAt: null,
      revokedAt: null,
      successor: null,
    });
    return { pair: { userId, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt }, recordId };
  }

  /**
   * The account behind an HTTP request's access token (`Authorization: Bearer`), counted against the
   * client's auth requests: `unauthorized` without a valid token or once the account is gone.
   */
  async authenticate(accessToken: string | null, client: string): Promise<{ readonly user: UserRecord; readonly verified: VerifiedToken }> {
    await this.limit(client, this.deps.requestRule);
    if (!accessToken) throw new CommandError('unauthorized', 'an access token is required: Authorization: Bearer <token>');
    let verified;
    try {
      verified = await this.deps.tokens.verify(accessToken);
    } catch {
      throw new CommandError('unauthorized', 'the access token is not valid');
    }
    const user = await this.deps.store.users.findById(verified.userId);
    if (!user) throw new CommandError('unauthorized', 'the account of this token no longer exists');
    return { user, verified };
  }

  private async limit(key: string, rule: RateRule): Promise<void> {
    const decision = await this.deps.limiter.consume(key, rule);
    if (!decision.allowed) {
      throw new CommandError('rate_limited', 'too many attempts; wait before trying again', undefined, decision.retryAfterMs);
    }
  }
}
