import { randomUUID } from 'node:crypto';
import { invalidPayload } from '../../domain/invalid-payload.js';
import type { ErrorCode, ErrorDetails, HandshakeRefusal, ProtocolError } from '../../protocol/errors.js';
import { HANDSHAKE_REFUSALS } from '../../protocol/errors.js';
import { deviceKindSchema } from '../../protocol/ids.js';
import { handshakeAuthSchema } from '../../protocol/schemas/auth.js';
import { DEFAULT_PRIVACY } from '../../protocol/schemas/privacy.js';
import { isSupportedProtocolVersion, SUPPORTED_PROTOCOL_VERSIONS } from '../../protocol/version.js';
import { mismatchedWireOf } from '../../protocol/wire/wire-mismatch.js';
import type { UserRepository } from '../../persistence/store/user-repository.js';
import type { LogPort } from '../../rooms/log-port.js';
import { type AccessTokens, TokenError } from '../identity/access-tokens.js';
import type { Metrics } from '../observability/metrics.js';
import type { ConnectionCounter } from './connection-counter.js';
import type { FloodGuard } from './flood-guard.js';
import type { HugSocket } from './socket-types.js';

/** The error Socket.IO turns into the client's `connect_error`; `data` is what the client reads. */
export type HandshakeError = Error & { data: ProtocolError };

function refusal(code: ErrorCode, reason: HandshakeRefusal, message: string, details: ErrorDetails = {}, retryAfterMs?: number): HandshakeError {
  const error = new Error(message) as HandshakeError;
  error.data = { code, message, details: { reason, ...details }, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  return error;
}

/** What the handshake checks against. */
export interface HandshakeDeps {
  readonly tokens: AccessTokens;
  readonly users: UserRepository;
  readonly counter: ConnectionCounter;
  /** Users cut for flooding wait out their cooldown before connecting again. */
  readonly floodGuard: FloodGuard;
  readonly metrics: Metrics;
  readonly log: LogPort;
  readonly now?: () => number;
  /** Runs for an admitted socket before Socket.IO connects it (joining its user room). */
  readonly beforeConnect?: (socket: HugSocket) => Promise<void>;
}

/**
 * Gives back the user's connection slot that admitting `socket` took, once: on disconnect, or when
 * the client left between the handshake and the connect (Socket.IO then never connects the socket).
 * A flag on the socket's data, not listeners of its own, so an idle connection carries no closure.
 */
export function releaseConnectionSlot(socket: HugSocket, counter: ConnectionCounter): void {
  if (!socket.data.slotHeld) return;
  socket.data.slotHeld = false;
  counter.release(socket.data.userId);
}

/**
 * Closes the connection of a refused handshake once the refusal has gone out: a refused client
 * gets one answer, never a second try on the same connection. `setImmediate` runs after Socket.IO
 * has queued the CONNECT_ERROR packet (it does so on the next tick), and Engine.IO's close waits
 * for queued packets to be written.
 */
function closeAfterRefusal(socket: HugSocket): void {
  setImmediate(() => socket.conn.close());
}

/**
 * The Socket.IO middleware that admits a socket: protocol version, access token, the user's
 * existence (provisioning identity-provider users on first sight), and the per-user connection
 * cap. A refusal reaches the client as `connect_error` with `data: { code, message, details.reason }`.
 */
export function handshakeMiddleware(deps: HandshakeDeps): (socket: HugSocket, next: (err?: Error) => void) => void {
  const admit = async (socket: HugSocket): Promise<void> => {
    const auth: unknown = socket.handshake.auth;
    const clientWire = mismatchedWireOf(auth);
    if (clientWire !== null) {
      const serverWire = clientWire === 'json' ? 'msgpack' : 'json';
      throw refusal('invalid_payload', HANDSHAKE_REFUSALS.wireMismatch, `this server speaks the ${serverWire} wire format, the client ${clientWire}: set the client's wire to "${serverWire}"`, {
        clientWire,
        serverWire,
      });
    }
    const raw = (typeof auth === 'object' && auth !== null ? auth : {}) as Record<string, unknown>;
    if (!isSupportedProtocolVersion(raw['v'])) {
      throw refusal('invalid_payload', HANDSHAKE_REFUSALS.protocolVersion, 'unsupported protocol version: upgrade the client', {
        field: 'v',
        supported: [...SUPPORTED_PROTOCOL_VERSIONS],
      });
    }
    if (typeof raw['token'] !== 'string' || raw['token'] === '') {
      throw refusal('unauthorized', HANDSHAKE_REFUSALS.tokenMissing, 'an access token is required in auth.token');
    }
    const parsed = handshakeAuthSchema.safeParse(raw);
    if (!parsed.success) {
      const invalid = invalidPayload(parsed.error);
      throw refusal('invalid_payload', HANDSHAKE_REFUSALS.authInvalid, `auth.${invalid.message}`, { field: invalid.details?.['field'] ?? null });
    }
    let verified;
    try {
      verified = await deps.tokens.verify(parsed.data.token);
    } catch (error) {
      if (error instanceof TokenError) {
        throw refusal('unauthorized', error.reason === 'token_expired' ? HANDSHAKE_REFUSALS.tokenExpired : HANDSHAKE_REFUSALS.tokenInvalid, error.message);
      }
      throw error;
    }
    let user = await deps.users.findById(verified.userId);
    if (!user && verified.source === 'jwks') {
      user = await deps.users.ensureExternal(verified.userId, verified.name ?? verified.userId, DEFAULT_PRIVACY, (deps.now ?? Date.now)());
    }
    if (!user) throw refusal('unauthorized', HANDSHAKE_REFUSALS.userUnknown, 'the account of this token no longer exists');
    const cooldown = deps.floodGuard.cooldownOf(user.id);
    if (cooldown > 0) {
      throw refusal('rate_limited', HANDSHAKE_REFUSALS.rateLimited, 'a connection of yours was cut for flooding; wait before reconnecting', {}, cooldown);
    }
    if (!deps.counter.tryAcquire(user.id)) {
      throw refusal('forbidden', HANDSHAKE_REFUSALS.connectionLimit, 'too many open connections for this user');
    }
    const userId = user.id;
    const deviceId = parsed.data.deviceId;
    const kindAt = parsed.data.deviceKind === undefined ? -1 : deviceKindSchema.options.indexOf(parsed.data.deviceKind);
    socket.data = {
      userId,
      socketId: socket.id,
      // Own copies: strings decoded from the connect packet may be slices that keep all of it alive.
      deviceId: deviceId === undefined ? `conn-${randomUUID()}` : Buffer.from(deviceId, 'utf8').toString('utf8'),
      deviceChosen: deviceId !== undefined,
      deviceKind: deviceKindSchema.options[kindAt] ?? 'unknown',
      protocolVersion: raw['v'],
      tokenExpiresAt: verified.expiresAt,
      expiryDue: 0,
      expiryWarned: false,
      watching: null,
      refusals: 0,
      refusalsSince: 0,
      slotHeld: true,
    };
    // The token is a secret, and nothing needs the handshake's auth any more: drop it.
    socket.handshake.auth = {};
  };

  return (socket, next) => {
    admit(socket).then(
      async () => {
        try {
          await deps.beforeConnect?.(socket);
        } catch (error) {
          // A client gone meanwhile (uWS refuses to touch a closed socket): Socket.IO drops it after next().
          deps.log.debug({ err: error, userId: socket.data.userId }, 'before connect: failed');
        }
        next();
        // Socket.IO connects an admitted socket on the next tick, unless its client already left.
        setImmediate(() => {
          if (!socket.connected) releaseConnectionSlot(socket, deps.counter);
        });
      },
      (error: unknown) => {
        if (error instanceof Error && 'data' in error) {
          const reason = (error as HandshakeError).data.details?.['reason'];
          deps.metrics.handshakeRefusals.inc({ reason: typeof reason === 'string' ? reason : 'other' });
          next(error);
          return closeAfterRefusal(socket);
        }
        deps.log.error({ err: error }, 'handshake failed unexpectedly');
        deps.metrics.handshakeRefusals.inc({ reason: 'internal' });
        next(Object.assign(new Error('internal error'), { data: { code: 'internal', message: 'internal error' } }));
        closeAfterRefusal(socket);
      },
    );
  };
}
