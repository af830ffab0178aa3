import type { CommandInput, CommandName, CommandResults } from '../../protocol/command-map.js';
import type { DeviceKind } from '../../protocol/types/presence.js';
import type { SessionEndedEvent } from '../../protocol/server-events.js';
import type { WireFormat } from '../../protocol/wire/wire-format.js';
import { Commands } from './commands.js';
import { type BackoffOptions, DEFAULT_BACKOFF } from './connection/backoff.js';
import { Connection, type SocketFactory, type TokenProvider } from './connection/connection.js';
import type { ConnectionState } from './connection/connection-state.js';
import type { AuthOptions } from './auth/auth-options.js';
import { AuthHttp, type FetchLike } from './auth/auth-http.js';
import { TokenSession } from './auth/token-session.js';
import { tokenSubject } from './auth/token-subject.js';
import { randomDeviceId } from './device-id.js';
import type { Unsubscribe } from './emitter.js';
import type { HugMoodError } from './errors.js';
import { ServerClock } from './clock/clock.js';
import { FriendsApi } from './friends.js';
import { GroupHugsApi } from './group-hugs/group-hugs.js';
import { HugsApi } from './hugs/hugs.js';
import { Outbox } from './hugs/outbox.js';
import { QueuedCommands } from './hugs/queued-commands.js';
import { followVisibility } from './lifecycle/visibility.js';
import { type Logger, silentLogger } from './logger.js';
import { MoodsApi } from './moods/moods.js';
import { DevicesApi } from './notifications/devices.js';
import { FeedApi } from './feed/feed.js';
import { NotificationsApi } from './notifications/notifications.js';
import { type AppState, PresenceApi } from './presence/presence.js';
import { PrivacyApi } from './privacy.js';
import { ProfileApi } from './profile.js';
import { ClientPersistence } from './session/client-persistence.js';
import { OwnProfile } from './session/own-profile.js';
import { PersistedState } from './storage/persisted-state.js';
import { memoryStorage, type StorageAdapter } from './storage/storage-adapter.js';
import type { Profile } from '../../protocol/types/profile.js';

/** Options of {@link HugMoodClient.connect}. */
export interface HugMoodClientOptions {
  /** The server's base URL, e.g. `https://rt.hugmood.app`. */
  readonly url: string;
  /**
   * How to sign in: `{ username, password }` (with `signUp: true` to register), `{ refreshToken }`,
   * `'stored'` (the session a previous start kept in `storage`), or a function returning your
   * identity provider's access tokens. Give this or `getToken`.
   */
  readonly auth?: AuthOptions;
  /**
   * Returns a valid access token (the same as `auth` given a function). Called before every
   * connection attempt and when the server warns that the current token is about to expire, so
   * return a fresh one (refresh it yourself).
   */
  readonly getToken?: TokenProvider;
  /**
   * Where the device id, the session's refresh token, the inbox cursor, the unread count and the
   * offline outbox survive a restart: `webStorage()` in browsers, AsyncStorage in React Native.
   * Default: `memoryStorage()` (nothing survives the process).
   */
  readonly storage?: StorageAdapter;
  /** The prefix of the SDK's keys in `storage`. Default `hugmood`. */
  readonly storageKey?: string;
  /** Set presence `away` while the page is hidden (browsers only). Default true. */
  readonly followVisibility?: boolean;
  /** The `fetch` used for `/v1/auth/*`. Default: the platform's. */
  readonly fetch?: FetchLike;
  /** Must match the server's `WIRE`. Default `msgpack`. */
  readonly wire?: WireFormat;
  /** A stable id for this device. Default: the one in `storage`, else a new one (stored). */
  readonly deviceId?: string;
  readonly deviceKind?: DeviceKind;
  /** Reconnect backoff (full jitter). Default: first retry within 300 ms, at most 10 s apart. */
  readonly backoff?: Partial<BackoffOptions>;
  /** How long one command may wait for the connection and its answer. Default 10 s. */
  readonly requestTimeoutMs?: number;
  /**
   * Where the inbox resumes, if you persist `client.hugs.cursor` yourself. Default: the cursor in
   * `storage`, else 0 (the first connect reports everything in the inbox).
   */
  readonly inboxCursor?: number;
  /** Sends (hugs, requests, mood records) that may wait for a connection at once. Default 100. */
  readonly maxOfflineSends?: number;
  /** How long a send may wait for a connection before it fails. Default 5 min. */
  readonly offlineSendTimeoutMs?: number;
  /** How long one connection attempt may take. Default 10 s. */
  readonly connectTimeoutMs?: number;
  readonly logger?: Logger;
  /** `time:sync` exchanges per clock sync. Default 16. */
  readonly clockSyncSamples?: number;
  /** @internal Tests inject the socket. */
  readonly createSocket?: SocketFactory;
  /** @internal Tests make the jitter deterministic. */
  readonly random?: () => number;
}

/**
 * The HugMood real-time client. One instance holds one connection, reconnects on its own, and
 * restores presence watches after every reconnect.
 *
 * @example
 * ```ts
 * import { HugMoodClient } from '@hugmood/client';
 *
 * const client = HugMoodClient.connect({
 *   url: 'https://rt.hugmood.app',
 *   getToken: () => auth.freshAccessToken(),
 * });
 * client.onStateChange((state) => setConnectionBanner(state));
 * await client.whenConnected();
 * await client.presence.watch([friendId]);
 * ```
 */
export class HugMoodClient {
  /** Presence: watch users, observe statuses, set your own. */
  readonly presence: PresenceApi;
  /** Friend requests and the friends list. */
  readonly friends: FriendsApi;
  /** Profiles. */
  readonly profile: ProfileApi;
  /** Privacy settings. */
  readonly privacy: PrivacyApi;
  /** Hugs: send, receive exactly once, read, request, history. */
  readonly hugs: HugsApi;
  /** Group hugs: create, invite, join, squeeze in sync, follow each through a handle. */
  readonly groupHugs: GroupHugsApi;
  /** Moods: record (queued with hugs while offline), streaks, history, insights, and friends' moods live. */
  readonly moods: MoodsApi;
  /** The notification centre: list, read, delete, the unread count (observable), live `new`, and preferences. */
  readonly notifications: NotificationsApi;
  /** This device, registered for push while the app is closed (Web Push, FCM, APNs). */
  readonly devices: DevicesApi;
  /** Your friends' activity: pages, and new items live. */
  readonly feed: FeedApi;
  /** The server's clock (NTP-style sync), for synchronized animations. */
  readonly clock: ServerClock;

  private readonly connection: Connection;
  private readonly commands: Commands;
  private readonly logger: Logger;
  private readonly getToken: TokenProvider;
  private readonly session: TokenSession | null;
  private readonly persistence: ClientPersistence;
  private readonly queued: QueuedCommands;
  private readonly ownProfile: OwnProfile;
  private deviceIdValue: string;
  private userIdValue: string | null = null;
  private stopFollowingVisibility: () => void = () => undefined;

  private constructor(private readonly options: HugMoodClientOptions) {
    this.logger = options.logger ?? silentLogger;
    const persisted = new PersistedState(options.storage ?? memoryStorage(), options.storageKey ?? 'hugmood', this.logger);
    this.persistence = new ClientPersistence(persisted, this.logger);
    this.deviceIdValue = options.deviceId ?? randomDeviceId();
    const auth = options.auth ?? options.getToken;
    if (auth === undefined) throw new TypeError('HugMoodClient.connect(): give `auth` (or `getToken`)');
    if (options.auth !== undefined && options.getToken !== undefined) throw new TypeError('HugMoodClient.connect(): give `auth` or `getToken`, not both');
    if (typeof auth === 'function') {
      this.session = null;
      this.getToken = auth;
    } else {
      const fetchImpl = options.fetch ?? (globalThis as { fetch?: FetchLike }).fetch;
      if (!fetchImpl) throw new TypeError('HugMoodClient.connect(): no fetch on this platform; pass `fetch`');
      const session = new TokenSession(auth, new AuthHttp(options.url, (url, init) => fetchImpl(url, init)), persisted, this.logger, (token) => void this.pushToken(token));
      this.session = session;
      this.getToken = () => session.accessToken();
    }
    this.connection = new Connection({
      url: options.url,
      getToken: this.getToken,
      prepare: (token) => this.prepare(token),
      wire: options.wire ?? 'msgpack',
      deviceId: () => this.deviceIdValue,
      deviceKind: options.deviceKind ?? 'unknown',
      backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      logger: this.logger,
      ...(options.random ? { random: options.random } : {}),
      ...(options.createSocket ? { createSocket: options.createSocket } : {}),
    });
    this.commands = new Commands(this.connection, options.requestTimeoutMs ?? 10_000);
    this.presence = new PresenceApi(this.commands, this.connection, this.logger);
    this.friends = new FriendsApi(this.commands, this.connection, this.logger);
    this.profile = new ProfileApi(this.commands, this.connection, this.logger);
    this.privacy = new PrivacyApi(this.commands, this.connection, this.logger);
    const outbox = new Outbox(this.connection, {
      maxPending: options.maxOfflineSends ?? 100,
      maxWaitMs: options.offlineSendTimeoutMs ?? 300_000,
      maxAttempts: 8,
      backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
      onChange: (sends) => this.persistence.outboxChanged(sends),
    });
    this.queued = new QueuedCommands(outbox, this.commands);
    this.hugs = new HugsApi(this.commands, this.connection, this.queued, this.logger, options.inboxCursor ?? 0);
    // One outbox: hugs and moods made offline go out in the order they were made.
    this.moods = new MoodsApi(this.commands, this.connection, this.queued, this.logger);
    this.clock = new ServerClock({
      exchange: async () => (await this.commands.send('time:sync', {}, 5000)).serverTime,
      logger: this.logger,
      ...(options.clockSyncSamples === undefined ? {} : { samplesPerSync: options.clockSyncSamples }),
    });
    // Sync on every connect and reconnect (a new node, maybe a new route), then periodically.
    this.connection.events.on('connected', () => this.clock.start());
    this.connection.events.on('state', (state) => {
      if (state !== 'connected') this.clock.stop();
    });
    this.groupHugs = new GroupHugsApi(this.commands, this.connection, this.hugs, () => this.clock.now(), this.logger);
    this.notifications = new NotificationsApi(this.commands, this.connection, () => this.clock.now(), this.logger);
    this.hugs.routeNotifications((entry, source) => this.notifications.deliver(entry, source));
    this.devices = new DevicesApi(this.commands);
    this.feed = new FeedApi(this.commands, this.connection, this.logger);
    this.ownProfile = new OwnProfile(this.commands, this.connection, () => this.userIdValue, this.logger);
    this.connection.socket.on('auth:expiring', () => void this.refreshToken());
  }

  /** The id this client presents as its device (the stored one once the client has started). */
  get deviceId(): string {
    return this.deviceIdValue;
  }

  /**
   * The signed-in user's id: known once the first access token is in (at once for `auth: 'stored'`).
   * @example
   * ```ts
   * const mine = feed.items.filter((item) => item.userId === client.userId);
   * ```
   */
  get userId(): string | null {
    return this.userIdValue;
  }

  /**
   * The signed-in user's profile: read from the first time you ask (null until it arrives; listen
   * with {@link onMeChange}), then on every connect, and kept current when it is edited on any device.
   * @example
   * ```ts
   * greeting.textContent = `Hello, ${client.me?.displayName ?? 'friend'}`;
   * ```
   */
  get me(): Profile | null {
    return this.ownProfile.get();
  }

  /**
   * Calls `listener` whenever {@link me} changes.
   * @example
   * ```ts
   * client.onMeChange((me) => setName(me.displayName));
   * ```
   */
  onMeChange(listener: (me: Profile) => void): Unsubscribe {
    return this.ownProfile.subscribe(listener);
  }

  /**
   * Tells the SDK whether the app is in the foreground; in the background your friends see this
   * device `away`. Browsers are wired to the page's visibility already; call it from React
   * Native's `AppState`.
   *
   * @example
   * ```ts
   * AppState.addEventListener('change', (s) => client.setAppState(s === 'active' ? 'active' : 'background'));
   * ```
   */
  setAppState(state: AppState): Promise<void> {
    return this.presence.setAppState(state);
  }

  /**
   * Signs out: ends the session on the server (with the SDK's own sign-in), forgets it and this
   * user's stored state on the device, and closes the client.
   *
   * @example
   * ```ts
   * await client.logout();
   * ```
   */
  async logout(): Promise<void> {
    this.persistence.forgetUser();
    this.close();
    await this.session?.logout();
    await this.persistence.flush();
  }

  /**
   * Resolves once everything the SDK saved to `storage` is written (call before a test or a
   * process ends; apps need not).
   *
   * @example
   * ```ts
   * client.close();
   * await client.flushStorage();
   * ```
   */
  flushStorage(): Promise<void> {
    return this.persistence.flush();
  }

  /**
   * Creates a client and starts connecting. Returns at once; observe {@link state} or await
   * {@link whenConnected}.
   *
   * @example
   * ```ts
   * const client = HugMoodClient.connect({ url, getToken: async () => tokens.access, wire: 'msgpack' });
   * ```
   */
  static connect(options: HugMoodClientOptions): HugMoodClient {
    const client = new HugMoodClient(options);
    void client.begin();
    return client;
  }

  /** Restores what storage holds (the device id; the user's state when already known), then connects. */
  private async begin(): Promise<void> {
    try {
      this.deviceIdValue = await this.persistence.deviceId(this.options.deviceId);
      const known = await this.session?.knownUserId();
      if (known) await this.restoreUser(known);
    } catch (error) {
      this.logger.warn('restoring the stored state failed; starting afresh', { error });
    }
    if (this.options.followVisibility !== false && this.state !== 'closed') {
      this.stopFollowingVisibility = followVisibility((state) => {
        this.presence.setAppState(state).catch((error: unknown) => this.logger.warn('setting presence for the app state failed', { error, state }));
      });
    }
    this.connection.start();
  }

  /** Before each handshake: on the first, the user the token names and their stored state. */
  private async prepare(token: string): Promise<void> {
    const userId = this.session?.userId ?? tokenSubject(token);
    if (userId !== null) await this.restoreUser(userId);
  }

  private async restoreUser(userId: string): Promise<void> {
    this.userIdValue ??= userId;
    await this.persistence.loadUser(userId, { hugs: this.hugs, notifications: this.notifications, queued: this.queued });
  }

  /** Hands a token the session refreshed on its own to the live connection. */
  private async pushToken(token: string): Promise<void> {
    if (this.connection.state !== 'connected') return;
    try {
      await this.commands.send('auth:refresh', { token });
    } catch (error) {
      this.logger.warn('handing the refreshed access token to the server failed', { error });
    }
  }

  /**
   * The connection state: `disconnected`, `connecting`, `connected`, `reconnecting` or `closed`.
   * @example
   * ```ts
   * if (client.state !== 'connected') showOfflineBanner();
   * ```
   */
  get state(): ConnectionState {
    return this.connection.state;
  }

  /**
   * The fatal error that closed the client, if one did.
   * @example
   * ```ts
   * if (client.closedBy instanceof UnauthorizedError) await signInAgain();
   * ```
   */
  get closedBy(): HugMoodError | null {
    return this.connection.closedBy;
  }

  /**
   * Calls `listener` on every state change.
   *
   * @example
   * ```ts
   * client.onStateChange((state, previous) => banner.show(state !== 'connected'));
   * ```
   */
  onStateChange(listener: (state: ConnectionState, previous: ConnectionState) => void): Unsubscribe {
    return this.connection.events.on('state', listener);
  }

  /**
   * Calls `listener` on connection errors: each failed attempt (`fatal: false`, retried) and the
   * error that closes the client (`fatal: true`).
   *
   * @example
   * ```ts
   * client.onError((error, { fatal }) => fatal && signOut(error));
   * ```
   */
  onError(listener: (error: HugMoodError, info: { readonly fatal: boolean }) => void): Unsubscribe {
    return this.connection.events.on('error', listener);
  }

  /**
   * Calls `listener` when the server ends the session (`token_expired`, `server_shutdown`). The
   * client reconnects by itself afterwards.
   *
   * @example
   * ```ts
   * client.onSessionEnded(({ reason }) => console.info('session ended:', reason));
   * ```
   */
  onSessionEnded(listener: (event: SessionEndedEvent) => void): Unsubscribe {
    return this.connection.events.on('session-ended', listener);
  }

  /**
   * Resolves once connected; rejects if the client closes first or after `timeoutMs`.
   *
   * @example
   * ```ts
   * await client.whenConnected(5_000);
   * ```
   */
  whenConnected(timeoutMs = this.options.connectTimeoutMs ?? 10_000): Promise<void> {
    return this.connection.whenConnected(timeoutMs);
  }

  /**
   * Sends any protocol command by name, fully typed from `protocol/`. The feature APIs
   * (`presence`, `friends`, ...) are built on it.
   *
   * @example
   * ```ts
   * const list = await client.request('friends:list', {});
   * ```
   */
  request<N extends CommandName>(name: N, payload: CommandInput<N>, timeoutMs?: number): Promise<CommandResults[N]> {
    return this.commands.send(name, payload, timeoutMs);
  }

  /**
   * Closes the connection for good.
   *
   * @example
   * ```ts
   * client.close();
   * ```
   */
  close(): void {
    this.stopFollowingVisibility();
    this.session?.close();
    this.connection.close();
  }

  private async refreshToken(): Promise<void> {
    try {
      const token = await this.getToken();
      await this.commands.send('auth:refresh', { token });
      this.logger.debug('access token refreshed on the live connection');
    } catch (error) {
      // The server ends the session at expiry; the reconnect then asks getToken() again.
      this.logger.warn('refreshing the access token failed', { error });
    }
  }
}
