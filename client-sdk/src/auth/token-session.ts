import type { TokenPair } from '../../../protocol/types/auth.js';
import { HugMoodError, UnauthorizedError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { PersistedState } from '../storage/persisted-state.js';
import type { PasswordAuth, RefreshTokenAuth } from './auth-options.js';
import type { AuthHttp } from './auth-http.js';

/** How the session starts: with a password, a refresh token, or what the storage kept. */
export type SessionStart = PasswordAuth | RefreshTokenAuth | 'stored';

/** Refresh this long before the access token expires: a fifth of its life, between 5 s and 60 s. */
function refreshMargin(pair: TokenPair, issuedAt: number): number {
  return Math.min(60_000, Math.max(5_000, (pair.accessTokenExpiresAt - issuedAt) / 5));
}

/**
 * The SDK's own sign-in for the server's accounts: logs in (or signs up), hands the connection
 * fresh access tokens, refreshes them before they expire (a timer, and whenever a token is asked
 * for near its expiry), and keeps the rotating refresh token in the app's storage so the next
 * start resumes with `auth: 'stored'`.
 *
 * Tabs of one browser share the stored session: before it refreshes, a session reads the stored
 * refresh token, and uses it when another tab has rotated the one it holds (presenting a rotated
 * token after the server's grace window would end the session everywhere).
 *
 * A refusal (`unauthorized`: wrong password, a revoked or expired refresh token; `conflict`: the
 * username is taken) is final: the stored session is cleared and the error closes the client.
 * An unreachable server or a rate limit is temporary: the connection retries.
 */
export class TokenSession {
  private pair: TokenPair | null = null;
  private marginMs = 60_000;
  private start: SessionStart | null;
  private obtaining: Promise<TokenPair> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    start: SessionStart,
    private readonly http: AuthHttp,
    private readonly persisted: PersistedState,
    private readonly logger: Logger,
    /** Called with each access token a timer refresh obtains, to hand it to the live connection. */
    private readonly onRefreshed: (accessToken: string) => void,
  ) {
    this.start = start;
  }

  /** The signed-in user, once known (after the first token, or from the stored session). */
  get userId(): string | null {
    return this.pair?.userId ?? null;
  }

  /** The user id the session will be for, without the network: known for a stored session. */
  async knownUserId(): Promise<string | null> {
    if (this.pair) return this.pair.userId;
    if (this.start !== 'stored') return null;
    return (await this.persisted.session())?.userId ?? null;
  }

  /** A valid access token: the current one, or a fresh one when it is near its expiry. */
  async accessToken(): Promise<string> {
    const pair = this.pair;
    if (pair && pair.accessTokenExpiresAt - Date.now() > this.marginMs) return pair.accessToken;
    return (await this.obtain()).accessToken;
  }

  /** Ends the session on the server and forgets it on this device. */
  async logout(): Promise<void> {
    const pair = this.pair;
    this.close();
    this.pair = null;
    this.persisted.saveSession(null);
    if (pair) await this.http.logout(pair.refreshToken);
  }

  /** Stops refreshing (the client closed). The stored session stays for the next start. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private obtain(): Promise<TokenPair> {
    this.obtaining ??= this.exchange().finally(() => {
      this.obtaining = null;
    });
    return this.obtaining;
  }

  private async exchange(): Promise<TokenPair> {
    const issuedAt = Date.now();
    let pair: TokenPair;
    try {
      pair = await this.trade();
    } catch (error) {
      if (error instanceof HugMoodError && !error.temporary) {
        // Refused for good: nothing stored may be used again.
        this.pair = null;
        this.start = null;
        this.persisted.saveSession(null);
      }
      throw error;
    }
    this.pair = pair;
    this.start = null;
    this.marginMs = refreshMargin(pair, issuedAt);
    this.persisted.saveSession({ userId: pair.userId, refreshToken: pair.refreshToken, refreshTokenExpiresAt: pair.refreshTokenExpiresAt });
    this.schedule(pair);
    return pair;
  }

  /** One trade with the server: by password, by refresh token, or by the stored session's. */
  private async trade(): Promise<TokenPair> {
    const start = this.start;
    if (this.pair) return this.http.refresh(await this.latestRefreshToken(this.pair));
    if (start === null) throw new UnauthorizedError('unauthorized', 'the session has ended: sign in again');
    if (start === 'stored') {
      const stored = await this.persisted.session();
      if (!stored || stored.refreshTokenExpiresAt <= Date.now()) throw new UnauthorizedError('unauthorized', 'no stored session on this device: sign in', { reason: 'no_stored_session' });
      return this.http.refresh(stored.refreshToken);
    }
    if ('refreshToken' in start) return this.http.refresh(start.refreshToken);
    return start.signUp === true ? this.http.register(start.username, start.password, start.displayName) : this.http.login(start.username, start.password);
  }

  /** Our refresh token, or the one another tab of the same user rotated it to. */
  private async latestRefreshToken(pair: TokenPair): Promise<string> {
    const stored = await this.persisted.session();
    return stored && stored.userId === pair.userId && stored.refreshTokenExpiresAt > Date.now() ? stored.refreshToken : pair.refreshToken;
  }

  private schedule(pair: TokenPair): void {
    clearTimeout(this.timer);
    if (this.closed) return;
    const delay = Math.max(1_000, pair.accessTokenExpiresAt - Date.now() - this.marginMs);
    this.timer = setTimeout(() => {
      this.obtain().then(
        (next) => this.onRefreshed(next.accessToken),
        (error: unknown) => this.logger.warn('refreshing the session failed; the next connection asks again', { error }),
      );
    }, delay);
    // A timer must not keep a Node process alive on its own.
    (this.timer as { unref?: () => void }).unref?.();
  }
}
