import { DeadlineWheel } from './deadline-wheel.js';
import type { HugSocket } from './socket-types.js';

/** How often due clocks are looked at: warnings and ends come at most this late, never early. */
const TICK_MS = 250;

/**
 * Ends sockets whose access token expires. Shortly before expiry the socket gets `auth:expiring`;
 * a valid `auth:refresh` renews it; otherwise, at expiry, it gets `session:ended`
 * (`token_expired`) and is disconnected. All sockets share one timer (a deadline wheel), so an idle
 * connection costs a set entry here, not two timers.
 */
export class SessionExpiry {
  private readonly wheel: DeadlineWheel<HugSocket>;

  constructor(
    private readonly warningMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.wheel = new DeadlineWheel(TICK_MS, (socket, at) => this.due(socket, at), now);
  }

  /** Starts (or restarts) the clock of `socket` for `socket.data.tokenExpiresAt`. */
  track(socket: HugSocket): void {
    this.stop(socket);
    const clock = socket.data;
    // The clock lives on the socket's data: the deadline it waits for (warning, then expiry).
    clock.expiryWarned = false;
    clock.expiryDue = Math.max(this.now(), clock.tokenExpiresAt - this.warningMs);
    this.wheel.add(socket, clock.expiryDue);
  }

  /** Moves the socket to a new token's expiry. */
  renew(socket: HugSocket, expiresAt: number): void {
    socket.data.tokenExpiresAt = expiresAt;
    this.track(socket);
  }

  /** Cancels the socket's clock (on disconnect). */
  stop(socket: HugSocket): void {
    if (socket.data.expiryDue === 0) return;
    this.wheel.delete(socket, socket.data.expiryDue);
    socket.data.expiryDue = 0;
  }

  /** Stops every clock (shutdown). */
  close(): void {
    this.wheel.clear();
  }

  private due(socket: HugSocket, at: number): void {
    const clock = socket.data;
    if (clock.expiryDue === 0) return;
    if (!clock.expiryWarned) {
      clock.expiryWarned = true;
      socket.emit('auth:expiring', { expiresAt: clock.tokenExpiresAt, at });
      clock.expiryDue = clock.tokenExpiresAt;
      this.wheel.add(socket, clock.expiryDue);
      return;
    }
    clock.expiryDue = 0;
    socket.emit('session:ended', { reason: 'token_expired', at });
    socket.disconnect(true);
  }
}
