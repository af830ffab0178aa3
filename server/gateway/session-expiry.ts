import type { HugSocket } from './socket-types.js';

// setTimeout cannot wait longer than this (about 24.8 days); longer waits are re-armed.
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Timers {
  warn?: ReturnType<typeof setTimeout>;
  end?: ReturnType<typeof setTimeout>;
}

/**
 * Ends sockets whose access token expires. Shortly before expiry the socket gets `auth:expiring`;
 * a valid `auth:refresh` renews it; otherwise, at expiry, it gets `session:ended`
 * (`token_expired`) and is disconnected.
 */
export class SessionExpiry {
  private readonly timers = new WeakMap<HugSocket, Timers>();

  constructor(
    private readonly warningMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts (or restarts) the clock of `socket` for `socket.data.tokenExpiresAt`. */
  track(socket: HugSocket): void {
    this.stop(socket);
    const expiresAt = socket.data.tokenExpiresAt;
    const timers: Timers = {};
    const untilWarn = expiresAt - this.warningMs - this.now();
    timers.warn = this.after(Math.max(0, untilWarn), () => {
      socket.emit('auth:expiring', { expiresAt, at: this.now() });
    });
    // Timers may fire a little early against the wall clock, and cannot wait past MAX_TIMER_MS:
    // re-arm until the expiry has really passed, so a session never ends while its token is valid.
    const armEnd = () => {
      const remaining = expiresAt - this.now();
      if (remaining > 0) {
        timers.end = this.after(remaining + 1, armEnd);
        return;
      }
      socket.emit('session:ended', { reason: 'token_expired', at: this.now() });
      socket.disconnect(true);
    };
    armEnd();
    this.timers.set(socket, timers);
  }

  /** Moves the socket to a new token's expiry. */
  renew(socket: HugSocket, expiresAt: number): void {
    socket.data.tokenExpiresAt = expiresAt;
    this.track(socket);
  }

  /** Cancels the socket's timers (on disconnect). */
  stop(socket: HugSocket): void {
    const timers = this.timers.get(socket);
    if (!timers) return;
    clearTimeout(timers.warn);
    clearTimeout(timers.end);
    this.timers.delete(socket);
  }

  private after(ms: number, fn: () => void): ReturnType<typeof setTimeout> {
    const timer = setTimeout(fn, Math.min(ms, MAX_TIMER_MS));
    timer.unref();
    return timer;
  }
}
