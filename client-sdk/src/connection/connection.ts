import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { ClientToServerEvents } from '../../../protocol/command-map.js';
import { HANDSHAKE_REFUSALS, isErrorCode, type ProtocolError } from '../../../protocol/errors.js';
import type { DeviceKind } from '../../../protocol/types/presence.js';
import type { SessionEndedEvent, ServerToClientEvents } from '../../../protocol/server-events.js';
import { PROTOCOL_VERSION } from '../../../protocol/version.js';
import { parserFor, type WireFormat } from '../../../protocol/wire/wire-format.js';
import { Emitter } from '../emitter.js';
import { ClientClosedError, errorFromProtocol, HugMoodError, ProtocolVersionError, TimeoutError, UnauthorizedError, WireMismatchError } from '../errors.js';
import type { Logger } from '../logger.js';
import { type BackoffOptions, fullJitterDelay } from './backoff.js';
import { type ConnectionEvent, type ConnectionState, nextState } from './connection-state.js';

/** The typed Socket.IO client socket. */
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Creates the socket; injectable so tests can drive the connection. */
export type SocketFactory = (url: string, options: Partial<ManagerOptions & SocketOptions>) => ClientSocket;

/** Supplies an access token for each connection attempt and refresh. */
export type TokenProvider = () => string | Promise<string>;

/** What a {@link Connection} needs. */
export interface ConnectionOptions {
  readonly url: string;
  readonly getToken: TokenProvider;
  readonly wire: WireFormat;
  /** Read at each attempt: the id may come from storage after the client was made. */
  readonly deviceId: () => string;
  readonly deviceKind: DeviceKind;
  /** Runs after each token is obtained, before its handshake (the client loads the user's stored state on the first). */
  readonly prepare?: (token: string) => Promise<void>;
  readonly backoff: BackoffOptions;
  readonly connectTimeoutMs: number;
  readonly logger: Logger;
  readonly random?: () => number;
  readonly createSocket?: SocketFactory;
}

/** What a {@link Connection} reports. */
export interface ConnectionEvents {
  /** Every state change. */
  state: [state: ConnectionState, previous: ConnectionState];
  /** The socket is up; `reconnect` is false the first time. */
  connected: [info: { readonly reconnect: boolean }];
  /** An attempt failed (retried) or a fatal error closed the client. */
  error: [error: HugMoodError, info: { readonly fatal: boolean }];
  /** The server ended the session (token expired, shutdown); a reconnect follows unless closed. */
  'session-ended': [event: SessionEndedEvent];
}

// After this many handshakes in a row refused for an expired token, getToken() is not refreshing.
const MAX_EXPIRED_IN_A_ROW = 3;

const FATAL_REASONS: ReadonlySet<string> = new Set([
  HANDSHAKE_REFUSALS.tokenMissing,
  HANDSHAKE_REFUSALS.tokenInvalid,
  HANDSHAKE_REFUSALS.userUnknown,
  HANDSHAKE_REFUSALS.authInvalid,
  HANDSHAKE_REFUSALS.protocolVersion,
  HANDSHAKE_REFUSALS.wireMismatch,
]);

const defaultSocketFactory: SocketFactory = (url, options) => io(url, options);

/** The typed error for a fatal handshake refusal. */
function fatalError(reason: string, error: ProtocolError): HugMoodError {
  if (reason === HANDSHAKE_REFUSALS.protocolVersion) return new ProtocolVersionError('protocol_version', error.message, error.details);
  if (reason === HANDSHAKE_REFUSALS.wireMismatch) return new WireMismatchError('wire_mismatch', error.message, error.details);
  return errorFromProtocol(error);
}

function protocolErrorOf(error: Error): ProtocolError | null {
  const data = (error as Error & { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return null;
  const { code, message } = data as { code?: unknown; message?: unknown };
  return isErrorCode(code) && typeof message === 'string' ? (data as ProtocolError) : null;
}

/**
 * The connection as an explicit state machine:
 * `disconnected → connecting → connected ⇄ reconnecting → closed`. It asks `getToken()` before
 * every attempt, retries with full-jitter exponential backoff (never sooner than a server's
 * `retryAfterMs`), and stops (`closed`) on fatal handshake refusals: a missing or invalid token,
 * an unknown account, an unsupported protocol, the other wire format. An attempt that is not
 * connected within `connectTimeoutMs`, or whose connection closes during the handshake, is a
 * failed attempt and is retried like any other.
 */
export class Connection {
  readonly events: Emitter<ConnectionEvents>;
  readonly socket: ClientSocket;
  private current: ConnectionState = 'disconnected';
  private attempt = 0;
  private expiredInARow = 0;
  private connectedBefore = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attemptTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether a handshake is under way: its first outcome (connected, refused, closed, timed out) ends it. */
  private inFlight = false;
  /** The server asked to wait at least this long before the next attempt (`retryAfterMs`). */
  private waitAtLeastMs = 0;
  private fatal: HugMoodError | null = null;

  constructor(private readonly options: ConnectionOptions) {
    this.events = new Emitter((error) => options.logger.error('a connection listener threw', { error }));
    this.socket = (options.createSocket ?? defaultSocketFactory)(options.url, {
      transports: ['websocket'],
      reconnection: false,
      autoConnect: false,
      forceNew: true,
      multiplex: false,
      timeout: options.connectTimeoutMs,
      parser: parserFor(options.wire),
    });
    this.socket.on('connect', () => this.onOpened());
    this.socket.on('connect_error', (error) => this.onConnectError(error));
    this.socket.on('disconnect', (reason) => this.onDisconnect(reason));
    this.socket.on('session:ended', (event) => {
      options.logger.info('the server ended the session', { reason: event.reason });
      if (event.retryAfterMs !== undefined) this.waitAtLeastMs = event.retryAfterMs;
      this.events.emit('session-ended', event);
      if (event.reason === 'account_deleted') this.fail(new UnauthorizedError('unauthorized', 'the account was deleted'));
    });
  }

  /** The current state. */
  get state(): ConnectionState {
    return this.current;
  }

  /** The error that closed the connection, if one did. */
  get closedBy(): HugMoodError | null {
    return this.fatal;
  }

  /** Starts connecting. */
  start(): void {
    if (this.transition('start')) void this.attemptConnect();
  }

  /** Closes for good. Pending waits reject with {@link ClientClosedError}. */
  close(): void {
    clearTimeout(this.retryTimer);
    this.endAttempt();
    if (this.transition('close')) this.socket.disconnect();
  }

  /** Resolves once connected; rejects when closed, or after `timeoutMs`. */
  whenConnected(timeoutMs: number): Promise<void> {
    if (this.current === 'connected') return Promise.resolve();
    if (this.current === 'closed') return Promise.reject(this.closedError());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new TimeoutError('timeout', `not connected within ${timeoutMs} ms (state: ${this.current})`));
      }, timeoutMs);
      const off = this.events.on('state', (state) => {
        if (state !== 'connected' && state !== 'closed') return;
        clearTimeout(timer);
        off();
        if (state === 'connected') resolve();
        else reject(this.closedError());
      });
    });
  }

  private closedError(): HugMoodError {
    return this.fatal ?? new ClientClosedError('closed', 'the client is closed');
  }

  private transition(event: ConnectionEvent): boolean {
    const next = nextState(this.current, event);
    if (next === null) return false;
    const previous = this.current;
    this.current = next;
    if (next !== previous) this.events.emit('state', next, previous);
    return true;
  }

  private async attemptConnect(): Promise<void> {
    let token: string;
    try {
      token = await this.options.getToken();
      await this.options.prepare?.(token);
    } catch (error) {
      // A typed refusal that will not change (a wrong password, a revoked session) is final; anything else is retried.
      if (error instanceof HugMoodError && !error.temporary) return this.fail(error);
      if (error instanceof HugMoodError && error.retryAfterMs !== undefined) this.waitAtLeastMs = error.retryAfterMs;
      this.options.logger.warn('getting an access token failed; will retry', { error });
      this.retry(error instanceof HugMoodError ? error : new UnauthorizedError('unauthorized', `getToken() failed: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    if (this.current !== 'connecting' && this.current !== 'reconnecting') return;
    this.socket.auth = { token, v: PROTOCOL_VERSION, deviceId: this.options.deviceId(), deviceKind: this.options.deviceKind };
    this.inFlight = true;
    clearTimeout(this.attemptTimer);
    this.attemptTimer = setTimeout(() => this.onAttemptTimeout(), this.options.connectTimeoutMs);
    this.socket.connect();
  }

  /** Ends the handshake under way; false when none was (a late or duplicate outcome). */
  private endAttempt(): boolean {
    clearTimeout(this.attemptTimer);
    const was = this.inFlight;
    this.inFlight = false;
    return was;
  }

  private onAttemptTimeout(): void {
    if (!this.endAttempt() || this.current === 'closed') return;
    // Not connected in time (a server that accepted the connection but never answered): drop it.
    this.socket.disconnect();
    this.retry(new TimeoutError('timeout', `not connected within ${this.options.connectTimeoutMs} ms`));
  }

  private onOpened(): void {
    this.endAttempt();
    this.attempt = 0;
    this.expiredInARow = 0;
    if (!this.transition('opened')) return;
    const reconnect = this.connectedBefore;
    this.connectedBefore = true;
    this.events.emit('connected', { reconnect });
  }

  private onConnectError(error: Error): void {
    if (!this.endAttempt() || this.current === 'closed') return;
    const protocolError = protocolErrorOf(error);
    const reason = protocolError?.details?.['reason'];
    if (protocolError && typeof reason === 'string' && FATAL_REASONS.has(reason)) return this.fail(fatalError(reason, protocolError));
    if (protocolError?.retryAfterMs !== undefined) this.waitAtLeastMs = protocolError.retryAfterMs;
    if (reason === HANDSHAKE_REFUSALS.tokenExpired) {
      this.expiredInARow += 1;
      if (this.expiredInARow >= MAX_EXPIRED_IN_A_ROW) {
        return this.fail(new UnauthorizedError('unauthorized', `getToken() returned an expired token ${this.expiredInARow} times in a row`));
      }
    }
    const typed = protocolError ? errorFromProtocol(protocolError) : new HugMoodError('unavailable', `connection failed: ${error.message}`);
    this.retry(typed);
  }

  private onDisconnect(reason: Socket.DisconnectReason): void {
    if (this.current === 'closed') return;
    if (this.endAttempt()) {
      // Closed during the handshake (the server died, or cut the connection before answering).
      this.options.logger.info('connection closed during the handshake', { reason });
      return this.retry(new HugMoodError('unavailable', `the connection closed during the handshake (${reason})`));
    }
    if (this.current !== 'connected') return;
    this.options.logger.info('connection lost', { reason });
    if (this.transition('lost')) this.scheduleAttempt();
  }

  private retry(error: HugMoodError): void {
    this.events.emit('error', error, { fatal: false });
    if (this.transition('failed')) this.scheduleAttempt();
  }

  private fail(error: HugMoodError): void {
    if (this.current === 'closed') return;
    this.fatal = error;
    this.endAttempt();
    clearTimeout(this.retryTimer);
    this.options.logger.error('connection refused for good', { code: error.code, message: error.message });
    this.events.emit('error', error, { fatal: true });
    if (this.transition('fatal')) this.socket.disconnect();
  }

  private scheduleAttempt(): void {
    clearTimeout(this.retryTimer);
    const delay = Math.max(fullJitterDelay(this.attempt, this.options.backoff, this.options.random), this.waitAtLeastMs);
    this.waitAtLeastMs = 0;
    this.attempt += 1;
    this.options.logger.debug('next connection attempt scheduled', { delayMs: delay, attempt: this.attempt });
    this.retryTimer = setTimeout(() => void this.attemptConnect(), delay);
  }
}
